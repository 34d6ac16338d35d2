"""Text and Markdown ingest: encodings detected, line ends unified, form feeds as pages."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import ingest
from extractor.errors import IngestError
from extractor.ingest.common import decode
from tests.conftest import DEV, SEEDS

REPLY = "经研究，现将有关情况答复如下：西咸新区持续深化秦创原创新驱动平台建设，技术合同交易额稳步增长。"
ENCODINGS = {
    "utf-8": REPLY.encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + REPLY.encode("utf-8"),
    "gb18030": REPLY.encode("gb18030"),
    "gbk": REPLY.encode("gbk"),
    "utf-16-le-bom": REPLY.encode("utf-16"),  # Python writes the BOM in native (little-endian) order
    "utf-16-be-bom": codecs.BOM_UTF16_BE + REPLY.encode("utf-16-be"),
    "utf-32-bom": REPLY.encode("utf-32"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_encodings_round_trip(tmp_path, encoding):
    path = tmp_path / f"reply_{encoding}.txt"
    path.write_bytes(ENCODINGS[encoding])
    doc = ingest.load(path)
    assert doc.pages == (REPLY,) and doc.format == "txt"


def test_corpus_seed_reads_as_it_is():
    path = SEEDS / "003_3f674aba3fe25ad0.txt"
    doc = ingest.load(path)
    assert doc.text == path.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert "陕西咸函〔2024〕2号" in doc.text and doc.id == "003_3f674aba3fe25ad0"


def test_markdown_title_hint():
    doc = ingest.load(DEV / "13_shanghai-sci-tech-progress-regulation-2010.md")
    assert doc.format == "md" and doc.title_hint == "上海市科学技术进步条例"
    assert "第一条 为了促进科学技术进步" in doc.text


def test_form_feeds_split_pages_and_crlf_becomes_lf(tmp_path):
    path = tmp_path / "pdftotext.txt"
    path.write_bytes("一、总体要求\r\n到2025年，基本掌握重点区域\f— 2 —\r\n二、主要任务\f".encode("utf-8"))
    doc = ingest.load(path)
    assert doc.pages == ("一、总体要求\n到2025年，基本掌握重点区域", "— 2 —\n二、主要任务", "")


def test_gb2312_is_not_mistaken_for_another_codepage():
    short = "附件".encode("gb2312")  # four bytes: detectors guess wildly on so little
    assert decode(short, path="a.txt") == "附件"


def test_undecodable_text(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(IngestError) as err:
        ingest.load(path)
    assert err.value.hint and err.value.path == str(path)


def test_whitespace_only_text(tmp_path):
    path = tmp_path / "blank.md"
    path.write_bytes(" \r\n\t\n".encode("utf-16"))
    with pytest.raises(IngestError, match="no text"):
        ingest.load(path)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(codec="gb18030", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1)
       .filter(str.strip))
def test_any_text_round_trips_as_utf8_bom(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("rt") / "t.txt"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    doc = ingest.load(path)
    assert doc.text == text
