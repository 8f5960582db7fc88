"""The outcome of ``nencheck verify``: each evidence file's state, and files no record names."""

from __future__ import annotations

from dataclasses import dataclass, field

OK = "ok"
CHANGED = "changed"  # the file's sha256 differs from the one recorded
MISSING = "missing"  # the record names a file that is not there
UNHASHED = "unhashed"  # the file is there but no sha256 was recorded to compare with


@dataclass(frozen=True)
class FileCheck:
    evidence: str
    file: str
    state: str
    recorded: str | None
    actual: str | None
    record_file: str
    line: int

    def to_json(self) -> dict[str, object]:
        return {
            "evidence": self.evidence,
            "file": self.file,
            "state": self.state,
            "recorded": self.recorded,
            "actual": self.actual,
            "record": f"{self.record_file}:{self.line}",
        }


@dataclass
class VerifyReport:
    checks: list[FileCheck] = field(default_factory=list)
    unreferenced: list[str] = field(default_factory=list)

    def having(self, state: str) -> list[FileCheck]:
        return [check for check in self.checks if check.state == state]

    @property
    def ok(self) -> bool:
        """Nothing changed and nothing missing (unhashed and unreferenced files are warnings)."""
        return not self.having(CHANGED) and not self.having(MISSING)
