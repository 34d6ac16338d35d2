"""Figures: every number pattern of the view proposed, read, then judged by named filters.

A figure pattern match is read into a `Proposal` (value, range, unit, comparator); the
filters in `FILTERS` then refuse what is no measured figure (a code, an ordinal, a date, a
name's numeral, a class threshold …), each with its reason, so `explain` can say why a
number was not taken. Their word lists are `quantity_filters.json`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractor.extraction.candidates import Decision, NamedFilter, judge, named
from extractor.extraction.quantities.words import CN, FilterWords, after_words, comparators, figure_filter_words, \
    figure_matches, per_unit, reach_words
from extractor.lexicons import alternation, cached
from extractor.text.numerals import COUNTING_CHARS, doubling, parse_fraction, parse_numeral

_CN_ONLY = re.compile(rf"^{CN}$")
_MAGNITUDE_ONLY = re.compile(r"^[百千万亿]+$")
# a numeral holding none of 千万亿 has no magnitude word (`parse_numeral`): the digits, 〇…十, 百, 点, a comma
_NO_MAGNITUDE = frozenset("0123456789０１２３４５６７８９.,零〇一二两三四五六七八九十百点")
_PER_CAPITA = re.compile(r"每[十百千万]+(?:常住)?(?:人口|人|名|户|平方公里)")
_ORDINAL_LIST = re.compile(r"第[\d、，,和及]+$")
_ITEM_DECIMAL = re.compile(r"\d{1,2}\.\d")
_LIST_SEPARATORS = re.compile(r"[、和与及]")
_LIST_BREAKS = "，。；：,;:\n（(）)“”"  # where a list of names before a count begins
_DIGIT = re.compile(r"\d")
_QUOTED_RUN = re.compile(r"(?:“[^“”\d]{1,8}”[、和与及]?){2,}$")  # “稳”“进”“新”“活”, “一带”和“一路”


@dataclass(frozen=True)
class Figure:
    """One number with its unit, before any reading of its context (view offsets)."""

    start: int  # first character of the figure, after any comparator word
    end: int  # after the unit and any comparator word that follows it
    value: float
    value_max: float | None
    unit: str
    comparator: str


@dataclass  # not frozen: a frozen init sets each of its 13 fields through object.__setattr__
class Proposal:
    """One match of the figure pattern as read, not yet judged (view offsets)."""

    text: str  # the whole view, for the filters that look around the figure
    match: re.Match[str]
    words: FilterWords  # the filters' word lists
    # read once here, not as properties: the filters ask for them some 20,000 times a corpus
    start: int  # where the match starts
    prev: str  # the character before it, "" at the start of the view
    numeral: str | None  # the number as written, None for a percentage, fraction or doubling
    value: float | None = None
    value_max: float | None = None
    unit: str = ""  # with its magnitude and a rate's denominator: 万元, 元/人
    bare_unit: str = ""  # the unit word as written after the number
    magnitude: str = ""
    end: int = 0  # after a rate's denominator and a comparator word after the figure
    after: str = ""  # the comparator of a word after the figure (以上 → >=)
    problem: str | None = None  # why the match cannot be read as a number
    chinese: bool = False  # the number is written in Chinese numerals (三, 五千亿); three filters ask

    def figure(self) -> Figure:
        return Figure(self.start, self.end, float(self.value or 0), self.value_max, self.unit, _comparator(self))


# Read on demand, once, by `Proposal.figure`: most matches are refused by a filter before anyone
# asks, and the words before a figure are the costliest part of its reading. A plain function,
# not a cached_property: the property's lock cost more than the reading itself.
def _comparator(p: Proposal) -> str:
    """The figure's comparator, from the words before it (不少于, 最多…为) and after it (以上)."""
    m, text, after = p.match, p.text, p.after
    before, word_start = comparator_before(text, m.start())
    comparator = before or _comparator_reaching(text, m.start())
    if m.group("num") is not None and _MAGNITUDE_ONLY.match(m.group("num")) and not comparator \
            and m.start() and text[m.start() - 1] == "上":
        comparator = "~"  # 上千家
    if m.group("band"):  # 五万元以上十万元以下: the band is the range, stated exactly
        comparator = "=" if after == "<=" else comparator
    elif m.group("infix"):
        comparator = "~"
    elif after and (not comparator or after == "~" or comparator == "="
                    or text[word_start:m.start()].removesuffix("了") in reach_words()):
        comparator = after  # 达到26.5微克/立方米以下: the bound after says which way the figure is reached
    return comparator or "="


