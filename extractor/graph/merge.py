"""Merge the entities of many documents: the same agency in two files becomes one node.

Each document names a body in its own way (陕西省西咸新区开发建设管理委员会 / 西咸新区管委会,
西安交通大学 / 西安交大). Mentions are grouped in two passes:

1. **Exact keys.** Every name and alias is expanded (管委会 → 管理委员会) and stripped of
   outer places (陕西省西咸新区… → 西咸新区…); mentions sharing a key are one entity.
   Committees are one key whether named …委 or …委员会. A bare level is read as the document's place of that kind (省科技厅 in a document of
   陕西省西咸新区 is 陕西省科技厅, so it meets 陕西省科学技术厅). A department named
   without any place (财政局) means the department of the issuing body, so its key is
   scoped by the document's jurisdiction: 财政局 of 平潭 and 财政局 of 西咸新区 stay
   apart; in a document of unknown jurisdiction it joins the one jurisdiction that has
   it, if only one does. Generic short forms (管委会) only join within a document.
2. **Near matches.** Groups whose forms score at least `threshold` with RapidFuzz's
   `fuzz.ratio`, or where one form abbreviates the other (西安交大 ← 西安交通大学), are merged,
   but never across administrative levels or places (省科技厅 vs 市科技局, 陕西省… vs 福建省…),
   and never when the numbers in the names differ (第一中学 vs 第二中学).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from extractor.graph import names

FUZZY_THRESHOLD = 90.0
"""Minimum `fuzz.ratio` (0–100) of two normalised names for a near match."""

_SCOPED_TYPES = frozenset({"government", "party", "legislature"})
_UNSCOPED_TYPES = frozenset({"programme", "place"})  # named initiatives and places are global


@dataclass(frozen=True)
class Mention:
    """One document's entity: its local id, the forms it uses, and where it was seen."""

    doc: str
    local_id: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str = "other"
    scope: str | None = None  # the issuing jurisdiction of the document, e.g. 西咸新区
    # the document's places, outermost first (陕西省, 西咸新区): 省科技厅 there is 陕西省科技厅
    places: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Entity:
    """A merged entity: its canonical name, other forms, and the mentions it came from."""

    key: str
    name: str
    aliases: tuple[str, ...]
    type: str
    scope: str | None
    mentions: tuple[Mention, ...]


def comparable(form: str) -> str:
    """A form with abbreviations expanded and only its innermost place kept.

    Example:
        >>> comparable("陕西省西咸新区开发建设管理委员会"), comparable("西咸新区管委会")
        ('西咸新区开发建设管理委员会', '西咸新区管理委员会')
        >>> comparable("国家卫生健康委") == comparable("国家卫生健康委员会")
        True
    """
    info = names.analyse(form)
    text = names.expand(form)
    if len(info.places) > 1:
        outer = "".join(p.text for p in info.places[:-1])
        text = text[len(outer):] if text.startswith(outer) else text
    # a committee is named …委 or …委员会 (国家卫生健康委, 国家卫生健康委员会)
    return text + "员会" if text.endswith("委") else text


def _is_generic(form: str) -> bool:
    """Forms like 管委会 or 区政府 (a body's suffix, at most a level character before it)
    that name a different body in every document."""
    text = names.normalise(form)
    return names.is_body(text) and not names.analyse(text).places and len(text) <= 5


def _is_scoped(mention: Mention, form: str) -> bool:
    """A government department named without a place belongs to its document's jurisdiction."""
    info = names.analyse(form)
    if info.places or info.level == "national" or mention.type in _UNSCOPED_TYPES:
        return False
    return mention.type in _SCOPED_TYPES or names.is_department(form) or info.level is not None


def _resolved(mention: Mention, form: str) -> str | None:
    """`form` with its bare level read as the document's place (省科技厅 → 陕西省科技厅)."""
    return None if mention.type in _UNSCOPED_TYPES else names.resolve(form, mention.places)


def _keys(mention: Mention) -> list[tuple[str, ...]]:
    keys = []
    for form in mention.forms:
        if not names.normalise(form):
            continue
        resolved = _resolved(mention, form)
        if resolved:
            keys.append(("global", comparable(resolved)))
        elif mention.type == "place" and names.province(form):
            keys.append(("global", names.province(form)))
        elif _is_generic(form):
            keys.append(("local", mention.doc, names.expand(form)))
        elif _is_scoped(mention, form):
            keys.append(("scoped", mention.scope or "", comparable(form)))
        else:
            keys.append(("global", comparable(form)))
    return keys


