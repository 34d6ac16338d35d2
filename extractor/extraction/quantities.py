"""Quantities: every measured figure of a document, as a goal (`target`) or a reported `actual`.

The finder works on a compact view of the clean text (whitespace dropped, full-width
digits folded, a boundary kept where a line ends a sentence or starts a heading), so a
figure broken over a PDF line (``941.2\\n亿元``) reads as one. Each view character keeps its
clean offset, so spans are clean offsets. Figures are found by one compiled regex; the
words around them (comparators, cue words, units) come from data files in
`extractor/resources/`.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from extractor.extraction.numbers import doubling, parse_fraction, parse_numeral
from extractor.lexicons import alternation, load_json
from extractor.model import DocTree, Quantity, Table

_UNITS = load_json("quantity_units.json")
_COMPARATORS = load_json("quantity_comparators.json")
_CUES = load_json("quantity_cues.json")
_YEARS = load_json("quantity_years.json")


def _longest_first(words) -> list[str]:
    return sorted(words, key=len, reverse=True)


_AFTER = _longest_first(_COMPARATORS["after"])
_NOT_BEFORE = {u: tuple(ws) for u, ws in _UNITS["not_before"].items()}
_FRACTIONAL = frozenset(_UNITS["fractional"])
_MODIFIER_HEADS = tuple(_UNITS["modifier_heads"])
_MONEY = tuple(_UNITS["money"])
_MEASURE_NOUNS = _longest_first(_CUES["measure_nouns"])
_NAME_HEADS = tuple(_CUES["name_heads"])
_METRIC_VERBS = _longest_first(_CUES["metric_verbs"])
_VERB_HEADS = tuple(_METRIC_VERBS)
_SUBJECT_SUFFIXES = tuple(_CUES["subject_suffixes"])
# a short form the document defines for itself: 秦创原总窗口（以下简称“总窗口”）; a one-character
# one (以下简称“区”) would end every word in 区
_DEFINED_SHORT_FORM = re.compile(r"[（(]以下简称[“\"]([^”\"]{2,12})[”\"][）)]")


def _subject_pattern(text: str) -> re.Pattern[str]:
    """A leading place or body before a figure: the general endings (新区, 集团, 基金 …) and
    the short forms the document defines (以下简称“总窗口”), which name its subjects."""
    words = {*_SUBJECT_SUFFIXES, *_DEFINED_SHORT_FORM.findall(text)}
    return re.compile("[^的，、（(“]{0,10}?(?:%s)" % alternation(words))

_PREPOSITION = re.compile(r"^(?:在|与|围绕|聚焦|向|对|从|为|由|经|于|以|把|将|同)+")
_PREPOSITION_INSIDE = re.compile(r"[在与对向从把将同]")
_FOLD = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                       "％": "%", "﹪": "%", "．": ".", "～": "~", "〜": "~", "＋": "+", "／": "/",
                       "＞": ">", "＜": "<", "\t": "|"})
_FOLDABLE = re.compile("[%s]" % re.escape("".join(map(chr, _FOLD))))
_INK = re.compile(r"[^ \r\n\f\v\u3000\xa0\u2002\u2003\u2009]+")  # a tab stays, folded to a | cell break
_BULLETS = "●■◆▲►•★☆○◎□◇▪"  # a list item's mark, a break like a heading number
_BULLET = re.compile(f"[{_BULLETS}]")
_HEADING_START = re.compile(
    r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[（(]\d+[)）]|\d+[.．、](?!\d)"
    r"|[①-⑳]|[%s]|第[一二三四五六七八九十百]+[章节条部分])" % _BULLETS)
_TOP_HEADING = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
_PAGE_NUMBER_LINE = re.compile(r"^[-—－–\s]*\d{1,4}[-—－–\s]*$")
_SENTENCE_PUNCT = "。！？!?；;：:"
_CONTINUES = "、，,（(“《—-－/"  # a line ending so runs on
_MIN_WRAPPED = 18
_GOAL_LEAD = 12
_HEADING_MAX = 40  # a heading is a short line: longer ones are sentences

_CLAUSE_BREAKS = re.compile(r"[，,；;。！？!?：:\n|%s]" % _BULLETS)
_SENTENCE_BREAKS = re.compile(r"[。！？!?\n|①-⑳%s]" % _BULLETS)

_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
_MAG = alternation(_UNITS["magnitudes"])
_UNIT = alternation(_UNITS["units"])
_NUM = rf"(?:{_AR}(?:{_MAG})?|{_CN})"
_DASH = r"[—–\-－~～至到]"


def _scanning(first: str, pattern: str) -> re.Pattern[str]:
    """`pattern`, whose matches all start with one of the characters `first`, compiled to
    check that character before trying its branches: scanning a text for it is then fast."""
    return re.compile(rf"(?=[{first}])(?:{pattern})")


_FIGURE = _scanning(r"\d零〇一二两三四五六七八九十百千万亿翻", (
    rf"百分之(?P<pct>{_AR}|{_CN})(?:{_DASH}(?:百分之)?(?P<pct2>{_AR}|{_CN}))?"
    rf"|(?P<fa>\d+)/(?P<fb>\d+)(?![\d/])"
    rf"|(?P<fden>{_CN})分之(?P<fnum>{_CN})"
    rf"|翻(?P<dbl>[一两二三四五六七八九十]|\d+)番"
    rf"|(?P<num>{_NUM})(?:(?P<unit1>{_UNIT})?{_DASH}(?P<num2>{_NUM})(?=(?:余|多|来)?(?:{_UNIT})))?"
    rf"(?:(?P<infix>余|多|来)(?P<mag2>{_MAG})?)?(?P<unit>{_UNIT})?"  # 10余万人; 9.34亿千瓦 is 亿 + 千瓦
))
_FIGURE_START = re.compile(r"(?!(?:19|20)\d{2}年)[\d%‰.零〇一二两三四五六七八九十百千万亿]|以上|以下|以内|之内|左右|上下")
_FIGURE_ENDS = ("%", "‰", "以上", "以下", "以内", "之内", "左右", "上下")  # a figure ends its line whole
_GROWTH = re.compile(r"^(?:同比|环比|年均|(?:比|较|相比|与)[^，,。；;]{0,12}?)?(?:增长|下降|提高|减少|增加|上升|降低)")
_GROWTH_WORD = re.compile(r"增长|下降|提高|减少|增加|上升|降低")
_ANNEX = re.compile(r"附[件表]\d")
_ORDINAL_LIST = re.compile(r"第[\d、，,和及]+$")
_ITEM_DECIMAL = re.compile(r"\d{1,2}\.\d")
_PER_UNIT = re.compile(rf"/[万千百]?(?:人口|{_UNIT}|年|月|季度|[A-Za-z]{{1,3}})")
_CN_ONLY = re.compile(rf"^{_CN}$")
_MAGNITUDE_ONLY = re.compile(r"^[百千万亿]+$")
_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"
_PER_CAPITA = re.compile(r"每[十百千万]+(?:常住)?(?:人口|人|名|户|平方公里)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DAY_RUNS_ON = "内以之左后的前"  # 15日内, 7日以上, 30日后, 十五日前: a number of days goes on so

_YEAR = _scanning("到至截预力争12", r"(?P<pre>到|至|截至|截止|预计|力争|争取)?(?P<y>(?:19|20)\d{2})年"
                                    r"(?P<post>底前|以前|前|以来|来|底|末|初|度)?")
_WITHIN_YEARS = re.compile(r"(?<![第\d])(?:未来|用)?(?P<n>[一二两三四五六七八九十]|\d{1,2})年(?:内|间|时间|建设)")
_FIVE_YEAR_PLAN = _scanning("到至“十", r"(?:到|至)?“?十(?P<n>[一二三四五六七八九])五”?(?:期间|末|时期|规划期)")
_SINCE = re.compile(r"[^，。；]{0,6}以来")
_PERIOD = re.compile(r"[（(]((?:19|20)\d{2})\s*[—–\-－~～〜至到]\s*((?:19|20)\d{2})\s*年?[)）]")
_RELATIVE_YEAR = _scanning("到至截预力争今本去上明过",
                           r"(?P<pre>到|至|截至|截止|预计|力争|争取)?(?P<rel>今年|本年|去年|上年|明年|过去一年)"
                           r"(?P<post>底前|以前|前|以来|来|底|末|初|度)?")
_RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "过去一年": -1, "明年": 1}
_BASE_MARKS = ("比", "较", "与", "同")
_DOC_YEAR = re.compile(r"((?:19|20)\d{2})")
# A title's own year: not a range's end or start (2021-2023年), a deadline (2030年前), a
# horizon (2035年远景目标) or a full date (2026年4月10日, a date line in the title zone)
_TITLE_YEAR = re.compile(r"(?<![\d—–\-－~～至到])((?:19|20)\d{2})年度?"
                         r"(?![前底末以内起—–\-－~～至到]|远景|\d{1,2}月\d{1,2}日)")
_REPORTING_PERIOD = re.compile(r"(?<![\d—–\-－~～至到])((?:19|20)\d{2})年(?:\d{1,2}[-—–－~～至]\d{1,2}月|\d{1,2}月份|%s)"
                               % alternation(_YEARS["reporting_periods"]))
_DATE_LINE = re.compile(r"(?:%s)[：:]\s*((?:19|20)\d{2})\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}"
                        r"|[—－]\s*((?:19|20)\d{2})年\d{1,2}月\d{1,2}日在[^\n]{2,40}?上"
                        % alternation(_YEARS["date_labels"]))
_DATE_LINE_REACH = 2000  # a dating line stands near the start
_TITLE_PUNCT = "。，；,;！？!?"  # a line holding these is a sentence, not a title
_TITLE_MAX = 60

_LEAD_NOISE = re.compile(
    r"^(?:(?:到|至|截至|截止|预计)?(?:19|20)\d{2}年(?:底前|以前|前|底|末|初)?|(?:未来|用)?[一二两三四五六七八九十\d]+年(?:内|间|时间|以来|来)?"
    r"|\d{1,2}(?:[-—~至]\d{1,2})?月(?:份|末|底)?|[一二三四]季度|前三季度|上半年|下半年|[（(]"
    r"|[①-⑳]|\d{1,2}[.、](?!\d)|其中|同时|并且|并|以及|和|及|另外|此外|目前|当前|已经|已|累计|先后|共计|全年|每年度|每年|年均|力争|争取|预计|确保|分别|还|也|均|将|为)+")
_ENUMERATOR = re.compile(r"(?:\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[)）]|[①-⑳%s])+" % _BULLETS)
_TRAIL_NOISE = re.compile(r"(?:首次|再次|分别|累计|已经|已|为|的|将|均|总计|合计|共|了|仅用|仅|就|还|也|达|到)+$")


@dataclass(frozen=True)
class _View:
    """Compacted text and, for each of its characters, the clean offset it came from."""

    text: str
    offsets: tuple[int, ...]


def compact(clean: str) -> _View:
    """Drop layout whitespace, fold full-width digits, keep a ``\\n`` only where a sentence,
    heading or short paragraph ends, so figures and phrases broken over lines read whole.

    Example:
        >>> compact("2024 年，地区生产总值\\n\\n941.2 亿元").text
        '2024年，地区生产总值941.2亿元'
    """
    lines = []
    pos = 0
    for line in clean.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        stripped = line.strip()
        if stripped and not _PAGE_NUMBER_LINE.match(stripped):
            lines.append((start, line, stripped))
    width = _wrap_width([s for _, _, s in lines])
    # Folding is one for one and keeps whitespace apart, so the view's chunks can be cut
    # from the folded text; translating only the few foldable characters is fast.
    folded = _FOLDABLE.sub(lambda m: m.group().translate(_FOLD), clean)
    chars: list[str] = []
    offsets: list[int] = []
    after_heading = False
    previous = ""
    for start, line, stripped in lines:
        if chars and chars[-1] != "\n" and (
            chars[-1][-1] in _SENTENCE_PUNCT or after_heading or _HEADING_START.match(stripped)
            or _ends_paragraph(previous, stripped, width)
        ):
            chars.append("\n")
            offsets.append(start)
        for m in _INK.finditer(line):
            chunk = folded[start + m.start():start + m.end()]
            if chars and chars[-1][-1].isdigit() and chunk[0].isdigit():
                chars.append("|")  # 3000 4500: two cells, never one number
                offsets.append(start + m.start() - 1)
            chars.append(chunk)
            offsets.extend(range(start + m.start(), start + m.end()))
        after_heading = bool(_TOP_HEADING.match(stripped)) and not any(p in stripped for p in "。；;")
        previous = stripped
    return _bullets_on_lines("".join(chars), offsets)


def _bullets_on_lines(text: str, offsets: list[int]) -> _View:
    """Start a line at every list bullet (●…●… run together into one line), as at a heading."""
    parts: list[str] = []
    outs: list[int] = []
    pos = 0
    for m in _BULLET.finditer(text):
        i = m.start()
        if i and text[i - 1] != "\n":
            parts += (text[pos:i], "\n")
            outs += offsets[pos:i]
            outs.append(offsets[i])  # the new break takes the bullet's offset
            pos = i
    parts.append(text[pos:])
    outs += offsets[pos:]
    return _View("".join(parts), tuple(outs))


def _wrap_width(lines: list[str]) -> int | None:
    """The width a PDF's text wraps its lines at (the usual length of its long lines), None
    when the lines are paragraphs (web text, a text file, a list)."""
    lengths = [len(s) for s in lines if len(s) >= _MIN_WRAPPED]
    if len(lengths) < 8:
        return None
    counts = Counter(lengths)
    mode = max(set(lengths), key=counts.__getitem__)
    near = sum(abs(n - mode) <= 2 for n in lengths)
    return mode if near >= 0.3 * len(lengths) else None


def _ends_paragraph(line: str, nxt: str, width: int | None) -> bool:
    """Whether a line with no closing punctuation still ends its paragraph: a list item, title
    or cell shorter than the wrap width, not cut inside a clause or a figure (…突破 / 500亿元)."""
    if not line or line[-1] in _CONTINUES or line[-1].isdigit():
        return False
    if _FIGURE_START.match(nxt) and not line.endswith(_FIGURE_ENDS):
        return False
    return width is None or len(line) < 0.8 * width


@dataclass(frozen=True)
class _Figure:
    """One number with its unit, before any reading of its context (view offsets)."""

    start: int  # first character of the figure, after any comparator word
    end: int  # after the unit and any comparator word that follows it
    value: float
    value_max: float | None
    unit: str
    comparator: str


def _comparator_before(text: str, start: int) -> tuple[str, int]:
    """Comparator word ending at `start` (one 了 may sit between), with its start."""
    head = text[max(0, start - 6):start]
    if head.endswith("了"):
        head = head[:-1]
    for size in range(len(head), 0, -1):  # the longest word first
        word = head[-size:]
        if word in _COMPARATORS["before"]:
            return _COMPARATORS["before"][word], start - len(word) - (text[start - 1] == "了")
    return "", start


def _comparator_after(text: str, end: int) -> tuple[str, int]:
    for word in _AFTER:
        if text.startswith(word, end):
            return _COMPARATORS["after"][word], end + len(word)
    return "", end


def _inside(text: str, start: int, end: int, opening: str, closing: str, limit: int) -> bool:
    """Whether [start, end) sits inside an opening…closing pair no longer than `limit`."""
    left = text.rfind(opening, max(0, start - limit), start)
    if left < 0 or text.rfind(closing, left, start) >= 0:
        return False
    right = text.find(closing, end, left + limit + 1)
    return right >= 0


_LIST_SEPARATORS = re.compile(r"[、和与及]")


def _apposition(text: str, start: int, value: float) -> bool:
    """Whether a count restates a list of as many names right before it (北京、上海、粤港澳3个).

    The first piece may carry the verb before the list (是连接西安和咸阳两座); the others
    must be short names without figures.
    """
    head = text[max(0, start - 60):start]
    cut = max(head.rfind(c) for c in "，。；：,;:\n（(）)“”")
    pieces = _LIST_SEPARATORS.split(head[cut + 1:])
    if len(pieces) < 2 or len(pieces) != value or re.search(r"\d", head[cut + 1:]):
        return False
    return all(2 <= len(p) <= 8 and re.fullmatch(r"[\u4e00-\u9fff]+", p) for p in pieces[1:])


def _read(m: re.Match, text: str) -> _Figure | None:
    """Turn one regex match into a figure, or None when it is no measured figure."""
    start, end = m.span()
    prev = text[start - 1] if start else ""
    if prev and (prev.isascii() and (prev.isalnum() or prev in ".-+/") or prev in "第＋+"):
        return None  # part of a code, formula, ordinal or larger number
    if text[end:end + 1].isascii() and text[end:end + 1].isalpha() and text[end - 1:end].isascii():
        return None  # 5G, 8000rpmx: a Latin unit runs on into a word or code
    if _ORDINAL_LIST.search(text, max(0, start - 12), start):
        return None  # 第3、7天: the days of a schedule are ordinals
    if text[max(0, start - 2):start] in ("附件", "附表") or (prev in "\n" and _ITEM_DECIMAL.match(text, start)):
        return None  # 附件1 / 1.3个…: an item number glued to a count
    if m.group("pct") is not None:
        first = parse_numeral(m.group("pct"))
        second = parse_numeral(m.group("pct2")) if m.group("pct2") else None
        if first is None:
            return None
        value, value_max, unit = first[0], second[0] if second else None, "%"
    elif m.group("fa") is not None:
        value = parse_fraction(m.group("fa"), m.group("fb"))
        if value is None or int(m.group("fb")) > 100:
            return None
        value_max, unit = None, ""
    elif m.group("fden") is not None:
        value = parse_fraction(m.group("fnum"), m.group("fden"))
        if value is None:
            return None
        value_max, unit = None, ""
    elif m.group("dbl") is not None:
        value = doubling(m.group("dbl"))
        if value is None:
            return None
        value_max, unit = None, "倍"
    else:
        numeral, unit = m.group("num"), m.group("unit") or ""
        chinese = bool(_CN_ONLY.match(numeral))
        parsed = parse_numeral(numeral)
        if parsed is None:
            return None
        value, magnitude = parsed
        if m.group("mag2"):  # 10余万人: the magnitude after the approximation
            if magnitude or not unit:
                return None
            magnitude = m.group("mag2")
        if prev and prev in "数几":
            return None  # 数十家: a vague count
        if not unit and not (magnitude and not chinese and m.group("num2") is None):
            return None  # a bare number is no measured figure
        if unit and text.startswith(_NOT_BEFORE.get(unit, ()), end):
            return None  # 项目, 条件, 次会议: the unit character starts a word
        if chinese and (numeral in ("〇", "零") or numeral == "一" and unit != "倍" or text.startswith(_NAME_HEADS, end)
                        or text[end:end + 1] in _NUMERAL_CHARS):
            return None  # 一批 / 三项改革 / 两个一百年: an article or a name, not a count
        if value != int(value) and not magnitude and unit not in _FRACTIONAL \
                and not _PER_CAPITA.search(text, max(0, start - 24), start):
            return None  # 1.3个: an item number glued to a count; only a rate (每千人口4.5个) is fractional
        if unit == "次" and numeral == "二":
            return None  # 二次开发: "secondary"; a count of times is 两次
        if unit == "日" and text[max(0, start - 1)] == "月" or (unit in ("名", "位") and prev and prev in "前后"):
            return None  # a date (6月27日) or a rank (前10名)
        if prev and prev in "这那该此每" or text[max(0, start - 2):start] in ("上述", "前述"):
            return None  # 这两个: a reference, not a count
        if prev == "届":
            return None  # 五届七十九次常务会议: the session's ordinal
        if unit == "日" and value <= 31 and _CJK.match(text, end) and text[end] not in _DAY_RUNS_ON \
                and not _comparator_before(text, start)[0]:
            return None  # 李强5日在…, 国家能源局2日发布: the day a report dates, not a duration
        value_max = None
        if m.group("unit1") and m.group("unit1") != unit:
            return None  # 3天～5次 is no range
        if m.group("num2"):
            second = parse_numeral(m.group("num2"))
            if second is None or second[0] <= value or second[1] != magnitude and second[1]:
                return None
            value_max = second[0]
        per = _PER_UNIT.match(text, end) if unit else None
        if per:  # 200元/人, 60间/万人口: a rate keeps its denominator
            unit, end = unit + per.group(), per.end()
        unit = magnitude + unit
    if value is None:
        return None
    comparator, _ = _comparator_before(text, start)
    if m.group("num") is not None and _MAGNITUDE_ONLY.match(m.group("num")) and not comparator:
        if prev != "上":
            return None  # 千家万户: a bare magnitude counts only after 逾/超/突破/上 (上千家)
        comparator = "~"
    after, end = _comparator_after(text, end)
    if m.group("infix"):
        comparator = "~"
    elif after and (not comparator or after == "~" or comparator == "="):
        comparator = after
    if text.startswith(_MODIFIER_HEADS, end) and (unit.endswith(_MONEY) or text.startswith("级", end)):
        return None  # 超千亿元企业, 百亿元级: a class threshold, not a measure
    if _apposition(text, start, value):
        return None  # 西安和咸阳两座古城: the count restates the names just listed
    if _inside(text, start, end, "《", "》", 80) or _inside(text, start, end, "“", "”", 12):
        return None  # inside a cited title or a quoted name (“三项改革”)
    return _Figure(start, end, float(value), value_max, unit, comparator or "=")


def find_figures(text: str) -> list[_Figure]:
    """Every measured figure of a compact text, in order."""
    return [f for f in (_read(m, text) for m in _FIGURE.finditer(text)) if f is not None]


@dataclass(frozen=True)
class _Scope:
    """A stretch of the view whose figures share a kind and a year: a paragraph opening with
    到2026年, or the section under a heading that names its kind (2024年工作回顾, 主要预期目标)."""

    start: int
    end: int
    year: int | None
    kind: str


@dataclass(frozen=True)
class _Context:
    """What a document says about all its figures: its kind, its year, its period, its
    dated or headed scopes (view offsets)."""

    prior: str | None
    now: int | None  # the year the document speaks from: its date, title, dating line or period's start
    period: tuple[int, int] | None
    scopes: tuple[_Scope, ...]
    actual_year: int | None = None  # the year an undated actual reports (a work report's past year)
    target_year: int | None = None  # the year an undated target is set for (a work report's own year)
    subject: re.Pattern[str] = re.compile("(?!)")  # see `_subject_pattern`


def _document_prior(tree: DocTree, text: str) -> str | None:
    """`target` for a plan, rule or notice; `actual` for news, a study or a reply.

    The kind word nearest the end of the title zone (title, first title-like lines)
    decides, as a Chinese title ends with what the document is (关于支持科学研究的若干措施
    is a 措施).
    """
    heads = [line[:40] for line in text[:400].split("\n")[:4] if not any(p in line for p in "。，；")]
    zone = "\n".join([tree.meta.title or "", *heads])
    kind = _last_kind_word(zone, _CUES["report_documents"], _CUES["plan_documents"])
    if kind:
        return kind
    return "target" if any(w in text for w in _CUES["plan_declarations"]) else None


def _last_kind_word(text: str, actual_words: list[str], target_words: list[str]) -> str | None:
    """`actual` or `target` by whichever kind word ends nearest the end of `text` (a Chinese
    title or heading ends with what it is: 主要目标任务完成情况 is a 情况)."""
    last = {kind: max((text.rfind(w) + len(w) for w in words if w in text), default=-1)
            for kind, words in (("actual", actual_words), ("target", target_words))}
    return max(last, key=last.get) if max(last.values()) >= 0 else None


def _goal_scopes(text: str, now: int | None) -> list[_Scope]:
    """A paragraph that opens with 到2026年 (or 主要目标：到2026年) dates every goal up to the
    next heading (a year already past when the document was written opens no goals)."""
    heads = [m.start() for m in re.finditer(r"\n", text) if _TOP_HEADING.match(text, m.start() + 1)]
    scopes = []
    for y in _year_mentions(text):
        opening = y.start - (2 if text[max(0, y.start - 2):y.start] in ("力争", "争取") else 0)
        line_start = text.rfind("\n", 0, opening) + 1
        lead = text[line_start:opening]  # 总体发展目标，到2025年: a short lead-in may name the goals
        if y.due and (now is None or y.year >= now) and (
                not lead or lead[-1] in "：:" or lead[-1] in "，," and len(lead) <= _GOAL_LEAD and "目标" in lead):
            i = bisect.bisect_right(heads, y.start)
            scopes.append(_Scope(y.start, heads[i] if i < len(heads) else len(text), y.year, "target"))
    return scopes


def _heading_mark(line: str) -> tuple[int, str]:
    """A heading's level and mark: (0, 一、), (1, （一）), (2, the bullet), (3, "") unmarked."""
    if re.match(r"[一二三四五六七八九十]+、", line):
        return 0, ""
    if re.match(r"[（(][一二三四五六七八九十]+[)）]", line):
        return 1, ""
    return (2, line[0]) if line[:1] in _BULLETS else (3, "")


