"""Quoted terms “…”: programmes by their shape (一总两带, “1+N”, 青禾计划) or by a cue around
them (a scheme noun after, 等…机制 closing a run of quotes, an implementing verb before), with
the other forms written at the mention (职务科技成果“三项改革”)."""
from __future__ import annotations

import re

from extractor.extraction.candidates import NamedFilter, named
from extractor.extraction.programmes.cues import CHINESE_NUMERAL, Cues, body_heads
from extractor.extraction.programmes.document import Doc, Proposal
from extractor.extraction.programmes.start import after_cue_verb, bounded_at, clause_word, name_start, specific, words_of

_QUOTED = re.compile(r"[“「\"]([^“”「」\"]{1,40})[”」\"]")
_QUOTES = re.compile(r"[“”「」]")
_QUOTES_OPEN = frozenset("“「\"")
_LIST_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{2,8}、){2,}[\u4e00-\u9fff]{2,8}[和及与、]$")
_QUOTE_GAP = re.compile(r"[、和及与]?$")
_SENTENCE_MARKS = frozenset("，。；：！？!?;\t")
# One unit of a numeric abbreviation: numeral (+ measure word) + a short noun (三池, 四大工程, 十个聚焦).
_UNIT = rf"[{CHINESE_NUMERAL}]+[个大项条类]?[\u4e00-\u9fff]{{1,2}}?"
_NUMERIC_MULTI = re.compile(rf"(?:{_UNIT}){{2,4}}[\u4e00-\u9fff]{{0,2}}")
_NUMERIC_COUNTED = re.compile(rf"[{CHINESE_NUMERAL}]+[个大项][\u4e00-\u9fff]{{2,3}}")  # 十个聚焦, 七个一体化, 四大工程
_LISTED_AFTER = re.compile(r"“([^“”]{2,8})”[、，,和及]?$")  # the quoted term listed right before
_LISTED_BEFORE = re.compile(r"[、，,和及]?“([^“”]{2,8})”")  # and right after
_NUMERIC_SINGLE = re.compile(rf"[{CHINESE_NUMERAL}]+[\u4e00-\u9fff]{{1,3}}")
_NUMERIC_CODE = re.compile(r"\d{3,4}[\u4e00-\u9fff]*")  # 253优势特色产业集群, “544”产业体系
_FORMULA = re.compile(r"[\w（）()·]{1,12}(?:\+[\w（）()·]{1,12})+\+?|[\w]{1,12}\+")
# Two plain words joined by + (“创业+生活”, “线上+线下”) describe a blend; a longer formula
# (“研究院+专项公司”), one with a count or a letter (“1+N”) or an open end (“互联网+”) names a
# scheme by its form.
_WORD_BLEND = re.compile(r"[\u4e00-\u9fff]{2}\+[\u4e00-\u9fff]{2}")
_FIVE_YEAR = re.compile(r"十[一二三四五六七八九]五")
ENUMERATION = frozenset("、—–-")  # the joints of an enumeration or a chain (a set: `isdisjoint`, no pattern call)
# A spatial layout spelled out item by item (一淀、三带、九片、多廊) and a sequence rule
# (先入区、后检测): named formulas by their form, like 一总两带.
_LAYOUT_ITEM = rf"[{CHINESE_NUMERAL}][^\W\d{CHINESE_NUMERAL}]{{1,3}}"
_LAYOUT = re.compile(rf"{_LAYOUT_ITEM}(?:、{_LAYOUT_ITEM})+")
_SEQUENCE = re.compile(r"先[\u4e00-\u9fff]{1,4}、?后[\u4e00-\u9fff]{1,4}")
# A policy package named by its count of articles (“15条”, “稳增长20条”, “新十条”): a scheme by its form.
_ARTICLES = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?<!第)(?:\d{{1,3}}|[{CHINESE_NUMERAL}零]{{1,3}})条")


def propose(doc: Doc) -> list[Proposal]:
    return [Proposal(doc, "quoted", m.group(1).strip(), m.start(1), m.end(1))
            for m in _QUOTED.finditer(doc.view.text)]


