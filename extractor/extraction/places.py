"""Places: provinces, cities, counties, districts, new areas and zones a document names.

A place used as an actor (西咸新区设立了…) is a place, not an organisation. Places are
province and prefecture-level city names from the lexicons (`org_regions.tsv`,
`org_cities.tsv`), zones (a proper name and 新区/新城/高新区/综合实验区 …) and cities and
counties (a word the tagger reads as a place, and 市/县/区). A city's name right after a
surname is a person's given name (徐南平), not the city.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from itertools import accumulate

from extractor.extraction.analysed import Analysed, analyse
from extractor.extraction.organisations import (
    PLACE_PART_POS,
    lexicon,
    tagged,
    window_start,
)
from extractor.extraction.organisations.text import word_across
from extractor.extraction.organisations.vocabulary import guarded_trie, trie_spans
from extractor.lexicons import cached, load_rows
from extractor.model import DocTree, Place, Span
from extractor.segment import word_flag, word_flags

# zones named by a proper name and a zone word: 西咸新区, 沣西新城, 平潭综合实验区
_ZONE = re.compile(r"(?:综合实验区|自由贸易试验区|高新技术产业开发区|经济技术开发区|高新区|自贸区|经开区|新区|新城)")
# cities and counties: a proper name (a place word to the tagger) and 市/县/区
_NOT_AFTER_LEVEL = "场域级民委政直属内外属长"  # 市场, 区域, 市级, 市委: the level word opens another word
_ADMIN = re.compile(rf"([\u4e00-\u9fff]{{2,3}}?)(市|县|区|州)(?![{_NOT_AFTER_LEVEL}])")
# a level word that can end a match: two CJK characters before it, no word-opening character after
# (the class comes first, so the engine skips ahead to the level words by itself)
_LEVEL_WORD = re.compile(rf"[市县区州](?<=[\u4e00-\u9fff]{{2}}[市县区州])(?![{_NOT_AFTER_LEVEL}])")
_STOP = ("p", "c", "d", "r", "u", "v", "m", "q", "a")  # 建设好西咸新区: 好 opens no place name
_LEVEL_WORDS = "省市县区州"


@cached
def _provinces() -> re.Pattern[str]:
    """Full and short names of the provincial-level divisions, longest first (a guarded prefix
    tree, read with `trie_spans`: the engine tries it faster than the flat alternation)."""
    return re.compile(guarded_trie(f for row in load_rows("org_regions.tsv") for f in row if f))


@cached
def _cities() -> re.Pattern[str]:
    """Prefecture-level divisions (`org_cities.tsv`): full names, and the short names that
    are no common word, longest first."""
    names = [f for row in load_rows("org_cities.tsv") for f in row[:2] if f]
    return re.compile(guarded_trie(names))


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether the tagger cuts words at both ends of [start, end) (合肥 of 合肥海关, not 三明 of
    三明治) and no surname stands just before it (南平 of 徐南平 is a person's given name)."""
    lo = max(0, start - 3)
    # a word from before the name across its end crosses its start too: the first test sees it
    if not (word_across(text[lo:start], text[start:end + 3]) or word_across(text[start:end], text[end:end + 3])) \
            and (start == 0 or word_flag(text[start - 1]) != "nr"):
        return True  # cut at both ends, no surname before: the window need not be tagged
    cuts, pos = {lo}, lo
    surname = False
    for word, flag in tagged(text[lo:end + 3]):
        pos += len(word)
        cuts.add(pos)
        if pos == start:
            surname = len(word) == 1 and flag == "nr"
    # a level word after it (南平市) keeps it a place whatever stands before
    return start in cuts and end in cuts and not (surname and text[end:end + 1] not in _LEVEL_WORDS)


def _city_mentions(text: str) -> list[tuple[int, int]]:
    """石家庄市, 合肥 (人行合肥中心支行), 延边朝鲜族自治州: cities from the lexicon."""
    return [(s, e) for s, e in trie_spans(_cities(), text) if _whole_word(text, s, e)]


def _zone_mentions(text: str) -> list[tuple[int, int]]:
    """西咸新区, 沣西新城: the zone word and the proper-name tokens just before it."""
    found = []
    boundaries = lexicon().boundaries
    for m in _ZONE.finditer(text):
        lo = window_start(text, m.start(), max(0, m.start() - 6))
        if m.start() - lo < 2:
            continue  # fewer than two characters before the zone word: no name, nothing to tag
        size = 0
        for word, flag in reversed(tagged(text[lo:m.start()])):
            # 印发平潭…, 经平潭…: a verb of the sentence opens no place name
            piece = flag.startswith(PLACE_PART_POS) or (len(word) == 1 and not flag.startswith(_STOP))
            if word in boundaries or not piece:
                break
            size += len(word)
        if 2 <= size <= 5:
            found.append((m.start() - size, m.end()))
    return found


def _admin_matches(text: str) -> Iterator[re.Match[str]]:
    """`_ADMIN.finditer(text)`, tried only where a match can start: two or three characters
    before a level word (a few in a hundred characters; the regex alone tries at every one).
    Starts are tried in increasing order, so the first that matches is the leftmost.

    A level word that cannot end a match (市场, or no two CJK characters before it) is skipped:
    the starts tried there match only with the level word just before it (tried at that one
    already, with the same result) or just after it (tried at that one next)."""
    pos = 0
    for level in _LEVEL_WORD.finditer(text, 2):
        at = level.start()
        for start in (at - 3, at - 2):
            m = _ADMIN.match(text, start) if start >= pos else None
            if m:
                pos = m.end()
                yield m
                break


def _admin_mentions(text: str) -> list[tuple[int, int]]:
    """西安市, 三原县: a place word to the tagger followed by its level word."""
    found = []
    flags = word_flags()  # read once: `word_flag` is three calls for each of hundreds of matches
    for m in _admin_matches(text):
        name = m.group(1)
        if flags.get(name[-2:]) != "ns" and (len(name) == 2 or flags.get(name) != "ns"):
            continue  # the last word, if it has two characters or more, is one of these two: no place word
        word, flag = tagged(name)[-1]
        if flag == "ns" and len(word) >= 2:
            found.append((m.end(1) - len(word), m.end()))
    return found


def _outside(found: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of `found` that lie inside none of `spans`. A span holds [s, e) when one
    starting at or before s reaches e: a running maximum of ends over the spans sorted by
    start decides each (instead of comparing each with every span)."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach = list(accumulate((b for _, b in ordered), max))
    return [(s, e) for s, e in found if not (k := bisect.bisect_right(starts, s)) or reach[k - 1] < e]


def find_places(doc: DocTree | Analysed) -> tuple[Place, ...]:
    """Every place named in a document, one `Place` per name with its mentions.

    Example:
        >>> [p.name for p in find_places(tree)][:2]  # doctest: +SKIP
        ['西咸新区', '陕西省']
    """
    c = analyse(doc).spaced
    spans = trie_spans(_provinces(), c.text)
    spans += _zone_mentions(c.text) + _admin_mentions(c.text)
    # a city inside a longer place name (湘潭 of 湘潭高新区) is that place's mention, not its own
    spans += _outside(_city_mentions(c.text), spans)
    by_name: dict[str, list[Span]] = {}
    for s, e in sorted(set(spans)):
        by_name.setdefault(c.text[s:e], []).append(c.span(s, e))
    return tuple(
        Place(id=f"l{k}", name=name, mentions=tuple(sorted(set(by_name[name]))))
        for k, name in enumerate(sorted(by_name, key=lambda n: min(by_name[n])), 1)
    )
