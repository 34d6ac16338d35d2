"""Errors carry the file, the problem and a hint, and read as one line."""
from __future__ import annotations

from extractor.errors import ExtractorError, IngestError, ScannedDocumentError


def test_error_line_names_file_problem_and_hint():
    err = ScannedDocumentError("no text layer: looks scanned", path="a.pdf", hint="run OCR first")
    assert isinstance(err, IngestError) and isinstance(err, ExtractorError)
    assert err.line() == "a.pdf: no text layer: looks scanned (run OCR first)"
    assert "\n" not in str(err)


def test_error_without_path_or_hint():
    assert ExtractorError("unknown format").line() == "unknown format"
