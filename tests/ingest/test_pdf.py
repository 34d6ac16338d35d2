"""PDF ingest: PDFium text per page, pdfplumber tables, and the bad PDFs users hand us."""
from __future__ import annotations

import hashlib
import io
import re
from collections import Counter

import pdfplumber
import pikepdf
import pytest
from fpdf import FPDF

from extractor import ingest
from extractor.errors import EncryptedDocumentError, IngestError, ScannedDocumentError
from extractor.ingest.common import clean_page
from extractor.model import PAGE_BREAK
from tests.conftest import PDFS

PREVENTION_ED9 = PDFS / "covid_prevention_control_plan_ed9_2022.pdf"
DIAGNOSIS_ED10 = PDFS / "covid_diagnosis_treatment_plan_ed10_2023.pdf"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _plumber(path, pages=None):
    """Bare pdfplumber per page: (text, tables) for the 0-based `pages` (all when None)."""
    with pdfplumber.open(path) as pdf:
        chosen = range(len(pdf.pages)) if pages is None else pages
        return {i: (pdf.pages[i].extract_text() or "", pdf.pages[i].extract_tables()) for i in chosen}


# Module-scoped: each costs a second or more, and only the worker that runs this module pays.
@pytest.fixture(scope="module")
def ed9():
    return ingest.load(PREVENTION_ED9)


@pytest.fixture(scope="module")
def ed10():
    return ingest.load(DIAGNOSIS_ED10)


@pytest.fixture(scope="module")
def plumber_ed10():
    """Every page of the diagnosis plan: tables on ten of them."""
    return _plumber(DIAGNOSIS_ED10)


@pytest.fixture(scope="module")
def plumber_ed9():
    """A spread of the prevention plan's pages: the notice, tables, the last page."""
    return _plumber(PREVENTION_ED9, pages=[0, 1, 36, 37, 47, 60, 101, 128, 158])


def test_notice_number_on_the_first_page(ed9):
    # PDFium keeps the space the typesetter put before 号; normalise closes it.
    assert "联防联控机制综发〔2022〕71号" in re.sub(r"\s+", "", ed9.pages[0])
    assert "关于印发新型冠状病毒肺炎防控方案" in ed9.pages[0]


def test_one_text_per_page_with_unix_line_ends_and_no_page_break_inside(ed9, ed10):
    assert ed9.format == "pdf" and len(ed9.pages) == 159 and len(ed10.pages) == 30
    for page in ed9.pages + ed10.pages:
        assert PAGE_BREAK not in page and "\r" not in page
    assert ed9.text.count(PAGE_BREAK) == 158


PAIRS = pytest.mark.parametrize(("doc", "plumber"), [("ed10", "plumber_ed10"), ("ed9", "plumber_ed9")],
                                ids=["ed10", "ed9"])


@PAIRS
def test_no_text_lost_against_pdfplumber(request, doc, plumber):
    doc, plumber = request.getfixturevalue(doc), request.getfixturevalue(plumber)
    for index, (text, _) in plumber.items():
        ours, theirs = doc.pages[index], text
        assert Counter(CJK.findall(ours)) == Counter(CJK.findall(theirs)), f"page {index + 1}"
        ours_all = Counter(ch for ch in ours if not ch.isspace())
        theirs_all = Counter(ch for ch in theirs if not ch.isspace())
        assert sum((ours_all & theirs_all).values()) >= 0.99 * sum(theirs_all.values()), f"page {index + 1}"


@PAIRS
def test_tables_match_pdfplumber(request, doc, plumber):
    doc, plumber = request.getfixturevalue(doc), request.getfixturevalue(plumber)
    expected = {(i + 1, tuple(tuple(clean_page(c or "").strip() for c in row) for row in table))
                for i, (_, tables) in plumber.items() for table in tables}
    expected = {(page, tuple(r for r in rows if any(r))) for page, rows in expected}
    ours = {(t.page, t.rows) for t in doc.tables if t.page - 1 in plumber}
    assert ours == expected


def test_quarantine_table_rows_as_cells(ed9):
    table = next(t for t in ed9.tables if t.page == 37)
    assert table.rows[1] == ("1", "跨境交通工具司乘、保洁、维修等人员", "作业期间每天1次全员核酸检测")


def test_sha256_and_title_hint(ed9, ed10):
    assert ed10.sha256 == hashlib.sha256(DIAGNOSIS_ED10.read_bytes()).hexdigest()
    assert ed9.title_hint  # the PDF's metadata title, a fallback only


# ---- bad PDFs -------------------------------------------------------------------------

def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _encrypted():
    with pikepdf.open(DIAGNOSIS_ED10) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(user="secret", owner="owner", R=6))
        return out.getvalue()


def _drawn_only(*, page_numbers: bool):
    """A two-page PDF with shapes and no text (bar stamped page numbers), as a scan looks to us."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    for number in range(1, 3):
        pdf.add_page()
        pdf.rect(20, 20, 170, 250)
        pdf.line(20, 60, 190, 60)
        if page_numbers:
            pdf.text(100, 285, f"- {number} -")
    return bytes(pdf.output())


def test_random_bytes_named_pdf(tmp_path):
    with pytest.raises(IngestError, match="not a PDF") as err:
        ingest.load(_write(tmp_path, "report.pdf", b"<html><body>404 Not Found</body></html>"))
    assert err.value.hint and err.value.path.endswith("report.pdf")


def test_truncated_pdf(tmp_path):
    data = DIAGNOSIS_ED10.read_bytes()
    with pytest.raises(IngestError, match="truncated") as err:
        ingest.load(_write(tmp_path, "cut.pdf", data[: len(data) // 2]))
    assert err.value.hint


def test_encrypted_pdf(tmp_path):
    with pytest.raises(EncryptedDocumentError) as err:
        ingest.load(_write(tmp_path, "locked.pdf", _encrypted()))
    assert "decrypted copy" in err.value.hint


def test_owner_password_only_pdf_still_reads(tmp_path, ed10):
    with pikepdf.open(DIAGNOSIS_ED10) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(user="", owner="owner", R=4))
    doc = ingest.load(_write(tmp_path, "restricted.pdf", out.getvalue()))
    assert doc.pages == ed10.pages


@pytest.mark.parametrize("page_numbers", [False, True], ids=["bare", "stamped-page-numbers"])
def test_scanned_pdf(tmp_path, page_numbers):
    with pytest.raises(ScannedDocumentError, match="no text layer: looks scanned") as err:
        ingest.load(_write(tmp_path, "scan.pdf", _drawn_only(page_numbers=page_numbers)))
    assert "ocrmypdf" in err.value.hint


def test_empty_pdf(tmp_path):
    with pytest.raises(IngestError, match="empty"):
        ingest.load(_write(tmp_path, "empty.pdf", b""))


def test_header_only_pdf_is_damaged_not_a_crash(tmp_path):
    with pytest.raises(IngestError) as err:
        ingest.load(_write(tmp_path, "stub.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"))
    assert err.value.hint
