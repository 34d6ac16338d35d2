"""What a document says about all its figures: its prior kind, its year, its period, and the
scopes (a paragraph opening 到2026年, a section headed 2024年工作回顾, the rest of a paragraph
reporting 2024年，…) whose figures share a kind and a year. Read once per document, in view offsets."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from extractor.extraction.analysed import Analysed
from extractor.extraction.quantities.figures import Figure
from extractor.extraction.quantities.words import cues, matches_from, words_backwards, years
from extractor.extraction.quantities.years import RELATIVE_YEAR, RELATIVE_YEARS, YEAR, YearMention, year_mentions
from extractor.lexicons import alternation, cached
from extractor.model import Kind
from extractor.text.paragraphs import BULLETS
from extractor.text.patterns import DEFINED_SHORT_FORM


def _subject_pattern(text: str) -> re.Pattern[str]:
    """A leading place or body before a figure: the general endings (新区, 集团, 基金 …) and
    the short forms the document defines (以下简称“总窗口”), which name its subjects; not a
    one-character one (以下简称“区”), which would end every word in 区."""
    # a str search first: the pattern's bracket class scans slowly, and most texts define none
    forms = DEFINED_SHORT_FORM.finditer(text) if "以下简称" in text else ()
    defined = [w for w in (m.group("short") for m in forms) if len(w) >= 2]
    return _subjects(defined) if defined else _general_subjects()


def _subjects(defined: list[str]) -> re.Pattern[str]:
    not_before = cues()["subject_not_before"]
    # a suffix that makes one word with the character after it (市场, 县级) ends no subject there
    ends = "|".join(re.escape(s) + (f"(?![{''.join(not_before[s])}])" if s in not_before else "")
                    for s in sorted({*cues()["subject_suffixes"], *defined}, key=len, reverse=True))
    return re.compile("[^的，、（(“]{0,10}?(?:%s)" % ends)


@cached
def _general_subjects() -> re.Pattern[str]:
    """The pattern of the documents that define no short form (most): built once per rules folder."""
    return _subjects([])


_GOAL_LEAD = 12
_HEADING_MAX = 40  # a heading is a short line: longer ones are sentences
# A title's own year: not a range's end or start (2021-2023年), a deadline (2030年前), a
# horizon (2035年远景目标) or a full date (2026年4月10日, a date line in the title zone)
_TITLE_YEAR = re.compile(r"(?<![\d—–\-－~～至到])((?:19|20)\d{2})年度?"
                         r"(?![前底末以内起—–\-－~～至到]|远景|\d{1,2}月\d{1,2}日)")


@cached
def _reporting_period() -> re.Pattern[str]:
    return re.compile(r"(?<![\d—–\-－~～至到])((?:19|20)\d{2})年(?:\d{1,2}[-—–－~～至]\d{1,2}月|\d{1,2}月份|%s)"
                               % alternation(years()["reporting_periods"]))


@cached
def _date_line() -> re.Pattern[str]:
    return re.compile(r"(?:%s)[：:]\s*((?:19|20)\d{2})\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}"
                        r"|[—－]\s*((?:19|20)\d{2})年\d{1,2}月\d{1,2}日在[^\n]{2,40}?上"
                        % alternation(years()["date_labels"]))


@cached
def _date_line_start() -> re.Pattern[str]:
    """The characters a dating line starts with (see `words.matches_from`)."""
    return re.compile("[%s—－]" % "".join(sorted({w[0] for w in years()["date_labels"]})))


_DATE_LINE_REACH = 2000  # a dating line stands near the start


@dataclass(frozen=True)
class Scope:
    """A stretch of the view whose figures share a kind and a year: a paragraph opening with
    到2026年, the section under a heading that names its kind (2024年工作回顾, 主要预期目标),
    or the later sentences of a paragraph reporting a past year (2024年，…)."""

    start: int
    end: int
    year: int | None
    kind: Kind


@dataclass(frozen=True)
class Context:
    """What a document says about all its figures: its kind, its year, its period, its
    dated or headed scopes (view offsets)."""

    prior: Kind | None
    now: int | None  # the year the document speaks from: its date, title, dating line or period's start
    period: tuple[int, int] | None
    scopes: tuple[Scope, ...]
    actual_year: int | None = None  # the year an undated actual reports (a work report's past year)
    target_year: int | None = None  # the year an undated target is set for (a work report's own year)
    subject: re.Pattern[str] = re.compile("(?!)")  # see `_subject_pattern`
    top_lines: frozenset[int] = frozenset()  # where the lines of 一、 and （一） headings start


def _document_prior(zone: str, text: str) -> Kind | None:
    """`target` for a plan, rule or notice; `actual` for news, a study or a reply.

    The kind word nearest the end of the title zone (title, first title-like lines)
    decides, as a Chinese title ends with what the document is (关于支持科学研究的若干措施
    is a 措施).
    """
    kind = last_kind_word(zone, cues, "report_documents", "plan_documents")
    if kind:
        return kind
    return "target" if any(w in text for w in cues()["plan_declarations"]) else None


def last_kind_word(text: str, table: Callable[[], dict[str, Any]], actual: str, target: str) -> Kind | None:
    """`actual` or `target` by whichever kind word (the lists `actual` and `target` of `table`)
    ends nearest the end of `text` (a Chinese title or heading ends with what it is:
    主要目标任务完成情况 is a 情况); a tie goes to `actual`."""
    backwards = text[::-1]
    a, t = words_backwards(table, actual).search(backwards), words_backwards(table, target).search(backwards)
    if a is None and t is None:
        return None
    return "actual" if t is None or a is not None and a.start() <= t.start() else "target"


_SENTENCE_STOPS = "。；;！？!?"  # what ends a sentence or a clause of a list
_CLAUSE_MARKS = _SENTENCE_STOPS + "，,：:"  # a line holding one after a year is prose, not a headline
# one C search per line instead of an any() generator over the marks: every line of a text is asked
_PROSE_MARK = re.compile("[%s，,]" % _SENTENCE_STOPS)


def _goal_scopes(text: str, heads: tuple[int, ...], now: int | None) -> list[Scope]:
    """A paragraph that opens with 到2026年 (or 主要目标：到2026年) dates every goal up to the
    next top heading (`heads`: 一、 or （一）, as structure read them; a year already past when
    the document was written opens no goals)."""
    scopes = []
    for y in year_mentions(text):
        opening = y.start - (2 if text[max(0, y.start - 2):y.start] in ("力争", "争取") else 0)
        line_start = text.rfind("\n", 0, opening) + 1
        lead = text[line_start:opening]  # 总体发展目标，到2025年 / （三）发展目标。到2025年: a short lead-in may name the goals
        line_end = text.find("\n", y.end)
        rest = text[y.end:line_end if line_end >= 0 else len(text)]
        if not any(p in rest for p in _CLAUSE_MARKS):
            continue  # a headline (“十四五”时期我国新型工业化走深走实) names a period, it opens no goals
        if not y.due or now is not None and y.year < now:
            continue
        if not lead or lead[-1] in "：:" or lead[-1] in "，,。" and len(lead) <= _GOAL_LEAD and "目标" in lead:
            i = bisect.bisect_right(heads, y.start)
            scopes.append(Scope(y.start, heads[i] if i < len(heads) else len(text), y.year, "target"))
        elif lead[-1] in "，," and len(lead) <= _GOAL_LEAD and any(w in lead for w in cues()["goal_reports"]):
            # 《规划》提出，到2025年，…: a report of a plan's goals, up to the paragraph's end
            scopes.append(Scope(y.start, line_end if line_end >= 0 else len(text), y.year, "target"))
    return scopes


_CLAUSE_OPENINGS = "\n，,。；;：:"
# 2025年，… / 2024年全年… / 2024年山东产业升级成效显著。(a short topic sentence): the year a passage reports
_REPORT_OPENING = re.compile(r"[，,]|全年|[^，,。；;：:的]{2,20}。")


def _reported_scopes(text: str, now: int | None, prior: Kind | None) -> list[Scope]:
    """A past year opening a clause (2025年，规模以上工业增加值增长5.9%) dates the actuals of
    its paragraph's later sentences (…装备制造业增加值增长9.2%), up to the paragraph's end or
    the next year it names. Past: before the document's year, or, in an undated text that is
    no plan, any plain year (a news report of the year's results)."""
    if now is None and prior == "target":
        return []
    scopes = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if "年" not in line and "五" not in line:
            continue  # every year mention holds 年 or (“十四五”) 五: most lines are skipped unscanned
        found = year_mentions(line, now)
        for i, y in enumerate(found):
            if not _opens_report(line, y) or now is not None and y.year >= now:
                continue
            stop = found[i + 1].start if i + 1 < len(found) else len(line)
            sentence_end = min((line.find(p, y.end) for p in _SENTENCE_STOPS if p in line[y.end:stop]), default=stop)
            if sentence_end < stop and not _sets_goals(line[y.end:sentence_end]):
                scopes.append(Scope(start + sentence_end + 1, start + stop, y.year, "actual"))
    return scopes


def _sets_goals(sentence: str) -> bool:
    """Whether a year's own sentence speaks of what is to come (2024年，合肥将不断强化…):
    its paragraph plans, it reports nothing."""
    return any(w in sentence for w in (*cues()["target_strong"], *cues()["target_weak"]))


def _opens_report(line: str, y: YearMention) -> bool:
    """A plain year set off as a clause's opening (…。2025年，…) or heading a short topic
    sentence (2024年山东产业升级成效显著。); not 到2026年 or 截至2025年, which date one
    statement, nor 2021年启动的… or 2023年10月, which date an event."""
    opens = y.start == 0 or line[y.start - 1] in _CLAUSE_OPENINGS
    return opens and not y.due and not y.as_of and bool(_REPORT_OPENING.match(line, y.end))


_CN_HEADING = re.compile(r"[一二三四五六七八九十]+、")
_CN_SUBHEADING = re.compile(r"[（(][一二三四五六七八九十]+[)）]")


def _heading_mark(line: str) -> tuple[int, str]:
    """A heading's level and mark: (0, 一、), (1, （一）), (2, the bullet), (3, "") unmarked."""
    if _CN_HEADING.match(line):
        return 0, ""
    if _CN_SUBHEADING.match(line):
        return 1, ""
    return (2, line[0]) if line[:1] in BULLETS else (3, "")


def _heading_scopes(text: str, lines: list[tuple[int, int, str]], figures: list[Figure],
                    now: int | None) -> list[Scope]:
    """The section under each heading that names its kind (一、2024年工作回顾 → actuals of
    2024; ■ 2025年主要预期目标 → targets of 2025; 今年 / 过去一年 → against the document's year), up to the next
    heading of its level or above (a bullet: of its mark), or the next heading naming a kind."""
    starts = [f.start for f in figures]
    headings = []  # (start, end, mark, kind or None, year)
    for start, end, body in lines:
        if bisect.bisect_left(starts, start) < bisect.bisect_left(starts, end - 1):
            continue  # a line holding a figure states it, it heads nothing
        kind = last_kind_word(body, cues, "actual_headings", "target_headings")
        # a heading naming no kind only ends a section: its year is never asked
        headings.append((start, end, _heading_mark(body), kind, _heading_year(body, now) if kind else None))
    scopes = []
    for i, (start, end, mark, kind, year) in enumerate(headings):
        if kind is None:
            continue
        stop = next((s for s, _, m, k, _ in headings[i + 1:]
                     if k is not None or mark[0] < 3 and (m[0] < mark[0] or m == mark)), len(text))
        scopes.append(Scope(end, stop, year, kind))
    return scopes


def _heading_year(body: str, now: int | None) -> int | None:
    """The year a heading names: 2024年工作回顾 → 2024; 今年 / 过去一年 / 明年 → against `now`."""
    y = YEAR.search(body)
    if y:
        return int(y.group("y"))
    rel = RELATIVE_YEAR.search(body)
    return now + RELATIVE_YEARS[rel.group("rel")] if rel and now else None


def _heading_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end past its break, body) of each short line without sentence punctuation:
    the lines that may be headings."""
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        body = line.rstrip("：:")
        if body and len(body) <= _HEADING_MAX and _PROSE_MARK.search(body) is None:
            yield start, pos, body


def _titles_a_section(text: str, start: int) -> bool:
    """Whether a numbered line is a heading's title (（一）四个特色定位; （一）统筹两个市场，打造加工制造中心。):
    short, one sentence at most. A long item or one of several sentences (一、对地区生产总值增长5%以上、
    …进行监测和督导。(…负责); （一）从两处以上取得…；) states its figures, it titles nothing."""
    end = text.find("\n", start)
    body = text[start:end if end >= 0 else len(text)].rstrip("：:。")
    return len(body) <= _HEADING_MAX and not any(c in body for c in _SENTENCE_STOPS)


def _title_year(zone: str) -> int | None:
    """The latest own year a title names (关于2023年…执行情况与2024年…计划的报告 speaks from 2024)."""
    found = [int(m.group(1)) for m in _TITLE_YEAR.finditer(zone)]
    return found[-1] if found else None


def _dated_line(text: str) -> int | None:
    """The year of a line that dates the document (发布时间：2024-03-05, ——2024年3月5日在…大会上)."""
    m = next(matches_from(_date_line_start(), _date_line(), text, _DATE_LINE_REACH), None)
    return int(m.group(1) or m.group(2)) if m else None


def _year_after_review(lines: list[tuple[int, int, str]]) -> int | None:
    """A work report's year from its headings: the review of year Y (一、2024年工作回顾)
    followed by this year's goals (二、今年主要预期目标) speaks from Y + 1."""
    review = None
    for _, _, body in lines:
        kind = last_kind_word(body, cues, "actual_headings", "target_headings")
        y, rel = YEAR.search(body), RELATIVE_YEAR.search(body)
        if kind == "actual" and y and review is None:
            review = int(y.group("y"))
        elif kind == "target" and review and rel and not y:
            return review + 1 - RELATIVE_YEARS[rel.group("rel")]  # 今年 after it is Y + 1; 明年, Y
    return None


