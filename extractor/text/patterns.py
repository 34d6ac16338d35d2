"""Patterns of administrative Chinese that several stages read, compiled once here.

A plan's period （2024—2026年） is read by the metadata and by the figures; a short form the
document defines for itself, 秦创原总窗口（以下简称“总窗口”）, by the programme and the figure
finders.
"""
from __future__ import annotations

import re

YEAR = r"(?:19|20)\d{2}"
"""A year of the documents we read, as four Arabic digits."""

PERIOD = re.compile(rf"[（(]\s*(?P<a>{YEAR})\s*(?:年)?\s*[—–\-－~～〜至到]+\s*(?P<b>{YEAR})\s*年?\s*[）)]")
"""A period in brackets: （2024—2026年）, (2021-2023), （2024年—2026年）."""

DEFINED_SHORT_FORM = re.compile(r"[（(]以下简称[“「\"](?P<short>[^”」\"]{1,12})[”」\"][）)]")
"""A short form defined in brackets right after the full form: （以下简称“总窗口”）."""
