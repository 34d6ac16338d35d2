"""Finding organisation names: candidates proposed at every head, then named filters.

A candidate is a head from the head table (局 厅 委员会 大学 有限公司 …) with the name its
left boundary gives (`boundaries.name_start`), a standard body from
`org_standard_bodies.tsv`, or a brand listed as an example (隆基、三一等企业). Each candidate
runs a tuple of named filters; the first reason wins. `decide` keeps every decision, so
`explain` and `find_mentions` are one computation.
"""
from __future__ import annotations

import bisect
import re
from operator import attrgetter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from extractor.extraction.candidates import Candidate, Decision, NamedFilter, judge, named
from extractor.extraction.organisations.boundaries import (
    COLLECTIVE_NAME,
    LEVELS_ONLY,
    VAGUE_BODY,
    company_region_start,
    is_region,
    level_coordination,
    name_start,
    starts_with_region,
    tagged_tokens,
)
from extractor.extraction.organisations.examples import example_mentions
from extractor.extraction.organisations.keys import org_type, split_region
from extractor.extraction.organisations.merge import Mention
from extractor.extraction.organisations.text import (
    compact,
    ends_word,
    excluded,
    head_offsets,
    window_start,
)
from extractor.extraction.organisations.vocabulary import (
    Head,
    body_end,
    class_department,
    heads,
    lexicon,
    title_end,
    trie_spans,
)
from extractor.lexicons import active_rules
from extractor.memo import text_memo
from extractor.text import View

FAMILY = "organisations"
_PAREN = re.compile(r"（[^（）。，；\s]{1,12}）")
_COUNTED = re.compile(r"^[0-9一二两三四五六七八九十百千几多余]+[余多]?[所个家类批项支座大]")  # 四大中心: a count
# digits inside a name stand right before its head, a letter or in an ordinal (771所, 航天6院,
# 3M, 第13届), or inside a code of letters and digits (甲型H1N1流感)
_COUNT_INSIDE = re.compile(r"(?<![第A-Za-z\d])\d+[^\dA-Za-z所院厂届]")
_NUMERALS = "一二两三四五六七八九十百千"
_VAGUE_TAIL = ("有关", "相关", "其他", "其它")
_VAGUE_OPENING = ("该", "本", "此", "这", *_VAGUE_TAIL)  # deictic or vague words opening a body
_GENERIC_DEPARTMENT = frozenset(("generic", "department"))  # 部门, 主管部门: a department of a field
_LEVEL_CHARS = "省市区县州乡镇旗盟"
# a body's meeting right after its name: 省委经济工作会议, 市委十四届十次全会
_MEETING = re.compile(r"(?:[^，。；、“”（）\s]{0,2}|[一二三四五六七八九十百\d]+届[一二三四五六七八九十百\d]+次)"
                      r"(?:工作会议|全会|全体会议|常务会议|常委会会议)")


_AFFILIATED = "附属"  # 大学附属医院, 附属中学: a body affiliated to the one named just before it
# a document number right after the head: up to three letters of its kind (发, 函, 规函, 办函,
# 明电) and a bracketed year (渝科局发〔2023〕35号, 工信厅规函〔2026〕101号)
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{0,3}?[〔［\[]\d{4}[〕］\]]")
# the seat of a government names a place: 乡人民政府所在地建成区, 县级人民政府驻地
_SEAT = re.compile(r"(?:所在地|驻地)")


@dataclass(frozen=True)
class Page:
    """The finder's once-per-document reading of a text: the compact view and what every
    candidate looks up in it."""

    view: View
    text: str  # the view's text (read for every candidate, so a field, not a property)
    lines: tuple[int, ...]  # offsets where a line break was dropped just before, sorted
    heads: tuple[tuple[int, str], ...]  # (offset, head): the longest head at every offset, in order

    @property
    def breaks(self) -> tuple[int, ...]:
        return self.view.breaks


def analysed_page(clean_text: str | View) -> Page:
    """The work done once per document before any candidate: the compact view (lines
    joined), its line breaks and every head's offset. Memoised on the text and the rules
    (`explain` and `find_mentions` read the same document); a shared analysed document can
    hold it instead.

    Example:
        >>> analysed_page("由区科技局牵头").heads
        ((4, '局'),)
    """
    return _analysed_page(active_rules(), clean_text)


