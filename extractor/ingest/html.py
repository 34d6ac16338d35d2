"""Saved web pages: the visible text as paragraphs, data tables as rows of cells, <title> as hint.

A government article page wraps the document in site furniture: banner, menus, the
breadcrumb (当前位置：首页 > 政务公开 > …), an info bar (时间 来源 字号 大 中 小), share
buttons (微信 微博 QQ空间), 打印本页 关闭窗口, related links and a footer (版权所有, ICP备,
网站标识码). The reader drops blocks whose class or id names such furniture, keeps only
the CMS's content container (TRS_Editor, zoom, article-content …) when one holds the
article, puts the headline printed above that container back in front of it, and drops
the furniture lines that remain. The disclosure catalogue box (索引号 发布机构 文号 …) is
furniture too, but its 文号 goes above the headline when the article does not print it.
The names and phrases are data (extractor/resources/html_furniture.json).

Block elements become paragraphs separated by a blank line, ``<br>`` a line break.
Whitespace collapses as a browser renders it, and a line break in the markup between
two CJK characters disappears (CSS Text 3 segment-break rule), so a hard-wrapped Chinese
source does not gain spaces inside words. A data table (rows of several cells, no
table inside) is written one row a line with cells split by tabs; a layout table, which
government sites wrap whole pages in, is read as ordinary blocks. A table's rows are
laid on its grid: a ``rowspan`` cell repeats in the rows it spans and a ``colspan`` cell
is followed by empty cells, so each column holds one kind of value (task, lead unit …).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractor.errors import IngestError
from extractor.ingest.common import MAX_HTML_ELEMENTS, Content, clean_page, decode
from extractor.lexicons import load_json
from extractor.model import Table

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_DROP_TAGS = ("head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
              "canvas", "nav", "aside", "menu", "button", "select", "textarea", "input")
_DROP_ROLES = re.compile(r"^(?:navigation|banner|contentinfo|search|menu|menubar)$", re.I)
_DROP_NAMES = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|sidebar|toolbar|skip)(?:$|[\s_-])", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BLOCKS = frozenset(("address", "article", "blockquote", "body", "caption", "center", "dd", "div", "dl",
                     "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                     "header", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tbody", "td",
                     "tfoot", "th", "thead", "tr", "ul"))
_CELLS = ("td", "th")
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"
_CJK_BREAK = re.compile(rf"(?<={_CJK})[ \t\r\f]*\n[ \t\n\r\f]*(?={_CJK})")
_TITLE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|\s[-—–]\s)\s*")
_MIN_TITLE = 6  # a shorter head is a site prefix ("首页_…"), not the document's title
_BLANK_LINES = re.compile(r"\n{3,}")
_NAME_SPLIT = re.compile(r"[\s_-]+")
_LINE_TRIM = " \t\u3000【】[]"
_BUTTON_SPLIT = re.compile(r"[\s【】\[\]|｜/·]+")
_WEB_TIME = re.compile(r"\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")  # a CMS timestamp, not a date written in Chinese
_MAX_FURNITURE_LINE = 120  # longer lines are the document's own sentences
_MIN_ARTICLE = 20  # a content container with less text is a stray box, not the article
_ARTICLE_SHARE = 0.4  # ... and so is one holding less than this share of the page's text
_INNER_SHARE = 0.6  # a nested container holding this share of the largest one is the tighter fit
_MAX_SPAN = 1000  # a rowspan beyond this is a markup error
MAX_HTML_DEPTH = 256  # real pages nest under 60 deep; libxml2 stops XML at 256 too
_LABEL_TRIM = re.compile(r"[\s\u3000:：]+")
_CATALOGUE_LABELS = 3
_DIGIT = re.compile(r"\d")
_MENU_BLOCKS = frozenset(("div", "ul", "ol", "p", "td", "span", "dl"))
_MENU_LINKS = 3  # fewer links in a block are part of a sentence or a single button
_MENU_LINK_CHARS = 8  # a menu entry is a short name; longer links are titles (attachments, articles)
_BREAK, _LINE, _CELL = object(), object(), object()  # paragraph, line and cell boundaries


def read(data: bytes, *, path: str) -> Content:
    """Read an .html/.htm file into one page of visible text, its data tables and its title.

    Raises:
        IngestError: the bytes do not decode, or the page shows no text.
    """
    match = _CHARSET.search(data[:4096])
    declared = (match.group(1) or match.group(2)).decode("ascii") if match else None
    elements = data.count(b"<")  # an upper bound on the tags, counted before parsing any
    if elements > MAX_HTML_ELEMENTS:
        raise IngestError(f"holds over {MAX_HTML_ELEMENTS:,} HTML elements, past the parsing limit",
                          path=path, hint="check it is one article page; save just the article")
    markup = decode(data, path=path, declared=declared)
    try:
        return _read(markup, path)
    except (IngestError, MemoryError):
        raise
    except RecursionError:
        raise IngestError("the HTML is nested too deeply to read", path=path,
                          hint="check it is a real page; save just the article") from None
    except Exception as err:  # lxml and bs4 on pathological markup; their wording stays out
        raise IngestError(f"cannot parse the HTML ({type(err).__name__})", path=path,
                          hint="open it in a browser and save it again") from err


def _read(markup: str, path: str) -> Content:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    if _deeper_than(soup, MAX_HTML_DEPTH):
        # Finding furniture walks each element's ancestors: time grows with depth squared.
        raise IngestError(f"the HTML nests elements over {MAX_HTML_DEPTH} deep", path=path,
                          hint="check it is a real page; save just the article")
    title = _page_title(soup.title.get_text()) if soup.title else ""
    number = _catalogue_number(soup)
    for tag in soup.find_all(_hidden):
        if not tag.decomposed:
            tag.decompose()
    root = _article(soup) or soup
    data_tables = [t for t in root.find_all("table") if _is_data_table(t)]
    tables = tuple(Table(page=1, rows=rows) for rows in map(_table_rows, data_tables) if rows)
    text = _render(root, {id(t) for t in data_tables})
    if root is not soup:
        headline = _headline(root, title)
        if headline and _squeeze(headline) not in _squeeze(text[: len(headline) + 500]):
            text = headline + "\n\n" + text
    if number and _squeeze(number) not in _squeeze(text):
        text = number + "\n\n" + text  # the 文号 only the catalogue box shows, where print puts it
    text = clean_page(_drop_furniture_lines(text))
    if not text.strip():
        raise IngestError("the page holds no visible text", path=path,
                          hint="check the file is the saved document, not a redirect or script page")
    return Content(pages=(text,), tables=tables, title_hint=title or None)


def _deeper_than(soup, limit: int) -> bool:
    """True when some element sits more than `limit` elements deep (one pass, no recursion)."""
    depth = {id(soup): 0}
    for element in soup.descendants:
        level = depth[id(element.parent)] + 1
        if level > limit:
            return True
        depth[id(element)] = level
    return False


def _page_title(text: str) -> str:
    """The document's own title from <title>, without the "_栏目_网站" or " - 网站" tail sites add."""
    title = _collapse(text)
    head = _TITLE_SEPARATOR.split(title, maxsplit=1)[0]
    return head if len(head) >= _MIN_TITLE else title


