"""The facts that moved between aligned clauses: figures, owners and document metadata.

Figures come from two places. The targets of the two extractions are paired clause by
clause (metric and unit); and, so that a diff also shows figures that are no target
(14天 of quarantine, 2小时内 to report), the figures the quantity finder reads in the
changed characters of an aligned clause are paired by unit and position.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, fields
from typing import Any, Iterable, Sequence

from rapidfuzz import fuzz

from extractor.diff.model import (Chunk, Clause, ClauseChange, MetaChange, OwnerChange,
                                  QuantityChange, QuantityState)
from extractor.extraction.quantities import find_figures
from extractor.model import DocMeta, Extraction, Quantity

Figure = Any  # the quantity finder's figure: start, end, value, value_max, unit, comparator

METRIC_SIMILARITY = 60.0
"""fuzz.ratio above which two targets of aligned clauses measure the same thing."""
PAIR_METRIC = 80.0
PAIR_EVIDENCE = 60.0
PAIR_PARTIAL = 85.0
PAIR_MIN_PHRASE = 6
KEPT_CONTEXT = 50.0
"""Context ratio above which an equal figure on both sides of a clause is the same figure."""
PAIR_POSITION_PENALTY = 30.0
"""Ratios at which a dropped and an added figure of the same unit are one changed figure."""
PHRASE_LIMIT = 40
_PHRASE_STOP = re.compile(r"[，,。；;：:！？!?\n]")


def _phrase(text: str, start: int, end: int) -> str:
    """The clause phrase around ``text[start:end]``, between punctuation marks."""
    left = max((m.end() for m in _PHRASE_STOP.finditer(text, 0, start)), default=0)
    stop = _PHRASE_STOP.search(text, end)
    right = stop.start() if stop else len(text)
    left = max(left, start - PHRASE_LIMIT)
    return text[left:min(right, end + PHRASE_LIMIT)]


def _metric(text: str, figure: Figure) -> str:
    """What a figure measures: its phrase with the figure itself left out (…)."""
    phrase = _phrase(text, figure.start, figure.end)
    written = text[figure.start:figure.end]
    at = phrase.find(written)
    return (phrase[:at] + "…" + phrase[at + len(written):]).strip("…") if at >= 0 else phrase


def _touched(chunks: Sequence[Chunk]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of the changed chunks on the old and on the new side."""
    old_ranges, new_ranges = [], []
    o = n = 0
    for chunk in chunks:
        if chunk.op != "equal":
            old_ranges.append((o, o + len(chunk.old)))
            new_ranges.append((n, n + len(chunk.new)))
        o += len(chunk.old)
        n += len(chunk.new)
    return old_ranges, new_ranges


def _in_changes(fig: Figure, ranges: Iterable[tuple[int, int]]) -> int | None:
    """Index of the changed range a figure overlaps, or None when it was kept as is."""
    for k, (a, b) in enumerate(ranges):
        if fig.start < b and a < fig.end or (a == b and fig.start <= a <= fig.end):
            return k
    return None


def _state_of_figure(fig: Figure, text: str, ref: str) -> QuantityState:
    return QuantityState(value=fig.value, unit=fig.unit, comparator=fig.comparator,
                         value_max=fig.value_max, text=text[fig.start:fig.end],
                         evidence=_phrase(text, fig.start, fig.end), ref=ref)


