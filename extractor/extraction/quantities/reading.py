"""Reading a figure in its sentence: target or actual, its year, whether it is annual, the
metric it measures, its subject and programme, and its clause as evidence (view offsets)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from extractor.extraction.quantities.context import Context, Scope
from extractor.extraction.quantities.figures import Figure, comparator_before
from extractor.extraction.quantities.words import cues, measure_nouns, metric_verbs, reach_words, words_backwards, years
from extractor.extraction.quantities.years import YearMention, holds_window, last_window, year_mentions
from extractor.lexicons import alternation, cached
from extractor.model import DocTree, Kind, Quantity
from extractor.text import View
from extractor.text.numerals import parse_numeral
from extractor.text.paragraphs import BULLETS

_PREPOSITION = re.compile(r"^(?:在|与|围绕|聚焦|向|对|从|为|由|经|于|以|把|将|同)+")
_PREPOSITION_INSIDE = re.compile(r"[在与对向从把将同占]")  # 占: X占全市…的比重 is a share, not a subject
_CLAUSE_BREAKS = re.compile(r"[，,；;。！？!?：:\n|%s]" % BULLETS)
_SENTENCE_BREAKS = re.compile(r"[。！？!?\n|①-⑳%s]" % BULLETS)
# 增加值 (value added, 第一产业增加值) names a measure, not a rise
_GROWTH = re.compile(r"^(?:同比|环比|年均|(?:比|较|相比|与)[^，,。；;]{0,12}?)?(?:增长|下降|提高|减少|增加(?!值)|上升|降低)")
_GROWTH_WORD = re.compile(r"增长|下降|提高|减少|增加(?!值)|上升|降低")
_ANNEX = re.compile(r"附[件表]\d")
_LEAD_NOISE = re.compile(
    r"^(?:(?:到|至|截至|截止|预计)?(?:19|20)\d{2}年(?:底前|以前|前|底|末|初)?|(?:未来|用)?[一二两三四五六七八九十\d]+年(?:内|间|时间|以来|来)?"
    r"|\d{1,2}(?:[-—~至]\d{1,2})?月(?:份|末|底)?|[一二三四]季度|前三季度|上半年|下半年"
    r"|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[（(]"  # an item's mark: （一）从两处以上…
    r"|[①-⑳]|\d{1,2}[.、](?!\d)|其中|同时|并且|并|以及|和|及|另外|此外|目前|当前|已经|已|累计|先后|共计|全年|每年度|每年|年均|力争|争取|预计|确保|实现|分别|还|也|均|将|为|或|且)+")
_ENUMERATOR = re.compile(r"(?:\d{1,2}[、.．](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[①-⑳%s])+" % BULLETS)
# compiled here, not at each call: a call of re.sub(str, …) looks the pattern up in re's cache,
# which costs as much as the short match itself
_BRACKET = re.compile(r"[（(]")
_AFTER_NOISE = re.compile(r"^(?:的|以上|以下|左右|大关|关口|规模|新台阶|台阶|新高)+")
_PARTICLES = ("的", "等", "且", "并", "或", "和")
# 和 joins the next figure's words (…集群和6个…); 总和 is a sum
_TRAIL_PARTICLE = re.compile("(?:%s)$" % "|".join("(?<!总)和" if p == "和" else p for p in _PARTICLES))
_QUOTED = re.compile(r"“([^”]{2,16})”")
_DIGIT = re.compile(r"\d")
_LINE_BREAK = re.compile(r"\s*[\n\f]\s*")
_TRAIL_WORDS = ("首次", "再次", "分别", "累计", "已经", "已", "为", "的", "将", "均", "总计", "合计", "共", "了", "仅用",
                "仅", "就", "还", "也", "达", "到")
# 均 (all: 两项指标均为…) but not the 均 of 平均, 人均, 年均 … (城镇调查失业率平均为5.1%: the average)
_TRAIL_NOISE = re.compile("(?:%s)+$" % "|".join("(?<![平人年户亩日月])均" if w == "均" else w for w in _TRAIL_WORDS))
_DONE = "完成"  # after a measure it names nothing (工业增加值完成40653万元)


def _joined_lines(text: str) -> str:
    """`text` with its line and page breaks (and the spaces around them) taken out."""
    # the pattern opens with \s*, so re tries it at every place: most clauses hold no break
    return _LINE_BREAK.sub("", text) if "\n" in text or "\f" in text else text


def _nearest_cue(prefix: str, *lists: str) -> int:
    """Position just after the last word of the cue `lists` in `prefix`, -1 when there is none."""
    m = words_backwards(cues, *lists).search(prefix[::-1])
    return len(prefix) - m.start() if m else -1


_CHAIN = ("、", "和", "及", "以及")
_GOAL_AFTER = re.compile(r"的?(?:预期|年度|规划|既定|发展|主要)?目标")
_BREAKDOWN = ("其中，", "其中,", "其中：", "其中:")  # a sentence that breaks down the figure before it


@cached
def _no_strong_cue() -> re.Pattern[str]:
    """Words that hold a strong cue and are none: a comparison's base (比上年增长) and a body's
    name (最高人民法院 holds the cap word 最高)."""
    return re.compile(alternation(cues()["comparisons"] + cues()["cue_names"]))


class _Dating(NamedTuple):  # a tuple, not a frozen dataclass: built once per figure, it costs a third
    """What the sentence before a figure says about its time: its last dating year, a 三年内
    window, whether it is annual, and the scope (goal paragraph, headed section) it sits in."""

    last: YearMention | None
    within: re.Match[str] | None
    annual: bool
    scope: Scope | None


# the base of a share, 上年度补贴额的(20%), its year dates the base, not the figure; such a
# prefix ends with 的, and only then is the pattern tried
_SHARE_BASE_YEAR = re.compile(r"(?:上一?年度?|去年|前一?年度?)(?=[^，。；：,;:\d]{0,24}的$)")
# or of a comparison, 可高于上年度补贴额: the comparison word opens the match (not a look-behind), so
# the regex scans for its first characters at C speed instead of trying every place
_COMPARED_BASE_YEAR = re.compile(r"(?:高于|低于|超过|少于|多于|超出)(?P<base>上一?年度?|去年)")


def _dotted(m: re.Match[str], group: str | int = 0) -> str:
    """A match with its `group` (the whole of it by default) written as as many dots."""
    return m.group()[:m.start(group) - m.start()] + "·" * len(m.group(group))


def _masked_base_years(prefix: str) -> str:
    """`prefix` with the years of a share's or a comparison's base dotted out."""
    if prefix.endswith(("的", "的\n")):
        prefix = _SHARE_BASE_YEAR.sub(_dotted, prefix)
    return _COMPARED_BASE_YEAR.sub(lambda m: _dotted(m, "base"), prefix)


# 2012年起5年内: a window counted from a year is due in its last year (2016)
_FROM_YEAR_WITHIN = re.compile(r"(?P<y>(?:19|20)\d{2})年(?:起|开始|以后)[，,]?(?:用|在)?"
                               r"(?P<n>[一二两三四五六七八九十]|\d{1,2})年(?:内|时间|间)")


def _counted_window(prefix: str) -> YearMention | None:
    found = None
    for m in _FROM_YEAR_WITHIN.finditer(prefix):
        found = m
    n = parse_numeral(found.group("n")) if found else None
    if not found or not n:
        return None
    return YearMention(found.start(), found.end(), int(found.group("y")) + int(n[0]) - 1, True, False)


def _dating(prefix: str, ctx: Context, start: int) -> _Dating:
    # every year and 三年内 window holds 年, a “十四五” period 五: most prefixes hold neither
    windowed = holds_window(prefix)  # a 三年内 window, counted from a year or not
    found = year_mentions(prefix, ctx.now) if "年" in prefix or "五" in prefix else []
    window = _counted_window(prefix) if windowed else None
    if window is not None:
        found = [y for y in found if y.end <= window.start] + [window]
    last = found[-1] if found else None
    if last is not None and ctx.now and last.due and last.year < ctx.now:
        last = replace(last, due=False)  # “十三五”期间 in a 2022 plan: a past period reported
    scope = next((c for c in ctx.scopes if c.start <= start < c.end), None)
    within = last_window(prefix, window.end if window else 0) if windowed else None
    dated = max(last.end if last else -1, within.end() if within else -1)
    return _Dating(last, within, _nearest_cue(prefix, "annual") > dated, scope)


def _strong_cues(prefix: str, ctx: Context, d: _Dating) -> tuple[int, int]:
    """Where the last strong target cue and the last strong actual cue end (-1: none)."""
    # 比上年增长 names the base a figure is compared with, not its kind: an actual in a
    # bulletin, a target in a plan (今年…比上年增长5%); its 上年 is no cue of its own
    masked = _no_strong_cue().sub(_dotted, prefix)
    strong_t, strong_a = _nearest_cue(masked, "target_strong"), _nearest_cue(masked, "actual_strong")
    past = d.last is not None and ctx.now is not None and d.last.year < ctx.now
    if strong_t >= 0 and strong_t == _nearest_cue(prefix, "estimates") and (
            past or d.scope and d.scope.kind == "actual"):
        strong_t = -1  # 预计全省地区生产总值增长6%左右 under 2024年成绩单: a year past, estimated
    if d.last is not None and d.last.due:
        strong_t = max(strong_t, d.last.end)
    if d.last is not None and d.last.as_of:
        strong_a = max(strong_a, d.last.end)
    if d.within is not None:
        strong_t = max(strong_t, d.within.end())
    return strong_t, strong_a


def _weak_kind(prefix: str, ctx: Context, d: _Dating) -> Kind:
    """The kind where no strong cue speaks: a dated year against the document's, weak cues, the prior."""
    if d.last is not None and ctx.now and d.last.year != ctx.now:
        return "actual" if d.last.year < ctx.now else "target"
    weak_t = _nearest_cue(prefix, "target_weak")
    weak_a = _nearest_cue(prefix, "actual_weak", "comparisons")
    if weak_t >= 0 or weak_a >= 0:
        return "target" if weak_t > weak_a else "actual"
    return ctx.prior or "actual"


