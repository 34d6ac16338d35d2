"""Typed, frozen data that flows between the pipeline's stages.

ingest -> RawDocument -> normalise -> CleanText -> structure -> DocTree
       -> extraction -> Extraction -> record (dict, the JSON contract)

Offsets inside the pipeline are offsets into `CleanText.text` (the repaired text);
`CleanText.to_source` maps them back to the source text, which is what records show.
"""
from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

Span = tuple[int, int]
Kind = Literal["target", "actual"]
Role = Literal["lead", "support"]
"""Half-open character range ``[start, end)``."""

PAGE_BREAK = "\f"
"""Separator between pages in `RawDocument.text` (form feed, as pdftotext writes it)."""


@dataclass(frozen=True)
class Table:
    """A table as rows of cell strings (None-free), found on `page` (1-based)."""

    page: int
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class RawDocument:
    """What ingest read from one file: the text of each page, its tables and its hash.

    `text` is the pages joined by `PAGE_BREAK`; spans in records point into it.
    """

    path: str
    format: str  # a value of `ingest.FORMATS`: "pdf", "txt", "md", "html", "docx", "doc", "wps", "ofd" …
    sha256: str
    pages: tuple[str, ...]
    tables: tuple[Table, ...] = ()
    title_hint: str | None = None  # e.g. PDF metadata or HTML <title>, used only as a fallback
    ocr_pages: tuple[int, ...] = ()  # 1-based pages read by OCR: their facts are OCR-derived
    skipped_pages: tuple[int, ...] = ()  # 1-based pages without readable text that OCR could not read

    @property
    def text(self) -> str:
        return PAGE_BREAK.join(self.pages)

    @property
    def id(self) -> str:
        """The document id: the file name without its extension."""
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name

    def page_starts(self) -> tuple[int, ...]:
        """Source offset at which each page starts."""
        starts, pos = [], 0
        for page in self.pages:
            starts.append(pos)
            pos += len(page) + len(PAGE_BREAK)
        return tuple(starts)


@dataclass(frozen=True)
class CleanText:
    """Repaired text with a map back to the source.

    `offsets[i]` is the source offset of clean character `i`; `offsets[len(text)]` is
    the source length, so a half-open clean span maps to a half-open source span.
    `page_starts` are the source offsets where pages start (from `RawDocument`).
    """

    text: str
    # a tuple, or normalise's array of int64 as it stands (indexed, sliced and bisected alike):
    # a tuple of it would build an int object per character of every document
    offsets: Sequence[int]
    page_starts: tuple[int, ...] = (0,)

    def __hash__(self) -> int:
        # equal clean texts have equal text and pages; an array of offsets is unhashable
        return hash((self.text, self.page_starts))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CleanText):
            return NotImplemented
        return ((self.text, self.page_starts) == (other.text, other.page_starts)
                and tuple(self.offsets) == tuple(other.offsets))

    def to_source(self, span: Span) -> Span:
        """Map a clean-text span to the source-text span that holds the same characters."""
        start, end = span
        if end <= start:
            s = self.offsets[start]
            return (s, s)
        return (self.offsets[start], self.offsets[end - 1] + 1)

    def page_at(self, offset: int) -> int:
        """1-based page number of a clean-text offset."""
        source = self.offsets[min(max(offset, 0), len(self.text))]
        return bisect.bisect_right(self.page_starts, source)


@dataclass(frozen=True)
class Section:
    """A heading and the text under it. `span` covers heading and body (clean offsets)."""

    id: str  # "s3.4.4": the path of ordinal positions, stable for one text
    number: str  # the marker as written: "三", "（四）", "4", "第五条", "附件1"
    title: str
    level: int
    parent: str | None
    span: Span
    kind: str = "heading"  # heading | chapter | article | annex | table
    marker: str = ""  # the marker's kind as structure read it: cn (一、), cn_paren (（一）), num (1.) …


@dataclass(frozen=True)
class OwnerRef:
    """An organisation's responsibility for a task or target."""

    org: str  # Organisation.id
    role: Role


@dataclass(frozen=True)
class Task:
    """A numbered measure or clause: the unit responsibility is assigned to."""

    id: str
    section: str | None
    marker: str  # "①", "1.", "（三）", "" for an unnumbered paragraph
    text: str
    span: Span
    owners: tuple[OwnerRef, ...] = ()


