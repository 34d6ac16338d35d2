"""The dispatcher: format by extension, one clean error per problem, nothing third-party escapes."""
from __future__ import annotations

import hashlib

import pytest

from extractor import ingest
from extractor.errors import IngestError, UnsupportedFormatError
from extractor.model import PAGE_BREAK
from tests.conftest import DEV, SEEDS, documents


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")) + documents(DEV), ids=lambda p: p.name)
def test_corpus_text_documents_load(path):
    doc = ingest.load(path)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.format == path.suffix[1:] and doc.path == str(path)
    assert doc.text.strip() and all(PAGE_BREAK not in page for page in doc.pages)


def test_extension_case_does_not_matter(tmp_path):
    path = tmp_path / "NOTICE.TXT"
    path.write_text("各相关单位：", encoding="utf-8")
    assert ingest.load(path).format == "txt"


def test_htm_reads_as_html(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text("<p>各相关单位：</p>", encoding="utf-8")
    assert ingest.load(path).format == "html"


def test_unsupported_extension_lists_supported_ones(tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnsupportedFormatError) as err:
        ingest.load(path)
    assert all(suffix in err.value.hint for suffix in (".pdf", ".txt", ".md", ".html", ".htm", ".docx"))


@pytest.mark.parametrize("name", ["gone.txt", "gone.xlsx"])
def test_missing_file(tmp_path, name):
    with pytest.raises(IngestError, match="not found") as err:
        ingest.load(tmp_path / name)
    assert err.value.path == str(tmp_path / name) and err.value.hint


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx", ".pdf"])
def test_empty_file(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.touch()
    with pytest.raises(IngestError, match="empty"):
        ingest.load(path)


def test_directory_named_like_a_file(tmp_path):
    path = tmp_path / "folder.txt"
    path.mkdir()
    with pytest.raises(IngestError, match="directory"):
        ingest.load(path)


def test_error_line_names_file_problem_and_hint(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"GIF89a")
    with pytest.raises(IngestError) as err:
        ingest.load(path)
    assert str(err.value) == f"{path}: {err.value.problem} ({err.value.hint})"