def _heading_scopes(text: str, figures: list[_Figure], now: int | None) -> list[_Scope]:
    """The section under each heading that names its kind (一、2024年工作回顾 → actuals of
    2024; ■ 2025年主要预期目标 → targets of 2025; 今年 / 过去一年 → against the document's year), up to the next
    heading of its level or above (a bullet: of its mark), or the next heading naming a kind."""
    starts = [f.start for f in figures]
    headings = []  # (start, end, mark, kind or None, year)
    for start, end, body in _heading_lines(text):
        if bisect.bisect_left(starts, start) < bisect.bisect_left(starts, end - 1):
            continue  # a line holding a figure states it, it heads nothing
        mark = _heading_mark(body)
        kind = _last_kind_word(body, _CUES["actual_headings"], _CUES["target_headings"])
        headings.append((start, end, mark, kind, _heading_year(body, now)))
    scopes = []
    for i, (start, end, mark, kind, year) in enumerate(headings):
        if kind is None:
            continue
        stop = next((s for s, _, m, k, _ in headings[i + 1:]
                     if k is not None or mark[0] < 3 and (m[0] < mark[0] or m == mark)), len(text))
        scopes.append(_Scope(end, stop, year, kind))
    return scopes


def _heading_year(body: str, now: int | None) -> int | None:
    """The year a heading names: 2024年工作回顾 → 2024; 今年 / 过去一年 / 明年 → against `now`."""
    y = _YEAR.search(body)
    if y:
        return int(y.group("y"))
    rel = _RELATIVE_YEAR.search(body)
    return now + _RELATIVE_YEARS[rel.group("rel")] if rel and now else None


