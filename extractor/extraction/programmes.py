"""Programmes: named initiatives (reforms, funds, plans, mechanisms, layouts, packages, events,
platforms, designations, strategies).

The finder reads a view of the text with line breaks and spaces removed (PDF text breaks
names anywhere; offsets map back) but table cells and runs of digits kept apart. It proposes
candidates several ways, then runs named filters over each, first the ones that read the
candidate alone, then the ones that need the whole document (`explain` shows every decision;
`find_programmes` keeps the accepted ones):

- Quoted terms “…” are programmes by their shape (numeric abbreviations 一总两带 三项改革,
  spelled-out layouts 一淀、三带、九片, sequence rules 先入区、后检测, formulas “1+N”, scheme
  endings 青禾计划 链长制 枫桥经验 八八战略, nationwide names) or by a cue in their context (a
  scheme noun after the quote: “校招企用”引才用才模式; quotes closed by 等…机制/模式; an
  implementing verb before: 推行“…”). A short numeral form (“双中心”) needs a cue or a second
  mention, and so does a numeric form after a verb of upholding (发挥“三个作用”). A name that
  qualifies once qualifies everywhere; emphasis and metaphor (“卡脖子”“书架”) and schedules
  never do.
- Unquoted names end in a programme head (基金 计划 工程 行动 改革 试点城市 博览会 论坛 …) after a
  specific modifier, cut at the nearest particle, number or verb on its left, and past the
  clause words (筹办好, 不得随意) that start no name; a modifier of generic words only (创新 科技
  产业 …) names nothing, a verb right before an object head makes it that verb's object
  (开展试点, 深化改革), and heads that end common nouns (平台 战略 基地) need an anchor (国家 省级 …),
  a nationwide name (乡村振兴战略), an implementing verb (实施…战略) or the document's brand. A
  platform or system is named by its domain and its function (农机化信息服务管理平台); one with a
  generic domain or a single function word (公共服务平台, 在线交易平台) is not.
- Nationwide names known by name (一带一路, 放管服, 保交楼, 12345热线), four-character formulas
  after an implementing verb (推进优机优补), an unquoted list after an implementing verb closed by
  等 and a scheme noun (one scheme per item), campaigns named by place (美丽平潭, 建设健康中国), and
  defined short forms (秦创原总窗口（以下简称“总窗口”）, an alias; not a body or a class of actors),
  and names grouped under the head they share (A孵化基地、B总部基地（以下统称“基地”）).
- Forms of one programme (职务科技成果“三项改革”, 秦创原春种基金, 秦创原平台, 乡村振兴 and
  乡村振兴战略) fold into one entry.

All word lists live in ``resources/programme_cues.json``; organisation heads (which end a
body, not a programme) come from the organisation head table through `_body_heads`.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extractor import text as text_layer
from extractor.extraction.candidates import Candidate, Decision, NamedFilter, judge, named
from extractor.extraction.organisations.vocabulary import heads
from extractor.lexicons import alternation, cached, load_json
from extractor.model import DocTree, Programme, Span
from extractor.text import View
from extractor.segment import tagger

FAMILY = "programmes"

_QUOTED = re.compile(r"[“「\"]([^“”「」\"]{1,40})[”」\"]")
_QUOTES = re.compile(r"[“”「」]")
_REACH = 20  # the longest modifier a name may have (成都市城市社区嵌入式服务设施建设 is 16)
_BARE_REACH = 15  # the longest one bounded by punctuation alone
_LINE_MODIFIER = 4  # the shortest one bounded by a line start alone (not 序号 in a table head)
_LIST_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{2,8}、){2,}[\u4e00-\u9fff]{2,8}[和及与、]$")
_CHINESE_RUN = re.compile(r"[\u4e00-\u9fff]+")
_ITEM = r"[\u4e00-\u9fff]{4,12}"  # one item of an unquoted list of schemes
_LIST_JOINT = re.compile(r"[、和及]")
_QUOTE_GAP = re.compile(r"[、和及与]?$")
_SENTENCE = re.compile(r"[，。；：！？!?;\t]")
_CHINESE_NUMERAL = "一二三四五六七八九十两双百千万多"
# One unit of a numeric abbreviation: numeral (+ measure word) + a short noun (三池, 四大工程, 十个聚焦).
_UNIT = rf"[{_CHINESE_NUMERAL}]+[个大项条类]?[\u4e00-\u9fff]{{1,2}}?"
_NUMERIC_MULTI = re.compile(rf"(?:{_UNIT}){{2,4}}[\u4e00-\u9fff]{{0,2}}")
_NUMERIC_COUNTED = re.compile(rf"[{_CHINESE_NUMERAL}]+[个大项][\u4e00-\u9fff]{{2,3}}")  # 十个聚焦, 七个一体化, 四大工程
_NUMERIC_SINGLE = re.compile(rf"[{_CHINESE_NUMERAL}]+[\u4e00-\u9fff]{{1,3}}")
_NUMERIC_CODE = re.compile(r"\d{3,4}[\u4e00-\u9fff]*")  # 253优势特色产业集群, “544”产业体系
_FORMULA = re.compile(r"[\w（）()·]{1,12}(?:\+[\w（）()·]{1,12})+\+?|[\w]{1,12}\+")
# Two plain words joined by + (“创业+生活”, “线上+线下”) describe a blend; a longer formula
# (“研究院+专项公司”), one with a count or a letter (“1+N”) or an open end (“互联网+”) names a
# scheme by its form.
_WORD_BLEND = re.compile(r"[\u4e00-\u9fff]{2}\+[\u4e00-\u9fff]{2}")
_FIVE_YEAR = re.compile(r"十[一二三四五六七八九]五")
_ENUMERATION = re.compile(r"[、—–-]")
# A spatial layout spelled out item by item (一淀、三带、九片、多廊) and a sequence rule
# (先入区、后检测): named formulas by their form, like 一总两带.
_LAYOUT_ITEM = rf"[{_CHINESE_NUMERAL}][^\W\d{_CHINESE_NUMERAL}]{{1,3}}"
_LAYOUT = re.compile(rf"{_LAYOUT_ITEM}(?:、{_LAYOUT_ITEM})+")
_SEQUENCE = re.compile(r"先[\u4e00-\u9fff]{1,4}、?后[\u4e00-\u9fff]{1,4}")
_DEFINED = re.compile(r"[（(]以下简称[“「]([^”」]{1,12})[”」][）)]")
_GROUPED = re.compile(r"[（(]以下统称[“「]([^”」]{1,12})[”」][）)]")
# The bracket opens the pattern and the look back follows it: `re` then skips to brackets at once.
_INNER_BRACKETS = re.compile(r"[（(](?<=[\u4e00-\u9fff\w][（(])[^（）()一二三四五六七八九十\d]{1,6}[）)](?=[\u4e00-\u9fff]|$)")
_CITED = re.compile(r"《[^《》]{1,200}》")
_TITLE_END = re.compile(r"(?:[（(][^（）()]{1,20}[）)])?》")  # …三年行动计划（2024—2026年）》: the cited plan itself
# A section marker right before a name: the heading names a part of this document.
_MARKER_BEFORE = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]|[①-⑳])$")


@dataclass(frozen=True)
class _Cues:
    scheme_after: re.Pattern[str]
    list_after: re.Pattern[str]
    verb_before: re.Pattern[str]
    slogan_before: re.Pattern[str]
    enumeration: re.Pattern[str]
    support_list: re.Pattern[str]
    kind_words: tuple[str, ...]
    class_before: re.Pattern[str]
    count_start: re.Pattern[str]
    scheme_suffix: tuple[str, ...]
    heads: re.Pattern[str]
    generic: re.Pattern[str]
    boundary: re.Pattern[str]
    noun_after_verb: re.Pattern[str]
    particle: re.Pattern[str]
    head_not_before: re.Pattern[str]
    head_not_after: tuple[str, ...]
    department_stems: tuple[str, ...]
    anchors: tuple[str, ...]
    anchored_heads: frozenset[str]
    designation_heads: frozenset[str]
    last_head: re.Pattern[str]
    head_words: frozenset[str]
    metaphor: re.Pattern[str]
    campaign: re.Pattern[str]
    standard: frozenset[str]
    standard_re: re.Pattern[str]
    hard_boundary: re.Pattern[str]
    count_after: re.Pattern[str]
    schedule: re.Pattern[str]
    itself: re.Pattern[str]
    leading_tags: tuple[str, ...]
    object_heads: frozenset[str]
    system_heads: frozenset[str]
    campaign_words: frozenset[str]
    pair_joints: tuple[tuple[str, int], ...]
    modifier_joints: tuple[tuple[str, int], ...]
    action_tags: frozenset[str]
    actor_nouns: tuple[str, ...]
    formula: re.Pattern[str]
    verb_complements: tuple[str, ...]
    system_function: re.Pattern[str]
    function_run: re.Pattern[str]
    boundary_before: re.Pattern[str]
    nominal_verbs: frozenset[str]


def _starting(words: list[str]) -> str:
    """A lookahead that admits only the positions where one of `words` can start.

    `re` skips ahead by a pattern's first characters only when the pattern opens with them;
    one that opens with a group or a lookahead (a particle that is not 对标) tries every
    word at every character instead, and these patterns run over every name's left context.
    """
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


def _by_first_character(words: list[str]) -> str:
    """`alternation(words)` grouped by first character (建(?:设|好|立)|…): the same matches,
    but `re` tries only the words that start with the character it is at, not each of them
    in turn (the boundary words are 160 and run over every name's left context)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):  # alternation's order: longest first
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(re.escape(first) + (f"(?:{'|'.join(rests)})" if rests != [""] else "")
                    for first, rests in groups.items())


def _hard_boundary(data: dict) -> re.Pattern[str]:
    """What may stand left of an unquoted name: punctuation (an open bracket too), a number
    with its measure word, a dash pair, an article number. All but 第 are no Chinese
    character: the lookahead passes over runs of text at once."""
    measures = "".join(data["measure_words"])
    return re.compile(
        r"(?=[^\u4e00-\u9fff]|第)(?:[^\u4e00-\u9fff\w“”·—]|[①-⑳]|——|第[一二三四五六七八九十百零〇\d]+[条章节款项]"
        rf"|\d+(?:\.\d+)?[万亿千百]*[{measures}]?)")


def _formula(data: dict) -> re.Pattern[str]:
    """A four-character policy formula (优机优补, 以奖代补) right after an implementing verb."""
    pairs = "|".join(rf"{re.escape(a)}[\u4e00-\u9fff]{re.escape(b)}[\u4e00-\u9fff]" for a, b in data["formula_pairs"])
    return re.compile(rf"(?:{_by_first_character(data['cue_verbs'])})({pairs})(?![\u4e00-\u9fff])")


def _support_list(data: dict) -> re.Pattern[str]:
    """稳定实施耕地地力保护补贴、玉米大豆生产者补贴和稻谷补贴政策: after an implementing verb,
    a list whose every item ends in a head of support (补贴, 补助), each item one scheme."""
    item = rf"[^\W\d、和及与的]{{2,16}}?(?:{alternation(data['list_heads'])})"
    return re.compile(rf"(?:{_by_first_character(data['cue_verbs'])})((?:{item}[、和及])+{item})(?=政策|等|[^\u4e00-\u9fff])")


def _system_cues(data: dict) -> dict:
    """Platform and system heads, and the function words before them (信息服务管理平台)."""
    functions = alternation(data["system_functions"])
    return {"system_heads": frozenset(data["system_heads"]),
            "system_function": re.compile(rf"(?:{functions}){{2,}}$"),
            "function_run": re.compile(rf"(?:{functions})+$")}


@cached
def _cues() -> _Cues:
    """The cue lists of ``resources/programme_cues.json``, compiled once per rules folder."""
    data = load_json("programme_cues.json")
    modifier = rf"[^\W\d的a-zA-Z]{{0,{int(data['max_modifier'])}}}?"
    head = rf"(?:{_by_first_character(data['named_heads'])})"
    return _Cues(
        scheme_after=re.compile(rf"{modifier}(?:{alternation(data['scheme_nouns'])})"),
        list_after=re.compile(rf"等[^，。；“”]{{0,6}}?(?:“|{alternation(data['list_nouns'])})"),
        verb_before=re.compile(rf"(?:{alternation(data['cue_verbs'])})$"),
        slogan_before=re.compile(rf"(?:{alternation(data['slogan_verbs'])})$"),
        enumeration=re.compile(rf"(?:{_by_first_character(data['cue_verbs'])})((?:{_ITEM}、)+{_ITEM})"
                               rf"等(?:{alternation(data['enumeration_nouns'])})"),
        support_list=_support_list(data),
        kind_words=tuple(data["kind_words"]),
        class_before=re.compile(rf"(?:{alternation(data['class_words'])})$"),
        count_start=re.compile(rf"[{_CHINESE_NUMERAL}]+(?:{alternation(data['measure_words'])})"),
        scheme_suffix=tuple(data["scheme_suffixes"]),
        heads=re.compile(rf"{head}(?:(?:{alternation(data['head_glue'])})?{head})*"),
        generic=re.compile(rf"(?:{alternation(data['generic_words'])})*"),
        boundary=re.compile(_by_first_character(data["boundary_words"])),
        noun_after_verb=re.compile(alternation(data["noun_after_verb"])),
        particle=re.compile(rf"{_starting(data['particles'])}(?!{alternation(data['not_particles'])})"
                            rf"(?:{alternation(data['particles'])})"),
        head_not_before=re.compile(alternation(data["head_not_before"])),
        head_not_after=tuple(data["head_not_after"]),
        department_stems=tuple(data["department_stems"]),
        anchors=tuple(data["anchors"]),
        anchored_heads=frozenset(data["anchored_heads"]),
        designation_heads=frozenset(data["designation_heads"]),
        last_head=re.compile(rf"{head}$"),
        head_words=frozenset(data["named_heads"]),
        metaphor=re.compile(alternation(data["metaphors"] + data["slogans"])),
        campaign=re.compile(rf"{_starting(data['campaign_verbs'] + data['campaign_prefixes'])}"
                            rf"((?:{alternation(data['campaign_verbs'])})?)({alternation(data['campaign_prefixes'])})"
                            rf"([\u4e00-\u9fff]{{2}})((?:{alternation(data['campaign_verbs'])})?)"),
        campaign_words=frozenset(data["campaign_verbs"]),
        pair_joints=tuple((joint, int(size)) for joint, size in data["pair_joints"].items()),
        modifier_joints=tuple((joint, int(size)) for joint, size in data["modifier_joints"].items()),
        action_tags=frozenset(data["action_tags"]),
        actor_nouns=tuple(data["actor_nouns"]),
        verb_complements=tuple(data["verb_complements"]),
        formula=_formula(data),
        boundary_before=re.compile(rf"(?:{alternation(data['boundary_words'])})$"),
        **_system_cues(data),
        standard=frozenset(data["standard_programmes"]),
        standard_re=re.compile(_by_first_character(data["standard_programmes"])),
        hard_boundary=_hard_boundary(data),
        count_after=re.compile(alternation(data["count_nouns"])),
        schedule=re.compile(rf"(?:^|\+)\d+(?:{alternation(data['schedule_units'])})\w*\+"),
        itself=re.compile(rf"(?<!{alternation(data['self_word_compounds'])})"
                          rf"(?:{alternation(data['self_words'])})$"),
        leading_tags=tuple(data["leading_tags"]),
        object_heads=frozenset(data["object_heads"]),
        nominal_verbs=frozenset(data["nominal_verbs"]),
    )


@cached
def _body_heads() -> tuple[str, ...]:
    """Heads that end the name of a body (局, 委员会, 公司 …), from the organisation head table,
    without the heads that also end designations (``shared_heads``: 中心)."""
    shared = set(load_json("programme_cues.json")["shared_heads"])
    return tuple(head for head in heads() if head not in shared)


@dataclass(frozen=True)
class _Doc:
    """What filters read: the view, the cues, and what the whole document says (filled in
    after every candidate has passed or failed the filters that read it alone)."""

    view: View
    cues: _Cues
    title_ends: frozenset[int] = frozenset()
    qualified: frozenset[str] = frozenset()  # quoted terms with a strong form or a cue somewhere
    weak_counts: tuple[tuple[str, int], ...] = ()  # quoted numeral forms and how often they occur
    defined: frozenset[str] = frozenset()  # short forms the document defines (以下简称“X”)
    brands: tuple[str, ...] = ()  # prefixes that start several of the document's names
    quoted_names: tuple[Span, ...] = ()  # where quoted terms that name a programme stand


@dataclass(frozen=True)
class _Proposal:
    """A candidate name at `start:end` of the view, how it was found, and what was read
    about it (`strength`: 'strong', 'cue' or 'weak' for quoted terms; `forms`: other forms
    of the name at this mention; `mid`: where the head starts)."""

    doc: _Doc = field(repr=False, compare=False)
    way: str
    name: str
    start: int
    end: int
    mid: int = 0
    head: str = ""
    strength: str = ""
    forms: tuple[str, ...] = ()

    def evolve(self, **changes: object) -> _Proposal:
        """A copy with `changes`, like `dataclasses.replace` but without rebuilding every
        field through `__init__`: it runs for each candidate of a document."""
        copy = object.__new__(_Proposal)
        copy.__dict__.update(self.__dict__, **changes)
        return copy

    @property
    def modifier(self) -> str:
        return self.name[:self.mid - self.start]

    @property
    def compact(self) -> str:
        return self.doc.view.text


# --- Where a name starts -------------------------------------------------------------------

def _specific(modifier: str, cues: _Cues) -> bool:
    """Whether a modifier says which one: two characters or more, not only generic words."""
    return (len(modifier) >= 2 and cues.generic.fullmatch(modifier) is None
            and modifier.count("“") == modifier.count("”"))


def _verbs(text: str, cues: _Cues) -> Iterator[re.Match[str]]:
    """The boundary words in `text`, but for an adverb of one character that forms a
    word with the one character after it at the end (城市更新行动, 资源再生工程)."""
    return (m for m in cues.boundary.finditer(text) if len(m.group()) > 1 or len(text) - m.end() != 1)


def _floor(view: View, end: int, cues: _Cues) -> tuple[int | None, int | None]:
    """The nearest particle or punctuation left of `end` within reach, and the nearest
    punctuation alone (None when nothing bounds the window and it is not the text start).

    A short bracketed part inside a name (国际创投（基金）小镇) is not a boundary; a section
    marker （二） is. A name longer than _BARE_REACH needs a word on its left (印发, 实施,
    的): punctuation that far away more likely ends a heading run into the next line, so
    the last line start bounds it instead.
    """
    window_start = max(0, end - _REACH)
    window = _INNER_BRACKETS.sub(lambda b: "名" * len(b.group()), view.text[window_start:end])
    punctuation = max((window_start + m.end() for m in cues.hard_boundary.finditer(window)),
                      default=0 if window_start == 0 else None)
    floor = max([window_start + m.end() for m in cues.particle.finditer(window)]
                + ([punctuation] if punctuation is not None else []), default=None)
    if floor is not None and floor == punctuation and end - floor > _BARE_REACH:
        line = bisect.bisect_left(view.breaks, end - _LINE_MODIFIER + 1) - 1
        floor = view.breaks[line] if line >= 0 and view.breaks[line] > punctuation else None
    return floor, punctuation


def _name_start(view: View, end: int, cues: _Cues) -> int | None:
    """Where a name ending at `end` begins, or None when nothing bounds it within reach.

    The nearest boundary on the left wins: punctuation, a number or a particle (的, 等)
    always; a verb (实施, 建设) only when what it leaves is a name of its own, since
    引进 and 培育 in 高成长性企业引进培育工程 sit inside the name. A verb that leaves only
    generic words (参与重大工程) bounds a generic phrase: no name starts further left.
    A verb right before a noun it compounds with (服务设施) is no boundary, and an item
    joined by 、 or 与 (机关、事业单位带头…行动, 农机购置与应用补贴) may belong to the name.
    """
    compact = view.text
    window_start = max(0, end - _REACH)
    floor, punctuation = _floor(view, end, cues)
    lowest = floor if floor is not None else punctuation or 0  # no name starts left of punctuation
    window = compact[window_start:end]
    verbs = sorted((window_start + m.end() for m in _verbs(window, cues)
                    if not cues.noun_after_verb.match(window, m.end())), reverse=True)
    for cut in verbs:
        if cut < lowest:
            break
        rest = compact[cut:end]
        if _specific(rest, cues) or (rest.startswith(cues.anchors) and len(rest) >= 4):
            return cut
        if rest and not cues.boundary.search(rest):
            # The verb's object is a generic head (参与重大工程项目建设): what lies further
            # left is the clause around it, not the start of a name.
            return None
    for joints, rest_names in ((cues.pair_joints, True), (cues.modifier_joints, False)):
        longest = dict(joints).get(compact[floor - 1], 0) if floor else 0
        for size in range(longest, 1, -1):
            joined = _joined_item(compact, floor - 1, end, cues, size, rest_names=rest_names)
            if joined is not None:
                return joined
    return floor


def _joined_item(compact: str, comma: int, end: int, cues: _Cues, size: int, *, rest_names: bool) -> int | None:
    """Where an item of `size` characters ending at the joint at `comma` starts, when a
    verb, a particle or punctuation bounds it on its left and it is specific.

    Two joints keep one name: 、 after an item too short to be a name of its own, when a
    specific modifier follows up to `end` (`rest_names`: 实施机关、事业单位带头安置残疾人就业行动);
    与 between two actions on one object (实施好农机购置与应用补贴政策; 秦创原总窗口与区域科技创新中心
    are two names).
    """
    start = comma - size
    item, rest = compact[max(0, start):comma], compact[comma + 1:end]
    if (start < 0 or not _CHINESE_RUN.fullmatch(item) or cues.boundary.search(item) or not _specific(item, cues)
            or cues.particle.search(item) or item.startswith(cues.verb_complements)
            or not rest or (rest_names and not _specific(rest, cues))):
        return None
    if not rest_names and not _two_actions(item, rest, cues):
        return None
    return start if _bounded_left(compact[max(0, start - 5):start], cues) else None


def _two_actions(item: str, rest: str, cues: _Cues) -> bool:
    """农机购置与应用: the item ends in an action and the rest starts with one, both on the
    item's object; a name before 与 (秦创原总窗口) ends in a noun."""
    last, first = _last_word(item), _first_word(rest)
    return last is not None and first is not None and last[1] in cues.action_tags and first[1] in cues.action_tags


def _bounded_left(before: str, cues: _Cues) -> bool:
    """Whether punctuation, a particle or a verb ends `before`; the verb may carry its
    complement (实施好)."""
    if not before or cues.hard_boundary.fullmatch(before[-1]):
        return True
    if before.endswith(cues.verb_complements):
        before = before[:-1]
    return any(before.endswith(w.group()) for p in (cues.boundary, cues.particle) for w in p.finditer(before))


def _names_something(modifier: str, head: str, cues: _Cues) -> bool:
    """Whether modifier + head is a name: a specific modifier whose part before any
    verb inside it is specific too (设立基金 and 本市设立科学技术奖 name nothing), or an
    anchored name (国家未来产业先导区, 国家重点研发计划) whose head is not a common noun."""
    if ((head in cues.designation_heads or head not in cues.anchored_heads)
            and modifier.startswith(cues.anchors) and len(modifier) >= 4):
        return True
    if not _specific(modifier, cues) or modifier.endswith(cues.head_not_after):
        return False
    verb = next(_verbs(modifier, cues), None)
    return verb is None or _specific(modifier[:verb.start()], cues)


# --- Quoted terms ---------------------------------------------------------------------------

def _shape(term: str, cues: _Cues) -> str:
    """'strong' when a quoted term's own form names a scheme, 'weak' when it might, else ''.

    A scheme ending after generic words only names none (“民生工程”“形象工程”).
    """
    # one endswith over the whole tuple first: most terms end in no scheme suffix at all
    if term in cues.standard or term.endswith(cues.scheme_suffix) and any(
            term.endswith(suffix) and _specific(term[:-len(suffix)], cues) for suffix in cues.scheme_suffix):
        return "strong"
    if _LAYOUT.fullmatch(term) or _SEQUENCE.fullmatch(term):
        return "strong"
    if _ENUMERATION.search(term):
        return ""  # enumerations and chains need a cue (“…、…”模式)
    if _WORD_BLEND.fullmatch(term):
        return ""  # needs a cue like an enumeration: “党建+金融”模式
    if (_FORMULA.fullmatch(term) or _NUMERIC_MULTI.fullmatch(term)
            or _NUMERIC_COUNTED.fullmatch(term) or _NUMERIC_CODE.fullmatch(term)):
        return "strong"
    if _NUMERIC_SINGLE.fullmatch(term) or _FIVE_YEAR.fullmatch(term):
        return "weak"
    return ""


def _quote_marks(doc: _Doc) -> list[_Proposal]:
    return [_Proposal(doc, "quoted", m.group(1).strip(), m.start(1), m.end(1))
            for m in _QUOTED.finditer(doc.view.text)]


def _clause(p: _Proposal) -> str | None:
    return "holds sentence punctuation or a table cell boundary" if _SENTENCE.search(p.name) else None


def _metaphor(p: _Proposal) -> str | None:
    """“卡脖子技术”, “两个大局”: emphasis, imagery or a slogan (quotes taken off the name)."""
    word = p.doc.cues.metaphor.search(_QUOTED.sub("", p.name))
    return f"holds the metaphor or slogan word {word.group()}" if word else None


def _schedule(p: _Proposal) -> str | None:
    """“7天集中隔离+3天居家监测”: a schedule, not a formula."""
    return "a schedule of days" if p.doc.cues.schedule.search(p.name) else None


def _runs(passed: list[_Proposal]) -> list[list[_Proposal]]:
    """Adjacent quotes grouped into runs (“揭榜挂帅”“赛马制”等机制)."""
    runs: list[list[_Proposal]] = []
    for p in passed:
        if runs and _QUOTE_GAP.fullmatch(p.compact[runs[-1][-1].end + 1:p.start - 1]):
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _strength(p: _Proposal, listed: bool) -> tuple[str, re.Match[str] | None]:
    """How strongly a quoted term names a scheme: its own shape, or a cue around it."""
    cues, compact = p.doc.cues, p.compact
    after = compact[p.end + 1:p.end + 13]
    scheme = cues.scheme_after.match(after)
    shape = _shape(p.name, cues)
    if _FORMULA.fullmatch(p.name) and (
            cues.count_after.match(after)  # “1+8”市: a count of places
            or (after.startswith("的") and not cues.scheme_after.match(after, 1))):
        shape = ""  # “懂科技+懂产业”的科技经纪人: a description of people
    if (shape and p.name not in cues.standard and not p.name.endswith(cues.scheme_suffix)
            and cues.slogan_before.search(compact, max(0, p.start - 3), p.start - 1)):
        shape = ""  # 发挥“三个作用”: a formula to uphold
    enumerated = not shape and _ENUMERATION.search(p.name) is not None
    # An implementing verb names an enumeration too (实施“装、树、联”); a list of quotes
    # (“…、…”“…”等) does not, since slogans are listed as often as schemes.
    cue = bool(scheme) or (listed and not enumerated) or (
        cues.verb_before.search(compact[max(0, p.start - 3):p.start - 1]) is not None)
    return ("strong" if shape == "strong" or cue else shape), scheme


def _prefix_form(p: _Proposal) -> str | None:
    """职务科技成果“三项改革”: a specific prefix bound on its left is another form of the name,
    but not the last item of a list the quote sums up (创新强企、法律护企和数据知企“六位一体”)
    nor a clause that starts with a verb or adverb (巩固“九个到位”, 充分把握“三化融合”)."""
    cues, compact, mark = p.doc.cues, p.compact, p.start - 1
    start = _name_start(p.doc.view, mark, cues)
    prefix = compact[start:mark] if start is not None else ""
    if (len(prefix) >= 2 and not _QUOTES.search(prefix) and not cues.boundary.search(prefix)
            and not _LIST_BEFORE.search(compact, max(0, start - 30), start) and not _clause_word(p.doc, prefix)):
        return compact[start:p.end + 1]
    return None


def _read_quotes(passed: list[_Proposal]) -> list[_Proposal]:
    """Each quoted term with its strength and the other forms written at this mention."""
    read = []
    for run in _runs(passed):
        last = run[-1]
        listed = last.doc.cues.list_after.match(last.compact[last.end + 1:last.end + 13]) is not None
        for p in run:
            strength, scheme = _strength(p, listed)
            forms = ((f"“{p.name}”{scheme.group()}",) if scheme else ()) + tuple(filter(None, [_prefix_form(p)]))
            read.append(p.evolve(strength=strength, forms=forms))
    return read


def _uncued(p: _Proposal) -> str | None:
    """A quoted term names a programme when its form or a cue says so somewhere in the
    document, when it is a numeral form used twice, or when the document defines it."""
    doc = p.doc
    if p.name in doc.qualified or p.name in doc.defined or dict(doc.weak_counts).get(p.name, 0) >= 2:
        return None
    return "quoted, but no scheme form or cue anywhere in the document (emphasis)"


# --- Unquoted names: a specific modifier and a programme head --------------------------------

def _headed(doc: _Doc) -> list[_Proposal]:
    """Every programme head in the view, with the name that would end in it."""
    proposals = []
    for m in doc.cues.heads.finditer(doc.view.text):
        # most runs are one head: the look-up spares a search through every head word
        head = m.group() if m.group() in doc.cues.head_words else doc.cues.last_head.search(m.group()).group()
        # What a platform does is part of its head: 服务 in 信息服务管理平台 is no verb ending a name.
        run = doc.cues.function_run.search(doc.view.text, max(0, m.start() - 12), m.start()) \
            if head in doc.cues.system_heads else None
        end = run.start() if run else m.start()
        start = _name_start(doc.view, end, doc.cues)
        if run and doc.cues.boundary_before.search(doc.view.text, max(0, end - 6), end):
            start = end  # 依托办理服务系统: the verb ends the clause, the function words start the name
        if start is not None:
            start = _past_clause_words(doc, start, m.start())
        begin = m.start() if start is None else start
        proposals.append(_Proposal(doc, "headed", doc.view.text[begin:m.end()], begin, m.end(),
                                   mid=m.start(), head=head, strength="" if start is None else "bounded"))
    return proposals


@lru_cache(maxsize=1 << 10)
def _last_word(text: str) -> tuple[str, str] | None:
    """The tagger's last (word, flag) of `text`."""
    words = list(tagger().cut(text))
    return (words[-1].word, words[-1].flag) if words else None


@lru_cache(maxsize=1 << 14)
def _first_word(text: str) -> tuple[str, str] | None:
    """The tagger's first (word, flag) of `text`. Cached: the same stretches before a head
    recur across a document (a programme named twenty times), and tagging is most of the
    finder's time."""
    first = next(tagger().cut(text), None)
    return (first.word, first.flag) if first else None


def _clause_word(doc: _Doc, text: str) -> str | None:
    """The first word of `text` when it is a verb, adverb, pronoun or conjunction that
    starts a clause: a word of two characters or more (one-character words are the
    tagger's guesses inside unknown names: 临空, 自贸) and not a generic word, which starts
    names as a noun (创新人才攀登计划)."""
    first = _first_word(text)
    if first is None or first[1] not in doc.cues.leading_tags or len(first[0]) < 2 or doc.cues.generic.fullmatch(first[0]):
        return None
    return first[0]


def _past_clause_words(doc: _Doc, start: int, mid: int) -> int:
    """Where a name starts once the clause words on its left are cut off (筹办好北京冬奥会
    → 北京冬奥会), keeping two characters or more before the head; what an implementing verb
    introduces is a name as it stands (实施就业优先战略)."""
    compact = doc.view.text
    if doc.cues.verb_before.search(compact, max(0, start - 2), start):
        return start
    word = _clause_word(doc, compact[start:mid])
    while word and mid - (start + len(word)) >= 2:
        start += len(word)
        if compact.startswith(doc.cues.verb_complements, start) and mid - start > 2:
            start += 1
        word = _clause_word(doc, compact[start:mid])
    return start


def _inside_longer_name(p: _Proposal) -> str | None:
    """国际创投（基金）小镇, 工程研究中心, 基金会: the head is part of another word."""
    follower = p.doc.cues.head_not_before.match(p.compact, p.end)
    if follower or p.compact.startswith(("）", ")"), p.end):
        return f"the head runs on into {follower.group() if follower else '）'}"
    return None


def _document_itself(p: _Proposal) -> str | None:
    """本行动计划, 该基金: the document or a thing already named."""
    return "the document itself (本, 该)" if p.doc.cues.itself.search(p.compact, max(0, p.mid - 2), p.mid) else None


def _department(p: _Proposal) -> str | None:
    stems = p.doc.cues.department_stems
    return "a department (发展改革…)" if p.compact.startswith(stems, max(0, p.end - 4)) else None


def _cited_title(p: _Proposal) -> str | None:
    """…三年行动计划（2024—2026年）》: the cited plan is a citation."""
    m = _TITLE_END.match(p.compact, p.end)
    return "ends a cited title 《…》" if m is not None and m.end() in p.doc.title_ends else None


def _unbounded(p: _Proposal) -> str | None:
    return "nothing bounds a name on its left within reach" if p.strength != "bounded" else None


def _class_of_things(p: _Proposal) -> str | None:
    """组建各类海洋产业发展基金: after a word that counts kinds, the name is a kind of thing,
    not one named programme; but a designation stays one (实施一批国家现代农业产业园: several
    units of one national programme)."""
    cues = p.doc.cues
    if p.name.startswith(cues.anchors) or p.head in cues.designation_heads:
        return None
    word = cues.class_before.search(p.compact, max(0, p.start - 3), p.start)
    return f"a kind of thing after {word.group()}" if word else None


def _counted(p: _Proposal) -> str | None:
    """三十年整省试点, 两个示范区: a name never starts with a number and its measure word (the
    number belongs to the clause: 延长三十年; 第四次全国农业普查 starts with 第)."""
    count = p.doc.cues.count_start.match(p.name)
    return f"starts with the count {count.group()}" if count else None


def _section_heading(p: _Proposal) -> str | None:
    """（二）创新资源聚变行动: a heading names a part of this document."""
    return "a section heading" if _MARKER_BEFORE.search(p.compact, max(0, p.start - 6), p.start) else None


def _generic_modifier(p: _Proposal) -> str | None:
    if _names_something(p.modifier, p.head, p.doc.cues):
        return None
    return f"the modifier {p.modifier or '(none)'} names nothing specific"


def _quoted_term(p: _Proposal) -> str | None:
    """“先投后股”专项资金: the quoted pass owns a quoted term with its scheme noun."""
    return "starts with a quoted term" if p.name.startswith("“") else None


def _leading_verb(p: _Proposal) -> str | None:
    """A name never starts with a verb, adverb, pronoun or conjunction (总结试点,
    有力有序开展试点): what starts so, with too little left to cut it off, is a clause."""
    word = None if p.doc.cues.verb_before.search(p.compact, max(0, p.start - 2), p.start) \
        else _clause_word(p.doc, p.name)
    return f"starts with {word}: a clause, not a name" if word and len(word) <= len(p.modifier) else None


def _verb_object(p: _Proposal) -> str | None:
    """开展试点, 确保试点, 深化改革: a verb right before an object head takes it as its object."""
    cues = p.doc.cues
    if p.head not in cues.object_heads or not p.modifier:
        return None
    verb = next((m.group() for m in _verbs(p.modifier, cues)
                 if m.end() == len(p.modifier) and m.group() not in cues.nominal_verbs), None)
    return f"the object of the verb {verb}" if verb else None


def _named_system(p: _Proposal) -> bool:
    """农机化信息服务管理平台, 科技成果公示系统: a specific domain, then what the system does."""
    cues = p.doc.cues
    function = cues.system_function.search(p.modifier)
    return (p.head in cues.system_heads and function is not None
            and _specific(p.modifier[:function.start()], cues))


def _common_noun_head(p: _Proposal) -> str | None:
    """平台, 战略, 基地 also end common nouns: the name needs an anchor (国家, 全球 …), a
    nationwide name (乡村振兴战略), an implementing verb right before it (实施就业优先战略; not
    for a platform or system, which is implemented as a thing: 实行补贴系统常年开放), function
    words if it is a platform or system (see `_named_system`), or the document's brand."""
    cues = p.doc.cues
    if (p.head not in cues.anchored_heads or p.name.startswith(cues.anchors + p.doc.brands)
            or cues.standard_re.match(p.name)  # 乡村振兴战略: a nationwide name and its head
            or (p.head not in cues.system_heads and cues.verb_before.search(p.compact, max(0, p.start - 2), p.start))
            or _named_system(p)):
        return None
    return f"{p.head} ends common nouns: no anchor, implementing verb, function or brand"


# --- Names known nationwide, listed schemes, campaigns, defined short forms ------------------

def _standard(doc: _Doc) -> list[_Proposal]:
    """一带一路, 放管服 …: nationwide names need no cue."""
    return [_Proposal(doc, "standard", m.group(), m.start(), m.end())
            for m in doc.cues.standard_re.finditer(doc.view.text)]


def _inside_quoted_name(p: _Proposal) -> str | None:
    """“互联网+农机作业”: a nationwide name inside a longer quoted name is part of it (an
    item of a quoted enumeration, “一站通兑、一网通办”, stays a name of its own)."""
    inside = any(start <= p.start and p.end <= end and end - start > p.end - p.start
                 for start, end in p.doc.quoted_names)
    return "part of a longer quoted name" if inside else None


def _formulas(doc: _Doc) -> list[_Proposal]:
    """推进优机优补, 实行以奖代补: a four-character policy formula after an implementing verb."""
    return [_Proposal(doc, "formula", m.group(1), m.start(1), m.end(1))
            for m in doc.cues.formula.finditer(doc.view.text)]


def _listed(doc: _Doc) -> list[_Proposal]:
    """实施职务科技成果单列管理、先用后转等改革试点, 实施耕地地力保护补贴、玉米大豆生产者补贴和
    稻谷补贴政策: each item of the list is a scheme."""
    proposals = []
    for m in [*doc.cues.enumeration.finditer(doc.view.text), *doc.cues.support_list.finditer(doc.view.text)]:
        items = _LIST_JOINT.split(m.group(1))
        start = m.start(1)
        for item in items:
            proposals.append(_Proposal(doc, "listed", item, start, start + len(item), forms=tuple(items)))
            start += len(item) + 1
    return proposals


def _unlike_names(p: _Proposal) -> str | None:
    """Every item of the list must read as a name: specific, no particle, no verb."""
    cues = p.doc.cues
    for item in p.forms:
        if not _specific(item, cues) or cues.particle.search(item) or next(_verbs(item, cues), None):
            return f"the list item {item} is no name"
    return None


def _campaigns(doc: _Doc) -> list[_Proposal]:
    """美丽平潭, 健康平潭: a campaign prefix and a place; `strength` holds a campaign verb
    before or after it (建设健康中国), `forms` the other prefixes the same place takes."""
    matches = list(doc.cues.campaign.finditer(doc.view.text))
    return [_Proposal(doc, "campaign", m.group(2) + m.group(3), m.start(2), m.end(3),
                      mid=m.start(3), strength=m.group(1) or m.group(4),
                      forms=tuple(o.group(2) for o in matches if o.group(3) == m.group(3) and o.group(2) != m.group(2)))
            for m in matches]


def _no_campaign(p: _Proposal) -> str | None:
    """健康监测 is no campaign: the place must be specific, and 建设 must stand next to it
    or the same place take a second campaign (美丽平潭、健康平潭)."""
    cues = p.doc.cues
    if not _specific(p.name[2:], cues):
        return f"{p.name[2:]} is no place"
    if p.strength and p.compact[p.end:p.end + 2] != p.strength and _CHINESE_RUN.match(p.compact, p.end) \
            and not cues.particle.match(p.compact, p.end):
        return f"runs on into {p.compact[p.end:p.end + 2]}: part of a longer word (建设平安法治乡村)"
    return None if p.strength or p.forms else "neither 建设 next to it nor a second campaign of the place"


def _defined(doc: _Doc) -> list[_Proposal]:
    """秦创原总窗口（以下简称“总窗口”）: the full form, with the short form it defines."""
    proposals = []
    for m in _DEFINED.finditer(doc.view.text):
        start = _name_start(doc.view, m.start(), doc.cues)
        begin = m.start() if start is None else start
        proposals.append(_Proposal(doc, "defined", doc.view.text[begin:m.start()], begin, m.start(),
                                   mid=m.start(), forms=(m.group(1),)))
    return proposals


def _grouped(doc: _Doc) -> list[_Proposal]:
    """入驻A孵化基地、B总部基地（以下统称“基地”）: each listed name that ends in the word
    they are grouped under is a name of its own (“四镇” groups places that end in 镇: none)."""
    proposals = []
    for m in _GROUPED.finditer(doc.view.text):
        end = m.start()
        while doc.view.text.endswith(m.group(1), 0, end):
            start = _name_start(doc.view, end, doc.cues)
            begin = end if start is None else start
            proposals.append(_Proposal(doc, "grouped", doc.view.text[begin:end], begin, end, mid=end - len(m.group(1))))
            if begin < 1 or doc.view.text[begin - 1] != "、":
                break
            end = begin - 1
    return proposals


def _too_short(p: _Proposal) -> str | None:
    return "no full form of three characters or more before it" if len(p.name) < 3 else None


def _holds_quote(p: _Proposal) -> str | None:
    return "holds a quote: a quoted term's context, not a full name" if "“" in p.name else None


def _actors(p: _Proposal) -> str | None:
    """农业生产经营组织（以下简称“购机者”）: a class of actors is defined, not a programme."""
    return "names a class of actors" if p.name.endswith(p.doc.cues.actor_nouns) else None


def _body(p: _Proposal) -> str | None:
    """A short form of a body (局, 委员会, 公司 …) is the organisations' to take."""
    heads = [h for h in _body_heads() if p.name.endswith(h)]
    return f"ends in the organisation head {max(heads, key=len)}" if heads else None


_LOCAL: dict[str, tuple[NamedFilter[_Proposal], ...]] = {
    "quoted": named(_clause, _metaphor, _schedule),
    "headed": named(_inside_longer_name, _document_itself, _department, _cited_title, _unbounded,
                    _section_heading, _class_of_things, _counted, _generic_modifier, _quoted_term, _leading_verb,
                    _verb_object),
    "standard": (),
    "formula": named(_metaphor),
    "listed": named(_unlike_names),
    "campaign": named(_no_campaign),
    "defined": named(_too_short, _body, _actors, _metaphor, _holds_quote),
    "grouped": named(_too_short, _body, _actors, _metaphor, _holds_quote),
}
# Filters that need the whole document: decided after every candidate passed the ones above.
_DOCUMENT: dict[str, tuple[NamedFilter[_Proposal], ...]] = {
    "quoted": named(_uncued),
    "standard": named(_inside_quoted_name),
    "headed": named(_common_noun_head),
}


# --- Deciding ----------------------------------------------------------------------------------

def _summary(doc: _Doc, passed: list[_Proposal]) -> _Doc:
    """What the whole document says, from the candidates that passed their own filters."""
    quoted = [p for p in passed if p.way == "quoted"]
    weak: dict[str, int] = {}
    for p in quoted:
        if p.strength == "weak":
            weak[p.name] = weak.get(p.name, 0) + 1
    prefixes: dict[str, set[str]] = {}
    for p in passed:
        if p.way != "quoted" and p.way != "defined":
            prefixes.setdefault(p.name[:3], set()).add(p.name)
    qualified = frozenset(p.name for p in quoted if p.strength == "strong")
    return replace(
        doc, qualified=qualified, quoted_names=tuple((p.start, p.end) for p in quoted
                                                if p.name in qualified and not _ENUMERATION.search(p.name)),
        weak_counts=tuple(weak.items()),
        defined=frozenset(p.forms[0] for p in passed if p.way == "defined"),
        # a brand starts with a word of its own (秦创原), not a generic one (创新创业…)
        brands=tuple(pre for pre, names in prefixes.items()
                     if len(names) >= 2 and doc.cues.generic.fullmatch(pre[:2]) is None))


def _judged(view: View) -> list[tuple[_Proposal, Decision | None]]:
    """Every candidate and its decision, in the order the ways are read."""
    cues = _cues()
    doc = _Doc(view, cues, title_ends=frozenset(m.end() for m in _CITED.finditer(view.text)))
    marks = [(p, judge(p, _LOCAL["quoted"])) for p in _quote_marks(doc)]
    quotes = iter(_read_quotes([p for p, d in marks if d is None]))
    first = [(next(quotes) if d is None else p, d) for p, d in marks]
    for way, propose in (("headed", _headed), ("standard", _standard), ("formula", _formulas), ("listed", _listed),
                         ("campaign", _campaigns), ("defined", _defined), ("grouped", _grouped)):
        first += [(p, judge(p, _LOCAL[way])) for p in propose(doc)]
    whole = _summary(doc, [p for p, d in first if d is None])
    return [(p, d if d is not None else _judge_whole(p, whole)) for p, d in first]


def _judge_whole(p: _Proposal, whole: _Doc) -> Decision | None:
    """The decision of the filters that read the whole document (none for some ways: then
    there is no copy of the proposal to make)."""
    filters = _DOCUMENT.get(p.way, ())
    return judge(p.evolve(doc=whole), filters) if filters else None


def _candidate(view: View, p: _Proposal, decision: Decision | None) -> Candidate:
    end = max(p.end, p.start + 1)
    detail = " ".join(filter(None, [p.way, f"head={p.head}" if p.head else "",
                                    f"strength={p.strength}" if p.strength else "",
                                    f"forms={'、'.join(p.forms)}" if p.forms else ""]))
    return Candidate(FAMILY, p.name, view.span(p.start, min(end, len(view.text))), decision, detail)


def explain(tree: DocTree) -> tuple[Candidate, ...]:
    """Every programme candidate of a document with its decision: accepted, or the filter
    that refused it and why. `find_programmes` keeps the accepted ones.

    Example:
        >>> # 常态化实施“揭榜挂帅”“赛马制”等机制，引导…“卡脖子”问题集中
        >>> [(c.text, c.rejection and c.rejection.filter) for c in explain(tree)]  # doctest: +SKIP
        [('揭榜挂帅', None), ('赛马制', None), ('卡脖子', 'metaphor')]
    """
    view = text_layer.view(tree.text, spaces="drop")
    if not view.text:
        return ()
    return tuple(_candidate(view, p, d) for p, d in _judged(view))


# --- From accepted candidates to programmes -----------------------------------------------------

@dataclass
class _Entry:
    """What the document says about one name while it is being read."""

    name: str
    aliases: dict[str, None] = field(default_factory=dict)  # insertion-ordered set
    mentions: list[Span] = field(default_factory=list)

    def add(self, span: Span, alias: str | None = None) -> None:
        self.mentions.append(span)
        if alias and alias != self.name:
            self.aliases[alias] = None


def _entries(accepted: list[_Proposal]) -> dict[str, _Entry]:
    """One entry per accepted name; a defined short form joins its full form."""
    entries: dict[str, _Entry] = {}
    for p in accepted:
        entry = entries.setdefault(p.name, _Entry(p.name))
        if p.way == "defined":
            entry.add((p.start, p.end), p.forms[0])
            folded = entries.pop(p.forms[0], None)
            for span in folded.mentions if folded else ():
                entry.add(span)
            continue
        entry.add((p.start, p.end))
        for form in p.forms if p.way == "quoted" else ():
            entry.add((p.start, p.end), form)
    return entries


def _fold(entry: _Entry, into: _Entry) -> None:
    for span in entry.mentions:
        into.add(span, entry.name)
    for alias in entry.aliases:
        into.add(entry.mentions[0], alias)


def _shorter_forms(name: str, cues: _Cues) -> list[str]:
    """The names a longer form folds into: each part it quotes (省级“三项改革”试点 → 三项改革),
    each ending of four characters or more (秦创原春种基金 → 春种基金), and the name without
    a word that only says what kind of thing it is (稻谷补贴政策 → 稻谷补贴)."""
    quotes = [i for i, c in enumerate(name) if c in "“”"]
    quoted = [name[i + 1:j] for i in quotes if name[i] == "“" for j in quotes if j > i and name[j] == "”"]
    kinds = [name[:-len(kind)] for kind in cues.kind_words if name.endswith(kind) and len(name) - len(kind) >= 2]
    return quoted + kinds + [name[-size:] for size in range(4, len(name))]


def _fold_standard(entries: dict[str, _Entry], cues: _Cues) -> None:
    """A nationwide name folds into its form with a head or a campaign verb (乡村振兴 →
    乡村振兴战略, 高标准农田 → 高标准农田建设, itself a nationwide name): the full form names
    the programme, the bare name is how the text refers to it."""
    named = [s for s in cues.standard if s in entries]
    for entry in list(entries.values()) if named else ():
        for bare in [s for s in named if s in entries and s != entry.name and entry.name.startswith(s)]:
            rest = entry.name[len(bare):]
            if entry.name in entries and (cues.last_head.fullmatch(rest) or rest in cues.campaign_words):
                _fold(entries.pop(bare), entry)


def _merge(entries: dict[str, _Entry], cues: _Cues) -> list[_Entry]:
    """The forms of one programme folded into one entry.

    A longer form folds into the shorter name it quotes or ends with (职务科技成果“三项改革”,
    省级“三项改革”试点 → 三项改革; 秦创原春种基金 → 春种基金), then short forms into longer
    ones (`_fold_start_and_head`).
    """
    _fold_standard(entries, cues)
    result: list[_Entry] = []
    position: dict[str, int] = {}  # name -> its place in `result`: the first kept form wins
    for entry in sorted(entries.values(), key=lambda e: len(e.name)):
        places = [position[form] for form in _shorter_forms(entry.name, cues) if form in position]
        if places:
            _fold(entry, result[min(places)])
        else:
            position[entry.name] = len(result)
            result.append(entry)
    _fold_start_and_head(result, cues)
    return sorted(result, key=lambda e: min(e.mentions))


def _fold_start_and_head(result: list[_Entry], cues: _Cues) -> None:
    """A short form that keeps only the start and the head of one longer name folds into it
    (秦创原平台 → 秦创原创新驱动平台); candidates are looked up by their last two characters."""
    by_ending: dict[str, list[_Entry]] = {}
    for entry in result:
        by_ending.setdefault(entry.name[-2:], []).append(entry)
    for entry in list(result):
        head = cues.last_head.search(entry.name)
        if head is None or head.start() < 2:
            continue
        start, tail = entry.name[:head.start()], head.group()
        longer = [r for r in by_ending.get(tail[-2:], ()) if r is not entry and len(r.name) > len(entry.name)
                  and r.name.startswith(start) and r.name.endswith(tail)]
        if len(longer) == 1:
            _fold(entry, longer[0])
            result.remove(entry)
            by_ending[entry.name[-2:]].remove(entry)


def _all_mentions(compact: str, merged: list[_Entry]) -> None:
    """Add every other occurrence of a programme's name (三项改革 written without quotes)."""
    owner = {e.name: e for e in merged if len(e.name) >= 3}
    if not owner:
        return
    for m in re.finditer(alternation(list(owner)), compact):
        entry = owner[m.group()]
        if m.span() not in entry.mentions:
            entry.mentions.append(m.span())


def find_programmes(tree: DocTree) -> tuple[Programme, ...]:
    """Every named programme in a document, with its other forms and mentions.

    Example:
        >>> # 常态化实施“揭榜挂帅”“赛马制”等机制 …
        >>> [p.name for p in find_programmes(tree)]  # doctest: +SKIP
        ['揭榜挂帅', '赛马制']
    """
    view = text_layer.view(tree.text, spaces="drop")
    if not view.text:
        return ()
    merged = _merge(_entries([p for p, d in _judged(view) if d is None]), _cues())
    _all_mentions(view.text, merged)
    return tuple(Programme(id=f"p{n}", name=entry.name, aliases=tuple(entry.aliases),
                           mentions=tuple(view.span(s, e) for s, e in sorted(set(entry.mentions))))
                 for n, entry in enumerate(merged, 1))