def comparator_before(text: str, start: int) -> tuple[str, int]:
    """Comparator word ending at `start` (one 了 may sit between), with its start."""
    m = _before_word().search(text, max(0, start - 6), start)
    return (comparators()["before"][m.group("w")], m.start()) if m else ("", start)


@cached
def _before_word() -> re.Pattern[str]:
    """A comparator word (of at most 6 characters) ending a text, or before its last 了: the
    leftmost match is the longest word. One search, not a dict look-up per length."""
    return re.compile(rf"(?P<w>{alternation(comparators()['before'])})了?\Z")


@cached
def _after_word() -> re.Pattern[str]:
    """The comparator words after a figure (以上, 左右), longest first: one match per figure
    instead of a `startswith` per word."""
    return re.compile(alternation(after_words()))


def _comparator_after(text: str, end: int) -> tuple[str, int]:
    m = _after_word().match(text, end)
    return (comparators()["after"][m.group()], m.end()) if m else ("", end)


def _number(m: re.Match[str]) -> tuple[float, float | None, str, str] | str:
    """Value, range end, magnitude and unit of a plain number (3—5家, 10余万人), or a problem."""
    parsed = parse_numeral(m.group("num"))
    if parsed is None:
        return "not a numeral"
    value, magnitude = parsed
    unit = m.group("unit") or ""
    if m.group("mag2"):  # 10余万人: the magnitude after the approximation
        if magnitude or not unit:
            return "a magnitude on both sides of 余/多"
        magnitude = m.group("mag2")
    if m.group("unit1") and m.group("unit1") != unit:
        return "a range between two units (3天～5次)"
    value_max = None
    if m.group("num2"):
        second = parse_numeral(m.group("num2"))
        if second is None or second[0] <= value or second[1] != magnitude and second[1]:
            return "no range: the second number is not larger in the same magnitude"
        value_max = second[0]
    return value, value_max, magnitude, unit


def _percent(ratio: float) -> float:
    return round(ratio * 100, 2)


def _reading(m: re.Match[str]) -> tuple[float, float | None, str, str] | str:
    """(value, value_max, magnitude, unit) of any figure form, or why it has none."""
    if m.group("num") is not None:  # the other forms are other branches: most matches are plain numbers
        return _number(m)
    if m.group("pct") is not None:
        first = parse_numeral(m.group("pct"))
        second = parse_numeral(m.group("pct2")) if m.group("pct2") else None
        return (first[0], second[0] if second else None, "", "%") if first else "not a numeral"
    # a fraction is a share: 三分之一 → 33.33 %, 1/4 → 25 %
    if m.group("fa") is not None:
        value = parse_fraction(m.group("fa"), m.group("fb"))
        return (_percent(value), None, "", "%") if value is not None and int(m.group("fb")) <= 100 \
            else "not a fraction"
    if m.group("fden") is not None:
        value = parse_fraction(m.group("fnum"), m.group("fden"))
        return (_percent(value), None, "", "%") if value is not None else "not a fraction"
    value = doubling(m.group("dbl"))  # the one branch left: 翻两番
    return (value, None, "", "倍") if value is not None else "not a numeral"


_MINUS = "-−－"


def _negative(text: str, start: int) -> bool:
    """Whether a minus sign stands before the figure at `start` (人口自然增长率为-3.93‰), not a
    hyphen inside a code or a range (GB/T 9704-2012, COVID-19): a word or a mark before it."""
    if start < 2 or text[start - 1] not in _MINUS:
        return False
    before = text[start - 2]
    return not (before.isascii() and before.isalnum()) and before not in _MINUS + ")）/"


def _before(m: re.Match[str], text: str) -> str:
    """The character before a figure, or before its minus sign: a signed figure is judged by
    the word before its sign, which no filter reads as a code mark."""
    start = m.start()
    if not start:
        return ""
    return text[start - 2] if m.group("num") is not None and _negative(text, start) else text[start - 1]


