"""Official-document metadata after GB/T 9704-2012, read from the clean text.

The header holds 发文字号, 签发人 and the title (…关于…的通知); the recipients (主送) end in
a colon before the body; the 落款 (issuing body, then the date) closes the body; 抄送 and
印发机关/印发日期 close the document. Research briefs carry a masthead date and a byline
instead. Crawled web pages put all of this on one line after the site's breadcrumbs.
"""
from __future__ import annotations

import re
from functools import cache
from collections.abc import Iterator, Mapping

from extractor.lexicons import alternation, cached, load_json
from extractor.model import DocMeta
from extractor.structure.dates import CLOCK_AFTER, DATE, NUMERIC_DATE, find_dates, iso_date
from extractor.structure.fields import field_labels as _field_labels, fields
from extractor.structure.history import history, this_version
from extractor.structure.report import work_report
from extractor.structure.lexicon import lexicon
from extractor.structure.markers import marker_at
from extractor.text.patterns import PERIOD

_HEADER_CHARS = 2500
_DATELINE_REACH = 300  # a dateline stands under the headline, before the story
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
YEAR_IN_BRACKETS = r"[〔\[［【(（„]\s*(?P<year>(?:19|20)\d\d)\s*[〕\]］】)）‟]"
"""The year of a 文号 in any bracket documents use: 〔2024〕 [2024] （2024）, and „2024‟,
the form PDF text extraction gives 〔〕 set in some official fonts."""
# The prefix is possessive ({1,16}+): what follows it is never a Han character, so giving
# characters back could not help a match, and not trying spares the scan of a long header.
_DOC_NUMBER = re.compile(rf"(?P<prefix>[{_HAN}]{{1,16}}+)\s*{YEAR_IN_BRACKETS}\s*(?P<no>\d{{1,4}})\s*号")
_YEAR = re.compile(YEAR_IN_BRACKETS)
_SIGNER = re.compile(rf"签\s*发\s*人\s*[：:]\s*(?P<name>[{_HAN}·]{{2,5}}(?:[ 、，,][{_HAN}·]{{2,5}})*)")
_CATEGORY = re.compile(r"类\s*别\s*[：:]\s*(?P<cat>[A-Za-z甲乙丙丁])")
_CC = re.compile(r"抄\s*送\s*[：:]\s*(?P<list>[^。\n]+)")
_SEND = re.compile(r"(?:^|\n)\s*(?:主送|报送|送)\s*[：:]\s*(?P<list>.+?)(?=\n\s*(?:发|抄送|印发)\s*[：:]|\Z)", re.S)
_SEND_WORD = re.compile(r"送\s*[：:]")  # in every `_SEND` match
_COLON = re.compile("[：:]")
_ADDRESS_STOPS = "。\n "  # with the colons, what an address list before its colon holds none of
_ADDRESS_MAX = 200
_OPENING_ADDRESS = re.compile(r"\s*(?P<list>[^。：:\n]{2,200})[：:][ \t]*\n")
_BREADCRUMB = re.compile(r"当前位置\s*[：:][^\n]*?\s(?P<title>[^\s：:]{4,160})\s+(?:发布)?(?:时间|日期)\s*[：:]")
# what follows a speaker's colon in a headline: a short phrase that ends its line unstopped
_STATEMENT = r"[ \t]*[^\s：:，。；][^\n：:。；]{3,60}?"
_HEADLINE = re.compile(rf"\s*(?P<line>(?P<who>[^\s：:，。；、]{{2,20}})[：:]{_STATEMENT})[ \t]*(?:\n|$)")
_HEADLINE_REST = re.compile(rf"{_STATEMENT}[ \t]*(?:\n|$)")
# what may follow a title: its line's end or the 主送 names
_TITLE_FOLLOW = re.compile(r"\s|$|[^。，；、\n（(][^。；\n]{1,200}[：:]")
# a headline's own 文号 in brackets, closing its line: …的通知（建政函〔2023〕37号）
_OWN_NUMBER = re.compile(rf"[（(]\s*{_DOC_NUMBER.pattern}\s*[）)][ \t]*(?:\n|$)")
_ISSUE = re.compile(r"第\s*\d+\s*期")  # a journal's issue line: （第16期•总第264期）
_TITLE_PERIOD = re.compile(r"[（(][^）)\n]{1,20}[）)]")
_HAN_SPACE = re.compile(rf"(?<=[{_HAN}《》（）“”])\s+(?=[{_HAN}《》（）“”])")
_PUNCT = "，。；：！？、,;:!?"
_ORDER_GENRE = re.compile(r"(?:令|公告|通告)$")