def _kind(prefix: str, ctx: Context, d: _Dating, whole: Quantity | None) -> Kind:
    strong_t, strong_a = _strong_cues(prefix, ctx, d)
    if strong_t >= 0 or strong_a >= 0:
        return "target" if strong_t > strong_a else "actual"
    if whole is not None and d.last is None:
        return whole.kind
    if d.scope is not None:
        return d.scope.kind
    return _weak_kind(prefix, ctx, d)


def _year(kind: str, prefix: str, ctx: Context, d: _Dating, whole: Quantity | None) -> int | None:
    """The year a figure is due (a target) or describes (an actual)."""
    if d.last is not None:
        return d.last.year
    if not d.annual:  # a yearly figure is due every year, not in one
        if kind == "target" and d.within is not None:
            return _within_year(d.within.group("n"), ctx)
        if whole is not None and whole.kind == kind:
            return whole.year
        if d.scope is not None and d.scope.kind == kind and d.scope.year is not None:
            return d.scope.year  # a section naming no year (一、主要工作成效) takes the document's
    if kind == "actual" and "目前" in prefix:
        return ctx.now
    if d.annual:
        return None
    if kind == "target" and ctx.target_year is None and any(w in prefix for w in years()["this_year_words"]):
        return ctx.now  # 全年新增光伏装机5万千瓦以上: due in the year the policy is for
    return ctx.actual_year if kind == "actual" else ctx.target_year


