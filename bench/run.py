"""Time whole nencheck processes against the floor (parsing the same files with PyYAML alone).

    python bench/run.py                  # the example, 170, 1,700 and 10,000 documents
    python bench/run.py --quick          # the example, 170 and 1,700 documents; 3 runs each
    python bench/run.py --sizes example,10000 --repeat 7

Each command runs as its own process (start-up included), once to warm up, then ``--repeat``
times; the table shows the median wall-clock time, the median CPU time (user + system, a
steadier figure on a shared machine), and the ratio of the median to the floor's. ``cold``
runs start without a parse cache (it is deleted before each run, so they include writing it),
``warm`` ones with the cache of the run before, ``no-cache`` ones pass ``--no-cache``.
Organisations are generated once into bench/out/ (``--regenerate`` makes them anew), with a
git history of ``--commits`` commits (2,000; 200 with ``--quick``); ``example`` is the example
organisation at the project's root with its own history.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import AS_OF, HISTORY_POLICY

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
CACHE = Path(".nencheck") / "cache"
NOT_AVAILABLE = ("No such command", "No module named", "ModuleNotFoundError")


@dataclass
class Timing:
    label: str
    mode: str
    wall: float | None  # median seconds; None when the command is not available
    cpu: float | None
    note: str = ""


def nencheck_command() -> list[str]:
    script = Path(sys.executable).with_name("nencheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "nencheck"]


def environment() -> dict[str, str]:
    """The user's environment, with byte-code caching on (some sandboxes switch it off; users
    have it) and no colour."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    return env


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode, done.stderr.decode("utf-8", "replace")


def measure(
    label: str,
    mode: str,
    argv: list[str],
    repeat: int,
    env: dict[str, str],
    before_each: Path | None = None,
) -> Timing:
    """One warm-up run, then ``repeat`` timed runs; ``before_each`` is a cache to delete."""
    walls, cpus = [], []
    for attempt in range(repeat + 1):
        if before_each is not None:
            shutil.rmtree(before_each, ignore_errors=True)
        wall, cpu, code, stderr = run_once(argv, env)
        if code not in (0, 1):
            reason = next((n for n in NOT_AVAILABLE if n in stderr), None)
            note = "not available" if reason else f"exit {code}: {stderr.strip()[-120:]}"
            return Timing(label, mode, None, None, note)
        if attempt:
            walls.append(wall)
            cpus.append(cpu)
    return Timing(label, mode, statistics.median(walls), statistics.median(cpus))


def organisation(size: str, commits: int, regenerate: bool) -> Path:
    if size == "example":
        return BENCH.parent  # the example organisation at the project's root, as committed
    target = OUT / f"org-{size}"
    stamp = OUT / f"org-{size}.json"
    wanted = {"documents": int(size), "git_commits": commits}
    if (
        not regenerate
        and target.is_dir()
        and stamp.is_file()
        and (json.loads(stamp.read_text()) == wanted)
    ):
        return target
    print(f"generating {size} documents, {commits} commits ...", file=sys.stderr)
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "generate.py"),
            str(target),
            "--documents",
            str(size),
            "--git-commits",
            str(commits),
        ],
        check=True,
    )
    stamp.write_text(json.dumps(wanted))
    return target


def bench_size(root: Path, repeat: int, env: dict[str, str]) -> list[Timing]:
    nencheck = nencheck_command()
    common = ["--repo", str(root), "--as-of", AS_OF.isoformat()]
    cache = root / CACHE
    timings = [
        measure(
            "floor (PyYAML C loader)",
            "",
            [sys.executable, str(BENCH / "floor.py"), str(root)],
            repeat,
            env,
        )
    ]
    timings.append(measure("nencheck --help", "", [*nencheck, "--help"], repeat, env))
    commands = [
        ("check", ["check"]),
        ("check --format json", ["check", "--format", "json"]),
        ("status --format json", ["status", "--format", "json"]),
        ("due --format json", ["due", "--format", "json"]),
    ]
    for label, args in commands:
        argv = [*nencheck, *common, *args]
        timings.append(measure(label, "cold", argv, repeat, env, before_each=cache))
        timings.append(measure(label, "warm", argv, repeat, env))
        timings.append(measure(label, "no-cache", [*argv, "--no-cache"], repeat, env))
    policy = history_policy(root)
    history = [*nencheck, *common, "policy", "history", policy, "--format", "json"]
    timings.append(measure(f"policy history {policy}", "warm", history, repeat, env))
    return timings


def history_policy(root: Path) -> str:
    """The generated organisations' most reviewed policy, or the example's most changed one."""
    if root.parent == OUT:
        return HISTORY_POLICY
    import yaml

    log = subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "log",
            "--format=",
            "--name-only",
            "--",
            "policies/*.yaml",
            "policies/**/*.yaml",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    existing = [path for path in log if (root / path).is_file()]
    busiest = max(set(existing), key=existing.count)
    return str(yaml.safe_load((root / busiest).read_text(encoding="utf-8"))["id"])


def table(size: str, root: Path, timings: list[Timing]) -> str:
    floor = timings[0].wall
    files = int(
        subprocess.run(
            [sys.executable, str(BENCH / "floor.py"), str(root)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    title = "The example organisation" if size == "example" else f"{int(size):,} documents"
    lines = [
        f"\n{title} ({files:,} record files, {_commits(root)} commits)\n",
        f"| {'command':<34} | {'mode':<8} | {'median s':>8} | {'cpu s':>6} | {'× floor':>7} |",
        f"|{'-' * 36}|{'-' * 10}|{'-' * 9}:|{'-' * 7}:|{'-' * 8}:|",
    ]
    for timing in timings:
        if timing.wall is None or timing.cpu is None:
            lines.append(f"| {timing.label:<34} | {timing.mode:<8} | {timing.note:>29} |")
            continue
        ratio = f"{timing.wall / floor:.2f}" if floor else "-"
        lines.append(
            f"| {timing.label:<34} | {timing.mode:<8} | {timing.wall:>8.3f} "
            f"| {timing.cpu:>6.3f} | {ratio:>7} |"
        )
    return "\n".join(lines)


def _commits(root: Path) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), "rev-list", "--count", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=None, help="comma-separated document counts")
    parser.add_argument("--repeat", type=int, default=None, help="timed runs per command")
    parser.add_argument("--commits", type=int, default=None, help="git history length")
    parser.add_argument("--quick", action="store_true", help="small sizes, fewer runs")
    parser.add_argument("--regenerate", action="store_true", help="generate the organisations anew")
    options = parser.parse_args(argv)
    default = "example,170,1700" if options.quick else "example,170,1700,10000"
    sizes = (options.sizes or default).split(",")
    repeat = options.repeat or (3 if options.quick else 5)
    commits = options.commits if options.commits is not None else (200 if options.quick else 2000)
    env = environment()
    print(
        f"python {platform.python_version()}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.2f} at start; median of {repeat} runs after one warm-up"
    )
    for size in sizes:
        root = organisation(size, commits, options.regenerate)
        print(table(size, root, bench_size(root, repeat, env)), flush=True)
    print(f"\nload average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