def _heading_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end past its break, body) of each short line without sentence punctuation:
    the lines that may be headings."""
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        body = line.rstrip("：:")
        if body and len(body) <= _HEADING_MAX and not any(c in body for c in "。；;，,！？!?"):
            yield start, pos, body


def _title_zone(tree: DocTree, text: str) -> str:
    """The title and the title-like lines the text opens with (a headline, a dated title)."""
    heads = []
    for line in text[:400].split("\n")[:4]:
        if _HEADING_START.match(line):
            break  # the first section heading (一、2024年工作回顾) ends the title zone
        if line and len(line) <= _TITLE_MAX and not any(p in line for p in _TITLE_PUNCT):
            heads.append(line)
    return "\n".join([tree.meta.title or "", *heads])


def _title_year(zone: str) -> int | None:
    """The latest own year a title names (关于2023年…执行情况与2024年…计划的报告 speaks from 2024)."""
    years = [int(m.group(1)) for m in _TITLE_YEAR.finditer(zone)]
    return years[-1] if years else None


def _dated_line(text: str) -> int | None:
    """The year of a line that dates the document (发布时间：2024-03-05, ——2024年3月5日在…大会上)."""
    m = _DATE_LINE.search(text, 0, _DATE_LINE_REACH)
    return int(m.group(1) or m.group(2)) if m else None


def _year_after_review(text: str) -> int | None:
    """A work report's year from its headings: the review of year Y (一、2024年工作回顾)
    followed by this year's goals (二、今年主要预期目标) speaks from Y + 1."""
    review = None
    for _, _, body in _heading_lines(text):
        kind = _last_kind_word(body, _CUES["actual_headings"], _CUES["target_headings"])
        y, rel = _YEAR.search(body), _RELATIVE_YEAR.search(body)
        if kind == "actual" and y and review is None:
            review = int(y.group("y"))
        elif kind == "target" and review and rel and not y:
            return review + 1 - _RELATIVE_YEARS[rel.group("rel")]  # 今年 after it is Y + 1; 明年, Y
    return None


