"""Citations: the policy titles a document cites in 《…》, with the 文号 that follows.

A title is scanned bracket by bracket (so 《关于〈…〉的决定》 and a 《 nested in a title
stay whole), its line breaks are removed (PDF text breaks titles anywhere), and it is
kept when it names a policy, plan, law, agreement or proposal: the genre rules live in
``resources/citation_genres.json``. One citation per distinct title, at its first mention.
"""
from __future__ import annotations

import re

from extractor.extraction.analysed import Analysed
from extractor.lexicons import cached, load_json
from extractor.model import Citation, DocTree, Span
from extractor.structure.meta import YEAR_IN_BRACKETS, canonical_doc_number

_OPEN, _CLOSE = "《", "》"
_MAX_TITLE = 200  # a 《 left open this long is a stray bracket, not a title
_BRACKETS = re.compile(r"[《》]")
# Whitespace between two CJK characters is a line break or PDF spacing, never a word gap.
_SPACE = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
# Trailing notes that are part of the title but not its genre: （2024—2026年）（修订）（试行）.
_TRAILING_NOTE = re.compile(r"(?:[（(][^（）()]{1,20}[）)])+$")
_ENDS_WITH_YEAR = re.compile(r"(?:19|20)\d\d$")
# 文号 in brackets right after the title: （国办发〔2022〕8号）, (闽国土资函[2005]85号); it is
# recorded in the 〔〕 form, so a citation and the cited document's own 文号 read the same.
# The prefix may hold a short bracketed part (民委(政)字〔1990〕217号); the number may be followed by
# more notes in the same bracket (国发[2008]30号,以下简称《指导意见》).
_DOC_NUMBER = re.compile(
    rf"\s*[（(]\s*(?P<prefix>(?:[^\s（）()，,。；;]|[（(][^\s（）()，,。；;]{{1,4}}[）)]){{1,20}}?)\s*{YEAR_IN_BRACKETS}"
    rf"\s*第?\s*(?P<no>\d{{1,5}})\s*号\s*[）)，,；;]"
)


# A short form the document defines for a title: （以下简称《总体规划》）, （国发〔2008〕30号，以下简称《指导意见》）.
_DEFINED_BEFORE = re.compile(r"(?:以下简称|以下称|下称|简称)为?[:：]?$")
_SELF_BEFORE = "本"  # 本《实施办法》: the document names itself by its genre


@cached
def _genre_titles() -> frozenset[str]:
    """Titles that are only a genre (条例, 意见, 实施方案): never a document of their own."""
    data = load_json("citation_genres.json")
    return frozenset(data["policy_genres"]) | frozenset(data["title_endings"])


@cached
def _genres() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Policy genres, media genres and policy words, longest first (loaded once)."""
    data = load_json("citation_genres.json")

    def longest_first(key: str) -> tuple[str, ...]:
        return tuple(sorted(data[key], key=len, reverse=True))

    return longest_first("policy_genres"), longest_first("media_genres"), tuple(data["policy_words"])


def clean_title(raw: str) -> str:
    """A title as written, without line breaks or spacing between Chinese characters.

    Example:
        >>> clean_title("秦创原创新驱动平台建设三年行动计\\n\\n划（2024—2026年）")
        '秦创原创新驱动平台建设三年行动计划（2024—2026年）'
    """
    return _SPACE.sub(" ", _CJK_GAP.sub("", raw)).strip()


def is_policy_title(title: str) -> bool:
    """Whether a 《》 title names a policy document rather than a newspaper or book.

    Example:
        >>> is_policy_title("新污染物治理行动方案"), is_policy_title("人民日报")
        (True, False)
    """
    return _policy_head(bare_title(title))


def _policy_head(head: str) -> bool:
    """`is_policy_title` of a title without its trailing notes."""
    policy, media, words = _genres()
    if head.endswith(policy) or _ENDS_WITH_YEAR.search(head):
        return True
    if head.endswith(media):
        return False
    return any(word in head for word in words)


def _bracketed(text: str) -> list[tuple[int, int]]:
    """Spans of top-level 《…》 pairs (brackets included), nested pairs kept inside."""
    spans, start, depth = [], -1, 0
    for m in _BRACKETS.finditer(text):
        if m.group() == _OPEN:
            if depth and m.start() - start > _MAX_TITLE:
                depth = 0  # the earlier 《 was never closed
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                if m.end() - start <= _MAX_TITLE + 2:
                    spans.append((start, m.end()))
    return spans


def back_reference(title: str, text: str, start: int, earlier: list[str]) -> bool:
    """Whether 《title》 at `start` refers back to a title cited before (`earlier`, bare titles)
    instead of citing one.

    A title that is only a genre (《条例》 after 《村庄和集镇规划建设管理条例》（以下简称《条例》）,
    《实施方案》) always does; a tail of a title cited earlier (《三年行动计划》) does unless the
    document defines it as that title's short form (（以下简称《总体规划》）: a name of its own,
    GUIDE). 本《实施办法》 is the document naming itself, which annotators keep as a citation.

    Example:
        >>> back_reference("实施方案", "根据《实施方案》", 2, ["支持宁夏建设…先行区实施方案"])
        True
    """
    if text.endswith(_SELF_BEFORE, 0, start):
        return False
    head = bare_title(title)  # `title` may come bare already: a second pass finds no note
    if head in _genre_titles():
        return True
    tail = any(len(cited) > len(head) and cited.endswith(head) for cited in earlier)
    return tail and _DEFINED_BEFORE.search(text, max(0, start - 30), start) is None


def bare_title(title: str) -> str:
    """A title without its trailing notes: 总体规划（2018—2035年） → 总体规划."""
    if not title.endswith(("）", ")")):
        return title  # most titles end in their genre: no note to take off
    return _TRAILING_NOTE.sub("", title) or title


def find_citations(doc: DocTree | Analysed) -> tuple[Citation, ...]:
    """Every distinct policy title cited in 《…》, with its 文号 when one follows.

    Example:
        >>> # 根据《划拨土地使用权管理办法》、…《福建省国土资源厅关于…的函》（闽国土资函〔2005〕85号）
        >>> [c.title for c in find_citations(tree)]  # doctest: +SKIP
        ['划拨土地使用权管理办法', '福建省国土资源厅关于个人住房国有划拨土地使用权转让有关问题的函']
    """
    text = doc.text
    seen: dict[str, int] = {}
    earlier: list[str] = []  # the bare titles cited so far, for back-references
    found: list[Citation] = []
    for start, end in _bracketed(text):
        title = clean_title(text[start + 1:end - 1])
        head = bare_title(title)
        if not title or not _policy_head(head):
            continue
        number = _DOC_NUMBER.match(text, end)
        doc_number = canonical_doc_number(*number.group("prefix", "year", "no")) if number else None
        key = title.replace(" ", "")
        if key in seen:
            index = seen[key]
            if doc_number and found[index].doc_number is None:
                old = found[index]
                found[index] = Citation(title=old.title, span=old.span, doc_number=doc_number)
            continue
        if back_reference(head, text, start, earlier):
            continue
        seen[key] = len(found)
        earlier.append(head.replace(" ", ""))
        span: Span = (start, end)
        found.append(Citation(title=title, span=span, doc_number=doc_number))
    return tuple(found)