@text_memo(4)  # a few documents only, so a batch keeps no earlier ones alive
def _analysed_page(rules: Path | None, clean_text: str | View) -> Page:
    c = compact(clean_text)
    return Page(c, c.text, tuple(sorted(c.breaks)), tuple(head_offsets(c.text)))


@dataclass(slots=True)  # not frozen (a frozen dataclass's __init__ costs three times more): read-only by convention
class Site:
    """A head in the compact text and the name proposed for it (compact offsets); one is built
    for every head of a document, and `_propose` fills in its name (a second object per head
    cost more), never changed after."""

    page: Page
    head: str
    row: Head  # the head's row of the head table
    at: int  # where the head starts
    end: int  # where the name ends (after a bracketed alternative: 组织人事部（人才办）)
    start: int | None = None  # where the name starts; None when no name ends at the head
    lo: int = 0  # the leftmost offset the name could reach
    unit_only: bool = False  # a generic head read only as a unit of the name before it
    prev_start: int = 0  # where the previous accepted name starts
    prev_end: int = 0  # and ends
    # fields, not properties: the filters read them tens of thousands of times a corpus
    text: str = field(default="", repr=False)  # the page's text
    body: str = field(default="", repr=False)  # the name before the head ("" without a name), set by `_propose`


@dataclass(slots=True)  # not frozen, as `Site`: built for every head, changed only through `replace`
class Found:
    """A decided candidate in compact offsets, with the type its head gives."""

    start: int
    end: int
    type: str
    rejection: Decision | None = None
    detail: str = ""


# ---- filters on the head alone ----------------------------------------------------------

def _inside_a_word(site: Site) -> str | None:
    head_end = site.at + len(site.head)
    if excluded(site.text, site.at, head_end):
        return "the head is part of a word that names no body (布局, 干部; org_exclusions.txt)"
    if not ends_word(site.text, head_end):
        return "no word ends with the head (管理处 of 治安管理处罚)"
    if site.head.endswith("大") and site.text.startswith("学", head_end):
        return "a short university head inside 大学"
    return None


def _a_meeting(site: Site) -> str | None:
    if _MEETING.match(site.text, site.at + len(site.head)):
        return "a meeting of the body speaks (省委经济工作会议): an event, not the body"
    return None


def _a_document_number(site: Site) -> str | None:
    if _DOCUMENT_NUMBER.match(site.text, site.at + len(site.head)):
        return "the issuer's code of a document number (渝科局发〔2023〕35号), not a mention of the body"
    return None


def _a_seat(site: Site) -> str | None:
    if _SEAT.match(site.text, site.at + len(site.head)):
        return "the seat of the body (乡人民政府所在地建成区): a place, not the body acting"
    return None


_HEAD_FILTERS: tuple[NamedFilter[Site], ...] = named(_inside_a_word, _a_meeting, _a_document_number, _a_seat)
# what any of the three filters after `_inside_a_word` matches right after the head: one match
# tells most heads (followed by none) they pass, not three filter calls and three matches
_AFTER_HEAD = re.compile(f"{_MEETING.pattern}|{_DOCUMENT_NUMBER.pattern}|{_SEAT.pattern}")


def _head_rejection(site: Site) -> Decision | None:
    """`judge(site, _HEAD_FILTERS)`, with the cheap test first."""
    if _AFTER_HEAD.match(site.text, site.at + len(site.head)) is None:
        reason = _inside_a_word(site)  # the only filter left that can refuse the head
        return None if reason is None else Decision(_HEAD_FILTERS[0].name, reason)
    return judge(site, _HEAD_FILTERS)


# ---- filters on the proposed name -------------------------------------------------------

def _no_name(site: Site) -> str | None:
    if site.start is None:
        return "no name before the head (a generic head needs a place or a proper name)"
    return None


def _levels_only(site: Site) -> str | None:
    if not _GENERIC_DEPARTMENT <= site.row.flags:
        return None
    # read after the region: 安徽省省级部门 is every department of the province's level
    if LEVELS_ONLY.fullmatch(split_region(site.body + site.head)[1][:-len(site.head)]):
        return "level words and a department noun name no one body (省、市部门, 省级部门)"
    return None