def text_quantity_changes(change: ClauseChange) -> tuple[QuantityChange, ...]:
    """Figures that differ between the two sides of a modified clause.

    Only figures inside changed characters count; they pair by unit, those in the same
    changed chunk first, then the nearest in relative position.
    """
    old, new = change.old, change.new
    if old is None or new is None or not change.chunks:
        return ()
    old_ranges, new_ranges = _touched(change.chunks)
    olds = [(f, _in_changes(f, old_ranges)) for f in find_figures(old.text)]
    news = [(f, _in_changes(f, new_ranges)) for f in find_figures(new.text)]
    olds = [(f, k) for f, k in olds if k is not None]
    news = [(f, k) for f, k in news if k is not None]
    candidates = []
    for a, (fo, ko) in enumerate(olds):
        for b, (fn, kn) in enumerate(news):
            if fo.unit == fn.unit:
                shift = abs(fo.start / max(len(old.text), 1) - fn.start / max(len(new.text), 1))
                context = fuzz.ratio(_metric(old.text, fo), _metric(new.text, fn))
                # A figure found again, in like words, on the other side was kept: its
                # surroundings changed, not the figure.
                kept = (fo.value, fo.value_max) == (fn.value, fn.value_max) and context >= KEPT_CONTEXT
                candidates.append((not kept, ko != kn, -round(context, -1), shift, a, b))
    candidates.sort()
    paired_old: set[int] = set()
    paired_new: set[int] = set()
    out = []
    for *_, a, b in candidates:
        if a in paired_old or b in paired_new:
            continue
        paired_old.add(a)
        paired_new.add(b)
        fo, fn = olds[a][0], news[b][0]
        if (fo.value, fo.value_max, fo.comparator) != (fn.value, fn.value_max, fn.comparator):
            out.append(QuantityChange("changed", _metric(new.text, fn),
                                      _state_of_figure(fo, old.text, old.ref),
                                      _state_of_figure(fn, new.text, new.ref), source="text"))
    kept_new = {(f.value, f.unit) for f, _ in news}
    kept_old = {(f.value, f.unit) for f, _ in olds}
    for a, (fo, _) in enumerate(olds):
        if a not in paired_old and (fo.value, fo.unit) not in kept_new:
            out.append(QuantityChange("removed", _metric(old.text, fo),
                                      _state_of_figure(fo, old.text, old.ref), None, source="text"))
    for b, (fn, _) in enumerate(news):
        if b not in paired_new and (fn.value, fn.unit) not in kept_old:
            out.append(QuantityChange("added", _metric(new.text, fn), None,
                                      _state_of_figure(fn, new.text, new.ref), source="text"))
    return tuple(out)


def _target_state(q: Quantity, ref: str) -> QuantityState:
    return QuantityState(value=q.value, unit=q.unit, comparator=q.comparator, value_max=q.value_max,
                         year=q.year, text=q.evidence, evidence=q.evidence, ref=ref)


def _differs(a: Quantity, b: Quantity) -> bool:
    return (a.value, a.value_max, a.unit, a.comparator, a.year) != (b.value, b.value_max, b.unit,
                                                                   b.comparator, b.year)


def _in_clause(targets: Sequence[Quantity], clause: Clause | None) -> list[Quantity]:
    if clause is None:
        return []
    start, end = clause.span
    return [q for q in targets if start <= q.span[0] < end]


def target_changes(change: ClauseChange, old_targets: Sequence[Quantity],
                   new_targets: Sequence[Quantity]) -> tuple[QuantityChange, ...]:
    """Targets of the two extractions that changed, appeared or were dropped in one clause."""
    olds = _in_clause(old_targets, change.old)
    news = _in_clause(new_targets, change.new)
    if change.status in ("unchanged", "moved") or not (olds or news):
        return ()
    old_ref = change.old.ref if change.old else ""
    new_ref = change.new.ref if change.new else ""
    candidates = sorted(((fuzz.ratio(a.metric, b.metric), a.unit == b.unit, i, j)
                         for i, a in enumerate(olds) for j, b in enumerate(news)), reverse=True)
    paired_old: set[int] = set()
    paired_new: set[int] = set()
    out = []
    for score, same_unit, i, j in candidates:
        if score < METRIC_SIMILARITY or not same_unit or i in paired_old or j in paired_new:
            continue
        paired_old.add(i)
        paired_new.add(j)
        if _differs(olds[i], news[j]):
            out.append(QuantityChange("changed", news[j].metric, _target_state(olds[i], old_ref),
                                      _target_state(news[j], new_ref)))
    out += [QuantityChange("removed", q.metric, _target_state(q, old_ref), None)
            for i, q in enumerate(olds) if i not in paired_old]
    out += [QuantityChange("added", q.metric, None, _target_state(q, new_ref))
            for j, q in enumerate(news) if j not in paired_new]
    return tuple(out)


def _figure_key(state: QuantityState | None) -> tuple | None:
    return None if state is None else (state.value, state.value_max, state.ref)


def _covered(change: QuantityChange, found: Sequence[QuantityChange]) -> bool:
    """Whether the extraction already reports the figures a text-level change is about."""
    olds = {_figure_key(f.old) for f in found}
    news = {_figure_key(f.new) for f in found}
    return ((change.old is None or _figure_key(change.old) in olds)
            and (change.new is None or _figure_key(change.new) in news))