def propose(m: re.Match[str], text: str, words: FilterWords) -> Proposal:
    """Read one figure-pattern match: its value, unit and comparators."""
    reading = _reading(m)
    numeral = m.group("num")
    negative = numeral is not None and _negative(text, m.start())
    start = m.start() - negative  # a signed figure starts at its sign
    place = (text, m, words, start, text[start - 1] if start else "", numeral)
    # a digit first is an Arabic number: the pattern is tried on Chinese numerals alone
    chinese = numeral is not None and not numeral[0].isdecimal() and _CN_ONLY.match(numeral) is not None
    if isinstance(reading, str):
        return Proposal(*place, end=m.end(), problem=reading, chinese=chinese)
    value, value_max, magnitude, unit = reading
    if negative:
        value, value_max = -value, None
    end = m.end()
    full_unit = unit
    if numeral is not None:
        per = per_unit().match(text, end) if unit else None
        if per:  # 200元/人, 60间/万人口: a rate keeps its denominator
            full_unit, end = unit + per.group(), per.end()
        full_unit = magnitude + full_unit
    after, end = _comparator_after(text, end)
    return Proposal(*place, float(value), value_max, full_unit, unit, magnitude, end, after, chinese=chinese)


@cached
def _reaching() -> re.Pattern[str]:
    """A comparator a short verb away from the figure (最多申报5人, 最高分值为20分), or before
    the base of a share (不低于奖励总额的百分之五), ending where the figure starts."""
    words = alternation(comparators()["reaching"])
    return re.compile(rf"(?P<word>{words})(?:[\u4e00-\u9fff]{{1,3}}|[^\d，。；：,;:！？、\n（）()]{{1,20}}的)$")


def _comparator_reaching(text: str, start: int) -> str:
    """The comparator of `_reaching` before the figure at `start`, '' when there is none."""
    m = _reaching().search(text, max(0, start - 30), start)
    return comparators()["before"][m.group("word")] if m else ""


def _inside(text: str, start: int, end: int, opening: str, closing: str, limit: int) -> bool:
    """Whether [start, end) sits inside an opening…closing pair no longer than `limit`."""
    left = text.rfind(opening, max(0, start - limit), start)
    if left < 0 or text.rfind(closing, left, start) >= 0:
        return False
    right = text.find(closing, end, left + limit + 1)
    return right >= 0


def _apposition(text: str, start: int, value: float) -> bool:
    """Whether a count restates a list of as many names right before it (北京、上海、粤港澳3个;
    “稳”“进”“新”“活”四个特点).

    The first piece may carry the verb before the list (是连接西安和咸阳两座); the others
    must be short names without figures.
    """
    head = text[max(0, start - 60):start]
    if value < 2 or value > len(head) + 1 or value != int(value):
        return False  # no list of names before it has fewer than 2 or more than len(head) + 1 pieces
    quoted = _QUOTED_RUN.search(head) if "“" in head else None  # most heads quote nothing: no search
    if quoted:
        return quoted.group().count("“") == value
    cut = max(map(head.rfind, _LIST_BREAKS))  # map: the rfinds run without a Python frame each
    pieces = _LIST_SEPARATORS.split(head[cut + 1:])
    if len(pieces) < 2 or len(pieces) != value or _DIGIT.search(head, cut + 1):
        return False
    return all(2 <= len(p) <= 8 and _cjk_run().fullmatch(p) for p in pieces[1:])


# --- the filters, in the order they are tried -------------------------------------------

def _unreadable(p: Proposal) -> str | None:
    return p.problem


def _after_code(prev: str, words: FilterWords) -> bool:
    return bool(prev) and (prev.isascii() and prev.isalnum() or prev in words.lists["code_marks"])


def _part_of_a_code(p: Proposal) -> str | None:
    if _after_code(p.prev, p.words):
        return f"part of a code, formula, ordinal or larger number (after {p.prev})"
    m_end = p.match.end()
    if p.text[m_end:m_end + 1].isascii() and p.text[m_end:m_end + 1].isalpha() and p.text[m_end - 1:m_end].isascii():
        return "a Latin unit runs on into a word or code (5G)"
    return None


def _ordinal_list(p: Proposal) -> str | None:
    return "the days of a schedule are ordinals (第3、7天)" if _ORDINAL_LIST.search(
        p.text, max(0, p.start - 12), p.start) else None


