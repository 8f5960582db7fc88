"""Translations of user-facing text (gettext catalogs; English source, Dutch in ``nl``).

The CLI sets the language once per run: ``--lang``, else nencheck.yaml's ``language``, else
``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` when they name Dutch or English, else Dutch
(``language_from_environment`` gives the last two); everything below calls ``_()``. Catalogs:
``nencheck/i18n/<lang>/LC_MESSAGES/nencheck.po`` (nencheck's messages and every command's help)
and ``click.po`` (click's own messages: "Usage:", "Missing argument"), compiled to ``.mo`` by
``python scripts/compile_translations.py``.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

DOMAIN = "nencheck"
CLICK_DOMAIN = "click"
LOCALE_DIR = Path(__file__).parent
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"  # the users are Dutch healthcare organisations
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_state: dict[str, object] = {
    "language": "en",
    "translation": gettext.NullTranslations(),
    "click": gettext.NullTranslations(),
}


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _state["language"] = language
    _state["translation"] = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )
    _state["click"] = gettext.translation(
        CLICK_DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language when neither --lang nor a repository says: the first of LC_ALL, LC_MESSAGES
    and LANG that is set (as the C library reads them) decides when it is Dutch or English
    (``nl_NL.UTF-8``, ``en_GB``); anything else (``C.UTF-8``, ``de_DE``) means Dutch."""
    values = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = values.get(name, "")
        if value:
            match = re.match(r"(nl|en)(?:[_.@-]|$)", value.lower())
            return match.group(1) if match else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


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


def click_gettext(message: str) -> str:
    """Click's own messages (its stdlib-gettext calls are pointed here by cli/click_i18n.py)."""
    translation = _state["click"]
    assert isinstance(translation, gettext.NullTranslations)
    return translation.gettext(message)


def click_ngettext(singular: str, plural: str, count: int) -> str:
    translation = _state["click"]
    assert isinstance(translation, gettext.NullTranslations)
    return translation.ngettext(singular, plural, count)


# --- help texts -------------------------------------------------------------------------------
# A command's help (its docstring) is translated paragraph by paragraph, so the first paragraph,
# the one-line summary that `nencheck --help` lists, is one message shared with the command table
# (cli/commands.py); an example block (a paragraph starting with click's "\b" marker) keeps its
# command lines as they are and translates only its heading ("Examples:").

NO_REWRAP = "\b"


def help_messages(text: str) -> Iterator[str]:
    """The messages of one help text, in the order ``translate_help`` looks them up."""
    for paragraph in _paragraphs(text):
        if paragraph.startswith(NO_REWRAP):
            heading = _block_heading(paragraph)
            if heading:
                yield heading
        elif paragraph.strip():
            yield paragraph


def translate_help(text: str | None) -> str:
    """A command's or option's help in the current language (English when not translated)."""
    if not text:
        return text or ""
    parts = []
    for paragraph in _paragraphs(text):
        if paragraph.startswith(NO_REWRAP):
            heading = _block_heading(paragraph)
            if heading:
                paragraph = paragraph.replace(heading, _(heading), 1)
            parts.append(paragraph)
        elif paragraph.strip():
            parts.append(_help_line(paragraph))
        else:
            parts.append(paragraph)
    return "\n\n".join(parts)


def _help_line(message: str) -> str:
    """nencheck's catalog first; click's for the help of its own options ("Show the version")."""
    translated = _(message)
    return click_gettext(message) if translated == message else translated


def _paragraphs(text: str) -> list[str]:
    import inspect

    return inspect.cleandoc(text).partition("\f")[0].split("\n\n")


def _block_heading(paragraph: str) -> str:
    lines = paragraph.split("\n")
    heading = lines[1].strip() if len(lines) > 1 else ""
    return heading if heading.endswith(":") else ""
