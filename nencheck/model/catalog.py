"""A control catalog: identifiers, themes and short titles (never the standards' texts)."""

from __future__ import annotations

from pydantic import Field

from nencheck.model.base import Record
from nencheck.model.types import Identifier, Text


class Theme(Record):
    id: Identifier
    number: Text | None = None
    nl: Text | None = None
    en: Text | None = None

    def label(self, language: str) -> str:
        return (self.nl if language == "nl" else self.en) or self.en or self.nl or self.id


class CatalogControl(Record):
    id: Identifier
    theme: Identifier
    title: Text
    new_in_2022: bool = False
    iso27002_2013: list[Identifier] = Field(default_factory=list)
    source: Text | None = None  # "secondary": numbered after secondary public sources


class Catalog(Record):
    catalog: Identifier
    title: Text
    note: Text | None = None
    themes: list[Theme] = Field(default_factory=list)
    controls: list[CatalogControl]

    def control(self, control_id: str) -> CatalogControl | None:
        return self._by_id().get(control_id)

    def ids(self) -> list[str]:
        return [control.id for control in self.controls]

    def theme(self, theme_id: str) -> Theme | None:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        return None

    def _by_id(self) -> dict[str, CatalogControl]:
        return {control.id: control for control in self.controls}


class Mapping2013(Record):
    mapping: dict[Identifier, list[Identifier]]
