"""Time ``nencheck network status`` over a network of members of the example's size: all members
in parallel processes (one per CPU), one after the other in one process (``--workers 1``), and
as separate ``nencheck status`` runs, one per member (what a cooperative would script without
``network``).

    python bench/network.py                 # 55 members, 3 timed runs each
    python bench/network.py --members 20 --repeat 5

The members are copies of the example organisation (each its own git repository, with slightly
different settings and audits) generated once into bench/out/network-<N>/. Every command runs
once to warm the parse caches, then ``--repeat`` times; the table shows the median wall-clock
time and the median CPU time (user + system of the processes, a steadier figure on a shared
machine).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import environment, nencheck_command, run_once

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
AS_OF = "2026-11-23"
PARTS = ("nencheck.yaml", "controls", "policies", "evidence", "risks")
AUDITS = ("aud-2025-ext.yaml", "aud-2025-int.yaml", "aud-2026-sa.yaml")


def generate(folder: Path, count: int) -> Path:
    """``count`` members and their network.yaml in ``folder`` (made once)."""
    network = folder / "network.yaml"
    if network.is_file():
        return network
    shutil.rmtree(folder, ignore_errors=True)
    lines = ["network: Benchmarkcoöperatie", "members:"]
    for number in range(1, count + 1):
        member = folder / "members" / f"p{number:03d}"
        member.mkdir(parents=True)
        for part in PARTS:
            source = PROJECT / part
            if source.is_dir():
                shutil.copytree(source, member / part)
            elif source.is_file():
                shutil.copy2(source, member / part)
        settings = member / "nencheck.yaml"
        text = settings.read_text("utf-8").replace(
            "training_target: 0.90", f"training_target: 0.{70 + number % 25}"
        )
        settings.write_text(text, "utf-8")
        for audit in AUDITS[: number % (len(AUDITS) + 1)]:
            (member / "evidence" / "audits" / audit).unlink()
        _git(member, "init", "-q", "-b", "main")
        _git(member, "add", "-A")
        _git(member, "commit", "-q", "-m", "lid")
        lines.append(
            f"  - {{id: P{number:03d}, name: Praktijk {number}, repo: members/p{number:03d}}}"
        )
    network.write_text("\n".join(lines) + "\n", "utf-8")
    return network


def _git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b.example"}
    env.update({"GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@b.example"})
    subprocess.run(["git", *args], cwd=root, check=True, env=env)


def timed(commands: list[list[str]], repeat: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall and CPU seconds of running ``commands`` one after the other, after a warm-up."""
    walls, cpus = [], []
    for attempt in range(repeat + 1):
        wall = cpu = 0.0
        for argv in commands:
            seconds, used, code, stderr = run_once(argv, env)
            if code not in (0, 1):
                raise SystemExit(f"{' '.join(argv)}: exit {code}: {stderr[-300:]}")
            wall, cpu = wall + seconds, cpu + used
        if attempt:
            walls.append(wall)
            cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=55)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args(argv)
    network = generate(BENCH / "out" / f"network-{options.members}", options.members)
    env = environment()
    base = [*nencheck_command(), "network", "status", "--network", str(network)]
    base += ["--as-of", AS_OF, "--format", "json"]
    members = sorted((network.parent / "members").iterdir())
    runs = {
        f"network status, parallel ({os.cpu_count()} CPUs)": [base],
        "network status --workers 1": [[*base, "--workers", "1"]],
        "nencheck status per member": [
            [*nencheck_command(), "--repo", str(m), "status", "--as-of", AS_OF, "--format", "json"]
            for m in members
        ],
    }
    print(
        f"{options.members} members of the example's size, warm parse caches, median of {options.repeat}"
    )
    print(f"{'':44} {'wall s':>8} {'cpu s':>8}")
    for label, commands in runs.items():
        wall, cpu = timed(commands, options.repeat, env)
        print(f"{label:44} {wall:8.2f} {cpu:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
