"""Align the clauses of two versions: identical text first, then structure plus similarity.

1. Clauses whose comparison keys are identical pair up (the same reference path wins
   among repeats, then the nearest position); a short key found once on each side pairs
   wherever it sits (a heading carried into another annex).
2. The rest are scored over the whole document with rapidfuzz `cdist` (the better of the
   character ratio and the ratio of their phrases sorted, so reordered phrases still
   match), nudged up when the reference path or the heading phrase is the same and down
   with the distance between their relative positions; pairs are taken best first above
   a cutoff. A numbered clause that kept its number and heading pairs however rewritten.
3. Clauses left over that sit where the aligned clauses in order around them (anchors)
   say they should, between the same two anchors or near the projected position, are
   the same stretch of text rewritten: they pair at a lower cutoff, and a short heading
   pairs with one that contains it (出院标准 → 住院患者的出院标准).
4. A clause left over whose text lies inside a clause of the other side is a piece of a
   split (new side) or of a merge (old side); near its neighbours' partners first, then
   anywhere (a sentence carried into another section).
5. Pairs off the longest increasing run of positions are marked as moved.

Each step compares only the clauses the steps before left over, and containment is
looked up through a character-trigram index, so 100-page editions align in about a second.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from extractor.diff.model import Clause

MIN_SIMILARITY = 60.0
"""Score (0-100) below which two clauses anywhere in the documents are not one clause rewritten."""
LONG_KEY = 40
MIN_SIMILARITY_LONG = 55.0
"""Long clauses seldom share this much by chance: the cutoff anywhere for two of them."""
GAP_SIMILARITY = 45.0
"""The same, for two clauses that sit between the same pair of aligned neighbours."""
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
"""partial_ratio above which a leftover clause is a piece of a split or merge."""
MIN_PIECE_KEY = 8
MIN_CONTAINED_HEADING = 4
"""Characters a short heading needs to pair by containment (出院标准)."""
NEIGHBOURHOOD = 3
CONTEXT_WINDOW = 8
"""Clauses an old clause's projected position may be off a new one's and still be in context."""
GRAM = 3
PIECE_COVERAGE = 0.8
"""Share of a leftover's trigrams another clause must hold to be checked as its whole."""
SENTENCE_SIMILARITY = 60.0
"""Best sentence-to-sentence ratio at which two long clauses between the same anchors are one
article rewritten (a sentence kept, the rest redrafted around it)."""
MIN_SENTENCE = 12
PARTIAL_DISCOUNT = 20.0
_SENTENCE_CUT = re.compile(r"[。；;！？!?]")
_PUNCT = re.compile(r"[\W_]+")
"""Punctuation and spaces: phrase boundaries for the sorted-phrase ratio, noise for containment."""


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


def _bare(key: str) -> str:
    """A key without punctuation, for containment checks."""
    return _PUNCT.sub("", key)


def _scores(olds: Sequence[Clause], news: Sequence[Clause], cutoff: float) -> np.ndarray:
    """Similarity of every old to every new clause: the better of the character ratio and
    the ratio of their phrases sorted (a clause whose phrases were reordered)."""
    a, b = [c.key for c in olds], [c.key for c in news]
    chars = process.cdist(a, b, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.float32)
    phrases = process.cdist([_PUNCT.sub(" ", k) for k in a], [_PUNCT.sub(" ", k) for k in b],
                            scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, dtype=np.float32)
    return np.maximum(chars, phrases)


def _exact(old: Sequence[Clause], new: Sequence[Clause]) -> dict[int, int]:
    """Pair clauses with identical keys; among repeats the same ref, then nearest position.

    A short key found exactly once on each side pairs wherever it sits (a heading moved
    to another annex); repeated short keys pair only nearby.
    """
    by_key: dict[str, list[int]] = defaultdict(list)
    for c in new:
        by_key[c.key].append(c.index)
    old_count = Counter(c.key for c in old)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    scale = len(new) / max(len(old), 1)
    for c in old:
        unique = old_count[c.key] == 1 and len(by_key.get(c.key, ())) == 1 and len(c.key) >= MIN_CONTAINED_HEADING
        free = [j for j in by_key.get(c.key, ()) if j not in taken
                and (unique or _plausible(c, new[j], len(old), len(new)))]
        if not free:
            continue
        j = min(free, key=lambda j: (new[j].ref != c.ref, abs(j - c.index * scale)))
        pairs[c.index] = j
        taken.add(j)
    return pairs