# Compiled on first use, not at import: a CJK class costs ~1-3 ms to compile and many
# documents never reach these patterns, so starting the CLI stays quick.
@cache
def _order_number() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An order's number line at the text's start, and after a line break: searched for from
    its newline, a literal the scan skips to (an alternation with ^ was tried at every character)."""
    line = rf"[ \t]*(?P<name>[{_HAN}]{{2,30}}(?:令|公告|通告))\s*[（(]?\s*第\s*(?P<no>\d{{1,5}})\s*号\s*[）)]?[ \t]*(?=\n|$)"
    return re.compile(rf"(?:^|\n){line}"), re.compile(rf"\n{line}")


@cache
def _han_char() -> re.Pattern[str]:
    return re.compile(rf"[{_HAN}]")


@cache
def _title_date_pattern() -> re.Pattern[str]:
    """（2024年4月30日） under a title: the date the document bears (a Party document's or a
    speech's 题注), not a part of its title like （试行） or （2024—2026年）."""
    return re.compile(rf"\s*[（(]\s*(?:{DATE.pattern})\s*[）)][ \t]*(?:\n|$)")


@cached
def _page_stamp() -> re.Pattern[str]:
    """The label of a news page's time stamp (发布时间：), from `page_stamp_labels`."""
    return re.compile(rf"(?:{alternation(load_json('document_meta.json')['page_stamp_labels'])})\s*[：:]\s*")


@cache
def _issuance() -> re.Pattern[str]:
    return re.compile(alternation(load_json("document_meta.json")["issuance_phrases"]))


@cache
def _masthead() -> re.Pattern[str]:
    """A news page's dateline without a clock time: the outlet (`media_suffixes`) and the date
    on a line of their own (长江日报 2025年01月17日); the match ends where the date starts."""
    media = alternation(load_json("document_meta.json")["media_suffixes"])
    return re.compile(rf"^[ \t]*[{_HAN}]{{0,10}}(?:{media})[ \t]*(?=\d)", re.M)  # normalise drops the space


@cache
def _adopted() -> re.Pattern[str]:
    return re.compile(rf"[（(]\s*(?P<date>{DATE.pattern})[^）)\n]{{0,60}}?(?:通过|批准|公布|发布|施行)")


_ABOUT = re.compile("关于")
_SENTENCE_END = re.compile("[。！]")
_CRUMBS = re.compile("[>»›＞→]")  # a site's breadcrumbs: 首页 -> 政务公开 -> 公告
# a machine time stamp, 2024-07-11 03:36:27, whatever label a page sets before it (时间:, 更新于)
_MACHINE_STAMP = re.compile(r"(?<![\d-])\d{4}-\d{1,2}-\d{1,2}(?=\s+\d{1,2}:\d{2})")
_BLANK_TO_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")
_COLUMN_TAG = re.compile(r"^\s*【[^】\n]{1,12}】")  # a site's column label before a title: 【工信部政策】
_NAVIGATION = re.compile("[|｜].*[|｜]")  # a site's menu: 首页 | 新闻中心 | 财经评论
_WHITESPACE = re.compile(r"\s+")
_LINE_END = ("", "\n", " ", "\t", "（", "(")


def _is_org(name: str) -> bool:
    """A plausible body's name: short, no clause punctuation, ends like an organisation."""
    name = name.strip()
    return (2 <= len(name) <= 40 and not any(p in name for p in _PUNCT) and not re.search(r"\d", name)
            and name.endswith(lexicon().org_suffixes))


def _squeeze(text: str) -> str:
    return _HAN_SPACE.sub("", text.strip())


def canonical_doc_number(prefix: str, year: str, number: str) -> str:
    """A 文号 in the form GB/T 9704 prescribes, whatever brackets and spacing it came with.

    Example:
        >>> canonical_doc_number("国办发 ", "2022", "08")
        '国办发〔2022〕8号'
    """
    return f"{_WHITESPACE.sub('', prefix)}〔{year}〕{int(number)}号"


def doc_number(text: str) -> str | None:
    """The first 发文字号 standing on its own in the header (not a cited one in brackets).

    Example:
        >>> doc_number("签发人：艾晨\\n陕西咸函〔2024〕2号\\n陕西省西咸新区开发建设管理委员会")
        '陕西咸函〔2024〕2号'
    """
    header = text[:_HEADER_CHARS]
    for m in _doc_numbers(header):
        if m.start() and text[m.start() - 1] not in " \n：:号" and not _numbers_its_headline(text, m):
            continue  # cited inside a sentence or brackets: （国办发〔2022〕8号）
        return canonical_doc_number(m.group("prefix"), m.group("year"), m.group("no"))
    # Orders and announcements are numbered in series: 中华人民共和国国务院令 第227号.
    order = _order_line(header)
    return f"{order.group('name')}第{order.group('no')}号" if order else None


def _numbers_its_headline(text: str, number: re.Match[str]) -> bool:
    """A web page's headline closing with the document's own 文号 in brackets, right after
    the genre (…工程实施方案的通知（建政函〔2023〕37号）); a cited one follows a 》 or runs on."""
    opening = number.start() - 1
    return _OWN_NUMBER.match(text, opening) is not None and text.endswith(lexicon().genres, 0, opening)


def _doc_numbers(header: str) -> Iterator[re.Match[str]]:
    """What `_DOC_NUMBER.finditer(header)` finds, tried only where one can start.

    A 文号 holds a bracketed year (a `_YEAR`) after at most 16 Han characters and spaces:
    trying the possessive prefix at every character of a header is slow, so each year's
    prefix is read back from it and the pattern tried once, at the prefix's first character.
    """
    pos = 0
    for year in _YEAR.finditer(header):
        end = year.start()
        while end > pos and header[end - 1].isspace():
            end -= 1
        start = end
        while start > max(pos, end - 16) and ("\u3400" <= header[start - 1] <= "\u4dbf"
                                              or "\u4e00" <= header[start - 1] <= "\u9fff"):
            start -= 1
        m = _DOC_NUMBER.match(header, start) if start < end else None
        if m:
            yield m
            pos = m.end()


# outside quotes: a quote opens (〈〉 are the book marks of a title inside one), the rest end a title
_TITLE_STOP = re.compile("[《〈“。：:；，]")
_QUOTE = re.compile("[《〈“》〉”]")


def _order_line(header: str) -> re.Match[str] | None:
    """The first line of `header` that numbers an order or announcement (国务院令 第227号)."""
    first, later = _order_number()
    return first.match(header) or later.search(header, 1)


def _title_end(text: str, start: int, limit: int) -> int | None:
    """End of a title that starts at `start`: after its genre word, outside 《》, before any 。："""
    # The genre is looked for with one search up to the next mark that matters (a quote, or
    # an end outside quotes) rather than tried at every character: a header's 关于 lines
    # asked the alternation of genres some hundred times each.
    depth = 0
    i = start
    end_at = min(limit, len(text))
    genre_at = lexicon().genre
    reach = len(lexicon().genres[0]) - 1 if lexicon().genres else 0  # a genre starting before a mark may run past it
    best = None
    while i < end_at:
        if depth:
            quote = _QUOTE.search(text, i, end_at)
            if not quote:
                break
            depth += 1 if quote.group() in "《〈“" else -1
            i = quote.end()
            continue
        mark = _TITLE_STOP.search(text, i, end_at)
        stop = mark.start() if mark else end_at
        genre = genre_at.search(text, i, stop + reach) if i < stop else None
        if genre and genre.start() < stop:
            end = genre.end()
            # A title goes on over a line break: 方案\n（第九版）的通知, 建议\n的复函.
            after = end + 1 if text.startswith("\n", end) else end
            period = None if _title_date_pattern().match(text, after) else _TITLE_PERIOD.match(text, after)
            if period and _DOC_NUMBER.search(period.group()):
                period = None  # （建政函〔2023〕37号）: the title's 文号, not part of it
            after = period.end() if period else after
            after = after + 1 if text.startswith("\n", after) else after
            if not text.startswith("的", after):
                return period.end() if period else end
            best = end
            i = after
            continue
        if not mark or mark.group() not in "《〈“":
            break
        depth = 1
        i = stop + 1
    return best


_BOOK_CLOSE = re.compile(r"》[ \t]*(?:\n|$)")


def _booked_title(head: str) -> int:
    """Where a title printed in book marks starts in the line before its 关于 (after 《, which
    opens the line or follows the document's 文号), 0 for a title without them."""
    book = head.find("《")
    before = head[:book].strip()
    return book + 1 if book >= 0 and (not before or _DOC_NUMBER.fullmatch(before)) else 0


def _about_title(text: str) -> tuple[int, int] | None:
    """Span of the longest 关于…的通知 title in the header, with the issuer's name before it.

    Web pages repeat the title in their breadcrumbs, sometimes without the issuer; the
    longest form is the one the document itself carries.
    """
    limit = min(len(text), _HEADER_CHARS)
    best: tuple[int, int] | None = None
    for m in re.finditer("关于", text[:limit]):
        end = _title_end(text, m.end(), m.end() + 160)
        if end is None or _DOC_NUMBER.search(text, m.end(), end):
            continue
        start = m.start()
        line_start = text.rfind("\n", 0, start) + 1
        head = text[line_start:start]
        # a page may print the title in book marks, after its 文号: 京政办发〔2016〕26号《北京市…的通知》
        booked = _booked_title(head)
        if booked:
            line_start += booked
            head = head[booked:]
        if booked:
            follows = _BOOK_CLOSE.match(text, end)
        else:
            follows = _TITLE_FOLLOW.match(text, end) or _OWN_NUMBER.match(text, end)
        if not follows:
            continue  # a title ends its line, runs into the 主送 names or closes with its own 文号
        # The issuer's name may stand before 关于 on the same line (web pages often set a
        # space between the two: 东阳市人民政府办公室 关于印发…) or on the line above.
        cut = max(head.rfind(" "), head.rfind("号"), head.rfind("："), head.rfind(":")) + 1
        if (head[cut:] == "" or cut and _joint_issuers(head[cut:])) and _joint_issuers(head):
            # one or several bodies, set apart by spaces, the last one before 关于 with or
            # without a space (中共中央 国务院关于…)
            cut = len(head) - len(head.lstrip())
        prefix = head[cut:].rstrip()
        if prefix and not _joint_issuers(prefix):
            if cut == 0:
                continue  # 关于 inside a sentence
            prefix = ""
        span = (start - len(head) + cut, end) if prefix else (start, end)
        if not prefix and start == line_start and line_start:
            above_start = text.rfind("\n", 0, line_start - 1) + 1
            above = text[above_start:line_start - 1]
            if _is_org(above) or _joint_issuers(above):
                span = (above_start, end)
        if best is None or len(_squeeze(text[span[0]:span[1]])) > len(_squeeze(text[best[0]:best[1]])):
            best = span
    return best


def _joint_issuers(head: str) -> tuple[str, ...]:
    """The bodies named before 关于, one or several set apart by spaces (a joint notice), or ()."""
    names = tuple(head.split())
    return names if names and all(_is_org(name) for name in names) else ()


def _line_spans(text: str, limit: int) -> list[tuple[int, int]]:
    spans, pos = [], 0
    while pos < min(len(text), limit):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        spans.append((pos, end))
        pos = end + 1
    return spans


def _is_prose(line: str) -> bool:
    return len(line) > 60 and any(p in line for p in "，。")


def _stopped(line: str) -> bool:
    """Punctuation no title line holds; a title may list with 、 (…华侨、港澳同胞投资的规定)
    when it ends in its genre word."""
    marks = [p for p in _PUNCT if p in line]
    return bool(marks) and not (marks == ["、"] and line.endswith(lexicon().genres))


def _standalone_title(text: str) -> tuple[int, int] | None:
    """A research brief's or article's title: the longest plain line of the header."""
    best, notice = None, False  # notice: inside an issuance notice, up to its 落款's date
    lines = _line_spans(text, _HEADER_CHARS)
    for i, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        if _is_prose(line):
            notice = notice or _issuance().search(line) is not None
            if notice:
                continue  # 现将《…》印发给你们 and the notice's other paragraphs: the issued plan's title follows its 落款
            break
        if notice and DATE.search(line):
            notice = False
        if ((len(line) < 8 and not (len(line) >= 4 and line.endswith(lexicon().genres)))
                or len(_han_char().findall(line)) * 2 < len(line)  # an index number, a URL
                or _stopped(line) or DATE.search(line) or _is_org(line) or _CRUMBS.search(line)
                or _NAVIGATION.search(line) or _ISSUE.search(line) or marker_at(line) or _speaker(line)):
            continue
        following = text[lines[i + 1][0]:lines[i + 1][1]].strip() if i + 1 < len(lines) else ""
        if following.startswith("——") or _TITLE_PERIOD.fullmatch(following) or _wraps(line, following):
            end = lines[i + 1][1]  # a dashed subtitle, （试行第十版） or the rest of a wrapped title
        if best is None or end - start > best[1] - best[0]:
            best = (start, end)
    return best


def _wraps(line: str, following: str) -> bool:
    """Whether `following` ends a title that `line` begins, wrapped on a cover page
    (…第十四个五年 / 规划和2035年远景目标纲要): only the second line ends in a genre word."""
    genres = lexicon().genres
    return (not line.endswith(genres) and following.endswith(genres) and len(following) <= 30
            and not _stopped(following) and not _is_org(following) and not DATE.search(following))


def _speaker(line: str) -> bool:
    """A speech's byline: its speaker's office, a space, and a name (区发改委主任 吴晓春)."""
    words = line.split()
    return (len(words) == 2 and words[0].endswith(lexicon().signing_offices)
            and re.fullmatch(rf"[{_HAN}·]{{2,5}}", words[1]) is not None)


def _headline(text: str) -> tuple[int, int] | None:
    """A news headline that names its speaker before a colon, on the first line (工业和信息化部：
    加快培育新兴支柱产业). A 主送 line ends at its colon; a headline goes on after it."""
    m = _HEADLINE.match(text)
    # a body speaks: 当前位置：首页 > … or 来源：… are a page's labels, not a headline
    if not m or m.group("who") in _field_labels() or not _is_org(m.group("who")):
        return None
    return m.start("line"), m.end("line")


def _breadcrumb_title(text: str) -> tuple[int, int] | None:
    """A web page's title: the last step of its breadcrumbs (当前位置：…), before the time stamp."""
    m = _BREADCRUMB.search(text, 0, min(len(text), _HEADER_CHARS))
    return m.span("title") if m else None


def title(text: str) -> tuple[str | None, int]:
    """The document's title and the offset where it ends (0 when there is none).

    Example:
        >>> title("陕西咸函〔2024〕2号\\n陕西省西咸新区开发建设管理委员会\\n关于第212号建议\\n的复函\\n刘新志代表：")[0]
        '陕西省西咸新区开发建设管理委员会关于第212号建议的复函'
    """
    md = re.match(r"\s*#[ \t]+(.+)", text)
    if md:
        return md.group(1).strip(), md.end()
    span = _about_title(text) or _breadcrumb_title(text)
    headline = None if span else _headline(text)
    if headline:  # a headline keeps the space between its phrases: …示范基地 加快培育…
        return text[headline[0]:headline[1]].strip(), headline[1]
    span = span or _dateline_headline(text) or _standalone_title(text)
    if span is None:
        return None, 0
    raw = _COLUMN_TAG.sub("", text[span[0]:span[1]].replace("\n", ""))
    about = raw.find("关于")
    joint = _joint_issuers(raw[:about]) if about > 0 else ()
    if len(joint) > 1:  # 成都市发展和改革委员会 中共成都市委社会工作部 关于…: keep the bodies apart
        return " ".join(joint) + _squeeze(raw[about:]), span[1]
    return _squeeze(raw), span[1]


Dates = tuple[re.Match[str], ...]
"""Every `DATE` of a text in order, found once for the 落款 and the 印发 line."""


def _closing_date(text: str, after: int, dates: Dates) -> tuple[re.Match[str], str | None] | None:
    """The 落款 date (after the title) with the issuing body written just before it."""
    fallback = None
    for m in dates:
        following = text[m.end():m.end() + 2]
        if following.startswith("印发") or following.startswith("起") or iso_date(m) is None:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        head = text[line_start:m.start()].rstrip(" ")
        org = head[max(head.rfind(p) for p in "。！？；：") + 1:].strip()
        if not _joint_issuers(org):
            org = org[org.rfind(" ") + 1:]
        if not org and line_start:
            org = _block_above(text, line_start)
        # 特此通知 may stand on the 落款's line or on a line of its own above it
        org = next((org[len(c):] for c in lexicon().closings if org.startswith(c)), org)
        joint = _joint_issuers(org)
        org = joint[0] if joint else org  # 海南省农业农村厅 海南省财政厅: the first-named body
        if org and not _is_org(org):
            continue
        if not org and text[m.end():m.end() + 1] not in _LINE_END:
            continue  # a date opening a sentence (2019年1月1日至12月31日，…), not a 落款
        # a 落款 closes a body: a dated line before the first sentence is the page's byline
        if m.start() >= after and _SENTENCE_END.search(text, after, m.start()):
            return m, org or None
        fallback = fallback or (m, org or None)
    return fallback


def _block_above(text: str, line_start: int) -> str:
    """The 落款 name on the lines above a date, skipping （…代章）; a name may wrap over lines."""
    name = ""
    bodies: list[str] = []
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        end = start - 1
        if re.fullmatch(r"[（(][^）)]*代章[）)]", line):
            continue
        if not line or any(p in line for p in _PUNCT) or len(line) > 30 or marker_at(line):
            break
        if name and _is_org(line) and _is_org(name):
            bodies.append(name)  # a body of its own above: a joint 落款, first-named on top
            name = line
            continue
        if not _is_org(line + name) and name:
            break
        name = line + name
        if not end or len(name) > 40:
            break
    return name if _is_org(name) else (bodies[-1] if bodies else "")


def _byline(text: str, after: int) -> str | None:
    """The author body on the line right after a research brief's title."""
    m = re.match(r"\s*([^\n]{2,40})\n", text[after:])
    if not m:
        return None
    name = m.group(1).strip()
    for suffix in lexicon().bylines:
        if name.endswith(suffix) and _is_org(name[: -len(suffix)]):
            return name[: -len(suffix)]
    return name if _is_org(name) else None


def _recipients(text: str, after: int) -> tuple[str, ...]:
    """主送: the names before the first colon after the title, or a 报送/送 list."""
    # The body has begun at the first 。: no 主送 line after it. A name holds no 。, so ending
    # the search there finds the same names, and spares trying every start of the window.
    stop = text.find("。", after, after + 600)
    for start, colon in _address_lists(text, after, min(len(text), after + 600) if stop < 0 else stop):
        head = text[start:colon]
        if re.search(r"\d|签发人|类别|附件|时间|来源|位置|日期|发文|索引|分类|有效性", head):
            continue
        if _HEADLINE_REST.match(text, colon + 1):
            continue  # 工业和信息化部：加快培育… goes on after its colon: a headline, no 主送
        names = _names(head)
        if names and all(_salutation(name) for name in names):
            break  # 各位代表： a speech's greeting opens its body
        if names and any(_addressee(name) for name in names):
            return names
        if names:
            continue  # a label of the page's metadata block (主题分类:), not an address
    word = _SEND_WORD.search(text)  # a literal first: quick to rule out
    # searched from the line of the first 送： (every match holds one): the same list, with no
    # try at each character of the text before it
    sent = _SEND.search(text, max(0, text.rfind("\n", 0, word.start()))) if word else None
    return _names(sent.group("list")) if sent else ()


def _address_lists(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """(start, colon) of each run of 2-200 characters but 。, a newline, a space or a colon that
    ends at a colon in text[start:stop], leftmost first, as the regex
    ``[^。：:\\n ]{2,200}[：:]`` finds them: read back from each colon, where the regex, tried
    at every start, reads each run again from each of its characters."""
    pos = start  # no run reaches back past a colon
    for m in _COLON.finditer(text, start, stop):
        colon = m.start()
        head = max(pos, colon - _ADDRESS_MAX, *(text.rfind(char, pos, colon) + 1 for char in _ADDRESS_STOPS))
        if colon - head >= 2:
            yield head, colon
        pos = colon + 1


def _opening_address(text: str) -> tuple[str, ...]:
    """主送 as the first line of a page saved without its title block: a line of addressees
    that ends in its colon (各市(州)人民政府、省级有关部门(单位):), nothing after it."""
    m = _OPENING_ADDRESS.match(text)
    names = _names(m.group("list")) if m else ()
    return names if any(_addressee(name) for name in names) else ()


def _addressee(name: str) -> bool:
    """Whether a 主送 name reads as an addressee: a body, 各…, or a person by role (刘新志代表)."""
    if _salutation(name):
        return False
    return _is_org(name) or name.startswith("各") or name.endswith(lexicon().addressees)


def _salutation(name: str) -> bool:
    """How a speech greets its hearers (各位代表, 同志们): it opens the body, it is no 主送."""
    words = lexicon()
    return name in words.salutations or name.startswith(words.salutation_openers)


def _split(listing: str, separators: str) -> list[str]:
    """`listing` cut at the separators that stand outside brackets: 县（市、区） stays whole."""
    parts, depth, current = [], 0, ""
    for char in listing:
        depth += char in "（(《"
        depth -= char in "）)》" and depth > 0
        if char in separators and not depth:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


_LEVEL_JOINT = re.compile("[及和与]")


@cache
def _levels() -> re.Pattern[str]:
    words = sorted(lexicon().division_levels, key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, words))})+")


