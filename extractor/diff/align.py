"""Align the clauses of two versions: identical text first, then structure plus similarity.

1. Clauses whose comparison keys are identical pair up (the same reference path wins
   among repeats, then the nearest position).
2. The rest are scored with rapidfuzz `cdist` (ratio over the keys, numbering markers
   already stripped), nudged up when the reference path is the same and down with the
   distance between their relative positions; pairs are taken best first above a cutoff.
3. A clause left over whose text sits inside a neighbour's partner is a piece of a split
   (new side) or of a merge (old side).
4. Pairs off the longest increasing run of positions are marked as moved.

The cost is one `cdist` over the clauses left after step 1, never a character diff
between unrelated clauses, so 100-page editions align in well under a second.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from extractor.diff.model import Clause

MIN_SIMILARITY = 60.0
"""Ratio (0-100) below which two clauses are not the same clause rewritten."""
SHORT_KEY = 12
MIN_SIMILARITY_SHORT = 75.0
"""Short keys (headings) share characters by chance, so they need a higher ratio."""
SAME_REF_BONUS = 8.0
SAME_TITLE_BONUS = 10.0
SHORT_MAX_SHIFT = 0.1
"""Short keys pair only within this fraction of the documents of each other."""
SAME_REF_PARTIAL = 75.0
"""partial_ratio at which a leftover clause with the same number is taken as rewritten."""
POSITION_PENALTY = 20.0
PIECE_SIMILARITY = 90.0
"""partial_ratio above which a leftover clause is a piece of a neighbour's split or merge."""
MIN_PIECE_KEY = 8
NEIGHBOURHOOD = 3


@dataclass(frozen=True)
class Pair:
    """Two aligned clauses (or one side alone) and how alike their keys are."""

    old: int | None
    new: int | None
    similarity: float
    moved: bool = False
    relation: str = "one-to-one"


def _shift(a: Clause, b: Clause, n_old: int, n_new: int) -> float:
    """How far apart two clauses sit, as a fraction of their documents (0 to 1)."""
    return abs(a.index / max(n_old, 1) - b.index / max(n_new, 1))


def _plausible(a: Clause, b: Clause, n_old: int, n_new: int) -> bool:
    """Short texts (一、总体要求, 流行病学调查。) recur in every annex: they pair only nearby."""
    short = min(len(a.key), len(b.key)) < SHORT_KEY
    return not short or a.ref == b.ref or _shift(a, b, n_old, n_new) <= SHORT_MAX_SHIFT


