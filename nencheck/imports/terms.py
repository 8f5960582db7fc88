"""What Dutch spreadsheet cells mean: revision terms, dates, statuses, document types, yes/no.

Pure functions. Each takes a cell value (text, number, date or datetime) and returns the value
nencheck records use, or raises ``TermError`` with a message naming what it could not read.
English words and nencheck's own values (``2y``, ``active``, ``protocol``) are accepted too, so
a register that was already half-translated imports as well.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from nencheck.i18n import _
from nencheck.model.control import ControlStatus
from nencheck.model.policy import PolicyStatus, PolicyType
from nencheck.model.types import Duration


class TermError(ValueError):
    """A cell whose value is not one of the words or forms this module understands."""


def normalise(value: Any) -> str:
    """Lower case, no accents (geïmplementeerd = geimplementeerd), single spaces, no final dot."""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().casefold()
    return text.rstrip(".:;").strip()


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- revision terms -------------------------------------------------------------------------

NUMBER_WORDS = {
    "een": 1,
    "1x": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "achttien": 18,
    "vierentwintig": 24,
    "zesendertig": 36,
}
_UNITS = {
    "jaar": "y",
    "jaren": "y",
    "jr": "y",
    "j": "y",
    "y": "y",
    "year": "y",
    "years": "y",
    "maand": "m",
    "maanden": "m",
    "mnd": "m",
    "mnden": "m",
    "m": "m",
    "month": "m",
    "months": "m",
    "week": "w",
    "weken": "w",
    "wk": "w",
    "w": "w",
    "weeks": "w",
    "dag": "d",
    "dagen": "d",
    "d": "d",
    "day": "d",
    "days": "d",
}
_WORD_TERMS = {
    "jaarlijks": Duration(1, "y"),
    "elk jaar": Duration(1, "y"),
    "ieder jaar": Duration(1, "y"),
    "per jaar": Duration(1, "y"),
    "eens per jaar": Duration(1, "y"),
    "1x per jaar": Duration(1, "y"),
    "annually": Duration(1, "y"),
    "yearly": Duration(1, "y"),
    "tweejaarlijks": Duration(2, "y"),
    "2-jaarlijks": Duration(2, "y"),
    "2 jaarlijks": Duration(2, "y"),
    "om het jaar": Duration(2, "y"),
    "eens per 2 jaar": Duration(2, "y"),
    "1x per 2 jaar": Duration(2, "y"),
    "driejaarlijks": Duration(3, "y"),
    "3-jaarlijks": Duration(3, "y"),
    "3 jaarlijks": Duration(3, "y"),
    "eens per 3 jaar": Duration(3, "y"),
    "1x per 3 jaar": Duration(3, "y"),
    "vierjaarlijks": Duration(4, "y"),
    "4-jaarlijks": Duration(4, "y"),
    "vijfjaarlijks": Duration(5, "y"),
    "5-jaarlijks": Duration(5, "y"),
    "halfjaarlijks": Duration(6, "m"),
    "elk half jaar": Duration(6, "m"),
    "ieder half jaar": Duration(6, "m"),
    "half jaar": Duration(6, "m"),
    "2x per jaar": Duration(6, "m"),
    "anderhalf jaar": Duration(18, "m"),
    "per kwartaal": Duration(3, "m"),
    "elk kwartaal": Duration(3, "m"),
    "ieder kwartaal": Duration(3, "m"),
    "kwartaal": Duration(3, "m"),
    "driemaandelijks": Duration(3, "m"),
    "quarterly": Duration(3, "m"),
    "maandelijks": Duration(1, "m"),
    "elke maand": Duration(1, "m"),
    "iedere maand": Duration(1, "m"),
    "per maand": Duration(1, "m"),
    "monthly": Duration(1, "m"),
    "tweemaandelijks": Duration(2, "m"),
}
_TERM = re.compile(
    r"^(?:elke|iedere|ieder|elk|om de|eens per|1x per|per|every)?\s*"
    r"(?P<count>\d+|[a-z0-9]+)?\s*-?\s*(?P<unit>[a-z]+)$"
)


def revision_term(value: Any) -> Duration:
    """A revision term (Dutch: herzieningstermijn) as a duration: "jaarlijks" -> 1y,
    "elke 3 jaar" -> 3y, "halfjaarlijks" -> 6m, "24 maanden" -> 24m, "2y" -> 2y.

    A bare number is read as years: registers with a column "Herzieningstermijn (jaren)" are
    common, and a review every 2 months written as "2" is not."""
    if isinstance(value, bool):
        raise TermError(_("unknown revision term {value}").format(value=quoted(value)))
    if isinstance(value, int | float) and float(value).is_integer() and value > 0:
        return Duration(int(value), "y")
    text = normalise(value)
    if text in _WORD_TERMS:
        return _WORD_TERMS[text]
    if text.isdigit() and int(text) > 0:
        return Duration(int(text), "y")
    match = _TERM.match(text)
    if match:
        count_text = match.group("count") or "1"
        count = int(count_text) if count_text.isdigit() else NUMBER_WORDS.get(count_text)
        unit = _UNITS.get(match.group("unit"))
        if count and unit:
            return Duration(count, unit)
    raise TermError(
        _(
            "unknown revision term {value}; write e.g. jaarlijks, 2 jaar, elke 3 jaar, "
            "halfjaarlijks or 24 maanden"
        ).format(value=quoted(value))
    )


# --- dates ----------------------------------------------------------------------------------

_MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "febr": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "mar": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "october": 10,
    "oct": 10,
}
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: 0?0:00(?::00)?)?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]00:00(?::00)?)?$")
_WORDED_DATE = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


def dutch_date(value: Any) -> date:
    """A date from an Excel date cell or text: 12-03-2024, 12-3-2024, 12/03/2024, 12.03.2024,
    12 maart 2024, 12 mrt 2024, 2024-03-12. Day first, as written in the Netherlands."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = normalise(value)
    parts: tuple[int, int, int] | None = None
    if match := _NUMERIC_DATE.match(text):
        parts = (int(match.group(3)), int(match.group(2)), int(match.group(1)))
    elif match := _ISO_DATE.match(text):
        parts = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    elif (match := _WORDED_DATE.match(text)) and match.group(2) in _MONTHS:
        parts = (int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
    if parts is None:
        raise TermError(
            _("not a date {value}; write e.g. 12-03-2024 or 12 maart 2024").format(
                value=quoted(value)
            )
        )
    try:
        return date(*parts)
    except ValueError:
        raise TermError(_("impossible date {value}").format(value=quoted(value))) from None


# --- words for statuses and kinds -----------------------------------------------------------

# Keys are the value sets themselves (model/), so a renamed value cannot be missed here.
POLICY_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    PolicyStatus.ACTIVE: (
        "actief",
        "vastgesteld",
        "geldig",
        "definitief",
        "in gebruik",
        "gepubliceerd",
        "active",
        "current",
        "published",
    ),
    PolicyStatus.DRAFT: ("concept", "in ontwikkeling", "in bewerking", "in revisie", "draft"),
    PolicyStatus.RETIRED: (
        "vervallen",
        "ingetrokken",
        "gearchiveerd",
        "archief",
        "niet meer geldig",
        "retired",
        "withdrawn",
        "archived",
    ),
}
POLICY_TYPE_WORDS: dict[str, tuple[str, ...]] = {
    PolicyType.PROTOCOL: ("protocol", "protocollen", "zorgprotocol"),
    PolicyType.POLICY: ("beleid", "beleidsstuk", "beleidsdocument", "beleidsnotitie", "policy"),
    PolicyType.PROCEDURE: ("procedure", "procedures"),
    PolicyType.WORK_INSTRUCTION: (
        "werkinstructie",
        "werkinstructies",
        "wi",
        "work instruction",
        "work_instruction",
        "instructie",
    ),
    PolicyType.FORM: ("formulier", "formulieren", "form", "checklist"),
    PolicyType.OTHER: (
        "overig",
        "overige",
        "anders",
        "richtlijn",
        "reglement",
        "handboek",
        "other",
    ),
}
CONTROL_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    ControlStatus.IMPLEMENTED: (
        "geimplementeerd",
        "volledig geimplementeerd",
        "ingevoerd",
        "gereed",
        "volledig",
        "ja",
        "implemented",
        "done",
    ),
    ControlStatus.PARTIAL: (
        "gedeeltelijk",
        "gedeeltelijk geimplementeerd",
        "deels",
        "deels geimplementeerd",
        "in uitvoering",
        "partial",
        "partially implemented",
        "in progress",
    ),
    ControlStatus.PLANNED: ("gepland", "ingepland", "planned"),
    ControlStatus.NOT_STARTED: (
        "niet gestart",
        "niet geimplementeerd",
        "nog niet gestart",
        "nee",
        "not started",
        "not_started",
        "open",
    ),
}
YES_WORDS = ("ja", "j", "x", "yes", "y", "true", "waar", "1", "✓", "v", "van toepassing")
NO_WORDS = ("nee", "n", "no", "false", "onwaar", "0", "-", "niet van toepassing", "n.v.t", "nvt")