def _best_first(candidates: list[tuple[float, float, int, int]]) -> list[tuple[int, int, float]]:
    """One-to-one pairs from (adjusted, raw, old, new) candidates, best adjusted score first."""
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
    return out


def _fuzzy(old: Sequence[Clause], new: Sequence[Clause], olds: list[int], news: list[int],
           ) -> list[tuple[int, int, float]]:
    """Best-first one-to-one pairs among the leftovers whose score clears the cutoff."""
    if not olds or not news:
        return []
    scores = _scores([old[i] for i in olds], [new[j] for j in news], MIN_SIMILARITY_LONG)
    rows, cols = np.nonzero(scores)
    candidates = []
    for r, c in zip(rows.tolist(), cols.tolist()):
        i, j = olds[r], news[c]
        raw = float(scores[r, c])
        shortest = min(len(old[i].key), len(new[j].key))
        if shortest < SHORT_KEY and raw < MIN_SIMILARITY_SHORT or shortest < LONG_KEY and raw < MIN_SIMILARITY:
            continue
        if not _plausible(old[i], new[j], len(old), len(new)):
            continue
        adjusted = (raw + SAME_REF_BONUS * (old[i].ref == new[j].ref)
                    + SAME_TITLE_BONUS * bool(old[i].title and old[i].title == new[j].title)
                    - POSITION_PENALTY * _shift(old[i], new[j], len(old), len(new)))
        candidates.append((adjusted, raw, i, j))
    out = _best_first(candidates)
    used_old = {i for i, _, _ in out}
    used_new = {j for _, j, _ in out}
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
    old_titles: dict[str, int] = defaultdict(int)
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


def _heaviest_run(news: list[int], weights: list[int]) -> set[int]:
    """Positions (into `news`) of a strictly increasing subsequence of greatest total weight
    (a Fenwick tree of the best run ending below each value)."""
    size = max(news, default=-1) + 2
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)  # (weight, position) per prefix
    back = [-1] * len(news)
    best_end = (0, -1)
    for pos, (value, weight) in enumerate(zip(news, weights)):
        k, best = value + 1, (0, -1)  # the best run over values < value
        while k > 0:
            best = max(best, tree[k])
            k -= k & -k
        back[pos] = best[1]
        here = (best[0] + weight, pos)
        best_end = max(best_end, here)
        k = value + 2
        while k <= size:
            tree[k] = max(tree[k], here)
            k += k & -k
    keep: set[int] = set()
    pos = best_end[1]
    while pos >= 0:
        keep.add(pos)
        pos = back[pos]
    return keep


def _anchors(matched: dict[int, int]) -> list[tuple[int, int]]:
    """The aligned pairs that stay in reading order on both sides (not moved)."""
    ordered = sorted(matched.items())
    run = _increasing_run([j for _, j in ordered])
    return [ordered[p] for p in sorted(run)]


def _projection(anchors: list[tuple[int, int]], n_old: int, n_new: int) -> np.ndarray:
    """Where each old clause would sit in the new version: its position between the two
    anchors around it, carried over to their partners (linear interpolation)."""
    xs = [-1, *(i for i, _ in anchors), n_old]
    ys = [-1, *(j for _, j in anchors), n_new]
    return np.interp(np.arange(n_old), xs, ys)