class _UnionFind:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _near(a: str, b: str, threshold: float) -> bool:
    # Both tests need the shorter form to keep 60% of the longer; checking that first
    # keeps large blocks cheap.
    if min(len(a), len(b)) < 0.6 * max(len(a), len(b)) or names.numerals(a) != names.numerals(b):
        return False
    return (fuzz.ratio(a, b) >= threshold or names.is_abbreviation(a, b)
            or names.is_abbreviation(b, a))


def _compatible(levels_a: set, places_a: set, levels_b: set, places_b: set) -> bool:
    """Never merge two groups that name different levels or different places."""
    return len(levels_a | levels_b) <= 1 and len(places_a | places_b) <= 1


def _profile(group: Sequence[Mention]) -> tuple[set, set]:
    levels, places = set(), set()
    for mention in group:
        for form in mention.forms:
            info = names.analyse(form)
            if info.level:
                levels.add(info.level)
            if info.place:
                places.add(info.place)
    return levels, places


def _canonical(group: Sequence[Mention]) -> str:
    # The fullest name wins; then the most used; then a fixed order so ids are stable.
    counts = Counter(m.name for m in group)
    return max(counts, key=lambda n: (len(names.normalise(n)), counts[n], n))


def _scope_of(group: Sequence[Mention], name: str) -> str | None:
    """The place a name without one belongs to: the resolved place, else the jurisdiction."""
    for mention in group:
        resolved = _resolved(mention, name)
        if resolved:
            return names.analyse(resolved).place
    scopes = sorted({m.scope for m in group if m.scope and _is_scoped(m, name) and not _is_generic(name)})
    return scopes[0] if scopes else None


def merge(mentions: Iterable[Mention], *, threshold: float = FUZZY_THRESHOLD,
          near: Callable[[str, str, float], bool] = _near) -> list[Entity]:
    """Group mentions of the same entity across documents.

    Args:
        mentions: one per (document, local entity).
        threshold: minimum `fuzz.ratio` for a near match; above 100 turns near matching off.
        near: the near-match test, ``near(a, b, threshold) -> bool`` on comparable forms.

    Returns:
        Entities in a fixed order (by key), each with its mentions in input order.

    Example:
        >>> a = Mention("d1", "o1", "陕西省西咸新区开发建设管理委员会", ("西咸新区管委会",), "government")
        >>> b = Mention("d2", "o4", "西咸新区管委会", (), "government")
        >>> [e.name for e in merge([a, b])]
        ['陕西省西咸新区开发建设管理委员会']
    """
    items = list(mentions)
    uf = _UnionFind(len(items))
    first: dict[tuple[str, ...], int] = {}
    for i, mention in enumerate(items):
        for key in _keys(mention):
            if key in first:
                uf.union(first[key], i)
            else:
                first[key] = i
    _join_unknown_scope(first, uf)
    if threshold <= 100:
        _merge_near(items, uf, threshold, near)
    groups: dict[int, list[Mention]] = defaultdict(list)
    for i, mention in enumerate(items):
        groups[uf.find(i)].append(mention)
    entities = [_entity(group) for group in groups.values()]
    return sorted(entities, key=lambda e: e.key)


def _join_unknown_scope(first: dict[tuple[str, ...], int], uf: _UnionFind) -> None:
    """A department of a document whose jurisdiction is unknown joins the department of
    that name when the corpus knows it under exactly one jurisdiction; with several it
    stays apart, as guessing would merge the bodies of two places."""
    known: dict[str, list[int]] = defaultdict(list)
    for key, i in first.items():
        if key[0] == "scoped" and key[1]:
            known[key[2]].append(i)
    for key, i in first.items():
        if key[0] == "scoped" and not key[1] and len(known[key[2]]) == 1:
            uf.union(i, known[key[2]][0])


