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
import json
import re
from dataclasses import dataclass, replace
from importlib import resources

from rapidfuzz import fuzz

from extractor.extraction.numbers import doubling, parse_fraction, parse_numeral
from extractor.model import DocTree, Quantity, Table


def _load(name: str) -> dict:
    return json.loads((resources.files("extractor") / "resources" / name).read_text(encoding="utf-8"))


_UNITS = _load("quantity_units.json")
_COMPARATORS = _load("quantity_comparators.json")
_CUES = _load("quantity_cues.json")


def _longest_first(words) -> list[str]:
    return sorted(words, key=len, reverse=True)


_BEFORE = _longest_first(_COMPARATORS["before"])
_AFTER = _longest_first(_COMPARATORS["after"])
_NOT_BEFORE = {u: tuple(ws) for u, ws in _UNITS["not_before"].items()}
_FRACTIONAL = frozenset(_UNITS["fractional"])
_MODIFIER_HEADS = tuple(_UNITS["modifier_heads"])
_MONEY = tuple(_UNITS["money"])
_MEASURE_NOUNS = _longest_first(_CUES["measure_nouns"])
_NAME_HEADS = tuple(_CUES["name_heads"])
_METRIC_VERBS = _longest_first(_CUES["metric_verbs"])
_VERB_HEADS = tuple(_METRIC_VERBS)
_SUBJECT = re.compile("[^的，、（(“]{0,10}?(?:%s)" % "|".join(_longest_first(_CUES["subject_suffixes"])))

_PREPOSITION = re.compile(r"^(?:在|与|围绕|聚焦|向|对|从|为|由|经|于|以|把|将|同)+")
_PREPOSITION_INSIDE = re.compile(r"[在与对向从把将同]")
_FOLD = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                       "％": "%", "﹪": "%", "．": ".", "～": "~", "＋": "+", "／": "/",
                       "＞": ">", "＜": "<", "\t": "|"})
_INK = re.compile(r"[^ \r\n\f\v\u3000\xa0\u2002\u2003\u2009]+")  # a tab stays, folded to a | cell break
_HEADING_START = re.compile(
    r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[（(]\d+[)）]|\d+[.．、](?!\d)"
    r"|[①-⑳]|第[一二三四五六七八九十百]+[章节条部分])")
_TOP_HEADING = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
_PAGE_NUMBER_LINE = re.compile(r"^[-—－–\s]*\d{1,4}[-—－–\s]*$")
_SENTENCE_PUNCT = "。！？!?；;：:"

_CLAUSE_BREAKS = re.compile(r"[，,；;。！？!?：:\n|]")
_SENTENCE_BREAKS = re.compile(r"[。！？!?\n|①-⑳]")

_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
_MAG = "|".join(_longest_first(_UNITS["magnitudes"]))
_UNIT = "|".join(re.escape(u) for u in _longest_first(_UNITS["units"]))
_NUM = rf"(?:{_AR}(?:{_MAG})?|{_CN})"
_DASH = r"[—–\-－~～至到]"
_FIGURE = re.compile(
    rf"百分之(?P<pct>{_AR}|{_CN})(?:{_DASH}(?:百分之)?(?P<pct2>{_AR}|{_CN}))?"
    rf"|(?P<fa>\d+)/(?P<fb>\d+)(?![\d/])"
    rf"|(?P<fden>{_CN})分之(?P<fnum>{_CN})"
    rf"|翻(?P<dbl>[一两二三四五六七八九十]|\d+)番"
    rf"|(?P<num>{_NUM})(?:(?P<unit1>{_UNIT})?{_DASH}(?P<num2>{_NUM})(?=(?:余|多|来)?(?:{_UNIT})))?"
    rf"(?P<infix>余|多|来)?(?P<mag2>{_MAG})?(?P<unit>{_UNIT})?"
)
_GROWTH = re.compile(r"^(?:同比|比上年|较上年|年均)?(?:增长|下降|提高|减少|增加)")
_GROWTH_WORD = re.compile(r"增长|下降|提高|减少|增加")
_ANNEX = re.compile(r"附[件表]\d")
_ORDINAL_LIST = re.compile(r"第[\d、，,和及]+$")
_ITEM_DECIMAL = re.compile(r"\d{1,2}\.\d")
_PER_UNIT = re.compile(rf"/[万千百]?(?:人口|{_UNIT}|年|月|季度|[A-Za-z]{{1,3}})")
_CN_ONLY = re.compile(rf"^{_CN}$")
_MAGNITUDE_ONLY = re.compile(r"^[百千万亿]+$")

