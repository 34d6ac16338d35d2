"""The history a law or regulation carries in its header: one dated act a line.

    1949年12月23日 政务院发布
    2013年12月11日 《国务院关于修改〈全国年节及纪念日放假办法〉的决定》第三次修订
    2025年3月17日 中华人民共和国国务院令第802号修订）

A revised regulation is dated by its latest act, not its first, and numbered by the latest
order (国务院令第802号); the lines a new version adds are its revisions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.lexicons import alternation, load_json
from extractor.structure.dates import DATE, iso_date
from extractor.structure.markers import CN_DIGITS

_RULES = load_json("diff_revisions.json")
_ACT_LINE = re.compile(r"^[ \t\u3000]*(?P<line>(?P<date>\d{4}年\d{1,2}月\d{1,2}日)[^\n]{0,160}?(?:%s))"
                       r"[）)。 \t\u3000]*$" % alternation(_RULES["acts"]), re.MULTILINE)
_ORDER = re.compile(r"(?:(?![年月日])[\u4e00-\u9fff]){0,16}(?:%s)第[%s\d]{1,5}号" % (alternation(_RULES["orders"]), CN_DIGITS))
_BODY_START = re.compile(rf"^[ \t\u3000#]*第[{CN_DIGITS}\d]+[章条]", re.MULTILINE)
"""The first chapter or article: the header ends before it."""
HEADER_LIMIT = 3000


@dataclass(frozen=True)
class Act:
    """One dated line of a regulation's history."""

    date: str  # ISO
    text: str  # the line as written, without its closing bracket


@dataclass(frozen=True)
class History:
    """The dated acts of a header in order, and the latest order number among them."""

    acts: tuple[Act, ...] = ()
    order: str | None = None

    @property
    def date(self) -> str | None:
        """The date of the latest act (the version's own date)."""
        return max((a.date for a in self.acts), default=None)


def read_history(text: str) -> History:
    """The dated acts of the header (before the first chapter or article).

    Example:
        >>> h = read_history("条例\\n2020年7月5日 国务院令第728号公布\\n2025年3月17日 国务院令第802号修订）\\n第一条 …")
        >>> h.date, h.order
        ('2025-03-17', '国务院令第802号')
    """
    body = _BODY_START.search(text, 0, HEADER_LIMIT)
    header = text[:body.start() if body else min(len(text), HEADER_LIMIT)]
    acts = []
    for m in _ACT_LINE.finditer(header):
        day = iso_date(DATE.match(m.group("date")))
        if day is not None:
            acts.append(Act(day, re.sub(r"\s+", " ", m.group("line")).strip()))
    orders = [o.group(0) for a in acts for o in _ORDER.finditer(a.text)]
    return History(tuple(acts), orders[-1] if orders else None)