def _kind_and_year(prefix: str, ctx: Context, start: int,
                   whole: Quantity | None = None) -> tuple[Kind, int | None, bool]:
    """Target or actual, the year, and whether the figure is annual (每年 nearer than any
    dated or 三年内 phrase), from the sentence before a figure and the document; a sentence
    opening with 其中 breaks down the figure before it (`whole`) and shares its reading."""
    if "年" in prefix:  # every base year holds 年; scanning for one is slow (a look-behind)
        prefix = _masked_base_years(prefix)
    d = _dating(prefix, ctx, start)
    kind = _kind(prefix, ctx, d, whole)
    return kind, _year(kind, prefix, ctx, d, whole), d.annual


def _within_year(n: str, ctx: Context) -> int | None:
    """Due year of 三年内: the end of the plan's period when the window spans it, else the
    document's year + n − 1, else the period's end."""
    parsed = parse_numeral(n)
    years = int(parsed[0]) if parsed else None
    if ctx.period and (years is None or ctx.period[1] - ctx.period[0] + 1 == years or not ctx.now):
        return ctx.period[1]
    if ctx.now and years:
        return ctx.now + years - 1
    return None


# （以下简称全省补贴范围）: a note on a name, not the measured thing; （技术） may be part of the name
# a bracketed note (（以下简称…）) or a footnote mark (地区生产总值[2]): no part of what is measured
_NOTE = re.compile(r"[（(](?:以下简称|以下统称|以下称|简称|下同|含|包括)[^（()）]*[)）]|\[\d{1,2}\]")