def lookup(words: dict[str, tuple[str, ...]], value: Any) -> str | None:
    text = normalise(value)
    for result, spellings in words.items():
        if text in spellings:
            return str(result)  # the plain value: it is written to YAML as it is
    return None


def policy_status(value: Any) -> str:
    """Actief / Vastgesteld -> active, Concept -> draft, Vervallen / Ingetrokken -> retired."""
    found = lookup(POLICY_STATUS_WORDS, value)
    if found is None:
        raise TermError(
            _("unknown status {value}; write Actief, Concept or Vervallen").format(
                value=quoted(value)
            )
        )
    return found


def policy_type(value: Any) -> str:
    """Protocol, Beleid -> policy, Procedure, Werkinstructie -> work_instruction, Formulier."""
    found = lookup(POLICY_TYPE_WORDS, value)
    if found is None:
        raise TermError(
            _(
                "unknown document type {value}; write Protocol, Beleid, Procedure, "
                "Werkinstructie, Formulier or Overig"
            ).format(value=quoted(value))
        )
    return found


NOT_APPLICABLE_STATUS = "not_applicable"  # what nencheck's own SoA writes for an excluded control
NOT_APPLICABLE_WORDS = ("niet van toepassing", "n.v.t", "nvt", "not applicable", "not_applicable")