def _too_short(site: Site) -> str | None:
    if len(site.body) < site.row.min_body:
        return f"fewer than {site.row.min_body} characters before {site.head}"
    if len(site.body) == 1 and site.body not in _LEVEL_CHARS:
        return "a one-character body is a level word (市局, 区委); 开创新局 ends a clause"
    return None


def _vague(site: Site) -> str | None:
    if site.body in VAGUE_BODY or site.body.startswith(_VAGUE_OPENING):
        return "a vague or deictic body (有关, 各级, 本…)"
    if site.body.endswith(_VAGUE_TAIL):
        return "…有关/相关/其他 + head names the bodies of a kind (请径向相关主管部门), no one body"
    if not site.body and site.head in ("市委", "省委", "区委", "县委") and site.text[site.at - 1:site.at] in "本全":
        return "本市委 / 全省委: the document's own committee written as a deictic"
    return None


def _a_count(site: Site) -> str | None:
    name = site.text[site.start:site.end]
    if _COUNTED.match(site.body):
        return "a count of bodies (四大中心), not a name"
    if site.start and site.text[site.start - 1] in _NUMERALS:
        return "a numeric abbreviation (一区一中心)"
    if _COUNT_INSIDE.search(name):
        return "a number inside the name is a count (指14天内在学校)"
    return None


def _bare_head(site: Site) -> str | None:
    name = site.text[site.start:site.end]
    row = heads().get(name)
    if name != site.head and row is not None and row.min_body > 0:
        return f"{name} alone is a head of the table that needs a body before it (党委, 人民政府)"
    return None


_PROPOSAL_FILTERS: tuple[NamedFilter[Site], ...] = named(_no_name)
_NAME_FILTERS: tuple[NamedFilter[Site], ...] = named(_levels_only, _too_short, _bare_head, _vague, _a_count)


# ---- proposing names --------------------------------------------------------------------

def _cell_start(page: Page, lo: int, head: int) -> int:
    """Where a name window starting at `lo` may begin: after the last line break before
    `head` whose line ends in a body's head (…服务机构⏎精神专科医院: a table's cells) or in a
    document's title (贵州省渔业条例⏎贵州省人大常委会: a law page's header)."""
    k = bisect.bisect_right(page.lines, head)
    while k > 0 and page.lines[k - 1] > lo:
        k -= 1
        before = max(0, page.lines[k] - 8)
        if body_end().search(page.text, before, page.lines[k]) or title_end().search(page.text, before, page.lines[k]):
            return page.lines[k]
    return lo


def _propose(site: Site, has_previous: bool) -> None:
    """Fill in the name a head closes: its end (with a bracketed alternative), its start or None."""
    text, at, head = site.text, site.at, site.head
    min_body = site.row.min_body
    end = at + len(head)
    paren = _PAREN.match(text, end)
    if paren and body_end().search(paren.group(0)[1:-1]):  # 组织人事部（人才办）: another name of the body
        end = paren.end()
    lo = _cell_start(site.page, window_start(text, at, site.prev_end), at)
    start = name_start(text, lo, at, "generic" in site.row.flags, verb_before_head=min_body > 0, end=end)
    unit_only = False
    if start is None and has_previous and lo == site.prev_end:
        # right after another name (省委科技委员会) a generic head names a unit of it, or nothing
        start = name_start(text, lo, at, False, verb_before_head=min_body > 0, end=end)
        start, unit_only = (start, True) if start == lo else (None, False)
    if start is not None and has_previous and lo == site.prev_end and text.startswith(_AFFILIATED, lo):
        start = lo  # 复旦大学附属中山医院: the affiliated body's name holds 附属 and its own place name
    if "legal" in site.row.flags and (start is None or not starts_with_region(text, start, at)):
        region = company_region_start(text, lo, at if start is None else start)
        start = start if region is None else region
    if start is not None:
        start = level_coordination(text, start, site.prev_end)
    site.end, site.start, site.lo, site.unit_only = end, start, lo, unit_only
    site.body = text[start:at] if start is not None else ""