def _item_number(p: Proposal) -> str | None:
    if p.text[max(0, p.start - 2):p.start] in p.words.lists["item_labels"]:
        return "an annex's number (附件1)"
    if p.prev in ("", "\n") and _ITEM_DECIMAL.match(p.text, p.start):
        return "an item number glued to a count (1.3个)"
    return None


def _vague_count(p: Proposal) -> str | None:
    return f"a vague count ({p.prev}…)" if p.numeral and p.prev and p.prev in p.words.lists["vague_counts"] else None


def _unitless(m: re.Match[str]) -> bool:
    """Whether a match is a number with no unit and no magnitude word (一, 2024): a bare
    number whatever its reading, known from the match alone."""
    # the number the last group the match closed: no unit, magnitude or range after it (one test, not three)
    return m.lastgroup == "num" and _NO_MAGNITUDE.issuperset(m.group("num"))


def _bare_number(p: Proposal) -> str | None:
    if p.numeral is None or p.bare_unit:
        return None
    if p.magnitude and p.match.group("num2") is None and (not p.chinese or _spelled_amount(p)):
        return None  # 500万, 五千亿: a magnitude makes an amount
    return "a bare number without a unit"


def _spelled_amount(p: Proposal) -> bool:
    """A spelled-out count in a money-scale magnitude (超过五千亿规模, 突破万亿; a bare magnitude
    with no comparator, 千亿级, 万亿大健康产业, is refused by `_bare_magnitude`); not in 万,
    which spelled out runs into idioms (十万火急)."""
    return p.magnitude in p.words.lists["spelled_amount_magnitudes"]


def _unit_starts_a_word(p: Proposal) -> str | None:
    following = p.words.not_before.get(p.bare_unit, ())
    if p.numeral and following and p.text.startswith(following, p.match.end()):
        return f"the unit character starts a word ({p.bare_unit}{p.text[p.match.end()]})"
    return None


def _article_or_name(p: Proposal) -> str | None:
    if not p.chinese or p.numeral is None:
        return None
    words, end = p.words.lists, p.match.end()
    if p.numeral in words["articles"] and not (p.numeral == "一" and p.bare_unit in words["article_units"]):
        return "an article, not a count (一批)"
    # 唯一一个, 统一一项, 逐一一批: a word ending in 一, then the article; no count is written
    # by repeating one numeral character (a digit-by-digit 一一 is a year's 二〇一一)
    if len(p.numeral) > 1 and p.numeral[0] in words["articles"] and p.numeral == p.numeral[0] * len(p.numeral):
        return "a word ending in the article's character, then the article (唯一一个), not a count"
    if p.text.startswith(p.words.name_heads, end) or p.text[end:end + 1] in COUNTING_CHARS:
        return "a numeral inside a name (三项改革, 两个一百年)"
    return None


def _adverb(p: Proposal) -> str | None:
    if p.chinese and p.bare_unit in p.words.lists["arabic_only_units"]:
        return f"an adverb, not a count ({p.numeral}{p.bare_unit}: 十分重大)"
    return None


def _fraction_of_a_count(p: Proposal) -> str | None:
    if p.numeral is None or p.value is None or p.value == int(p.value) or p.magnitude:
        return None
    if p.bare_unit in p.words.units["fractional"] or _PER_CAPITA.search(p.text, max(0, p.start - 24), p.start):
        return None  # a rate (每千人口4.5个) or a fractional unit (5.4%)
    return "a count is whole: an item number glued to it (1.3个)"


def _ordinal_numeral(p: Proposal) -> str | None:
    return "an order, not a count (二次开发)" if [p.numeral, p.bare_unit] in p.words.lists["ordinal_numerals"] else None


def _date_or_rank(p: Proposal) -> str | None:
    words = p.words.lists
    if p.bare_unit == "日" and p.text[max(0, p.start - 1)] == "月":
        return "a date (6月27日)"
    if p.numeral and p.bare_unit in words["rank_units"] and p.prev and p.prev in words["rank_marks"]:
        return "a rank or a back-reference (前10名, 前两款)"
    return None


def _condition(p: Proposal) -> str | None:
    words = p.words.lists
    if p.numeral and p.prev and p.prev in words["condition_marks"] and p.bare_unit in words["condition_units"]:
        return "a time that sets a condition (累计满183天), not a measure"
    return None