def _level(part: str) -> bool:
    """A bare level of division in a series: 省, 各市（州）, 各市州, 直辖市及计划单列市."""
    bare = _TITLE_PERIOD.sub("", part.strip()).removeprefix("各")
    return all(_levels().fullmatch(word) for word in _LEVEL_JOINT.split(bare))


def _short(part: str) -> bool:
    return len(_TITLE_PERIOD.sub("", part.strip())) <= 4


def _opens(parts: list[str]) -> list[bool]:
    """Which parts open a series that the next part closes: levels of division (省、自治区、),
    or two or more short names that are no addressees on their own, the places one body's
    ending covers (天津、河北、…新疆省(自治区、直辖市)工业和信息化主管部门)."""
    place = [_short(p) and not _addressee(p.strip()) and not _salutation(p.strip()) for p in parts]
    return [_level(p) or (place[i] and ((i and place[i - 1]) or (i + 1 < len(parts) and place[i + 1])))
            for i, p in enumerate(parts)]


def _series(parts: list[str]) -> list[str]:
    """Parts joined again where 、 strings the places of one addressee: GB/T 9704 names the
    levels or places one addressee covers in a series (各省、自治区、直辖市人民政府), and a short
    body after it shares its places (各市、县、自治县农业农村局、财政局); a bare addressee word
    after a 各 shares it (市政府各部门、单位). A part opening with 各 is an addressee of its own
    and closes no series of places (高新区、经开区、各乡镇)."""
    joined: list[str] = []
    run: list[str] = []
    open_series = False
    for part, opens in zip(parts, _opens(parts)):
        if run and part.strip().startswith("各") and not any(map(_level, run)):
            joined += run  # the places before it were addressees of their own
            run, open_series = [], False
        if opens:
            run.append(part)
        elif run:
            joined.append("、".join(run + [part]))
            run, open_series = [], True
        elif open_series and _short(part) and not part.strip().startswith("各"):
            joined[-1] += "、" + part
        elif joined and "各" in joined[-1] and part.strip() in lexicon().addressees:
            joined[-1] += "、" + part  # 市政府各部门、单位: the 各 before covers the bare 单位 too
        else:
            joined.append(part)
            open_series = False
    return joined + (["、".join(run)] if run else [])