_YEAR = re.compile(r"(?P<pre>到|至|截至|截止|预计|力争|争取)?(?P<y>(?:19|20)\d{2})年"
                   r"(?P<post>底前|以前|前|以来|来|底|末|初|度)?")
_WITHIN_YEARS = re.compile(r"(?<![第\d])(?:未来|用)?(?P<n>[一二两三四五六七八九十]|\d{1,2})年(?:内|间|时间|建设)")
_FIVE_YEAR_PLAN = re.compile(r"(?:到|至)?“?十(?P<n>[一二三四五六七八九])五”?(?:期间|末|时期|规划期)")
_SINCE = re.compile(r"[^，。；]{0,6}以来")
_PERIOD = re.compile(r"[（(]((?:19|20)\d{2})\s*[—–\-－~～至到]\s*((?:19|20)\d{2})\s*年?[)）]")
_DOC_YEAR = re.compile(r"((?:19|20)\d{2})")

_LEAD_NOISE = re.compile(
    r"^(?:(?:到|至|截至|截止|预计)?(?:19|20)\d{2}年(?:底前|以前|前|底|末|初)?|(?:未来|用)?[一二两三四五六七八九十\d]+年(?:内|间|时间)?"
    r"|[①-⑳]|\d{1,2}[.、](?!\d)|其中|同时|并且|并|另外|此外|目前|当前|已经|已|累计|先后|共计|全年|每年度|每年|年均|力争|争取|预计|确保|分别|还|也|均|将|为)+")
_TRAIL_NOISE = re.compile(r"(?:分别|累计|已经|已|为|的|将|均|总计|合计|共|了|仅用|仅|就|还|也|达|到)+$")


@dataclass(frozen=True)
class _View:
    """Compacted text and, for each of its characters, the clean offset it came from."""

    text: str
    offsets: tuple[int, ...]


def compact(clean: str) -> _View:
    """Drop layout whitespace, fold full-width digits, keep a ``\\n`` only where a sentence
    or heading ends, so figures and phrases broken over lines read whole.

    Example:
        >>> compact("2024 年，地区生产总值\\n\\n941.2 亿元").text
        '2024年，地区生产总值941.2亿元'
    """
    chars: list[str] = []
    offsets: list[int] = []
    after_heading = False
    pos = 0
    for line in clean.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        stripped = line.strip()
        if not stripped or _PAGE_NUMBER_LINE.match(stripped):
            continue
        if chars and chars[-1] != "\n" and (
            chars[-1][-1] in _SENTENCE_PUNCT or after_heading or _HEADING_START.match(stripped)
        ):
            chars.append("\n")
            offsets.append(start)
        for m in _INK.finditer(line):
            chunk = m.group().translate(_FOLD)
            if chars and chars[-1][-1].isdigit() and chunk[0].isdigit():
                chars.append("|")  # 3000 4500: two cells, never one number
                offsets.append(start + m.start() - 1)
            chars.append(chunk)
            offsets.extend(range(start + m.start(), start + m.end()))
        after_heading = bool(_TOP_HEADING.match(stripped)) and not any(p in stripped for p in "。；;")
    return _View("".join(chars), tuple(offsets))


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
    for word in _BEFORE:
        if head.endswith(word):
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
        if chinese and (numeral in ("〇", "零") or numeral == "一" and unit != "倍" or text.startswith(_NAME_HEADS, end)):
            return None  # 一批 / 三项改革: an article or a name, not a count
        if value != int(value) and not magnitude and unit not in _FRACTIONAL:
            return None  # 1.3个: an item number glued to a count, no count is fractional
        if unit == "次" and numeral == "二":
            return None  # 二次开发: "secondary"; a count of times is 两次
        if unit == "日" and text[max(0, start - 1)] == "月" or (unit in ("名", "位") and prev and prev in "前后"):
            return None  # a date (6月27日) or a rank (前10名)
        if prev and prev in "这那该此每" or text[max(0, start - 2):start] in ("上述", "前述"):
            return None  # 这两个: a reference, not a count
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
class _Context:
    """What a document says about all its figures: its kind, its year, its period, its
    dated goal sections (view offsets start, end and the year they are due)."""

    prior: str | None
    now: int | None  # the year the document speaks from: its date, else its period's start
    period: tuple[int, int] | None
    goal_scopes: tuple[tuple[int, int, int], ...]