def _same_figure(x: QuantityState | None, y: QuantityState | None) -> bool:
    return x is not None and y is not None and (x.value, x.value_max, x.unit, x.comparator) == (
        y.value, y.value_max, y.unit, y.comparator)


def _alike(a: QuantityChange, b: QuantityChange, shift: float) -> float:
    """How surely a dropped figure `a` and an added figure `b` measure the same thing (0: not).

    `shift` is how far apart their clauses sit (fraction of the documents): of two equally
    worded candidates the nearer one wins.
    """
    x, y = a.old, b.new
    if x is None or y is None or x.unit != y.unit:
        return 0.0
    metric = fuzz.ratio(a.metric, b.metric)
    if metric >= PAIR_METRIC and (x.ref == y.ref or fuzz.ratio(x.evidence, y.evidence) >= PAIR_EVIDENCE):
        return metric - PAIR_POSITION_PENALTY * shift
    if min(len(a.metric), len(b.metric)) >= PAIR_MIN_PHRASE:
        partial = fuzz.partial_ratio(a.metric, b.metric)
        if partial >= PAIR_PARTIAL:
            return partial - 10 - PAIR_POSITION_PENALTY * shift
    return 0.0


def _pair_leftovers(changes: list[QuantityChange], pool: Sequence[QuantityChange] = (),
                    positions: tuple[dict[str, float], dict[str, float]] = ({}, {}),
                    ) -> list[QuantityChange]:
    """Join a dropped and an added figure that measure the same thing into one change.

    Clause alignment leaves some rewritten sentences apart (潜伏期1～14天，多为3～7天 →
    潜伏期多为2～4天; a clause redistributed over a new section); their figures still pair
    when the unit agrees and the phrases read alike. `pool` holds figures of wholly added or
    removed clauses: shown only when they pair, since a new annex brings figures by the hundred.
    """
    every = list(changes) + list(pool)
    removed = [i for i, q in enumerate(every) if q.change == "removed"]
    added = [j for j, q in enumerate(every) if q.change == "added"]
    old_pos, new_pos = positions

    def shift(i: int, j: int) -> float:
        return abs(old_pos.get(every[i].old.ref, 0.0) - new_pos.get(every[j].new.ref, 0.0))

    candidates = sorted(((score, i, j) for i in removed for j in added
                         if (score := _alike(every[i], every[j], shift(i, j))) > 0), reverse=True)
    joined: dict[int, QuantityChange] = {}
    used: set[int] = set()
    # The same figure on both sides was moved, not changed: such pairs go first and vanish,
    # so that 500mg/L～1000mg/L moved to another annex is not read as 500 → 1000.
    candidates.sort(key=lambda c: (_same_figure(every[c[1]].old, every[c[2]].new), c[0]), reverse=True)
    for _, i, j in candidates:
        if i in used or j in used:
            continue
        used |= {i, j}
        if not _same_figure(every[i].old, every[j].new):
            joined[min(i, j)] = QuantityChange("changed", every[j].metric, every[i].old, every[j].new,
                                               source=every[j].source)
    return [joined.get(k, q) for k, q in enumerate(every)
            if k in joined or (k < len(changes) and k not in used)]


def _figures_of(clause: Clause, change: str) -> list[QuantityChange]:
    """Every figure of a wholly added or removed clause, as added or removed text changes."""
    out = []
    for fig in find_figures(clause.text):
        state = _state_of_figure(fig, clause.text, clause.ref)
        out.append(QuantityChange(change, _metric(clause.text, fig), state if change == "removed" else None,
                                  state if change == "added" else None, source="text"))
    return out


def quantity_changes(changes: Sequence[ClauseChange], old: Extraction, new: Extraction,
                     ) -> tuple[QuantityChange, ...]:
    """Every figure that moved, from the extracted targets first, then from the clause texts."""
    out: list[QuantityChange] = []
    pool: list[QuantityChange] = []
    olds = [c.old for c in changes if c.old is not None]
    news = [c.new for c in changes if c.new is not None]
    positions = ({c.ref: c.index / max(len(olds), 1) for c in olds},
                 {c.ref: c.index / max(len(news), 1) for c in news})
    for change in changes:
        found = list(target_changes(change, old.targets, new.targets))
        if change.status == "modified":
            found += [t for t in text_quantity_changes(change) if not _covered(t, found)]
        elif change.status in ("added", "removed"):
            clause = change.new if change.status == "added" else change.old
            pool += [t for t in _figures_of(clause, change.status) if not _covered(t, found)]
        out.extend(found)
    return tuple(_pair_leftovers(out, pool, positions))


