"""OFD ingest: an easyofd-written file, a GB/T 33190 package built here, and the bad packages users meet.

Fixtures:
* pollutants_plan_excerpt.ofd: corpus/dev/05 (平潭综合实验区新污染物治理工作方案, its opening
  and first tasks) printed to PDF by LibreOffice and converted by easyofd 20260427 (PyPI)
  with its text kept (`build_formats.py`). easyofd writes its own namespace URI and one
  boundary for every fragment of a line, as real writers' quirks go.
* `_package` below: the package layout of GB/T 33190-2016 (OFD.xml -> DocBody/DocRoot ->
  Document.xml -> Pages/Page@BaseLoc -> Content.xml -> Layer/TextObject/TextCode), in the
  standard's namespace, holding lines of corpus/dev/09 (岚综管办〔2015〕11号) written out of
  reading order, as producers that draw by font or by colour do.
"""
from __future__ import annotations

import io
import random
import zipfile

import pytest
from defusedxml import ElementTree
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import ingest
from extractor.errors import EncryptedDocumentError, IngestError
from extractor.ingest import ocr
from extractor.ingest.ofd import page_text
from extractor.pipeline import extract_file
from tests.conftest import FIXTURES

EASYOFD = FIXTURES / "ingest" / "pollutants_plan_excerpt.ofd"
SCAN_PDF = FIXTURES / "ingest" / "land_transfer_notice_scan.pdf"
NS = "http://www.ofdspec.org/2016"
# source: corpus/dev/09_pingtan-allocated-land-transfer-measures-2015.txt, set as a 公文 page (28 characters a line)
PAGE_1 = ("岚综管办〔2015〕11号",
          "平潭综合实验区管委会办公室关于印发《平潭综合实验区个人住房国有划拨建设用地使用",
          "权转让实施办法》的通知",
          "区直各单位，各片区开发管理局：")
PAGE_2 = ("二、国有划拨建设用地使用权转让办理协议出让程序：个人住宅所在宗地涉及划拨土地转让",
          "的，由区房地产交易中心汇总，按批次每月两次上报区环境与国土资源局审议，由区环境与",
          "国土资源局审核后，报区管委会批准同意。")
SIZE = 5.6  # 三号 (16 pt) in millimetres


def _text_object(ident: int, text: str, x: float, y: float) -> str:
    advance = f"g {len(text) - 1} {SIZE}" if len(text) > 1 else ""
    return (f'<ofd:TextObject ID="{ident}" Boundary="{x} {y} {SIZE * len(text)} {SIZE * 1.2}" Font="4" Size="{SIZE}">'
            f'<ofd:TextCode X="0" Y="{SIZE}" DeltaX="{advance}">{text}</ofd:TextCode></ofd:TextObject>')


def _content(objects: list[str]) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
            f'<ofd:Layer ID="2">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def _page(lines: tuple[str, ...], *, seed: int) -> str:
    """The lines as text objects 8 mm apart, in shuffled order; the first line in two objects."""
    objects = []
    for row, line in enumerate(lines):
        y = 37 + 8 * row
        if row == 0:  # a doc number drawn as two runs, the number in another font
            objects += [_text_object(10, line[:4], 25, y), _text_object(11, line[4:], 25 + 4 * SIZE, y)]
        else:
            objects.append(_text_object(20 + row, line, 25, y))
    random.Random(seed).shuffle(objects)
    return _content(objects)


