"""Translations of user-facing text (gettext catalogs; English source, Dutch in ``nl``).

The CLI sets the language once per run (``--lang`` or nencheck.yaml's ``language``); everything
below calls ``_()``. Catalogs: ``nencheck/i18n/<lang>/LC_MESSAGES/nencheck.po``, compiled to
``.mo`` by ``python scripts/compile_translations.py``.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "nencheck"
LOCALE_DIR = Path(__file__).parent
LANGUAGES = ("nl", "en")

_state: dict[str, object] = {
    "language": "en",
    "translation": gettext.NullTranslations(),
}


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _state["language"] = language
    _state["translation"] = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )


def current_language() -> str:
    return str(_state["language"])


def _(message: str) -> str:
    translation = _state["translation"]
    assert isinstance(translation, gettext.NullTranslations)
    return translation.gettext(message)


def N_(message: str) -> str:
    """Mark a message for translation where it is defined (a constant, a validation message);
    ``_()`` translates it where it is shown, in the language of that moment."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    translation = _state["translation"]
    assert isinstance(translation, gettext.NullTranslations)
    return translation.ngettext(singular, plural, count)