def _undated_years(zone: str, titled: int | None, now: int | None) -> tuple[int | None, int | None]:
    """The years an undated actual and an undated target take from the document's genre:
    a work report of Y reviews Y − 1 and sets Y; a review or a reporting period
    (2018年1-7月份…) reports its title's year; a yearly plan (工作要点) sets its year."""
    if now and any(w in zone for w in _YEARS["work_reports"]):
        return now - 1, now
    period = _REPORTING_PERIOD.search(zone)
    if period:
        return int(period.group(1)), None
    genre = _last_kind_word(zone, _YEARS["year_reviews"], _YEARS["year_plans"])
    if genre == "actual" and titled:
        return titled, None
    if genre == "target" and (titled or now):
        return None, titled or now
    return None, None


def _context(tree: DocTree, text: str, figures: list[_Figure]) -> _Context:
    doc_year = None
    if tree.meta.date and _DOC_YEAR.match(tree.meta.date):
        doc_year = int(tree.meta.date[:4])
    period = tree.meta.period
    if period is None:
        m = _PERIOD.search(text, 0, 2000)
        period = (int(m.group(1)), int(m.group(2))) if m else None
    zone = _title_zone(tree, text)
    titled = _title_year(zone)
    now = doc_year or titled or _dated_line(text) or (period[0] if period else None) or _year_after_review(text)
    actual_year, target_year = _undated_years(zone, titled, now)
    scopes = sorted(_goal_scopes(text, now) + _heading_scopes(text, figures, now), key=lambda c: c.end - c.start)
    return _Context(_document_prior(tree, text), now, period, tuple(scopes), actual_year, target_year,
                    _subject_pattern(text))


