"""From accepted candidates to programmes: one entry per name, the forms of one programme
folded into one entry, and every other mention of a name added."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.extraction.programmes.cues import Cues, by_first_character
from extractor.extraction.programmes.document import Proposal
from extractor.extraction.programmes.start import first_word, leading_place, specific
from extractor.model import Span

_MIN_REST = 4  # the shortest programme name left once the place is taken off (城市更新行动)

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


def gather(accepted: list[Proposal]) -> dict[str, _Entry]:
    """One entry per accepted name; a defined short form joins its full form."""
    entries: dict[str, _Entry] = {}
    for p in accepted:
        entry = entries.get(p.name)
        if entry is None:  # not setdefault: that builds an entry for every mention of a name
            entry = entries[p.name] = _Entry(p.name)
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


def _shorter_forms(name: str, cues: Cues) -> list[str]:
    """The names a longer form folds into: each part it quotes (省级“三项改革”试点 → 三项改革),
    each ending of four characters or more (秦创原春种基金 → 春种基金), and the name without
    a word that only says what kind of thing it is (稻谷补贴政策 → 稻谷补贴)."""
    quotes = [i for i, c in enumerate(name) if c in "“”"] if "“" in name else []  # most names quote nothing
    quoted = [name[i + 1:j] for i in quotes if name[i] == "“" for j in quotes if j > i and name[j] == "”"]
    kinds = [name[:-len(kind)] for kind in cues.kind_words if name.endswith(kind) and len(name) - len(kind) >= 2]
    return quoted + kinds + [name[-size:] for size in range(4, len(name))]


def _fold_standard(entries: dict[str, _Entry], cues: Cues) -> None:
    """A nationwide name folds into its form with a head or a campaign verb (乡村振兴 →
    乡村振兴战略, 高标准农田 → 高标准农田建设, itself a nationwide name): the full form names
    the programme, the bare name is how the text refers to it."""
    named = [s for s in cues.standard if s in entries]
    starts = tuple(named)
    for entry in list(entries.values()) if named else ():
        if not entry.name.startswith(starts):
            continue  # one look-up over every bare name: most names start with none
        for bare in [s for s in named if s in entries and s != entry.name and entry.name.startswith(s)]:
            rest = entry.name[len(bare):]
            if entry.name in entries and (cues.last_head.fullmatch(rest) or rest in cues.campaign_words):
                _fold(entries.pop(bare), entry)


def place_free(name: str, cues: Cues) -> str | None:
    """The programme a place's name implements, when `name` opens with a place and its level
    (成都市城市社区嵌入式服务设施建设工程 → 城市社区嵌入式服务设施建设工程), or None.

    A city or province implementing a programme writes its own name before it (the notice
    issuing 《成都市…工程实施方案》); the programme is the one named without the place, the
    place's form an alias (dev gold: 军民融合创新示范区 / 西海岸新区军民融合创新示范区).
    The rest must name something by itself and not open with a verb (鞍山市抓项目).
    """
    place = leading_place(name)
    rest = name[len(place):] if place else ""
    if len(rest) < _MIN_REST:
        return None
    opening = first_word(rest)
    if opening is None or opening[1] in cues.leading_tags or not specific(rest, cues):
        return None
    return rest


def _fold_places(entries: dict[str, _Entry], cues: Cues) -> None:
    """Each name written with its place becomes the programme named without it, the place's
    form an alias; a programme also written bare takes the place's form in."""
    for entry in list(entries.values()):
        rest = place_free(entry.name, cues)
        if rest is None:
            continue
        del entries[entry.name]
        target = entries.setdefault(rest, _Entry(rest))
        _fold(entry, target)


def merge(entries: dict[str, _Entry], cues: Cues) -> list[_Entry]:
    """The forms of one programme folded into one entry.

    A longer form folds into the shorter name it quotes or ends with (职务科技成果“三项改革”,
    省级“三项改革”试点 → 三项改革; 秦创原春种基金 → 春种基金), then short forms into longer
    ones (`_fold_start_and_head`).
    """
    _fold_places(entries, cues)
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


def _fold_start_and_head(result: list[_Entry], cues: Cues) -> None:
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


def add_mentions(compact: str, merged: list[_Entry]) -> None:
    """Add every other occurrence of a programme's name (三项改革 written without quotes)."""
    owner = {e.name: e for e in merged if len(e.name) >= 3}
    if not owner:
        return
    # grouped by first character: `re` tries only the names that start where it stands
    for m in re.finditer(by_first_character(list(owner)), compact):
        entry = owner[m.group()]
        if m.span() not in entry.mentions:
            entry.mentions.append(m.span())
