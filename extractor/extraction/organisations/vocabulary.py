"""The organisation finder's data: one head table with types and flags, and the word lists.

Every list is read through `extractor.lexicons` inside `cached` loaders, so a rules folder
(`extract(tree, rules=DIR)`) replaces any of them. The heads (局 厅 委员会 大学 有限公司 …)
live in ONE table, `org_suffixes.tsv`: head, type, fewest body characters, flags
(generic, subunit, legal, brand, department, titled; see the file's header).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from extractor.lexicons import alternation, cached, load_json, load_rows

FLAGS = frozenset(("generic", "subunit", "legal", "brand", "department", "titled"))


def trie_alternation(words: Iterable[str]) -> str:
    """A regex with the same matches as `lexicons.alternation(words)` (at each offset the
    longest word), written as a prefix tree: 西安|西宁|西双版纳 becomes 西(?:安|宁|双版纳).

    Python's regex engine tries a flat alternation branch by branch at every offset whose
    character opens a word, so a list of hundreds of names costs hundreds of tries there;
    the tree costs one per character (compiling it costs about twice the flat one's, so
    use it for patterns run over whole texts). All words matching at one offset lie on one
    path of the tree and a node's empty branch (a word ends there) comes last, so the
    longest still wins and a shorter one is still tried when what follows the pattern fails.
    """
    root: dict[str, dict] = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_node(root) if root else "(?!)"


def _trie_node(node: dict[str, dict]) -> str:
    # letters and CJK characters need no escape; re.escape on each costs start-up time
    branches = [(ch if ch.isalnum() else re.escape(ch)) + _trie_node(node[ch]) for ch in sorted(node) if ch]
    if not branches:
        return ""  # a leaf: the word ends here and nothing follows
    if "" in node:
        branches.append("")  # a word ends here: the empty branch, tried after the longer ones
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def guarded_trie(words: Iterable[str], tail: str = "") -> str:
    """A regex whose group 1 is what `trie_alternation(words)` followed by `tail` matches at an
    offset, tried only where one of the words' first characters stands before one of their
    second characters (words of two characters or more). A match consumes its first character
    only: read the spans with `trie_spans`.

    Speed: a tree with hundreds of first characters (the cities) costs the engine a try of each
    branch wherever one of them stands. Opening with the class of first characters lets the
    engine skip ahead to those by itself, and the tree (inside a look-around) is tried only
    where the second character fits too: less than a look-ahead guard tried at every offset,
    or the bare tree (valgrind, the cities over the benchmark: 18M and 6M instructions -> 11M).
    """
    words = set(words)
    tree = trie_alternation(words)
    if not words or min(map(len, words)) < 2:
        return f"({tree}){tail}"  # a one-character word needs no second character: no guard
    first, second = _char_class(w[0] for w in words), _char_class(w[1] for w in words)
    return f"[{first}](?=[{second}])(?<=(?=({tree}){tail}).)"


def trie_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans of a `guarded_trie` pattern over `text`: those `finditer` of the bare tree
    gives (group 1 of each match, leftmost first, none starting inside an earlier one)."""
    spans = []
    pos = 0
    for m in pattern.finditer(text):
        start = m.start(1)
        if start >= pos:
            pos = m.end(1)
            spans.append((start, pos))
    return spans


def _char_class(chars: Iterable[str]) -> str:
    return "".join(ch if ch.isalnum() else re.escape(ch) for ch in sorted(set(chars)))


@dataclass(frozen=True)
class Head:
    """One row of the head table."""

    head: str
    type: str
    min_body: int
    flags: frozenset[str]


@cached
def heads() -> dict[str, Head]:
    """The head table (`org_suffixes.tsv`), by head."""
    table = {}
    for row in load_rows("org_suffixes.tsv"):
        flags = frozenset(f for f in (row[3] if len(row) > 3 else "-").split(",") if f and f != "-")
        table[row[0]] = Head(row[0], row[1], int(row[2]), flags)
    return table


@cached
def flagged(flag: str) -> frozenset[str]:
    """Every head carrying `flag`, e.g. ``flagged("legal")`` -> 有限公司, 股份有限公司 …"""
    return frozenset(h for h, row in heads().items() if flag in row.flags)


@cached
def inner_heads() -> dict[str, tuple[tuple[int, str | None], ...]]:
    """For every head, the heads starting inside it: (offset, the longest head there), or
    (offset, None) where a longer head could run on past its end (the text decides).

    Speed: the head scan yields the head at every offset (科技局 holds 局, 委员会 holds 会);
    this table answers most of those offsets without a regex match at each.

    Example:
        >>> inner_heads()["管委会"], inner_heads()["管理委员会"]
        (((1, '委'),), ((2, None),))
    """
    table = heads()
    inner = {}
    for head in table:
        found: list[tuple[int, str | None]] = []
        for offset in range(1, len(head)):
            rest = head[offset:]
            if any(len(h) > len(rest) and h.startswith(rest) for h in table):
                found.append((offset, None))
                continue
            longest = max((h for h in table if rest.startswith(h)), key=len, default="")
            if longest:
                found.append((offset, longest))
        inner[head] = tuple(found)
    return inner