def _hidden(tag) -> bool:
    """True for elements a reader does not see: scripts, navigation, hidden blocks."""
    if tag.name in _DROP_TAGS or tag.has_attr("hidden"):
        return True
    if tag.name in ("header", "footer") and not tag.find_parent(("article", "main")):
        return True  # the site's banner and footer, not an article's own header
    attrs = tag.attrs
    if attrs.get("aria-hidden") == "true" or _DROP_ROLES.match(str(attrs.get("role", ""))):
        return True
    names = " ".join(_strings(attrs.get("class"))) + " " + str(attrs.get("id", ""))
    if _DROP_NAMES.search(names) or _HIDDEN_STYLE.search(str(attrs.get("style", ""))):
        return True
    if tag.name == "table" and _is_catalogue(tag):
        return True
    if tag.name in _MENU_BLOCKS and _is_menu(tag) and tag.find_parent(_is_content) is None:
        return True
    # header/top/foot name article parts too (article-header holds the headline): keep those
    return _is_chrome(names) and not _holds_article(tag)


def _is_catalogue(table) -> bool:
    """The disclosure catalogue box (索引号 | … | 发布机构 | … | 文号 | …), not the document's table."""
    labels = _furniture()["catalogue"]
    per_row = [sum(_LABEL_TRIM.sub("", cell.get_text()) in labels for cell in tr.find_all(_CELLS))
               for tr in table.find_all("tr")]
    # label: value pairs over several rows; a list of documents has its labels (名称 文号 发文日期) in one header row
    return sum(per_row) >= _CATALOGUE_LABELS and sum(1 for n in per_row if n) >= 2


def _catalogue_number(soup) -> str | None:
    """The 文号 a page's catalogue box gives (文　　号： | 岚综管办〔2015〕11号), or None."""
    labels = _furniture()["doc_number"]
    for table in soup.find_all("table"):
        if not _is_catalogue(table):
            continue
        for tr in table.find_all("tr"):
            cells = tr.find_all(_CELLS, recursive=False)
            for label, value in zip(cells, cells[1:]):
                number = _collapse(value.get_text())
                if _LABEL_TRIM.sub("", label.get_text()) in labels and _DIGIT.search(number):
                    return number
    return None


