"""What every SoA format shares: the document's heading facts and its columns, translated."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from nencheck.checks.soa import OWN_THEME, SoaRow, theme_order
from nencheck.i18n import _, current_language
from nencheck.model.records import Records
from nencheck.render.labels import (
    NOT_APPLICABLE,
    applicable_label,
    control_status_label,
    own_theme_label,
)


@dataclass(frozen=True)
class SoaView:
    """The SoA rows with what a reader needs around them."""

    rows: list[SoaRow]
    organisation: str
    framework: str  # the catalog id, e.g. nen7510-2024
    framework_title: str
    as_of: date
    language: str
    theme_labels: dict[str, str]  # theme id -> "5 Organisatorisch"
    themes: list[str]  # theme ids in order
    mapped_from_2013: bool
    unreadable: tuple[str, ...] = ()  # files whose records the statement leaves out

    def theme_label(self, theme: str) -> str:
        return self.theme_labels.get(theme, theme)

    def rows_by_theme(self) -> list[tuple[str, list[SoaRow]]]:
        groups = [
            (theme, [row for row in self.rows if row.theme == theme]) for theme in self.themes
        ]
        return [(theme, rows) for theme, rows in groups if rows]


def soa_view(records: Records, rows: list[SoaRow], as_of: date, language: str) -> SoaView:
    labels: dict[str, str] = {}
    for theme in records.catalog.themes:
        name = theme.label(language)
        labels[theme.id] = f"{theme.number} {name}" if theme.number else name
    labels[OWN_THEME] = own_theme_label()
    return SoaView(
        rows=rows,
        organisation=records.settings.organisation,
        framework=records.catalog.catalog,
        framework_title=records.catalog.title_in(current_language()),
        as_of=as_of,
        language=language,
        theme_labels=labels,
        themes=theme_order(records),
        mapped_from_2013=any(row.iso27002_2013 is not None for row in rows),
        unreadable=tuple(records.unreadable),
    )


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    value: Callable[[SoaRow], str]
    width: int  # characters, for spreadsheets


def columns(view: SoaView) -> list[Column]:
    """The SoA's columns in order (the 2013 ids only when asked for)."""
    joined = ", ".join
    result = [
        Column("id", _("Control"), lambda row: row.id, 9),
        Column("theme", _("Theme"), lambda row: view.theme_label(row.theme), 18),
        Column("title", _("Title"), lambda row: row.title, 45),
    ]
    if view.mapped_from_2013:
        result.append(
            Column(
                "iso27002_2013",
                _("Replaces (ISO 27002:2013 / NEN 7510:2017)"),
                lambda row: joined(row.iso27002_2013 or []),
                22,
            )
        )
    result += [
        Column("applicable", _("Applicable"), lambda row: applicable_label(row.applicable), 12),
        Column("justification", _("Justification"), lambda row: row.justification, 45),
        Column("status", _("Status"), _status_text, 20),
        Column("owner", _("Owner"), lambda row: row.owner, 28),
        Column("policies", _("Policies"), lambda row: joined(row.policies), 28),
        Column("evidence", _("Evidence"), lambda row: joined(row.evidence), 24),
        Column("risks", _("Risks"), lambda row: joined(row.risks), 24),
    ]
    return result


def _status_text(row: SoaRow) -> str:
    """An excluded control reads "Niet van toepassing", as in the text and HTML SoA, never the
    "Niet gestart" its file may hold (``control import`` reads it back as no change)."""
    return control_status_label(NOT_APPLICABLE if row.applicable is False else row.status)


def table(view: SoaView) -> tuple[list[str], list[list[str]]]:
    """Headers and one row of cell texts per control."""
    cols = columns(view)
    return [column.header for column in cols], [
        [column.value(row) for column in cols] for row in view.rows
    ]


def document_title() -> str:
    return _("Statement of Applicability")
