"""Validation messages in the user's language.

pydantic formats a message in English before nencheck sees it, so the translation is made from the
error's kind and context instead: nencheck's own messages (model/types.py, model/base.py) are marked
``N_()`` and looked up by their English text, or by kind when they carry values; pydantic's own
messages for values of the wrong type are worded here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from nencheck.i18n import N_, _
from nencheck.model.base import DATE_ORDER, NOT_ALLOWED_BECAUSE, REQUIRED_BECAUSE
from nencheck.model.catalog import CATALOG_DUPLICATE, CATALOG_THEME
from nencheck.model.settings import APPETITE_NOT_A_LEVEL, LEVELS_TOO_LOW
from nencheck.model.types import (
    DATE_OUT_OF_RANGE,
    DURATION_TOO_LONG,
    IMPOSSIBLE_DATE,
    IMPOSSIBLE_TIMESTAMP,
)

# nencheck's messages that carry values from the error's context, by kind.
WITH_CONTEXT = {
    "conditional_missing": REQUIRED_BECAUSE,
    "conditional_forbidden": NOT_ALLOWED_BECAUSE,
    "invalid_date": IMPOSSIBLE_DATE,
    "invalid_timestamp": IMPOSSIBLE_TIMESTAMP,
    "date_out_of_range": DATE_OUT_OF_RANGE,
    "duration_too_long": DURATION_TOO_LONG,
    "date_order": DATE_ORDER,
    "catalog_duplicate": CATALOG_DUPLICATE,
    "catalog_theme": CATALOG_THEME,
    "levels_too_low": LEVELS_TOO_LOW,
    "invalid_appetite": APPETITE_NOT_A_LEVEL,
    # pydantic's own kinds that carry a bound, in nencheck's words
    "less_than_equal": N_("must be at most {le}"),
    "greater_than_equal": N_("must be at least {ge}"),
    "too_short": N_("needs at least {min_length} item(s)"),
    "string_pattern_mismatch": N_("does not have the expected form ({pattern})"),
}

# pydantic's kinds that a record's values can produce, in nencheck's words.
PYDANTIC = {
    "bool_type": N_("expected true or false"),
    "bool_parsing": N_("expected true or false"),
    "string_type": N_("expected text"),
    "list_type": N_("expected a list, e.g. [A, B]"),
    "int_type": N_("expected a whole number"),
    "int_parsing": N_("expected a whole number"),
    "int_from_float": N_("expected a whole number"),
    "float_type": N_("expected a number"),
    "float_parsing": N_("expected a number"),
    "dict_type": N_("expected a mapping of fields (key: value)"),
    "model_type": N_("expected a mapping of fields (key: value)"),
    "model_attributes_type": N_("expected a mapping of fields (key: value)"),
}
ONE_OF = N_("expected one of: {values}")

# Python's reasons for an impossible date or time (the {reason} above), marked so they are
# translated too; a wording this list lacks is shown as Python gives it.
PYTHON_REASONS = (
    N_("day is out of range for month"),
    N_("month must be in 1..12"),
    N_("year 0 is out of range"),
    N_("hour must be in 0..23"),
    N_("minute must be in 0..59"),
    N_("second must be in 0..59"),
)
QUOTED = re.compile(r"'([^']*)'")


def validation_message(detail: Mapping[str, Any]) -> str:
    """The message of one entry of ``ValidationError.errors()``, in the current language."""
    kind = str(detail.get("type", ""))
    context = detail.get("ctx") or {}
    english = str(detail.get("msg", ""))  # found by its English text when it is one of ours
    template = WITH_CONTEXT.get(kind)
    if template is not None and context:
        values = {key: str(value) for key, value in context.items()}
        reason = values.get("reason")
        if reason is not None:
            values["reason"] = _(reason)  # marked N_() in the model, or one of PYTHON_REASONS
        try:
            return _(template).format(**values)
        except (KeyError, IndexError):
            return _(english)
    if kind in ("enum", "literal_error"):
        allowed = QUOTED.findall(str(context.get("expected", "")))
        if allowed:
            return _(ONE_OF).format(values=", ".join(allowed))
    if kind in PYDANTIC:
        return _(PYDANTIC[kind])
    return _(english)


def custom_error_message(error: Any) -> str:
    """The message of a ``PydanticCustomError`` raised outside a model (a command's option
    parsed with the model's own parser), in the current language."""
    return validation_message({"type": error.type, "ctx": error.context, "msg": error.message()})
