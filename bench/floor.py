"""The floor: read and parse a repository's record files with PyYAML's C loader, nothing else.

    python bench/floor.py bench/out/org-10000

A bare Python process (no nencheck import, no validation), walking the same folders nencheck
reads. Whatever nencheck does on top of this is what the benchmark's ratios measure.
"""

from __future__ import annotations

import os
import sys

import yaml

FOLDERS = (
    "controls",
    "policies",
    "evidence/records",
    "evidence/audits",
    "evidence/incidents",
    "evidence/training/completions",
)
FILES = ("nencheck.yaml", "evidence/training/modules.yaml", "evidence/training/people.yaml")
SKIP = os.path.join("policies", "documents")


def record_files(root: str) -> list[str]:
    found = [os.path.join(root, name) for name in FILES if os.path.isfile(os.path.join(root, name))]
    for folder in FOLDERS:
        for directory, subdirs, names in os.walk(os.path.join(root, folder)):
            subdirs[:] = [d for d in subdirs if not d.startswith(".")]
            if os.path.relpath(directory, root).startswith(SKIP):
                continue
            found += [os.path.join(directory, n) for n in names if n.endswith((".yaml", ".yml"))]
    return found


def main(root: str) -> int:
    loader = yaml.CSafeLoader
    files = record_files(root)
    for path in files:
        with open(path, "rb") as stream:
            yaml.load(stream.read(), Loader=loader)
    print(len(files))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
