"""Headings, sections and numbered measures (tasks) of a Chinese policy text.

Markers (一、 （一） 1. （1） ① 第X章 第X条 附件 #) are found at line starts and, in text
that lost its line breaks (web pages), after a sentence end or a space, or glued to the
text before them when they continue the numbering. Levels follow the usual order of
markers in policy documents; a section runs from its heading to the next heading of the
same or a higher level.
"""
from __future__ import annotations

import bisect
import re
from functools import cache
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from extractor.model import CleanText, Section, Table, Task
from extractor.text.numerals import COUNTING_CHARS, cn_number
from extractor.structure.markers import MARKER, MARKER_SCAN, marker_at

RANK = {"annex": 6, "chapter": 7, "section": 8, "article": 9, "cn": 10, "cn_paren": 11,
        "num": 12, "num_paren": 13, "circled": 14, "ordinal": 14}
"""Depth of each marker kind; markdown headings rank by their number of #s (0-5)."""
ITEM_KINDS = frozenset({"circled", "ordinal"})
"""Kinds that only number items inside a paragraph: tasks, never sections."""
TASK_KINDS = frozenset({"cn_paren", "num", "num_paren", "article"}) | ITEM_KINDS
SECTION_KIND = {"chapter": "chapter", "section": "chapter", "article": "article", "annex": "annex"}

_STRONG_BEFORE = "。；：！？;:!?"
_NOT_BEFORE = set("0123456789.．第、-—~～/年月日号")
_TITLE_END = re.compile(r"[。；;\n]")
_CIRCLED_REF = re.compile("[\u2460-\u2487、—\\-~～至到和及]")
_TITLE_STRIP = " ：:，,、"
_MAX_TITLE = 80
_GLUE_WINDOW = 60
_NOT_NUMERAL = re.compile(rf"[^\d{COUNTING_CHARS}]")  # what a marker holds besides its number


# Compiled on first use, not at import: a CJK class costs ~1-3 ms to compile and many
# documents never reach this pattern, so starting the CLI stays quick.
@cache
def _letter_spacing() -> re.Pattern[str]:
    return re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")  # 总  则: spaced out for show


class Marker(NamedTuple):
    """One accepted heading or item marker in the clean text (a named tuple: built for every
    heading of a document, and a tuple builds several times faster than a frozen dataclass)."""

    kind: str
    rank: int
    start: int
    body: int  # where the text after the marker starts
    number: str
    value: int | None
    line_start: bool


def _value(kind: str, marker: str) -> int | None:
    if kind == "circled":
        code = ord(marker[0])
        return code - 0x2460 + 1 if code < 0x2474 else code - 0x2474 + 1
    digits = _NOT_NUMERAL.sub("", marker)
    return cn_number(digits) if digits else None


def _number(marker: str) -> str:
    """The marker as the section's number: "三", "（四）", "4", "第五条", "附件1"."""
    return marker.strip().rstrip("、.．是").replace(" ", "").replace("\t", "")


def _boundary(text: str, pos: int) -> str:
    """'line', 'strong' (after a sentence end or a space), 'weak' (glued) or 'none'."""
    if pos == 0 or text[pos - 1] == "\n":
        return "line"
    before = text[pos - 1]
    if before == " " or before in _STRONG_BEFORE:
        return "strong"
    if before in _NOT_BEFORE or (before.isascii() and before.isalnum()):
        return "none"
    return "weak"