def _unit_of_previous(site: Site) -> bool:
    """A unit of the body named just before it (西安市社会科学院经济研究所, 省委科技委员会);
    across a line break only a unit head joins (a table's next cell is a body of its own)."""
    text, start = site.text, site.start
    if not (site.prev_end == site.lo == start) or text[start] == "各":
        return False
    if _GENERIC_DEPARTMENT <= site.row.flags:
        return False  # 人民政府工作部门 are the body's departments at large
    standard = lexicon().standard
    if any(text[k:site.end] in standard for k in range(start, site.at + 1)) \
            and org_type(text[site.prev_start:start]) != "party":
        return False  # 农业农村部财政部 are two ministries; 区委统战部 is the committee's department
    if "subunit" in site.row.flags or text.startswith(_AFFILIATED, start):
        return True
    if "legal" in site.row.flags and start not in site.page.breaks \
            and org_type(text[site.prev_start:start]) == "company":
        return True  # 中国移动通信集团浙江有限公司: a group's company of a province is one registered name
    return start not in site.page.breaks and (
        site.at == start or not any(is_region(w, f) for _, w, f in tagged_tokens(text, start, site.at)))


_NO_PREVIOUS = Found(0, 0, "")  # before the first name: never changed (`replace` makes new ones)


def head_candidates(page: Page) -> list[Found]:
    """Every head's decision, left to right: a name, a unit joined to the name before it, or
    the filter that refused it. Heads inside an accepted name are not proposed again."""
    decided: list[Found] = []
    last = -1  # index in `decided` of the last accepted name
    floor = 0
    table = heads()
    text = page.text
    for at, head in page.heads:
        if at < floor:
            continue
        row = table[head]
        kind = row.type
        prev = decided[last] if last >= 0 else _NO_PREVIOUS
        site = Site(page, head, row, at, at + len(head), prev_start=prev.start, prev_end=prev.end, text=text)
        rejection = _head_rejection(site)
        if rejection is None:
            _propose(site, last >= 0)
            if site.start is None:  # the proposal filters refuse only a site without a name
                rejection = judge(site, _PROPOSAL_FILTERS)
        # `_unit_of_previous` holds only right after the previous name (tested here: no call)
        if rejection is None and last >= 0 and site.lo == site.prev_end and _unit_of_previous(site):
            decided[last] = Found(prev.start, site.end, kind if kind != "government" else prev.type,
                                  detail=f"{site.head} names a unit of the body before it")
            floor = site.end
            continue
        if rejection is None and site.unit_only:
            rejection = Decision("no_name", "a generic head right after a name, and no unit of it (工作部门)")
        if rejection is None:
            rejection = judge(site, _NAME_FILTERS)
        decided.append(Found(at if site.start is None else site.start, site.end, kind, rejection))
        if rejection is None:
            last, floor = len(decided) - 1, site.end
    return decided


# ---- standard bodies, named examples, collectives ---------------------------------------

def _with_standard_bodies(page: Page, found: list[Found]) -> list[Found]:
    """Add the standard bodies (国务院, 教育部 …); a standard body written inside or just
    before a longer name (组织人事部（人才办）, 深交所科交中心) is part of it."""
    lex = lexicon()
    standard = [Found(s, e, lex.standard[page.text[s:e]][1], detail="a standard body")
                for s, e in trie_spans(lex.standard_re, page.text)]
    out = []
    for f in found:
        if f.rejection is not None or not standard:
            pass  # most documents name few standard bodies: nothing to compare with
        elif any(t.start <= f.start and f.end <= t.end for t in standard):
            f = replace(f, rejection=Decision("inside_a_standard_body", "part of a standard body's name"))
        elif _stray_prefix(page.text, f, standard):
            f = replace(f, rejection=Decision("stray_prefix", "a standard body after words that are no region"
                                                              " or party body (联合报农业农村部)"))
        elif joined := [t for t in standard if t.start < f.end and f.start <= t.end]:
            standard = [t for t in standard if t not in joined]
            f = replace(f, start=min([f.start] + [t.start for t in joined]))
        out.append(f)
    return out + standard


