"""Frozen dataclasses of a version diff: clauses, their alignment and the facts that moved."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from extractor.model import Span

ClauseStatus = Literal["unchanged", "modified", "added", "removed", "moved"]
ChunkOp = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True)
class Clause:
    """One comparable unit of a document: a numbered clause, a heading or a sentence.

    `ref` is the path of markers that leads to it as a reader cites it ("三、（一）2."),
    with "¶n" for the n-th unnumbered sentence under that path. `text` is the clause as
    shown to a reader (line breaks of the PDF removed); `key` is what alignment compares:
    the text without its own marker, whitespace and width differences.
    `title` is the compared form of a run-in heading, which survives rewrites of the body.
    """

    index: int
    ref: str
    marker: str
    text: str
    key: str
    span: Span  # clean-text offsets of the clause in its document
    title: str = ""  # the heading phrase after the marker (疑似病例 in 2.疑似病例。…), if any


@dataclass(frozen=True)
class Chunk:
    """A run of a character-level diff: kept, inserted, deleted or replaced text."""

    op: ChunkOp
    old: str
    new: str


@dataclass(frozen=True)
class ClauseChange:
    """What happened to one clause between the versions.

    `relation` is "split" when part of an old clause became a clause of its own in the
    new version, "merged" when an old clause was folded into a longer new one.
    `moved` marks a clause whose position changed relative to its neighbours.
    """

    status: ClauseStatus
    old: Clause | None
    new: Clause | None
    similarity: float  # 0-100 over the clause keys
    chunks: tuple[Chunk, ...] = ()
    moved: bool = False
    relation: Literal["one-to-one", "split", "merged"] = "one-to-one"


@dataclass(frozen=True)
class QuantityState:
    """A figure as one version states it."""

    value: float
    unit: str
    comparator: str = "="
    value_max: float | None = None
    year: int | None = None
    text: str = ""  # the figure as written ("14 天", "1～14天")
    evidence: str = ""
    ref: str = ""  # the clause it sits in


@dataclass(frozen=True)
class QuantityChange:
    """A figure that changed, appeared or was dropped.

    `source` says where it was found: "extraction" (the targets of the two records) or
    "text" (number-and-unit tokens that differ between aligned clauses).
    """

    change: Literal["changed", "added", "removed"]
    metric: str
    old: QuantityState | None
    new: QuantityState | None
    source: Literal["extraction", "text"] = "extraction"


@dataclass(frozen=True)
class OwnerChange:
    """Who is responsible for a clause now: the bodies named only in the old or the new text."""

    subject: str  # the clause or task, shortened for a reader
    old_ref: str
    new_ref: str
    old_owners: tuple[str, ...]
    new_owners: tuple[str, ...]
    role: str = "lead"


@dataclass(frozen=True)
class Rename:
    """A term the new version writes otherwise throughout (环境保护主管部门 → 生态环境主管部门),
    with the clauses (old ref, new ref) it touches."""

    old: str
    new: str
    refs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MetaChange:
    """A changed field of the official-document metadata (文号, date, issuer, title …)."""

    field: str
    old: str | tuple[str, ...] | None
    new: str | tuple[str, ...] | None


@dataclass(frozen=True)
class PolicyDiff:
    """Everything that changed between two versions of one policy."""

    old_id: str
    new_id: str
    old_source: str
    new_source: str
    clauses: tuple[ClauseChange, ...]  # in reading order of the new version, removals in place
    quantities: tuple[QuantityChange, ...] = ()
    owners: tuple[OwnerChange, ...] = ()
    meta: tuple[MetaChange, ...] = ()
    renames: tuple[Rename, ...] = ()

    def count(self, status: ClauseStatus) -> int:
        """How many clauses have `status` (a modified clause that also moved counts as modified)."""
        return sum(1 for c in self.clauses if c.status == status)

    def changed(self) -> tuple[ClauseChange, ...]:
        """The clauses that are not unchanged."""
        return tuple(c for c in self.clauses if c.status != "unchanged")