def _exact(old: Sequence[Clause], new: Sequence[Clause]) -> dict[int, int]:
    """Pair clauses with identical keys; among repeats the same ref, then nearest position."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for c in new:
        by_key[c.key].append(c.index)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    scale = len(new) / max(len(old), 1)
    for c in old:
        free = [j for j in by_key.get(c.key, ()) if j not in taken
                and _plausible(c, new[j], len(old), len(new))]
        if not free:
            continue
        j = min(free, key=lambda j: (new[j].ref != c.ref, abs(j - c.index * scale)))
        pairs[c.index] = j
        taken.add(j)
    return pairs


def _fuzzy(old: Sequence[Clause], new: Sequence[Clause], olds: list[int], news: list[int],
           ) -> list[tuple[int, int, float]]:
    """Best-first one-to-one pairs among the leftovers whose ratio clears the cutoff."""
    if not olds or not news:
        return []
    scores = process.cdist([old[i].key for i in olds], [new[j].key for j in news],
                           scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY, dtype=np.float32)
    rows, cols = np.nonzero(scores)
    candidates = []
    for r, c in zip(rows.tolist(), cols.tolist()):
        i, j = olds[r], news[c]
        raw = float(scores[r, c])
        if min(len(old[i].key), len(new[j].key)) < SHORT_KEY and raw < MIN_SIMILARITY_SHORT:
            continue
        if not _plausible(old[i], new[j], len(old), len(new)):
            continue
        adjusted = (raw + SAME_REF_BONUS * (old[i].ref == new[j].ref)
                    + SAME_TITLE_BONUS * bool(old[i].title and old[i].title == new[j].title)
                    - POSITION_PENALTY * _shift(old[i], new[j], len(old), len(new)))
        candidates.append((adjusted, raw, i, j))
    candidates.sort(reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    out = []
    for _, raw, i, j in candidates:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append((i, j, raw))
    out += _structural(old, new, [i for i in olds if i not in used_old],
                       [j for j in news if j not in used_new])
    return out


def _structural(old: Sequence[Clause], new: Sequence[Clause], olds: list[int], news: list[int],
                ) -> list[tuple[int, int, float]]:
    """Pairs that structure vouches for, however much the body was rewritten.

    A numbered clause that kept its number and its heading phrase (2.疑似病例。…), or its
    number and most of its text inside a longer rewrite (a sentence appended, a footer
    glued on), is the same clause; so is one whose heading phrase is unique on both sides
    even under a new number.
    """
    out = []
    used_new: set[int] = set()
    by_ref: dict[str, int] = {}
    by_title: dict[str, list[int]] = defaultdict(list)
    for j in news:
        by_ref.setdefault(new[j].ref, j)
        if new[j].title:
            by_title[new[j].title].append(j)
    old_titles = defaultdict(int)
    for i in olds:
        old_titles[old[i].title] += 1
    for i in olds:
        a = old[i]
        if not a.marker:
            continue
        j = by_ref.get(a.ref)
        same_ref = j is not None and j not in used_new and (
            (a.title and a.title == new[j].title)
            or fuzz.partial_ratio(a.key, new[j].key) >= SAME_REF_PARTIAL)
        if not same_ref:
            titled = [k for k in by_title.get(a.title, ()) if k not in used_new] if a.title else []
            j = titled[0] if len(titled) == 1 and old_titles[a.title] == 1 else None
        if j is not None and j not in used_new:
            used_new.add(j)
            out.append((i, j, float(fuzz.ratio(a.key, new[j].key))))
    return out


def _increasing_run(news: list[int]) -> set[int]:
    """Positions (into `news`) of one longest strictly increasing subsequence."""
    tails: list[int] = []
    tail_pos: list[int] = []
    back = [-1] * len(news)
    for pos, value in enumerate(news):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_pos.append(pos)
        else:
            tails[k] = value
            tail_pos[k] = pos
        back[pos] = tail_pos[k - 1] if k else -1
    keep: set[int] = set()
    pos = tail_pos[-1] if tail_pos else -1
    while pos >= 0:
        keep.add(pos)
        pos = back[pos]
    return keep


def _pieces(short: Sequence[Clause], long: Sequence[Clause], leftovers: list[int],
            partner_of_short: dict[int, int]) -> list[tuple[int, int, float]]:
    """Leftover clauses of one side whose text lies inside a nearby clause of the other.

    Candidates are the partners of the leftover's neighbours (a split keeps its pieces
    together), so the check costs a handful of `partial_ratio` calls per leftover.
    """
    found = []
    for k in leftovers:
        key = short[k].key
        if len(key) < MIN_PIECE_KEY:
            continue
        near = {partner_of_short[n] for n in range(k - NEIGHBOURHOOD, k + NEIGHBOURHOOD + 1)
                if n in partner_of_short}
        choices = {j: long[j].key for j in near if len(long[j].key) > len(key)}
        best = process.extractOne(key, choices, scorer=fuzz.partial_ratio,
                                  score_cutoff=PIECE_SIMILARITY)
        if best is not None:
            found.append((k, best[2], float(best[1])))
    return found


def align(old: Sequence[Clause], new: Sequence[Clause]) -> tuple[Pair, ...]:
    """Align two clause lists; returns every clause of both sides exactly once or as a piece.

    The result is in reading order of the new version, each removed clause placed after
    the clause that preceded it in the old version.

    Example:
        >>> [(p.old, p.new) for p in align(old_clauses, new_clauses)]  # doctest: +SKIP
        [(0, 0), (1, None), (2, 1), (None, 2)]
    """
    matched = _exact(old, new)
    sims = {i: 100.0 for i in matched}
    olds = [c.index for c in old if c.index not in matched]
    taken = set(matched.values())
    news = [c.index for c in new if c.index not in taken]
    for i, j, raw in _fuzzy(old, new, olds, news):
        matched[i] = j
        sims[i] = raw

    new_to_old = {j: i for i, j in matched.items()}
    split = _pieces(new, old, [j for j in range(len(new)) if j not in new_to_old], new_to_old)
    merged = _pieces(old, new, [i for i in range(len(old)) if i not in matched], matched)

    ordered = sorted(matched.items())
    in_order = _increasing_run([j for _, j in ordered])
    moved = {ordered[p][0] for p in range(len(ordered)) if p not in in_order}

    by_new: dict[int, list[Pair]] = defaultdict(list)
    for i, j in matched.items():
        by_new[j].append(Pair(i, j, sims[i], moved=i in moved))
    for j, i, score in split:
        by_new[j].append(Pair(i, j, score, relation="split"))
    placed_old = set(matched) | {i for i, _, _ in merged}
    for i, j, score in merged:
        by_new[j].append(Pair(i, j, score, relation="merged"))
    for j in range(len(new)):
        if j not in by_new:
            by_new[j].append(Pair(None, j, 0.0))

    # Removed clauses go right after the old clause before them, wherever that one landed.
    removed_after: dict[int | None, list[int]] = defaultdict(list)
    for i in range(len(old)):
        if i not in placed_old:
            anchor = next((k for k in range(i - 1, -1, -1) if k in placed_old), None)
            removed_after[anchor].append(i)
    out: list[Pair] = [Pair(i, None, 0.0) for i in removed_after.pop(None, [])]
    for j in range(len(new)):
        for pair in by_new[j]:
            out.append(pair)
            if pair.old is not None:
                out.extend(Pair(i, None, 0.0) for i in removed_after.pop(pair.old, []))
    for i in sorted(i for rest in removed_after.values() for i in rest):
        out.append(Pair(i, None, 0.0))
    return tuple(out)
