"""``nencheck risk list|show|matrix|assess|accept|import``: the risk register."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from nencheck.cli import exitcodes
from nencheck.cli.completion import complete_risk_ids
from nencheck.cli.context import (
    app,
    check_owner,
    emit,
    format_option,
    global_options,
    output_option,
    parse_cli_date,
)
from nencheck.cli.editing import commit, commit_options, records_for_edit
from nencheck.cli.groups import HelpGroup
from nencheck.errors import NencheckError
from nencheck.i18n import _

if TYPE_CHECKING:
    from nencheck.cli.context import AppContext

TREATMENTS = ("mitigate", "accept", "transfer", "avoid")


@click.group(cls=HelpGroup)
@global_options
def risk() -> None:
    """The risk register: assessment, treatment plan and acceptance.

    \b
    Examples:
      nencheck risk list --above-appetite
      nencheck risk show R-2025-007
      nencheck risk matrix --format svg -o heatmap.svg
      nencheck risk assess R-2025-007 --likelihood 3 --impact 4 --date 2026-11-20
      nencheck risk accept R-2026-004 --by Bestuurder --date 2026-11-20
    """


@risk.command(name="list", short_help="The open risks by score; filters; text, json, csv.")
@click.option("--level", "levels", multiple=True, help="Only risks at this level (repeatable).")
@click.option("--owner", help="Only risks of this owner (case does not matter).")
@click.option("--unit", help="Only risks of this unit (and those for all units).")
@click.option(
    "--treatment",
    "treatments",
    multiple=True,
    type=click.Choice(TREATMENTS),
    help="Only risks with this treatment (repeatable).",
)
@click.option("--above-appetite", is_flag=True, help="Only open risks above the appetite.")
@click.option("--all", "include_closed", is_flag=True, help="Also closed risks.")
@format_option("text", "json", "csv")
@output_option
@global_options
@click.pass_context
def list_risks(
    ctx: click.Context,
    levels: tuple[str, ...],
    owner: str | None,
    unit: str | None,
    treatments: tuple[str, ...],
    above_appetite: bool,
    include_closed: bool,
    output_format: str,
    output: Path | None,
) -> int:
    """List the open risks, highest current score first (! marks those above the appetite).

    \b
    Examples:
      nencheck risk list --above-appetite
      nencheck risk list --level high --level critical --format csv -o risks.csv
    """
    from nencheck.checks.risk_register import RiskFilter, risk_rows
    from nencheck.render import risks as render

    state = app(ctx)
    records = state.load()
    _check_levels(levels, list(records.settings.risk.levels))
    check_owner(records, owner)
    chosen = RiskFilter(levels, owner, unit, treatments, above_appetite, include_closed)
    rows = risk_rows(records, state.as_of, chosen)
    if output_format == "json":
        emit(render.risks_json(rows, state.as_of), output)
    elif output_format == "csv":
        emit(render.risks_csv(rows, state.as_of), output)
    else:
        from nencheck.cli.context import text_width

        appetite = records.settings.risk.appetite
        emit(render.risks_text(rows, state.as_of, appetite, text_width(output)), output)
    return exitcodes.OK


def _check_levels(levels: tuple[str, ...], known: list[str]) -> None:
    unknown = [level for level in levels if level not in known]
    if unknown:
        raise click.BadParameter(
            _("unknown level {levels}; the levels of nencheck.yaml are: {known}").format(
                levels=", ".join(unknown), known=", ".join(known)
            ),
            param_hint="--level",
        )


@risk.command(short_help="One risk: levels, controls, actions, history from git.")
@click.argument("risk_id", metavar="ID", shell_complete=complete_risk_ids)
@click.option(
    "--since",
    metavar="DATE",
    help="History since this date (e.g. the last audit): the assessment in force then, and "
    "every later one.",
)
@format_option("text", "json")
@output_option
@global_options
@click.pass_context
def show(
    ctx: click.Context, risk_id: str, since: str | None, output_format: str, output: Path | None
) -> int:
    """One risk: its level now and the target, its controls with their SoA state, its actions
    and every assessment from git (date, likelihood, impact, level, who committed it).

    \b
    Examples:
      nencheck risk show R-2025-007
      nencheck risk show R-2025-007 --since 2025-06-12 --format json
    """
    from nencheck.checks.risk_register import assessment_rows, risk_row
    from nencheck.registers.risk import find_risk
    from nencheck.render import risks as render

    state = app(ctx)
    records = state.load()
    found = find_risk(records, risk_id)
    row = risk_row(records, found, state.as_of)
    controls = [
        render.ControlState(
            control_id,
            records.control_title(control_id),
            control.applicable if control else None,
            control.status.value if control else None,
        )
        for control_id in found.controls
        for control in [records.control_by_id.get(control_id)]
    ]
    assessments = _assessments(state, found.origin.file)
    if since is not None:  # the assessments since then, and the one in force on that date
        start = parse_cli_date(since, "--since").isoformat()
        earlier = [a for a in assessments if a.assessed < start]
        assessments = [a for a in assessments if a.assessed >= start] + earlier[:1]
    history = assessment_rows(assessments, records.settings.risk)
    criteria = records.settings.risk
    if output_format == "json":
        emit(render.risk_show_json(row, controls, history), output)
    else:
        from nencheck.cli.context import text_width
        from nencheck.render.layout import wrap_text

        scales = (criteria.likelihood, criteria.impact)
        text = render.risk_show_text(row, controls, history, scales, criteria.appetite)
        emit(wrap_text(text, text_width(output), " " * 18), output)
    return exitcodes.OK


def _assessments(state: AppContext, path: str) -> list:  # type: ignore[type-arg]
    """The risk file's assessments from git; none when the repository is not in git."""
    from nencheck.cli.history_rules import history_start
    from nencheck.store.git.history import risk_assessments
    from nencheck.store.git.runner import is_git_repo

    if not is_git_repo(state.root):
        return []
    return risk_assessments(state.root, path, rev=history_start(state))