def _sentence_score(a: str, b: str, *, partial: bool = False) -> float:
    """The best ratio of a sentence of `a` to a sentence of `b` (each at least
    `MIN_SENTENCE` characters), 0 when either has none. `partial`: a sentence may also lie
    inside a longer one that extends it (…进行监督检查 → …进行监督检查，对…进行约谈), at a
    discount of `PARTIAL_DISCOUNT`."""
    xs = [x for x in _SENTENCE_CUT.split(a) if len(x) >= MIN_SENTENCE]
    ys = [y for y in _SENTENCE_CUT.split(b) if len(y) >= MIN_SENTENCE]
    if not xs or not ys:
        return 0.0
    best = float(process.cdist(xs, ys, scorer=fuzz.ratio, dtype=np.float32).max())
    if partial:
        best = max(best, float(process.cdist(xs, ys, scorer=fuzz.partial_ratio, dtype=np.float32).max())
                   - PARTIAL_DISCOUNT)
    return best


def _contains(short: str, long: str) -> bool:
    """Whether a short heading is written inside another (出院标准 in 住院患者的出院标准)."""
    a, b = _bare(short), _bare(long)
    return len(a) >= MIN_CONTAINED_HEADING and len(a) < len(b) and a in b


def _in_context(old: Sequence[Clause], new: Sequence[Clause], matched: dict[int, int],
                ) -> list[tuple[int, int, float]]:
    """Pairs of leftovers that sit where the aligned text around them says they should.

    An old clause is in context with a new one when no anchor separates them (the same
    stretch between two aligned neighbours) or when its projected position falls within
    `CONTEXT_WINDOW` clauses of it (a section moved as a whole takes its neighbours along).
    """
    taken = set(matched.values())
    olds = [i for i in range(len(old)) if i not in matched]
    news = [j for j in range(len(new)) if j not in taken]
    if not olds or not news:
        return []
    anchors = _anchors(matched)
    if not anchors:  # nothing in common vouches for any context
        return []
    projected = _projection(anchors, len(old), len(new))
    old_stretch = np.searchsorted([i for i, _ in anchors], olds)
    new_stretch = np.searchsorted([j for _, j in anchors], news)
    distance = np.abs(projected[olds][:, None] - np.array(news)[None, :])
    near = (old_stretch[:, None] == new_stretch[None, :]) | (distance <= CONTEXT_WINDOW)
    scores = _scores([old[i] for i in olds], [new[j] for j in news], GAP_SIMILARITY)
    candidates = []
    for r, c in zip(*np.nonzero(near)):
        i, j = olds[r], news[c]
        a, b = old[i], new[j]
        raw = float(scores[r, c])
        if min(len(a.key), len(b.key)) < SHORT_KEY and raw < MIN_SIMILARITY_SHORT:
            if not (_contains(a.key, b.key) or _contains(b.key, a.key)):
                continue
            raw = max(raw, MIN_SIMILARITY_SHORT)
        elif not raw:
            if min(len(a.key), len(b.key)) < LONG_KEY or _sentence_score(a.key, b.key) < SENTENCE_SIMILARITY:
                continue
            raw = GAP_SIMILARITY
        closeness = min(float(distance[r, c]) / CONTEXT_WINDOW, 1.0)
        candidates.append((raw + SAME_REF_BONUS * (a.marker == b.marker) - POSITION_PENALTY * closeness,
                           raw, i, j))
    return _best_first(candidates)


_ARTICLE_LABEL = re.compile(r"第[^第条]{1,8}条$")


def _articles_apart(old: Sequence[Clause], new: Sequence[Clause], matched: dict[int, int],
                    ) -> list[tuple[int, int, float]]:
    """Articles left over on both sides that keep a sentence of each other, wherever they
    sit: an article redrafted and moved into a new chapter (督查制度 第二十一条 → 第二十三条).

    Only article heads (第X条) pair here: a regulation's articles are few and long, so one
    sentence in common is telling, while a plan's clauses are many and short.
    """
    taken = set(matched.values())
    olds = [i for i in range(len(old)) if i not in matched and _ARTICLE_LABEL.match(old[i].marker)]
    news = [j for j in range(len(new)) if j not in taken and _ARTICLE_LABEL.match(new[j].marker)]
    candidates = [(score, score, i, j) for i in olds for j in news
                  if (score := _sentence_score(old[i].key, new[j].key, partial=True)) >= SENTENCE_SIMILARITY]
    return _best_first(candidates)


