"""Programmes: named initiatives (reforms, funds, plans, mechanisms, layouts, packages).

Regex passes over the text with its whitespace removed (PDF text breaks names
anywhere; offsets map back), then a document-level decision per name:

- Quoted terms “…” are programmes by their shape (numeric abbreviations 一总两带 三项改革,
  formulas “1+N” 人才+项目+平台, scheme endings 青禾计划 链长制, nationwide names) or by a
  cue in their context (a scheme noun after the quote: “校招企用”引才用才模式; quotes
  closed by 等…机制/模式; an implementing verb before: 推行“…”). A short numeral form
  (“双中心”) needs a cue or a second mention, and so does a numeric form after a verb of
  upholding (发挥“三个作用”). A name that qualifies once qualifies everywhere; emphasis
  and metaphor (“卡脖子”“书架”) and schedules never do.
- Unquoted names end in a programme head (基金 计划 工程 行动 改革 试验区 大市场 …) after a
  specific modifier, cut at the nearest particle, number or verb on its left; a modifier
  of generic words only (创新 科技 产业 …) names nothing, and heads that end common nouns
  (平台 战略 基地) need an anchor (国家 省级 …) or the document's brand. A name longer
  than a heading-sized stretch needs a word on its left (印发, 实施), else a line start.
  An unquoted list after an implementing verb closed by 等 and a scheme noun names one
  scheme per item (实施职务科技成果单列管理、先用后转等改革试点).
- 秦创原总窗口（以下简称“总窗口”） makes the short form an alias; forms of one programme
  (职务科技成果“三项改革”, 秦创原春种基金, 秦创原平台) fold into one entry.

All word lists live in ``resources/programme_cues.json``.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from extractor.lexicons import alternation, cached, load_json
from extractor.model import DocTree, Programme, Span

_QUOTED = re.compile(r"[“「\"]([^“”「」\"]{1,40})[”」\"]")
_NON_SPACE = re.compile(r"\S+")
_SPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\n\s*")
_QUOTES = re.compile(r"[“”「」]")
_REACH = 20  # the longest modifier a name may have (成都市城市社区嵌入式服务设施建设 is 16)
_BARE_REACH = 15  # the longest one bounded by punctuation alone
_LINE_MODIFIER = 4  # the shortest one bounded by a line start alone (not 序号 in a table head)
_LIST_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{2,8}、){2,}[\u4e00-\u9fff]{2,8}[和及与、]$")
_CHINESE_RUN = re.compile(r"[\u4e00-\u9fff]+")
_ITEM = r"[\u4e00-\u9fff]{4,12}"  # one item of an unquoted list of schemes
_QUOTE_GAP = re.compile(r"[、和及与]?$")
_SENTENCE = re.compile(r"[，。；：！？!?;]")
_CHINESE_NUMERAL = "一二三四五六七八九十两双百千万多"
# One unit of a numeric abbreviation: numeral (+ measure word) + a short noun (三池, 四大工程, 十个聚焦).
_UNIT = rf"[{_CHINESE_NUMERAL}]+[个大项条类]?[\u4e00-\u9fff]{{1,2}}?"
_NUMERIC_MULTI = re.compile(rf"(?:{_UNIT}){{2,4}}[\u4e00-\u9fff]{{0,2}}")
_NUMERIC_COUNTED = re.compile(rf"[{_CHINESE_NUMERAL}]+[个大项][\u4e00-\u9fff]{{2,3}}")  # 十个聚焦, 七个一体化, 四大工程
_NUMERIC_SINGLE = re.compile(rf"[{_CHINESE_NUMERAL}]+[\u4e00-\u9fff]{{1,3}}")
_NUMERIC_CODE = re.compile(r"\d{3,4}[\u4e00-\u9fff]*")  # 253优势特色产业集群, “544”产业体系
_FORMULA = re.compile(r"[\w（）()·]{1,12}(?:\+[\w（）()·]{1,12})+\+?|[\w]{1,12}\+")
_DURATION = re.compile(r"(?:^|\+)\d+(?:天|日|小时|周)\w*\+")
_COUNT_AFTER = re.compile(r"[市县区个家项条所支]")  # “1+8”市: a count of places, not a scheme
_FIVE_YEAR = re.compile(r"十[一二三四五六七八九]五")
_ENUMERATION = re.compile(r"[、—–-]")
_DEFINED = re.compile(r"[（(]以下简称[“「]([^”」]{1,12})[”」][）)]")
# What may stand left of an unquoted name: punctuation, a number with its unit, a dash pair,
# an article number.
_HARD_BOUNDARY = re.compile(
    r"[^\u4e00-\u9fff\w“”·—]|[①-⑳]|——|第[一二三四五六七八九十百零〇\d]+[条章节款项]"
    r"|\d+(?:\.\d+)?[万亿千百]*[元个项支家批条类所名人场年月日号]?|[（(][^（）()]*$")
_INNER_BRACKETS = re.compile(r"(?<=[\u4e00-\u9fff\w])[（(][^（）()一二三四五六七八九十\d]{1,6}[）)](?=[\u4e00-\u9fff]|$)")
_CITED = re.compile(r"《[^《》]{1,200}》")
_TITLE_END = re.compile(r"(?:[（(][^（）()]{1,20}[）)])?》")  # …三年行动计划（2024—2026年）》: the cited plan itself
_SELF = re.compile(r"(?<![资成根基日版])[本该此]$")  # 本行动计划: the document itself (not 资本大市场)
# A section marker right before a name: the heading names a part of this document.
_MARKER_BEFORE = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]|[①-⑳])$")
_ORG_END = re.compile(r"(?:局|厅|委|委员会|办公室|办|政府|公司|集团|银行|大学|学院|研究院|研究所|协会|联盟|部|处)$")


@dataclass(frozen=True)
class _Cues:
    scheme_after: re.Pattern[str]
    list_after: re.Pattern[str]
    verb_before: re.Pattern[str]
    slogan_before: re.Pattern[str]
    enumeration: re.Pattern[str]
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
    metaphor: re.Pattern[str]
    campaign: re.Pattern[str]
    standard: frozenset[str]
    standard_re: re.Pattern[str]


@cached
def _cues() -> _Cues:
    """The cue lists of ``resources/programme_cues.json``, compiled once."""
    data = load_json("programme_cues.json")
    modifier = rf"[^\W\d的a-zA-Z]{{0,{int(data['max_modifier'])}}}?"
    head = rf"(?:{alternation(data['named_heads'])})"
    return _Cues(
        scheme_after=re.compile(rf"{modifier}(?:{alternation(data['scheme_nouns'])})"),
        list_after=re.compile(rf"等[^，。；“”]{{0,6}}?(?:“|{alternation(data['list_nouns'])})"),
        verb_before=re.compile(rf"(?:{alternation(data['cue_verbs'])})$"),
        slogan_before=re.compile(rf"(?:{alternation(data['slogan_verbs'])})$"),
        enumeration=re.compile(rf"(?:{alternation(data['cue_verbs'])})((?:{_ITEM}、)+{_ITEM})"
                               rf"等(?:{alternation(data['enumeration_nouns'])})"),
        scheme_suffix=tuple(data["scheme_suffixes"]),
        heads=re.compile(rf"{head}(?:(?:{alternation(data['head_glue'])})?{head})*"),
        generic=re.compile(rf"(?:{alternation(data['generic_words'])})*"),
        boundary=re.compile(alternation(data["boundary_words"])),
        noun_after_verb=re.compile(alternation(data["noun_after_verb"])),
        particle=re.compile(rf"(?!{alternation(data['not_particles'])})(?:{alternation(data['particles'])})"),
        head_not_before=re.compile(alternation(data["head_not_before"])),
        head_not_after=tuple(data["head_not_after"]),
        department_stems=tuple(data["department_stems"]),
        anchors=tuple(data["anchors"]),
        anchored_heads=frozenset(data["anchored_heads"]),
        designation_heads=frozenset(data["designation_heads"]),
        last_head=re.compile(rf"{head}$"),
        metaphor=re.compile(alternation(data["metaphors"] + data["slogans"])),
        campaign=re.compile(rf"({alternation(data['campaign_prefixes'])})([\u4e00-\u9fff]{{2}})(建设)?"),
        standard=frozenset(data["standard_programmes"]),
        standard_re=re.compile(alternation(data["standard_programmes"])),
    )


def _compact(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and each kept character's offset in `text`."""
    keep: list[int] = []
    for m in _NON_SPACE.finditer(text):
        keep.extend(range(m.start(), m.end()))
    return _SPACE.sub("", text), keep


