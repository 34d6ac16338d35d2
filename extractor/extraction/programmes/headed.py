"""Unquoted names: a specific modifier and a programme head (基金 计划 工程 行动 试点城市 …),
cut at the nearest boundary and past the clause words on its left, and the filters that
refuse generic, clausal, cited or common-noun readings."""
from __future__ import annotations

import re

from extractor.extraction.candidates import NamedFilter, named
from extractor.extraction.programmes.cues import CHINESE_NUMERAL
from extractor.extraction.programmes.document import Doc, Proposal
from extractor.extraction.programmes.start import (after_cue_verb, aims_joined, bounded_at, clause_word, leading_place, name_start,
                                                   names_something, specific, titled_modifier, titled_start, verbs_in)

_TITLE_END = re.compile(r"(?:[（(][^（）()]{1,20}[）)])?》")  # …三年行动计划（2024—2026年）》: the cited plan itself
# A figure cut inside its unit (500千|伏): a bare number before a name is a row number (2\n宁波…).
_FIGURE_BEFORE = re.compile(r"\d[\d.]*[万亿千百]+$")
_FIELD_MARKS = frozenset("|｜:：")
_MAGNITUDE_ENDS = frozenset("万亿千百\n")  # the last character of such a figure (or a line break `$` passes over)
# A section marker right before a name: the heading names a part of this document.
_MARKER_BEFORE = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]|[①-⑳])$")
# the last character of such a marker (or a line break after it, which `$` passes over)
_MARKER_ENDS = frozenset("）)、.．\n") | frozenset(chr(c) for c in range(ord("①"), ord("⑳") + 1))


def propose(doc: Doc) -> list[Proposal]:
    """Every programme head in the view, with the name that would end in it."""
    proposals = []
    cues, view, text = doc.cues, doc.view, doc.view.text  # read for every head: looked up once
    for m in cues.heads.finditer(text):
        found, mid = m.group(), m.start()
        # most runs are one head: the look-up spares a search through every head word
        head = found if found in cues.head_words else cues.last_head.search(found).group()  # type: ignore[union-attr]  # a run of heads ends in one
        # What a platform does is part of its head: 服务 in 信息服务管理平台 is no verb ending a name.
        run = cues.function_run.search(text, max(0, mid - 12), mid) if head in cues.system_heads else None
        end = run.start() if run else mid
        start: int | None
        if end > 0 and bounded_at(text[end - 1], cues):
            titled, start = None, end  # (的平台, ，行动) the name can only start here: no search needed
        else:
            titled = titled_start(view, end, head, cues)
            start = name_start(view, end, cues) if titled is None else titled
        if run and cues.boundary_before.search(text, max(0, end - 6), end):
            start = end  # 依托办理服务系统: the verb ends the clause, the function words start the name
        if start is not None:
            start = _past_clause_words(doc, start, mid)
            if head in cues.designation_heads:
                start = aims_joined(view, start, mid, cues) or start
        begin = mid if start is None else start
        proposals.append(Proposal(doc, "headed", text[begin:m.end()], begin, m.end(), mid=mid, head=head,
                                  strength="" if start is None else "titled" if titled is not None else "bounded"))
    return proposals


def _past_clause_words(doc: Doc, start: int, mid: int) -> int:
    """Where a name starts once the clause words on its left are cut off (筹办好北京冬奥会
    → 北京冬奥会), keeping two characters or more before the head; what an implementing verb
    introduces is a name as it stands (实施就业优先战略)."""
    compact = doc.view.text
    if after_cue_verb(compact, start, doc.cues):
        return start
    word = clause_word(doc, compact[start:mid])
    while word and mid - (start + len(word)) >= 2:
        start += len(word)
        if compact.startswith(doc.cues.verb_complements, start) and mid - start > 2:
            start += 1
        word = clause_word(doc, compact[start:mid])
    return start


def _inside_longer_name(p: Proposal) -> str | None:
    """国际创投（基金）小镇, 工程研究中心, 基金会: the head is part of another word."""
    follower = p.doc.cues.head_not_before.match(p.compact, p.end)
    if follower or p.compact.startswith(("）", ")"), p.end):
        return f"the head runs on into {follower.group() if follower else '）'}"
    return None