def _document_prior(tree: DocTree, text: str) -> str | None:
    """`target` for a plan, rule or notice; `actual` for news, a study or a reply.

    The kind word nearest the end of the title zone (title, first title-like lines)
    decides, as a Chinese title ends with what the document is (关于支持科学研究的若干措施
    is a 措施).
    """
    heads = [line[:40] for line in text[:400].split("\n")[:4] if not any(p in line for p in "。，；")]
    zone = "\n".join([tree.meta.title or "", *heads])
    last = {kind: max((zone.rfind(w) + len(w) for w in _CUES[words] if w in zone), default=-1)
            for kind, words in (("actual", "report_documents"), ("target", "plan_documents"))}
    if max(last.values()) >= 0:
        return max(last, key=last.get)
    return "target" if any(w in text for w in _CUES["plan_declarations"]) else None


def _goal_scopes(text: str, now: int | None) -> tuple[tuple[int, int, int], ...]:
    """A paragraph that opens with 到2026年 dates every goal up to the next heading (a year
    already past when the document was written opens no goals)."""
    heads = [m.start() for m in re.finditer(r"\n", text) if _TOP_HEADING.match(text, m.start() + 1)]
    scopes = []
    for y in _year_mentions(text):
        opening = y.start - (2 if text[max(0, y.start - 2):y.start] in ("力争", "争取") else 0)
        if y.due and (now is None or y.year >= now) and (opening == 0 or text[opening - 1] in "\n：:"):
            i = bisect.bisect_right(heads, y.start)
            scopes.append((y.start, heads[i] if i < len(heads) else len(text), y.year))
    return tuple(scopes)


def _context(tree: DocTree, text: str) -> _Context:
    doc_year = None
    if tree.meta.date and _DOC_YEAR.match(tree.meta.date):
        doc_year = int(tree.meta.date[:4])
    period = tree.meta.period
    if period is None:
        m = _PERIOD.search(text, 0, 2000)
        period = (int(m.group(1)), int(m.group(2))) if m else None
    now = doc_year or (period[0] if period else None)
    return _Context(_document_prior(tree, text), now, period, _goal_scopes(text, now))


def _nearest_cue(prefix: str, words: list[str]) -> int:
    """Position just after the last cue word in `prefix`, -1 when there is none."""
    return max((prefix.rfind(w) + len(w) for w in words if w in prefix), default=-1)


_TARGET_STRONG = _CUES["target_strong"]
_ACTUAL_STRONG = _CUES["actual_strong"]
_TARGET_WEAK = _CUES["target_weak"]
_ACTUAL_WEAK = _CUES["actual_weak"]
_ANNUAL = _CUES["annual"]
_CHAIN = ("、", "和", "及", "以及")


@dataclass(frozen=True)
class _YearMention:
    """A year that dates a statement: `due` for 到2026年 / 2025年底前 / “十四五”末,
    `as_of` for 截至2024年; neither for a plain 2024年."""

    start: int
    end: int
    year: int
    due: bool
    as_of: bool


def _year_mentions(text: str) -> list[_YearMention]:
    """Years that date a statement, in order: not a range end, not 以来, not a base year
    (较2020年增长), not a cited title's."""
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
        n = "一二三四五六七八九".index(m.group("n")) + 1
        out.append(_YearMention(m.start(), m.end(), 2005 + 5 * n, True, False))
    return sorted(out, key=lambda y: y.end)