@dataclass
class _Entry:
    """What the document says about one name while it is being read."""

    name: str
    qualified: bool = False
    weak_hits: int = 0
    aliases: dict[str, None] = field(default_factory=dict)  # insertion-ordered set
    mentions: list[Span] = field(default_factory=list)

    def add(self, span: Span, alias: str | None = None) -> None:
        self.mentions.append(span)
        if alias and alias != self.name:
            self.aliases[alias] = None


def _shape(term: str, cues: _Cues) -> str | None:
    """'strong' when a quoted term's own form names a scheme, 'weak' when it might.

    A scheme ending after generic words only names none (“民生工程”“形象工程”).
    """
    if term in cues.standard or any(
            term.endswith(suffix) and _specific(term[:-len(suffix)], cues) for suffix in cues.scheme_suffix):
        return "strong"
    if _ENUMERATION.search(term):
        return None  # enumerations and chains need a cue (“…、…”模式)
    if (_FORMULA.fullmatch(term) or _NUMERIC_MULTI.fullmatch(term)
            or _NUMERIC_COUNTED.fullmatch(term) or _NUMERIC_CODE.fullmatch(term)):
        return "strong"
    if _NUMERIC_SINGLE.fullmatch(term) or _FIVE_YEAR.fullmatch(term):
        return "weak"
    return None


