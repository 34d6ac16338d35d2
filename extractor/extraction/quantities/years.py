"""Years that date a statement: 到2026年, 截至2024年, 2025年底前, “十四五”末, 今年 / 去年."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractor.extraction.quantities.words import scanning
from extractor.text.numerals import cn_number

YEAR = scanning("到至截预力争12", r"(?P<pre>到|至|截至|截止|预计|力争|争取)?(?P<y>(?:19|20)\d{2})年"
                                    r"(?P<post>底前|以前|前|以来|来|底|末|初|度)?")
WITHIN_YEARS = re.compile(r"(?<![第\d])(?:未来|用)?(?P<n>[一二两三四五六七八九十]|\d{1,2})年(?:内|间|时间|建设)")
FIVE_YEAR_PLAN = scanning("到至“十", r"(?:到|至)?“?十(?P<n>[一二三四五六七八九])五”?(?:期间|期末|末|时期|规划期)")
_SINCE = re.compile(r"[^，。；]{0,6}以来")
RELATIVE_YEAR = scanning("到至截预力争今本去上明过",
                           r"(?P<pre>到|至|截至|截止|预计|力争|争取)?(?P<rel>今年|本年|去年|上年|明年|过去一年)"
                           r"(?P<post>底前|以前|前|以来|来|底|末|初|度)?")
RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "过去一年": -1, "明年": 1}
BASE_MARKS = ("比", "较", "与", "同")
# The core every match of YEAR, FIVE_YEAR_PLAN and RELATIVE_YEAR holds, at most two characters
# (到, 截至, 到“) after the match starts: a pattern opening with a plain character scans fast.
_CORES = {YEAR: re.compile(r"(?:19|20)\d{2}年"), FIVE_YEAR_PLAN: re.compile(r"十[一二三四五六七八九]五"),
          RELATIVE_YEAR: re.compile("|".join(RELATIVE_YEARS))}
_CORE_REACH = 2
_WITHIN_CORE = re.compile("年(?:内|间|时间|建设)")


@dataclass(frozen=True)
class YearMention:
    """A year that dates a statement: `due` for 到2026年 / 2025年底前 / “十四五”末,
    `as_of` for 截至2024年; neither for a plain 2024年."""

    start: int
    end: int
    year: int
    due: bool
    as_of: bool


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, trying only the places just before a core
    (`_CORES`): no match can start anywhere else."""
    pos = 0
    for core in _CORES[pattern].finditer(text):
        for start in range(max(pos, core.start() - _CORE_REACH), core.start() + 1):
            m = pattern.match(text, start)
            if m:
                yield m
                pos = m.end()
                break


def year_mentions(text: str, now: int | None = None) -> list[YearMention]:
    """Years that date a statement, in order: not a range end, not 以来, not a base year
    (较2020年增长), not a cited title's; 今年 / 去年 / 明年 too when the document's year is known."""
    out = []
    # every YEAR and RELATIVE_YEAR match holds 年, every FIVE_YEAR_PLAN one 五: a str test spares the scan
    dated, planned = "年" in text, "五" in text
    for m in _matches(YEAR, text) if dated else ():
        before = text[m.start("y") - 1] if m.start("y") else "。"
        if before in "—–-－~～比较" or m.group("post") in ("以来", "来") or _SINCE.match(text, m.end()):
            continue
        if text.rfind("《", 0, m.start()) > text.rfind("》", 0, m.start()):
            continue  # the year of a cited title
        due = m.group("pre") in ("到", "至", "预计", "力争", "争取") or m.group("post") in ("前", "底前", "以前")
        out.append(YearMention(m.start(), m.end(), int(m.group("y")), due, m.group("pre") in ("截至", "截止")))
    for m in _matches(FIVE_YEAR_PLAN, text) if planned else ():
        if text[:m.start()].rstrip("“").endswith(BASE_MARKS):
            continue  # 较“十二五”末增加: the base of a comparison
        n = cn_number(m.group("n")) or 0  # 十三五: the 13th plan, ending 2005 + 5 × 13 = 2020
        out.append(YearMention(m.start(), m.end(), 2005 + 5 * n, True, False))
    for m in _matches(RELATIVE_YEAR, text) if now and dated else ():
        if text[m.start("rel") - 1:m.start("rel")] in BASE_MARKS or m.group("post") in ("以来", "来"):
            continue  # 比上年, 与去年同期相比: the base of a comparison; 今年以来: a span
        due = m.group("pre") in ("到", "至", "预计", "力争", "争取") or m.group("post") in ("前", "底前", "以前")
        year = (now or 0) + RELATIVE_YEARS[m.group("rel")]  # (read only when `now` is known)
        out.append(YearMention(m.start(), m.end(), year, due, m.group("pre") in ("截至", "截止")))
    return sorted(out, key=lambda y: y.end)



def holds_window(text: str) -> bool:
    """Whether `text` may hold a 三年内 window: the 年内 / 年间 / 年时间 / 年建设 every one ends with.
    Most texts hold none, and `WITHIN_YEARS`, opening with a look-behind, scans slowly."""
    return _WITHIN_CORE.search(text) is not None


def last_window(text: str, pos: int = 0) -> re.Match[str] | None:
    """The last 三年内 window (`WITHIN_YEARS`) of `text` from `pos`, None when there is none."""
    found = None
    for found in WITHIN_YEARS.finditer(text, pos):
        pass
    return found