def _nearest_cue(prefix: str, words: list[str]) -> int:
    """Position just after the last cue word in `prefix`, -1 when there is none."""
    return max((prefix.rfind(w) + len(w) for w in words if w in prefix), default=-1)


_TARGET_STRONG = _CUES["target_strong"]
_ACTUAL_STRONG = _CUES["actual_strong"]
_TARGET_WEAK = _CUES["target_weak"]
_ACTUAL_WEAK = _CUES["actual_weak"] + _CUES["comparisons"]
_COMPARISON = re.compile(alternation(_CUES["comparisons"]))
_ESTIMATE = _CUES["estimates"]
_ANNUAL = _CUES["annual"]
_CHAIN = ("、", "和", "及", "以及")
_GOAL_AFTER = re.compile(r"的?(?:预期|年度|规划|既定|发展|主要)?目标")
_BREAKDOWN = ("其中，", "其中,", "其中：", "其中:")  # a sentence that breaks down the figure before it


@dataclass(frozen=True)
class _YearMention:
    """A year that dates a statement: `due` for 到2026年 / 2025年底前 / “十四五”末,
    `as_of` for 截至2024年; neither for a plain 2024年."""

    start: int
    end: int
    year: int
    due: bool
    as_of: bool


def _year_mentions(text: str, now: int | None = None) -> list[_YearMention]:
    """Years that date a statement, in order: not a range end, not 以来, not a base year
    (较2020年增长), not a cited title's; 今年 / 去年 / 明年 too when the document's year is known."""
    out = []
    for m in _YEAR.finditer(text):
        before = text[m.start("y") - 1] if m.start("y") else "。"
        if before in "—–-－~～比较" or m.group("post") in ("以来", "来") or _SINCE.match(text, m.end()):
            continue
        if text.rfind("《", 0, m.start()) > text.rfind("》", 0, m.start()):
            continue  # the year of a cited title
        due = m.group("pre") in ("到", "至", "预计", "力争", "争取") or m.group("post") in ("前", "底前", "以前")
        out.append(_YearMention(m.start(), m.end(), int(m.group("y")), due, m.group("pre") in ("截至", "截止")))
    for m in _FIVE_YEAR_PLAN.finditer(text):
        if text[:m.start()].rstrip("“").endswith(_BASE_MARKS):
            continue  # 较“十二五”末增加: the base of a comparison
        n = "一二三四五六七八九".index(m.group("n")) + 1
        out.append(_YearMention(m.start(), m.end(), 2005 + 5 * n, True, False))
    for m in _RELATIVE_YEAR.finditer(text) if now else ():
        if text[m.start("rel") - 1:m.start("rel")] in _BASE_MARKS or m.group("post") in ("以来", "来"):
            continue  # 比上年, 与去年同期相比: the base of a comparison; 今年以来: a span
        due = m.group("pre") in ("到", "至", "预计", "力争", "争取") or m.group("post") in ("前", "底前", "以前")
        year = now + _RELATIVE_YEARS[m.group("rel")]
        out.append(_YearMention(m.start(), m.end(), year, due, m.group("pre") in ("截至", "截止")))
    return sorted(out, key=lambda y: y.end)


