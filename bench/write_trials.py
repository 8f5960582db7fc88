"""Writers at once and writes killed at random moments, as many trials as you like (issue 14).

    python bench/write_trials.py --rounds 50 --kills 200 [--seed 7]

Works on a fresh git copy of the example organisation in a temporary folder. Each round starts
one ``policy review`` and two ``finding add`` at the same moment; each kill starts an
``evidence add`` or a ``policy review`` and SIGKILLs it (alone, or with its git children) at a
random moment. Every trial checks the invariant (tests/cli/write_trials.py) and stops with an
AssertionError when it breaks; at the end the tallies are printed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.cli import write_trials
from tests.conftest import GIT_IDENTITY, copy_example, init_git


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="rounds of three writers at once")
    parser.add_argument("--kills", type=int, default=100, help="writes killed at random")
    parser.add_argument("--seed", type=int, default=None)
    options = parser.parse_args()
    os.environ.update(GIT_IDENTITY)
    rng = random.Random(options.seed)
    with tempfile.TemporaryDirectory(prefix="nencheck-write-trials-") as folder:
        root = init_git(copy_example(Path(folder) / "org"))
        work = Path(folder) / "sources"
        work.mkdir()
        tally = write_trials.ConcurrencyTally()
        for number in range(options.rounds):
            write_trials.writers_round(root, number, tally)
        print(
            f"writers at once: {tally.rounds} rounds of 3 processes: {tally.committed} "
            f"committed, {tally.refused} refused naming the holder, "
            f"{tally.lost_updates} lost updates"
        )
        durations = write_trials.calibrate(root, work)
        kills = write_trials.KillTally()
        for number in range(1, options.kills + 1):
            outcome = write_trials.kill_trial(root, work, number, durations, rng)
            kills.trials += 1
            kills.outcomes[outcome] += 1
        print(kills.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
