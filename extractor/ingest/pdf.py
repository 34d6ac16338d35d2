"""PDF: the text layer of each page through PDFium, tables through pdfplumber where rules are drawn.

pypdfium2 reads a page's text about ten times faster than pdfplumber (pdfminer), so it
reads every page; pdfplumber's `extract_tables()` runs only on pages that draw at least
two path objects (ruling lines or cell rectangles), since a table PDFium cannot see
without rules is one pdfplumber's default strategy cannot find either.

A page without a text layer that draws an image (a scan) or many paths (outlined text),
and a page whose text is garbage (`garbage.garbled`: a broken font encoding), is rendered
and read by OCR when Tesseract is installed, and listed in `Content.ocr_pages`; without
it such pages are listed in `Content.skipped_pages` and a warning names them. A file whose
pages are mostly garbage or blank is damaged, and says so instead of yielding garbage.
"""
from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from extractor.errors import EncryptedDocumentError, IngestError, ScannedDocumentError
from extractor.ingest import ocr
from extractor.ingest.common import Content, clean_page
from extractor.ingest.garbage import MIN_CHARS, garbled, non_space
from extractor.model import Table

log = logging.getLogger(__name__)

_HEADER_WINDOW = 1024  # viewers accept junk before %PDF- within the first KiB
_TRAILER_WINDOW = 2048  # ... and look for %%EOF near the end
_MIN_PATHS = 2  # a table needs at least two drawn edges
_OUTLINE_PATHS = 50  # a textless page drawing this many paths shows text converted to outlines
# Below this many characters a page on average, the text layer is only stamped page
# numbers or a scanner's header over page images: the document needs OCR.
_MIN_CHARS_PER_PAGE = 5
_FINE_SCAN_DPI = 200  # 16 pt 公文 type scanned finer reads best brought down to about this
_OCR_DPI = 300  # pages that show no image (outlined text) render at the resolution Tesseract likes best
_MAX_OCR_DPI = 400  # finer scans are read at this: more pixels only slow Tesseract down
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
        pages, title = _text_layer(document, path)
        if not pages:
            raise _truncated_error(path) if _truncated(data) else IngestError("the PDF has no pages", path=path)
        _check_damage(pages, path)
        texts, ocr_pages, skipped = _recover(document, pages, path)
    except IngestError:
        raise
    except Exception as err:  # PDFium on a damaged page tree
        raise IngestError(f"damaged PDF: cannot read its pages ({err})", path=path, hint=_REPAIR_HINT) from err
    finally:
        document.close()
    if sum(map(non_space, texts)) < _MIN_CHARS_PER_PAGE * len(texts):
        raise _scanned_error(path, skipped)
    candidates = tuple(i for i, page in enumerate(pages) if page.ruled and i + 1 not in ocr_pages)
    return Content(pages=texts, tables=_tables(data, candidates, path), title_hint=title,
                   ocr_pages=ocr_pages, skipped_pages=skipped)


@dataclass(frozen=True)
class _Page:
    """What PDFium found on one page: its text layer and what it draws."""

    text: str
    ruled: bool = False  # draws enough paths to hold a ruled table
    drawn: bool = False  # draws an image or outlines: without text, a scan to OCR
    garbage: bool = False  # PDFium could not load the page, or its text is garbage (`garbled`)

    @property
    def unreadable(self) -> bool:
        """The text layer is garbage, or missing over a drawing: only OCR can read the page."""
        return self.garbage or (self.drawn and non_space(self.text) < MIN_CHARS)


def _check_damage(pages: tuple[_Page, ...], path: str) -> None:
    """Raise when garbage pages and blank ones make up half the document: a damaged file."""
    garbage = sum(page.garbage for page in pages)
    blank = sum(not page.drawn and non_space(page.text) < MIN_CHARS for page in pages)
    if garbage and 2 * (garbage + blank) >= len(pages):
        raise IngestError(f"damaged PDF: the text of {garbage} of {len(pages)} pages is garbage "
                          f"and {blank} more are blank", path=path,
                          hint=f"{_REPAIR_HINT}; if it displays correctly, its fonts lack a character map: "
                               "run OCR on it, e.g. ocrmypdf --force-ocr --language chi_sim in.pdf out.pdf")