def _items(piece: str, *, commas: bool) -> list[str]:
    """The addressees of one comma-separated piece: cut at 、 outside a series of levels; in a
    list that also has commas, only between parts that are addressees on their own
    (梅河口市、公主岭市工信局 shares its ending)."""
    parts = _series(_split(piece, "、"))
    if commas and not all(_addressee(p.strip(" 。.")) for p in parts):
        return [piece]
    return parts


def _names(listing: str) -> tuple[str, ...]:
    """Split a 主送/抄送 list: at top-level commas and line breaks, then at 、 between whole
    addressees (see `_items`)."""
    commas = bool(re.search(r"[，,；;]", listing))
    pieces = _split(listing, "，,；;\n" if commas else "\n")
    names = []
    for part in (item for piece in pieces for item in _items(piece, commas=commas)):
        part = part.strip(" 。.")
        for trailer in lexicon().trailers:
            part = part.removesuffix(trailer)
        if 2 <= len(part) <= 60 and not any(p in part for p in "。：:"):
            names.append(part)
    return tuple(names)


def _printer(text: str, dates: Dates) -> tuple[str | None, str | None]:
    """印发机关和印发日期: "国家卫生健康委员会办公厅 2022年6月27日印发"."""
    for m in dates:
        if not text.startswith("印发", m.end()):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        head = text[line_start:m.start()].strip()
        head = head[max(head.rfind(" "), *(head.rfind(p) for p in "。；")) + 1:]
        return (head if _is_org(head) else None), iso_date(m)
    return None, None


