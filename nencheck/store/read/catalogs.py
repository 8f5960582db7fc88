"""The control catalogs shipped with nencheck, and catalogs an organisation keeps itself."""

from __future__ import annotations

from functools import cache
from importlib import resources

from pydantic import ValidationError

from nencheck.model.catalog import Catalog, Mapping2013

BUILTIN = ("nen7510-2024", "iso27001-2022")
MAPPING_2013 = "iso27002-2013-to-2022"


def _read_packaged(name: str) -> object:
    import yaml  # a warm run takes the catalog from the parse cache, without YAML

    text = resources.files("nencheck.catalogs").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def builtin_catalog(name: str) -> Catalog:
    return Catalog.model_validate(_read_packaged(name))


@cache
def mapping_2013() -> dict[str, list[str]]:
    """ISO/IEC 27002:2013 id -> the 2022 ids that replace it."""
    return Mapping2013.model_validate(_read_packaged(MAPPING_2013)).mapping


def mapping_2013_reverse() -> dict[str, list[str]]:
    """2022 id -> the 2013 ids it replaces."""
    reverse: dict[str, list[str]] = {}
    for old, new_ids in mapping_2013().items():
        for new in new_ids:
            reverse.setdefault(new, []).append(old)
    return reverse


def catalog_from_data(data: object) -> Catalog:
    """Validate a user catalog. Raises pydantic's ValidationError; the loader locates it."""
    return Catalog.model_validate(data)


__all__ = [
    "BUILTIN",
    "Catalog",
    "ValidationError",
    "builtin_catalog",
    "catalog_from_data",
    "mapping_2013",
]
