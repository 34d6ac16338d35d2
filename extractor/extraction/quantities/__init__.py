"""Quantities: every measured figure of a document, as a goal (`target`) or a reported `actual`.

The finder reads the analysed document's paragraph view (`Analysed.paragraphs`), proposes
every figure the figure pattern matches and judges each by named filters (`figures`), reads
the accepted ones in their sentence against what the document says of itself (`context`,
`reading`), adds the rows of indicator tables (`tables`), and keeps one entry per figure. `explain(tree)` returns
every candidate with its decision, from the same computation as `find_quantities(tree)`.
"""
from __future__ import annotations

import bisect
from dataclasses import fields
from operator import attrgetter
from difflib import SequenceMatcher




from extractor.extraction.analysed import Analysed, analyse
from extractor.extraction.candidates import Candidate, Decision
from extractor.extraction.quantities.context import context
from extractor.extraction.quantities.figures import Figure, find_figures, judged
from extractor.extraction.quantities.reading import read_in_text
from extractor.extraction.quantities.tables import table_quantities
from extractor.model import DocTree, Quantity
from extractor.text import View

__all__ = ["Figure", "explain", "find_figures", "find_quantities"]

_FAMILY = "quantities"
_RESTATED_SHARE = 0.6


def _span(view: View, start: int, end: int) -> tuple[int, int]:
    return view.offsets[start], view.offsets[max(start, end - 1)] + 1


def _detail(q: Quantity) -> str:
    upper = f"–{q.value_max:g}" if q.value_max is not None else ""
    return (f"{q.kind} {q.comparator} {q.value:g}{upper} {q.unit} year={q.year} annual={q.annual} "
            f"metric={q.metric}")


def _restated(a: Quantity, b: Quantity, ends: tuple[int, ...]) -> bool:
    """Whether a figure restates one read before (a goal restated under its task): the same
    thing named, in another sentence (two figures of one sentence are two statements:
    幅度控制在最高补贴额的20%以内；…幅度控制在上年度补贴额的20%以内). `ends`: where the
    document's sentences end."""
    if bisect.bisect_left(ends, a.span[0]) == bisect.bisect_left(ends, b.span[0]):
        return False
    if not a.metric or not b.metric:
        return True
    # Most of the shorter name in one run inside the longer: 创新创业人才 restates 引进创新创业人才;
    # a shared head alone (…总额增长, …服务机构) leaves 进出口总额 and 社会消费品零售总额 two statements.
    if a.metric in b.metric or b.metric in a.metric:
        return True  # the whole shorter name is the run: no matcher to build
    run = SequenceMatcher(None, a.metric, b.metric, autojunk=False).find_longest_match(
        0, len(a.metric), 0, len(b.metric)).size
    return run >= _RESTATED_SHARE * min(len(a.metric), len(b.metric))


def _decide(doc: Analysed, *, explaining: bool) -> tuple[tuple[Candidate, ...], tuple[Quantity, ...]]:
    """Every candidate with its decision (when `explaining`), and the accepted quantities
    numbered q1, q2, …. Without `explaining` every accepted figure is read the same, but no
    candidate is written: nobody reads them."""
    tree, view = doc.tree, doc.paragraphs
    # without `explaining` the refused matches are not even read (`find_figures`)
    proposals = judged(view.text) if explaining else []
    figures = [p.figure() for p, r in proposals if r is None] if explaining else find_figures(view.text)
    ctx = context(doc, figures)
    read = dict((f.start, r) for f, r in read_in_text(tree, view, figures, ctx))
    candidates: list[Candidate] = []
    kept: list[Quantity] = []
    seen: dict[tuple, list[Quantity]] = {}
    ends = doc.sentence_ends

    def decide(outcome: Quantity | Decision) -> Decision | None:
        """Keep a quantity unless it restates one kept; a refusal stays as it is."""
        if not isinstance(outcome, Quantity):
            return outcome
        same = seen.setdefault((outcome.value, outcome.value_max, outcome.unit, outcome.kind, outcome.annual), [])
        if any(_restated(outcome, o, ends) for o in same):
            return Decision("repeated", "the same figure of the same metric is read already")
        same.append(outcome)
        kept.append(outcome)
        return None

    # the candidates are written for `explain` alone: four figures in five are refused
    for p, rejection in proposals if explaining else ((f, None) for f in figures):
        outcome = rejection or read[p.start]
        refusal = decide(Decision("measures_nothing", outcome) if isinstance(outcome, str) else outcome)
        if explaining:
            span = _span(view, p.start, p.end)
            candidates.append(_candidate(tree.text[span[0]:span[1]], span, refusal, kept))
    for table in (*doc.tables, *tree.text_tables):
        for q in table_quantities(tree, table, view, ctx):
            refusal = decide(q)
            if explaining:
                candidates.append(_candidate(q.evidence, q.span, refusal, kept))
    numbered = tuple(_numbered(q, n, tree) for n, q in enumerate(kept, 1))
    return tuple(candidates), numbered


def _candidate(text: str, span: tuple[int, int], rejection: Decision | None, kept: list[Quantity]) -> Candidate:
    """A figure's candidate: refused with its reason, or accepted as the quantity kept last."""
    return Candidate(_FAMILY, text, span, rejection, "" if rejection else _detail(kept[-1]))


def explain(doc: DocTree | Analysed) -> tuple[Candidate, ...]:
    """Every figure proposed in a document, accepted or refused with the filter's reason.

    Example:
        >>> [c.rejection.filter if c.rejection else "accepted" for c in explain(tree)]  # doctest: +SKIP
        ['accepted', 'article_or_name']
    """
    return _decide(analyse(doc), explaining=True)[0]


def find_quantities(doc: DocTree | Analysed) -> tuple[Quantity, ...]:
    """Every measured figure of a document, once each, numbered q1, q2, ….

    Example:
        >>> [q.value for q in find_quantities(tree)]  # doctest: +SKIP
        [4000.0]
    """
    return _decide(analyse(doc), explaining=False)[1]


# every field of a quantity in its constructor's order, read at once by one C call: rebuilding a
# quantity from them costs half of `dataclasses.replace`, which checks each field in Python
_FIELDS = tuple(f.name for f in fields(Quantity))
_ALL_FIELDS = attrgetter(*_FIELDS)
_ID, _PAGE, _SECTION = (_FIELDS.index(name) for name in ("id", "page", "section"))


def _numbered(q: Quantity, n: int, tree: DocTree) -> Quantity:
    values = list(_ALL_FIELDS(q))
    values[_ID], values[_SECTION] = f"q{n}", tree.section_at(q.span[0])
    values[_PAGE] = q.page or tree.clean.page_at(q.span[0])
    return Quantity(*values)