def _trigram_index(clauses: Sequence[Clause]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for c in clauses:
        bare = _bare(c.key)
        for g in {bare[k:k + GRAM] for k in range(len(bare) - GRAM + 1)}:
            index[g].append(c.index)
    return index


def _holder(key: str, long: Sequence[Clause], index: dict[str, list[int]]) -> tuple[int, float] | None:
    """The clause of the other side that holds `key` (partial_ratio), found through trigrams."""
    bare = _bare(key)
    grams = {bare[k:k + GRAM] for k in range(len(bare) - GRAM + 1)}
    if not grams:
        return None
    hits = Counter(j for g in grams for j in index.get(g, ()))
    choices = {j: long[j].key for j, n in hits.most_common(5)
               if n >= PIECE_COVERAGE * len(grams) and len(long[j].key) > len(key)}
    best = process.extractOne(key, choices, scorer=fuzz.partial_ratio, score_cutoff=PIECE_SIMILARITY)
    return (best[2], float(best[1])) if best is not None else None


def _pieces(short: Sequence[Clause], long: Sequence[Clause], leftovers: list[int],
            partner_of_short: dict[int, int]) -> list[tuple[int, int, float, bool]]:
    """Leftover clauses of one side whose text lies inside a clause of the other.

    The partners of the leftover's neighbours are tried first (a split keeps its pieces
    together), then the whole other side; a piece found far away is a moved one. A short
    leftover counts only as the head or tail of its direct neighbour's partner (特此通知
    cut off the signature it ran into).
    """
    index = _trigram_index(long) if leftovers else {}
    found = []
    for k in leftovers:
        key = short[k].key
        if len(key) < MIN_PIECE_KEY:
            bare = _bare(key)
            for n in (k - 1, k + 1):
                whole = _bare(long[partner_of_short[n]].key) if n in partner_of_short else ""
                if bare and len(whole) > len(bare) and (whole.startswith(bare) or whole.endswith(bare)):
                    found.append((k, partner_of_short[n], 100.0, False))
                    break
            continue
        near = {partner_of_short[n] for n in range(k - NEIGHBOURHOOD, k + NEIGHBOURHOOD + 1)
                if n in partner_of_short}
        choices = {j: long[j].key for j in near if len(long[j].key) > len(key)}
        best = process.extractOne(key, choices, scorer=fuzz.partial_ratio, score_cutoff=PIECE_SIMILARITY)
        if best is not None:
            found.append((k, best[2], float(best[1]), False))
        elif (far := _holder(key, long, index)) is not None:
            found.append((k, far[0], far[1], True))
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
    for i, j, raw in _in_context(old, new, matched) + _articles_apart(old, new, matched):
        matched[i] = j
        sims[i] = raw

    new_to_old = {j: i for i, j in matched.items()}
    split = _pieces(new, old, [j for j in range(len(new)) if j not in new_to_old], new_to_old)
    merged = _pieces(old, new, [i for i in range(len(old)) if i not in matched], matched)
    split_pairs = {(i, j) for j, i, _, _ in split}
    merged = [m for m in merged if (m[0], m[1]) not in split_pairs]

    ordered = sorted(matched.items())
    # Of two pairs that cross, the rewritten one moved, not the one kept word for word.
    in_order = _heaviest_run([j for _, j in ordered], [1 + (sims[i] >= 100.0) for i, _ in ordered])
    moved = {ordered[p][0] for p in range(len(ordered)) if p not in in_order}

    by_new: dict[int, list[Pair]] = defaultdict(list)
    for i, j in matched.items():
        by_new[j].append(Pair(i, j, sims[i], moved=i in moved))
    for j, i, score, far in split:
        by_new[j].append(Pair(i, j, score, moved=far, relation="split"))
    placed_old = set(matched) | {i for _, i, _, _ in split} | {i for i, _, _, _ in merged}
    for i, j, score, far in merged:
        by_new[j].append(Pair(i, j, score, moved=far, relation="merged"))
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