def _stray_prefix(text: str, found: Found, standard: list[Found]) -> bool:
    """Whether a name ends in a standard body after words that are no region or party body:
    the standard body is the name (中华人民共和国财政部 and 中共中央宣传部 keep their prefix)."""
    for t in standard:
        if t.end == found.end and t.start > found.start:
            prefix = text[found.start:t.start]
            return bool(split_region(prefix + "部门")[1][:-2]) and org_type(prefix) != "party"
    return False


def _with_examples(page: Page, found: list[Found]) -> list[Found]:
    """Add the brands listed as examples (隆基、三一等企业) where no name was found."""
    taken = [f for f in found if f.rejection is None]
    out = list(found)
    for s, e, kind in example_mentions(page.text):
        clash = any(f.start < e and s < f.end for f in taken)
        out.append(Found(s, e, kind, Decision("overlaps_a_name", "inside a name found by its head") if clash else None,
                         detail="a named example before a category noun"))
    return out


_START_END = attrgetter("start", "end")  # a sort key read in C, not a lambda called for every candidate


def _without_collectives(page: Page, found: list[Found]) -> list[Found]:
    """Refuse collectives (各省、自治区、直辖市人民政府, 市政府有关部门): found whole so no piece
    of one passes for a body, and left to the owner lists that give them work; so is the
    alternative in brackets after one (各县区人民政府（管委会）)."""
    out = []
    collective_end: int | None = None
    for f in sorted(found, key=_START_END):
        if f.rejection is not None:  # decided already: only an accepted name can be a collective
            out.append(f)
            continue
        name = page.text[f.start:f.end].strip()
        after = collective_end is not None and page.text[collective_end:f.start].strip() in ("(", "（")
        if COLLECTIVE_NAME.search(name) and not _each_levels_department(name) or after:
            collective_end = f.end
            f = replace(f, rejection=Decision("collective", "every body of a level or kind, no one body"))
        elif not name or " " in name:
            f = replace(f, rejection=Decision("spaced", "a space inside: two cells of a table"))
        out.append(f)
    return out


def _each_levels_department(name: str) -> bool:
    """各级农业农村部门: the department of one field at every level, a class of departments as
    the bare 农业农村部门 is (not 各级部门, 各级有关部门; nor 各级人民政府, a collective of governments)."""
    field = name.removeprefix("各级")
    return field != name and class_department(field) and not field.startswith(_VAGUE_TAIL)


_STAGES: tuple[Callable[[Page, list[Found]], list[Found]], ...] = (
    _with_standard_bodies, _with_examples, _without_collectives)


def decide(clean_text: str | View) -> tuple[View, list[Found]]:
    """Every candidate of a text and its decision, in text order (compact offsets)."""
    p = analysed_page(clean_text)
    found = head_candidates(p)
    for stage in _STAGES:
        found = stage(p, found)
    return p.view, found


def _type(name: str, found: Found, types: dict[str, str]) -> str:
    """The type a name's words give (`org_type`), else its head's; `types` memoises the names
    of one document (a body is named again and again)."""
    typed = types.get(name)
    if typed is None:
        typed = types[name] = org_type(name)
    return typed if typed != "other" else found.type


def candidates(clean_text: str | View) -> tuple[Candidate, ...]:
    """Every organisation candidate of a text with its decision, clean-text spans."""
    c, found = decide(clean_text)
    out = []
    types: dict[str, str] = {}
    for f in found:
        name = c.text[f.start:f.end].strip()
        detail = "; ".join(filter(None, (f"type={_type(name, f, types)}" if name else "", f.detail)))
        out.append(Candidate(FAMILY, name, c.span(f.start, f.end), f.rejection, detail))
    return tuple(out)


def find_mentions(clean_text: str | View) -> list[Mention]:
    """Every organisation name in a text, with clean-text spans, in text order."""
    c, found = decide(clean_text)
    mentions = []
    types: dict[str, str] = {}
    for f in found:
        if f.rejection is None:
            name = c.text[f.start:f.end].strip()
            mentions.append(Mention(name, _type(name, f, types), c.span(f.start, f.end)))
    return mentions
