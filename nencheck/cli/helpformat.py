"""``--help`` that fits the terminal: click wraps prose but keeps ``\\b`` blocks (the examples)
as written; a long example command is broken here at a space with a shell continuation " \\"."""

from __future__ import annotations

import click


class HelpFormatter(click.HelpFormatter):
    def write_text(self, text: str) -> None:
        start = len(self.buffer)
        super().write_text(text)
        written = "".join(self.buffer[start:])
        del self.buffer[start:]
        lines = [part for line in written.split("\n") for part in _break(line, self.width)]
        self.write("\n".join(lines))


def _break(line: str, width: int) -> list[str]:
    """A line longer than ``width`` as shell lines joined by " \\", continuations indented."""
    if len(line) <= width or " " not in line.strip():
        return [line]
    indent = line[: len(line) - len(line.lstrip())]
    lines: list[str] = []
    current = ""
    for word in line.split():
        lead = indent if not lines else indent + "  "
        candidate = f"{current} {word}" if current else lead + word
        if len(candidate) + 2 > width and current.strip():
            lines.append(current + " \\")
            current = indent + "  " + word
        else:
            current = candidate
    return [*lines, current]
