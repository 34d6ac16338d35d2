"""The facts that moved between aligned clauses: figures, owners and document metadata.

Figures come from two places. The targets of the two extractions are paired clause by
clause (metric and unit); and, so that a diff also shows figures that are no target
(14天 of quarantine, 2小时内 to report), the figures the quantity finder reads in the
changed characters of an aligned clause are paired by what they measure.

Two figures are one figure changed only when what they measure reads alike (the phrase
around each, without list markers and comparator words) and their units measure the same
dimension (天 and 小时 both time: 体温正常3天 → 24小时); a well-aligned clause vouches for
two figures in the same changed run. Figures of clauses that alignment left apart pair
only near each other, so that a figure is not matched with a like one pages away.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, fields, replace
from typing import Any, Iterable, Sequence

from rapidfuzz import fuzz

from extractor.diff.figures import read_figures as find_figures
from extractor.diff.header import History
from extractor.diff.model import (
    Chunk,
    Clause,
    ClauseChange,
    MetaChange,
    OwnerChange,
    QuantityChange,
    QuantityState,
    Rename,
)
from extractor.diff.renames import renamed
from extractor.lexicons import load_json
from extractor.model import DocMeta, Extraction, Quantity

Figure = Any  # the quantity finder's figure: start, end, value, value_max, unit, comparator


_DIMENSION = {unit: dim for dim, units in load_json("unit_dimensions.json").items() if dim != "_doc"
              for unit in units}
_COMPARATORS = load_json("quantity_comparators.json")
_NOT_METRIC = re.compile("|".join(
    [r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]|[\u2460-\u2473])+",
     *sorted((re.escape(w) for w in (*_COMPARATORS["before"], *_COMPARATORS["after"])), key=len, reverse=True),
     r"[…\W_]+"]))
"""What does not say what a figure measures: a list marker, comparator words, punctuation."""

METRIC_SIMILARITY = 60.0
"""fuzz.ratio above which two targets of aligned clauses measure the same thing."""
STRONG_CLAUSE = 80.0
"""Clause similarity at which two figures in the same changed run are one figure changed."""
PAIR_METRIC = 80.0
PAIR_EVIDENCE = 60.0
PAIR_MIN_PHRASE = 6
KEPT_CONTEXT = 50.0
"""Context ratio above which an equal figure on both sides of a clause is the same figure."""
PAIR_POSITION_PENALTY = 10.0
NEAR_CLAUSES = 10
SHORT_NEAR = 2
"""Clauses apart (after alignment) within which figures of unaligned clauses may pair;
the second for figures whose metric is a word or two."""
PHRASE_LIMIT = 40
TAIL_LIMIT = 6
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


def same_dimension(a: str, b: str) -> bool:
    """Whether two units measure the same thing (天 and 小时; not 天 and 次).

    Example:
        >>> same_dimension("天", "小时"), same_dimension("天", "次")
        (True, False)
    """
    return a == b or (a in _DIMENSION and _DIMENSION.get(a) == _DIMENSION.get(b))


def metric_similarity(a: str, b: str) -> float:
    """How alike two metric phrases read (0-100), list markers and comparator words aside.

    Example:
        >>> metric_similarity("1.体温恢复正常…以上", "体温正常超过…")
        80.0
    """
    x, y = _NOT_METRIC.sub("", a), _NOT_METRIC.sub("", b)
    if not x or not y:
        return 0.0
    score = fuzz.ratio(x, y)
    if min(len(x), len(y)) >= PAIR_MIN_PHRASE:
        score = max(score, fuzz.partial_ratio(x, y) - 10)
    return float(score)


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


def _tail(text: str, fig: Figure) -> str:
    """The words right after a figure up to the next stop (的罚款 of 处3倍的罚款)."""
    stop = _PHRASE_STOP.search(text, fig.end)
    return text[fig.end:stop.start() if stop else len(text)][:TAIL_LIMIT]


def _pair_rank(fo: Figure, ko: int | None, fn: Figure, kn: int | None, context: float, *,
               strong: bool, same_tail: bool) -> int | None:
    """How surely an old and a new figure of one clause are one figure (0 kept as is,
    1 the same amount reworded, 2 changed, 3 changed into another unit), None: not one.

    A figure found again on the other side, in like words or in text kept as is, was kept
    (300mg and 100mg of two drugs written in a new order). A penalty restated in another
    unit (处费用3倍的罚款 → 处5万元以上20万元以下的罚款) is one figure when both sit in one
    changed run and the words after them agree.
    """
    if not same_dimension(fo.unit, fn.unit):
        return 3 if ko is not None and ko == kn and same_tail else None
    same_amount = (fo.value, fo.value_max, fo.unit) == (fn.value, fn.value_max, fn.unit)
    kept = same_amount and fo.comparator == fn.comparator and (
        ko is None or kn is None or context >= KEPT_CONTEXT)
    if same_amount:
        sure = kept or (strong and context >= PAIR_METRIC)
    elif ko is None or kn is None:
        sure = False
    elif fo.unit != fn.unit:
        sure = context >= PAIR_METRIC
    else:
        sure = context >= METRIC_SIMILARITY or (strong and ko == kn)
    return None if not sure else 0 if kept else 1 if same_amount else 2


def _kept_twins(olds: list[tuple[Figure, int | None]], news: list[tuple[Figure, int | None]],
                ) -> tuple[set[int], set[int]]:
    """Figures of kept text that have their twin in the other side's kept text, in order.

    Kept text reads the same on both sides, so such a figure stayed as it was and pairs with
    no figure of the changes (60日 kept, a second 60日 for large firms added next to it).
    """
    waiting: dict[tuple, list[int]] = defaultdict(list)
    for b, (fn, kn) in enumerate(news):
        if kn is None:
            waiting[(fn.value, fn.value_max, fn.unit, fn.comparator)].append(b)
    twins_old, twins_new = set(), set()
    for a, (fo, ko) in enumerate(olds):
        same = waiting.get((fo.value, fo.value_max, fo.unit, fo.comparator)) if ko is None else None
        if same:
            twins_old.add(a)
            twins_new.add(same.pop(0))
    return twins_old, twins_new


def text_quantity_changes(change: ClauseChange) -> tuple[QuantityChange, ...]:
    """Figures that differ between the two sides of a modified clause.

    Only figures inside changed characters count. Two of them are one figure changed
    when their units measure the same dimension and either their metric phrases read
    alike or they sit in the same changed run of a well-aligned clause; a change of the
    comparator alone (30分钟 → 30分钟以上), or of the unit, needs both. A figure found again
    on the other side, in like words or in kept text, was kept; then the same changed run
    and the closer wording win.
    """
    old, new = change.old, change.new
    if old is None or new is None or not change.chunks:
        return ()
    old_ranges, new_ranges = _touched(change.chunks)
    olds = [(f, _in_changes(f, old_ranges)) for f in find_figures(old.text)]
    news = [(f, _in_changes(f, new_ranges)) for f in find_figures(new.text)]
    strong = change.similarity >= STRONG_CLAUSE
    twins_old, twins_new = _kept_twins(olds, news)
    candidates = []
    for a, (fo, ko) in enumerate(olds):
        for b, (fn, kn) in enumerate(news):
            if (ko is None and kn is None) or a in twins_old or b in twins_new:
                continue
            context = metric_similarity(_metric(old.text, fo), _metric(new.text, fn))
            rank = _pair_rank(fo, ko, fn, kn, context, strong=strong,
                              same_tail=_tail(old.text, fo) == _tail(new.text, fn) != "")
            if rank is not None:
                shift = abs(fo.start / max(len(old.text), 1) - fn.start / max(len(new.text), 1))
                candidates.append((rank, ko != kn, -round(context, -1), shift, a, b))
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
        if (fo.value, fo.value_max, fo.unit, fo.comparator) != (fn.value, fn.value_max, fn.unit, fn.comparator):
            out.append(QuantityChange("changed", _metric(new.text, fn),
                                      _state_of_figure(fo, old.text, old.ref),
                                      _state_of_figure(fn, new.text, new.ref), source="text"))
    out += _unpaired(olds, news, paired_old, old, "removed")
    out += _unpaired(news, olds, paired_new, new, "added")
    return tuple(out)


def _unpaired(figures: list[tuple[Figure, int | None]], others: list[tuple[Figure, int | None]],
              paired: set[int], clause: Clause, change: str) -> list[QuantityChange]:
    """Changed figures of one side that found no partner, as removed (old side) or added.

    An amount stated as often on both sides was kept, wherever it moved; one stated more
    often now (a second 60日 for large firms) was added.
    """
    mine = Counter((f.value, f.value_max, f.unit) for f, _ in figures)
    theirs = Counter((f.value, f.value_max, f.unit) for f, _ in others)
    out = []
    for k, (fig, run) in enumerate(figures):
        amount = (fig.value, fig.value_max, fig.unit)
        if run is not None and k not in paired and mine[amount] > theirs[amount]:
            state = _state_of_figure(fig, clause.text, clause.ref)
            out.append(_one_side(change, _metric(clause.text, fig), state))
    return out


def _one_side(change: str, metric: str, state: QuantityState) -> QuantityChange:
    """A figure only one version states: dropped (removed) or new (added)."""
    return QuantityChange(change, metric, state if change == "removed" else None,
                          state if change == "added" else None, source="text")


def _target_state(q: Quantity, ref: str) -> QuantityState:
    return QuantityState(value=q.value, unit=q.unit, comparator=q.comparator, value_max=q.value_max,
                         year=q.year, text=q.evidence, evidence=q.evidence, ref=ref)


def _differs(a: Quantity, b: Quantity) -> bool:
    """Whether two paired targets state different figures; a year read on one side only
    (from the document's date) is no change of the figure."""
    years_differ = a.year is not None and b.year is not None and a.year != b.year
    return years_differ or (a.value, a.value_max, a.unit, a.comparator) != (b.value, b.value_max,
                                                                            b.unit, b.comparator)


def _same_target(a: Quantity, b: Quantity, score: float) -> bool:
    """Whether two targets of one aligned clause measure the same thing; a new unit
    (3天 → 24小时) needs the metric and the sentence around it to read alike."""
    if a.unit == b.unit:
        return score >= METRIC_SIMILARITY
    return (same_dimension(a.unit, b.unit) and metric_similarity(a.metric, b.metric) >= PAIR_METRIC
            and fuzz.ratio(a.evidence, b.evidence) >= PAIR_EVIDENCE)


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
    candidates = sorted(((fuzz.ratio(a.metric, b.metric), i, j) for i, a in enumerate(olds)
                         for j, b in enumerate(news)), reverse=True)
    paired_old: set[int] = set()
    paired_new: set[int] = set()
    out = []
    for score, i, j in candidates:
        if i in paired_old or j in paired_new or not _same_target(olds[i], news[j], score):
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
    """Whether two figures of unaligned clauses state the same amount: a comparator that
    differs there (30分钟 → 30分钟以上) is a rewording too uncertain to report."""
    return x is not None and y is not None and (x.value, x.value_max, x.unit) == (y.value, y.value_max, y.unit)


@dataclass(frozen=True)
class _Places:
    """Where the clauses of both versions sit, and where each old one landed in the new."""

    old_index: dict[str, int]  # ref -> clause index
    new_index: dict[str, int]
    aligned_old: tuple[int, ...]  # old indices of aligned clauses, sorted
    aligned_new: tuple[int, ...]  # their partners' new indices

    def distance(self, old_ref: str, new_ref: str) -> float:
        """Clauses between where an old clause would sit in the new version and a new clause.

        The old clause is carried along with its nearest aligned neighbour before or after
        it (a section moved whole keeps its figures near their partners).
        """
        i, j = self.old_index.get(old_ref), self.new_index.get(new_ref)
        if i is None or j is None or not self.aligned_old:
            return float("inf")
        k = bisect.bisect_right(self.aligned_old, i)
        guesses = []
        if k:
            guesses.append(self.aligned_new[k - 1] + i - self.aligned_old[k - 1])
        if k < len(self.aligned_old):
            guesses.append(self.aligned_new[k] - (self.aligned_old[k] - i))
        return float(min(abs(g - j) for g in guesses))


def _places(changes: Sequence[ClauseChange]) -> _Places:
    old_index = {c.old.ref: c.old.index for c in changes if c.old is not None}
    new_index = {c.new.ref: c.new.index for c in changes if c.new is not None}
    aligned = sorted({c.old.index: c.new.index for c in changes
                      if c.old is not None and c.new is not None}.items())
    return _Places(old_index, new_index, tuple(i for i, _ in aligned), tuple(j for _, j in aligned))


def _lead(state: QuantityState) -> str:
    """The words of its sentence right before a figure (体温恢复正常 of 体温恢复正常3天以上)."""
    fig = next((f for f in find_figures(state.evidence) if (f.value, f.value_max) == (state.value, state.value_max)),
               None)
    return _PHRASE_STOP.split(state.evidence[:fig.start])[-1] if fig is not None else ""


def _alike(a: QuantityChange, b: QuantityChange, places: _Places) -> float:
    """How surely a dropped figure `a` and an added figure `b` measure the same thing (0: not).

    Figures whose metrics read alike pair when their clauses sit near each other once
    aligned; far apart, the same unit and like evidence are needed too (a sentence moved
    to another annex). Of equally worded candidates the nearer one wins.
    """
    x, y = a.old, b.new
    if x is None or y is None or not same_dimension(x.unit, y.unit):
        return 0.0
    metric = metric_similarity(a.metric, b.metric)
    # In a new unit the words right before the figure must agree too (体温恢复正常3天 →
    # 体温正常超过24小时), not only the clause's topic (…可解除集中隔离医学观察).
    if metric < PAIR_METRIC or (x.unit != y.unit and metric_similarity(_lead(x), _lead(y)) < PAIR_METRIC):
        return 0.0
    distance = places.distance(x.ref, y.ref)
    # A metric of a word or two (每日, 多为) says little: such figures pair only next door.
    worded = min(len(_NOT_METRIC.sub("", m)) for m in (a.metric, b.metric)) > 2
    if distance <= (NEAR_CLAUSES if worded else SHORT_NEAR):
        return metric - PAIR_POSITION_PENALTY * distance / NEAR_CLAUSES
    if worded and x.unit == y.unit and fuzz.ratio(x.evidence, y.evidence) >= PAIR_EVIDENCE:
        return metric - PAIR_POSITION_PENALTY
    return 0.0


def _pair_leftovers(changes: list[QuantityChange], pool: Sequence[QuantityChange],
                    places: _Places) -> list[QuantityChange]:
    """Join a dropped and an added figure that measure the same thing into one change.

    Clause alignment leaves some rewritten sentences apart (潜伏期1～14天，多为3～7天 →
    潜伏期多为2～4天; a clause redistributed over a new section); their figures still pair
    when they measure the same dimension and the phrases read alike. `pool` holds figures of
    wholly added or removed clauses and of split or merged ones: shown only when they pair,
    since a new annex brings figures by the hundred.
    """
    every = list(changes) + list(pool)
    removed = [i for i, q in enumerate(every) if q.change == "removed"]
    added = [j for j, q in enumerate(every) if q.change == "added"]
    candidates = [(score, i, j) for i in removed for j in added
                  if (score := _alike(every[i], every[j], places)) > 0]
    # The same figure on both sides was moved, not changed: such pairs go first and vanish,
    # so that 500mg/L～1000mg/L moved to another annex is not read as 500 → 1000.
    candidates.sort(key=lambda c: (_same_figure(every[c[1]].old, every[c[2]].new), c[0]), reverse=True)
    joined: dict[int, QuantityChange] = {}
    used: set[int] = set()
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
    """Every amount of a clause once, as added or removed text changes (不足一万元 restating
    the 一万元以上 threshold is no second figure)."""
    out = []
    seen: set[tuple] = set()
    for fig in find_figures(clause.text):
        if (fig.value, fig.value_max, fig.unit) in seen:
            continue
        seen.add((fig.value, fig.value_max, fig.unit))
        out.append(_one_side(change, _metric(clause.text, fig), _state_of_figure(fig, clause.text, clause.ref)))
    return out


def _unaligned_figures(change: ClauseChange) -> list[QuantityChange]:
    """Figures of a clause alignment could not pair one to one: a wholly added or removed
    clause, or both sides of a split or merge (the piece and the clause it lies in)."""
    if change.status == "added" and change.new is not None:
        return _figures_of(change.new, "added")
    if change.status == "removed" and change.old is not None:
        return _figures_of(change.old, "removed")
    if change.relation != "one-to-one" and change.old is not None and change.new is not None:
        return _figures_of(change.old, "removed") + _figures_of(change.new, "added")
    return []


_ARTICLE = re.compile(r"第[^第]{1,8}条")
"""An article label in a clause reference: the document is a regulation."""


def quantity_changes(changes: Sequence[ClauseChange], old: Extraction, new: Extraction,
                     ) -> tuple[QuantityChange, ...]:
    """Every figure that moved, from the extracted targets first, then from the clause texts.

    A regulation (第X条 articles) states fines and time limits, no targets: its figures are
    read from the clause texts alone, and those of an article added or deleted whole are news.
    """
    out: list[QuantityChange] = []
    pool: dict[tuple, QuantityChange] = {}
    articled = any(_ARTICLE.search(clause.ref) for c in changes for clause in (c.old, c.new) if clause)
    for change in changes:
        use_targets = change.relation == "one-to-one" and not articled
        found = list(target_changes(change, old.targets, new.targets)) if use_targets else []
        if change.status == "modified" and change.relation == "one-to-one":
            found += [t for t in text_quantity_changes(change) if not _covered(t, found)]
        for t in _unaligned_figures(change):
            state = t.old or t.new
            if articled and change.status in ("added", "removed"):
                found.append(t)
            elif not _covered(t, found):
                pool.setdefault((t.change, state.ref, state.text, state.evidence), t)
        out.extend(found)
    return tuple(_pair_leftovers(out, list(pool.values()), _places(changes)))


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
    text = text.strip()
    return text[:PHRASE_LIMIT] + ("…" if len(text) > PHRASE_LIMIT else "")


def owner_changes(changes: Sequence[ClauseChange], old: Extraction, new: Extraction, *,
                  renames: Sequence[Rename] = ()) -> tuple[OwnerChange, ...]:
    """Bodies responsible for a rewritten clause that differ between versions.

    Owners come from the tasks' owner lists; where a clause has none, the bodies it names
    stand in, and a change is reported only when one body gave way to another (A → B).
    A body the other version names under its new name (a rename applied throughout) is
    the same body: the rename is reported once, not here.
    """
    old_index, new_index = _owner_index(old), _owner_index(new)
    out = []
    for change in changes:
        if change.status != "modified" or change.old is None or change.new is None:
            continue
        before, after = _owners_in(old_index, change.old), _owners_in(new_index, change.new)
        for role in sorted(set(before) | set(after)):
            gone = {n for n in before.get(role, set()) - after.get(role, set())
                    if renamed(n, renames) not in after.get(role, set())
                    and renamed(n, renames) not in change.new.text
                    and (role != "named" or not _written_in(old_index, n, change.new.text))}
            came = {n for n in after.get(role, set()) - before.get(role, set())
                    if renamed(n, renames, back=True) not in before.get(role, set())
                    and renamed(n, renames, back=True) not in change.old.text
                    and (role != "named" or not _written_in(new_index, n, change.old.text))}
            # A body merely mentioned (no owner list) counts only when another replaced it.
            if (gone and came) or (role != "named" and (gone or came)):
                out.append(OwnerChange(subject=_subject(change.new), old_ref=change.old.ref,
                                       new_ref=change.new.ref, old_owners=tuple(sorted(gone)),
                                       new_owners=tuple(sorted(came)), role=role))
    return tuple(out)


def _dated(meta: DocMeta, history: History) -> DocMeta:
    """The metadata of a version as its header history dates and numbers it: a revised
    regulation is dated by its latest act and numbered by its latest order (令第802号)."""
    return replace(meta, date=history.date or meta.date, doc_number=history.order or meta.doc_number)


def meta_changes(old: DocMeta, new: DocMeta, *, old_history: History = History(),
                 new_history: History = History()) -> tuple[MetaChange, ...]:
    """Metadata fields whose values differ (lists compared as sets: order is not a change),
    then the lines of the header history the new version adds (its revisions)."""
    old, new = _dated(old, old_history), _dated(new, new_history)
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
    known = {act.date for act in old_history.acts}
    added = tuple(act.text for act in new_history.acts if act.date not in known)
    if added and old_history.acts:
        out.append(MetaChange("revisions", None, added))
    return tuple(out)
