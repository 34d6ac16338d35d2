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
