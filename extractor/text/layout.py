"""How a text is laid out on the page: display widths and the width its lines wrap at.

normalise joins wrapped lines with it and the figure view ends paragraphs with it: one wrap
width detector for the project.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

_MIN_WRAP = 30


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WFA" else 1


WIDE_RUN = re.compile(r"[\u3000-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]+")
"""Runs of CJK punctuation, ideographs and full-width forms: blocks wide throughout, counted
without looking each character up."""


def display_width(line: str) -> int:
    """Columns a line takes when typeset: CJK characters count two, ASCII one.

    Example:
        >>> display_width("到2026年")
        8
    """
    rest = WIDE_RUN.sub("", line)
    if rest.isascii():  # what is left is mostly ASCII, one column each: no look-up per character
        return 2 * len(line) - len(rest)
    return 2 * (len(line) - len(rest)) + sum(map(_char_width, rest))


def display_widths(lines: list[str]) -> list[int]:
    """`display_width` of each of many lines (none holding a newline), with one regex pass for all.

    Example:
        >>> display_widths(["到2026年", "ab"])
        [8, 2]
    """
    rests = WIDE_RUN.sub("", "\n".join(lines)).split("\n")  # no wide run crosses a newline
    return [2 * len(line) - len(rest) if rest.isascii() else 2 * (len(line) - len(rest)) + sum(map(_char_width, rest))
            for line, rest in zip(lines, rests)]


@dataclass(frozen=True)
class Layout:
    """How a text breaks its lines: whether a blank line may be a wrap, and the wrap width."""

    blank_is_soft: bool
    width: int | None = None  # the wrap width in columns; None: lines are not wrapped
    full: int | None = None  # columns from which a plain line counts as full (wrapped)


def layout(breaks: list[str], line_widths: list[int]) -> Layout:
    """The layout of a text from its line breaks (the whitespace runs) and line widths."""
    newlines = [b.count("\n") for b in breaks]
    single = sum(1 for n, b in zip(newlines, breaks) if n == 1 and "\f" not in b)
    multi = sum(1 for n in newlines if n >= 2)
    widths = [w for w in line_widths if w >= 20]
    soft = multi > 2 * single
    if widths:
        width = Counter(widths).most_common(1)[0][0]
        support = sum(1 for w in widths if width - 4 <= w <= width + 2)
        beyond = sum(1 for w in widths if w > 1.25 * width)
        # Printed lines hold 15 or more CJK characters and most lines run to the margin;
        # few run far past it (a web page's paragraphs, one per line, run past any width).
        if width >= _MIN_WRAP and support >= max(3, 0.3 * len(widths)) and beyond <= 0.25 * len(widths):
            return Layout(soft, width, width - max(4, round(0.15 * width)))
    return Layout(soft)


def wrap_width(lines: list[str]) -> int | None:
    """The width in display columns a text wraps its lines at, None when its lines are paragraphs."""
    return layout(["\n"] * max(0, len(lines) - 1), display_widths(lines)).width