# 2024年是实现“十四五”规划目标任务的关键一年。: an opening paragraph naming the year the text speaks of
_OPENING_YEAR = re.compile(r"(?:^|\n)\s*((?:19|20)\d{2})年是")
_OPENING_REACH = 600


def _opening_year(text: str) -> int | None:
    """The year an opening paragraph says the text is about (2024年是…关键一年): a bulletin or
    a plan whose title and date are missing (a reprint's excerpt) still dates its figures."""
    m = _OPENING_YEAR.search(text, 0, _OPENING_REACH)
    return int(m.group(1)) if m else None


def _undated_years(zone: str, titled: int | None, now: int | None,
                   opening: int | None = None) -> tuple[int | None, int | None]:
    """The years an undated actual and an undated target take from the document's genre:
    a work report of Y reviews Y − 1 and sets Y; a review or a reporting period
    (2018年1-7月份…) reports its title's year; a yearly plan (工作要点) sets its year.
    With no genre to tell, an undated document's opening year (`opening`) dates both."""
    if now and any(w in zone for w in years()["work_reports"]):
        return now - 1, now
    period = _reporting_period().search(zone)
    if period:
        return int(period.group(1)), None
    genre = last_kind_word(zone, years, "year_reviews", "year_plans")
    if genre == "actual" and titled:
        return titled, None
    if genre == "target" and (titled or now):
        return None, titled or now
    return opening, opening


def context(doc: Analysed, figures: list[Figure]) -> Context:
    """What the document says about all its figures, read in its paragraph view."""
    text, period = doc.paragraphs.text, doc.period
    zone = doc.title_zone
    titled = _title_year(zone)
    lines = list(_heading_lines(text))
    now = doc.year or titled or _dated_line(text) or (period[0] if period else None) or _year_after_review(lines)
    opening = None if now else _opening_year(text)
    actual_year, target_year = _undated_years(zone, titled, now or opening, opening)
    prior = _document_prior(zone, text)
    scopes = sorted(_goal_scopes(text, doc.top_heading_starts, now) + _heading_scopes(text, lines, figures, now)
                    + _reported_scopes(text, now, prior), key=lambda c: c.end - c.start)
    # a heading's break takes the heading's offset; the text's first line has none
    top_lines = frozenset(s for s in (h + (text[h:h + 1] == "\n") for h in doc.top_heading_starts)
                          if _titles_a_section(text, s))
    return Context(prior, now, period, tuple(scopes), actual_year, target_year,
                   _subject_pattern(text), top_lines)

