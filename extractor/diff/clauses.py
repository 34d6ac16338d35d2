"""Split a document into clauses a reader would cite: 第X条, 一、（一）1.（1）①, 附件N, sentences.

The splitter reads the markers of Chinese administrative numbering itself, so two versions
are cut the same way whatever the structure stage found; section and task starts from the
`DocTree` add boundaries the markers miss. Text without markers (a notice's preamble, a
long paragraph) falls back to sentences, so alignment always has units to work with.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from extractor.diff.model import Clause
from extractor.text.numerals import parse_arabic, parse_chinese
from extractor.model import DocTree
from extractor.structure.markers import CN_DIGITS, MARKER

# Marker kinds of `structure.markers` by nesting level; kinds absent here (markdown hashes,
# 一是/二是 inline enumerations) do not open a clause.
_LEVEL = {"annex": 0, "chapter": 1, "section": 2, "article": 3, "cn": 3, "cn_paren": 4,
          "num": 5, "num_paren": 6, "circled": 7}
# Kinds that open a clause only at a line start or after a sentence end: inline they are
# far more often cross-references (第十二条规定) or list items in running text (第1、4、7天).
_NEEDS_BOUNDARY = {"chapter", "section", "article", "cn", "num"}
_BOUNDARY_BEFORE = set("\n\f\r 　\t。；;：:！？!?”」』）)")
_LINE_START = set("\n\f")
_NUMERAL = re.compile(rf"[{CN_DIGITS}]+|\d+")
_CIRCLED_BASES = (0x2460, 0x2474)
_ANNEX_LINE = re.compile(r"[ \t]*(?:[：:][^\n]{0,40})?(?:\n|\f|$)")
_SENTENCE = re.compile(r"[\s\S]*?(?:[。！？!?][”’」』）)]*|\n[ \t\f　]*\n|\Z)")
_LINE_OR_SENTENCE = re.compile(r"[\s\S]*?(?:[。！？!?][”’」』）)]*|\n|\Z)")
"""Before the first marker (a title, a revision history, a preamble) each line is a unit."""
_LABEL = re.compile(r"第[^第]{1,8}[条章节]$")
"""An article or chapter label, which keeps its space before the text (第二条 本条例…)."""
_SPACE = re.compile(r"[\s\u3000]+")
_SPACE_NEXT_TO_CJK = re.compile(r" (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) ")
_RUN_IN_TITLE = re.compile(r"([^，,、；;。：:！？!?]{2,20})(?:[。：:]|$)")
"""A numbered clause's heading phrase: （三）密切接触者判定与管理。 or a title line alone."""
_HEADING_KINDS = {"annex", "chapter", "section", "cn", "cn_paren"}
"""Kinds whose marker may head a title line; 1. and （1） items run on as sentences."""
_HEADING_LINE = re.compile(r"[^\n，,、；;。：:]{1,20}")
_FURNITURE = re.compile(r"<!--[\s\S]*?-->|^[ \t]*#{1,6}[ \t]+|^[ \t]*(?:[-*_][ \t]*){3,}$|\*\*|^[ \t]*>[ \t]?",
                        re.MULTILINE)
"""Markup a crawler or a Markdown export leaves around the text (<!-- INFO END -->, ## before a
chapter heading, **第一条** in bold, > quotes, --- rules): no words of the document, so never
part of a clause."""
_REFERENCE_AFTER = re.compile(r"[项款目]")
"""第（一）项 / 前款第（二）项: an item marker followed by 项 is a cross-reference, not an item."""
_OPENS_LINE = set("\n\f。；;！？!?")

MAX_CLAUSE_CHARS = 500
"""Numbered clauses longer than this are cut into sentences, so alignment and the
character diff work on units a reader can compare side by side."""


def _ordinal(kind: str, marker: str) -> int | None:
    """The number a marker counts (（十二） → 12, ③ → 3), None when it has none."""
    if kind == "circled":
        code = ord(marker[0])
        return code - max(b for b in _CIRCLED_BASES if b <= code) + 1
    m = _NUMERAL.search(marker)
    if m is None:
        return None
    value = parse_arabic(m.group(0)) if m.group(0).isdigit() else parse_chinese(m.group(0))
    return int(value) if value is not None else None


def display(text: str) -> str:
    """The text as a reader sees it: PDF line breaks and spaces next to Chinese removed."""
    return _SPACE_NEXT_TO_CJK.sub("", _SPACE.sub(" ", text)).strip()