def _document_itself(p: Proposal) -> str | None:
    """本行动计划, 该基金: the document or a thing already named."""
    if p.compact[p.mid - 1:p.mid] not in p.doc.cues.itself_ends:
        return None  # speed: no such word ends right before the head (a set look-up)
    return "the document itself (本, 该)" if p.doc.cues.itself.search(p.compact, max(0, p.mid - 2), p.mid) else None


def _department(p: Proposal) -> str | None:
    stems = p.doc.cues.department_stems
    return "a department (发展改革…)" if p.compact.startswith(stems, max(0, p.end - 4)) else None


def _cited_title(p: Proposal) -> str | None:
    """…三年行动计划（2024—2026年）》: the cited plan is a citation."""
    if not p.compact.startswith(("》", "（", "("), p.end):
        return None  # speed: what a cited title's end opens with, read without the pattern
    m = _TITLE_END.match(p.compact, p.end)
    return "ends a cited title 《…》" if m is not None and m.end() in p.doc.title_ends else None


def _unbounded(p: Proposal) -> str | None:
    return "nothing bounds a name on its left within reach" if not p.strength else None


def _class_of_things(p: Proposal) -> str | None:
    """组建各类海洋产业发展基金: after a word that counts kinds, the name is a kind of thing,
    not one named programme; but a designation stays one (实施一批国家现代农业产业园: several
    units of one national programme)."""
    cues = p.doc.cues
    if p.name.startswith(cues.anchors) or p.head in cues.designation_heads:
        return None
    if p.compact[p.start - 1:p.start] not in cues.class_ends:
        return None  # speed: no word that counts kinds ends right before the name (a set look-up)
    word = cues.class_before.search(p.compact, max(0, p.start - 3), p.start)
    return f"a kind of thing after {word.group()}" if word else None


def _counted(p: Proposal) -> str | None:
    """三十年整省试点, 两个示范区: a name never starts with a count of time or things (the count
    belongs to the clause: 延长三十年). Counted abbreviations start names (三项改革, 一号工程:
    项 and 号 are no counts here), and what an implementing verb introduces is a name as it
    stands (实施三年百万青年见习计划)."""
    cues = p.doc.cues
    if p.name[:1] not in CHINESE_NUMERAL:
        return None  # speed: a count opens with a numeral (a look-up, no pattern call)
    count = cues.count_start.match(p.name)
    if count is None or after_cue_verb(p.compact, p.start, cues):
        return None
    return f"starts with the count {count.group()}"


def _after_figure(p: Proposal) -> str | None:
    """巴林—奈曼—阜新500千伏输变电工程: a name cut right after a figure and its magnitude starts
    inside the figure's unit; a date (2024年…行动) or a row number before a name stays outside."""
    if p.compact[p.start - 1:p.start] not in _MAGNITUDE_ENDS:
        return None  # speed: a figure's magnitude ends right before the name or nothing does
    figure = _FIGURE_BEFORE.search(p.compact, max(0, p.start - 8), p.start)
    return f"runs on from the figure {figure.group()}" if figure else None


def _section_heading(p: Proposal) -> str | None:
    """（二）创新资源聚变行动: a heading names a part of this document."""
    if p.compact[p.start - 1:p.start] not in _MARKER_ENDS:
        return None  # speed: no marker ends right before the name (a set look-up, no pattern call)
    return "a section heading" if _MARKER_BEFORE.search(p.compact, max(0, p.start - 6), p.start) else None


def _generic_modifier(p: Proposal) -> str | None:
    """A campaign named as a whole (实施…行动) may hold verbs: its modifier need only be specific."""
    if (names_something(p.modifier, p.head, p.doc.cues)
            or (p.strength == "titled" and titled_modifier(p.modifier, p.doc.cues)
                and not p.modifier.endswith(p.doc.cues.head_not_after))):
        return None
    return f"the modifier {p.modifier or '(none)'} names nothing specific"


def _place_alone(p: Proposal) -> str | None:
    """湖州市改革 (2023年湖州市改革工作): a place alone says where, not which programme."""
    return f"the modifier is only the place {p.modifier}" if p.modifier and leading_place(p.modifier) == p.modifier else None


