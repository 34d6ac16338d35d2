"""The other ways a programme is written: nationwide names, four-character formulas after an
implementing verb, listed schemes, campaigns named by place, defined short forms and names
grouped under their shared head."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from extractor.extraction.candidates import NamedFilter, named
from extractor.extraction.programmes.cues import body_heads
from extractor.extraction.programmes.document import Doc, Proposal
from extractor.extraction.programmes.quoted import metaphor
from extractor.extraction.programmes.start import CHINESE_RUN, name_start, specific, verbs_in
from extractor.text.patterns import DEFINED_SHORT_FORM

_ENUMERATION_JOINT = re.compile(r"、")  # an item of an enumeration may hold 和 (…和…管理): it is refused whole
_LIST_JOINT = re.compile(r"[、和及]")
_GROUPED = re.compile(r"(?<=[（(])以下统称[“「]([^”」]{1,12})[”」][）)]")


def nationwide(doc: Doc) -> list[Proposal]:
    """一带一路, 放管服 …: nationwide names need no cue."""
    return [Proposal(doc, "standard", m.group(), m.start(), m.end())
            for m in doc.cues.standard_re.finditer(doc.view.text)]


def _inside_quoted_name(p: Proposal) -> str | None:
    """“互联网+农机作业”: a nationwide name inside a longer quoted name is part of it (an
    item of a quoted enumeration, “一站通兑、一网通办”, stays a name of its own)."""
    # Quoted names are apart and in order: only the last one starting at or before the name can hold it.
    at = bisect.bisect_right(p.doc.quoted_names, (p.start, len(p.compact)))
    start, end = p.doc.quoted_names[at - 1] if at else (0, 0)
    inside = start <= p.start and p.end <= end and end - start > p.end - p.start
    return "part of a longer quoted name" if inside else None


def formulas(doc: Doc) -> list[Proposal]:
    """推进优机优补, 实行以奖代补: a four-character policy formula after an implementing verb."""
    return [Proposal(doc, "formula", m.group(1), m.start(1), m.end(1))
            for m in doc.cues.formula.finditer(doc.view.text)]


def listed(doc: Doc) -> list[Proposal]:
    """实施职务科技成果单列管理、先用后转等改革试点, 实施耕地地力保护补贴、玉米大豆生产者补贴和
    稻谷补贴政策: each item of the list is a scheme."""
    proposals = []
    cues, text = doc.cues, doc.view.text
    for pattern, joint, words in ((cues.enumeration, _ENUMERATION_JOINT, cues.enumeration_ends),
                                  (cues.support_list, _LIST_JOINT, cues.list_heads)):
        if not any(word in text for word in words):
            continue  # speed: a list of either kind holds one of these words; `in` finds none at once
        for m in pattern.finditer(text):
            proposals += _items(doc, m, joint)
    return proposals


def _items(doc: Doc, m: re.Match[str], joint: re.Pattern[str]) -> list[Proposal]:
    """One proposal per item of the list in group 1 of `m`, each knowing every item."""
    items = joint.split(m.group(1))
    start = m.start(1)
    proposals = []
    for item in items:
        proposals.append(Proposal(doc, "listed", item, start, start + len(item), forms=tuple(items)))
        start += len(item) + 1
    return proposals


def _unlike_names(p: Proposal) -> str | None:
    """Every item of the list must read as a name: specific, no particle, no verb."""
    cues = p.doc.cues
    for item in p.forms:
        if not specific(item, cues) or cues.particle.search(item) or next(verbs_in(item, cues), None):
            return f"the list item {item} is no name"
    return None


def campaigns(doc: Doc) -> list[Proposal]:
    """美丽平潭, 健康平潭: a campaign prefix and a place; `strength` holds a campaign verb
    before or after it (建设健康中国), `forms` the other prefixes the same place takes."""
    if not any(prefix in doc.view.text for prefix in doc.cues.campaign_prefixes):
        return []  # `in` finds a word at once; the pattern opens with a look-ahead re cannot skip by
    matches = list(doc.cues.campaign.finditer(doc.view.text))
    return [Proposal(doc, "campaign", m.group(2) + m.group(3), m.start(2), m.end(3),
                      mid=m.start(3), strength=m.group(1) or m.group(4),
                      forms=tuple(o.group(2) for o in matches if o.group(3) == m.group(3) and o.group(2) != m.group(2)))
            for m in matches]


def _no_campaign(p: Proposal) -> str | None:
    """健康监测 is no campaign: the place must be specific, and 建设 must stand next to it
    or the same place take a second campaign (美丽平潭、健康平潭)."""
    cues = p.doc.cues
    if not specific(p.name[2:], cues):
        return f"{p.name[2:]} is no place"
    if p.strength and p.compact[p.end:p.end + 2] != p.strength and CHINESE_RUN.match(p.compact, p.end) \
            and not cues.particle.match(p.compact, p.end):
        return f"runs on into {p.compact[p.end:p.end + 2]}: part of a longer word (建设平安法治乡村)"
    return None if p.strength or p.forms else "neither 建设 next to it nor a second campaign of the place"


def defined(doc: Doc) -> list[Proposal]:
    """秦创原总窗口（以下简称“总窗口”）: the full form, with the short form it defines."""
    proposals: list[Proposal] = []
    if "以下简称" not in doc.view.text:
        return proposals  # speed: `in` finds the words at once; the pattern scans for every bracket
    for m in DEFINED_SHORT_FORM.finditer(doc.view.text):
        start = name_start(doc.view, m.start(), doc.cues)
        begin = m.start() if start is None else start
        proposals.append(Proposal(doc, "defined", doc.view.text[begin:m.start()], begin, m.start(),
                                   mid=m.start(), forms=(m.group(1),)))
    return proposals


def grouped(doc: Doc) -> list[Proposal]:
    """入驻A孵化基地、B总部基地（以下统称“基地”）: each listed name that ends in the word
    they are grouped under is a name of its own (“四镇” groups places that end in 镇: none)."""
    proposals: list[Proposal] = []
    if "以下统称" not in doc.view.text:
        return proposals  # speed: `in` finds the words at once; a pattern led by a look-behind tries every character
    for m in _GROUPED.finditer(doc.view.text):
        end = m.start() - 1  # the bracket
        while doc.view.text.endswith(m.group(1), 0, end):
            start = name_start(doc.view, end, doc.cues)
            begin = end if start is None else start
            proposals.append(Proposal(doc, "grouped", doc.view.text[begin:end], begin, end, mid=end - len(m.group(1))))
            if begin < 1 or doc.view.text[begin - 1] != "、":
                break
            end = begin - 1
    return proposals


def _too_short(p: Proposal) -> str | None:
    return "no full form of three characters or more before it" if len(p.name) < 3 else None


def _holds_quote(p: Proposal) -> str | None:
    return "holds a quote: a quoted term's context, not a full name" if "“" in p.name else None


def _actors(p: Proposal) -> str | None:
    """农业生产经营组织（以下简称“购机者”）: a class of actors is defined, not a programme."""
    return "names a class of actors" if p.name.endswith(p.doc.cues.actor_nouns) else None


def _body(p: Proposal) -> str | None:
    """A short form of a body (局, 委员会, 公司 …) is the organisations' to take."""
    heads = [h for h in body_heads() if p.name.endswith(h)]
    return f"ends in the organisation head {max(heads, key=len)}" if heads else None


WAYS: tuple[tuple[str, Callable[[Doc], list[Proposal]]], ...] = (
    ("standard", nationwide), ("formula", formulas), ("listed", listed), ("campaign", campaigns),
    ("defined", defined), ("grouped", grouped))
LOCAL: dict[str, tuple[NamedFilter[Proposal], ...]] = {
    "standard": (),
    "formula": named(metaphor),
    "listed": named(_unlike_names),
    "campaign": named(_no_campaign),
    "defined": named(_too_short, _body, _actors, metaphor, _holds_quote),
    "grouped": named(_too_short, _body, _actors, metaphor, _holds_quote),
}
# decided once the quoted names of the document are known
WHOLE: dict[str, tuple[NamedFilter[Proposal], ...]] = {"standard": named(_inside_quoted_name)}
