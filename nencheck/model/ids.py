"""When two ids are the same id: letter case and look-alike characters do not count (SPEC, "A
compliance repository"). ``PROT-HAP-014``, ``prot-hap-014``, ``PROT‐HAP‐014`` (U+2010 hyphens)
and ``ＰＲＯＴ-HAP-014`` (fullwidth) are one id. Lookups, duplicate checks and references all
fold through ``fold_id``."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any, TypeVar

# Dashes and minus signs that NFKC leaves alone but a reader takes for a hyphen-minus.
_HYPHENS = str.maketrans(
    {**dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"), "\u00ad": None}
)


@lru_cache(maxsize=1 << 14)
def fold_id(identifier: str) -> str:
    """The form in which ids are compared: NFKC (fullwidth and compatibility forms), hyphens
    unified, case folded, surrounding blanks dropped."""
    if identifier.isascii():
        return identifier.strip().lower()  # the same as casefold() for ASCII, and cheaper
    folded = unicodedata.normalize("NFKC", identifier).translate(_HYPHENS)
    return unicodedata.normalize("NFKC", folded.casefold()).strip()


V = TypeVar("V")


class IdMap(dict[str, V]):
    """Records by id: an exact id first, else the id it folds to (``fold_id``), so a reference
    found by the integrity check is found by every lookup too."""

    _folded: dict[str, str] | None = None

    def _actual(self, key: object) -> str | None:
        if not isinstance(key, str):
            return None
        if self._folded is None:
            self._folded = {}
            for identifier in self:
                self._folded.setdefault(fold_id(identifier), identifier)
        return self._folded.get(fold_id(key))

    def __missing__(self, key: str) -> V:
        actual = self._actual(key)
        if actual is None:
            raise KeyError(key)
        return dict.__getitem__(self, actual)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or self._actual(key) is not None

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        actual = self._actual(key)
        return default if actual is None else dict.__getitem__(self, actual)
