"""PDF pages without a usable text layer: scanned pages OCR'd or named, garbage text layers caught.

Fixture: land_transfer_notice_scan.pdf, corpus/dev/09 (岚综管办〔2015〕11号, its notice and first
articles) drawn with WenQuanYi Zen Hei at 16 pt into a 150 dpi black-and-white page image,
in a PDF without a text layer (`tests/fixtures/ingest/build_formats.py`), as a scanner
delivers a printed notice. The mixed PDFs join it to real text pages of corpus/pdf.
"""
from __future__ import annotations

import io
import logging
import random

import jsonschema
import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import ingest
from extractor.errors import IngestError, ScannedDocumentError
from extractor.ingest import ocr
from extractor.ingest.garbage import garbled
from extractor.pipeline import extract_raw
from extractor.record import to_record
from tests.conftest import FIXTURES, PDFS

SCAN = FIXTURES / "ingest" / "land_transfer_notice_scan.pdf"
DIAGNOSIS_ED10 = PDFS / "covid_diagnosis_treatment_plan_ed10_2023.pdf"

needs_ocr = pytest.mark.skipif(ocr.missing() is not None,
                               reason=f"OCR unavailable ({ocr.missing()}): `make readers` installs "
                                      "tesseract-ocr and tesseract-ocr-chi-sim")


def _mixed(*, text_pages: int = 2) -> bytes:
    """The first `text_pages` pages of the diagnosis plan, then the scanned page."""
    with pikepdf.open(DIAGNOSIS_ED10) as text, pikepdf.open(SCAN) as scan:
        out_pdf = pikepdf.Pdf.new()
        out_pdf.pages.extend(text.pages[:text_pages])
        out_pdf.pages.extend(scan.pages)
        out = io.BytesIO()
        out_pdf.save(out)
        return out.getvalue()


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def mixed_raw(tmp_path_factory):
    """The mixed PDF with its scanned page OCR'd: the one OCR run of the module."""
    if ocr.missing() is not None:
        pytest.skip(f"OCR unavailable ({ocr.missing()})")
    return ingest.load(_write(tmp_path_factory.mktemp("mixed"), "mixed.pdf", _mixed()))


@needs_ocr
def test_scanned_page_is_read_by_ocr_and_marked(mixed_raw, record_schema):
    mixed_record = to_record(extract_raw(mixed_raw))
    jsonschema.validate(mixed_record, record_schema)
    document = mixed_record["document"]
    assert document["pages"] == 3
    assert document["ocr_pages"] == [3] and document["skipped_pages"] == []
    names = {o["name"] for o in mixed_record["organisations"]}
    assert "区环境与国土资源局" in names or "区房地产交易中心" in names


@needs_ocr
def test_ocr_text_is_chinese_without_spaces_between_characters(mixed_raw):
    page = mixed_raw.pages[2]
    assert "国有划拨建设用地使用权转让" in page.replace("\n", "")
    assert not garbled(page)
    assert " 的 " not in page


def test_without_ocr_the_scanned_page_is_named_and_the_rest_kept(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on it
    with caplog.at_level(logging.WARNING, logger="extractor.ingest.ocr"):
        doc = ingest.load(_write(tmp_path, "mixed.pdf", _mixed()))
    assert doc.skipped_pages == (3,) and doc.ocr_pages == ()
    assert doc.pages[2] == "" and "新型冠状病毒感染诊疗方案" in doc.pages[0]
    assert "page 3 without a readable text layer skipped" in caplog.text
    assert "tesseract-ocr-chi-sim" in caplog.text


def test_without_ocr_a_scan_is_one_line_naming_the_missing_tool(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ScannedDocumentError, match="looks scanned, and OCR is unavailable") as err:
        ingest.load(_write(tmp_path, "scan.pdf", SCAN.read_bytes()))
    assert "tesseract is not installed" in err.value.problem
    assert "apt-get install tesseract-ocr tesseract-ocr-chi-sim" in err.value.hint


def test_ocr_missing_names_the_reason(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert ocr.missing() == "tesseract is not installed"


@pytest.mark.parametrize(("spaced", "tidy"), [
    ("到 2025 年 ， 全 区 高 新 技 术 企 业 达 到 4000 家", "到2025年，全区高新技术企业达到4000家"),
    ("（ 区 资 源 生 态 局 牵 头 负 责 ）", "（区资源生态局牵头负责）"),
    ("ORF3a ORF3b 基因", "ORF3a ORF3b基因"),
])
def test_tidy_closes_the_spaces_tesseract_puts_in_chinese(spaced, tidy):
    assert ocr.tidy(spaced) == tidy


# ---- damaged PDFs ----------------------------------------------------------------------

def _flipped(data: bytes, *, flips: int, seed: int) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(flips):
        out[rng.randrange(len(out))] ^= 0xFF
    return bytes(out)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_200_flipped_bytes_are_reported_as_damage_not_read_as_garbage(tmp_path, seed):
    path = _write(tmp_path, "flipped.pdf", _flipped(DIAGNOSIS_ED10.read_bytes(), flips=200, seed=seed))
    with pytest.raises(IngestError, match="damaged PDF") as err:
        ingest.load(path)
    assert err.value.hint


def test_real_pdfs_have_no_garbage_pages():
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(DIAGNOSIS_ED10)
    try:
        assert not any(garbled(document[i].get_textpage().get_text_bounded()) for i in range(len(document)))
    finally:
        document.close()


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=20, max_size=200),
       st.text(alphabet="，。、；：“”（）0123456789年月日%", max_size=40))
@settings(max_examples=50, deadline=None)
def test_chinese_text_is_never_garbage(ideographs, marks):
    # Punctuation and digits woven into a run of ideographs as long: Chinese prose at its densest.
    text = "".join(a + b for a, b in zip(ideographs, marks.ljust(len(ideographs))))
    assert not garbled(text)


@pytest.mark.parametrize(("scan_dpi", "read_at"), [(150, 300), (200, 200), (300, 200), (600, 200)])
def test_a_scan_is_read_at_a_resolution_tesseract_reads_well(scan_dpi, read_at):
    # 16 pt 公文 type: a 150 dpi scan reads best doubled, a finer one brought down to about
    # 200 dpi (dev 05 drawn at 300 dpi: organisations F1 0.83 read as is, 0.94 at 200)
    import pypdfium2
    from PIL import Image

    from extractor.ingest.pdf import _scan_dpi
    from tests.fixtures.ingest.build_formats import image_pdf

    page_image = Image.new("L", (int(595 * scan_dpi / 72), int(842 * scan_dpi / 72)), 255)
    document = pypdfium2.PdfDocument(image_pdf([page_image]))
    assert _scan_dpi(document[0]) == pytest.approx(read_at, abs=1)