def control_status(value: Any) -> str:
    """Geïmplementeerd -> implemented, Gedeeltelijk -> partial, Gepland -> planned,
    Niet gestart -> not_started; Niet van toepassing -> ``NOT_APPLICABLE_STATUS`` (the SoA's
    word for an excluded control, read back by ``control import``)."""
    if lookup({NOT_APPLICABLE_STATUS: NOT_APPLICABLE_WORDS}, value) is not None:
        return NOT_APPLICABLE_STATUS
    found = lookup(CONTROL_STATUS_WORDS, value)
    if found is None:
        raise TermError(
            _(
                "unknown implementation status {value}; write Geïmplementeerd, "
                "Gedeeltelijk, Gepland or Niet gestart"
            ).format(value=quoted(value))
        )
    return found


def yes_no(value: Any) -> bool:
    """Ja / J / x -> True, Nee / N -> False (also booleans and 1/0 from Excel)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = normalise(value)
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise TermError(_("expected Ja or Nee, found {value}").format(value=quoted(value)))


def quoted(value: Any) -> str:
    text = str(value).strip()
    if len(text) > 60:
        text = text[:57] + "..."
    return f'"{text}"'


def version_text(value: Any) -> str:
    """A version from a cell: text as written; a number cell as a dotted version (Excel keeps
    1.0 as the number 1, which becomes "1.0", never "1")."""
    if isinstance(value, bool):
        raise TermError(_("a version is text such as 1.0, not {value}").format(value=value))
    if isinstance(value, int):
        return f"{value}.0"
    if isinstance(value, float):
        return f"{value:.1f}" if value.is_integer() else repr(value)
    return " ".join(str(value).split())
