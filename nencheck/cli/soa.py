"""``nencheck soa``: the Statement of Applicability (Verklaring van Toepasselijkheid)."""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from nencheck.cli.context import (
    app,
    emit,
    format_option,
    global_options,
    output_option,
    text_width,
)
from nencheck.cli.groups import HelpCommand
from nencheck.errors import NencheckError
from nencheck.i18n import _, current_language

FORMATS = ("text", "csv", "xlsx", "markdown", "html", "json")


@click.command(cls=HelpCommand)
@format_option(*FORMATS)
@click.option(
    "--map-from",
    "map_from",
    type=click.Choice(["2013"]),
    default=None,
    help="Add the ISO 27002:2013 / NEN 7510:2017 controls each control replaces.",
)
@output_option
@global_options
@click.pass_context
def soa(ctx: click.Context, output_format: str, map_from: str | None, output: Path | None) -> int:
    """The Statement of Applicability (Verklaring van Toepasselijkheid).

    The Statement of Applicability: every catalog control, applicable or not with the
    justification, its status and owner, and the policies and evidence linked to it.

    \b
    Examples:
      nencheck soa
      nencheck soa --format xlsx -o verklaring-van-toepasselijkheid.xlsx
      nencheck soa --format csv --map-from 2013 -o soa.csv
    """
    from nencheck.checks.soa import soa_rows
    from nencheck.render.soa_common import soa_view

    if output_format == "xlsx" and output is None:
        raise NencheckError(
            _("--format xlsx writes a workbook: name the file with -o, e.g. -o soa.xlsx")
        )
    state = app(ctx)
    records = state.load()
    mapping = None
    if map_from == "2013":
        from nencheck.store.read.catalogs import mapping_2013_reverse

        mapping = mapping_2013_reverse()
    view = soa_view(records, soa_rows(records, mapping), state.as_of, current_language())
    renderer = importlib.import_module(f"nencheck.render.soa_{output_format}")
    if output_format == "text":
        emit(renderer.render(view, text_width(output)), output)
    else:
        emit(renderer.render(view), output)
    return 0