@risk.command(short_help="The heat map, current and target; text, json, svg.")
@click.option("--unit", help="Only risks of this unit (and those for all units).")
@click.option("--owner", help="Only risks of this owner.")
@format_option("text", "json", "svg")
@output_option
@global_options
@click.pass_context
def matrix(
    ctx: click.Context, unit: str | None, owner: str | None, output_format: str, output: Path | None
) -> int:
    """The heat map of the open risks: current and target side by side, counts per cell.

    \b
    Examples:
      nencheck risk matrix
      nencheck risk matrix --format svg -o risicomatrix.svg
    """
    from nencheck.checks.risk_register import RiskFilter, heat_map, risk_rows
    from nencheck.render import risk_matrix
    from nencheck.render.registers import to_json

    state = app(ctx)
    records = state.load()
    check_owner(records, owner)
    rows = risk_rows(records, state.as_of, RiskFilter(owner=owner, unit=unit))
    heat = heat_map(rows, records.settings.risk)
    if output_format == "svg":
        title = _("Risk matrix {organisation}, {date}").format(
            organisation=records.settings.organisation, date=state.as_of.isoformat()
        )
        emit(risk_matrix.matrix_svg(heat, title), output)
    elif output_format == "json":
        emit(to_json({"as_of": state.as_of.isoformat(), **heat.to_json()}), output)
    else:
        from nencheck.cli.context import text_width
        from nencheck.render.layout import wrap_text

        emit(wrap_text(risk_matrix.matrix_text(heat), text_width(output), "  "), output)
    return exitcodes.OK


class ScorePair(click.ParamType):
    name = "L,I"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[int, int]:
        if isinstance(value, tuple):
            return value  # type: ignore[return-value]
        parts = [part.strip() for part in str(value).split(",")]
        if len(parts) != 2 or not all(part.isdigit() for part in parts):
            self.fail(_("write likelihood,impact as two whole numbers, e.g. 2,4"), param, ctx)
        return int(parts[0]), int(parts[1])


def _past_date(text: str | None, state: AppContext) -> date:
    """--date (default: --as-of or today); an assessment or acceptance has taken place, so a
    date after today is refused."""
    day = parse_cli_date(text, "--date") if text else state.as_of
    today = date.today()
    if day > today:
        raise NencheckError(
            _(
                "--date {day} lies after today ({today}): record an assessment or acceptance "
                "once it has taken place"
            ).format(day=day, today=today)
        )
    return day


@risk.command(short_help="Record a new assessment (one commit).")
@click.argument("risk_id", metavar="ID", shell_complete=complete_risk_ids)
@click.option("--likelihood", type=int, required=True, help="Likelihood now (1..scale).")
@click.option("--impact", type=int, required=True, help="Impact now (1..scale).")
@click.option("--target", type=ScorePair(), help="The residual risk aimed for: L,I.")
@click.option("--date", "day", metavar="DATE", help="Date of the assessment (default: today).")
@commit_options
@global_options
@click.pass_context
def assess(
    ctx: click.Context,
    risk_id: str,
    likelihood: int,
    impact: int,
    target: tuple[int, int] | None,
    day: str | None,
    no_commit: bool,
    force: bool,
) -> int:
    """Record a new assessment of a risk (its file edited in place, one commit).

    \b
    Example:
      nencheck risk assess R-2025-007 --likelihood 3 --impact 4 --target 2,4 --date 2026-11-20
    """
    from nencheck.registers.risk import assess_risk

    state = app(ctx)
    records = records_for_edit(state, needs=frozenset({"risk"}))
    edit = assess_risk(
        state.root,
        records,
        risk_id,
        likelihood=likelihood,
        impact=impact,
        target=target,
        day=_past_date(day, state),
    )
    commit(state.root, edit.changes, edit.message, no_commit=no_commit, force=force)
    return exitcodes.OK


@risk.command(short_help="Record who accepted the remaining risk (one commit).")
@click.argument("risk_id", metavar="ID", shell_complete=complete_risk_ids)
@click.option("--by", "by", required=True, metavar="NAME", help="Who accepts the risk.")
@click.option("--date", "day", metavar="DATE", help="Date of the acceptance (default: today).")
@commit_options
@global_options
@click.pass_context
def accept(
    ctx: click.Context, risk_id: str, by: str, day: str | None, no_commit: bool, force: bool
) -> int:
    """Record who accepted a risk's remaining level, and when (one commit).

    \b
    Example:
      nencheck risk accept R-2026-004 --by Bestuurder --date 2026-11-20
    """
    from nencheck.registers.risk import accept_risk

    state = app(ctx)
    records = records_for_edit(state, needs=frozenset({"risk"}))
    edit = accept_risk(state.root, records, risk_id, by=by, day=_past_date(day, state))
    commit(state.root, edit.changes, edit.message, no_commit=no_commit, force=force)
    return exitcodes.OK


def _add_import() -> None:
    """``risk import`` lives in its own module (the importer's options); click needs it here."""
    from nencheck.cli.risk_import import risk_import

    risk.add_command(risk_import)


_add_import()
