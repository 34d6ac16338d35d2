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
from itertools import repeat

_MIN_WRAP = 30


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WFA" else 1


_WIDE = (r"[\u3000-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60"
         r"\u00b7\u00d7\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2460-\u24e9]")
WIDE_RUN = re.compile(_WIDE + _WIDE + "*")  # [x][x]*, not [x]+: opening with a class, the scan skips to it in C
"""Runs of CJK punctuation, ideographs and full-width forms, and of the marks of ambiguous
width Chinese text sets among them (“”—…·×①, wide in East Asian type): counted without
looking each character up. A quote or a dash left out made most lines of prose look every
character up."""


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
    narrow = WIDE_RUN.sub("", "\n".join(lines))  # no wide run crosses a newline
    rests = narrow.split("\n")
    if narrow.isascii():  # the usual text: 2 * len(line) - len(rest) for every line, in C
        return list(map(int.__sub__, map((2).__mul__, map(len, lines)), map(len, rests)))
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
    # most breaks are one newline alone: counted by one list.count in C, the others' newlines
    # counted by `map` (a Python step per break cost more than the rest of the layout)
    others = list(filter("\n".__ne__, breaks))
    newlines = list(map(str.count, others, repeat("\n", len(others))))
    paged = sum(1 for b in others if "\f" in b and b.count("\n") == 1) if "\f" in "".join(others) else 0
    single = breaks.count("\n") + newlines.count(1) - paged
    multi = len(newlines) - newlines.count(0) - newlines.count(1)
    wrap = _wrap(line_widths)
    return Layout(multi > 2 * single, *wrap) if wrap else Layout(multi > 2 * single)


def _wrap(line_widths: list[int]) -> tuple[int, int] | None:
    """The wrap width of lines this wide and the width from which a line counts as full, or None."""
    # counted by width in C, then read per distinct width: far fewer than the lines
    counts = {w: n for w, n in Counter(line_widths).items() if w >= 20}
    if not counts:
        return None
    lines = sum(counts.values())
    width = max(counts, key=counts.__getitem__)  # the first most common, as `most_common` gives it
    support = sum(counts.get(w, 0) for w in range(width - 4, width + 3))
    beyond = sum(n for w, n in counts.items() if w > 1.25 * width)
    # Printed lines hold 15 or more CJK characters and most lines run to the margin;
    # few run far past it (a web page's paragraphs, one per line, run past any width).
    if width >= _MIN_WRAP and support >= max(3, 0.3 * lines) and beyond <= 0.25 * lines:
        return width, width - max(4, round(0.15 * width))
    return None


def wrap_width(lines: list[str]) -> int | None:
    """The width in display columns a text wraps its lines at, None when its lines are paragraphs."""
    wrap = _wrap(display_widths(lines))
    return wrap[0] if wrap else None