def _is_menu(tag) -> bool:
    """A block of nothing but several short links: a site menu (首页 政务公开 政务服务 …)."""
    links = tag.find_all("a")
    if len(links) < _MENU_LINKS or any(len(_squeeze(a.get_text())) > _MENU_LINK_CHARS for a in links):
        return False
    return len(_squeeze(tag.get_text())) == sum(len(_squeeze(a.get_text())) for a in links)


@lru_cache(maxsize=1)
def _furniture() -> dict:
    """The furniture lexicon, read once from the package's resources."""
    data = load_json("html_furniture.json")
    return {
        "chrome": frozenset(data["chrome_names"]),
        "fragments": tuple(data["chrome_fragments"]),
        "content": frozenset(data["content_names"]),
        "title": frozenset(data["title_names"]),
        "prefixes": tuple(data["line_prefixes"]),
        "markers": tuple(data["line_markers"]),
        "buttons": frozenset(data["button_words"]),
        "catalogue": frozenset(data["catalogue_labels"]),
        "doc_number": frozenset(data["doc_number_labels"]),
        "download": re.compile(r"[^\s，。；]{1,80}\.(?:" + "|".join(data["download_extensions"]) + ")", re.I),
        # a label starts the line or follows a space: 申报时间： and 截止日期： are the document's own
        "labels": re.compile(r"(?<![^\s|｜/])(?:" + "|".join(map(re.escape, sorted(data["info_labels"], key=len, reverse=True)))
                             + r")\s*[:：]"),
    }


def _words(names: str) -> set[str]:
    return {w for w in _NAME_SPLIT.split(names.lower()) if w}


def _is_chrome(names: str) -> bool:
    lexicon = _furniture()
    lowered = names.lower()
    return bool(_words(names) & lexicon["chrome"]) or any(f in lowered for f in lexicon["fragments"])


def _names_of(tag) -> list[str]:
    """A tag's class names and id, each lower-cased without spaces, '-' and '_'."""
    return [_NAME_SPLIT.sub("", n.lower()) for n in (*_strings(tag.attrs.get("class")), str(tag.attrs.get("id", "")))]


def _is_content(tag) -> bool:
    """A CMS content container, or an <article>/<main> element."""
    return tag.name in ("article", "main") or any(n in _furniture()["content"] for n in _names_of(tag))


def _is_headline(tag) -> bool:
    if tag.name in ("h1", "h2", "h3"):
        return True
    names = " ".join(_strings(tag.attrs.get("class"))) + " " + str(tag.attrs.get("id", ""))
    titles = _furniture()["title"]
    return bool(_words(names) & titles) or any(n in titles for n in _names_of(tag))


def _holds_article(tag) -> bool:
    """The tag is, or holds, the headline or the content container."""
    return _is_content(tag) or _is_headline(tag) or tag.find(lambda t: _is_content(t) or _is_headline(t)) is not None


def _article(soup):
    """The content container holding the article, or None when the page names none.

    Containers nest (article-content > zoom > TRS_Editor) and a page wrapper may be
    called "content": the tightest container that still holds most of the largest one's
    text is the article, provided the largest holds a fair share of the page.
    """
    sizes = [(len(_squeeze(t.get_text())), t) for t in soup.find_all(_is_content)]
    if not sizes:
        return None
    largest = max(size for size, _ in sizes)
    page = len(_squeeze(soup.get_text()))
    if largest < _MIN_ARTICLE or largest < _ARTICLE_SHARE * page:
        return None
    return min((pair for pair in sizes if pair[0] >= _INNER_SHARE * largest), key=lambda pair: pair[0])[1]


def _headline(article, title: str) -> str | None:
    """The headline printed above the content container: the one <title> names, else the nearest."""
    candidates = [t for t in article.find_all_previous(_is_headline, limit=12)
                  if _MIN_TITLE <= len(_squeeze(t.get_text())) and not t.find(_is_content)]
    if not candidates:
        return None
    wanted = _squeeze(title)
    for tag in candidates:
        text = _squeeze(tag.get_text())
        if wanted and (text == wanted or text.startswith(wanted) or wanted.startswith(text)):
            return _render(tag, set())
    headings = [t for t in candidates if t.name in ("h1", "h2")]
    return _render(headings[0], set()) if headings else None


def _squeeze(text: str) -> str:
    return _SPACE_RUN.sub("", text)