def _clean_left(left: str) -> str:
    # a note opens with a bracket: most texts hold none, and sub would scan them all the same
    if "（" in left or "(" in left or "[" in left:
        left = _NOTE.sub("", left)
    return _stripped(_opening_cut(_LEAD_NOISE, left), _TRAIL_NOISE, _TRAIL_WORDS)


def _opening_cut(opening: re.Pattern[str], text: str) -> str:
    """`text` less the match of `opening` (a pattern ^(?:…)+) at its start: one match at 0,
    where `sub` would try the anchored pattern at every place of the text."""
    m = opening.match(text)
    return text[m.end():] if m else text


def _stripped(text: str, tail: re.Pattern[str], last: tuple[str, ...]) -> str:
    """`text` less the run of `tail` (a pattern (?:…)+$) that ends it; `last`: what such a run
    can end with. The regex tries the run at every place with backtracking (~15 µs on 40
    characters), so the cheap test of the end goes first: most texts end in none of them."""
    return tail.sub("", text) if text.endswith(last) else text


def _split_subject(left: str, subject: re.Pattern[str]) -> tuple[str | None, str]:
    """Split a leading place or body (西咸新区, 秦创原总窗口) off the words before a figure."""
    m = subject.match(left)
    if not m or not left[m.end():] or left[m.end()] in "、和或及与" or m.group(0).startswith(metric_verbs()):
        return None, left
    name = _opening_cut(_PREPOSITION, m.group(0))
    if len(name) < 2 or _PREPOSITION_INSIDE.search(name):
        return None, left
    return name, _clean_left(left[m.end():])


def _ending(text: str, words: tuple[str, ...]) -> str:
    """The longest of `words` (given longest first) that `text` ends with, "" for none."""
    if not text.endswith(words):  # one C-speed test: most texts end with none of them
        return ""
    return next(w for w in words if text.endswith(w))


_PER = "人家户个项年月次台套亩名位"  # 每家, 每人: a grant counted per recipient


@cached
def _grant_tail() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Grant words ending a text (给予每家), and what they can end with (see `_stripped`)."""
    words = cues()["grant_words"]
    return re.compile(rf"(?:{alternation(words)}|每[{_PER}]+)+$"), (*words, *_PER)


def _metric(left: str, right: str) -> str:
    """A short noun phrase naming what is measured, in the document's words.

    The words after the figure name the counted thing when there are any (head noun after
    the last 的); otherwise the words before it do (技术合同交易额突破500亿元). Words that
    only grant the sum (给予每家) name nothing: the words after it do.
    """
    right = _BRACKET.split(right.lstrip("）)"), 1)[0]  # a bracket adds a note (其中抽水蓄能…)
    measure = _ending(left, measure_nouns())
    verbs = metric_verbs()
    owner = left[: len(left) - len(measure)]
    if measure and right.startswith("的") and len(right) > 1 and (not owner or owner in verbs):
        return right[1:].rsplit("的", 1)[-1][:20] + measure  # 总规模200亿元的创投基金矩阵
    right = _opening_cut(_AFTER_NOISE, right)  # 超过五千亿规模: 规模 names nothing
    if right.startswith(("、", "或", "和", "及", "与")):
        right = ""  # 持股比例达25%以上或员工人数比例…: the words after belong to the next figure
    right = _stripped(right.rsplit("的", 1)[-1][:24], _TRAIL_PARTICLE, _PARTICLES)
    grant = _grant_tail()
    if not _stripped(right, *grant):
        right = ""  # 按…的15%安排: a grant verb after the figure names nothing
    core = _stripped(left, *grant)
    if not right:
        if left.endswith(_DONE) and len(left) > len(_DONE):
            left = left[:-len(_DONE)]  # 工业增加值完成40653万元: the 增加值 is measured (完成14天隔离 keeps it)
        return left[-20:].lstrip("”’）)、，,")  # a cut name keeps no half of a quote or bracket
    if not core:
        return right
    verb = _ending(left, verbs)
    return left + right if len(left) <= 6 else verb + right


class _Marks(NamedTuple):
    """The places of one kind of mark (`pattern`) in a view, found on demand around a figure.

    Each look-up is one regex search from the figure, forward in the text or backward in the
    text written backwards (`backward`): a figure's clause is a few dozen characters, while
    listing every mark of the lines that hold figures made a match object per mark.
    """

    pattern: re.Pattern[str]
    text: str
    backward: str  # `text[::-1]`

    def before(self, pos: int) -> int:
        """The last mark before `pos`, -1 when there is none."""
        m = self.pattern.search(self.backward, len(self.text) - pos)
        return len(self.text) - 1 - m.start() if m else -1

    def after(self, pos: int) -> int:
        """The first mark at or after `pos`, the text's length when there is none."""
        m = self.pattern.search(self.text, pos)
        return m.start() if m else len(self.text)


