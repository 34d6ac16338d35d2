"""Dates and numerals as Chinese official documents write them."""
from __future__ import annotations

import re
from datetime import date

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_CHARS = "".join(_CN_DIGIT) + "".join(_CN_UNIT)

DATE = re.compile(
    rf"(?=[\d{''.join(_CN_DIGIT)}])"  # the year's first digit, checked before the rest: a fast scan
    rf"(?P<y>\d{{4}}|[{''.join(_CN_DIGIT)}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN_CHARS}]{{1,2}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|[{_CN_CHARS}]{{1,3}})\s*日"
)
"""A full date: 2025年5月29日, 2022 年 6 月 27 日, 二〇二四年五月二十九日."""


def cn_number(text: str) -> int | None:
    """Value of an Arabic or Chinese numeral: "12" -> 12, "二十九" -> 29, "二〇二四" -> 2024.

    Example:
        >>> cn_number("十一"), cn_number("二〇二四"), cn_number("三")
        (11, 2024, 3)
    """
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGIT and c not in _CN_UNIT for c in text):
        return None
    if not any(c in _CN_UNIT for c in text):  # digit by digit, as years are written
        return int("".join(str(_CN_DIGIT[c]) for c in text))
    total, digit = 0, 0
    for char in text:
        if char in _CN_UNIT:
            total += (digit or 1) * _CN_UNIT[char]
            digit = 0
        else:
            digit = _CN_DIGIT[char]
    return total + digit


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
