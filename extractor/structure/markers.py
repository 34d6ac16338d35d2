"""Heading and list markers of Chinese policy documents, as compiled patterns.

Shared by normalise (a line that starts with a marker starts a new paragraph) and by
structure (which reads the marker's kind and level). Each pattern matches at a position
where a marker may start; none matches "1.5万" or "2024年".
"""
from __future__ import annotations

import re

from extractor.text.numerals import COUNTING_CHARS

CN_DIGITS = COUNTING_CHARS
"""Characters of Chinese numerals as headings number their items (第十二条, 三、)."""

# Kinds of marker in the order of the usual hierarchy of a policy text.
MARKER_PATTERNS: dict[str, str] = {
    "markdown": r"#{1,6}[ \t]+",
    "chapter": rf"第[{CN_DIGITS}\d]+(?:[编章](?!程)|部分)",
    "section": rf"第[{CN_DIGITS}\d]+节",
    "article": rf"第[{CN_DIGITS}\d]+条(?![例件款])",
    "annex": r"附件[ \t]*(?:\d{1,2}(?:[-－—]\d{1,2})?)?(?=[：:\s]|$|[^\d下上载])",
    "cn": rf"[{CN_DIGITS}]{{1,3}}(?:、|[．.](?!\d))",  # 一、2024年工作回顾 heads a section; 十.5 is no mark
    "cn_paren": rf"[（(][{CN_DIGITS}]{{1,3}}[）)]",
    "num": r"\d{1,2}(?:[、]|[.．](?![\d%％]))",
    "num_paren": r"[（(]\d{1,2}[）)]",
    "circled": "[\u2460-\u2473\u2474-\u2487]",
    "ordinal": rf"[{CN_DIGITS}]{{1,2}}是",
}

MARKER = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in MARKER_PATTERNS.items()))
"""Any marker; `match(text, pos)` tells whether a marker starts at `pos` and which kind."""

PAREN_ITEM = re.compile(f"{MARKER_PATTERNS['cn_paren']}|{MARKER_PATTERNS['num_paren']}")
"""An item's bracketed number, （一） or (3): never part of a name written after it."""

MARKER_START = re.compile(rf"[#第附（(\d{CN_DIGITS}\u2460-\u2487]")
"""The characters a marker can start with: scanning for these first skips most of a text."""
_ALWAYS = "#第附（(\u2460-\u2487"  # first characters of the marks that need no look further
FIRST_CHARS = frozenset("#第附（(" + CN_DIGITS + "".join(map(chr, range(0x2460, 0x2488))))
"""`MARKER_START` as a set (with `str.isdecimal` for a digit): a set look-up rejects most
positions for less than a regex call costs (or than a call of `marker_at`)."""


def _without(first: str, last: str, keep: frozenset[str]) -> str:
    """A character-class body for the characters from `first` to `last` but those in `keep`."""
    cuts = sorted(c for c in keep if first <= c <= last)
    bounds = zip([ord(first), *(ord(c) + 1 for c in cuts)], [*(ord(c) - 1 for c in cuts), ord(last)])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in bounds if b >= a)


PROSE_CHARS = "".join(_without(a, b, FIRST_CHARS | frozenset("0123456789")) for a, b in (
    ("\x00", "\x2f"), ("\x3a", "\x7f"),  # ASCII but digits, # and (
    ("\u2010", "\u205f"), ("\u3000", "\u303f"), ("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"),  # CJK but numerals, 第, 附, 〇
    ("\uff00", "\uff0f"), ("\uff1a", "\uffef")))  # full-width forms but digits and （
"""Characters of prose none of which opens a marker, nor is a decimal digit (held by a test):
Han characters, punctuation and ASCII letters."""
MARKER_SCAN = re.compile(
    rf"[^{PROSE_CHARS}](?:(?<=[{_ALWAYS}])|(?<=\d)(?=\d?[、.．])|(?<=[{CN_DIGITS}])(?=[{CN_DIGITS}]{{0,2}}[、.．是]))")
"""`MARKER_START` where a marker can start there: a numeral only with its 、 . ． 是 in reach,
so the figures and words of prose (2024年, 进一步) are passed over by the scan instead of each
trying `MARKER` in Python. The scan skips in C to a character that is not `PROSE_CHARS`, a one-bit
test, where a class holding \\d asked the Unicode database about every character; the
lookbehinds then take only a marker's first characters."""


def marker_at(text: str, pos: int = 0) -> re.Match[str] | None:
    """The marker starting at `pos`, or None.

    Example:
        >>> marker_at("（一）四个特色定位").lastgroup
        'cn_paren'
        >>> marker_at("1.5万家") is None
        True
    """
    char = text[pos:pos + 1] if pos >= 0 else text[:1]
    if not char or (char not in FIRST_CHARS and not char.isdecimal()):
        return None
    return MARKER.match(text, pos)
