"""The quantity finder's vocabularies and the patterns built from them, read on first use.

Every word list lives in a data file (`quantity_units.json`, `quantity_comparators.json`,
`quantity_cues.json`, `quantity_years.json`, `quantity_filters.json`); each table here is
memoised per rules folder (`extractor.lexicons.cached`), so ``extract(tree, rules=DIR)`` with a
folder holding its own ``quantity_units.json`` reads figures in the units it adds.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from extractor.lexicons import alternation, cached, load_json
from extractor.text.numerals import CN_NUMERAL_CHARS, DECIMAL_DIGITS

AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
CN = rf"[{CN_NUMERAL_CHARS}]+(?:点[{DECIMAL_DIGITS}]+)?"
DASH = r"[—–\-－~～至到]"
FIGURE_FIRST = r"\d零〇一二两三四五六七八九十百千万亿翻"  # what a figure starts with


def longest_first(words) -> tuple[str, ...]:
    # a tuple: `str.endswith(words)` then tests them all at C speed (see `reading._ending`)
    return tuple(sorted(words, key=len, reverse=True))


# Each table is memoised itself (not through a shared loader taking the file name): the
# filters ask for them once per figure, and one memo call is half the cost of two.
@cached
def units() -> dict[str, Any]:
    return load_json("quantity_units.json")


@cached
def comparators() -> dict[str, Any]:
    return load_json("quantity_comparators.json")


@cached
def cues() -> dict[str, Any]:
    return load_json("quantity_cues.json")


@cached
def years() -> dict[str, Any]:
    return load_json("quantity_years.json")


@cached
def filter_words() -> dict[str, Any]:
    """Word lists of the figure filters (`figures.FILTERS`), one entry per filter."""
    return load_json("quantity_filters.json")


@cached
def words_backwards(table: Callable[[], dict[str, Any]], *lists: str) -> re.Pattern[str]:
    """The words of `lists` in a `table` (`cues`, `years`), each written backwards: in a text
    written backwards, the first match is the word that ends last. One search instead of a
    test per word."""
    return re.compile(alternation(w[::-1] for name in lists for w in table()[name]))


@cached
def name_heads() -> tuple[str, ...]:
    return tuple(cues()["name_heads"])


class FilterWords(NamedTuple):
    """What the figure filters read of the rule files, fetched once per document: a filter
    asks for its lists some 5,000 times a corpus, and each memo call costs more than the test."""

    lists: dict[str, Any]  # quantity_filters.json
    units: dict[str, Any]  # quantity_units.json
    name_heads: tuple[str, ...]
    modifier_heads: tuple[str, ...]  # as tuples: `str.startswith` takes them as they are
    money: tuple[str, ...]
    not_before: dict[str, tuple[str, ...]]  # unit → what it starts a word with (条 in 条件)


@cached
def figure_filter_words() -> FilterWords:
    table = units()
    return FilterWords(filter_words(), table, name_heads(), tuple(table["modifier_heads"]), tuple(table["money"]),
                       {unit: tuple(after) for unit, after in table["not_before"].items()})


@cached
def metric_verbs() -> tuple[str, ...]:
    return longest_first(cues()["metric_verbs"])


@cached
def measure_nouns() -> tuple[str, ...]:
    return longest_first(cues()["measure_nouns"])


@cached
def reach_words() -> frozenset[str]:
    return frozenset(comparators()["reach_words"])


@cached
def after_words() -> tuple[str, ...]:
    return longest_first(comparators()["after"])


@cached
def unit_pattern() -> str:
    return alternation(units()["units"])


@cached
def magnitude_pattern() -> str:
    return alternation(units()["magnitudes"])


def scanning(first: str, pattern: str) -> re.Pattern[str]:
    """`pattern`, whose matches all start with one of the characters `first`, compiled to
    check that character before trying its branches: scanning a text for it is then fast."""
    return re.compile(rf"(?=[{first}])(?:{pattern})")


@cached
def figure_pattern() -> re.Pattern[str]:
    """One figure: 百分之五, 1/4, 三分之一, 翻一番, or a number with its range (3—5家, and a band
    五万元以上十万元以下, whose bounds are the range), magnitude and unit."""
    unit, mag = unit_pattern(), magnitude_pattern()
    num = rf"(?:{AR}(?:{mag})?|{CN})"
    return scanning(FIGURE_FIRST, (
        rf"百分之(?P<pct>{AR}|{CN})(?:{DASH}(?:百分之)?(?P<pct2>{AR}|{CN}))?"
        rf"|(?P<fa>\d+)/(?P<fb>\d+)(?![\d/])"
        rf"|(?P<fden>{CN})分之(?P<fnum>{CN})"
        rf"|翻(?P<dbl>[一两二三四五六七八九十]|\d+)番"
        rf"|(?P<num>{num})(?:(?P<unit1>{unit})?(?:{DASH}|(?P<band>(?:及)?以上))(?P<num2>{num})(?=(?:余|多|来)?(?:{unit})))?"
        rf"(?:(?P<infix>余|多|来)(?P<mag2>{mag})?)?(?P<unit>{unit})?"  # 10余万人; 9.34亿千瓦 is 亿 + 千瓦
    ))


@cached
def figure_start() -> re.Pattern[str]:
    return re.compile(f"[{FIGURE_FIRST}]")


def matches_from(first: re.Pattern[str], pattern: re.Pattern[str], text: str,
                 endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text, 0, endpos)`, found faster, when every match starts
    with a character that `first` (a character class) matches.

    `finditer` enters a pattern that opens with a group or a look-ahead at every place of the
    text, some 200 instructions each; a search for a first character runs in re's own loop, and
    the pattern is tried only where one stands.
    """
    end = len(text) if endpos is None else endpos
    pos = 0
    while (c := first.search(text, pos, end)) is not None:
        m = pattern.match(text, c.start(), end)
        if m is None:
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()  # no match is empty: the search goes on after it, as finditer's


def figure_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `figure_pattern().finditer(text)` (see `matches_from`)."""
    return matches_from(figure_start(), figure_pattern(), text)


@cached
def per_unit() -> re.Pattern[str]:
    """The denominator of a rate: 200元/人, 60间/万人口."""
    return re.compile(rf"/[万千百]?(?:人口|{unit_pattern()}|年|月|季度|[A-Za-z]{{1,3}})")
