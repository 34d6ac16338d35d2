"""`policykg extract` on a folder of every format a government office publishes.

Uses the .ofd, .doc, .wps and image-only PDF fixtures of tests/fixtures/ingest (see
`build_formats.py` there): each becomes a record, or one line naming the tool it needs.
"""
from __future__ import annotations

import json
import shutil

import pytest

from extractor.cli import main
from extractor.ingest import ocr
from tests.conftest import FIXTURES

FILES = ("pollutants_plan_excerpt.ofd", "pollutants_plan_excerpt.doc", "land_transfer_notice_excerpt.wps",
         "land_transfer_notice_scan.pdf")


def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in FILES:
        stem, suffix = name.rsplit(".", 1)
        shutil.copy(FIXTURES / "ingest" / name, folder / f"{stem}_{suffix}.{suffix}")  # stems must differ
    return folder


def _extract(folder, out) -> tuple[int, dict[str, dict]]:
    status = main(["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet", "--timeout", "0"])
    return status, {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


@pytest.mark.skipif(shutil.which("soffice") is None or ocr.missing() is not None,
                    reason="needs LibreOffice and Tesseract with chi_sim: `make readers` installs them")
def test_every_format_gives_a_record(tmp_path, capsys):
    status, records = _extract(_folder(tmp_path), tmp_path / "out")
    assert status == 0
    assert sorted(r["document"]["format"] for r in records.values()) == ["doc", "ofd", "pdf", "wps"]
    scan = next(r for r in records.values() if r["document"]["format"] == "pdf")
    assert scan["document"]["ocr_pages"] == [1]
    assert "4 records written" in capsys.readouterr().out


def test_without_the_tools_each_file_is_one_line_naming_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))  # neither soffice nor tesseract
    status, records = _extract(_folder(tmp_path), tmp_path / "out")
    assert status == 1
    assert [r["document"]["format"] for r in records.values()] == ["ofd"]
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("policykg:")]
    assert len(lines) == 3
    assert sum("needs LibreOffice" in line for line in lines) == 2
    assert sum("OCR is unavailable (tesseract is not installed)" in line for line in lines) == 1
