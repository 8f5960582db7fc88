"""``nencheck schema [KIND]``: JSON Schema of the record kinds."""

from __future__ import annotations

import json
from pathlib import Path

import click

from nencheck.cli.context import emit, global_options, output_option
from nencheck.cli.groups import HelpCommand
from nencheck.render.json_schema import SCHEMA_KINDS, all_schemas, schema_for


@click.command(cls=HelpCommand)
@click.argument("kind", required=False, type=click.Choice(sorted(SCHEMA_KINDS)))
@click.option(
    "--write-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write one <kind>.schema.json per kind into this folder.",
)
@output_option
@global_options
def schema(kind: str | None, write_dir: Path | None, output: Path | None) -> int:
    """Print the JSON Schema of a record kind (all kinds when KIND is omitted).

    \b
    Examples:
      nencheck schema policy > .schemas/policy.schema.json
      nencheck schema --write-dir .schemas
    """
    if write_dir is not None:
        _make_folder(write_dir)
        for name, document in all_schemas().items():
            emit(
                json.dumps(document, indent=2, ensure_ascii=False) + "\n",
                write_dir / f"{name}.schema.json",
            )
        return 0
    document = schema_for(kind) if kind else all_schemas()
    emit(json.dumps(document, indent=2, ensure_ascii=False) + "\n", output)
    return 0


def _make_folder(folder: Path) -> None:
    """``--write-dir .schemas`` in a fresh repository: the folder is made, as the docs promise."""
    from nencheck.errors import NencheckError
    from nencheck.i18n import _

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NencheckError(
            _("cannot create the folder {path}: {reason}").format(
                path=folder, reason=error.strerror or error
            )
        ) from None
