"""Error values and the few exceptions that stop a command.

Data errors are values collected across all files (``DataError``); exceptions are only for
"cannot continue" situations, and the CLI's single error boundary turns them into exit codes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class DataError:
    """A record that cannot be read. ``code`` is a stable identifier (see README, "Error codes")."""

    file: str
    line: int
    column: int
    code: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.code}: {self.message}"


class NencheckError(Exception):
    """A condition the user can fix (no repository, bad option value, dirty file): exit 2."""

    exit_code = 2


class DataErrors(NencheckError):
    """The records could not be read; carries every error found, not only the first."""

    def __init__(
        self, errors: list[DataError], settings_broken: bool = False, for_change: bool = False
    ) -> None:
        super().__init__(f"{len(errors)} data error(s)")
        self.errors = sorted(errors)
        # nencheck.yaml (or the catalog it names) cannot be read: nothing can be evaluated.
        self.settings_broken = settings_broken
        # a command that changes records refused: nothing was written
        self.for_change = for_change


# Stable error codes. Never rename one: they appear in JSON, SARIF and the docs.
ERROR_CODES: dict[str, str] = {
    "yaml-syntax": "the file is not valid YAML",
    "yaml-tag": "a YAML tag that is not plain data (!!python/..., !custom)",
    "yaml-alias-bomb": "anchors and aliases expand to an unreasonable size",
    "duplicate-key": "the same key twice in one mapping",
    "not-utf8": "the file is not UTF-8 text",
    "unreadable-file": "the file cannot be read (missing in the revision, no permission)",
    "merge-conflict": "git merge-conflict markers are left in the file",
    "empty-file": "the file has no content",
    "not-a-mapping": "the file's top level is not a mapping of keys to values",
    "unknown-field": "a field the record kind does not have (typo?)",
    "missing-field": "a required field is absent",
    "invalid-value": "a value of the wrong type or outside the allowed values",
    "invalid-date": "not a date or timestamp, or an impossible one",
    "invalid-duration": "not a duration such as 90d, 6w, 6m, 1y",
    "duplicate-id": "two records of one kind share an id",
    "unknown-reference": "a reference to a control, policy, evidence item, unit, person or module that does not exist",
    "path-outside-repo": "a path that points outside the repository",
    "unknown-framework": "nencheck.yaml names a catalog that does not exist",
    "invalid-catalog": "a catalog file of the organisation's own is not valid",
    "member-unreadable": "a member of network.yaml cannot be reached or read (network check)",
    "hidden-file": "a record file whose name (or a folder on its path) starts with a dot",
}