def _period(text: str, title_text: str | None) -> tuple[int, int] | None:
    """The plan's own period, （2024—2026年）, from the title or the first paragraph outside 《》."""
    cut = text.find("\n", 200)
    outside = re.sub(r"《[^》]*》", "", text[: cut if cut > 0 else len(text)])
    for source in (title_text or "", outside):
        m = PERIOD.search(source)
        if m and int(m.group("a")) <= int(m.group("b")):
            return int(m.group("a")), int(m.group("b"))
    return None


def _title_issuer(title_text: str | None) -> str | None:
    """The body named before 关于 in a title (国务院关于…的意见), when no 落款 names one."""
    m = _ABOUT.search(title_text or "")
    names = _joint_issuers((title_text or "")[:m.start()]) if m else ()
    return names[0] if names else None  # a joint notice's lead body comes first


def _order_issuer(text: str) -> str | None:
    """The body that numbers an order or announcement: 中华人民共和国国务院 of …国务院令 第227号.

    Example:
        >>> _order_issuer("中华人民共和国国务院令\\n第227号"), _order_issuer("沈阳市人民代表大会常务委员会办公室公告(第7号)\\n市十七届人大常委会第六次会议")
        ('国务院', '沈阳市人民代表大会常务委员会办公室')
    """
    order = _order_line(text[:_HEADER_CHARS])
    name = _without_state(_ORDER_GENRE.sub("", order.group("name"))) if order else ""
    return name if _is_org(name) else None