@cached
def ending(flag: str | None = None) -> re.Pattern[str]:
    """A pattern for a word ending in a head (with `flag`, only such heads): 科技局 ends a body."""
    chosen = flagged(flag) if flag else heads()
    return re.compile(f"(?:{alternation(chosen)})$")


@cached
def body_end() -> re.Pattern[str]:
    """A pattern for text ending in a complete body: a head or a standard body (国务院)."""
    return re.compile(f"(?:{alternation([*heads(), *lexicon().standard])})$")


@cached
def title_end() -> re.Pattern[str]:
    """A pattern for text ending in a document's title (…条例, …实施方案): the `title_endings`
    of citation_genres.json, which end a title and never a body's name."""
    return re.compile(f"(?:{alternation(load_json('citation_genres.json')['title_endings'])})$")


def governs(word: str, lex: Lexicon) -> bool:
    """A governing verb (`org_governing_verbs.txt`), or a compound ending in one of two
    characters or more (认真落实)."""
    if word in lex.governing:
        return True
    return any(word[-n:] in lex.governing for n in range(2, min(len(word) - 1, lex.longest_governing) + 1))


def class_department(name: str) -> bool:
    """A department named by its field and a class noun (科技主管部门, 财政部门: a head ending in
    the generic department head 部门), not by a body's own head (科技厅, 财政局) or a head alone."""
    return name.endswith(_class_heads()) and name not in heads()  # most names end otherwise: one table asked


@cached
def _class_heads() -> tuple[str, ...]:
    """The department heads ending in a generic department noun (主管部门, 部门): one `endswith`
    over them per name, not a memo of every name asked about."""
    nouns = tuple(flagged("generic") & flagged("department"))
    return tuple(sorted(h for h in flagged("department") if h.endswith(nouns)))


@cached
def titles() -> tuple[str, ...]:
    """Holders' titles after a name (局长 of 科技局局长): a titled head's last character + 长."""
    return tuple(sorted({h[-1] + "长" for h in flagged("titled")}))


# whether a head is itself a word of `org_exclusions.txt`, the characters just before and after
# it in the longer words holding it, and those words by the offset they hold it at: (offset,
# lengths, words)
Exclusions = tuple[bool, str, str, tuple[tuple[int, tuple[int, ...], frozenset[str]], ...]]


@dataclass(frozen=True)
class Lexicon:
    """The data the finder runs on, loaded once from `extractor/resources/`. The head and
    standard-body patterns, run over every text, are prefix trees (`trie_alternation`); for the
    others a tree would cost more start-up (compiling) than it saves."""

    suffixes: dict[str, tuple[str, int]]  # head -> (type, fewest body characters)
    head_re: re.Pattern[str]  # the longest head at a position (read overlapping with `overlapping`)
    abbreviations: dict[str, str]  # short word -> full word
    abbreviation_re: re.Pattern[str]
    # head -> whether it is itself a word naming no body, the characters before and after it in
    # such words holding it, and those words by the offset they hold it at, with their lengths
    # (局: (1, (2,), {布局, 格局}))
    exclusions: dict[str, Exclusions]
    boundaries: frozenset[str]
    region_re: re.Pattern[str]
    standard: dict[str, tuple[str, str]]  # any form -> (name, type)
    standard_re: re.Pattern[str]  # a `guarded_trie`: its spans are `trie_spans(standard_re, text)`
    examples_re: re.Pattern[str]  # X、Y等…企业: a list of named examples before a category noun
    examples_tail_re: re.Pattern[str]  # 等…企业 alone: a cheap test before `examples_re`
    example_types: dict[str, str]
    governing: frozenset[str]  # verbs (and modifiers) that sit in no name
    longest_governing: int
    name_words: frozenset[str]  # words tagged as time words or numerals that sit inside names