def _kind_and_year(prefix: str, ctx: _Context, start: int,
                   whole: Quantity | None = None) -> tuple[str, int | None, bool]:
    """Target or actual, the year, and whether the figure is annual (每年 nearer than any
    dated or 三年内 phrase), from the sentence before a figure and the document; a sentence
    opening with 其中 breaks down the figure before it (`whole`) and shares its reading."""
    years = _year_mentions(prefix, ctx.now)
    last = years[-1] if years else None
    now = ctx.now
    if last is not None and now and last.due and last.year < now:
        last = replace(last, due=False)  # “十三五”期间 in a 2022 plan: a past period reported
    scope = next((c for c in ctx.scopes if c.start <= start < c.end), None)
    within = None
    for m in _WITHIN_YEARS.finditer(prefix):
        within = m
    dated = max(last.end if last else -1, within.end() if within else -1)
    annual = _nearest_cue(prefix, _ANNUAL) > dated
    # 比上年增长 names the base a figure is compared with, not its kind: an actual in a
    # bulletin, a target in a plan (今年…比上年增长5%); its 上年 is no cue of its own
    masked = _COMPARISON.sub(lambda m: "·" * len(m.group()), prefix)
    strong_t, strong_a = _nearest_cue(masked, _TARGET_STRONG), _nearest_cue(masked, _ACTUAL_STRONG)
    past = last is not None and now is not None and last.year < now
    if strong_t >= 0 and strong_t == _nearest_cue(prefix, _ESTIMATE) and (past or scope and scope.kind == "actual"):
        strong_t = -1  # 预计全省地区生产总值增长6%左右 under 2024年成绩单: a year past, estimated
    if last is not None and last.due:
        strong_t = max(strong_t, last.end)
    if last is not None and last.as_of:
        strong_a = max(strong_a, last.end)
    if within is not None:
        strong_t = max(strong_t, within.end())
    if strong_t >= 0 or strong_a >= 0:
        kind = "target" if strong_t > strong_a else "actual"
    elif whole is not None and last is None:
        kind = whole.kind
    elif scope is not None:
        kind = scope.kind
    else:
        weak_t, weak_a = _nearest_cue(prefix, _TARGET_WEAK), _nearest_cue(prefix, _ACTUAL_WEAK)
        if last is not None and now and last.year != now:
            kind = "actual" if last.year < now else "target"
        elif weak_t >= 0 or weak_a >= 0:
            kind = "target" if weak_t > weak_a else "actual"
        else:
            kind = ctx.prior or "actual"
    if last is not None:
        year: int | None = last.year
    elif kind == "target" and within is not None and not annual:
        year = _within_year(within.group("n"), ctx)
    elif whole is not None and whole.kind == kind and not annual:
        year = whole.year
    elif scope is not None and scope.kind == kind and not annual:
        year = scope.year
    elif kind == "actual" and "目前" in prefix:
        year = ctx.now
    elif not annual:
        year = ctx.actual_year if kind == "actual" else ctx.target_year
    else:
        year = None
    return kind, year, annual


def _within_year(n: str, ctx: _Context) -> int | None:
    """Due year of 三年内: the end of the plan's period when the window spans it, else the
    document's year + n − 1, else the period's end."""
    parsed = parse_numeral(n)
    years = int(parsed[0]) if parsed else None
    if ctx.period and (years is None or ctx.period[1] - ctx.period[0] + 1 == years or not ctx.now):
        return ctx.period[1]
    if ctx.now and years:
        return ctx.now + years - 1
    return None


def _clean_left(left: str) -> str:
    return _TRAIL_NOISE.sub("", _LEAD_NOISE.sub("", left))


def _split_subject(left: str, subject: re.Pattern[str]) -> tuple[str | None, str]:
    """Split a leading place or body (西咸新区, 秦创原总窗口) off the words before a figure."""
    m = subject.match(left)
    if not m or not left[m.end():] or left[m.end()] in "、和或及与" or m.group(0).startswith(_VERB_HEADS):
        return None, left
    subject = _PREPOSITION.sub("", m.group(0))
    if len(subject) < 2 or _PREPOSITION_INSIDE.search(subject):
        return None, left
    return subject, _clean_left(left[m.end():])


