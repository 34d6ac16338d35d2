"""A regulation's legislative history, as its header (题注) lists it.

A regulation is dated by its latest adoption, revision or amendment, and issued by the body
that adopted that version, not by a higher body that only approved it (an autonomous county's
regulation adopted by its people's congress, 批准 by the provincial standing committee):

    2004年1月16日 浙江省第十届人民代表大会常务委员会第七次会议通过
    2021年9月29日 浙江省第十三届人民代表大会常务委员会第三十一次会议《关于修改…的决定》修正
    （1994年1月28日中华人民共和国国务院令第142号发布 根据…第一次修订 …）
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.structure.dates import find_dates, iso_date
from extractor.structure.lexicon import lexicon
from extractor.text.numerals import COUNTING_CHARS

_HEADER_CHARS = 2500
_NUMERAL = rf"[\d{COUNTING_CHARS}]+"
# What follows a history date up to its act word; the act closes its entry (a line end, a
# bracket, the next entry), never runs on into a sentence (…会议审议通过，现印发…).
_ENTRY = re.compile(r"(?P<words>[^。，；\n（）()]{0,120}?)(?P<act>审议通过|通过|修订|修正|批准|公布|发布)"
                    r"(?=$|\s|[）)]|根据|\d)")
_SESSION = re.compile(rf"第{_NUMERAL}次|会议|令第|公告第")
_TERM = re.compile(rf"第{_NUMERAL}届")
_TITLE_IN_ENTRY = re.compile(r"《.*")
_FIRST_ARTICLE = re.compile(r"第[一1]\s*[条章]")


@dataclass(frozen=True)
class Entry:
    """One step of the history: its date (ISO), the acting body (or None), the act word and
    where the step is written."""

    date: str
    body: str | None
    act: str
    start: int


def _body(words: str) -> str | None:
    """The acting body of an entry, without its term and session (第十三届…第三十一次会议).

    Example:
        >>> _body("景宁畲族自治县第九届人民代表大会第三次会议审议")
        '景宁畲族自治县人民代表大会'
    """
    words = _TITLE_IN_ENTRY.sub("", words)  # the amending decision's title names no body
    words = _TERM.sub("", _SESSION.split(words)[0]).strip()
    words = next((words[len(p):] for p in lexicon().state_prefixes if words.startswith(p)), words)
    return words if 2 <= len(words) <= 40 and words.endswith(lexicon().org_suffixes) else None


def history(text: str) -> tuple[Entry, ...]:
    """The dated steps listed before a regulation's first article, in the order written.

    Example:
        >>> [e.date for e in history("（2005年11月25日贵州省第十届人民代表大会常务委员会第十八次会议通过）\\n第一条")]
        ['2005-11-25']
    """
    first = _FIRST_ARTICLE.search(text, 0, min(len(text), _HEADER_CHARS))
    zone = text[: first.start() if first else min(len(text), _HEADER_CHARS)]
    entries = []
    for m in find_dates(zone):
        entry = _ENTRY.match(zone, m.end())
        date = iso_date(m)
        if entry and date:
            entries.append(Entry(date, _body(entry.group("words")), entry.group("act"), m.start()))
    return tuple(entries)


def this_version(entries: tuple[Entry, ...]) -> Entry | None:
    """The step that made the version in hand: the latest one that is not a higher body's 批准."""
    own = [e for e in entries if e.act != "批准"]
    return max(own, key=lambda e: e.date) if own else None