@dataclass(frozen=True)
class _Owners:
    """Where one document assigns or names bodies: task owners and organisation mentions."""

    tasks: tuple[tuple[int, int, str, str], ...]  # start, end, role, name
    mention_starts: tuple[int, ...]
    mention_names: tuple[str, ...]
    forms: dict[str, tuple[str, ...]]  # name -> every form the document writes it in


def _owner_index(extraction: Extraction) -> _Owners:
    names = {o.id: o.name for o in extraction.organisations}
    tasks = tuple((t.span[0], t.span[1], ref.role, names.get(ref.org, ref.org))
                  for t in extraction.tasks or extraction.tree.tasks for ref in t.owners)
    mentions = sorted((s, o.name) for o in extraction.organisations for s, _ in o.mentions)
    forms = {o.name: (o.name, *o.aliases) for o in extraction.organisations}
    return _Owners(tasks, tuple(s for s, _ in mentions), tuple(n for _, n in mentions), forms)


def _written_in(index: _Owners, name: str, text: str) -> bool:
    """Whether `text` names the body in any of its forms (a mention the finder missed)."""
    return any(form in text for form in index.forms.get(name, (name,)))


def _owners_in(index: _Owners, clause: Clause) -> dict[str, set[str]]:
    """Owner names by role of the tasks over a clause; the bodies it mentions otherwise."""
    start, end = clause.span
    by_role: dict[str, set[str]] = {}
    for t_start, t_end, role, name in index.tasks:
        if start <= t_start < end or t_start <= start < t_end:
            by_role.setdefault(role, set()).add(name)
    if by_role:
        return by_role
    lo = bisect.bisect_left(index.mention_starts, start)
    hi = bisect.bisect_left(index.mention_starts, end)
    mentioned = set(index.mention_names[lo:hi])
    return {"named": mentioned} if mentioned else {}


def _subject(clause: Clause) -> str:
    text = clause.text[len(clause.marker):] if clause.text.startswith(clause.marker) else clause.text
    return text[:PHRASE_LIMIT] + ("…" if len(text) > PHRASE_LIMIT else "")


def owner_changes(changes: Sequence[ClauseChange], old: Extraction, new: Extraction,
                  ) -> tuple[OwnerChange, ...]:
    """Bodies responsible for a rewritten clause that differ between versions.

    Owners come from the tasks' owner lists; where a clause has none, the bodies it names
    stand in, and a change is reported only when one body gave way to another (A → B).
    """
    old_index, new_index = _owner_index(old), _owner_index(new)
    out = []
    for change in changes:
        if change.status != "modified" or change.old is None or change.new is None:
            continue
        before, after = _owners_in(old_index, change.old), _owners_in(new_index, change.new)
        for role in sorted(set(before) | set(after)):
            gone = {n for n in before.get(role, set()) - after.get(role, set())
                    if role != "named" or not _written_in(old_index, n, change.new.text)}
            came = {n for n in after.get(role, set()) - before.get(role, set())
                    if role != "named" or not _written_in(new_index, n, change.old.text)}
            # A body merely mentioned (no owner list) counts only when another replaced it.
            if (gone and came) or (role != "named" and (gone or came)):
                out.append(OwnerChange(subject=_subject(change.new), old_ref=change.old.ref,
                                       new_ref=change.new.ref, old_owners=tuple(sorted(gone)),
                                       new_owners=tuple(sorted(came)), role=role))
    return tuple(out)


def meta_changes(old: DocMeta, new: DocMeta) -> tuple[MetaChange, ...]:
    """Metadata fields whose values differ (lists compared as sets: order is not a change)."""
    out = []
    for f in fields(DocMeta):
        a, b = getattr(old, f.name), getattr(new, f.name)
        if isinstance(a, tuple) and isinstance(b, tuple) and f.name != "period":
            if set(a) == set(b):
                continue
        elif a == b:
            continue
        if f.name == "period":
            a = "—".join(map(str, a)) if a else None
            b = "—".join(map(str, b)) if b else None
        out.append(MetaChange(f.name, a, b))
    return tuple(out)
