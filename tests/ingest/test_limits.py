"""Hostile inputs end in one clean line, quickly, without the memory they ask for."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest

from extractor import ingest
from extractor.errors import IngestError
from extractor.ingest import common
from extractor.ingest import docx as docx_reader
from extractor.ingest import html as html_reader

# source: 平潭综合实验区新污染物治理工作方案 (corpus/dev), one sentence
SENTENCE = "到2025年，对重点管控新污染物开展补充监测和环境风险评估。"


def _docx(paragraphs: int) -> bytes:
    document = docx.Document()
    for _ in range(paragraphs):
        document.add_paragraph(SENTENCE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_symlink_to_dev_zero_is_refused_before_reading(tmp_path):
    link = tmp_path / "通知.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(IngestError, match="not a regular file"):
        ingest.load(link)


def test_file_over_the_input_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_INPUT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(SENTENCE * 100, encoding="utf-8")
    with pytest.raises(IngestError, match="input limit") as caught:
        ingest.load(big)
    assert caught.value.hint


def test_docx_that_unpacks_past_the_cap_is_a_zip_bomb(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED_BYTES", 200_000)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_docx(3000))  # ~0.4 MB of XML compressed to a few KB
    assert bomb.stat().st_size < 200_000
    with pytest.raises(IngestError, match="unpacks to .* past the"):
        ingest.load(bomb)


def test_docx_missing_its_main_part_is_named_in_our_words(tmp_path):
    source = zipfile.ZipFile(io.BytesIO(_docx(2)))
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as out:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, source.read(info))
    path = tmp_path / "damaged.docx"
    path.write_bytes(damaged.getvalue())
    with pytest.raises(IngestError) as caught:
        ingest.load(path)
    assert "missing from the package" in caught.value.problem
    assert "There is no item named" not in str(caught.value)


def test_deeply_nested_html_fails_fast(tmp_path):
    depth = 5000
    page = tmp_path / "nested.html"
    page.write_text(f"<html><body>{'<div>' * depth}{SENTENCE}{'</div>' * depth}</body></html>", encoding="utf-8")
    with pytest.raises(IngestError, match="nests elements over"):
        ingest.load(page)


def test_html_with_more_elements_than_the_cap_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(html_reader, "MAX_HTML_ELEMENTS", 100)
    with pytest.raises(IngestError, match="HTML elements"):
        html_reader.read(("<p>" + SENTENCE + "</p>").encode() * 200, path="many.html")


def test_ordinary_nesting_is_read():
    page = f"<html><body>{'<div>' * 40}<p>{SENTENCE}</p>{'</div>' * 40}</body></html>"
    assert SENTENCE in html_reader.read(page.encode(), path="ok.html").pages[0]


def test_caps_leave_room_for_real_documents():
    # A long real plan is a few MB; the caps only stop what no document needs.
    assert common.MAX_INPUT_BYTES >= 100 << 20 and common.MAX_UNPACKED_BYTES >= 64 << 20


def test_a_parser_failure_in_html_keeps_lxmls_wording_out(monkeypatch):
    from lxml import etree

    def failing(markup, path):
        raise etree.ParserError("Resource limit exceeded: Huge input lookup")

    monkeypatch.setattr(html_reader, "_read", failing)
    with pytest.raises(IngestError) as caught:
        html_reader.read(f"<p>{SENTENCE}</p>".encode(), path="page.html")
    assert "Resource limit" not in str(caught.value) and "cannot parse the HTML" in caught.value.problem
