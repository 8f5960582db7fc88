"""A control catalog: identifiers, themes and short titles (never the standards' texts)."""

from __future__ import annotations

from pydantic import Field, StrictBool, model_validator
from pydantic_core import PydanticCustomError

from nencheck.i18n import N_
from nencheck.model.base import Record
from nencheck.model.types import Identifier, Text

CATALOG_DUPLICATE = N_("control {id} is listed twice; list each control once")
CATALOG_THEME = N_("control {id} has theme '{theme}', which is not under themes: ({themes})")


class Theme(Record):
    id: Identifier
    number: Text | None = None
    nl: Text | None = None
    en: Text | None = None

    def label(self, language: str) -> str:
        return (self.nl if language == "nl" else self.en) or self.en or self.nl or self.id


class CatalogControl(Record):
    """One control of a catalog. ``title_nl`` is an optional short Dutch title (the shipped
    catalogs carry nencheck's own, from scripts/catalog_titles_nl.yaml, not the standard's text)."""

    id: Identifier
    theme: Identifier
    title: Text
    title_nl: Text | None = None
    new_in_2022: StrictBool = False
    iso27002_2013: list[Identifier] = Field(default_factory=list)
    source: Text | None = None  # "secondary": numbered after secondary public sources

    def title_in(self, language: str) -> str:
        """The Dutch title when the language is Dutch and the catalog has one; else the English."""
        return self.title_nl if language == "nl" and self.title_nl else self.title


class Catalog(Record):
    catalog: Identifier
    title: Text
    title_nl: Text | None = None  # shown when the language is Dutch (``title_in``)
    note: Text | None = None
    themes: list[Theme] = Field(default_factory=list)
    controls: list[CatalogControl]

    def title_in(self, language: str) -> str:
        return self.title_nl if language == "nl" and self.title_nl else self.title

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        """An organisation's own catalog is checked like the shipped ones were when built: each
        control once, and in a theme the catalog lists (else the SoA and status miscount)."""
        seen: set[str] = set()
        theme_ids = {theme.id for theme in self.themes}
        for control in self.controls:
            if control.id in seen:
                raise PydanticCustomError(
                    "catalog_duplicate",
                    CATALOG_DUPLICATE,
                    {"id": control.id},
                )
            seen.add(control.id)
            if theme_ids and control.theme not in theme_ids:
                raise PydanticCustomError(
                    "catalog_theme",
                    CATALOG_THEME,
                    {
                        "id": control.id,
                        "theme": control.theme,
                        "themes": ", ".join(sorted(theme_ids)),
                    },
                )
        return self

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