def _metric(left: str, right: str) -> str:
    """A short noun phrase naming what is measured, in the document's words.

    The words after the figure name the counted thing when there are any (head noun after
    the last 的); otherwise the words before it do (技术合同交易额突破500亿元).
    """
    if right.startswith("、"):
        right = ""
    right = re.split(r"[（(]", right.lstrip("）)"))[0]  # a bracket adds a note (其中抽水蓄能…)
    measure = next((w for w in _MEASURE_NOUNS if left.endswith(w)), "")
    if measure and right.startswith("的") and len(right) > 1:
        return right[1:].rsplit("的", 1)[-1][:20] + measure  # 总规模200亿元的创投基金矩阵
    right = re.sub(r"^(?:的|以上|以下|左右|大关|关口|新台阶|台阶|新高|以及|和|及|与|或)+", "", right).rsplit("的", 1)[-1]
    right = re.sub(r"(?:的|等)$", "", right[:24])
    if not right:
        return left[-20:]
    verb = next((v for v in _METRIC_VERBS if left.endswith(v)), "")
    if len(left) <= 6:
        return left + right
    return verb + right


def _breaks(text: str, marks: re.Pattern) -> list[int]:
    return [m.start() for m in marks.finditer(text)]


def _programme(clause: str) -> str | None:
    """A quoted scheme name in the figure's clause (“先使用后付费”试点项目)."""
    m = re.search(r"“([^”]{2,16})”", clause)
    return m.group(1) if m and not re.search(r"\d", m.group(1)) else None


def _open_bracket(text: str, start: int, end: int) -> int:
    """Where a bracket opened in [start, end) and still open at `end` is, -1 when none is."""
    at = max(text.rfind("（", start, end), text.rfind("(", start, end))
    return at if at >= 0 and max(text.find("）", at, end), text.find(")", at, end)) < 0 else -1


def _clause(text: str, breaks: list[int], f: _Figure, lead_start: int,
            prev: _Figure | None, nxt: _Figure | None) -> tuple[int, int, int, bool]:
    """The figure's clause (cut at ，；。 and at the 、 or bracket between figures sharing it), where
    the words after it end (before the next figure), and whether it follows another figure
    in the same clause with no 、 between (累计投资212家企业近2亿元)."""
    k = bisect.bisect_left(breaks, f.start)
    cs = breaks[k - 1] + 1 if k else 0
    k = bisect.bisect_left(breaks, f.end)
    ce = right_end = breaks[k] if k < len(breaks) else len(text)
    follows = prev is not None and prev.end > cs
    if follows:
        cut = max(text.rfind("、", prev.end, lead_start), _open_bracket(text, prev.end, lead_start))
        cs = cut + 1 if cut >= 0 else prev.end
        follows = cut < 0
    if nxt is not None and nxt.start < ce:
        right_end = _comparator_before(text, nxt.start)[1]
        marks = "、（()）" if cs and text[cs - 1] in "（(" else "、（("  # a note in brackets ends at its bracket
        cut = min((i for i in (text.find(c, f.end, nxt.start) for c in marks) if i >= 0), default=-1)
        ce = cut if cut >= 0 else ce
    return cs, ce, right_end, follows


def _quantities_in_text(tree: DocTree, view: _View, figures: list[_Figure], ctx: _Context) -> list[Quantity]:
    """Every figure written in running text (tables' own figures come from `tree.tables`)."""
    text = view.text
    clause_breaks = _breaks(text, _CLAUSE_BREAKS)
    sentence_breaks = _breaks(text, _SENTENCE_BREAKS)
    out: list[Quantity] = []
    lefts: list[str] = []  # the cleaned words before each emitted figure, for listed ones
    subjects: dict[int, str] = {}  # sentence start -> the subject named in it so far
    previous_metric: dict[int, str] = {}
    prev: _Figure | None = None
    last_sentence = -1
    for i, f in enumerate(figures):
        _, lead_start = _comparator_before(text, f.start)
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        cs, ce, right_end, follows = _clause(text, clause_breaks, f, lead_start, prev, nxt)
        line_start = text.rfind("\n", 0, f.start) + 1
        if cs == line_start and _TOP_HEADING.match(text, cs):
            continue  # a heading's count (（一）四个特色定位) describes, it does not measure
        if _ANNEX.search(text, max(cs - 12, line_start), f.start):
            continue  # an annex title (附件2 已批复的12个示范区概况) names, it does not measure
        j = bisect.bisect_left(sentence_breaks, f.start)
        ss = sentence_breaks[j - 1] + 1 if j else 0
        whole = out[-1] if out and text.startswith(_BREAKDOWN, ss) else None
        kind, year, annual = _kind_and_year(text[ss:f.start], ctx, f.start, whole)
        if _GOAL_AFTER.match(text, f.end):
            kind = "target"  # 超额完成规划提出的12件的预期目标: the figure names a goal
        comparator = f.comparator
        subject, left = _split_subject(_clean_left(text[cs:lead_start]), ctx.subject)
        if follows:  # 累计投资212家企业近2亿元: the second figure shares the first one's verb
            left = lefts[-1] + left
        metric = _metric(left, text[f.end:min(ce, right_end)])
        same_sentence = out and ss == last_sentence
        listed = same_sentence and text[prev.end:lead_start] in _CHAIN
        if listed:  # 分别达到8500家、4000家: a listed figure shares its head's reading and clause
            head = out[-1]
            kind, year, annual = head.kind, head.year, head.annual
            comparator = head.comparator if comparator == "=" else comparator
        if not metric and same_sentence:  # 已投资256个项目、2.39亿元
            metric = out[-1].metric if f.unit == out[-1].unit else lefts[-1] or out[-1].metric
        if not metric and cs - 1 > ss:  # 给予一次性补助，最高不超过50万元: the clause before names it
            k = bisect.bisect_left(clause_breaks, cs - 1)
            metric = _clean_left(text[max(ss, clause_breaks[k - 1] + 1 if k else 0):cs - 1])[-20:]
        if _GROWTH.match(metric) and ss in previous_metric:
            metric = previous_metric[ss] + metric  # 地区生产总值941.2亿元，同比增长5.4%
        elif not _GROWTH_WORD.search(metric):
            previous_metric[ss] = metric
        if subject:
            subjects[ss] = subject
        enumerator = _ENUMERATOR.match(text, cs, f.start)
        start, end = view.offsets[enumerator.end() if enumerator else cs], view.offsets[ce - 1] + 1
        if listed:
            start = out[-1].span[0]
        out.append(Quantity(
            id="", kind=kind, metric=metric, value=f.value, unit=f.unit, comparator=comparator,
            evidence=re.sub(r"\s*[\n\f]\s*", "", tree.text[start:end]), span=(start, end),
            value_max=f.value_max, year=year, annual=annual, subject=subjects.get(ss),
            programme=_programme(text[cs:ce]),
        ))
        lefts.append(left)
        prev, last_sentence = f, ss
    return out


