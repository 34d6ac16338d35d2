"""PDF: the text layer of each page through PDFium, tables through pdfplumber where rules are drawn.

pypdfium2 reads a page's text about ten times faster than pdfplumber (pdfminer), so it
reads every page; pdfplumber's `extract_tables()` runs only on pages that draw at least
two path objects (ruling lines or cell rectangles), since a table PDFium cannot see
without rules is one pdfplumber's default strategy cannot find either.
"""
from __future__ import annotations

import io
import logging
import re

from extractor.errors import EncryptedDocumentError, IngestError, ScannedDocumentError
from extractor.ingest.common import Content, clean_page
from extractor.model import Table

log = logging.getLogger(__name__)

_HEADER_WINDOW = 1024  # viewers accept junk before %PDF- within the first KiB
_TRAILER_WINDOW = 2048  # ... and look for %%EOF near the end
_MIN_PATHS = 2  # a table needs at least two drawn edges
# Below this many characters a page on average, the text layer is only stamped page
# numbers or a scanner's header over page images: the document needs OCR.
_MIN_CHARS_PER_PAGE = 5
_NON_SPACE = re.compile(r"\S")
# PDFium marks a hyphen it judges to be a line-end hyphenation with these code points.
_PDFIUM_HYPHENS = str.maketrans({"\x02": "-", "\ufffe": "-"})
_REPAIR_HINT = "open it in a PDF viewer and save or print it to a new PDF"


def read(data: bytes, *, path: str) -> Content:
    """Read a PDF's pages of text, its ruled tables and its metadata title.

    Raises:
        IngestError: not a PDF, truncated or damaged, or without pages.
        EncryptedDocumentError: the PDF needs a password.
        ScannedDocumentError: the pages have no text layer.
    """
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise IngestError("not a PDF (the file does not start with %PDF-)", path=path,
                          hint="check the file is really a PDF, not a web page or another format saved as .pdf")
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise _load_error(err, data, path) from err
    try:
        pages, candidates, title = _text_layer(document, path)
    except Exception as err:  # PDFium on a damaged page tree
        raise IngestError(f"damaged PDF: cannot read its pages ({err})", path=path, hint=_REPAIR_HINT) from err
    finally:
        document.close()
    if not pages:
        raise _truncated_error(path) if _truncated(data) else IngestError("the PDF has no pages", path=path)
    if sum(len(_NON_SPACE.findall(page)) for page in pages) < _MIN_CHARS_PER_PAGE * len(pages):
        raise ScannedDocumentError("no text layer: looks scanned", path=path,
                                   hint="run OCR first, e.g. ocrmypdf --language chi_sim in.pdf out.pdf")
    return Content(pages=pages, tables=_tables(data, candidates, path), title_hint=title)


def _load_error(err, data: bytes, path: str) -> IngestError:
    """The user-facing error for a PDF PDFium refused to open."""
    import pypdfium2.raw as pdfium_c

    code = getattr(err, "err_code", None)
    if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
        return EncryptedDocumentError("the PDF is encrypted (password-protected)", path=path,
                                      hint="supply a decrypted copy, e.g. qpdf --decrypt --password=PASSWORD in.pdf out.pdf")
    if _truncated(data):
        return _truncated_error(path)
    return IngestError(f"damaged PDF: {err}", path=path, hint=_REPAIR_HINT)


def _truncated_error(path: str) -> IngestError:
    return IngestError("truncated PDF: the file stops before its end", path=path,
                       hint="download or copy the file again")


def _truncated(data: bytes) -> bool:
    """No %%EOF near the end: the file was cut short (PDFium's refusal then has this cause)."""
    return b"%%EOF" not in data.rstrip(b"\x00\t\n\r\f ")[-_TRAILER_WINDOW:]


def _text_layer(document, path: str) -> tuple[tuple[str, ...], tuple[int, ...], str | None]:
    """Each page's text, the 0-based pages that may hold ruled tables, and the metadata title."""
    import pypdfium2 as pdfium

    pages, candidates = [], []
    for index in range(len(document)):
        try:
            text, ruled = _page(document, index)
        except pdfium.PdfiumError as err:  # one broken page object: keep the page count and the rest
            log.warning("%s: page %d: text skipped (%s)", path, index + 1, err)
            text, ruled = "", False
        pages.append(text)
        if ruled:
            candidates.append(index)
    try:
        title = (document.get_metadata_value("Title") or "").strip() or None
    except Exception:  # a malformed info dictionary only costs the hint
        title = None
    return tuple(pages), tuple(candidates), title


def _page(document, index: int) -> tuple[str, bool]:
    """One page's text, and whether it draws enough paths to hold a ruled table."""
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text = clean_page(textpage.get_text_bounded().translate(_PDFIUM_HYPHENS))
        finally:
            textpage.close()
        return text, _path_count(page.raw, _MIN_PATHS) >= _MIN_PATHS
    finally:
        page.close()


def _path_count(container, enough: int, *, depth: int = 0) -> int:
    """Path objects on a page or inside its form XObjects, counting no further than `enough`."""
    import pypdfium2.raw as pdfium_c

    on_page = depth == 0
    total = pdfium_c.FPDFPage_CountObjects(container) if on_page else pdfium_c.FPDFFormObj_CountObjects(container)
    found = 0
    for i in range(total):
        obj = pdfium_c.FPDFPage_GetObject(container, i) if on_page else pdfium_c.FPDFFormObj_GetObject(container, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            found += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 2:
            found += _path_count(obj, enough - found, depth=depth + 1)
        if found >= enough:
            break
    return found


def _tables(data: bytes, candidates: tuple[int, ...], path: str) -> tuple[Table, ...]:
    """pdfplumber's tables on the candidate pages; a page pdfminer cannot parse keeps its text only."""
    if not candidates:
        return ()
    import pdfplumber

    tables: list[Table] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index in candidates:
                try:
                    found = pdf.pages[index].extract_tables()
                except Exception as err:  # pdfminer fails on pages PDFium reads fine
                    log.warning("%s: page %d: tables skipped (%s: %s)", path, index + 1, type(err).__name__, err)
                    continue
                tables.extend(Table(page=index + 1, rows=rows) for rows in map(_rows, found) if rows)
    except Exception as err:  # pdfminer cannot open what PDFium opened: text stays, tables go
        log.warning("%s: tables skipped (%s: %s)", path, type(err).__name__, err)
    return tuple(tables)


def _rows(table: list[list[str | None]]) -> tuple[tuple[str, ...], ...]:
    rows = (tuple(clean_page(cell or "").strip() for cell in row) for row in table)
    return tuple(row for row in rows if any(row))
