"""Dates as Chinese official documents write them (numerals read by `extractor.text.numerals`)."""
from __future__ import annotations

import re
from datetime import date

from extractor.text.numerals import CN_DIGITS, CN_SMALL_UNITS, TYPED_ZEROS, cn_number

_DIGIT_CHARS = "".join(CN_DIGITS) + "".join(TYPED_ZEROS)  # a year written digit by digit
_CN_CHARS = _DIGIT_CHARS + "".join(CN_SMALL_UNITS)  # a month or day: 十二, 二十九

DATE = re.compile(
    rf"(?=[\d{_DIGIT_CHARS}])"  # the year's first digit, checked before the rest: a fast scan
    rf"(?P<y>\d{{4}}|[{_DIGIT_CHARS}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN_CHARS}]{{1,2}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|[{_CN_CHARS}]{{1,3}})\s*日"
)
"""A full date: 2025年5月29日, 2022 年 6 月 27 日, 二〇二四年五月二十九日."""
NUMERIC_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*([-/.])\s*(?P<m>\d{1,2})\s*\2\s*(?P<d>\d{1,2})(?!\d)")
"""A date in figures as web metadata blocks write it: 2016-05-04, 2016/5/4, 2006.08.18."""
CLOCK_AFTER = re.compile(r"^[ \t]*(?=[^\n]{8,16}?[ \t]+\d{1,2}:\d{2})", re.M)
"""The start of a line whose date is followed by a clock time: a news page's dateline
(2025-09-11 08:52:30 科技日报); the date itself is read by `NUMERIC_DATE` or `DATE`."""


def find_dates(text: str) -> list[re.Match[str]]:
    """Every `DATE` in `text`, in order: what `DATE.finditer(text)` finds.

    A date's year is the four characters before its 年 and the spaces there, so `DATE` is tried
    at that one place for each 年, about ten times faster than trying it at every character.

    Example:
        >>> [m.group() for m in find_dates("2024年5月，2025 年 5 月 29 日印发")]
        ['2025 年 5 月 29 日']
    """
    found = []
    pos = 0
    while (year_end := text.find("年", pos)) >= 0:
        start = year_end
        while start > pos and text[start - 1].isspace():
            start -= 1
        m = DATE.match(text, start - 4) if start - 4 >= pos else None
        if m:
            found.append(m)
        pos = m.end() if m else year_end + 1
    return found


def iso_date(match: re.Match[str]) -> str | None:
    """ISO form of a `DATE` match, or None when it names no real day.

    Example:
        >>> iso_date(DATE.search("二〇二四年五月二十九日"))
        '2024-05-29'
    """
    parts = [cn_number(match.group(g)) for g in ("y", "m", "d")]
    if None in parts:
        return None
    try:
        return date(*parts).isoformat()  # type: ignore[arg-type]
    except ValueError:
        return None
