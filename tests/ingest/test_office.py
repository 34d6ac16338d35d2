""".doc and .wps ingest through LibreOffice, and the line a user gets without it.

Fixtures (`tests/fixtures/ingest/build_formats.py` rebuilds them):
* pollutants_plan_excerpt.doc: corpus/dev/05 (平潭综合实验区新污染物治理工作方案, its
  opening and first tasks), saved by LibreOffice 7.4 as Word 97.
* land_transfer_notice_excerpt.wps: corpus/dev/09 (岚综管办〔2015〕11号 and its first articles),
  saved by LibreOffice in Word 97's binary layout, which is what WPS Office writes as .wps.
"""
from __future__ import annotations

import io
import shutil
import zipfile

import docx
import pytest

from extractor import ingest
from extractor.errors import IngestError
from extractor.ingest import office
from extractor.pipeline import extract_file
from tests.conftest import FIXTURES

DOC = FIXTURES / "ingest" / "pollutants_plan_excerpt.doc"
WPS = FIXTURES / "ingest" / "land_transfer_notice_excerpt.wps"

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice (soffice) is not installed: `make readers` installs libreoffice-writer-nogui")


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@needs_libreoffice
def test_doc_reads_as_paragraphs():
    doc = ingest.load(DOC)
    assert doc.format == "doc"
    paragraphs = doc.pages[0].split("\n\n")
    assert paragraphs[0] == "平潭综合实验区新污染物治理工作方案"
    assert "一、总体要求" in paragraphs
    assert any(p.startswith("到2025年，基本掌握重点区域") for p in paragraphs)


@needs_libreoffice
def test_wps_gives_a_record_with_its_doc_number_and_bodies():
    record = extract_file(WPS)
    assert record["document"]["format"] == "wps"
    assert record["document"]["doc_number"] == "岚综管办〔2015〕11号"
    names = {o["name"] for o in record["organisations"]}
    assert {"区房地产交易中心", "区环境与国土资源局"} <= names


def test_without_libreoffice_one_line_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on it
    with pytest.raises(IngestError, match=r"reading \.doc needs LibreOffice, which is not installed") as err:
        ingest.load(_write(tmp_path, "通知.doc", DOC.read_bytes()))
    assert "apt-get install libreoffice-writer-nogui" in err.value.hint
    assert "\n" not in err.value.line()


def test_random_bytes_named_doc(tmp_path):
    with pytest.raises(IngestError, match="not a Word or WPS document"):
        ingest.load(_write(tmp_path, "notice.wps", bytes(range(256)) * 8))


def test_docx_named_doc_reads_without_libreoffice(tmp_path, monkeypatch):
    document = docx.Document()
    document.add_paragraph("一、总体要求")
    out = io.BytesIO()
    document.save(out)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert ingest.load(_write(tmp_path, "renamed.doc", out.getvalue())).pages == ("一、总体要求",)


@needs_libreoffice
def test_truncated_doc(tmp_path):
    data = DOC.read_bytes()
    with pytest.raises(IngestError, match="could not convert|garbage") as err:
        ingest.load(_write(tmp_path, "cut.doc", data[: len(data) // 2]))
    assert "save it as .docx" in err.value.hint


@needs_libreoffice
def test_ole_header_over_garbage_is_damaged_not_garbage_text(tmp_path):
    data = DOC.read_bytes()[:8] + bytes((i * 7919) % 251 for i in range(6000))
    with pytest.raises(IngestError, match="could not convert|garbage"):
        ingest.load(_write(tmp_path, "bad.doc", data))


@needs_libreoffice
def test_conversion_past_its_time_limit_is_one_line(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with pytest.raises(IngestError, match="LibreOffice took longer than 0 s"):
        office.convert(DOC.read_bytes(), soffice=soffice, path=str(DOC), timeout=0.01)


def _docm() -> bytes:
    """A .docx whose main part is declared macro-enabled, as Word saves a .docm; python-docx refuses it."""
    document = docx.Document()
    for paragraph in ("一、总体要求", "到2025年，基本掌握重点区域、重点园区、重点行业有毒有害化学物质生产使用状况。"):
        document.add_paragraph(paragraph)  # source: corpus/dev/05_pingtan-new-pollutants-plan-2023.txt
    plain = io.BytesIO()
    document.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"officedocument.wordprocessingml.document.main+xml",
                                    b"ms-word.document.macroEnabled.main+xml")
            target.writestr(item, data)
    return out.getvalue()


@needs_libreoffice
def test_docm_is_converted_by_libreoffice(tmp_path):
    doc = ingest.load(_write(tmp_path, "方案.docm", _docm()))
    assert doc.format == "docm"
    assert doc.pages[0].split("\n\n")[:2] == ["一、总体要求", "到2025年，基本掌握重点区域、重点园区、重点行业有毒有害化学物质生产使用状况。"]


@needs_libreoffice
def test_rtf_is_converted_by_libreoffice(tmp_path):
    # source: corpus/dev/09_pingtan-allocated-land-transfer-measures-2015.txt, as RTF's \u escapes
    text = "岚综管办〔2015〕11号"
    rtf = "{\\rtf1\\ansi\\ansicpg936 " + "".join(f"\\u{ord(ch)}?" if ord(ch) > 127 else ch for ch in text) + "\\par}"
    doc = ingest.load(_write(tmp_path, "通知.rtf", rtf.encode("ascii")))
    assert doc.format == "rtf" and doc.pages == (text,)