def _kind_and_year(prefix: str, ctx: _Context, start: int) -> tuple[str, int | None, bool]:
    """Target or actual, the year, and whether the figure is annual (每年 nearer than any
    dated or 三年内 phrase), from the sentence before a figure and the document."""
    years = _year_mentions(prefix)
    last = years[-1] if years else None
    now = ctx.now
    if last is not None and now and last.due and last.year < now:
        last = replace(last, due=False)  # “十三五”期间 in a 2022 plan: a past period reported
    scope_year = next((y for s, e, y in ctx.goal_scopes if s <= start < e), None)
    within = None
    for m in _WITHIN_YEARS.finditer(prefix):
        within = m
    dated = max(last.end if last else -1, within.end() if within else -1)
    annual = _nearest_cue(prefix, _ANNUAL) > dated
    strong_t, strong_a = _nearest_cue(prefix, _TARGET_STRONG), _nearest_cue(prefix, _ACTUAL_STRONG)
    if last is not None and last.due:
        strong_t = max(strong_t, last.end)
    if last is not None and last.as_of:
        strong_a = max(strong_a, last.end)
    if within is not None:
        strong_t = max(strong_t, within.end())
    if strong_t >= 0 or strong_a >= 0:
        kind = "target" if strong_t > strong_a else "actual"
    elif scope_year is not None:
        kind = "target"
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
    elif kind == "target" and not annual:
        year = scope_year
    elif kind == "actual" and "目前" in prefix:
        year = ctx.now
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


def _split_subject(left: str) -> tuple[str | None, str]:
    """Split a leading place or body (西咸新区, 秦创原总窗口) off the words before a figure."""
    m = _SUBJECT.match(left)
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
    measure = next((w for w in _MEASURE_NOUNS if left.endswith(w)), "")
    if measure and right.startswith("的") and len(right) > 1:
        return right[1:].rsplit("的", 1)[-1][:20] + measure  # 总规模200亿元的创投基金矩阵
    right = re.sub(r"^(?:的|以上|以下|左右|大关|关口)+", "", right).rsplit("的", 1)[-1]
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


def _clause(text: str, breaks: list[int], f: _Figure, lead_start: int,
            prev: _Figure | None, nxt: _Figure | None) -> tuple[int, int, int, bool]:
    """The figure's clause (cut at ，；。 and at the 、 between figures sharing it), where
    the words after it end (before the next figure), and whether it follows another figure
    in the same clause with no 、 between (累计投资212家企业近2亿元)."""
    k = bisect.bisect_left(breaks, f.start)
    cs = breaks[k - 1] + 1 if k else 0
    k = bisect.bisect_left(breaks, f.end)
    ce = right_end = breaks[k] if k < len(breaks) else len(text)
    follows = prev is not None and prev.end > cs
    if follows:
        cut = text.rfind("、", prev.end, lead_start)
        cs = cut + 1 if cut >= 0 else prev.end
        follows = cut < 0
    if nxt is not None and nxt.start < ce:
        right_end = _comparator_before(text, nxt.start)[1]
        cut = text.find("、", f.end, nxt.start)
        ce = cut if cut >= 0 else ce
    return cs, ce, right_end, follows


def _quantities_in_text(tree: DocTree, view: _View, ctx: _Context) -> list[Quantity]:
    """Every figure written in running text (tables' own figures come from `tree.tables`)."""
    text = view.text
    figures = find_figures(text)
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
        kind, year, annual = _kind_and_year(text[ss:f.start], ctx, f.start)
        comparator = f.comparator
        subject, left = _split_subject(_clean_left(text[cs:lead_start]))
        if follows:  # 累计投资212家企业近2亿元: the second figure shares the first one's verb
            left = lefts[-1] + left
        metric = _metric(left, text[f.end:min(ce, right_end)])
        same_sentence = out and ss == last_sentence
        if same_sentence and text[prev.end:lead_start] in _CHAIN:
            # 分别达到8500家、4000家: a listed figure shares its head's reading
            head = out[-1]
            kind, year, annual = head.kind, head.year, head.annual
            comparator = head.comparator if comparator == "=" else comparator
        if not metric and same_sentence:  # 已投资256个项目、2.39亿元
            metric = out[-1].metric if f.unit == out[-1].unit else lefts[-1] or out[-1].metric
        if _GROWTH.match(metric) and ss in previous_metric:
            metric = previous_metric[ss] + metric  # 地区生产总值941.2亿元，同比增长5.4%
        elif not _GROWTH_WORD.search(metric):
            previous_metric[ss] = metric
        if subject:
            subjects[ss] = subject
        start, end = view.offsets[cs], view.offsets[ce - 1] + 1
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
_HEADER_CELL = re.compile("^(?:序号|%s|(?:19|20)\\d{2}年.{0,6}|属性|指标属性|类型|备注)$" % "|".join(
    _longest_first(w for ws in _TABLE_HEADERS.values() for w in ws)))
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
    ctx = _context(tree, view.text)
    found = _quantities_in_text(tree, view, ctx)
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
