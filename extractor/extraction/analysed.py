"""The analysed document: what every finder reads about one document, built once.

`extract` analyses a `DocTree` once and hands the same `Analysed` to every finder (and
`policykg explain` to every family's `explain`), so no finder rebuilds a view, the sentence
ends or the document's year. The views are built on first use: explaining one family builds
only the view it reads. It sits above the text layer because it reads `tree.sections`.

A finder's entry function takes either: a `DocTree` is analysed on the spot (`analyse`), so
``find_quantities(tree)`` keeps working for a caller with a tree in hand.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from extractor.model import DocTree, Table
from extractor.text import View, paragraph_view, view
from extractor.text.patterns import PERIOD, YEAR

_ISO_YEAR = re.compile(YEAR)
_CITED_PLAN_REACH = 2000  # view characters: the opening paragraphs, where a plan says what it implements
_TITLE_REACH, _TITLE_LINES, _TITLE_MAX = 400, 4, 60
_TOP_MARKERS = frozenset({"cn", "cn_paren"})  # 一、 and （一）: the two top levels of a policy text
_SENTENCE_PUNCT = "。，；,;！？!?"  # a line holding these is a sentence, not a title


@dataclass(frozen=True, eq=False)
class Analysed:
    """One document with its views, sentence ends, title zone, top headings, tables, year and period.

    Compared by identity (``eq=False``): two analyses of one tree are two objects, and the
    views cached on one never leak into another.
    """

    tree: DocTree

    @property
    def text(self) -> str:
        return self.tree.text

    @cached_property
    def spaced(self) -> View:
        """Lines joined, other whitespace one separator: names are read here (organisations,
        owners, places), as a space or tab still parts two table cells."""
        return view(self.tree.text, spaces="one")

    @cached_property
    def joined(self) -> View:
        """Lines joined and spaces dropped: programme names set apart by spaces read whole."""
        spaced = self.spaced
        # Where the spaced view kept no space, dropping spaces changes nothing (a tab stays a
        # tab in both views): most documents' joined view is their spaced one, built once.
        return spaced if " " not in spaced.text else view(self.tree.text, spaces="drop")

    @cached_property
    def paragraphs(self) -> View:
        """Spaces dropped, a break kept where a sentence, heading or short paragraph ends:
        figures are read here (`extractor.text.paragraphs`)."""
        return paragraph_view(self.tree.text)

    @cached_property
    def sentence_ends(self) -> tuple[int, ...]:
        """Clean offsets of every sentence end (。！？ or a line break), in order."""
        # the pieces between ends, cut in C (str.replace, str.split): a match object per end
        # cost twice as much; each end lies one past the piece it closes
        text = self.tree.text.replace("。", "\n").replace("！", "\n").replace("？", "\n")
        ends, at = [], -1
        for piece in text.split("\n")[:-1]:
            at += len(piece) + 1
            ends.append(at)
        return tuple(ends)

    @cached_property
    def title_zone(self) -> str:
        """The title and the title-like lines the text opens with (a headline, a dated title),
        up to the first heading structure read: a Chinese title ends with what the document
        is (…的报告, …行动计划) and names the year it speaks from.

        Example:
            >>> analyse(tree).title_zone  # doctest: +SKIP
            '关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告'
        """
        first_heading = min((s.span[0] for s in self.tree.sections), default=len(self.tree.text))
        v, pos, lines = self.paragraphs, 0, []
        for line in v.text[:_TITLE_REACH].split("\n")[:_TITLE_LINES]:
            start, pos = pos, pos + len(line) + 1
            if line and v.offsets[start] >= first_heading:
                break
            if line and len(line) <= _TITLE_MAX and not any(p in line for p in _SENTENCE_PUNCT):
                lines.append(line)
        return "\n".join([self.tree.meta.title or "", *lines])

    @cached_property
    def top_heading_starts(self) -> tuple[int, ...]:
        """Paragraph-view offsets where a heading of the top two levels (一、, （一）) starts,
        as structure read them (at the break before it, which takes the heading's offset):
        where a goal paragraph's reach (到2025年，…) ends."""
        offsets = self.paragraphs.offsets
        return tuple(sorted(bisect.bisect_left(offsets, s.span[0]) for s in self.tree.sections
                            if s.marker in _TOP_MARKERS))

    @property
    def tables(self) -> tuple[Table, ...]:
        """The tables the reader found (a PDF's ruled tables, a page's <table>s); the indicator
        tables structure read from flattened text are `tree.text_tables`."""
        return self.tree.tables

    @cached_property
    def year(self) -> int | None:
        """The year of the document's date (成文日期), None when undated."""
        date = self.tree.meta.date
        return int(date[:4]) if date and _ISO_YEAR.match(date) else None

    @cached_property
    def period(self) -> tuple[int, int] | None:
        """The period the document's goals run to: its own as metadata read it (（2024—2026年）
        → (2024, 2026)), else that of the plan it says it implements near its start
        (深入落实《…三年行动计划（2024—2026年）》…, 特制定本行动计划). Not metadata: the
        record keeps the document's own period only."""
        if self.tree.meta.period:
            return self.tree.meta.period
        m = PERIOD.search(self.paragraphs.text, 0, _CITED_PLAN_REACH)
        return (int(m.group("a")), int(m.group("b"))) if m else None


def analyse(doc: DocTree | Analysed) -> Analysed:
    """The analysed form of a document; an `Analysed` is returned as it is, never rebuilt.

    Example:
        >>> doc = analyse(tree)  # doctest: +SKIP
        >>> analyse(doc) is doc  # doctest: +SKIP
        True
    """
    return doc if isinstance(doc, Analysed) else Analysed(doc)