def _kind(p: Proposal) -> str | None:
    """战略战役性改革, 引领型改革: a modifier ending in 性 or 型 names a kind of reform, fund or
    platform (a nationwide name of that shape, 供给侧结构性改革, is known by name)."""
    if not p.modifier.endswith(p.doc.cues.kind_endings):
        return None
    known = p.doc.cues.standard_re.search(p.name)  # 钢铁行业供给侧结构性改革: a sector's form of it
    return None if known and known.end() == len(p.name) else f"a kind of {p.head} (…{p.modifier[-1]})"


def _acted(p: Proposal) -> str | None:
    """迅速行动, 各部门积极行动: right after an adverb of manner the head is a verb (act
    quickly), not the end of a name."""
    if p.modifier[-1:] not in p.doc.cues.manner_ends:
        return None  # speed: no adverb of manner ends the modifier (a set look-up)
    word = p.doc.cues.manner_before.search(p.modifier)
    return f"a verb after the adverb {word.group()}" if word else None


def _word_tail(p: Proposal) -> str | None:
    """者三基金 (…或者三基金): a character that only ends a word (或者, 建设者) starts no name."""
    return f"starts with {p.name[0]}, which ends words" if p.name.startswith(p.doc.cues.word_tails) else None


def _quoted_term(p: Proposal) -> str | None:
    """“先投后股”专项资金: the quoted pass owns a quoted term with its scheme noun."""
    return "starts with a quoted term" if p.name.startswith("“") else None


def _leading_verb(p: Proposal) -> str | None:
    """A name never starts with a verb, adverb, pronoun or conjunction (总结试点,
    有力有序开展试点): what starts so, with too little left to cut it off, is a clause."""
    word = None if after_cue_verb(p.compact, p.start, p.doc.cues) \
        else clause_word(p.doc, p.name)
    return f"starts with {word}: a clause, not a name" if word and len(word) <= len(p.modifier) else None


def _verb_object(p: Proposal) -> str | None:
    """开展试点, 确保试点, 深化改革: a verb right before an object head takes it as its object."""
    cues = p.doc.cues
    if p.head not in cues.object_heads or not p.modifier:
        return None
    verb = next((m.group() for m in verbs_in(p.modifier, cues)
                 if m.end() == len(p.modifier) and m.group() not in cues.nominal_verbs), None)
    return f"the object of the verb {verb}" if verb else None


def _named_system(p: Proposal) -> bool:
    """农机化信息服务管理平台, 科技成果公示系统: a specific domain, then what the system does."""
    cues = p.doc.cues
    function = cues.system_function.search(p.modifier)
    return (p.head in cues.system_heads and function is not None
            and specific(p.modifier[:function.start()], cues))


def _common_noun_head(p: Proposal) -> str | None:
    """平台, 战略, 基地 also end common nouns: the name needs an anchor (国家, 全球 …), a
    nationwide name (乡村振兴战略), an implementing verb right before it (实施就业优先战略; not
    for a platform or system, which is implemented as a thing: 实行补贴系统常年开放), function
    words if it is a platform or system (see `_named_system`), or the document's brand."""
    cues = p.doc.cues
    if (p.head not in cues.anchored_heads or p.name.startswith(cues.anchors + p.doc.brands)
            or cues.standard_re.match(p.name)  # 乡村振兴战略: a nationwide name and its head
            or (p.head not in cues.system_heads and after_cue_verb(p.compact, p.start, cues))
            or _named_system(p)):
        return None
    return f"{p.head} ends common nouns: no anchor, implementing verb, function or brand"


def _category_value(p: Proposal) -> str | None:
    """[ 体裁分类 ] | 规划计划: the value of a page's classification field names a kind of document."""
    if _FIELD_MARKS.isdisjoint(p.compact[max(0, p.start - 12):p.start]):
        return None  # speed: a field's value follows its mark (| or :); most names have none before them
    m = p.doc.cues.category_before.search(p.compact, max(0, p.start - 12), p.start)
    return f"the value of the page's field {m.group('label')}" if m else None


LOCAL: tuple[NamedFilter[Proposal], ...] = named(
    _category_value, _inside_longer_name, _document_itself, _department, _cited_title, _unbounded, _section_heading, _class_of_things,
    _counted, _after_figure, _generic_modifier, _place_alone, _kind, _acted, _word_tail, _quoted_term, _leading_verb, _verb_object)
# decided once the document's brands are known
WHOLE: tuple[NamedFilter[Proposal], ...] = named(_common_noun_head)
