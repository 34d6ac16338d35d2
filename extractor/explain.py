"""Why a name, figure or owner was or was not extracted: every candidate and its decision.

Each extraction family keeps the decisions its finder made (`extraction.candidates`); this
module analyses the document once (`extraction.analysed`), gathers every family's decisions
over that one analysis and shapes them into rows a researcher can read, with the span mapped
back to the source text and the page it sits on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from extractor import lexicons
from extractor.extraction.analysed import Analysed, analyse
from extractor.extraction.candidates import Candidate
from extractor.model import DocTree

FAMILIES: dict[str, str] = {
    "organisations": "extractor.extraction.organisations",
    "programmes": "extractor.extraction.programmes",
    "quantities": "extractor.extraction.quantities",
    "owners": "extractor.extraction.owners",
}
"""Each family and the module whose `explain(tree)` lists its candidates."""


@dataclass(frozen=True)
class Explained:
    """One candidate as `policykg explain` shows it: source span, page and decision."""

    family: str
    text: str
    span: tuple[int, int]  # offsets in the source text, like the record's spans
    page: int
    section: str | None
    decision: str  # "accepted", or the name of the filter that refused it
    reason: str
    detail: str

    @property
    def accepted(self) -> bool:
        return self.decision == "accepted"


def family_explainer(family: str) -> Callable[[DocTree | Analysed], tuple[Candidate, ...]]:
    """The `explain(tree)` function of one family.

    Raises:
        KeyError: the family is not one of `FAMILIES`.
    """
    return import_module(FAMILIES[family]).explain


def _shape(tree: DocTree, candidate: Candidate) -> Explained:
    start, end = candidate.span
    rejection = candidate.rejection
    return Explained(
        family=candidate.family,
        text=candidate.text,
        span=tree.clean.to_source(candidate.span),
        page=tree.clean.page_at(start),
        section=tree.section_at(start),
        decision="accepted" if rejection is None else rejection.filter,
        reason="" if rejection is None else rejection.reason,
        detail=candidate.detail,
    )


def explain(tree: DocTree, *, families: Iterable[str] = tuple(FAMILIES),
            rules: str | Path | None = None) -> tuple[Explained, ...]:
    """Every candidate of the chosen families in one document, in text order within each family.

    Example:
        >>> rows = explain(tree, families=["organisations"])  # doctest: +SKIP
        >>> rows[0].decision, rows[0].reason  # doctest: +SKIP
        ('starts_with_verb', 'begins with the verb 严格落实')
    """
    rows: list[Explained] = []
    with lexicons.using(rules):
        doc = analyse(tree)
        for family in families:
            found = family_explainer(family)(doc)
            rows.extend(sorted((_shape(tree, c) for c in found), key=lambda r: (r.span, r.text)))
    return tuple(rows)