def _drop_furniture_lines(text: str) -> str:
    """The text without the lines that are site furniture (breadcrumb, info bar, buttons, footer)."""
    lines = [line for line in text.split("\n") if not _is_furniture_line(line)]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def _is_furniture_line(line: str) -> bool:
    stripped = line.strip(_LINE_TRIM)
    if not stripped or len(stripped) > _MAX_FURNITURE_LINE:
        return False
    lexicon = _furniture()
    if stripped.startswith(lexicon["prefixes"]) or any(m in stripped for m in lexicon["markers"]):
        return True
    if all(w in lexicon["buttons"] for w in _BUTTON_SPLIT.split(stripped) if w):
        return True
    if lexicon["download"].fullmatch(stripped):
        return True  # 附件下载's link: 平潭综合实验区新污染物治理工作方案.pdf
    labels = lexicon["labels"]
    first = labels.match(stripped)
    if first and _WEB_TIME.match(stripped, first.end()):
        return True  # 时间：2023-03-30 15:53 …
    return len({m.group() for m in labels.finditer(stripped)}) >= 2  # 时间：… 来源：… 字号：…


def _strings(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def _is_data_table(table) -> bool:
    rows = table.find_all("tr")
    return (table.find("table") is None and len(rows) >= 2
            and max(len(r.find_all(_CELLS, recursive=False)) for r in rows) >= 2)


def _table_rows(table) -> tuple[tuple[str, ...], ...]:
    """The table's rows on its grid: rowspan cells repeated below, colspan cells padded with ""."""
    rows = []
    pending: dict[int, list] = {}  # column -> [text, rows still spanned] of a rowspan cell above
    trs = table.find_all("tr")
    # a colspan wider than the widest row is a markup error: it would pad a row with empties
    widest = max(len(tr.find_all(_CELLS, recursive=False)) for tr in trs)
    for tr in trs:
        cells: list[str] = []

        def fill_pending() -> None:
            while len(cells) in pending:
                held = pending[len(cells)]
                cells.append(held[0])
                held[1] -= 1
                if not held[1]:
                    del pending[len(cells) - 1]

        for cell in tr.find_all(_CELLS, recursive=False):
            fill_pending()
            text = _collapse(_render(cell, set()))
            across, down = min(_span(cell, "colspan"), widest), _span(cell, "rowspan")
            for k in range(across):
                if down > 1:
                    pending[len(cells)] = [text if k == 0 else "", down - 1]
                cells.append(text if k == 0 else "")
        fill_pending()
        for column in sorted(c for c in pending if c > len(cells)):  # spanned columns after a short row
            cells.extend([""] * (column - len(cells)))
            fill_pending()
        if any(cells):
            rows.append(tuple(cells))
    return tuple(rows)


def _span(cell, attribute: str) -> int:
    """A cell's rowspan or colspan: 1 when absent, zero or malformed."""
    digits = re.match(r"\s*(\d+)", str(cell.attrs.get(attribute, "")))
    return min(max(int(digits.group(1)), 1), _MAX_SPAN) if digits else 1


def _render(root, data_tables: set[int]) -> str:
    """The visible text under `root`: blocks as paragraphs, data-table rows as tab-split lines."""
    from bs4 import CData, NavigableString, Tag

    tokens: list = []
    stack: list = [(root, False)]  # iterative: fuzzed pages nest deeper than Python recursion
    in_table = pre = 0
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, Tag):
            name = node.name
            if leaving:
                if in_table and name in _CELLS:
                    tokens.append(_CELL)
                elif in_table and name in ("tr", "caption"):
                    tokens.append(_LINE)
                in_table -= id(node) in data_tables
                pre -= name == "pre"
                if not in_table and name in _BLOCKS:
                    tokens.append(_BREAK)
                continue
            if not in_table and name in _BLOCKS:
                tokens.append(_BREAK)
            in_table += id(node) in data_tables
            pre += name == "pre"
            if name == "br":
                tokens.append(" " if in_table else _LINE)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif type(node) in (NavigableString, CData):
            text = str(node).replace("\x00", "")
            # a pre's line ends survive whitespace collapsing as NULs, restored in _join
            tokens.append(text.replace("\n", "\x00") if pre else text)
    return _join(tokens)


def _join(tokens: list) -> str:
    """Collapse inline text runs and place paragraph, line and cell breaks between them."""
    out: list[str] = []
    run: list[str] = []
    for token in tokens + [_BREAK]:
        if isinstance(token, str):
            run.append(token)
            continue
        text = _collapse(_CJK_BREAK.sub("", "".join(run))).replace("\x00", "\n")
        run = []
        if token is _CELL:
            out.append(text + "\t")
            continue
        if text:
            out.append(text)
        if token is _LINE:
            out.append("\n")
        elif out and out[-1] != "\n\n":
            out.append("\n\n")
    lines = (line.strip(" \t\u3000") for line in "".join(out).replace("\xa0", " ").split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def _collapse(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip()
