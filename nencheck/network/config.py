"""Finding and reading network.yaml: ``--network FILE``, or walking up from the working folder
as nencheck.yaml is found; validated like every record, errors located at file:line:column."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from nencheck.errors import DataError, DataErrors, NencheckError
from nencheck.i18n import _
from nencheck.model.network import Member, Network

NETWORK_FILE = "network.yaml"


@dataclass(frozen=True)
class NetworkConfig:
    """The validated network.yaml, where it lies (member paths are relative to its folder) and
    how to name it in messages."""

    network: Network
    path: Path
    shown: str

    @property
    def folder(self) -> Path:
        return self.path.parent

    def member_line(self, member: Member) -> tuple[int, int]:
        return member.origin.line, member.origin.column


def find_network(explicit: str | None, start: Path | None = None) -> Path:
    """``--network FILE``, else the first network.yaml in the working folder or above it."""
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise NencheckError(
                _("--network: {path} does not exist; point it at your network.yaml").format(
                    path=path
                )
            )
        return path
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / NETWORK_FILE).is_file():
            return folder / NETWORK_FILE
    raise NencheckError(
        _(
            "no {file} found in {path} or any folder above it; run nencheck network in the "
            "network's folder or give --network FILE"
        ).format(file=NETWORK_FILE, path=here)
    )


def declared_language(path: Path) -> str:
    """The file's ``language:`` (default nl), read before validating it so that its own data
    errors are worded in the network's language too."""
    import re

    try:
        text = path.read_text("utf-8", "replace")
    except OSError:
        return "nl"
    match = re.search(r"^language:\s*[\"']?(nl|en)\b", text, re.M)
    return match.group(1) if match else "nl"


def read_network(path: Path) -> NetworkConfig:
    """The validated network file; DataErrors with every error found."""
    from nencheck.store.read.parsing import parse_bytes, validate_file

    shown = _shown(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise NencheckError(
            _("cannot read {path}: {reason}").format(path=shown, reason=error.strerror or error)
        ) from None
    parsed = parse_bytes(shown, raw)
    if isinstance(parsed, DataError):
        raise DataErrors([parsed])
    data, node = parsed
    result = validate_file(shown, data, node, Network, None)
    if result.errors:
        raise DataErrors(result.errors)
    network = result.records[0]
    assert isinstance(network, Network)
    _attach_member_origins(network, node, shown)
    errors = _duplicate_ids(network, shown)
    if errors:
        raise DataErrors(errors)
    return NetworkConfig(network, path.resolve(), shown)


def _attach_member_origins(network: Network, node: object, shown: str) -> None:
    import yaml

    from nencheck.store.read.parsing import attach_origins
    from nencheck.store.read.yamlread import node_at

    target, _key, followed = node_at(node, ("members",))  # type: ignore[arg-type]
    if followed == 1 and isinstance(target, yaml.SequenceNode):
        for member, member_node in zip(network.members, target.value, strict=False):
            attach_origins(member, shown, member_node)


def _duplicate_ids(network: Network, shown: str) -> list[DataError]:
    seen: set[str] = set()
    errors: list[DataError] = []
    for member in network.members:
        if member.id.casefold() in seen:
            line, column = member.origin.at("id")
            errors.append(
                DataError(
                    shown,
                    line,
                    column,
                    "duplicate-id",
                    _("member id {id} is used twice; give each member its own id").format(
                        id=member.id
                    ),
                )
            )
        seen.add(member.id.casefold())
    return errors


def _shown(path: Path) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path.resolve())
    return str(path.resolve()) if relative.startswith("..") else relative