def _programme(clause: str) -> str | None:
    """A quoted scheme name in the figure's clause (“先使用后付费”试点项目)."""
    m = _QUOTED.search(clause)
    return m.group(1) if m and not _DIGIT.search(m.group(1)) else None


def _open_bracket(text: str, start: int, end: int) -> int:
    """Where a bracket opened in [start, end) and still open at `end` is, -1 when none is."""
    at = max(text.rfind("（", start, end), text.rfind("(", start, end))
    return at if at >= 0 and max(text.find("）", at, end), text.find(")", at, end)) < 0 else -1


def _clause(text: str, breaks: _Marks, f: Figure, lead_start: int,
            prev: Figure | None, nxt: Figure | None) -> tuple[int, int, int, bool]:
    """The figure's clause (cut at ，；。 and at the 、 or bracket between figures sharing it), where
    the words after it end (before the next figure), and whether it follows another figure
    in the same clause with no 、 between (累计投资212家企业近2亿元)."""
    cs = breaks.before(f.start) + 1
    ce = right_end = breaks.after(f.end)
    follows = False
    if prev is not None and prev.end > cs:
        cut = max(text.rfind("、", prev.end, lead_start), _open_bracket(text, prev.end, lead_start))
        cs = cut + 1 if cut >= 0 else prev.end
        follows = cut < 0
    if nxt is not None and nxt.start < ce:
        right_end = comparator_before(text, nxt.start)[1]
        marks = "、（()）" if cs and text[cs - 1] in "（(" else "、（("  # a note in brackets ends at its bracket
        cut = min((i for i in (text.find(c, f.end, nxt.start) for c in marks) if i >= 0), default=-1)
        ce = cut if cut >= 0 else ce
    return cs, ce, right_end, follows


class _Place(NamedTuple):  # a tuple, as `_Dating`
    """Where a figure stands (view offsets): its clause [cs, ce), where the words after it end,
    the start of its sentence and of its comparator word, and whether it follows another
    figure in its clause with no 、 between."""

    cs: int
    ce: int
    right_end: int
    ss: int
    lead_start: int
    follows: bool


@dataclass
class _Memory:
    """What the reading of earlier figures leaves for later ones in the same sentence."""

    out: list[Quantity] = field(default_factory=list)
    lefts: list[str] = field(default_factory=list)  # the cleaned words before each figure read
    subjects: dict[int, str] = field(default_factory=dict)  # sentence start -> its subject so far
    metrics: dict[int, str] = field(default_factory=dict)  # sentence start -> its last level metric
    prev: Figure | None = None
    last_sentence: int = -1


def _place(text: str, breaks: tuple[_Marks, _Marks], f: Figure, prev: Figure | None,
           nxt: Figure | None) -> _Place:
    _, lead_start = comparator_before(text, f.start)
    cs, ce, right_end, follows = _clause(text, breaks[0], f, lead_start, prev, nxt)
    return _Place(cs, ce, right_end, breaks[1].before(f.start) + 1, lead_start, follows)


def _states_a_goal(before: str) -> bool:
    """A heading that states how a measure grows or what it reaches (a target list's
    （一）地区生产总值增长7%以上), where a heading's count (（一）四个特色定位) or span
    (（一）采样前7天内旅游史) names what follows."""
    return _GROWTH_WORD.search(before) is not None or any(word in before for word in reach_words())


def _names_no_measure(text: str, f: Figure, at: _Place, ctx: Context) -> str | None:
    """Why a figure in running text measures nothing: a heading's or an annex title's count."""
    line_start = text.rfind("\n", 0, f.start) + 1
    if at.cs == line_start and line_start in ctx.top_lines and not _states_a_goal(text[line_start:f.start]):
        return "a heading's count (（一）四个特色定位) describes, it does not measure"
    if _ANNEX.search(text, max(at.cs - 12, line_start), f.start):
        return "an annex title (附件2 已批复的12个示范区概况) names, it does not measure"
    return None