def comparison_key(text: str) -> str:
    """What alignment compares: width-folded (NFKC), no whitespace, lower case."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).lower()


@dataclass(frozen=True)
class _Marker:
    start: int
    end: int
    family: str
    text: str
    ref: str


def _markers(text: str) -> list[_Marker]:
    """Accepted numbering markers in reading order, each with its reference path.

    A marker is accepted when its numeral continues its family's sequence (or restarts it
    at 1), which rejects most numerals in running text without a list of exceptions.
    """
    last: dict[str, int] = {}
    stack: list[tuple[int, str]] = []
    found: list[_Marker] = []
    for m in MARKER.finditer(text):
        family = m.lastgroup
        if family not in _LEVEL:
            continue
        before = text[m.start() - 1] if m.start() > 0 else "\n"
        if family in _NEEDS_BOUNDARY and before not in _BOUNDARY_BEFORE:
            continue
        # An annex heading stands on its own line; inline 附件1 is a reference to it.
        if family == "annex" and (before not in _LINE_START or not _ANNEX_LINE.match(text, m.end())):
            continue
        # 1、4、7 in running text lists days, not items.
        if family == "num" and text[m.end():m.end() + 1].isdigit():
            continue
        # 前款第（一）项、第（二）项 cites items; it opens none.
        if family in ("cn_paren", "num_paren") and (before == "第" or _REFERENCE_AFTER.match(text, m.end())):
            continue
        value = _ordinal(family, m.group(0))
        # A numbering sequence may open mid-way (an excerpt starting at 五、) when its first
        # marker stands at a line start.
        at_line_start = not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()
        opens = family in _NEEDS_BOUNDARY and family not in last and at_line_start
        # An article label opening a line may skip numbers (an excerpt, 第三条 （删除） dropped).
        skips = family == "article" and at_line_start and value is not None and value > last.get(family, 0)
        in_sequence = value is not None and (value == 1 or value == last.get(family, 0) + 1 or opens or skips)
        if family != "annex" and not in_sequence:
            continue
        level = _LEVEL[family]
        last[family] = value or 0
        for other, lvl in _LEVEL.items():
            # Articles are numbered through the whole law, across its chapters.
            if lvl > level and not (other == "article" and family in ("chapter", "section")):
                last.pop(other, None)
        while stack and stack[-1][0] >= level:
            stack.pop()
        marker = _SPACE.sub("", m.group(0))
        stack.append((level, marker + (" " if family == "annex" else "")))
        found.append(_Marker(m.start(), m.end(), family, marker, "".join(s for _, s in stack).strip()))
    return found


def _sentences(text: str, start: int, end: int, pattern: re.Pattern[str] = _SENTENCE) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, blank ones dropped."""
    spans = []
    for m in pattern.finditer(text, start, end):
        if m.end() > m.start() and text[m.start():m.end()].strip():
            spans.append((m.start(), m.end()))
    return spans


def _heading_end(text: str, marker: _Marker, end: int) -> int | None:
    """End of a short heading line (一、总体要求) that opens a longer clause, else None."""
    if marker.family not in _HEADING_KINDS:
        return None
    line_end = text.find("\n", marker.end, end)
    if line_end < 0:
        return None
    m = _HEADING_LINE.fullmatch(text, marker.end, line_end)
    return line_end if m and text[line_end:end].strip() else None


def _near(sorted_starts: list[int], offset: int, slack: int = 4) -> bool:
    """Whether a marker starts within `slack` characters of `offset` (the same boundary)."""
    k = bisect.bisect_left(sorted_starts, offset - slack)
    return k < len(sorted_starts) and sorted_starts[k] <= offset + slack


def without_furniture(text: str) -> str:
    """The text with crawler and Markdown markup blanked out, offsets kept (same length).

    Example:
        >>> without_furniture("<!-- x -->\n## 第一章 总则").strip()
        '第一章 总则'
    """
    return _FURNITURE.sub(lambda m: " " * len(m.group(0)), text)


def _opens_clause(text: str, offset: int, marker_ends: set[int]) -> bool:
    """Whether a section or task start of the structure stage may start a clause: at a line
    start or after a sentence end, never right after a marker on its line (第十一条 body)
    nor inside running text (正月初一、初二 is no list)."""
    k = offset
    while k > 0 and text[k - 1] in " \t\u3000":
        k -= 1
    label = k
    while label > 0 and text[label - 1].isspace():
        label -= 1
    if label in marker_ends and label < offset:  # 第十一条 alone on its line, the body below
        return False
    return k == 0 or text[k - 1] in _OPENS_LINE


def split_clauses(tree: DocTree) -> tuple[Clause, ...]:
    """Cut a document into clauses in reading order.

    Example:
        >>> [c.ref for c in split_clauses(tree)]  # doctest: +SKIP
        ['¶1', '一、', '二、', '三、', '三、（一）', ...]
    """
    text = without_furniture(tree.text)
    markers = _markers(text)
    marker_at = {m.start: m for m in markers}
    starts = sorted(marker_at)
    ends = {m.end for m in markers}
    extra = {s.span[0] for s in tree.sections} | {t.span[0] for t in tree.tasks}
    bounds = sorted(set(starts) | {b for b in extra if 0 < b < len(text) and not _near(starts, b)
                                   and _opens_clause(text, b, ends)})

    pieces: list[tuple[int, int, str, str]] = []  # start, end, ref, marker
    ref, unnumbered = "", 0
    for i, start in enumerate([0, *bounds]):
        end = bounds[i] if i < len(bounds) else len(text)
        if end <= start:
            continue
        marker = marker_at.get(start)
        if marker is not None:
            ref, unnumbered = marker.ref, 0
            head = _heading_end(text, marker, end)
            if head is not None:
                pieces.append((start, head, ref, marker.text))
                start = head
            elif end - start <= MAX_CLAUSE_CHARS:
                pieces.append((start, end, ref, marker.text))
                continue
            else:
                first = _sentences(text, start, end)[0]
                pieces.append((first[0], first[1], ref, marker.text))
                start = first[1]
        for s, e in _sentences(text, start, end, _SENTENCE if ref else _LINE_OR_SENTENCE):
            unnumbered += 1
            pieces.append((s, e, f"{ref}¶{unnumbered}", ""))

    clauses = []
    for start, end, ref, marker in pieces:
        shown = display(text[start:end])
        if not shown:
            continue
        body = shown[len(marker):] if marker and shown.startswith(marker) else shown
        if body and _LABEL.match(marker) and text[start + len(marker)].isspace():
            shown = f"{marker} {body}"
        key = comparison_key(body) or comparison_key(shown)
        title = _RUN_IN_TITLE.match(body) if marker else None
        clauses.append(Clause(index=len(clauses), ref=ref, marker=marker, text=shown, key=key,
                              span=(start, end), title=comparison_key(title.group(1)) if title else ""))
    return tuple(clauses)
