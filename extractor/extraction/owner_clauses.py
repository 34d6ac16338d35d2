"""Owner expressions: the grammar of role slots in which a document assigns responsibility.

Responsibility is written in a few fixed forms of Chinese administrative prose (their role
words in `resources/owner_roles.json`, compiled by `extraction/roles.py`):

* labelled lists: 牵头单位：…；配合单位：… (also 责任单位, 承办单位, 协办单位), whose items
  may be circled-number references （牵头单位：①…；②③…） to the numbered measures
  ① ② ③ of the same subsection;
* inline notes: （区资源生态局牵头，区经发局、平潭海关等按职责分工负责）, （市科技局牵头）;
* 由…负责 / 由…审核 / 经…批准 / 报…审批 clauses, a regulation's subject at a clause
  start (市人民政府应当…, 市科学技术行政部门负责…, 市发展改革、财政等部门按照各自职责…;
  协助/配合 make it a support, 可以 grants a power and assigns nothing), a name the
  organisation finder read followed by a verb (惠明茶产业主管部门推广…), a body set up for a
  task (成立了…中心，负责…), and partners after 会同 (support), read over the organisation
  finder's names written there;
* task-division tables, also web tables flattened into one line
  (工作任务 工作要求 牵头单位 配合/责任单位).

* national notes closing each measure （生态环境部指导）, a blanket statement
  （以下均需试点城市政府落实，不再列出）, a body's enumerated duties (履行下列职责：（一）…),
  duty-division lists (区住房保障局：负责…) and a form's 承办单位 field.

In a list a level written once holds for the departments after it (市发改委、财政局 →
市财政局; 市科技、财政部门 → 市财政部门); 人力社保、农业农村等有关部门 is one class of
departments; a described body given a short form (…确定的部门（以下简称X主管部门）) is that
form. Each form yields an `OwnerClause`: the owners
with their roles, where the expression is written and the text it applies to; an item the
organisation finder reads as several bodies (区科技局和区财政局) is those bodies. Every item a
slot held and the filters refused stays on its clause for `owners.explain`.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from extractor.extraction.candidates import Candidate, Decision, NamedFilter, judge, named
from extractor.extraction.organisations import compact, lexicon, split_region, tagged
from extractor.extraction.organisations.text import word_across
from extractor.extraction.organisations.vocabulary import flagged, governs, trie_alternation
from extractor.extraction.roles import roles
from extractor.lexicons import active_rules, cached, load_rows
from extractor.memo import text_memo
from extractor.model import Span, Table
from extractor.segment import opening_words
from extractor.structure.headings import task_column
from extractor.structure.lexicon import lexicon as document_words
from extractor.structure.markers import FIRST_CHARS, PAREN_ITEM, marker_at
from extractor.text import View

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# web text keeps ASCII brackets: （…牵头）, (…牵头) and 〔责任单位：…〕 are the same note
_PAREN_NOTE = re.compile(r"[（(〔]((?:[^（）()〔〕]|[（(][^（）()]{0,12}[）)]){2,200}?)[）)〕]")
# 县级以上人民政府及其有关部门, 教育部等有关部门和单位, 国家发展改革委会同有关部门: the body, then
# a vague tail that adds no one
_VAGUE_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{3})(?:及其|及|和|与|以及|等|会同)(?:其他|其它)?(?:[省市区县]级?)?(?:有关|相关)[\u4e00-\u9fff]{0,8}$")
# a level word standing alone before 、 (区、县; 各省、自治区、直辖市), not a place's last
# character (西安市、省发展改革委 are two bodies)
_LEVELS = re.compile(r"(?:(?<=^[省市区县州盟旗])|(?<=[各、，,（(和及][省市区县州盟旗])|(?<=自治区)|(?<=直辖市)|(?<=自治州))"
                     r"、(?=省|自治区|直辖市|计划单列市|[市区县州盟旗])")
_LIST_ITEM = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9（）()·、]{2,30}$")
# where a new name can open inside a list item: a level word, or 各 before what is no
# collective of the body before it (区财政局各片区管理局; 国务院各部门 is one collective)
_NAME_OPENING = re.compile(r"[区市省县]|各(?!(?:有关|相关|直属)?(?:部门|单位|机构))")
# 设立了省秦创原创新促进中心，负责…: a body set up for a task owns it
_ESTABLISHED = re.compile(
    r"(?:设立|成立|组建|设置)了?((?:[\u4e00-\u9fffA-Za-z0-9（）]){3,30}?)[，,](?:主要|具体)?负责")
# an article's number opens a clause: 第三十一条 市和区、县科学技术行政部门应当…
_ARTICLE = re.compile(r"第[一二三四五六七八九十百零]+条\s*")
_TABLE_HEAD = re.compile(r"牵头单位\s*(?:配合|责任|协办)[^\s，。：:]{0,6}单位")
_ROW_MARK = re.compile(r"(?<![\d.．])(\d{1,2})[.．、](?!\d)")
# the column header of a task list whose cells run together (序号 重点任务 责任单位 完成时限): its
# rows open with a bare number, and a deadline cell may follow the owners. It opens with its task
# column's last word, so a scan of the text tries it only there.
_COLUMN_HEAD = re.compile(r"(?:任务|事项|内容|措施)\s*(?:牵头|责任|负责|主责)(?:单位|部门)"
                          r"(?P<later>(?:\s*(?:完成时限|完成时间|时间节点|完成期限|时限|备注))*)\s*")
_NUMBER_COLUMN = "序号"
_BARE_ROW = re.compile(r"(?<![\d.．])(\d{1,2})(?=[\u4e00-\u9fff“])")
_DEADLINE = re.compile(r"(?:\d{4}年)?\d{1,2}月|\d{4}年|长期|持续")
_STOPS = re.compile(r"[。；;]")
_SECTION_MARK = re.compile(r"[一二三四五六七八九十]{1,3}、")
# compiled once: list items are cleaned and split for every owner slot
_ETC = re.compile(r"等$")
_ETC_UNIT = re.compile(r"等(部门|单位|机关)$")
# …能源局等省有关部门和各地级以上市人民政府: after a vague tail, 和 opens the next item (各有关
# 部门和单位 is one collective)
_SEPARATOR = re.compile(r"([、，,；;]|以及|(?<=有关部门|相关部门|有关单位|相关单位)(?:和|及)(?!单位|部门|机构))")
# the head a list's last item shares with the bare items before it; after 各 or 直 the head
# is a collective's own (区直各部门, 县直部门, 国务院各部门 name every department, not a class)
_SHARED_HEAD = re.compile(r"(?<!各)(?<!直)(?<!有关)(?<!相关)(部门|机关)$")
# 各街道办事处, 区级相关部门: a collective or a level of its own takes no level written before it
_OWN_LEVEL = re.compile(r"^(?:各|[省市区县]级)")
_BRACKET_TAIL = re.compile(r"（[^（）]*）$")
# 自治县人民政府确定的部门（以下简称惠明茶产业主管部门）负责…: the item ends with the short
# form the document defines for it
_DEFINED = re.compile(r"[（(]以下(?:简称|称)[“\"「]?([^（）()“”\"「」]{2,20}?)[”\"」]?[）)]$")


Owner = tuple[str, str, Span]  # (organisation name, role: "lead" or "support", mention span)


@dataclass(frozen=True)
class OwnerClause:
    """Owners named in one place and the text they are responsible for (clean offsets)."""

    owners: tuple[Owner, ...]
    anchor: Span  # where the owner expression is written
    scopes: tuple[Span, ...]  # the measures it applies to; empty: the enclosing task
    reach: Span | None = None  # a 由…负责 or subject clause: the part of its sentence it owns
    refused: tuple[Candidate, ...] = ()  # what its slots held that names no owner, and why


_THROUGH_ITEM_MARKER = re.compile(rf"^.*(?:{PAREN_ITEM.pattern})")


def _clean_item(item: str) -> str:
    """A list item without its role words: 平潭海关等按职责分工负责 -> 平潭海关."""
    item = item.strip(" ：:。")
    # 任务（一）区经济发展局: lines joined in the view put a heading and an item's marker before
    # the body; a name starts after the marker, never before it
    if "（" in item or "(" in item:  # (both patterns need a bracket: most items skip them)
        item = _THROUGH_ITEM_MARKER.sub("", item)
        item = roles().first_leads_note.sub("", item)
    item = _without_role_tail(item)
    # 县级以上人民政府及其有关部门 -> 县级以上人民政府: a vague tail adds no one
    tail = _VAGUE_TAIL.search(item) if "关" in item else None
    if tail and _is_org_name(item[:tail.start()]):
        item = item[:tail.start()]
    if "等" not in item:  # (the tails below all hold 等: most items skip them)
        return item
    item = _ETC.sub("", item)
    # 发展改革、财政等部门: the unit word is the head of the list; 农业部等部门: a tail
    tail = _ETC_UNIT.search(item)
    if tail and _is_org_name(item[:tail.start()]):
        return item[:tail.start()]
    return item[:tail.start()] + tail.group(1) if tail else item


def _without_role_tail(item: str) -> str:
    """The item without the role words closing it (平潭海关等按职责分工负责 -> 平潭海关)."""
    r = roles()
    # the tail ends with a role word (a view holds no line break for `$` to stop before):
    # one `endswith` skips the pattern's scan for the items that have none
    return r.role_tail.sub("", item) if item.endswith(r.role_words) else item


# 市和区、县人民政府, 省和青岛市人民政府: a level and a level or place sharing one head
_REGION_PAIR = re.compile(r"^([市省])和((?:区、县|区县|县|区|市)(?=[\u4e00-\u9fff]{2})|[\u4e00-\u9fff]{2,6}?[市县区州](?=(?:人民政府|政府)$))")


# 自治州、县（市）人民政府: an autonomous level written out, then a one-character level (with
# its alternatives in brackets) and the head both share; 区、县 alone stay one item
_AUTONOMOUS_PAIR = re.compile(r"^(自治区|自治州|自治县)、([省市区县州盟旗](?:[（(][市区县旗、]{1,6}[）)])?)(?=[\u4e00-\u9fff]{2})")


# 湖北和湖南省人民政府: a bare place, 和, and a place with its level before the shared head
_PLACE_PAIR = re.compile(r"^([\u4e00-\u9fff]{2,4})和([\u4e00-\u9fff]{2,4}?(自治区|[省市县州盟旗]))(?=[\u4e00-\u9fff]{2})")


def _distribute(name: str) -> list[str]:
    """市和区、县人民政府 names two bodies: 市人民政府 and 区、县人民政府; so does
    自治州、县（市）人民政府: 自治州人民政府 and 县（市）人民政府, and 湖北和湖南省人民政府:
    湖北省人民政府 and 湖南省人民政府."""
    # (all pairs hold 和 or 、: most names are tried no further)
    if "和" not in name and "、" not in name:
        return [name]
    m = _REGION_PAIR.match(name) or _AUTONOMOUS_PAIR.match(name)
    if m:
        rest = name[m.end():]
        return [m.group(1) + rest, m.group(2) + rest]
    m = _PLACE_PAIR.match(name)
    if m and lexicon().region_re.fullmatch(m.group(1)) and not m.group(1).endswith(_PLACE_LEVELS):
        rest = name[m.end():]
        return [m.group(1) + m.group(3) + rest, m.group(2) + rest]
    return [name]


_LEVEL_PREFIXES = ("省", "市", "区", "县", "州", "盟", "旗")


def _region_of(name: str) -> str:
    """The level or place a list's first item opens with (市 of 市金融服务部门); none for
    two levels (市和区县科技部门 names a body at each, the later items stay as written)."""
    return "" if _REGION_PAIR.match(name) else split_region(name)[0]


def _pieces(text: str) -> list[tuple[int, str, bool]]:
    """Split a written list into items: (offset, item, written after a separator).

    Items run together without a separator (区经济发展局区行政审批局, cells of a
    flattened table) are cut where a new name starts after a head.
    """
    pieces = []
    pos = 0
    # 区、县 and 各省、自治区、直辖市: coordinated level words belong to the name that follows
    text = _LEVELS.sub("\x00", text) if "、" in text else text
    for part in _SEPARATOR.split(text):
        part = part.replace("\x00", "、")
        if part and part not in ("、", "，", ",", "；", ";", "以及", "和", "及"):
            offset = pos
            for j, piece in enumerate(_concatenated(part)):
                pieces.append((offset, piece, j == 0 and pos > 0))
                offset += len(piece)
        pos += len(part)
    return pieces


def _concatenated(part: str) -> list[str]:
    """An item cut where a head of the organisation vocabulary ends and a new name opens
    (区经济发展局区行政审批局 -> 区经济发展局, 区行政审批局)."""
    heads = _heads()
    cuts = [m.start() for m in _NAME_OPENING.finditer(part, 1) if heads.end(part, m.start())]
    if not cuts:  # (most items: no list to build)
        return [part]
    return [part[a:b] for a, b in zip([0, *cuts], [*cuts, len(part)])]


_CLASS_TAIL = re.compile(r"等(?:有关|相关)(?:部门|单位)$")


def _relevant_class(pieces: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """人力社保、农业农村等有关部门: functions without a head of their own, then 等有关部门,
    name one class of departments (one owner, as written); after a body's name the tail adds
    no one (教育部等有关部门 -> 教育部, in `_clean_item`)."""
    # (the class may end the list or stand before 及/和 and a body: …等有关部门及茶文化研究会)
    last = len(pieces) - 1
    while last >= 0 and "等" not in pieces[last][1]:
        last -= 1
    tail = _CLASS_TAIL.search(pieces[last][1]) if last >= 0 else None
    if not tail or _is_org_name(pieces[last][1][:tail.start()]):
        return pieces
    first = last
    while first > 0 and pieces[first][2] and not _heads().end(pieces[first - 1][1]):
        first -= 1
    offset, _, after_separator = pieces[first]
    joined = "、".join(raw for _, raw, _ in pieces[first:last + 1])
    return [*pieces[:first], (offset, joined, after_separator), *pieces[last + 1:]]


class _Piece(NamedTuple):
    """One item of a written list, as cleaned (`name`) and as written (`raw`) (a tuple: one
    is built for every item of every list)."""

    name: str
    raw: str


def _vague_collective(piece: _Piece) -> str | None:
    if not piece.name or roles().vague.search(piece.name):
        return "names no one: a vague collective (有关部门, 各地) or nothing"
    return None


def _not_name_shaped(piece: _Piece) -> str | None:
    return None if _LIST_ITEM.match(piece.name) else "no name: punctuation inside or over 30 characters"


def _description(piece: _Piece) -> str | None:
    return "a description with 的, not a name" if "的" in piece.name else None


def _later_items(piece: _Piece) -> str | None:
    return "以下 speaks of the items after it" if "以下" in piece.raw else None


def _remark(piece: _Piece) -> str | None:
    """不再逐一列出 or 分别负责 closing a 责任单位 list: a clause about the list, opening with an
    adverb (no body's name or function opens so: 审批、统计 name a department; 不再 does not)."""
    # the tagger's first word is one of the words the item opens with: most open with no adverb
    opening = opening_words(piece.name)
    if not opening or all(flag != "d" for _, flag in opening):
        return None
    words = tagged(piece.name)
    if words and words[0][1] == "d" and not _is_org_name(piece.name):
        return "a remark on the list (不再逐一列出), not a name: it opens with an adverb"
    return None


_ITEM_FILTERS = named(_vague_collective, _not_name_shaped, _description, _later_items, _remark)


def _no_organisation_head(name: str) -> str | None:
    """A clause's subject acts only when it names a body (a standard body or a known head)
    or the addressee of a reply (你省)."""
    # 你省 of a reply stands for its addressee, which `owners` reads from the 主送 line
    if _is_org_name(name) or name in roles().addressee_pronouns:
        return None
    return "no organisation head: not an acting body"


_SUBJECT_FILTERS = named(_no_organisation_head)


_Read = tuple[tuple[tuple[str, int, int, bool], ...], tuple[tuple[str, int, int, Decision], ...]]
"""A written list read: its names (name, start, end, written after a separator) and the items
refused (as written, start, end, why), offsets in the list's own text."""


def _parse_list(c: View, start: int, end: int, refused: list[Candidate] | None = None, *,
                subject: bool = False) -> list[tuple[str, Span, bool]]:
    """Organisation names in a list written at compact [start, end): (name, clean span,
    written after a separator). Items the filters refuse go to `refused`; a clause's
    subject (`subject`) must also name a body."""
    names, refusals = _read_list(active_rules(), c.text[start:end], subject)
    if refused is not None:
        refused.extend(Candidate("owners", text, c.span(start + a, start + b), rejection)
                       for text, a, b, rejection in refusals)
    return [(name, c.span(start + a, start + b), after_separator) for name, a, b, after_separator in names]


# the same subject opens clause after clause (市人民政府, 区财政局), and documents share lists
@text_memo(1 << 12)
def _read_list(rules: Path | None, text: str, subject: bool) -> _Read:
    """The names and refused items of one written list (`_parse_list`), offsets in `text`."""
    names, refused = [], []
    pieces = _relevant_class(_pieces(text))
    last_head, place_heads = _shared_heads(pieces)
    region, last = "", len(pieces) - 1
    for k, (offset, raw, after_separator) in enumerate(pieces):
        defined = _DEFINED.search(raw) if "以下" in raw else None
        if defined:  # the body is the short form the document defines for what it describes
            offset, raw = offset + defined.start(1), defined.group(1)
        name = _clean_item(raw)
        rejection = judge(_Piece(name, raw), _ITEM_FILTERS)
        if rejection:
            refused.append((raw, offset, offset + len(raw), rejection))
            continue
        # 省人民政府发展改革、财政等部门: an item takes the shared head unless it ends in one
        s = offset + max(raw.find(name[:2]), 0)
        span = (s, min(s + len(name), len(text)))
        place_head = place_heads[k]
        if last_head and _bare_function(name):
            name += last_head.group(1)
        elif place_head and _is_place(name):
            name = _with_place_head(name, place_head)
        # (a level read here holds for later items only: the last, with none before it, skips it)
        if region or k < last:
            name, region = _levelled(name, region, last_head is not None)
        for form in _distribute(name):
            rejection = judge(form, _SUBJECT_FILTERS) if subject else None
            if rejection:
                refused.append((form, *span, rejection))
            else:
                names.append((form, *span, after_separator))
    return tuple(names), tuple(refused)


def _levelled(name: str, region: str, shared_head: bool) -> tuple[str, str]:
    """市发展改革、财政、科技部门 and 市发改委、财政局、商务局: a level written once holds for the
    departments listed after it. The item's name (with the list's level `region` before a
    department written without one) and the level for the items after it."""
    own = _region_of(name)
    if own or _REGION_PAIR.match(name):
        return name, own if own in _LEVEL_PREFIXES or shared_head else ""
    if region and name.endswith(_departments()) and name not in lexicon().standard and not _OWN_LEVEL.match(name):
        return region + name, region
    return name, region


_PLACE_LEVELS = ("省", "市", "县", "区", "州", "盟", "旗")
_PLACE_HEAD = re.compile(r"(?:自治区|自治州|自治县|[省市县州盟旗])$")


def _shared_heads(pieces: list[tuple[int, str, bool]]) -> tuple[re.Match[str] | None, list[_PlaceHead | None]]:
    """What a list's items share with the bare items before them: the unit head of the last
    item (市科技、财政部门: 部门; not a collective's: 各地、各部门 is two collectives), and for
    each bare place name, the level and head of the named item that closes its run
    (陕西、山西、甘肃省人民政府: 省人民政府; 哈尔滨、黑河、绥芬河市政府、省农垦总局: 市政府)."""
    last = _bare_item(pieces[-1][1]) if pieces else ""
    heads: list[_PlaceHead | None] = [None] * len(pieces)
    # (a place name is short: lists without a short item before the last share no place head)
    if any(len(raw) <= 4 for _, raw, _ in pieces[:-1]):
        following = None
        for k in range(len(pieces) - 1, -1, -1):
            item = _bare_item(pieces[k][1])
            if _is_place(item):
                heads[k] = following
            else:
                following = _place_head(item)
    return _SHARED_HEAD.search(last), heads


def _is_place(name: str) -> bool:
    """A province or a prefecture-level division named bare (陕西, 哈尔滨, 宝鸡市)."""
    return name in _prefectures() or lexicon().region_re.fullmatch(name) is not None


@cached
def _prefectures() -> frozenset[str]:
    return frozenset(form for row in load_rows("org_cities.tsv") for form in row[:2] if form)


def _bare_item(raw: str) -> str:
    item = _without_role_tail(raw.strip(" ：:。"))
    # 通信等部门和有关军事机关: the head is 部门; the vague tail's 机关 adds no one
    tail = _VAGUE_TAIL.search(item) if "关" in item else None
    return item[:tail.start()] if tail else item


class _PlaceHead(NamedTuple):
    """The level and head a body named after its place lends to the bare places listed
    before it (甘肃省人民政府: 省, 人民政府)."""

    level: str
    head: str


def _place_head(name: str) -> _PlaceHead | None:
    """What `name` lends to bare places (`_PlaceHead`), None for a name that lends nothing."""
    place, head = split_region(name)
    level = _PLACE_HEAD.search(place)
    if level and level.start() > 0 and _is_org_name(name) and not _JOINERS.search(head):
        return _PlaceHead(level.group(0), head)
    return None


_JOINERS = re.compile(r"[和与及、]")


def _with_place_head(place: str, lent: _PlaceHead) -> str:
    """A bare place of a list with the level and head the item closing its run lends: 陕西、
    山西、甘肃省人民政府 gives 陕西省人民政府; 长沙市、株洲市、湘潭市人民政府, whose places carry
    their level, gives 长沙市人民政府. A place of another level keeps its name (西安市、陕西省人民政府)."""
    if place.endswith(lent.level):
        return place + lent.head
    return place if place.endswith(_PLACE_LEVELS) else place + lent.level + lent.head


def _bare_function(name: str) -> bool:
    """Whether a list item is a bare field of work (人力社保, 发展改革) that takes the head
    the list's last item shares; a complete body (区财政局), a place (立山经济开发区) or a
    collective of places (各街道, 各乡镇) keeps its own name. 各级农业农村 and 各市县财政 are
    fields at every level and take it."""
    return (len(name) <= 12 and not _named_heads().end(name)
            and not roles().place_collective.fullmatch(name) and not lexicon().region_re.fullmatch(name))


def _refuse(refused: list[Candidate] | None, text: str, span: Span, rejection: Decision) -> None:
    """Keep a refused item for `explain` (when the caller collects them)."""
    if refused is not None:
        refused.append(Candidate("owners", text, span, rejection))


def _label_role(label: str, has_lead_label: bool) -> str:
    """协同责任单位 and 配合部门 support; 责任单位 supports beside a 牵头单位, else leads."""
    role = next((r for w, r in roles().label_roles.items() if label.startswith(w)), "lead")
    return "support" if role == "support" or (label.startswith("责任") and has_lead_label) else role


def _first_leads(owners: list[Owner]) -> list[Owner]:
    """Under 排在第一位的为牵头单位 the first body of a list leads and the others support."""
    return [(n, "lead" if k == 0 else "support", sp) for k, (n, _, sp) in enumerate(owners)]


def _labelled(c: View, base: int, body: str, first_leads: bool = False,
              refused: list[Candidate] | None = None) -> tuple[list[Owner], dict[str, list[Owner]]]:
    """牵头单位：…；配合单位：… lists: owners, and owners by circled measure number."""
    labels = list(roles().label.finditer(body))
    owners: list[Owner] = []
    by_marker: dict[str, list[Owner]] = {}
    has_lead_label = any(_label_role(lb.group(1), False) == "lead" and not lb.group(1).startswith("责任")
                         for lb in labels)
    for k, lb in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(body)
        label = lb.group(1)
        role = _label_role(label, has_lead_label)
        listed: list[Owner] = []
        # a list ends with its sentence: 〔责任单位：…负责。具体任务均涉及…，下同。〕
        stop = body.find("。", lb.end(), end)
        end = end if stop < 0 else stop
        for seg in re.finditer(r"[^；;]+", body[lb.end():end]):
            s0, s1 = base + lb.end() + seg.start(), base + lb.end() + seg.end()
            markers = re.match(rf"[{CIRCLED}]+", seg.group(0))
            lead_mark = roles().lead_mark.search(seg.group(0))
            if lead_mark and not markers:
                # the items up to （牵头） lead, the others support
                at = s0 + lead_mark.start()
                listed.extend((n, "lead", sp) for n, sp, _ in _parse_list(c, s0, at, refused))
                listed.extend((n, "support", sp)
                              for n, sp, _ in _parse_list(c, at + len(lead_mark.group(0)), s1, refused))
                continue
            names = _parse_list(c, s0 + (markers.end() if markers else 0), s1, refused)
            for ch in markers.group(0) if markers else "":
                by_marker.setdefault(ch, []).extend((n, role, sp) for n, sp, _ in names)
            if not markers:
                listed.extend((n, role, sp) for n, sp, _ in names)
        if first_leads and label.startswith("责任") and not has_lead_label:
            listed = _first_leads(listed)
        owners.extend(listed)
    return owners, by_marker


def _leads(words: str) -> bool:
    """Whether a note's segment names its lead (牵头, 主办, 主责): the others then support."""
    return any(w in words for w, r in roles().label_roles.items() if r == "lead" and w not in ("责任", "承办"))


def _inline(c: View, base: int, body: str, first_leads: bool = False,
            refused: list[Candidate] | None = None) -> list[Owner]:
    """区资源生态局牵头，区经发局、平潭海关等按职责分工负责: 牵头 leads, the rest support."""
    owners: list[Owner] = []
    # 列第一位者为牵头单位 is the document's key to its lists, no owner of its own
    keys = [k.span() for k in roles().first_leads.finditer(body)]
    parts = [p for p in roles().role_segment.finditer(body) if "以下" not in p.group(0) and not _overlaps(p.span(), keys)]
    has_lead = any(_leads(p.group(0)) for p in parts)
    for p in parts:
        words = p.group(0)
        role = "lead" if _leads(words) else "support" if has_lead else roles().role_of(words)
        owners.extend((n, role, sp) for n, sp, _ in _parse_list(c, base + p.start(), base + p.end(), refused))
    if first_leads and not has_lead and all(role == "lead" for _, role, _ in owners):
        owners = _first_leads(owners)
    return owners


def _label_lines(c: View, notes: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """Label lists outside brackets; lists written one after another (牵头单位：…。
    配合单位：…。) are one note, so a 责任单位 beside a 牵头单位 reads as support."""
    lines: list[tuple[int, int, int, str]] = []
    r = roles()
    if not any(cue in c.text for cue in r.label_cues):  # (most documents write no label)
        return lines
    for m in r.label_line.finditer(c.text):
        if any(a <= m.start() < b for a, b, _, _ in notes):
            continue
        if lines and re.fullmatch(r"[。；;\s]*", c.text[lines[-1][1]:m.start()]):
            start = lines[-1][0]
            lines[-1] = (start, m.end(), start, c.text[start:m.end()])
        else:
            lines.append((m.start(), m.end(), m.start(), m.group(0)))
    return lines


def _note_clauses(c: View) -> list[OwnerClause]:
    """（…牵头…）, （牵头单位：…；配合单位：…）, a 责任单位：… line, a 部门分工：…牵头 line,
    circled-number references."""
    r = roles()
    notes = [(m.start(), m.end(), m.start(1), m.group(1)) for m in _PAREN_NOTE.finditer(c.text)
             if r.owner_word.search(m.group(1)) and "《" not in m.group(1)]
    notes += _label_lines(c, notes)
    # (most documents write no division label: a look for its words costs less than the scan)
    divisions = r.division_line.finditer(c.text) if any(cue in c.text for cue in r.division_cues) else ()
    notes += [(m.start(), m.end(), m.start(1), m.group(1)) for m in divisions
              if r.owner_word.search(m.group(1)) and not any(a <= m.start() < b for a, b, _, _ in notes)]
    first_leads = bool(notes) and bool(r.first_leads.search(c.text))  # (a key to lists: none without)
    clauses = []
    for start, end, base, body in sorted(notes):
        anchor = c.span(start, end)
        refused: list[Candidate] = []
        if r.label.search(body):
            owners, by_marker = _labelled(c, base, body, first_leads, refused)
        else:
            owners, by_marker = _inline(c, base, body, first_leads, refused), {}
        if by_marker:
            clauses.extend(_marker_clauses(c, start, anchor, by_marker))
        if owners or refused:
            clauses.append(OwnerClause(tuple(owners), anchor, (), refused=tuple(refused)))
    return clauses


def _marker_clauses(c: View, at: int, anchor: Span,
                    by_marker: dict[str, list[Owner]]) -> list[OwnerClause]:
    """Resolve ①②… to the numbered measures written just before the note at `at`."""
    first = c.text.rfind("①", 0, at)
    if first < 0:
        return []
    positions = [(i, ch) for i, ch in enumerate(c.text[first:at], first) if ch in CIRCLED]
    clauses = []
    for k, (pos, ch) in enumerate(positions):
        if ch not in by_marker:
            continue
        end = positions[k + 1][0] if k + 1 < len(positions) else at
        scope = c.span(pos, end)
        clauses.append(OwnerClause(tuple(by_marker[ch]), anchor, (scope,)))
    return clauses


def _clause_starts(c: View, stops: list[int]) -> list[int]:
    """View offsets where a clause can open: the text's start, after 。；; (`stops`: the
    offsets right after each) and the blanks after it, a line break (compact text drops
    them; a heading runs into its first article) or an article's number; after the item
    marker (（二）, 1.) that opens a line."""
    text, n = c.text, len(c.text)
    after = set(stops)
    # (most stops have no blank after them: the set of stops, moved where one has; a look
    # at each stop's next character costs less than a scan of the text for the blanks)
    for p in stops:
        if text[p:p + 1].isspace():
            after.discard(p)
            after.add(_BLANKS.match(text, p).end())  # type: ignore[union-attr]  # a blank is there
    starts = after | {0} | set(c.breaks)
    starts |= {m.end() for m in _ARTICLE.finditer(text)}
    # (a marker's first character first, a set look-up: most starts open with none)
    starts = {m.end() if (text[p] in FIRST_CHARS or text[p].isdecimal()) and (m := marker_at(text, p))
              and m.lastgroup != "ordinal" else p for p in starts if p < n}
    starts.discard(n)  # (a marker closing the text; no start lies past its end)
    return sorted(starts)


_BLANKS = re.compile(r"\s+")


def _after_each(text: str, chars: str) -> list[int]:
    """The offsets right after each occurrence of `chars` in `text`, in order (`str.find`
    per character: a scan for a character class with `finditer` costs more, and so do the
    pieces of `str.split`, each a new string)."""
    found = []
    for ch in chars:
        at = text.find(ch)
        while at >= 0:
            found.append(at + 1)
            at = text.find(ch, at + 1)
    return sorted(found)


def _sentence(c: View, pos: int, stops: list[int], starts: list[int] | None = None) -> tuple[int, int]:
    """View span of the sentence holding `pos` (`stops`: the offsets right after each 。；;,
    bisected: a search for each stop character scanned to the text's end where it is
    absent); with `starts` (`_clause_starts`) a line break or an article number before
    `pos` opens it too."""
    k = bisect.bisect_right(stops, pos)
    start = stops[k - 1] if k else 0
    if starts:
        start = max(start, starts[max(bisect.bisect_right(starts, pos) - 1, 0)])
    return start, (stops[k] if k < len(stops) else len(c.text))


@dataclass(frozen=True)
class _Endings:
    """A set of word endings (the head table's heads), tested by one match of the words
    reversed, as a prefix tree, at the reversed end of the text: `str.endswith` over the 147
    heads compared each in turn, and a set look-up per length after it, cost more."""

    reversed: re.Pattern[str]
    longest: int

    @staticmethod
    def of(words: tuple[str, ...]) -> _Endings:
        return _Endings(re.compile(trie_alternation(w[::-1] for w in words)), max(map(len, words)))

    def end(self, text: str, end: int | None = None) -> bool:
        """Whether `text[:end]` ends with one of the words (`text.endswith(words, 0, end)`)."""
        end = len(text) if end is None else end
        return self.reversed.match(text[max(0, end - self.longest):end][::-1]) is not None


@cached
def _heads() -> _Endings:
    """The head table's heads."""
    return _Endings.of(tuple(lexicon().suffixes))


@cached
def _departments() -> tuple[str, ...]:
    """The vocabulary's government-department heads (局, 厅, 主管部门 …) and an office's short
    head (市金融办, which the head table does not hold): a level written once in a list holds
    for each of them."""
    return (*flagged("department"), *roles().office_short_heads)


@cached
def _named_heads() -> _Endings:
    """Heads that complete an item's name (区财政局, 区审改办), so it takes no head shared
    from the list's last item."""
    return _Endings.of((*lexicon().suffixes, *roles().office_short_heads))


# what can follow a name's last character inside its list: a separator (、，以及 和), the
# text's end, a cut tail (a role tail, 等, 及其有关部门, 会同有关部门), brackets and quotes (a
# bracket tail, 以下简称“X”), a stripped stop, or the level opening the next name run on
_AFTER_NAME = " ：:。（()）”\"」、，,；;以和及与等会区市省县各"


@cached
def _name_end() -> re.Pattern[str]:
    """Where a subject's name can end in its list: the last character of a head, a standard
    body or 你省, before what can follow a name there. A list holding none names no body
    (every form of an item ends on a character of the list's text: cleaning cuts tails,
    a shared head or level comes from the end of the last item)."""
    words = (*lexicon().suffixes, *lexicon().standard, *roles().addressee_pronouns)
    ends = "".join(sorted({re.escape(w[-1]) for w in words}))
    after = "".join(sorted({re.escape(ch) for ch in (*_AFTER_NAME, *roles().tail_starts)}))
    return re.compile(f"[{ends}](?=[{after}]|\\Z)")


def _is_org_name(name: str) -> bool:
    """Whether a clause's subject names a body (a standard body or a known head)."""
    bare = _BRACKET_TAIL.sub("", name) if name.endswith("）") else name
    return bare in lexicon().standard or (len(bare) >= 3 and _heads().end(bare))


def _token_at(text: str, pos: int, width: int) -> tuple[str, str] | None:
    """The tagger's token starting at `pos` and its tag, or None when a token spans `pos`."""
    lo, end, hi = max(0, pos - 3), pos + width, pos + width + 3
    # the tagger's path from a cut on is the path of the rest alone (its word graph is scored
    # from the right): where no word can span `pos`, the shorter window gives the same token
    if not word_across(text[lo:pos], text[pos:hi]):
        lo = pos
    # and its path up to a cut is that of the text before it alone: where no word can span
    # `end` either, the window is the word itself, the same window every time (memoised)
    if not word_across(text[lo:end], text[end:hi]):
        hi = end
    at = lo
    for token, flag in tagged(text[lo:hi]):
        if at == pos:
            return token, flag
        if at > pos:
            return None
        at += len(token)
    return None


def _is_word_at(text: str, pos: int, word: str) -> bool:
    """Whether the tagger reads `word` at `pos` as a word of its own (not 经 of 经济)."""
    # (要 of 一是要深化: a character no word can span on either side is a token, untagged)
    if len(word) == 1 and not word_across(text[max(0, pos - 3):pos], text[pos:pos + 4]) \
            and not word_across(text[pos], text[pos + 1:pos + 4]):
        return True
    found = _token_at(text, pos, len(word))
    return found is not None and found[0] == word


def _not_a_subject(words: str) -> bool:
    """具体办法由市人民政府制定: a clause holding a preposition has another subject;
    探索成立产业技术研究院牵头: one opening with verbs (成立, or two verbs in a row) names
    what is set up, not who acts (审计机关 opens with one verb and is a body); 强化农业农村和
    财政部门牵头 opens with a governing verb, which no name does."""
    tokens = tagged(words)
    flags = [flag for _, flag in tokens]
    if "p" in flags:
        return True
    if not tokens:
        return False
    first, lex = tokens[0][0], lexicon()
    return first in lex.boundaries or flags[:2] == ["v", "v"] or governs(first, lex)


def _acts_as_subject(m: re.Match[str]) -> str | None:
    # 各级农业农村部门要…: the bodies of every level act; the name after 各级 is read
    words = m.group(1)
    prefixes = roles().collective_prefixes
    prefix = next((p for p in prefixes if words.startswith(p)), "") if words.startswith(prefixes) else ""
    return "not an acting subject: a preposition inside or verbs first" if _not_a_subject(words[len(prefix):]) else None


def _filing(m: re.Match[str]) -> str | None:
    # 报农业农村部、财政部备案: the body a report is filed with receives it, acts not
    if m.group(1) in ("报", "上报", "报请") and m.group(3) in roles().filing_verbs:
        return f"a filing with {m.group(2)}: the receiver is no owner"
    # 经向主管税务机关备案: what is done is done by someone else, with the body after 向
    if m.group(2).startswith(roles().receiver_prepositions):
        return f"{m.group(2)}: a body after 向 receives, the receiver is no owner"
    return None


def _by_is_a_word(m: re.Match[str]) -> str | None:
    # 经 of 区经济发展局 opens no 经…批准; but the tagger glues 由 to a transliterated name it
    # guesses is a person's (由约翰·霍普金斯大学: 由约翰/nr), and there 由 still opens the clause
    found = _token_at(m.string, m.start(), len(m.group(1)))
    if found is not None and (found[0] == m.group(1) or found[1] == "nr" and found[0].startswith(m.group(1))):
        return None
    return f"{m.group(1)} is part of a longer word here"


def _verb_is_a_word(m: re.Match[str]) -> str | None:
    # 要 of 重要 or 需要 is no subject's verb
    verb = m.group(2) if m.lastindex and m.lastindex >= 2 else ""
    if verb in roles().subject_words and not _is_word_at(m.string, m.start(2), verb):
        return f"{m.group(2)} is part of a longer word here"
    return None


def _body_before_preposition(c: View, named_at: dict[int, int]) -> NamedFilter[re.Match[str]]:
    """充分发挥行业协会在…中的作用: before a preposition only a name the organisation finder
    read from its first character (or after 各), or one opening with a place or level and
    holding no verb (各市县（区）农业农村部门在收到…后), is a subject; a verb phrase is not."""
    def body_before_preposition(m: re.Match[str]) -> str | None:
        if m.lastindex is None or m.lastindex < 2 or m.group(2) not in roles().subject_prepositions:
            return None
        start, words = c.span(m.start(1), m.end(1))[0], m.group(1)
        if start in named_at or (words.startswith("各") and start + 1 in named_at):
            return None
        # a place or level, then no verb (各省份疫情防控指挥部协调…定点医院等，对… is a clause)
        if split_region(words)[0] and not any(flag == "v" for _, flag in tagged(words)):
            return None
        return "no organisation name opens the clause before its preposition"
    # named here: a compiled closure has no __name__ for `named` to read
    return NamedFilter("body_before_preposition", body_before_preposition)


def _no_item_marker(m: re.Match[str]) -> str | None:
    # 任务（一）区经济发展局牵头: a heading joined to an item's line in the view; the clause
    # opening after the marker reads the same subject (and lands on the item's task)
    if PAREN_ITEM.search(m.string, m.start(1), m.end(1)):
        return "runs through an item's marker: the clause after the marker reads it"
    return None


_CLAUSE_END = re.compile(r"[，,。；;]")


def _relative_clause(m: re.Match[str]) -> str | None:
    # 省人民政府和宁波市人民政府按照国家规定设立的科学技术奖应当…: the preposition phrase
    # describes the noun after 的, and that noun is the clause's subject
    if m.lastindex is None or m.lastindex < 2 or m.group(2) not in roles().subject_prepositions:
        return None
    stop = _CLAUSE_END.search(m.string, m.end())
    words = m.string[m.end():stop.start() if stop else len(m.string)]
    after = words[words.find("的") + 1:] if "的" in words else ""
    # (在省人民政府的领导下: 领导 after 的 is a noun, so only the verbs of a clause count)
    if any(w in after for w in roles().clause_words if len(w) > 1):
        return "describes the noun after 的, the clause's own subject"
    return None


_BY_FILTERS = named(_by_is_a_word, _filing)
_CLAUSE_FILTERS = named(_no_item_marker, _verb_is_a_word, _acts_as_subject)


def _partners(c: View, at: int, bodies: dict[int, int], refused: list[Candidate] | None = None) -> list[Owner]:
    """由省财政厅会同省教育厅负责: the bodies joined by 会同 right at `at` support the lead.
    The list ends where its words end, or after the organisation finder's names joined
    one after another there when those run past the words (会同…茶文化研究会) or stop at a
    tail (会同…国家邮政局等部门筛选确定)."""
    partners = roles().partners
    m = partners.match(c.text, at - 2) or partners.match(c.text, at)
    if not m:
        return []
    end = _named_run(c, m.start(1), bodies)
    if end is None or end < m.end(1) and not c.text.startswith("等", end):
        end = _name_across(c, m.start(1), m.end(1), bodies)
    return [(n, "support", sp) for n, sp, _ in _parse_list(c, m.start(1), end, refused, subject=True)]


def _name_across(c: View, start: int, end: int, bodies: dict[int, int]) -> int:
    """Where a partner list written at view [start, end) ends when the organisation finder
    reads a name starting inside it and running past `end` (会同…及茶文化研究会: the work word
    研究 the list stopped at is inside the name, as 组织 of 组织部 or 联合 of 联合会); else `end`."""
    for p in range(start, end):
        named = bodies.get(c.offsets[p])
        if named is not None and (stop := bisect.bisect_left(c.offsets, named)) > end:
            return stop
    return end


def _named_run(c: View, start: int, bodies: dict[int, int]) -> int | None:
    """The view offset where the organisation finder's names written one after another
    from `start` (joined by 、和及与) end; None when no name starts there."""
    end = None
    pos = start
    while pos < len(c.text) and (named := bodies.get(c.offsets[pos])) is not None:
        end = bisect.bisect_left(c.offsets, named)
        pos = end
        while pos < len(c.text) and c.text[pos] in "、和及与":
            pos += 1
    return end


_SEAT = Decision("place_verb", "where a body sits or what it spans (驻, 辖): no duty")


def _bare_subjects(c: View, starts: list[int], bodies: dict[int, int], taken: set[int],
                   refused: list[Candidate] | None) -> list[tuple[int, int, list[Owner]]]:
    """惠明茶产业主管部门推广先进…技术: at a clause start, a name the organisation finder read,
    then a verb, is the clause's acting subject (a regulation's duty written without 应当)."""
    found = []
    for p in starts:
        end = bodies.get(c.offsets[p]) if p not in taken else None
        if end is None:
            continue
        q = bisect.bisect_left(c.offsets, end)
        verb = _verb_after(c.text, q)
        if verb is None or not _closes_sentence(c, verb):
            continue
        if c.text[q:verb].endswith(roles().place_verbs):
            # 区人民政府驻沙湾路, 船山区辖…9个街道: where a body sits or what it spans
            _refuse(refused, c.text[p:q], c.span(p, q), _SEAT)
            continue
        names = [(n, "lead", sp) for n, sp, _ in _parse_list(c, p, q, refused, subject=True)]
        if names:
            found.append((p, verb, names))
    return found


def _closes_sentence(c: View, at: int) -> bool:
    """Whether a sentence stop follows `at` before the paragraph ends: a signature or a
    heading (国务院应对…联防联控机制综合组 2022年6月27日) states no duty."""
    k = bisect.bisect_right(c.breaks, at)
    line_end = c.breaks[k] if k < len(c.breaks) else len(c.text)
    return any(0 <= c.text.find(stop, at, line_end) for stop in "。；;")


def _verb_after(text: str, at: int) -> int | None:
    """Where the verb right after a name ends (an adverb may stand before it: 将加强,
    积极推进), or None (also when 的 follows it). Two characters are tagged at a time: in a longer window the tagger
    reads 采取措施 or 推广先进 as one name or idiom."""
    token = tagged(text[at:at + 2])[:1]
    if token and token[0].flag in ("d", "ad"):
        at += len(token[0].word)
        token = tagged(text[at:at + 2])[:1]
    if not token or token[0].flag != "v" or token[0].word in roles().subject_words:
        return None
    end = at + len(token[0].word)
    # 省人民政府批准的规划: the name and verb describe the noun after 的, which is the subject
    return None if text.startswith("的", end) else end


def _clause_patterns(text: str, starts: list[int]) -> list[tuple[Iterable[re.Match[str]], int, str]]:
    """The clause reader's matches (by pattern), with the group naming the owners and their role."""
    r = roles()
    # an article's number is a start of its own: the match after it reads the subject
    # (第 first: a regex call at every start cost more than the test)
    subject = r.subject.match
    subjects = [m for p in starts if (text[p] != "第" or not _ARTICLE.match(text, p)) and (m := subject(text, p))]
    commas = _after_each(text, "，,")
    return [(_by_clauses(text, r.by), 2, "lead"), (subjects, 1, "lead"),
            (_comma_clauses(text, commas, r.clause_subject, r.clause_verb, r.clause_reach), 1, "lead"),
            (_ESTABLISHED.finditer(text), 1, "lead"), (_guided(text), 1, "lead"),
            (_comma_clauses(text, commas, r.clause_support, r.support_word, r.support_reach), 1, "support")]


def _clause_clauses(c: View, bodies: dict[int, int], *, refusals: bool = True) -> list[OwnerClause]:
    """由…负责, 经…批准, 报…审批, a regulation subject's 应当/负责 and 设立…，负责 (lead);
    partners after 会同 and a clause's subject of 配合 (support).

    Each belongs to its sentence's task and owns the quantities of its sentence, or,
    when one sentence passes the work along (由A汇总，报B审议，由C审核后，报D批准), of
    the part up to the next hand-over. `bodies`: where the organisation finder's names
    start, and where the longest of them ends (clean offsets). `refusals`: keep each
    refused candidate as a clause of its own (`find_owner_clauses`).
    """
    refused: list[Candidate] | None = [] if refusals else None
    stops = _after_each(c.text, "。；;")
    starts = _clause_starts(c, stops)
    found = _matched(c, starts, bodies, refused)
    found += _bare_subjects(c, starts, bodies, {f[0] for f in found}, refused)
    found.sort(key=lambda f: f[0])
    at = [f[0] for f in found]
    clauses = []
    for k, (start, end, names) in enumerate(found):
        s, e = _sentence(c, start, stops, starts)
        # the next clause inside the sentence ends this one's reach; an earlier one inside
        # it (the last starting before this one) means this one does not open the sentence
        later = at[k + 1] if k + 1 < len(at) and at[k + 1] < e else e
        before = bisect.bisect_left(at, start) - 1
        first = before < 0 or at[before] < s
        clauses.append(OwnerClause(tuple(names), c.span(start, end), (c.span(s, e),),
                                   reach=c.span(s if first else start, later)))
    return clauses + [OwnerClause((), cand.span, (), refused=(cand,)) for cand in refused or ()]


def _matched(c: View, starts: list[int], bodies: dict[int, int],
             refused: list[Candidate] | None) -> list[tuple[int, int, list[Owner]]]:
    """The clause patterns' matches that name owners and pass the filters: (view start,
    view end, owners with the partners after 会同); the refused go to `refused`."""
    found = []
    r = roles()
    clause_filters = (*_CLAUSE_FILTERS, _body_before_preposition(c, bodies), *named(_relative_clause))
    # without refusals to keep (`assign_owners`) a match naming no body adds nothing: its
    # names are read first and only a match naming one is judged (the filters' tagging was
    # most of the clause reader's time, mostly on such matches); a slot without a place where
    # a name can end is not read at all (two thirds of them)
    early, name_end, text = refused is None, _name_end().search, c.text
    for matches, group, role in _clause_patterns(text, starts):
        for m in matches:
            names = _slot_names(c, m, group, role, None) if early and name_end(text, *m.span(group)) else []
            if early and not names:
                continue
            rejection = judge(m, _BY_FILTERS if m.re is r.by else clause_filters)
            if rejection:
                _refuse(refused, m.group(group), c.span(*m.span(group)), rejection)
                continue
            if not early:
                names = _slot_names(c, m, group, role, refused)
            if names:
                found.append((m.start(), m.end(), names + _partners(c, m.end(), bodies, refused)))
    return found


def _slot_names(c: View, m: re.Match[str], group: int, role: str, refused: list[Candidate] | None) -> list[Owner]:
    """The owners a clause pattern's match names in its group `group`, with `role` (a
    subject's support verb makes it a support: 社区居民委员会协助做好…)."""
    r = roles()
    own = r.role_of(m.group(2)) if m.re is r.subject else role
    return [(n, own, sp) for n, sp, _ in _parse_list(c, *m.span(group), refused, subject=True)]


_BY_WORDS = frozenset("由经报")


def _guided(text: str) -> Iterable[re.Match[str]]:
    """在X指导下 matches, in a text that holds 指导下 (its lazy name tried at every 在 cost
    a few per cent of the clause reader in texts without one: most)."""
    r = roles()
    return r.guidance.finditer(text) if any(cue in text for cue in r.guidance_cues) else ()


def _by_clauses(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of the 由/经/报 pattern, as `finditer` gives them, except that one whose
    由 or 经 is part of a longer word (经费由你省自行解决: 经 of 经费) does not hide a clause
    opening inside it: the search goes on from its next character."""
    pos = 0
    while m := pattern.search(text, pos):
        yield m
        # (a clause can open inside only where its name holds 由, 经 or 报: most hold none)
        inside = not _BY_WORDS.isdisjoint(m.group(2))
        pos = m.start() + 1 if inside and _by_is_a_word(m) else m.end()


def _comma_clauses(text: str, commas: list[int], pattern: re.Pattern[str], cue: re.Pattern[str],
                   reach: int) -> Iterator[re.Match[str]]:
    """The matches of a pattern opening after a comma (`(?<=[，,])`, holding none), tried
    only at `commas` (where each comma ends) with a `cue` (its verb, a support word) written
    from two to `reach` characters after it: the same matches as `finditer`, without its
    look-behind at every character, and a full try after a few commas only."""
    for at in commas:
        if cue.search(text, at + 2, at + reach) and (m := pattern.match(text, at)):
            yield m


def _column_rows(text: str, start: int) -> list[re.Match[str]]:
    """The rows of a task list under a column header, numbered 1, 2, 3 … with bare numbers: the
    first right after the header, each later one after a sentence stop since the row before
    (a count inside a task, 1个工作日, or a deadline's 6月 is no row)."""
    rows: list[re.Match[str]] = []
    for m in _BARE_ROW.finditer(text, start):
        if int(m.group(1)) != len(rows) + 1:
            continue
        if (not rows and m.start() > start + 2) or (rows and not _STOPS.search(text, rows[-1].end(), m.start())):
            if not rows:
                break
            continue
        rows.append(m)
    return rows


def _table_rows(c: View) -> Iterator[tuple[list[re.Match[str]], bool]]:
    """The rows of each task table run together in the text, and whether a deadline cell may
    close them (a column header's table)."""
    for head in _TABLE_HEAD.finditer(c.text):
        yield list(_ROW_MARK.finditer(c.text, head.end())), False
    for head in _COLUMN_HEAD.finditer(c.text):
        # a header names a column after the owners', or a number column before the task's
        if head.group("later") or _NUMBER_COLUMN in c.text[max(0, head.start() - 10):head.start()]:
            yield _column_rows(c.text, head.end()), True


def _table_clauses(c: View) -> list[OwnerClause]:
    """Rows of a task-division table whose cells arrive run together in one line."""
    clauses = []
    for rows, dated in _table_rows(c):
        for k, row in enumerate(rows):
            end = rows[k + 1].start() if k + 1 < len(rows) else len(c.text)
            if k + 1 < len(rows) and int(rows[k + 1].group(1)) != int(row.group(1)) + 1:
                continue
            text = c.text[row.end():end]
            section = _SECTION_MARK.search(text)
            if section:
                text = text[:section.start()]
            stop = max(text.rfind("。"), text.rfind("；"))
            if stop < 0:
                continue
            zone_start = row.end() + stop + 1
            zone = text[stop + 1:]
            deadline = _DEADLINE.search(zone) if dated else None
            zone = zone[:deadline.start()] if deadline else zone
            if not zone.strip() or len(zone) > 120:
                continue
            trimmed = re.split(r"来源[：:]", zone)[0]
            names = _parse_list(c, zone_start, zone_start + len(trimmed))
            if not names:
                continue
            roles = _table_roles(names)
            owners = tuple((n, role, sp) for (n, sp, _), role in zip(names, roles))
            scope = c.span(row.start(), zone_start)
            clauses.append(OwnerClause(owners, c.span(zone_start, zone_start + len(trimmed)), (scope,)))
    return clauses


def _table_roles(names: list[tuple[str, Span, bool]]) -> list[str]:
    """Lead for the lead cell, support for the last cell when both are filled.

    Cells run together without a separator; items inside one cell keep theirs (、，),
    so the last run of separated items is the support cell when anything precedes it.
    """
    run = max((k for k, (_, _, after_separator) in enumerate(names) if not after_separator), default=0)
    return ["lead" if k < run or run == 0 else "support" for k in range(len(names))]


def _locate(text: str, cell: str, start: int = 0) -> Span | None:
    """Span of a cell's text in the clean text, allowing line breaks inside it: the first
    from `start` (cells repeat down a table: each row's own), else the first anywhere."""
    if len(cell) < 2:
        return None
    pattern = re.compile(r"\s*".join(map(re.escape, cell)))
    m = pattern.search(text, start) or pattern.search(text)
    return m.span() if m else None


def _columns(rows: tuple[tuple[str, ...], ...]) -> tuple[int | None, dict[int, str]]:
    """The task column (the structure stage's rule, so owners land on its row tasks) and
    the owner columns (index -> role) of a task table, header row first."""
    cells = [re.sub(r"\s+", "", cell) for cell in rows[0]]
    columns: dict[int, str] = {}
    for i, cell in enumerate(cells):
        for word, role in roles().label_roles.items():
            if word in cell and "单位" in cell or cell in (word, word + "部门"):
                columns[i] = role
                break
    if any(r == "lead" and "牵头" in cells[i] for i, r in columns.items()):
        columns = {i: ("support" if "责任" in cells[i] and "牵头" not in cells[i] else r) for i, r in columns.items()}
    words = document_words()
    task = task_column(rows, words.task_headers, words.owner_headers)
    return (None if task in columns else task), columns


@dataclass(frozen=True)
class _GridRow:
    """One row of a task table read as a table: where its task cell is written, its owners."""

    scope: Span
    owners: tuple[Owner, ...]


def _grid_rows(text: str, tables: tuple[Table, ...]) -> list[_GridRow]:
    """Rows of task-division tables read as tables (PDF, DOCX, HTML), located in the text."""
    found = []
    for table in tables:
        if len(table.rows) < 2:
            continue
        task_col, roles = _columns(table.rows)
        if task_col is None or not roles:
            continue
        at = 0
        for row in table.rows[1:]:
            if task_col >= len(row):
                continue
            scope = _locate(text, re.sub(r"\s+", "", row[task_col]), at)
            if scope is None:
                continue
            at = scope[1]
            owners: list[Owner] = []
            for col, role in roles.items():
                cell = re.sub(r"\s+", "", row[col]) if col < len(row) else ""
                if not cell:
                    continue
                mention = _locate(text, cell, scope[1]) or scope
                cc = compact(cell)
                owners.extend((n, role, mention) for n, _, _ in _parse_list(cc, 0, len(cc.text)))
            found.append(_GridRow(scope, tuple(owners)))
    return found


def _overlaps(span: Span, spans: list[Span]) -> bool:
    """Whether `span` shares text with any of `spans`."""
    return any(span[0] < b and a < span[1] for a, b in spans)


def blanket_statements(c: View) -> list[tuple[Span, tuple[Owner, ...]]]:
    """Each blanket statement (以下均需试点城市政府落实，不再列出; 各片区配合落实) with the
    bodies it names and their role: they take that role in every measure after it (clean spans)."""
    found = []
    for pattern in roles().blanket:
        for m in pattern.finditer(c.text):
            role = roles().role_of(m.group("role"))
            names = tuple((n, role, sp) for n, sp, _ in _parse_list(c, m.start("body"), m.end("body")))
            if names:
                found.append((c.span(m.start(), m.end()), names))
    return found


def _blanket(c: View, lists: list[OwnerClause]) -> list[OwnerClause]:
    """The bodies of a blanket statement added to every owner list written after it."""
    for (at, _), names in blanket_statements(c):
        lists = [replace(cl, owners=cl.owners + names)
                 if cl.anchor[0] >= at and any(r == "lead" for _, r, _ in cl.owners) else cl
                 for cl in lists]
    return lists


_JOINED = re.compile(r"(?:[和与及、，,\s]|以及)*")
"""What may stand between two bodies written as one list item: 区科技局和区财政局."""


@dataclass(frozen=True)
class _Mentions:
    """The organisation finder's mentions ordered by start (longest first), with their
    starts, so an owner item finds the mentions inside it by bisection, not a full scan."""

    spans: tuple[Span, ...]
    starts: tuple[int, ...]

    @staticmethod
    def of(mentions: tuple[Span, ...]) -> _Mentions:
        spans = tuple(sorted(mentions, key=lambda m: (m[0], -m[1])))
        return _Mentions(spans, tuple(m[0] for m in spans))

    def inside(self, span: Span) -> list[Span]:
        """The mentions inside `span`, ordered by start, longest first."""
        lo, hi = bisect.bisect_left(self.starts, span[0]), bisect.bisect_right(self.starts, span[1])
        return [m for m in self.spans[lo:hi] if m[1] <= span[1]]


def _split_joined(owner: Owner, text: str, mentions: _Mentions) -> list[Owner]:
    """An item the organisation finder read as several bodies joined by 和/与/及 is those
    bodies (由区科技局和区财政局负责: two leads); any other item stays as written."""
    name, role, span = owner
    inside: list[Span] = []
    for m in mentions.inside(span):
        if not inside or m[0] >= inside[-1][1]:
            inside.append(m)
    if len(inside) == 1:
        return [_trimmed(owner, text, inside[0])]
    if not inside:
        return [owner]
    gaps = [text[a:b] for a, b in zip([span[0]] + [m[1] for m in inside], [m[0] for m in inside] + [span[1]])]
    if not all(_JOINED.fullmatch(gap) for gap in gaps):
        return [owner]
    return [(text[a:b], role, (a, b)) for a, b in inside]


def _trimmed(owner: Owner, text: str, mention: Span) -> Owner:
    """充分发挥行业协会 read as written, where the organisation finder's name (行业协会) ends
    with it and starts later: the words before the name are no part of it (a region is)."""
    name, role, span = owner
    prefix = text[span[0]:mention[0]]
    # (各级疫情防控指挥部: every level's body, whose 各级 is part of what the owner is)
    # (县级以上 before a name the finder cut: a range of levels, part of the owner's name)
    if (name != text[span[0]:span[1]] or mention[1] != span[1] or len(prefix) < 2
            or split_region(name)[0] or any(ch in prefix for ch in "、，,和与及") or "以上" in prefix
            or name.startswith(roles().collective_prefixes)):
        return owner
    return (text[mention[0]:mention[1]], role, mention)


def find_owner_clauses(text: str, tables: tuple[Table, ...] = (), *, mentions: tuple[Span, ...] = (),
                       view: View | None = None, refusals: bool = True) -> list[OwnerClause]:
    """Every owner expression in a clean text (and its task tables), in text order.

    `mentions` are the organisation finder's mentions (clean spans): an item holding
    several of them joined by 和/与/及 names each. `view`: the text's view when the caller
    holds it already (`Analysed.spaced`). `refusals`: keep what the clause reader's slots
    held and its filters refused, each as a clause without owners (for `owners.explain`;
    the same filters decide either way, so the owners are the same).
    """
    c = view or compact(text)
    grid = _grid_rows(text, tables)
    # rows read as a table are not read again from their flattened text (where a blank
    # lead cell would make the 配合 cell lead)
    covered = [row.scope for row in grid]
    lists = _note_clauses(c) + [cl for cl in _table_clauses(c) if not _overlaps(cl.scopes[0], covered)]
    lists = _blanket(c, lists)
    # a note's own words (区资源生态局牵头负责) are not a sentence's subject
    bodies: dict[int, int] = {}
    for a, b in mentions:
        bodies[a] = max(bodies.get(a, b), b)
    noted = _Union.of([n.anchor for n in lists if n.owners])
    sentences = [cl for cl in _clause_clauses(c, bodies, refusals=refusals) if not noted.holds(cl.anchor[0])]
    rows = [OwnerClause(row.owners, row.scope, (row.scope,)) for row in grid if row.owners]
    ordered = _Mentions.of(mentions)
    clauses = [_joined_split(cl, text, ordered) for cl in lists + sentences + rows]
    return sorted(clauses, key=lambda cl: cl.anchor)


@dataclass(frozen=True)
class _Union:
    """The union of half-open spans, merged and in order: whether a point lies in any of the
    spans is one bisection (each refused candidate of the clause reader asks it)."""

    starts: list[int]
    ends: list[int]

    @staticmethod
    def of(spans: list[Span]) -> _Union:
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(span for span in spans if span[0] < span[1]):
            if ends and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        return _Union(starts, ends)

    def holds(self, point: int) -> bool:
        k = bisect.bisect_right(self.starts, point) - 1
        return k >= 0 and point < self.ends[k]


def _joined_split(clause: OwnerClause, text: str, mentions: _Mentions) -> OwnerClause:
    """The clause with each owner item the organisation finder reads as several bodies split
    (`_split_joined`); the clause itself when nothing splits (copying a frozen dataclass
    for every clause was a tenth of the clause reader's time)."""
    owners = tuple(o for owner in clause.owners for o in _split_joined(owner, text, mentions))
    return clause if owners == clause.owners else replace(clause, owners=owners)