@dataclass(frozen=True)
class DocMeta:
    """Official-document metadata after GB/T 9704-2012."""

    title: str | None = None
    doc_number: str | None = None  # 发文字号
    issuer: str | None = None  # 发文机关 / 落款 / author body
    signer: str | None = None  # 签发人
    date: str | None = None  # 成文日期, ISO
    recipients: tuple[str, ...] = ()  # 主送
    cc: tuple[str, ...] = ()  # 抄送
    printer: str | None = None  # 印发机关
    print_date: str | None = None  # 印发日期, ISO
    category: str | None = None  # 类别：A on replies to deputies
    period: tuple[int, int] | None = None  # the plan's own period, （2024—2026年）


@dataclass(frozen=True)
class DocTree:
    """A document's structure: metadata, sections, tasks and tables over its clean text."""

    doc_id: str
    source: str
    sha256: str
    format: str
    pages: int
    clean: CleanText
    meta: DocMeta
    sections: tuple[Section, ...] = ()
    tasks: tuple[Task, ...] = ()
    tables: tuple[Table, ...] = ()
    ocr_pages: tuple[int, ...] = ()  # as in `RawDocument`
    skipped_pages: tuple[int, ...] = ()
    # indicator tables written as whitespace-separated text (a flattened web table), which
    # no reader saw as a table: read by structure (`structure.tables`), kept apart from
    # `tables` so task tables and owner grids stay the reader's
    text_tables: tuple[Table, ...] = ()

    @property
    def text(self) -> str:
        return self.clean.text

    def section_at(self, offset: int) -> str | None:
        """Id of the innermost section containing `offset`, or None before the first.

        The innermost is the deepest (of equal depths, the later); it is looked up by
        bisection in the stretches between section boundaries (`_section_stretches`).
        """
        points, innermost = self._section_stretches
        i = bisect.bisect_right(points, offset) - 1
        return innermost[i] if i >= 0 else None

    @cached_property
    def _section_stretches(self) -> tuple[list[int], list[str | None]]:
        """Every start and end of a section, and the innermost section from each one to the next."""
        points = sorted({p for section in self.sections for p in section.span})
        order = sorted(range(len(self.sections)), key=lambda i: self.sections[i].span[0])
        active: list[tuple[int, int, int]] = []  # (-level, -index, end): the innermost on top
        innermost: list[str | None] = []
        k = 0
        for point in points:
            while k < len(order) and self.sections[order[k]].span[0] <= point:
                section = self.sections[order[k]]
                heapq.heappush(active, (-section.level, -order[k], section.span[1]))
                k += 1
            while active and active[0][2] <= point:
                heapq.heappop(active)  # ended; an ended one below the top goes when it surfaces
            innermost.append(self.sections[-active[0][1]].id if active else None)
        return points, innermost


@dataclass(frozen=True)
class Quantity:
    """A measured figure: a target still to be met or a reported actual."""

    id: str
    kind: Kind
    metric: str
    value: float
    unit: str
    comparator: str  # one of >=, >, <=, <, =, ~
    evidence: str
    span: Span  # clean offsets of the figure's evidence clause
    value_max: float | None = None
    year: int | None = None
    annual: bool = False
    subject: str | None = None
    programme: str | None = None
    page: int | None = None
    section: str | None = None
    owners: tuple[OwnerRef, ...] = ()


@dataclass(frozen=True)
class Organisation:
    """One body, with every form the document uses for it."""

    id: str
    name: str
    type: str  # government, party, legislature, institution, university, research, company, finance, association, other
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Programme:
    """A named initiative: reform, fund, plan, platform, mechanism, layout, package."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Place:
    """A place name (province, city, district, new area, zone)."""

    id: str
    name: str
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Citation:
    """A cited policy title 《…》 and the 文号 that follows it, when there is one."""

    title: str
    span: Span
    doc_number: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document, ready to become a record."""

    tree: DocTree
    targets: tuple[Quantity, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    programmes: tuple[Programme, ...] = ()
    places: tuple[Place, ...] = ()
    citations: tuple[Citation, ...] = ()
    tasks: tuple[Task, ...] = field(default=())  # tree.tasks with owners filled in
