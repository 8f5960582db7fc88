"""The console transcripts of README.md and docs/*.md, parsed and run, so a doc cannot drift.

A transcript is a ```` ```console ```` block: lines starting with ``$ `` are commands (a line
ending in a backslash continues on the next), the lines up to the next command are what it
prints (stdout and stderr together). Each command runs in a shell of its own in the sandbox
folder (a ``cd`` lasts for its own line only; ``$?`` is the exit code of the command before). A line that is only ``…`` in the expected output stands
for any number of lines. Blocks of one document run in order, in one sandbox: a copy of the
example organisation as ``nencheck init --example`` makes it (so commit ids and dates are
the same everywhere), with a fixed git identity and commit date, ``COLUMNS=80`` and no colour.

A block preceded by ``<!-- transcript: skip REASON -->`` is not run (a real SMTP server, a
package install); the reason is required. ``NENCHECK_UPDATE_DOCS=1`` rewrites the expected
output of every command whose transcript has no ``…``, for a person to review with git diff.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

SKIP = re.compile(r"<!--\s*transcript:\s*skip\s+(\S.*?)\s*-->")
FENCE_OPEN = re.compile(r"^(\s*)```console\s*$")
ELLIPSIS = "…"
COMMIT_DATE = "2026-11-23T14:05:00+01:00"


@dataclass
class Command:
    text: str  # the command as the shell reads it (continuation lines joined)
    expected: list[str] = field(default_factory=list)
    first_line: int = 0  # 0-based line of the ``$`` in the document
    last_line: int = 0  # 0-based line after the expected output


@dataclass
class Block:
    document: Path
    line: int  # 1-based line of the opening fence
    indent: str
    commands: list[Command]
    skip: str | None = None

    @property
    def name(self) -> str:
        return f"{self.document.name}:{self.line}"


def blocks_of(document: Path) -> list[Block]:
    lines = document.read_text(encoding="utf-8").split("\n")
    blocks, index = [], 0
    while index < len(lines):
        opening = FENCE_OPEN.match(lines[index])
        if not opening:
            index += 1
            continue
        indent = opening.group(1)
        end = next(i for i in range(index + 1, len(lines)) if lines[i].strip() == "```")
        skip = _skip_reason(lines, index)
        body = [
            line[len(indent) :] if line.startswith(indent) else line.lstrip()
            for line in lines[index + 1 : end]
        ]
        blocks.append(Block(document, index + 1, indent, _commands(body, index + 1), skip))
        index = end + 1
    return blocks


def _skip_reason(lines: list[str], fence: int) -> str | None:
    for line in reversed(lines[max(0, fence - 3) : fence]):
        found = SKIP.search(line)
        if found:
            return found.group(1)
    return None


def _commands(body: list[str], offset: int) -> list[Command]:
    commands: list[Command] = []
    index = 0
    while index < len(body):
        line = body[index]
        if not line.startswith("$ "):
            if commands:
                commands[-1].expected.append(line)
            index += 1
            continue
        parts, first = [line[2:]], index
        while parts[-1].endswith("\\") and index + 1 < len(body):
            index += 1
            parts.append(body[index].strip())
        commands.append(Command("\n".join(parts), first_line=offset + first))
        index += 1
    for command in commands:
        while command.expected and not command.expected[-1].strip():
            command.expected.pop()
    return commands


def environment(home: Path, bin_dir: Path) -> dict[str, str]:
    return {
        "PATH": f"{bin_dir}{os.pathsep}/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "PYTHONUNBUFFERED": "1",  # stdout and stderr interleave as in a terminal
        "TZ": "Europe/Amsterdam",
        "GIT_AUTHOR_NAME": "Medisch manager HAP",
        "GIT_AUTHOR_EMAIL": "kwaliteit@voorbeeld.example",
        "GIT_COMMITTER_NAME": "Medisch manager HAP",
        "GIT_COMMITTER_EMAIL": "kwaliteit@voorbeeld.example",
        "GIT_AUTHOR_DATE": COMMIT_DATE,
        "GIT_COMMITTER_DATE": COMMIT_DATE,
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def run(command: Command, cwd: Path, env: dict[str, str], status: int = 0) -> tuple[list[str], int]:
    """Run one command in its own shell; ``$?`` in it is ``status``, the previous command's."""
    done = subprocess.run(
        ["bash", "-c", f"(exit {status}); {command.text}"],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
        check=False,
    )
    lines = [line.rstrip() for line in done.stdout.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines, done.returncode


def has_ellipsis(expected: list[str]) -> bool:
    """Whether the expected output skips lines (then update mode leaves it to a person)."""
    return any(line.strip() == ELLIPSIS for line in expected)


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line, trailing spaces ignored; a line that is only ``…`` matches any lines."""
    expected = [line.rstrip() for line in expected]
    return _match(expected, 0, actual, 0)


def _match(expected: list[str], i: int, actual: list[str], j: int) -> bool:
    while i < len(expected):
        if expected[i].strip() == ELLIPSIS:
            return any(_match(expected, i + 1, actual, k) for k in range(j, len(actual) + 1))
        if j >= len(actual) or expected[i] != actual[j]:
            return False
        i, j = i + 1, j + 1
    return j == len(actual)


def rewrite(document: Path, updates: list[tuple[Block, Command, list[str]]]) -> None:
    """Replace the expected output of each command with what it printed."""
    lines = document.read_text(encoding="utf-8").split("\n")
    for block, command, actual in sorted(updates, key=lambda update: -update[1].first_line):
        start = command.first_line + command.text.count("\n") + 1
        end = start
        while end < len(lines) and not lines[end].lstrip().startswith(("$ ", "```")):
            end += 1
        blank = 0
        while end - blank > start and not lines[end - blank - 1].strip():
            blank += 1
        lines[start:end] = [block.indent + line if line else "" for line in actual] + [""] * blank
    document.write_text("\n".join(lines), encoding="utf-8")