@cached
def lexicon() -> Lexicon:
    """Load the organisation lexicons (cached: read once per process and rules folder)."""
    suffixes = {h: (row.type, row.min_body) for h, row in heads().items()}
    governing = frozenset(row[0] for row in load_rows("org_governing_verbs.txt"))
    abbreviations = {row[0]: row[1] for row in load_rows("org_abbreviations.tsv")}
    categories = {row[0]: row[1] for row in load_rows("org_example_categories.tsv")}
    exclusions = [row[0] for row in load_rows("org_exclusions.txt")]
    provinces = [form for row in load_rows("org_regions.tsv") for form in row if form]
    region = (
        rf"(?:{alternation(provinces)}|中华人民共和国|国家|中共|"
        r"[\u4e00-\u9fff]{1,6}?(?:自治区|自治州|特别行政区|新区|新城|开发区|实验区|试验区|省|市|县|区|州|盟|旗))"
        r"(?![场域])"  # 省|市场监管局, 市|区域…: the level word opens 市场, 区域, not a region
    )
    standard: dict[str, tuple[str, str]] = {}
    for row in load_rows("org_standard_bodies.tsv"):
        name, kind = row[0], row[1]
        aliases = row[2].split("|") if len(row) > 2 and row[2] else []
        for form in [name, *aliases]:
            standard[form] = (name, kind)
    return Lexicon(
        suffixes=suffixes,
        head_re=re.compile(trie_alternation(suffixes)),
        abbreviations=abbreviations,
        abbreviation_re=re.compile(alternation(abbreviations)),
        exclusions=_inside(suffixes, exclusions),
        boundaries=frozenset(row[0] for row in load_rows("org_boundaries.txt")),
        region_re=re.compile(region),
        standard=standard,
        # 财政部 of 财政部门 names a kind of department, not the ministry
        standard_re=re.compile(guarded_trie(standard, "(?!门)")),  # read with `trie_spans`
        examples_re=re.compile(
            r"([^，。；：:、“”《》（）\s]{1,12}(?:、[^，。；：:、“”《》（）\s]{1,8})*)等"
            rf"{_EXAMPLES_GAP}({alternation(categories)})"),
        examples_tail_re=re.compile(rf"等{_EXAMPLES_GAP}(?:{alternation(categories)})"),
        example_types=categories,
        governing=governing,
        longest_governing=max(map(len, governing), default=0),
        name_words=frozenset(row[0] for row in load_rows("org_name_words.txt")),
    )


def _inside(heads: Iterable[str], words: list[str]) -> dict[str, Exclusions]:
    """For each head, the `words` holding it, grouped by the offset they hold it at (布局 holds
    局 at 1), with their lengths: a word covering a head in a text starts that far before it
    and holds it there, so a slice of each length there tells. First come whether the head is
    such a word itself (研发中心), and the characters such a word has just before the head and
    just after it: a longer word covering the head puts one of them beside it, and most heads
    have neither (a cheap test before the slices)."""
    table = {}
    for h in heads:
        by_offset: dict[int, set[str]] = {}
        for w in words:
            for i in range(len(w)):
                if w.startswith(h, i):
                    by_offset.setdefault(i, set()).add(w)
        if by_offset:
            before = "".join(sorted({w[i - 1] for i, ws in by_offset.items() if i for w in ws}))
            after = "".join(sorted({w[i + len(h)] for i, ws in by_offset.items() for w in ws if len(w) > i + len(h)}))
            groups = tuple((i, tuple(sorted({len(w) for w in ws})), frozenset(ws))
                           for i, ws in sorted(by_offset.items()))
            table[h] = (h in words, before, after, groups)
    return table


# What may stand between 等 and the category noun of a list of examples: a short phrase
# (等一批链式企业), or, after a batch word, a description that may list traits with 、
# and closes with 的 (隆基、三一、软通等一批拥有自主品牌、掌握核心技术…的创新型企业).
_EXAMPLES_GAP = (r"(?:[^。；，、]{0,14}?"
                 r"|(?:一批|一大批|一系列|多家|数家|\d+家)[^。；，]{0,40}?的[^。；，、]{0,8}?)")




# parts of speech that never sit inside a name: prepositions, conjunctions, adverbs,
# pronouns, time words, particles, measure words, idioms
STOP_POS = ("p", "c", "d", "r", "t", "u", "y", "e", "o", "q", "i", "ad", "m", "k", "x")
# what a place or level word ends in (新区, 自治区, 开发区 … end in 区): an `endswith`, not a regex
# search (a token holds no line break, so the pattern's `$` never matched before one)
_REGION_ENDS = ("省", "市", "区", "县", "州", "新城")


@cached
def not_regions() -> frozenset[str]:
    """Words that name no place though they end in a level word or read as one (城市, 辖区,
    福利), `org_not_regions.txt`."""
    return frozenset(row[0] for row in load_rows("org_not_regions.txt"))


def is_region(word: str, flag: str) -> bool:
    """A token that names a place or a level: 陕西省, 平潭综合实验区, 区, 国家 (not 城市, 辖区)."""
    # the exceptions list is read only for a word that otherwise reads as a place: most words
    # the name finder asks about are none, and the look-up is a call per word
    if not (flag == "ns" or word in ("国家", "中共") or len(word) <= 8 and word.endswith(_REGION_ENDS)):
        return False
    return word not in not_regions()