def _without_state(name: str) -> str:
    """A national body as its 落款 writes it: 国务院, not the order's 中华人民共和国国务院."""
    return next((name[len(p):] for p in lexicon().state_prefixes if name.startswith(p)), name)


def _signer(text: str, *, order: bool) -> str | None:
    """签发人 in the header, or the signing leader of an order (总理 李鹏 above the date); only
    an order is signed so: a speech prints its speaker's office and name too."""
    m = _SIGNER.search(text[:_HEADER_CHARS])
    if m:
        return re.split(r"[ 、，,]", m.group("name"))[0]
    for line in _line_spans(text, _HEADER_CHARS) if order else ():
        words = text[line[0]:line[1]].split() or [""]
        joined = "".join(words)
        office = next((o for o in lexicon().signing_offices if joined.startswith(o)), None)
        name = joined[len(office):] if office else ""
        if office and re.fullmatch(rf"[{_HAN}·]{{2,5}}", name) and DATE.match(text, line[1] + 1):
            return name
    return None


def _adoption_date(text: str) -> str | None:
    """The date a regulation was adopted, from its 题注: （2005年11月25日…会议通过）."""
    m = _adopted().search(text, 0, min(len(text), _HEADER_CHARS))
    date = DATE.search(m.group("date")) if m else None
    return iso_date(date) if date else None