def _candidates(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Every position where a marker pattern matches, in order."""
    for start in MARKER_SCAN.finditer(text):
        m = MARKER.match(text, start.start())
        if m:
            yield start.start(), m


def find_markers(text: str) -> list[Marker]:
    """Markers in reading order, with numbering checked so stray digits are not headings.

    Example:
        >>> [m.number for m in find_markers("一、总体要求\\n到2026年，企业达到1.5万家。\\n（一）加强领导")]
        ['一', '（一）']
    """
    accepted: list[Marker] = []
    last: dict[str, int] = {}
    for pos, m in _candidates(text):
        kind = m.lastgroup or ""
        where = _boundary(text, pos)
        if where == "none" or (accepted and pos < accepted[-1].body):
            continue
        marker = m.group()
        if kind == "markdown":
            if where != "line":
                continue
            rank = len(marker.strip()) - 1
            inner = marker_at(text, m.end())
            if inner and inner.lastgroup != "markdown" and inner.lastgroup not in ITEM_KINDS:
                kind_label = inner.lastgroup or kind
                accepted.append(Marker(kind_label, rank, pos, inner.end(), _number(inner.group()),
                                       _value(kind_label, inner.group()), True))
                continue
            accepted.append(Marker(kind, rank, pos, m.end(), "", None, True))
            continue
        value = _value(kind, marker)
        if not _accept(text, kind, where, value, last.get(kind), accepted, pos, m.end()):
            continue
        last[kind] = value or 0
        accepted.append(Marker(kind, RANK[kind], pos, m.end(), _number(marker), value, where == "line"))
    return _without_title(accepted)


def _without_title(markers: list[Marker]) -> list[Marker]:
    """Drop a lone top `#` heading that opens the text: it is the document's title, not a section."""
    if markers and markers[0].kind == "markdown" and markers[0].start == 0 and markers[0].rank == 0:
        if not any(m.kind == "markdown" and m.rank == 0 for m in markers[1:]):
            return markers[1:]
    return markers


def _accept(text: str, kind: str, where: str, value: int | None, last: int | None,
            accepted: list[Marker], pos: int, end: int) -> bool:
    """Whether a marker candidate is a real heading/item given where it stands and the numbering."""
    if kind == "annex":
        return where == "line"
    if value is None:
        return False
    follows = last is not None and value == last + 1
    if kind in ITEM_KINDS:
        if kind == "circled" and _CIRCLED_REF.match(text, end):
            return False  # ①② or ①、③ refer back to measures, they do not start one
        if value == 1 and _same_line_item(text, kind, accepted, pos):
            return False  # ① again in the paragraph of ①…④: the owners list of those items
        return where in ("line", "strong") and (value == 1 or follows)
    if kind in ("chapter", "section", "article"):
        return where in ("line", "strong") and (last is None or value == 1 or follows)
    if where == "line":
        return True
    if where == "strong":
        return value == 1 or follows
    # Glued to the text before: numbering must go on, or a list starts right after a heading.
    if follows:
        return True
    if value == 1 and last is None and _list_follows(text, kind, end):
        return True
    if value == 1 and accepted:
        prev = accepted[-1]
        gap = text[prev.body:pos]
        # The text between is the heading's title, which runs without clause punctuation;
        # after a comma the 一、 is a word's end (统一、高效), not a list's start.
        return prev.rank < RANK[kind] and len(gap) <= _GLUE_WINDOW and not any(p in gap for p in "。，,")
    return False


def _same_line_item(text: str, kind: str, accepted: list[Marker], pos: int) -> bool:
    """Whether an item of this kind was already accepted earlier on the same line."""
    previous = next((m for m in reversed(accepted) if m.kind == kind), None)
    return previous is not None and "\n" not in text[previous.start:pos]


def _list_follows(text: str, kind: str, end: int) -> bool:
    """Whether item 2 of the same kind follows: a list glued to the text before it starts here."""
    for pos, m in _candidates(text[end:end + 2000]):
        if m.lastgroup == kind and _boundary(text, end + pos) != "none":
            value = _value(kind, m.group())
            if value in (1, 2):
                return value == 2
    return False


def _title(text: str, marker: Marker, stop: int) -> str:
    """Heading text up to the first 。 or line end (or the next marker, or, inline, a space)."""
    end = min(stop, marker.body + _MAX_TITLE)
    m = _TITLE_END.search(text, marker.body, end)
    if m:
        end = m.start()
    if not marker.line_start:
        space = text.find(" ", marker.body, end)
        end = space if space > marker.body else end
    title = text[marker.body:end].strip(_TITLE_STRIP)
    if " " in title:  # the regex only for a title holding a space: most hold none
        title = _letter_spacing().sub("", title)
    if not title and marker.kind == "annex":  # 附件1 alone on its line: the title is the next line
        line = re.match(r"\s*([^\n]{1,%d})" % _MAX_TITLE, text[marker.body:stop])
        title = line.group(1).strip(_TITLE_STRIP) if line else ""
    return title


@dataclass
class _Node:
    """A section while the tree is being built (mutable: its end and children come later)."""

    id: str
    marker: Marker
    parent: _Node | None
    level: int
    end: int
    title: str
    children: int = 0
    items: int = 0

    @property
    def in_article(self) -> bool:
        node = self.parent
        while node is not None:
            if node.marker.kind == "article":
                return True
            node = node.parent
        return False


def build_sections(text: str, markers: list[Marker]) -> tuple[tuple[Section, ...], tuple[Task, ...]]:
    """Sections (the heading tree) and tasks (the lowest numbered measures) from markers.

    Tasks are numbered items (①, 一是) and the task-kind sections that hold no lower
    numbered measure; an article (第X条) is a task whole, with the clauses it enumerates.
    """
    stops = [m.start for m in markers[1:]] + [len(text)]
    stack: list[_Node] = []
    counts: dict[str | None, int] = {}
    nodes: list[_Node] = []
    items: list[tuple[Marker, int, _Node | None]] = []
    for marker, stop in zip(markers, stops):
        if marker.kind in ITEM_KINDS:
            line_end = text.find("\n", marker.body, stop)  # looked for up to the next marker only
            items.append((marker, stop if line_end < 0 else line_end, stack[-1] if stack else None))
            for node in stack:
                node.items += 1
            continue
        while stack and stack[-1].marker.rank >= marker.rank:
            stack.pop().end = marker.start
        parent = stack[-1] if stack else None
        key = parent.id if parent else None
        counts[key] = counts.get(key, 0) + 1
        node = _Node(id=f"{key}.{counts[key]}" if key else f"s{counts[key]}", marker=marker, parent=parent,
                     level=len(stack) + 1, end=len(text), title=_title(text, marker, stop))
        if parent:
            parent.children += 1
        nodes.append(node)
        stack.append(node)
    sections = tuple(
        Section(id=n.id, number=n.marker.number, title=n.title, level=n.level,
                parent=n.parent.id if n.parent else None, span=(n.marker.start, n.end),
                kind=SECTION_KIND.get(n.marker.kind, "heading"), marker=n.marker.kind)
        for n in nodes
    )
    measures: list[tuple[Marker, int, str | None]] = [(n.marker, n.end, n.id) for n in nodes
                if n.marker.kind == "article"
                or (n.marker.kind in TASK_KINDS and not n.children and not n.items and not n.in_article)]
    measures += [(m, end, node.id if node else None) for m, end, node in items
                 if node is None or (node.marker.kind != "article" and not node.in_article)]
    tasks: list[Task] = []
    for marker, end, section in sorted(measures, key=lambda x: x[0].start):
        span = _trim(text, marker.body, end)
        if span[1] > span[0]:
            tasks.append(Task(id=f"t{len(tasks) + 1}", section=section, marker=marker.number,
                              text=text[span[0]:span[1]], span=span))
    return sections, tuple(tasks)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the whitespace at its edges (measured by str.strip in C, not a
    Python step per character)."""
    chunk = text[start:end]
    core = chunk.lstrip()
    start += len(chunk) - len(core)
    return start, start + len(core.rstrip())


def task_column(rows: tuple[tuple[str, ...], ...], task_words: tuple[str, ...],
                owner_words: tuple[str, ...]) -> int | None:
    """Index of the column holding the task in a task table (header row first), or None.

    Division tables often have two task-like columns: a group (一、加强…) whose merged
    cell repeats down the rows, and the items (1.增强…) beside it. The task is the
    candidate column with the most distinct cells; on a tie, the header word listed first.

    Example:
        >>> rows = (("工作任务", "工作要求", "牵头单位"), ("一、公开", "1.增强透明度", "区政务办"),
        ...         ("一、公开", "2.加大公开力度", "区商务局"))
        >>> task_column(rows, ("工作任务", "工作要求"), ("牵头单位",))
        1
    """
    cells = [re.sub(r"\s+", "", cell) for cell in rows[0]]
    candidates = [i for word in task_words for i, cell in enumerate(cells) if word in cell]
    if candidates:
        def distinct(i: int) -> int:
            return len({row[i].strip() for row in rows[1:] if i < len(row) and row[i].strip()})
        return max(dict.fromkeys(candidates), key=lambda i: (distinct(i), -candidates.index(i)))
    if any(word in cell for cell in cells for word in owner_words):
        return max(range(1, len(cells)), key=lambda i: len(cells[i]), default=None)
    return None


def table_tasks(clean: CleanText, tables: tuple[Table, ...], *, first_id: int,
                task_words: tuple[str, ...], owner_words: tuple[str, ...]) -> tuple[Task, ...]:
    """Rows of task tables (a 任务/措施 or 牵头单位 column) located in the clean text of their page."""
    text = clean.text
    tasks: list[Task] = []
    for table in tables:
        if not table.rows:
            continue
        column = task_column(table.rows, task_words, owner_words)
        if column is None:
            continue
        page_start = _clean_offset(clean, table.page)
        for row in table.rows[1:]:
            cell = re.sub(r"\s+", "", row[column]) if column < len(row) else ""
            span = _locate(text, cell, page_start)
            if span:
                marker = re.sub(r"\s+", "", row[0]) if column and re.fullmatch(r"\s*\d{1,3}\s*", row[0]) else ""
                tasks.append(Task(id=f"t{first_id + len(tasks)}", section=None, marker=marker,
                                  text=text[span[0]:span[1]], span=span))
    return tuple(tasks)


def _clean_offset(clean: CleanText, page: int) -> int:
    """First clean offset on a 1-based page."""
    if page <= 1 or page > len(clean.page_starts):
        return 0
    return bisect.bisect_left(clean.offsets, clean.page_starts[page - 1])


def _locate(text: str, cell: str, start: int) -> tuple[int, int] | None:
    """Span of a cell's text in the clean text from `start`, allowing line breaks inside it."""
    if len(cell) < 4:
        return None
    pattern = r"\s?".join(map(re.escape, cell))
    m = re.compile(pattern).search(text, start) or re.compile(pattern).search(text)
    return m.span() if m else None