def _reference(p: Proposal) -> str | None:
    words = p.words.lists["references"]
    if p.numeral and (p.prev and p.prev in words or p.text[max(0, p.start - 2):p.start] in words):
        return "a reference back, not a count (这两个, 上述三项)"
    return None


def _session(p: Proposal) -> str | None:
    return "a session's ordinal (五届七十九次)" if p.numeral and p.prev in p.words.lists["session_marks"] and p.prev else None


# Compiled on first use, not at import: a CJK class costs ~1-3 ms to compile and many
# documents never reach this filter, so starting the CLI stays quick.
@cache
def _cjk() -> re.Pattern[str]:
    return re.compile(r"[\u4e00-\u9fff]")


@cache
def _cjk_run() -> re.Pattern[str]:
    return re.compile(r"[\u4e00-\u9fff]+")


def _report_day(p: Proposal) -> str | None:
    end = p.match.end()
    if not (p.numeral and p.bare_unit == "日" and (p.value or 0) <= 31):
        return None
    if (_cjk().match(p.text, end) and p.text[end] not in p.words.lists["day_runs_on"]
            and not comparator_before(p.text, p.start)[0]):
        return "the day a report is dated (国家能源局2日发布), not a duration"
    if p.text[end:end + 1] in ("，", ",") and p.text[max(0, p.start - 1):p.start] in ("）", ")", "电"):
        return "the day a news report opens with (新华社北京3月5日电 (记者…)10日，…), not a duration"
    return None


def _bare_magnitude(p: Proposal) -> str | None:
    if p.numeral and _MAGNITUDE_ONLY.match(p.numeral) and not comparator_before(p.text, p.start)[0] and p.prev != "上":
        return "a bare magnitude counts only after 逾/超/突破/上 (千家万户)"
    return None


def _class_threshold(p: Proposal) -> str | None:
    if p.text.startswith(p.words.modifier_heads, p.end) and (
            p.unit.endswith(p.words.money) or p.text.startswith("级", p.end)):
        return "a class threshold, not a measure (超千亿元企业, 百亿元级)"
    return None


def _restates_a_list(p: Proposal) -> str | None:
    return "the count restates the names just listed (西安和咸阳两座)" if _apposition(p.text, p.start, p.value or 0) else None


def _inside_a_name(p: Proposal) -> str | None:
    if _inside(p.text, p.start, p.end, "《", "》", 80) or _inside(p.text, p.start, p.end, "“", "”", 12):
        return "inside a cited title or a quoted name (“三项改革”)"
    return None


# Cheap and common refusals first: most matches are bare numbers (item numbers, years' digits).
FILTERS: tuple[NamedFilter[Proposal], ...] = named(
    _unreadable, _bare_number, _part_of_a_code, _ordinal_list, _item_number, _vague_count, _unit_starts_a_word,
    _article_or_name, _adverb, _fraction_of_a_count, _ordinal_numeral, _date_or_rank, _condition, _reference,
    _session, _report_day, _bare_magnitude, _class_threshold, _restates_a_list, _inside_a_name,
)


def judged(text: str) -> list[tuple[Proposal, Decision | None]]:
    """Every figure-pattern match of a view with the filter that refused it (None: accepted)."""
    words = figure_filter_words()
    proposals = (propose(m, text, words) for m in figure_matches(text))
    return [(p, judge(p, FILTERS)) for p in proposals]


def _plainly_refused(m: re.Match[str], text: str, words: FilterWords) -> bool:
    """Whether `_bare_number` or `_part_of_a_code` refuses a match, told from the match alone:
    three matches in four, whose reading (`propose`) is skipped when nobody asks why."""
    if m.lastgroup == "num" and _NO_MAGNITUDE.issuperset(m.group("num")):
        return True  # `_unitless`, inlined: it is asked of every match
    return _after_code(_before(m, text), words)


def find_figures(text: str) -> list[Figure]:
    """Every measured figure of a compact text, in order: those `judged` accepts.

    Example:
        >>> [(f.value, f.unit) for f in find_figures("新增企业3000家，占比三分之一")]
        [(3000.0, '家'), (33.33, '%')]
    """
    figures, words = [], figure_filter_words()
    for m in figure_matches(text):  # one loop, no generator stacked on the matches' own
        if not _plainly_refused(m, text, words):
            p = propose(m, text, words)
            if judge(p, FILTERS) is None:
                figures.append(p.figure())
    return figures