def _package(members: dict[str, str] | None = None, *, binary: dict[str, bytes] | None = None,
             title: str = "关于印发个人住房国有划拨建设用地使用权转让实施办法的通知") -> bytes:
    """An OFD package laid out as GB/T 33190 prescribes, page 2 located by an absolute path."""
    members = members or {}
    resources = "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>" if "Doc_0/DocumentRes.xml" in members else ""
    parts = {
        "OFD.xml": (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
                    f'<ofd:DocBody><ofd:DocInfo><ofd:DocID>6f1c</ofd:DocID><ofd:Title>{title}</ofd:Title>'
                    f'</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'),
        "Doc_0/Document.xml": (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}">'
                               '<ofd:CommonData><ofd:MaxUnitID>40</ofd:MaxUnitID><ofd:PageArea>'
                               f'<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>{resources}</ofd:CommonData>'
                               '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
                               '<ofd:Page ID="2" BaseLoc="/Doc_0/Pages/Page_1/Content.xml"/></ofd:Pages></ofd:Document>'),
        "Doc_0/Pages/Page_0/Content.xml": _page(PAGE_1, seed=1),
        "Doc_0/Pages/Page_1/Content.xml": _page(PAGE_2, seed=2),
    }
    parts.update(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
        for name, data in (binary or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def _load(tmp_path, data: bytes, name: str = "notice.ofd"):
    path = tmp_path / name
    path.write_bytes(data)
    return ingest.load(path)


def test_standard_package_reads_in_reading_order(tmp_path):
    doc = _load(tmp_path, _package())
    assert doc.format == "ofd"
    assert doc.pages == ("\n".join(PAGE_1), "\n".join(PAGE_2))
    assert doc.title_hint == "关于印发个人住房国有划拨建设用地使用权转让实施办法的通知"


def test_easyofd_file_reads_in_reading_order():
    doc = ingest.load(EASYOFD)
    lines = doc.pages[0].splitlines()
    assert lines[0] == "平潭综合实验区新污染物治理工作方案"
    assert "一、总体要求" in lines
    assert lines.index("一、总体要求") < lines.index("二、重点任务")
    # A line easyofd drew as three fragments of two fonts comes back whole.
    assert any(line.startswith("办发〔2022〕15") for line in lines)


def test_easyofd_file_gives_a_record(tmp_path):
    record = extract_file(EASYOFD)
    assert record["document"]["format"] == "ofd"
    assert any(t["year"] == 2025 for t in record["targets"]) or any("2025" in t["text"] for t in record["tasks"])
    assert "区资源生态局" in {o["name"] for o in record["organisations"]}


@given(seed=st.integers(0, 10_000))
@settings(max_examples=30, deadline=None)
def test_text_does_not_depend_on_the_order_objects_are_written(seed):
    content = ElementTree.fromstring(_page(PAGE_1 + PAGE_2, seed=seed))
    assert page_text(content) == "\n".join(PAGE_1 + PAGE_2)


def test_wide_gap_between_fragments_is_a_space():
    objects = [_text_object(1, "签发人：", 25, 37), _text_object(2, "艾晨", 120, 37)]
    assert page_text(ElementTree.fromstring(_content(objects))) == "签发人： 艾晨"


# ---- bad packages ----------------------------------------------------------------------

def _encrypt_flag(data: bytes) -> bytes:
    """The package with every member's general-purpose "encrypted" bit set, as ZIP encryption leaves it."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at != -1:
            out[at + offset] |= 0x1
            at = out.find(signature, at + 4)
    return bytes(out)


def test_encrypted_package(tmp_path):
    with pytest.raises(EncryptedDocumentError, match="encrypted") as err:
        _load(tmp_path, _encrypt_flag(_package()))
    assert err.value.hint


def test_package_with_encryption_entries(tmp_path):
    with pytest.raises(EncryptedDocumentError):
        _load(tmp_path, _package({"Encryptions.xml": f'<ofd:Encryptions xmlns:ofd="{NS}"/>'}))


def test_truncated_package(tmp_path):
    data = _package()
    with pytest.raises(IngestError, match="damaged or truncated") as err:
        _load(tmp_path, data[: len(data) // 2])
    assert "again" in err.value.hint


def test_not_a_package(tmp_path):
    with pytest.raises(IngestError, match="not an OFD file"):
        _load(tmp_path, "<html>下载失败</html>".encode())


def test_package_without_ofd_xml(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(IngestError, match="OFD.xml is missing"):
        _load(tmp_path, out.getvalue())


def test_entity_expansion_is_refused(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "政策政策政策政策"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer>{_text_object(3, "&b;", 25, 37)}'
            '</ofd:Layer></ofd:Content></ofd:Page>')
    with pytest.raises(IngestError, match="cannot read Doc_0/Pages/Page_0/Content.xml"):
        _load(tmp_path, _package({"Doc_0/Pages/Page_0/Content.xml": bomb}))


def _scanned_package() -> bytes:
    """Page 1 one image (the top of land_transfer_notice_scan.pdf's scanned notice, a PNG resource), page 2 text."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(SCAN_PDF)
    png = io.BytesIO()
    image = document[0].render(scale=150 / 72, grayscale=True).to_pil()
    image.crop((0, 0, image.width, image.height // 3)).save(png, format="PNG")  # the top third: OCR stays quick
    document.close()
    scan = _content(['<ofd:ImageObject ID="5" ResourceID="6" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>'])
    resources = (f'<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="6" Type="Image" '
                 'Format="PNG"><ofd:MediaFile>scan_1.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>')
    return _package({"Doc_0/Pages/Page_0/Content.xml": scan, "Doc_0/DocumentRes.xml": resources},
                    binary={"Doc_0/Res/scan_1.png": png.getvalue()})


@pytest.mark.skipif(ocr.missing() is not None, reason="OCR unavailable: `make readers` installs tesseract-ocr-chi-sim")
def test_scanned_page_is_read_by_ocr_from_its_image(tmp_path):
    doc = _load(tmp_path, _scanned_package())
    assert doc.ocr_pages == (1,) and doc.skipped_pages == ()
    assert "国有划拨建设用地使用权转让" in doc.pages[0].replace("\n", "")
    assert doc.pages[1] == "\n".join(PAGE_2)


def test_without_ocr_a_scanned_page_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    doc = _load(tmp_path, _scanned_package())
    assert doc.skipped_pages == (1,) and doc.pages[0] == ""


def test_page_showing_a_missing_image_holds_no_text(tmp_path):
    empty = _content(['<ofd:ImageObject ID="5" ResourceID="6" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>'])
    members = {"Doc_0/Pages/Page_0/Content.xml": empty, "Doc_0/Pages/Page_1/Content.xml": empty}
    with pytest.raises(IngestError, match="holds no text"):
        _load(tmp_path, _package(members))


@given(flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255)), min_size=1, max_size=6),
       cut=st.one_of(st.none(), st.integers(0, 10**6)))
@settings(max_examples=40, deadline=None)
def test_damaged_packages_end_in_a_document_or_one_error(tmp_path_factory, flips, cut):
    data = bytearray(_package())
    for at, mask in flips:
        data[at % len(data)] ^= mask
    if cut is not None:
        del data[cut % len(data):]
    try:
        doc = _load(tmp_path_factory.mktemp("ofd"), bytes(data))
    except IngestError as err:
        assert err.problem and err.path.endswith("notice.ofd")
        return
    assert doc.pages and all("\f" not in page for page in doc.pages)