def _is_metaphor(term: str, cues: _Cues) -> bool:
    """Whether a term holds a metaphor or slogan word (“卡脖子技术”, “两个大局”)."""
    return cues.metaphor.search(term) is not None


def _quoted(compact: str, entries: dict[str, _Entry], cues: _Cues, breaks: tuple[int, ...] = ()) -> None:
    """Read every quoted term, grouping adjacent quotes into runs (“揭榜挂帅”“赛马制”等机制)."""
    matches = [m for m in _QUOTED.finditer(compact)
               if not _SENTENCE.search(m.group(1)) and not _is_metaphor(m.group(1), cues)
               and not _DURATION.search(m.group(1))]  # “7天集中隔离+3天居家监测”: a schedule
    runs: list[list[re.Match[str]]] = []
    for m in matches:
        if runs and _QUOTE_GAP.fullmatch(compact[runs[-1][-1].end():m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        after_run = compact[run[-1].end():run[-1].end() + 12]
        listed = cues.list_after.match(after_run) is not None
        for m in run:
            term = m.group(1).strip()
            after = compact[m.end():m.end() + 12]
            scheme = cues.scheme_after.match(after)
            shape = _shape(term, cues)
            if _FORMULA.fullmatch(term) and (
                    _COUNT_AFTER.match(after)  # “1+8”市: a count of places
                    or (after.startswith("的") and not cues.scheme_after.match(after, 1))):
                shape = None  # “懂科技+懂产业”的科技经纪人: a description of people
            if (shape and term not in cues.standard and not term.endswith(cues.scheme_suffix)
                    and cues.slogan_before.search(compact, max(0, m.start() - 2), m.start())):
                shape = None  # 发挥“三个作用”: a formula to uphold
            enumerated = shape is None and _ENUMERATION.search(term) is not None
            cue = bool(scheme) or (listed and not enumerated) or (
                not enumerated and cues.verb_before.search(compact[max(0, m.start() - 2):m.start()]) is not None)
            entry = entries.setdefault(term, _Entry(term))
            alias = f"“{term}”{scheme.group()}" if scheme else None
            entry.add((m.start(1), m.end(1)), alias)
            start = _name_start(compact, m.start(), cues, breaks)
            prefix = compact[start:m.start()] if start is not None else ""
            # The last item of a list the quote sums up is no prefix (创新强企、法律护企和数据知企“六位一体”).
            if (len(prefix) >= 2 and not _QUOTES.search(prefix) and not cues.boundary.search(prefix)
                    and not _LIST_BEFORE.search(compact, max(0, start - 30), start)):
                entry.add((m.start(1), m.end(1)), compact[start:m.end()])  # 职务科技成果“三项改革”
            if shape == "strong" or cue:
                entry.qualified = True
            elif shape == "weak":
                entry.weak_hits += 1


def _verbs(text: str, cues: _Cues) -> Iterator[re.Match[str]]:
    """The boundary words in `text`, but for an adverb of one character that forms a
    word with the one character after it at the end (城市更新行动, 资源再生工程)."""
    return (m for m in cues.boundary.finditer(text) if len(m.group()) > 1 or len(text) - m.end() != 1)


def _name_start(compact: str, end: int, cues: _Cues, breaks: tuple[int, ...] = ()) -> int | None:
    """Where a name ending at `end` begins, or None when nothing bounds it within reach.

    The nearest boundary on the left wins: punctuation, a number or a particle (的, 等)
    always; a verb (实施, 建设) only when what it leaves is a name of its own, since
    引进 and 培育 in 高成长性企业引进培育工程 sit inside the name. A verb that leaves only
    generic words (参与重大工程) bounds a generic phrase: no name starts further left.
    A verb right before a noun it compounds with (服务设施) is no boundary, and a
    two-character item joined by 、 (机关、事业单位带头…行动) may belong to the name. A name
    longer than _BARE_REACH needs a word on its left (印发, 实施, 的): punctuation that
    far away more likely ends a heading run into the next line, so the last line start
    (`breaks`, sorted offsets into `compact`) bounds it instead.
    """
    window_start = max(0, end - _REACH)
    # A short bracketed part inside a name (国际创投（基金）小镇) is not a boundary; a
    # section marker （二） is.
    window = _INNER_BRACKETS.sub(lambda b: "名" * len(b.group()), compact[window_start:end])
    punctuation = max((window_start + m.end() for m in _HARD_BOUNDARY.finditer(window)),
                      default=0 if window_start == 0 else None)
    floor = max([window_start + m.end() for m in cues.particle.finditer(window)]
                + ([punctuation] if punctuation is not None else []), default=None)
    if floor is not None and floor == punctuation and end - floor > _BARE_REACH:
        line = bisect.bisect_left(breaks, end - _LINE_MODIFIER + 1) - 1
        floor = breaks[line] if line >= 0 and breaks[line] > punctuation else None
    lowest = floor if floor is not None else punctuation or 0  # no name starts left of punctuation
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
    if floor is not None and floor >= 2 and compact[floor - 1] == "、":
        return _joined_item(compact, floor - 1, end, cues) or floor
    return floor


def _joined_item(compact: str, comma: int, end: int, cues: _Cues) -> int | None:
    """Where a two-character item ending at the 、 at `comma` starts, when a verb, a
    particle or punctuation bounds it on its left and a specific modifier follows up to
    `end` (实施机关、事业单位带头安置残疾人就业行动): bodies named as a pair, the first
    too short to be a name of its own."""
    start = comma - 2
    item, before = compact[max(0, start):comma], compact[max(0, start - 4):start]
    if (start < 0 or not _CHINESE_RUN.fullmatch(item) or cues.boundary.search(item)
            or cues.particle.search(item) or not _specific(compact[comma + 1:end], cues)):
        return None
    if (not before or _HARD_BOUNDARY.fullmatch(before[-1])
            or any(before.endswith(w.group()) for p in (cues.boundary, cues.particle) for w in p.finditer(before))):
        return start
    return None


def _specific(modifier: str, cues: _Cues) -> bool:
    """Whether a modifier says which one: two characters or more, not only generic words."""
    return (len(modifier) >= 2 and cues.generic.fullmatch(modifier) is None
            and modifier.count("“") == modifier.count("”"))


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


def _ends_title(compact: str, end: int, title_ends: set[int]) -> bool:
    """Whether a head ending at `end` closes a cited title (the cited plan is a citation)."""
    m = _TITLE_END.match(compact, end)
    return m is not None and m.end() in title_ends


def _unquoted(compact: str, entries: dict[str, _Entry], cues: _Cues, breaks: tuple[int, ...] = ()) -> None:
    """Read names that end in a programme head after a specific modifier.

    Heads that also end common nouns (平台, 战略, 基地 …) need an anchor (国家, 全球 …) or
    a brand: a three-character prefix that starts two or more of the document's other
    programme names (a province's platform brand, a fund family).
    """
    title_ends = {m.end() for m in _CITED.finditer(compact)}
    found: list[tuple[str, int, int, str]] = []
    for m in cues.heads.finditer(compact):
        if (compact.startswith(("）", ")"), m.end()) or cues.head_not_before.match(compact, m.end())
                or _SELF.search(compact, max(0, m.start() - 2), m.start())
                or compact.startswith(cues.department_stems, max(0, m.end() - 4))
                or _ends_title(compact, m.end(), title_ends)):
            continue  # inside a longer name (国际创投（基金）小镇, 工程研究中心), the document itself, a cited title
        start = _name_start(compact, m.start(), cues, breaks)
        head = cues.last_head.search(m.group()).group()
        if (start is None or _MARKER_BEFORE.search(compact, max(0, start - 6), start)
                or not _names_something(compact[start:m.start()], head, cues)):
            continue
        name = compact[start:m.end()]
        if name.startswith("“") or _is_metaphor(_QUOTED.sub("", name), cues):
            continue  # a quoted term with its scheme noun: the quoted pass owns it
        found.append((name, start, m.end(), head))
    for m in cues.standard_re.finditer(compact):
        found.append((m.group(), m.start(), m.end(), ""))  # nationwide names need no cue
    for m in cues.enumeration.finditer(compact):
        # 实施职务科技成果单列管理、先用后转等改革试点: each item is a scheme of its own.
        items = m.group(1).split("、")
        if all(_specific(item, cues) and not cues.particle.search(item) and next(_verbs(item, cues), None) is None
               for item in items):
            start = m.start(1)
            for item in items:
                found.append((item, start, start + len(item), ""))
                start += len(item) + 1
    campaigns = [m for m in cues.campaign.finditer(compact) if _specific(m.group(2), cues)]
    for m in campaigns:
        # 美丽中国建设, or a place named by two campaigns (美丽平潭、健康平潭): not 健康监测
        if m.group(3) or any(o.group(2) == m.group(2) and o.group(1) != m.group(1) for o in campaigns):
            found.append((m.group(1) + m.group(2), m.start(), m.start(2) + 2, ""))
    prefixes: dict[str, set[str]] = {}
    for name, _, _, _ in found:
        prefixes.setdefault(name[:3], set()).add(name)
    brands = tuple(p for p, names in prefixes.items() if len(names) >= 2 and cues.generic.fullmatch(p) is None)
    for name, start, end, head in found:
        if head in cues.anchored_heads and not name.startswith(cues.anchors + brands):
            continue
        entry = entries.setdefault(name, _Entry(name))
        entry.add((start, end))
        entry.qualified = True


def _defined_aliases(compact: str, entries: dict[str, _Entry], cues: _Cues, breaks: tuple[int, ...] = ()) -> None:
    """Read 秦创原总窗口（以下简称“总窗口”）: a defined short form names a programme
    unless the full form is a body (局, 委员会, 公司 …), which organisations own."""
    for m in _DEFINED.finditer(compact):
        short = m.group(1)
        start = _name_start(compact, m.start(), cues, breaks)
        if start is None or m.start() - start < 3:
            continue
        full = compact[start:m.start()]
        if _ORG_END.search(full) or _is_metaphor(full, cues) or "“" in full:
            continue
        entry = entries.setdefault(full, _Entry(full))
        entry.add((start, m.start()), short)
        entry.qualified = True
        folded = entries.pop(short, None)
        for span in folded.mentions if folded else ():
            entry.add(span)


def _fold(entry: _Entry, into: _Entry) -> None:
    for span in entry.mentions:
        into.add(span, entry.name)
    for alias in entry.aliases:
        into.add(entry.mentions[0], alias)


def _shorter_forms(name: str) -> list[str]:
    """The names a longer form folds into: each part it quotes (省级“三项改革”试点 → 三项改革)
    and each ending of four characters or more (秦创原春种基金 → 春种基金)."""
    quotes = [i for i, c in enumerate(name) if c in "“”"]
    quoted = [name[i + 1:j] for i in quotes if name[i] == "“" for j in quotes if j > i and name[j] == "”"]
    return quoted + [name[-size:] for size in range(4, len(name))]


def _merge(entries: dict[str, _Entry], cues: _Cues) -> list[_Entry]:
    """Qualified names, the forms of one programme folded into one entry.

    A longer form folds into the shorter name it quotes or ends with (职务科技成果“三项改革”,
    省级“三项改革”试点 → 三项改革; 秦创原春种基金 → 春种基金), and a short form that keeps
    only the start and the head of one longer name folds into it (秦创原平台 → 秦创原创新驱动平台).
    """
    kept = sorted((e for e in entries.values() if e.qualified or e.weak_hits >= 2),
                  key=lambda e: len(e.name))
    result: list[_Entry] = []
    position: dict[str, int] = {}  # name -> its place in `result`: the first kept form wins
    for entry in kept:
        places = [position[form] for form in _shorter_forms(entry.name) if form in position]
        if places:
            _fold(entry, result[min(places)])
        else:
            position[entry.name] = len(result)
            result.append(entry)
    for entry in list(result):
        head = cues.last_head.search(entry.name)
        if head is None or head.start() < 2:
            continue
        start, tail = entry.name[:head.start()], head.group()
        longer = [r for r in result if r is not entry and len(r.name) > len(entry.name)
                  and r.name.startswith(start) and r.name.endswith(tail)]
        if len(longer) == 1:
            _fold(entry, longer[0])
            result.remove(entry)
    return sorted(result, key=lambda e: min(e.mentions))


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
    cues = _cues()
    compact, offsets = _compact(tree.text)
    entries: dict[str, _Entry] = {}
    # Where each line starts in `compact`: a heading run into its paragraph ends there.
    breaks = tuple(bisect.bisect_left(offsets, m.end()) for m in _LINE_BREAK.finditer(tree.text))
    _quoted(compact, entries, cues, breaks)
    _unquoted(compact, entries, cues, breaks)
    _defined_aliases(compact, entries, cues, breaks)
    merged = _merge(entries, cues)
    _all_mentions(compact, merged)
    programmes = []
    for n, entry in enumerate(merged, 1):
        mentions: tuple[Span, ...] = tuple(
            (offsets[s], offsets[e - 1] + 1) for s, e in sorted(set(entry.mentions)))
        programmes.append(Programme(id=f"p{n}", name=entry.name,
                                    aliases=tuple(entry.aliases), mentions=mentions))
    return tuple(programmes)
