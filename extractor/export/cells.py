"""Table values as spreadsheet cells: one list format, and no text a spreadsheet runs.

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return may
be read by Excel, LibreOffice or Google Sheets as a formula (CSV injection). Such text
is neutralised the way OWASP recommends: a single quote ``'`` in front, which the
spreadsheet shows as text. Numbers, booleans and dates stay typed; a list of names is
one cell joined by ``；``.
"""
from __future__ import annotations

import datetime
from typing import Any

LIST_SEPARATOR = "；"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text a spreadsheet shows as text, never runs.

    Example:
        >>> neutralise("=1+2"), neutralise("-"), neutralise("高新技术企业")
        ("'=1+2", "'-", '高新技术企业')
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def cell(value: Any, kind: str) -> Any:
    """The value of one cell of a column of `kind` (see `tables.Column`); None stays None.

    Example:
        >>> cell(["区财金局", "区经发局"], "list"), cell("2025-05-29", "date"), cell(">=", "str")
        ('区财金局；区经发局', datetime.date(2025, 5, 29), '>=')
    """
    if value is None:
        return None
    if kind == "list":
        return neutralise(LIST_SEPARATOR.join(map(str, value)))
    if kind == "date":
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return neutralise(str(value))  # a partial date (2024-05) stays as written
    if isinstance(value, str):
        return neutralise(value)
    return value