def _merge_near(items: list[Mention], uf: _UnionFind, threshold: float,
                near: Callable[[str, str, float], bool]) -> None:
    """Second pass: join groups whose forms nearly match, within blocks of equal scope."""
    groups: dict[int, list[Mention]] = defaultdict(list)
    for i, mention in enumerate(items):
        groups[uf.find(i)].append(mention)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for root, group in groups.items():
        scope = group[0].scope if any(_is_scoped(m, m.name) for m in group) else None
        for first_char in sorted({comparable(f)[:1] for m in group for f in m.forms if comparable(f)}):
            blocks[(scope, group[0].type, first_char)].append(root)
    profiles = {root: _profile(group) for root, group in groups.items()}
    forms = {root: sorted({comparable(f) for m in group for f in m.forms if not _is_generic(f)})
             for root, group in groups.items()}
    for roots in blocks.values():
        for i, a in enumerate(roots):
            for b in roots[i + 1:]:
                ra, rb = uf.find(a), uf.find(b)
                if ra == rb or not _compatible(*profiles[ra], *profiles[rb]):
                    continue
                if any(near(x, y, threshold) for x in forms[a] for y in forms[b]):
                    uf.union(ra, rb)
                    root = uf.find(ra)
                    levels = profiles[ra][0] | profiles[rb][0]
                    places = profiles[ra][1] | profiles[rb][1]
                    profiles[root] = (levels, places)


def _entity(group: list[Mention]) -> Entity:
    name = _canonical(group)
    scope = _scope_of(group, name)
    seen = {names.normalise(name)}
    aliases = []
    for form in sorted({f for m in group for f in m.forms}):
        if names.normalise(form) not in seen:
            seen.add(names.normalise(form))
            aliases.append(form)
    types = Counter(m.type for m in group)
    kind = max(types, key=lambda t: (types[t], t))
    key = f"{scope}|{names.normalise(name)}" if scope else names.normalise(name)
    return Entity(key=key, name=name, aliases=tuple(aliases), type=kind, scope=scope,
                  mentions=tuple(group))


def _place_key(place: str) -> str:
    # 陕西 and 陕西省 are one province
    return names.province(place) or names.normalise(place)


def containment(records: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The larger place of each place, learnt from names that write both, outermost
    first (陕西省西咸新区开发建设管理委员会, 陕西西咸新区 → 西咸新区 lies in 陕西).
    A place written inside two different larger places is left out.

    Example:
        >>> containment([{"document": {"issuer": "陕西省西咸新区开发建设管理委员会"}}])
        {'西咸新区': '陕西'}
    """
    found: dict[str, set[str]] = defaultdict(set)
    for record in records:
        forms = [record["document"].get("issuer") or ""]
        forms += [o["name"] for o in record.get("organisations", [])]
        forms += [p["name"] for p in record.get("places", [])]
        for form in forms:
            tokens = names.analyse(form).places
            for outer, inner in zip(tokens, tokens[1:]):
                ranks = names.level_rank(outer.level), names.level_rank(inner.level)
                if None not in ranks and ranks[0] < ranks[1]:
                    found[_place_key(inner.text)].add(_place_key(outer.text))
    return {inner: outers.pop() for inner, outers in sorted(found.items()) if len(outers) == 1}


def document_places(record: Mapping[str, Any], within: Mapping[str, str]) -> tuple[str, ...]:
    """The places a document speaks for, outermost first: those of its issuer's name,
    else those its title starts with (上海市科学技术进步条例), extended outwards by
    `within` (from `containment`). The last one is the document's jurisdiction.

    Example:
        >>> document_places({"document": {"issuer": "西咸新区研究院"}}, {"西咸新区": "陕西"})
        ('陕西', '西咸新区')
    """
    doc = record["document"]
    tokens = [t.text for t in names.analyse(doc.get("issuer") or "").places]
    if not tokens and doc.get("title"):
        # a title is free text: only a place the document also names counts
        named = {_place_key(p["name"]) for p in record.get("places", [])}
        title = [t.text for t in names.analyse(doc["title"]).places]
        tokens = title if title and _place_key(title[-1]) in named else []
    while tokens and within.get(_place_key(tokens[0])) not in (None, *map(_place_key, tokens)):
        tokens.insert(0, within[_place_key(tokens[0])])
    return tuple(tokens)


def named_province(record: Mapping[str, Any]) -> str | None:
    """The province a document names, when it names exactly one (陕西 and 陕西省 are one)."""
    provinces = {names.province(p["name"]) for p in record.get("places", [])} - {None}
    return provinces.pop() if len(provinces) == 1 else None
