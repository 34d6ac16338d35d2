"""One view type: the clean text with layout whitespace taken out, and a map back.

PDF lines break inside names and figures (西咸新区\\n管委会), web pages separate table cells
with spaces or tabs, and two cells of digits must never read as one number (3000 4500家).
A finder works on a `View`, matches there, and maps what it found back to clean offsets with
`View.span`, so every finder agrees on where a fact sits.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Iterator, Literal, Sequence

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


def _words(clean: str) -> Iterator[tuple[int, str]]:
    """(start, word) of each run of non-whitespace, in order, then (len(clean), "").

    `str.split` cuts the words in C several times faster than a regex scans every character
    for ``\\s``, and both read whitespace as `str.isspace` does; each word is found again
    right after the one before it (only whitespace lies between: the first hit is the word).
    """
    pos = 0
    for word in clean.split():
        pos = clean.find(word, pos)
        yield pos, word
        pos += len(word)
    yield len(clean), ""


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
    pieces: list[str] = []
    offsets = array("q")
    breaks: list[int] = []
    end = 0  # where the last word ended
    before = ""  # its last character
    for start, word in _words(clean):
        if start > end:  # the whitespace run [end, start)
            run = clean[end:start]
            # a line break alone, the usual run, leaves a separator only between two figures
            kept = _separator(run, before, word[:1], spaces) if run != "\n" or before in _FIGURE_CHARS else None
            if kept is not None:
                pieces.append(kept)
                offsets.append(end)
            if run == "\n" or _has_break(run):
                breaks.append(len(offsets))
        pieces.append(word)
        offsets += table[start:start + len(word)]
        end = start + len(word)
        before = word[-1:]
    return View("".join(pieces), offsets, tuple(breaks))