def _recover(document, pages: tuple[_Page, ...], path: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """Every page's text with unreadable pages OCR'd when possible; the 1-based pages OCR'd and skipped."""
    texts = [page.text for page in pages]
    unreadable = [i for i, page in enumerate(pages) if page.unreadable]
    if not unreadable:
        return tuple(texts), (), ()
    read = ocr.read_pages(unreadable, lambda index: [_render(document, index)], path=path, total=len(pages))
    for index in unreadable:  # a garbage text layer must not yield facts, OCR'd or not
        texts[index] = clean_page(read.texts.get(index, ""))
    return tuple(texts), read.done, read.skipped


def _render(document, index: int) -> bytes:
    """One page as a grayscale PNG at its scan's own resolution (300 dpi when it shows no image)."""
    page = document[index]
    try:
        image = page.render(scale=_scan_dpi(page) / 72, grayscale=True).to_pil()
    finally:
        page.close()
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _scan_dpi(page) -> float:
    """The resolution to read a scan at: its own, a whole multiple of it near 300 dpi, or
    about 200 dpi for a finer one.

    Resampling a scan up by a fraction blurs its strokes: a 200 dpi scan rendered at 300 dpi
    had 91% of a page's characters read right, at 200 dpi 98%; a 150 dpi scan reads
    better doubled (300 dpi) than as it is. A finer scan reads better brought down: dev 05
    drawn at 300 dpi gave organisations F1 0.83 read as is, 0.94 at 200 dpi.
    """
    import pypdfium2.raw as pdfium_c

    native = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, _, right, _ = image.get_bounds()
        if right - left > 36:  # half an inch: smaller images are seals and logos
            native = max(native, image.get_px_size()[0] / ((right - left) / 72))
    if not native:
        return _OCR_DPI
    if native > _FINE_SCAN_DPI:
        return _FINE_SCAN_DPI
    return min(native * max(1, int(_OCR_DPI / native + 0.25)), _MAX_OCR_DPI)


def _scanned_error(path: str, skipped: tuple[int, ...]) -> ScannedDocumentError:
    """The error for a PDF left without text: OCR missing, or OCR found nothing to read."""
    reason = ocr.missing() if skipped else None
    if reason is not None:
        return ScannedDocumentError(f"no text layer: looks scanned, and OCR is unavailable ({reason})",
                                    path=path, hint=ocr.INSTALL_HINT)
    return ScannedDocumentError("no text layer: looks scanned, and OCR read no text on its pages", path=path,
                                hint="check the file shows text in a PDF viewer; if it does, "
                                     "try ocrmypdf --force-ocr --language chi_sim in.pdf out.pdf")


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


def _text_layer(document, path: str) -> tuple[tuple[_Page, ...], str | None]:
    """Each page's text and drawing, and the metadata title."""
    import pypdfium2 as pdfium

    pages = []
    for index in range(len(document)):
        try:
            pages.append(_page(document, index))
        except pdfium.PdfiumError as err:  # one broken page object: keep the page count and the rest
            log.warning("%s: page %d: text skipped (%s)", path, index + 1, err)
            pages.append(_Page("", garbage=True))
    try:
        title = (document.get_metadata_value("Title") or "").strip() or None
    except Exception:  # a malformed info dictionary only costs the hint
        title = None
    return tuple(pages), title


def _page(document, index: int) -> _Page:
    """One page's text, and what it draws: ruling lines, images, outlines."""
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text = clean_page(textpage.get_text_bounded().translate(_PDFIUM_HYPHENS))
        finally:
            textpage.close()
        if non_space(text) >= MIN_CHARS:  # a table needs two edges; images do not matter
            return _Page(text, ruled=_drawing(page.raw, _MIN_PATHS)[0] >= _MIN_PATHS, garbage=garbled(text))
        paths, image = _drawing(page.raw, _OUTLINE_PATHS, stop_at_image=True)
        return _Page(text, drawn=image or paths >= _OUTLINE_PATHS)
    finally:
        page.close()


def _drawing(container, enough: int, *, stop_at_image: bool = False, depth: int = 0) -> tuple[int, bool]:
    """Path objects on a page or inside its form XObjects (counting no further than `enough`,
    or than the first image when `stop_at_image`), and whether an image was met."""
    import pypdfium2.raw as pdfium_c

    on_page = depth == 0
    total = pdfium_c.FPDFPage_CountObjects(container) if on_page else pdfium_c.FPDFFormObj_CountObjects(container)
    found, image = 0, False
    for i in range(total):
        obj = pdfium_c.FPDFPage_GetObject(container, i) if on_page else pdfium_c.FPDFFormObj_GetObject(container, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            found += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            image = True
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 2:
            inner, inner_image = _drawing(obj, enough - found, stop_at_image=stop_at_image, depth=depth + 1)
            found, image = found + inner, image or inner_image
        if found >= enough or (image and stop_at_image):
            break
    return found, image


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