def _metric_here(text: str, clause_breaks: _Marks, f: Figure, at: _Place, left: str, mem: _Memory) -> str:
    """The figure's metric, borrowed from the figure or clause before when its own words name none."""
    metric = _metric(left, text[f.end:min(at.ce, at.right_end)])
    if not metric and mem.out and at.ss == mem.last_sentence:  # 已投资256个项目、2.39亿元
        metric = mem.out[-1].metric if f.unit == mem.out[-1].unit else mem.lefts[-1] or mem.out[-1].metric
    if not metric and at.cs - 1 > at.ss:  # 给予一次性补助，最高不超过50万元: the clause before names it
        metric = _clean_left(text[max(at.ss, clause_breaks.before(at.cs - 1) + 1):at.cs - 1])[-20:]
    if _GROWTH.match(metric) and at.ss in mem.metrics:
        metric = mem.metrics[at.ss] + metric  # 地区生产总值941.2亿元，同比增长5.4%
    elif not _GROWTH_WORD.search(metric):
        mem.metrics[at.ss] = metric
    return metric


def _read_one(tree: DocTree, view: View, clause_breaks: _Marks, f: Figure, at: _Place, ctx: Context,
              mem: _Memory) -> Quantity:
    """One figure of running text read in its sentence, the memory updated for the next."""
    text = view.text
    whole = mem.out[-1] if mem.out and text.startswith(_BREAKDOWN, at.ss) else None
    kind, year, annual = _kind_and_year(text[at.ss:f.start], ctx, f.start, whole)
    if _GOAL_AFTER.match(text, f.end):
        kind = "target"  # 超额完成规划提出的12件的预期目标: the figure names a goal
    comparator = f.comparator
    subject, left = _split_subject(_clean_left(text[at.cs:at.lead_start]), ctx.subject)
    if at.follows:  # 累计投资212家企业近2亿元: the second figure shares the first one's verb
        left = mem.lefts[-1] + left
    metric = _metric_here(text, clause_breaks, f, at, left, mem)
    listed = (mem.prev is not None and bool(mem.out) and at.ss == mem.last_sentence
              and text[mem.prev.end:at.lead_start] in _CHAIN)
    if listed:  # 分别达到8500家、4000家: a listed figure shares its head's reading and clause
        head = mem.out[-1]
        kind, year, annual = head.kind, head.year, head.annual
        comparator = head.comparator if comparator == "=" else comparator
    if subject:
        mem.subjects[at.ss] = subject
    enumerator = _ENUMERATOR.match(text, at.cs, f.start)
    start, end = view.offsets[enumerator.end() if enumerator else at.cs], view.offsets[at.ce - 1] + 1
    if listed:
        start = mem.out[-1].span[0]
    q = Quantity(
        id="", kind=kind, metric=metric, value=f.value, unit=f.unit, comparator=comparator,
        evidence=_joined_lines(tree.text[start:end]), span=(start, end),
        value_max=f.value_max, year=year, annual=annual, subject=mem.subjects.get(at.ss),
        programme=_programme(text[at.cs:at.ce]))
    mem.out.append(q)
    mem.lefts.append(left)
    mem.prev, mem.last_sentence = f, at.ss
    return q


def read_in_text(tree: DocTree, view: View, figures: list[Figure],
                 ctx: Context) -> list[tuple[Figure, Quantity | str]]:
    """Every figure of running text read in its sentence, or the reason it measures nothing
    (tables' own figures come from `tree.tables`)."""
    text = view.text
    backward = text[::-1]
    breaks = (_Marks(_CLAUSE_BREAKS, text, backward), _Marks(_SENTENCE_BREAKS, text, backward))
    mem = _Memory()
    out: list[tuple[Figure, Quantity | str]] = []
    for i, f in enumerate(figures):
        at = _place(text, breaks, f, mem.prev, figures[i + 1] if i + 1 < len(figures) else None)
        reason = _names_no_measure(text, f, at, ctx)
        out.append((f, reason if reason else _read_one(tree, view, breaks[0], f, at, ctx, mem)))
    return out
