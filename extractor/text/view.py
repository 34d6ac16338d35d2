"""One view type: the clean text with layout whitespace taken out, and a map back.

PDF lines break inside names and figures (西咸新区\\n管委会), web pages separate table cells
with spaces or tabs, and two cells of digits must never read as one number (3000 4500家).
A finder works on a `View`, matches there, and maps what it found back to clean offsets with
`View.span`, so every finder agrees on where a fact sits.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Literal, Sequence

from extractor.model import Span

_RAMP = array("q", range(1 << 16))


def ramp(end: int) -> array[int]:
    """The constant table 0, 1, 2, … reaching at least `end` (no document's data).

    A view's offsets are runs of consecutive clean offsets: a slice of this table copies a
    run in C, where building an int object per character cost most of a view.
    """
    global _RAMP
    if len(_RAMP) < end:
        _RAMP = array("q", range(max(end, 2 * len(_RAMP))))
    return _RAMP


@dataclass(frozen=True)
class View:
    """Text cut from the clean text, with each character's clean offset.

    `breaks` are the view offsets, in order, where a line or page break was taken out just
    before (after any separator the break left).
    """

    text: str
    offsets: Sequence[int]  # a tuple, or an array of int64 (indexed, sliced, bisected alike)
    breaks: tuple[int, ...] = ()

    def __hash__(self) -> int:
        # equal views have equal text and breaks; an array of offsets is unhashable (and long
        # to hash): lru_cache keys on views (`organisations.find`)
        return hash((self.text, self.breaks))

    def span(self, start: int, end: int) -> Span:
        """The clean-text span of the view's characters ``[start, end)`` (``end > start``)."""
        return (self.offsets[start], self.offsets[end - 1] + 1)


_FIGURE_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%"
                          + "".join(map(chr, [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)])))
"""Digits, Latin letters (half- and full-width), the point and the percent sign: two runs of
them a whitespace run parts stay parted (3000 4500). A set look-up, as a regex call per run
cost more than the rest of the view's loop."""


def _has_break(run: str) -> bool:
    """Whether a whitespace run holds a line or page break (or a carriage return)."""
    # three `in` tests: `any` over a tuple of them cost more than the rest of the view's loop
    return "\n" in run or "\f" in run or "\r" in run


def _separator(run: str, before: str, after: str, spaces: str) -> str | None:
    """The one character a whitespace run between the characters `before` and `after` ("" at
    an edge of the text) leaves in the view, or None when it goes.

    Without spaces, whatever is kept is a boundary no pattern may cross: a tab.
    """
    if "\t" in run:
        return "\t"  # a table cell boundary, in every view
    if before in _FIGURE_CHARS and after in _FIGURE_CHARS:
        return " " if spaces == "one" else "\t"  # 3000 4500: two figures, never one
    if spaces == "one" and not _has_break(run):
        return " "  # a space in web text separates cells or words
    return None


def view(clean: str, *, spaces: Literal["one", "drop"] = "one") -> View:
    """A view of `clean` without line breaks (and, with ``spaces="drop"``, without spaces).

    A run holding a tab, or lying between two digits or Latin letters, always leaves one
    separator, so no pattern reads across a cell or glues two numbers.

    Example:
        >>> v = view("到 2026 年，西咸新区\\n管委会 牵头，新增企业 3000 4500家。", spaces="drop")
        >>> v.text
        '到2026年，西咸新区管委会牵头，新增企业3000\\t4500家。'
        >>> v.span(v.text.index("西咸"), v.text.index("牵头"))
        (9, 17)
    """
    table = ramp(len(clean))
    figures = " " if spaces == "one" else "\t"  # what a line break between two figures leaves
    pieces: list[str] = []
    offsets = array("q")
    breaks: list[int] = []
    end = 0  # where the last word ended
    before = ""  # its last character
    # `str.split` cuts the words in C several times faster than a regex scans every character
    # for ``\\s`` (both read whitespace as `str.isspace` does); each word is found again right
    # after the one before it, as only whitespace lies between. One loop, no generator or call
    # per word: a line break alone, the usual run, is decided in place.
    for word in clean.split():
        start = clean.find(word, end)
        if start > end:  # the whitespace run [end, start)
            run = clean[end:start]
            if run == "\n":  # leaves a separator only between two figures
                if before in _FIGURE_CHARS and word[0] in _FIGURE_CHARS:
                    pieces.append(figures)
                    offsets.append(end)
                breaks.append(len(offsets))
            else:
                _take_run(run, before, word[0], spaces, end, pieces, offsets, breaks)
        pieces.append(word)
        end = start + len(word)
        offsets += table[start:end]
        before = word[-1]
    if end < len(clean):  # whitespace closing the text
        _take_run(clean[end:], before, "", spaces, end, pieces, offsets, breaks)
    return View("".join(pieces), offsets, tuple(breaks))


def _take_run(run: str, before: str, after: str, spaces: Literal["one", "drop"], at: int,
              pieces: list[str], offsets: array[int], breaks: list[int]) -> None:
    """Add what the whitespace `run` at clean offset `at` leaves to a view being built."""
    kept = _separator(run, before, after, spaces) if run != "\n" or before in _FIGURE_CHARS else None
    if kept is not None:
        pieces.append(kept)
        offsets.append(at)
    if _has_break(run):
        breaks.append(len(offsets))
