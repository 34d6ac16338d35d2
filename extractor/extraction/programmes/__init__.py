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
  qualifies once qualifies everywhere; emphasis and metaphor (“卡脖子”“书架”), schedules and
  sentences (a modal word: “疫情要防住、经济要稳住…”) never do.
- Unquoted names end in a programme head (基金 计划 工程 行动 改革 试点城市 博览会 论坛 …) after a
  specific modifier, cut at the nearest particle, number or verb on its left (a verb the tagger
  reads as a word of its own: 服务 in 服务业 is none), and past the clause words (筹办好, 不得随意, 也)
  that start no name; a campaign the text names as a whole (实施…行动, …三年行动, …行动、…行动)
  keeps the verbs inside its title; a head right after an adverb of manner (积极行动) is a verb;
  a modifier of generic words only (创新 科技
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
  乡村振兴战略) fold into one entry; a name opening with a place and its level is the programme
  that place implements, named without it (成都市城市社区…工程 → 城市社区…工程, the place's form an alias).

Modules: `cues` (the word lists compiled), `document` (what filters read), `start` (where a
name starts), `quoted`, `headed` and `forms` (the ways, each with its filters), `merging`
(forms of one programme into one entry). All word lists live in
``resources/programme_cues.json``; organisation heads (which end a body, not a programme)
come from the organisation head table through `cues.body_heads`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractor.extraction.analysed import Analysed, analyse
from extractor.extraction.candidates import Candidate, Decision, NamedFilter, judge
from extractor.extraction.programmes import forms, headed, quoted
from extractor.extraction.programmes.cues import load_cues
from extractor.extraction.programmes.document import Doc, Proposal
from extractor.extraction.programmes.merging import add_mentions, gather, merge
from extractor.model import DocTree, Programme
from extractor.text import View

__all__ = ["FAMILY", "explain", "find_programmes"]

FAMILY = "programmes"
_CITED = re.compile(r"《[^《》]{1,200}》")
_LOCAL: dict[str, tuple[NamedFilter[Proposal], ...]] = {"quoted": quoted.LOCAL, "headed": headed.LOCAL, **forms.LOCAL}
_DOCUMENT: dict[str, tuple[NamedFilter[Proposal], ...]] = {"quoted": quoted.WHOLE, "headed": headed.WHOLE, **forms.WHOLE}


def _summary(doc: Doc, passed: list[Proposal]) -> Doc:
    """What the whole document says, from the candidates that passed their own filters."""
    quotes = [p for p in passed if p.way == "quoted"]
    weak: dict[str, int] = {}
    for p in quotes:
        if p.strength == "weak":
            weak[p.name] = weak.get(p.name, 0) + 1
    prefixes: dict[str, set[str]] = {}
    starts: dict[str, set[int]] = {}  # two names read at one place (…战略, …战略战役性改革) are one mention
    for p in passed:
        if p.way != "quoted" and p.way != "defined":
            prefixes.setdefault(p.name[:3], set()).add(p.name)
            starts.setdefault(p.name[:3], set()).add(p.start)
    qualified = frozenset(p.name for p in quotes if p.strength == "strong")
    return replace(
        doc, qualified=qualified, quoted_names=tuple((p.start, p.end) for p in quotes
                                                if p.name in qualified and quoted.ENUMERATION.isdisjoint(p.name)),
        weak_counts=tuple(weak.items()),
        defined=frozenset(p.forms[0] for p in passed if p.way == "defined"),
        # a brand starts with a word of its own (秦创原), not a generic one (创新创业…)
        brands=tuple(pre for pre, names in prefixes.items()
                     if len(names) >= 2 and len(starts[pre]) >= 2 and doc.cues.generic.fullmatch(pre[:2]) is None))


def _judged(view: View) -> list[tuple[Proposal, Decision | None]]:
    """Every candidate and its decision, in the order the ways are read."""
    cues = load_cues()
    doc = Doc(view, cues, title_ends=frozenset(m.end() for m in _CITED.finditer(view.text)))
    marks = [(p, judge(p, quoted.LOCAL)) for p in quoted.propose(doc)]
    quotes = iter(quoted.read([p for p, d in marks if d is None]))
    first = [(next(quotes) if d is None else p, d) for p, d in marks]
    for way, propose in (("headed", headed.propose), *forms.WAYS):
        first += [(p, judge(p, _LOCAL[way])) for p in propose(doc)]
    whole = _summary(doc, [p for p, d in first if d is None])
    return [(p, d if d is not None else _judge_whole(p, whole)) for p, d in first]


def _judge_whole(p: Proposal, whole: Doc) -> Decision | None:
    """The decision of the filters that read the whole document (none for some ways: then
    there is no copy of the proposal to make)."""
    filters = _DOCUMENT.get(p.way, ())
    return judge(p.evolve(doc=whole), filters) if filters else None


def _candidate(view: View, p: Proposal, decision: Decision | None) -> Candidate:
    end = max(p.end, p.start + 1)
    detail = " ".join(filter(None, [p.way, f"head={p.head}" if p.head else "",
                                    f"strength={p.strength}" if p.strength else "",
                                    f"forms={'、'.join(p.forms)}" if p.forms else ""]))
    return Candidate(FAMILY, p.name, view.span(p.start, min(end, len(view.text))), decision, detail)


def explain(doc: DocTree | Analysed) -> tuple[Candidate, ...]:
    """Every programme candidate of a document with its decision: accepted, or the filter
    that refused it and why. `find_programmes` keeps the accepted ones.

    Example:
        >>> # 常态化实施“揭榜挂帅”“赛马制”等机制，引导…“卡脖子”问题集中
        >>> [(c.text, c.rejection and c.rejection.filter) for c in explain(tree)]  # doctest: +SKIP
        [('揭榜挂帅', None), ('赛马制', None), ('卡脖子', 'metaphor')]
    """
    view = analyse(doc).joined
    if not view.text:
        return ()
    return tuple(_candidate(view, p, d) for p, d in _judged(view))


def find_programmes(doc: DocTree | Analysed) -> tuple[Programme, ...]:
    """Every named programme in a document, with its other forms and mentions.

    Example:
        >>> # 常态化实施“揭榜挂帅”“赛马制”等机制 …
        >>> [p.name for p in find_programmes(tree)]  # doctest: +SKIP
        ['揭榜挂帅', '赛马制']
    """
    view = analyse(doc).joined
    if not view.text:
        return ()
    merged = merge(gather([p for p, d in _judged(view) if d is None]), load_cues())
    add_mentions(view.text, merged)
    return tuple(Programme(id=f"p{n}", name=entry.name, aliases=tuple(entry.aliases),
                           mentions=tuple(view.span(s, e) for s, e in sorted(set(entry.mentions))))
                 for n, entry in enumerate(merged, 1))
