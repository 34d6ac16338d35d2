"""Merging mentions into bodies: all forms of one body (省科技厅 / 陕西省科学技术厅,
西咸新区管委会 / 陕西省西咸新区开发建设管理委员会) share a key, the name with its region
stripped and standard abbreviations expanded (`org_abbreviations.tsv`); short forms
(资源生态局, 西咸管委会, 陕汽) join the one body they fit."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from extractor.extraction.organisations.keys import body_key, org_type, split_region
from extractor.extraction.organisations.vocabulary import class_department, ending, heads
from extractor.lexicons import active_rules
from extractor.memo import text_memo
from extractor.model import Organisation, Span


class Mention(NamedTuple):
    """One occurrence of an organisation name: its form, type and clean-text span (a named
    tuple: one is built for every name found, and a frozen dataclass costs several times more)."""

    name: str
    type: str
    span: Span


def _by_length(a: str, b: str) -> tuple[str, str]:
    """The shorter and the longer of two names (the first on a tie, as a stable sort gives);
    pairs are compared for every body of a document, and `sorted` costs several times this."""
    return (a, b) if len(a) <= len(b) else (b, a)


def regions_compatible(a: str, b: str) -> bool:
    """Whether two region prefixes can name the same place: 区 / 平潭综合实验区, 西咸新区 / 陕西省西咸新区."""
    # 各市县（区）财政部门 / 市县（区）财政部门: 各 says "each" of the bodies the levels name
    a, b = a.removeprefix("各"), b.removeprefix("各")
    if a == b or not a or not b:
        return True
    if ("特别行政区" in a + b or "特区" in a + b) and min(len(a), len(b)) == 1:
        return False  # 区政府 is the document's own district, never 香港特别行政区政府
    short, long_ = _by_length(a, b)
    return long_.endswith(short) or (len(short) > 1 and long_.startswith(short))


def _is_abbreviation(short: str, long_: str) -> bool:
    """A short form as a character subsequence of the full body, same head: 资源生态局 /
    自然资源与生态环境局. An abbreviation drops characters in more than one place: one
    stretch left out names another body (中国银行 / 中国工商银行)."""
    if len(short) < 4 or len(short) >= len(long_) or short[-1] != long_[-1] or long_.endswith(short):
        return False
    gaps, at = 0, 0
    for ch in short:
        found = long_.find(ch, at)
        if found < 0:
            return False
        gaps += found > at
        at = found + 1
    return gaps >= 2




def _brand(key: str, other: str, stem: Callable[[str], str] | None = None) -> bool:
    """陕汽 / 陕汽集团: a company's name without its head, or with a shorter one
    (秦创原发展公司 / 秦创原发展股份有限公司). `stem` gives a key without its brand head
    (`_stem`, or a merge's memo of it)."""
    stem = stem or _stem
    short, long_ = _by_length(key, other)
    return len(short) >= 2 and stem(long_) in (short, stem(short))


def _short_region(key: str, other: str, regions: set[str]) -> bool:
    """西咸管委会 / 西咸新区管委会: the region written without its level word."""
    if len(key) <= len(other) or not key.endswith(other):
        return False
    lead = key[: len(key) - len(other)]
    return len(lead) >= 2 and any(r.startswith(lead) and len(r) > len(lead) for r in regions)


# 县级以上, 省级, 市、县: a level qualifier before a body is no proper name, it names other bodies
_LEVEL_QUALIFIER = re.compile(r"(?:[省市区县乡镇村]级?|以上|以下|地方|、)+")


def _without_proper_name(key: str, other: str) -> bool:
    """茶文化研究会 / 惠明茶文化研究会: a long name written again without its proper name
    (five characters at least, so a bare kind such as 服务中心 or 科技局 never joins)."""
    short, long_ = _by_length(key, other)
    # 各省级人民政府 / 地方各级人民政府: collectives of different levels, not one body
    return (len(short) >= 5 and len(long_) > len(short) and long_.endswith(short) and "各" not in long_
            and not _LEVEL_QUALIFIER.fullmatch(long_[: len(long_) - len(short)])
            and short not in heads())  # 领导小组办公室 alone is a kind, not a short form


def _parts(name: str) -> tuple[str, str]:
    return _rule_parts(active_rules(), name)


# a body's forms recur in a document and across a batch; memoised per rules folder
@text_memo(1 << 12)
def _rule_parts(rules: Path | None, name: str) -> tuple[str, str]:
    return split_region(name)[0], body_key(name)


def best_match(name: str, bodies: list[tuple[str, ...]]) -> int | None:
    """Index of the body (given by its forms) that `name` denotes, or None for a new body.

    Same key with compatible regions first (省科技厅 / 陕西省科学技术厅); a bare form
    with several candidates is the body named first; then, when exactly one body fits,
    a standard short form (资源生态局, 西咸管委会, 陕汽).
    """
    index = BodyIndex()
    for forms in bodies:
        index.add_body(forms)
    return index.match(name)


def _stem(key: str) -> str:
    return ending("brand").sub("", key)


class BodyIndex:
    """The bodies merged so far: each body's regions (the empty one left out) and keys, and
    the bodies by key, by a key's last character and by a key's brand stem. A form is compared
    only with the bodies these give (comparing it with every body of a document costs most of
    merging): a short form ends like its body (`_is_abbreviation`, `_short_region`,
    `_without_proper_name`) or shares its stem (`_brand`).

    Kept between look-ups by a caller whose bodies grow one form at a time (`match`, then
    `add_form` or `add_body`): the same answers as `best_match` over the same bodies, without
    splitting every form of the document again for each name.

    Example:
        >>> index = BodyIndex()
        >>> index.add_body(("陕西省科学技术厅",))
        0
        >>> index.match("省科技厅")
        0
    """

    def __init__(self) -> None:
        self.parts: list[tuple[set[str], set[str]]] = []
        self.bare: list[bool] = []  # whether a body has a form without a region
        self._by: dict[tuple[str, str], set[int]] = {}  # ("key" | "last" | "stem", value) -> bodies
        self._stems: dict[str, str] = {}  # `_stem` of the keys seen: each is compared many times

    def stem(self, key: str) -> str:
        found = self._stems.get(key)
        if found is None:
            found = self._stems[key] = _stem(key)
        return found

    def new_body(self) -> int:
        self.parts.append((set(), set()))
        self.bare.append(False)
        return len(self.parts) - 1

    def add_body(self, forms: tuple[str, ...] | list[str] = ()) -> int:
        """A new body with these forms; its number (bodies are numbered in order from 0)."""
        k = self.new_body()
        for form in forms:
            self.add(k, form)
        return k

    def add_form(self, k: int, form: str) -> None:
        """Another form of body `k` (an alias an owner list wrote)."""
        self.add(k, form)

    def match(self, name: str) -> int | None:
        """The body `name` denotes, or None for a new body (as `best_match`)."""
        return _match(name, self)

    def add(self, k: int, form: str) -> None:
        region, key = _parts(form)
        if region:
            self.parts[k][0].add(region)
        else:
            self.bare[k] = True
        self.parts[k][1].add(key)
        for entry in (("key", key), ("last", key[-1:]), ("stem", self.stem(key))):
            self._by.setdefault(entry, set()).add(k)

    def same_key(self, key: str) -> list[int]:
        return sorted(self._by.get(("key", key), ()))

    def near(self, key: str) -> list[int]:
        """Every body a form with this key may be a short form of, or the full form of."""
        stem = self.stem(key)
        found: set[int] = set()
        # ("last", ""): an empty key ends every key (`_short_region`)
        for entry in (("last", key[-1:]), ("last", ""), ("key", stem), ("stem", key), ("stem", stem)):
            found |= self._by.get(entry, set())
        return sorted(found)


def _levels_apart(region: str, regions: set[str], bare: bool) -> bool:
    """省科技主管部门 / 科技主管部门, for a key that is a class department (`class_department`):
    in a province's text its own department carries 省 (省财政部门) and the bare class noun is
    that department at every level (县级以上人民政府科技主管部门), so they are two bodies. (A
    city's text commonly drops its level word: 市财政部门 / 财政部门 stay one body; a body's own
    head, 省科技厅 / 科技厅, is one body at any level.)"""
    return region.endswith("省") and bare or not region and any(r.endswith("省") for r in regions)


_RANGE = "以上"  # 地市级以上卫生健康行政部门: the bodies of a level and every level above it


def _match(name: str, index: BodyIndex) -> int | None:
    """`best_match` over the bodies of an index: `merge` keeps it as forms are added, so a
    document's mentions are not split again for every later mention."""
    region, key = _parts(name)
    department = class_department(key)  # asked once here, not for every body compared

    def fits(k: int) -> bool:
        regions = index.parts[k][0]
        if department and _levels_apart(region, regions, index.bare[k]):
            return False
        # no region is compatible with every region (and most mentions have none)
        return not region or all(regions_compatible(region, r) for r in regions)

    same = [(k, index.parts[k][0]) for k in index.same_key(key) if fits(k)]
    if len(same) == 1:
        return same[0][0]
    if same:
        exact = [k for k, regions in same if region in regions] if region else [same[0][0]]
        return exact[0] if len(exact) == 1 else None
    # 地市级以上卫生健康行政部门 / 地市级卫生健康行政部门: a range of levels is no one body of a
    # level, so a name with 以上 never joins one without it by a near match
    ranged = _RANGE in key
    near = [k for k in index.near(key) if fits(k)
            and all((_RANGE in o) == ranged for o in index.parts[k][1])
            and any(_is_abbreviation(key, o) or _is_abbreviation(o, key) or _short_region(key, o, index.parts[k][0])
                    or _without_proper_name(key, o)
                    or _brand(key, o, index.stem) for o in index.parts[k][1])]
    return near[0] if len(near) == 1 else None


_BRACKETED = re.compile(r"（([^（）]+)）$")
_BRACKET_TAIL = re.compile(r"（[^（）]*）$")


def _bracketed_name(name: str) -> tuple[str, ...]:
    """The other name a body is given in brackets after its own: 人才办 of 组织人事部（人才办）."""
    m = _BRACKETED.search(name) if name.endswith("）") else None  # most names end in a head
    return (m.group(1),) if m and ending().search(m.group(1)) and len(m.group(1)) > 2 else ()


def _add_forms(name: str, forms: list[str], index: BodyIndex, k: int) -> bool:
    """Add a name and its bracketed other name to body `k`'s forms; whether any was new."""
    added = False
    for form in (name, *_bracketed_name(name)):
        if form not in forms:
            forms.append(form)
            index.add(k, form)
            added = True
    return added


def merge(mentions: list[Mention]) -> list[Organisation]:
    """Group mentions of one body into one `Organisation` (name = fullest form, others aliases)."""
    forms: list[list[str]] = []
    spans: list[list[Span]] = []
    kinds: list[str] = []
    index = BodyIndex()
    # the names matched since the bodies last changed: a name written again (most are) gets the
    # same answer from the same bodies, and all its forms are that body's already
    seen: dict[str, int] = {}
    for mention in mentions:
        k = seen.get(mention.name)
        if k is None:
            k = _match(mention.name, index)
            if k is None:
                forms.append([])
                spans.append([])
                kinds.append(mention.type)
                k = index.new_body()
            if _add_forms(mention.name, forms[k], index, k):
                seen.clear()
            else:
                seen[mention.name] = k
        spans[k].append(mention.span)
    organisations = []
    for n, (group, kind) in enumerate(zip(forms, kinds), 1):
        name = group[0] if len(group) == 1 else max(group, key=lambda f: (len(f), -group.index(f)))
        aliases = [f for f in group if f != name]
        bare = _BRACKET_TAIL.sub("", name)
        if bare != name and bare not in aliases:
            aliases.append(bare)
        typed = org_type(name)
        organisations.append(Organisation(
            id=f"o{n}", name=name, type=typed if typed != "other" else kind, aliases=tuple(aliases),
            mentions=tuple(sorted(set(spans[n - 1]))),
        ))
    return organisations