_TABLE_HEADERS = _CUES["table_headers"]
_CELL_VALUE = re.compile(r"^(?P<cmp>[≥≤><]|不少于|不低于|不超过|超过|约|近)?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
                         r"(?P<unit>%|个百分点|[万亿千]*[\u4e00-\u9fff]{0,3})?(?P<after>以上|以下|以内|左右)?$")
_UNIT_IN_NAME = re.compile(r"[（(]([^（()）]{1,8})[)）]$")


def _column(header: tuple[str, ...], words: list[str], taken: set[int]) -> list[int]:
    return [i for i, h in enumerate(header) if i not in taken and any(w in h for w in words)]


def _value_columns(header: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """Target and baseline columns: by their names (目标值, 基期值), else by their years
    (2020年 | 2025年: the latest is the goal)."""
    targets = _column(header, _TABLE_HEADERS["target"], set())
    baselines = _column(header, _TABLE_HEADERS["baseline"], set(targets))
    if targets or baselines:
        return targets, baselines
    dated = sorted((int(m.group("y")), i) for i, h in enumerate(header) if (m := _YEAR.match(h)))
    if len(dated) < 2:
        return [], []
    return [dated[-1][1]], [i for _, i in dated[:-1]]


def _table_quantities(tree: DocTree, table: Table, view: _View, ctx: _Context) -> list[Quantity]:
    """Indicator rows of a table (指标 | 单位 | 基期值 | 目标值): a baseline is an actual, a
    goal a target, each dated by its column's year or the plan's period."""
    rows = [tuple(re.sub(r"\s+", "", c) for c in row) for row in table.rows]
    head_i = next((i for i, r in enumerate(rows[:3]) if _value_columns(r)[0]), None)
    if head_i is None:
        return []
    header = rows[head_i]
    targets, baselines = _value_columns(header)
    units = _column(header, _TABLE_HEADERS["unit"], set(targets) | set(baselines))
    metrics = _column(header, _TABLE_HEADERS["metric"], set(targets) | set(baselines) | set(units))
    if not metrics:
        return []
    out = []
    for row in rows[head_i + 1:]:
        if len(row) != len(header) or not row[metrics[0]]:
            continue
        name = row[metrics[0]]
        unit = row[units[0]] if units else ""
        m = _UNIT_IN_NAME.search(name)
        if not unit and m:
            unit = m.group(1)
        where = view.text.find(name)
        if where < 0:
            continue
        start, end = view.offsets[where], view.offsets[where + len(name) - 1] + 1
        for col in targets + baselines:
            cell = _CELL_VALUE.match(row[col].replace("％", "%"))
            if not cell:
                continue
            y = _YEAR.search(header[col])
            kind = "target" if col in targets else "actual"
            year = int(y.group("y")) if y else (ctx.period[1] if kind == "target" and ctx.period else None)
            comparator = _COMPARATORS["before"].get(cell.group("cmp") or "") or _COMPARATORS["after"].get(cell.group("after") or "") or "="
            out.append(Quantity(
                id="", kind=kind, metric=_UNIT_IN_NAME.sub("", name), value=float(cell.group("num").replace(",", "")),
                unit=cell.group("unit") or unit, comparator=comparator, evidence=" ".join(c for c in row if c),
                span=(start, end), year=year, page=table.page,
            ))
    return out


_TOKEN = re.compile(r"\S+")
_HEADER_CELL = re.compile("^(?:序号|%s|(?:19|20)\\d{2}年.{0,6}|属性|指标属性|类型|备注)$" % alternation(
    w for ws in _TABLE_HEADERS.values() for w in ws))
_EMPTY_CELL = re.compile(r"^[—\-－/／]+$")


def _text_tables(tree: DocTree) -> list[Table]:
    """Indicator tables that arrive as whitespace-separated text (a web table flattened
    into lines or one line): a header of known column names, then rows of as many cells."""
    text = tree.text
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text)]
    tables, i = [], 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _HEADER_CELL.match(tokens[j][0]):
            j += 1
        header = tuple(t for t, _ in tokens[i:j])
        targets, baselines = _value_columns(header) if j - i >= 3 else ([], [])
        metrics = _column(header, _TABLE_HEADERS["metric"], set(targets) | set(baselines))
        if not targets or not metrics:
            i = max(i + 1, j)
            continue
        rows, k = [], j
        while k + len(header) <= len(tokens):
            row = tuple(t for t, _ in tokens[k:k + len(header)])
            if _CELL_VALUE.match(row[metrics[0]]) or not all(
                    _CELL_VALUE.match(row[c]) or _EMPTY_CELL.match(row[c]) for c in targets + baselines):
                break
            rows.append(row)
            k += len(header)
        if rows:
            tables.append(Table(page=tree.clean.page_at(tokens[i][1]), rows=(header, *rows)))
        i = k
    return tables


def find_quantities(tree: DocTree) -> tuple[Quantity, ...]:
    """Every measured figure of a document, once each, numbered q1, q2, ….

    Example:
        >>> [q.value for q in find_quantities(tree)]  # doctest: +SKIP
        [4000.0]
    """
    out: list[Quantity] = []
    by_figure: dict[tuple, list[Quantity]] = {}
    view = compact(tree.text)
    figures = find_figures(view.text)
    ctx = _context(tree, view.text, figures)
    found = _quantities_in_text(tree, view, figures, ctx)
    for table in (*tree.tables, *_text_tables(tree)):
        found.extend(_table_quantities(tree, table, view, ctx))
    for q in found:
        same = by_figure.setdefault((q.value, q.value_max, q.unit, q.kind, q.annual), [])
        if not any(_same_metric(q, o) for o in same):
            same.append(q)
            out.append(q)
    return tuple(_numbered(q, n, tree) for n, q in enumerate(out, 1))


def _same_metric(a: Quantity, b: Quantity) -> bool:
    """Whether two readings of one number name the same thing (a goal restated under its task)."""
    return not a.metric or not b.metric or fuzz.partial_ratio(a.metric, b.metric) >= 70


def _numbered(q: Quantity, n: int, tree: DocTree) -> Quantity:
    return replace(q, id=f"q{n}", page=q.page or tree.clean.page_at(q.span[0]), section=tree.section_at(q.span[0]))