def _issuer_and_date(text: str, title_text: str | None, title_end: int,
                     dates: Dates) -> tuple[str | None, str | None]:
    """The issuing body and 成文日期: a regulation's version in its history, else the 落款."""
    closing = _closing_date(text, title_end, dates)
    steps = history(text)
    version = this_version(steps)
    # a notice that publishes a regulation is dated by its own 落款, written before the history
    if version and not (closing and closing[0].start() < steps[0].start):
        bodies = [e.body for e in steps if e.body and e.act != "批准"]
        return version.body or (bodies[-1] if bodies else None), version.date
    issuer = date = None
    if closing:
        match, org = closing
        date = iso_date(match)
        if match.start() >= title_end:
            issuer = org
    if issuer is None and title_end:
        issuer = _byline(text, title_end)
    if issuer is None and closing:
        issuer = closing[1]
    issuer = _without_state(issuer) if issuer else None  # 中华人民共和国国务院 signs as 国务院 does
    return issuer or _title_issuer(title_text) or _order_issuer(text), date or _adoption_date(text)


def _title_date(text: str, title_end: int) -> str | None:
    """The date in brackets on the line under the title (（2024年4月30日）): the document's own,
    which a reprint's time stamp above it does not replace."""
    m = _title_date_pattern().match(text, title_end) if title_end else None
    return iso_date(m) if m else None


