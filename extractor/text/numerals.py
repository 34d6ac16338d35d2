"""The one numeral reader: 1,500 · ２０２４ · 941.2 · 十万 · 两 · 二点五 · 二〇二四 · 三分之一.

Pure functions on strings. Figures (`quantities`), dates and heading numbers (`structure`)
and clause numbers (`diff`) all read their numerals here; the character sets below are the
ones their patterns match numerals with. Arabic digits may be full-width (Python's ``\\d``
and ``float`` read them).
"""
from __future__ import annotations

import re

from extractor.memo import text_memo

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
TYPED_ZEROS = {"○": 0, "Ｏ": 0}
"""The circle and letter O some documents type for 〇 in a written-out date (二Ｏ二四年)."""

COUNTING_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS)
"""The characters of a numeral below ten thousand: heading and article numbers (第十二条)."""
CN_NUMERAL_CHARS = COUNTING_CHARS + "".join(CN_BIG_UNITS)
"""Every character of a Chinese numeral, without its decimal part (点五)."""
DECIMAL_DIGITS = "零〇一二三四五六七八九"
"""The digits written after 点 (二点五): 两 counts, it never spells a decimal place."""
_READ_DIGITS = {**CN_DIGITS, **TYPED_ZEROS}
_READ_CHARS = frozenset(CN_NUMERAL_CHARS) | frozenset(TYPED_ZEROS)
_DIGIT_SET = frozenset(_READ_DIGITS)
_DECIMAL_SET = frozenset(DECIMAL_DIGITS)

MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}
"""Magnitude words kept in a unit as written (500亿元 → 500, 亿元), longest first."""

_ARABIC = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")
_TRAILING_MAGNITUDE = re.compile(r"(万亿|亿|万)$")


def parse_chinese(text: str) -> float | None:
    """Value of a Chinese numeral, or None when `text` is not one.

    Handles the positional form (三千五百, 十万, 两万三千), bare digit strings (二〇二四,
    二Ｏ二四 as some documents type it) and a decimal part after 点 (二点五).

    Example:
        >>> parse_chinese("十万"), parse_chinese("两"), parse_chinese("二点五")
        (100000.0, 2.0, 2.5)
    """
    if not text:
        return None
    whole, _, frac = text.partition("点")
    if frac:
        if not _DECIMAL_SET.issuperset(frac):
            return None
        head = parse_chinese(whole) if whole else 0.0
        if head is None:
            return None
        return head + float("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    if not _READ_CHARS.issuperset(text):  # set tests: generators over the characters cost more
        return None
    if len(text) > 1 and _DIGIT_SET.issuperset(text):  # 二〇二四: digit by digit
        return float("".join(str(_READ_DIGITS[c]) for c in text))
    total, section, digit = 0, 0, None
    for c in text:
        if c in _READ_DIGITS:
            digit = _READ_DIGITS[c]
        elif c in CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * CN_SMALL_UNITS[c]
            digit = None
        else:  # 万 / 亿 close a section
            section += digit or 0
            if section == 0 and total == 0:  # a bare 万 / 亿 is one of it
                section = 1
            if CN_BIG_UNITS[c] == 100_000_000:
                total = (total + section) * CN_BIG_UNITS[c]
            else:
                total += section * CN_BIG_UNITS[c]
            section, digit = 0, None
    return float(total + section + (digit or 0))


def cn_number(text: str) -> int | None:
    """Whole value of an Arabic or Chinese numeral, None when it is neither or not whole.

    Example:
        >>> cn_number("十一"), cn_number("二〇二四"), cn_number("１２"), cn_number("二点五")
        (11, 2024, 12, None)
    """
    if text.isdigit():
        return int(text)
    value = parse_chinese(text)
    return int(value) if value is not None and value.is_integer() else None


def parse_arabic(text: str) -> float | None:
    """Value of an Arabic numeral with optional thousands commas (1,500 → 1500.0)."""
    if not _ARABIC.match(text):
        return None
    return float(text.replace(",", ""))


@text_memo(4096)  # a document writes the same few numerals over and over
def parse_numeral(text: str) -> tuple[float, str] | None:
    """Read a numeral as written into (value, magnitude word kept for the unit).

    A trailing 万/亿 stays with the unit, as annotators write it: 十万 → (10, "万"),
    1.5万 → (1.5, "万"); a bare magnitude is one of it: 亿 → (1, "亿"), 千 → (1000, "").

    Example:
        >>> parse_numeral("500亿"), parse_numeral("十万"), parse_numeral("两")
        ((500.0, '亿'), (10.0, '万'), (2.0, ''))
    """
    for word in MAGNITUDES:
        if text.endswith(word) and text[: -len(word)] and parse_arabic(text[: -len(word)]) is not None:
            return parse_arabic(text[: -len(word)]), word  # type: ignore[return-value]
    value = parse_arabic(text)
    if value is not None:
        return value, ""
    m = _TRAILING_MAGNITUDE.search(text)
    if m and "点" not in text:
        head = text[: m.start()]
        if not head:
            return 1.0, m.group(1)
        head_value = parse_chinese(head)
        if head_value is not None:
            return head_value, m.group(1)
    value = parse_chinese(text)
    return (value, "") if value is not None else None


def parse_fraction(numerator: str, denominator: str) -> float | None:
    """Value of a fraction written a/b or b分之a, None when it is not a proper fraction."""
    num = parse_arabic(numerator) if parse_arabic(numerator) is not None else parse_chinese(numerator)
    den = parse_arabic(denominator) if parse_arabic(denominator) is not None else parse_chinese(denominator)
    if num is None or not den or num >= den:
        return None
    return round(num / den, 4)


def doubling(times: str) -> float | None:
    """Factor of 翻N番 (翻一番 → 2, 翻两番 → 4)."""
    n = parse_arabic(times) if parse_arabic(times) is not None else parse_chinese(times)
    return None if n is None or n > 10 else float(2 ** int(n))