def _shape(term: str, cues: Cues) -> str:
    """'strong' when a quoted term's own form names a scheme, 'weak' when it might, else ''.

    A scheme ending after generic words only names none (“民生工程”“形象工程”).
    """
    # one endswith over the whole tuple first: most terms end in no scheme suffix at all
    if term in cues.standard or term.endswith(cues.scheme_suffix) and any(
            term.endswith(suffix) and specific(term[:-len(suffix)], cues) for suffix in cues.scheme_suffix):
        return "strong"
    # speed: each form is tried only when the character it needs is there (、 先 条 + a numeral
    # or a digit first): most terms need no pattern call
    if (("、" in term and _LAYOUT.fullmatch(term)) or ("先" in term and _SEQUENCE.fullmatch(term))
            or (term.endswith("条") and _ARTICLES.fullmatch(term))):
        return "strong"
    if not ENUMERATION.isdisjoint(term):
        return ""  # enumerations and chains need a cue (“…、…”模式)
    formula = "+" in term
    if formula and _WORD_BLEND.fullmatch(term):
        return ""  # needs a cue like an enumeration: “党建+金融”模式
    numeral, digit = term[:1] in CHINESE_NUMERAL and term[:1] != "", term[:1].isdecimal()
    if ((formula and _FORMULA.fullmatch(term)) or (numeral and (_NUMERIC_MULTI.fullmatch(term) or _NUMERIC_COUNTED.fullmatch(term)))
            or (digit and _NUMERIC_CODE.fullmatch(term))):
        return "strong"
    if numeral and (_NUMERIC_SINGLE.fullmatch(term) or _FIVE_YEAR.fullmatch(term)):
        return "weak"
    return ""


def _clause(p: Proposal) -> str | None:
    return None if _SENTENCE_MARKS.isdisjoint(p.name) else "holds sentence punctuation or a table cell boundary"


def _sentence(p: Proposal) -> str | None:
    """“疫情要防住、经济要稳住、发展要安全”: a modal verb (要, 应, 必须) makes the quoted text a
    sentence or a list of clauses, a demand to meet, not the name of a programme. The modal
    must be a word of its own: 要 in 要素, 重要 or 主要 is none."""
    modals = p.doc.cues.modals
    if p.doc.cues.modal.search(p.name) is None:  # one search before tagging the words
        return None
    modal = next((word for word, _ in words_of(p.name) if word in modals), None)
    return f"a sentence: holds the modal {modal}" if modal else None


def _counted_neighbour(p: Proposal) -> bool:
    """Whether the quoted term listed right before or after `p` is counted too (“两个基地”)."""
    before = _LISTED_AFTER.search(p.compact, max(0, p.start - 14), p.start - 1)
    after = _LISTED_BEFORE.match(p.compact, p.end + 1)
    return any(m is not None and _NUMERIC_COUNTED.fullmatch(m.group(1)) for m in (before, after))


def metaphor(p: Proposal) -> str | None:
    """“卡脖子技术”, “两个大局”: emphasis, imagery or a slogan (quotes taken off the name).
    An image counted in a list of counted terms (“两个屏障”、“一个桥头堡”) names a part of a
    scheme; alone (戴上“两个帽子”) it stays an image."""
    name = _QUOTED.sub("", p.name) if _QUOTES_OPEN.intersection(p.name) else p.name  # speed: most hold no quote
    word = p.doc.cues.metaphor.search(name)
    if word and word.start() and word.end() == len(name) and _NUMERIC_COUNTED.fullmatch(name) and _counted_neighbour(p):
        return None
    return f"holds the metaphor or slogan word {word.group()}" if word else None


def _schedule(p: Proposal) -> str | None:
    """“7天集中隔离+3天居家监测”: a schedule, not a formula."""
    return "a schedule of days" if "+" in p.name and p.doc.cues.schedule.search(p.name) else None


