"""What the cells of a Dutch risk spreadsheet mean: likelihood and impact on nencheck.yaml's
scale (numbers, the scale's labels, or the usual Dutch words), and the treatment.

Pure functions, like ``imports.terms`` (whose ``normalise`` and ``TermError`` they share).
"""

from __future__ import annotations

import re
from typing import Any

from nencheck.i18n import _
from nencheck.imports.terms import NUMBER_WORDS, TermError, lookup, normalise, quoted

# Words for the steps of SPEC's five-step scales (a sheet may also use the labels of
# nencheck.yaml, or the numbers). "laag"/"hoog" are read as steps 2 and 4.
LIKELIHOOD_WORDS: dict[int, tuple[str, ...]] = {
    1: ("zeer onwaarschijnlijk", "zeer klein", "zeer laag", "zelden", "uiterst zelden"),
    2: ("onwaarschijnlijk", "klein", "laag", "onwaarschijnlijk maar mogelijk"),
    3: ("mogelijk", "gemiddeld", "middel", "matig", "soms"),
    4: ("waarschijnlijk", "groot", "hoog", "vaak", "regelmatig"),
    5: ("zeer waarschijnlijk", "zeer groot", "zeer hoog", "bijna zeker", "zeker", "vrijwel zeker"),
}
IMPACT_WORDS: dict[int, tuple[str, ...]] = {
    1: ("verwaarloosbaar", "zeer klein", "zeer laag", "minimaal", "nihil"),
    2: ("gering", "klein", "laag", "beperkt"),
    3: ("aanzienlijk", "gemiddeld", "middel", "matig", "merkbaar"),
    4: ("ernstig", "groot", "hoog", "zwaar"),
    5: ("catastrofaal", "zeer groot", "zeer hoog", "zeer ernstig", "rampzalig", "kritiek"),
}
TREATMENT_WORDS = {
    "mitigate": (
        "mitigeren",
        "mitigatie",
        "verminderen",
        "vermindering",
        "reduceren",
        "beheersen",
        "maatregelen nemen",
        "behandelen",
        "mitigate",
        "reduce",
    ),
    "accept": ("accepteren", "acceptatie", "aanvaarden", "geaccepteerd", "accept"),
    "transfer": (
        "overdragen",
        "overdracht",
        "verzekeren",
        "uitbesteden",
        "delen",
        "transfer",
        "share",
    ),
    "avoid": ("vermijden", "vermijding", "stoppen", "beeindigen", "avoid"),
}


def risk_step(value: Any, labels: list[str], words: dict[int, tuple[str, ...]], what: str) -> int:
    """A likelihood or impact cell as a step of its scale: a number (4, 4.0, "4", "vier"), a
    label of nencheck.yaml's scale, or (on a five-step scale) a usual Dutch word."""
    top = len(labels)
    text = normalise(value) if not isinstance(value, int | float) else ""
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int | float) and float(value).is_integer():
        number = int(value)
    elif re.fullmatch(r"\d+(?:[.,]0)?", text):
        number = int(text.split(".")[0].split(",")[0])
    elif text in NUMBER_WORDS:
        number = NUMBER_WORDS[text]
    else:
        by_label = {normalise(label): step for step, label in enumerate(labels, start=1)}
        number = by_label.get(text)
        if number is None and top == len(words):
            number = next((step for step, found in words.items() if text in found), None)
    if number is None or not 1 <= number <= top:
        raise TermError(
            _(
                "{what} {value} is not a step of the scale: write 1 to {top}, or one of: {labels}"
            ).format(what=what, value=quoted(value), top=top, labels=", ".join(labels))
        )
    return number


def risk_treatment(value: Any) -> str:
    """Mitigeren / verminderen -> mitigate, accepteren -> accept, overdragen -> transfer,
    vermijden -> avoid."""
    found = lookup(TREATMENT_WORDS, value)
    if found is None:
        raise TermError(
            _(
                "unknown treatment {value}; write Mitigeren, Accepteren, Overdragen or Vermijden"
            ).format(value=quoted(value))
        )
    return found
