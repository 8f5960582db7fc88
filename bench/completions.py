"""Time and memory of 800,000 training completions: read by `check`, and imported from an export.

    python bench/completions.py                 # 800,000 rows, 3 runs each
    python bench/completions.py --rows 200000 --repeat 1

Issue 14 measured a 48 MB completions file of 800,000 rows at 17 s and 2.7 GB before the
one-row-a-line reader (store/read/completion_lines.py); the target is well under 1 GB and under
6 s. The organisation is a copy of the example with one big completions file (for `check`), or
without it and an 800,000-row CSV export in the form learning platforms write (for
`training import`, which then appends the rows to the yearly files). Each command runs as its
own process; the table shows the median wall-clock time and the largest resident memory
(``ru_maxrss`` of the child). The floor is parsing the big file with PyYAML's C loader.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out" / "completions"
AS_OF = "2026-11-23"
EXAMPLE = ("nencheck.yaml", "controls", "policies", "evidence", "risks")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}


def people(root: Path) -> list[str]:
    text = (root / "evidence/training/people.yaml").read_text(encoding="utf-8")
    return [line.split('"')[1] for line in text.splitlines() if line.startswith("  - {id:")]


def copy_example(target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in EXAMPLE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


def commit(root: Path) -> None:
    env = {**os.environ, **GIT_ENV}
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", "bench"], cwd=root, check=True, env=env)
    subprocess.run(
        ["git", "tag", "-f", "bench"], cwd=root, check=True, env=env, capture_output=True
    )


def rows(count: int, ids: list[str]) -> list[tuple[str, str, date]]:
    rng = random.Random(7510)
    start = date(2024, 1, 1)
    return [
        (rng.choice(ids), f"AW-0{rng.randint(1, 6)}", start + timedelta(days=rng.randint(0, 1050)))
        for _ in range(count)
    ]


def prepare(count: int) -> tuple[Path, Path, Path]:
    """The organisation with a big completions file, the one without, and the export."""
    reading = copy_example(OUT / "reading")
    data = rows(count, people(reading))
    lines = ["completions:"]
    lines += [f'  - {{person: "{p}", module: {m}, completed: {d}}}' for p, m, d in data]
    big = reading / "evidence/training/completions/export.yaml"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    commit(reading)
    importing = copy_example(OUT / "importing")
    commit(importing)
    export = OUT / "export.csv"
    with export.open("w", encoding="utf-8") as stream:
        stream.write("Personeelsnummer;Naam;Cursuscode;Afgerond op\n")
        for number, (person, module, day) in enumerate(data):
            stream.write(f"{person};Medewerker {number};{module};{day:%d-%m-%Y}\n")
    return reading, importing, export


def measure(
    label: str, argv: list[str], cwd: Path, repeat: int, before: list[str] | None = None
) -> str:
    times, peak = [], 0
    for _ in range(repeat):
        # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: measure each command in a
        # process of its own so earlier commands do not count.
        script = (
            "import resource,subprocess,sys,time,json;"
            "t=time.perf_counter();"
            "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "print(json.dumps([time.perf_counter()-t,"
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss//1024]))"
        )
        env = {**os.environ, **GIT_ENV}
        if before:
            subprocess.run(before, cwd=cwd, check=True, env=env, capture_output=True)
        out = subprocess.run(
            [sys.executable, "-c", script, *argv],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed, memory = json.loads(out.stdout)
        times.append(elapsed)
        peak = max(peak, memory)
    return f"| {label} | {statistics.median(times):.2f} s | {peak} MB |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=800_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args(argv)
    reading, importing, export = prepare(options.rows)
    nencheck = [str(Path(sys.executable).with_name("nencheck"))]
    floor = [
        sys.executable,
        "-c",
        "import sys,yaml;yaml.load(open(sys.argv[1],encoding='utf-8'),Loader=yaml.CSafeLoader)",
        str(reading / "evidence/training/completions/export.yaml"),
    ]
    reset = ["git", "reset", "-q", "--hard", "bench"]
    print(f"{options.rows:,} completions, median of {options.repeat}\n")
    print("| run | wall | peak memory |\n|---|---:|---:|")
    print(measure("floor: PyYAML C loader, the big file alone", floor, reading, options.repeat))
    print(
        measure(
            "`check --no-cache`",
            [*nencheck, "check", "--as-of", AS_OF, "--no-cache"],
            reading,
            options.repeat,
        )
    )
    print(measure("`check` warm", [*nencheck, "check", "--as-of", AS_OF], reading, options.repeat))
    import_argv = [*nencheck, "training", "import", str(export), "--as-of", AS_OF]
    print(
        measure(
            "`training import` (and its commit)",
            import_argv,
            importing,
            options.repeat,
            before=reset,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