def _dateline_date(text: str) -> re.Match[str] | None:
    """A news page's dateline near the top: a line opening with its date and a clock time
    (2025-09-11 08:52:30 科技日报 作者：…), or its time stamp after a label (发布时间：2022-04-29
    16:58:35 | 来源：宁夏日报); the match of the date."""
    reach = min(len(text), _DATELINE_REACH)
    # a clock time holds a colon: without one in reach, no line start is tried
    for line in CLOCK_AFTER.finditer(text, 0, reach) if text.find(":", 0, reach) >= 0 else ():
        m = NUMERIC_DATE.match(text, line.end()) or DATE.match(text, line.end())
        if m:
            return m
    stamp = _MACHINE_STAMP.search(text, 0, reach)  # 作者:… 时间:2024-07-11 03:36:27 浏览:…
    if stamp:
        return NUMERIC_DATE.match(text, stamp.start())
    for line in _masthead().finditer(text, 0, reach):
        m = NUMERIC_DATE.match(text, line.end()) or DATE.match(text, line.end())
        if m and _BLANK_TO_LINE_END.match(text, m.end()):
            return m  # the date ends the line
    stamp = _page_stamp().search(text, 0, reach)
    return (NUMERIC_DATE.match(text, stamp.end()) or DATE.match(text, stamp.end())) if stamp else None


def _dateline(text: str) -> str | None:
    """The date of a news page's dateline (`_dateline_date`)."""
    m = _dateline_date(text)
    return iso_date(m) if m else None


def _dateline_headline(text: str) -> tuple[int, int] | None:
    """A news page's headline: the title-like line right above its dateline (a sub-headline
    under the dateline may be longer, but the page's headline stands first)."""
    m = _dateline_date(text)
    if m is None:
        return None
    lines = [span for span in _line_spans(text, m.start()) if text[span[0]:span[1]].strip()]
    if len(lines) < 2:
        return None  # the dateline's own line and a headline above it
    start, end = lines[-2]
    line = text[start:end].strip()
    if (len(line) < 4 or _is_prose(line) or (_stopped(line) and not _spoken(line)) or DATE.search(line)
            or _CRUMBS.search(line) or _NAVIGATION.search(line)):
        return None
    return start, end


def _spoken(line: str) -> bool:
    """A headline that names its speaker before a colon (科技部：代表建议、政协提案按期办结率100%)."""
    m = _HEADLINE.fullmatch(line)
    return m is not None and _is_org(m.group("who"))


def _labelled_issuer(labelled: Mapping[str, str]) -> str | None:
    """发文机关：… of a metadata block; a joint issuance gives its first-named body."""
    names = labelled.get("issuer", "").split()
    return names[0] if names and _is_org(names[0]) else None


def _labelled_date(labelled: Mapping[str, str]) -> str | None:
    """成文日期：… of a metadata block, in words (2016年5月4日) or figures (2016-05-04)."""
    value = labelled.get("date", "")
    m = DATE.search(value) or NUMERIC_DATE.search(value)
    return iso_date(m) if m else None


def _labelled_number(labelled: Mapping[str, str]) -> str | None:
    m = _DOC_NUMBER.search(labelled.get("doc_number", ""))
    return canonical_doc_number(m.group("prefix"), m.group("year"), m.group("no")) if m else None


def read_meta(text: str, *, title_hint: str | None = None, source: str | None = None) -> DocMeta:
    """All metadata of one clean text.

    `source` is the text before repair: a margin mark (类别：A) that normalise dropped from
    the flow is read there.

    Example:
        >>> read_meta("陕西咸函〔2024〕2号\\n关于第212号建议的复函\\n刘新志代表：\\n正文。\\n陕西省西咸新区开发建设管理委员会\\n2025年5月29日").date
        '2025-05-29'
    """
    labelled = fields(text)
    report = work_report(text)
    title_text, title_end = title(text)
    if report and (not title_text or report.title_end <= title_end):
        title_text, title_end = report.title, report.title_end
    title_text = title_text or labelled.get("title")
    dates = tuple(find_dates(text))
    issuer, date = _issuer_and_date(text, title_text, title_end, dates)
    labelled_issuer = _labelled_issuer(labelled)
    if labelled_issuer and issuer and issuer.endswith(labelled_issuer):
        labelled_issuer = None  # 发文机关：办公厅 is the site's short form of the 落款's 工业和信息化部办公厅
    issuer = labelled_issuer or (report.issuer if report else None) or issuer
    number = _labelled_number(labelled) or doc_number(text)
    # a page's time stamp dates the page; a numbered document's 成文日期 is its 落款's
    page_date = None if number else _dateline(text)
    date = (_labelled_date(labelled) or (report.date if report else None) or _title_date(text, title_end)
            or date or page_date)
    category = _CATEGORY.search(text) or (_CATEGORY.search(source) if source else None)
    cc = _CC.search(text)
    printer, print_date = _printer(text, dates)
    return DocMeta(
        title=title_text or title_hint,
        doc_number=number,
        issuer=issuer,
        signer=_signer(text, order="令" in (number or "")),  # a report's speaker signs nothing
        date=date,
        recipients=_recipients(text, title_end) or _opening_address(text) or _names(labelled.get("recipients", "")),
        cc=_names(cc.group("list")) if cc else (),
        printer=printer,
        print_date=print_date,
        category=category.group("cat").upper() if category else None,
        period=_period(text, title_text),
    )
