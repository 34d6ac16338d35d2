"""`policykg diff` writes the report a user asked for, and one clear line for a bad file."""
from __future__ import annotations

import json

from extractor.cli import main
from tests.diff.conftest import LAND_2015, LAND_2018


def test_diff_writes_json_by_the_out_suffix(tmp_path, capsys):
    out = tmp_path / "land.json"
    assert main(["diff", str(LAND_2015), str(LAND_2018), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["old"]["id"].startswith("09_") and data["summary"]["modified"] >= 3
    assert "json diff written" in capsys.readouterr().out


def test_diff_prints_a_summary_by_default(capsys):
    assert main(["diff", str(LAND_2015), str(LAND_2018)]) == 0
    out = capsys.readouterr().out
    assert "2次 → —" in out and "房地产交易" in out


def test_diff_of_a_missing_file_is_one_line(tmp_path, capsys):
    status = main(["diff", str(tmp_path / "nope.txt"), str(LAND_2018), "--format", "html"])
    err = capsys.readouterr().err
    assert status == 1 and err.startswith("policykg: ") and "Traceback" not in err


def test_diff_writes_csv_a_spreadsheet_opens(tmp_path):
    import csv

    out = tmp_path / "land.csv"
    assert main(["diff", str(LAND_2015), str(LAND_2018), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert {"status", "old_ref", "new_ref", "old_text", "new_text"} <= set(rows[0])
    assert any(r["status"] == "modified" and "不动产登记" in r["new_text"] for r in rows)


def test_diff_refuses_an_unknown_suffix_in_one_line(tmp_path, capsys):
    status = main(["diff", str(LAND_2015), str(LAND_2018), "--out", str(tmp_path / "land.xlsx")])
    err = capsys.readouterr().err
    assert status == 1 and "land.xlsx" in err and "--format" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "land.xlsx").exists()