def _runs(passed: list[Proposal]) -> list[list[Proposal]]:
    """Adjacent quotes grouped into runs (“揭榜挂帅”“赛马制”等机制)."""
    runs: list[list[Proposal]] = []
    for p in passed:
        gap = runs[-1][-1].end + 1 if runs else 0
        # the gap is checked for length first: a slice of the text between two quotes far apart is long
        if runs and p.start - 1 - gap <= 1 and _QUOTE_GAP.fullmatch(p.compact[gap:p.start - 1]):
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _strength(p: Proposal, listed: bool) -> tuple[str, re.Match[str] | None]:
    """How strongly a quoted term names a scheme: its own shape, or a cue around it."""
    cues, compact = p.doc.cues, p.compact
    after = compact[p.end + 1:p.end + 13]
    scheme = cues.scheme_after.match(after)
    shape = _shape(p.name, cues)
    if "+" in p.name and _FORMULA.fullmatch(p.name) and (
            cues.count_after.match(after)  # “1+8”市: a count of places
            or (after.startswith("的") and not cues.scheme_after.match(after, 1))):
        shape = ""  # “懂科技+懂产业”的科技经纪人: a description of people
    if after.startswith("的") and cues.description_after.match(after):
        shape = ""  # 价格呈现“四涨三降一平”的特点: a trait described, not a scheme
    if (shape and p.name not in cues.standard and not p.name.endswith(cues.scheme_suffix)
            and cues.slogan_before.search(compact, max(0, p.start - 3), p.start - 1)):
        shape = ""  # 发挥“三个作用”: a formula to uphold
    enumerated = not shape and not ENUMERATION.isdisjoint(p.name)
    # An implementing verb names an enumeration too (实施“装、树、联”); a list of quotes
    # (“…、…”“…”等) does not, since slogans are listed as often as schemes.
    cue = bool(scheme) or (listed and not enumerated) or (
        after_cue_verb(compact, p.start - 1, cues))
    return ("strong" if shape == "strong" or cue else shape), scheme


def _prefix_form(p: Proposal) -> str | None:
    """职务科技成果“三项改革”: a specific prefix bound on its left is another form of the name,
    but not the last item of a list the quote sums up (创新强企、法律护企和数据知企“六位一体”),
    a clause that starts with a verb or adverb (巩固“九个到位”, 充分把握“三化融合”) or the body
    whose scheme it is (省委“一个指引、两手硬”)."""
    cues, compact, mark = p.doc.cues, p.compact, p.start - 1
    if mark < 1 or compact[mark - 1] in "“”「」" or bounded_at(compact[mark - 1], cues):
        return None  # a quote or a boundary right before it leaves no prefix: no search needed
    start = name_start(p.doc.view, mark, cues)
    if start is None:
        return None
    prefix = compact[start:mark]
    if (len(prefix) >= 2 and not _QUOTES.search(prefix) and not cues.boundary.search(prefix)
            and not _LIST_BEFORE.search(compact, max(0, start - 30), start) and not clause_word(p.doc, prefix)
            and not prefix.endswith(body_heads())):
        return compact[start:p.end + 1]
    return None


def _scheme_name(p: Proposal, scheme: re.Match[str]) -> str:
    """The words after a quoted term that name its scheme, with the scheme nouns that follow
    at once (“315”科技创新体系建设工程, not “315”科技创新体系)."""
    after, end = scheme.string, scheme.end()
    while (more := p.doc.cues.scheme_noun.match(after, end)) is not None and more.end() > end:
        end = more.end()
    return after[:end]


def read(passed: list[Proposal]) -> list[Proposal]:
    """Each quoted term with its strength and the other forms written at this mention."""
    readings = []
    for run in _runs(passed):
        last = run[-1]
        listed = last.compact.startswith("等", last.end + 1) and last.doc.cues.list_after.match(
            last.compact[last.end + 1:last.end + 13]) is not None
        for p in run:
            strength, scheme = _strength(p, listed)
            forms = ((f"“{p.name}”{_scheme_name(p, scheme)}",) if scheme else ()) + tuple(filter(None, [_prefix_form(p)]))
            readings.append(p.evolve(strength=strength, forms=forms))
    return readings


def _uncued(p: Proposal) -> str | None:
    """A quoted term names a programme when its form or a cue says so somewhere in the
    document, when it is a numeral form used twice, or when the document defines it."""
    doc = p.doc
    if p.name in doc.qualified or p.name in doc.defined or dict(doc.weak_counts).get(p.name, 0) >= 2:
        return None
    return "quoted, but no scheme form or cue anywhere in the document (emphasis)"


LOCAL: tuple[NamedFilter[Proposal], ...] = named(_clause, _sentence, metaphor, _schedule)
# decided once every candidate has passed or failed the filters that read it alone
WHOLE: tuple[NamedFilter[Proposal], ...] = named(_uncued)
