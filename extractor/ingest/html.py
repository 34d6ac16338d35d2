"""Saved web pages: the visible text as paragraphs, data tables as rows of cells, <title> as hint.

Block elements become paragraphs separated by a blank line, ``<br>`` a line break.
Whitespace collapses as a browser renders it, and a line break in the markup between
two CJK characters disappears (CSS Text 3 segment-break rule), so a hard-wrapped Chinese
source does not gain spaces inside words. A data table (rows of several cells, no
table inside) is written one row a line with cells split by tabs; a layout table, which
government sites wrap whole pages in, is read as ordinary blocks.
"""
from __future__ import annotations

import re

from extractor.errors import IngestError
from extractor.ingest.common import Content, clean_page, decode
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
_BREAK, _LINE, _CELL = object(), object(), object()  # paragraph, line and cell boundaries


def read(data: bytes, *, path: str) -> Content:
    """Read an .html/.htm file into one page of visible text, its data tables and its title.

    Raises:
        IngestError: the bytes do not decode, or the page shows no text.
    """
    match = _CHARSET.search(data[:4096])
    declared = (match.group(1) or match.group(2)).decode("ascii") if match else None
    markup = decode(data, path=path, declared=declared)
    try:
        return _read(markup, path)
    except IngestError:
        raise
    except Exception as err:  # lxml and bs4 on pathological markup
        raise IngestError(f"cannot parse the HTML ({type(err).__name__}: {err})", path=path,
                          hint="open it in a browser and save it again") from err


def _read(markup: str, path: str) -> Content:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    title = _page_title(soup.title.get_text()) if soup.title else ""
    for tag in soup.find_all(_hidden):
        if not tag.decomposed:
            tag.decompose()
    data_tables = [t for t in soup.find_all("table") if _is_data_table(t)]
    tables = tuple(Table(page=1, rows=rows) for rows in map(_table_rows, data_tables) if rows)
    text = clean_page(_render(soup, {id(t) for t in data_tables}))
    if not text.strip():
        raise IngestError("the page holds no visible text", path=path,
                          hint="check the file is the saved document, not a redirect or script page")
    return Content(pages=(text,), tables=tables, title_hint=title or None)


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
    return bool(_DROP_NAMES.search(names) or _HIDDEN_STYLE.search(str(attrs.get("style", ""))))


def _strings(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def _is_data_table(table) -> bool:
    rows = table.find_all("tr")
    return (table.find("table") is None and len(rows) >= 2
            and max(len(r.find_all(_CELLS, recursive=False)) for r in rows) >= 2)


def _table_rows(table) -> tuple[tuple[str, ...], ...]:
    rows = []
    for tr in table.find_all("tr"):
        cells = tuple(_collapse(_render(cell, set())) for cell in tr.find_all(_CELLS, recursive=False))
        if any(cells):
            rows.append(cells)
    return tuple(rows)


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
