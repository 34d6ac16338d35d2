"""The CLI never shows a traceback for what a user does: pipes, folders, records, options."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys

import pytest

from extractor import cli
from extractor.cli import main
from tests.conftest import DEV, ROOT

from tests.test_index import RECORDS, records  # noqa: F401 - a pytest fixture: a copy of the graph fixtures

OLD = DEV / "09_pingtan-allocated-land-transfer-measures-2015.txt"
NEW = DEV / "10_pingtan-allocated-land-transfer-measures-revised-2018.txt"


def test_debug_is_accepted_after_the_command(records, capsys):
    assert main(["query", "owners", "外籍人才", "--records", str(records), "--debug"]) == 0
    assert main(["--debug", "documents", "--records", str(records)]) == 0
    with pytest.raises(Exception, match="no such records directory"):
        main(["documents", "--records", str(records / "missing"), "--debug"])


def test_closed_pipe_is_no_traceback(records):
    command = (f"{sys.executable} -m extractor query owners '' --records {records} --json | head -c 10")
    done = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_diff_into_an_unwritable_folder_is_one_line(tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    target = locked / "missing" / "report.md"
    (locked / "missing").write_text("a file where a folder should be", encoding="utf-8")
    assert main(["diff", str(OLD), str(NEW), "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write the report" in err and "Traceback" not in err


def test_diff_stops_at_its_time_limit(capsys, monkeypatch):
    import time

    import extractor.diff

    def endless(old, new):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(extractor.diff, "diff_files", endless)
    assert main(["diff", str(OLD), str(NEW), "--timeout", "0.3"]) == 1
    assert "0.3 s limit" in capsys.readouterr().err


def test_a_malformed_record_is_skipped_with_one_line_by_queries_and_exports(records, tmp_path, capsys):
    (records / "broken.json").write_text('{"document": ', encoding="utf-8")
    assert main(["query", "owners", "外籍人才", "--records", str(records)]) == 0
    assert main(["query", "search", "外籍人才", "--records", str(records)]) == 0
    assert main(["export", "--records", str(records), "--format", "nodelink", "--out", str(tmp_path / "g")]) == 0
    err = capsys.readouterr().err
    assert err.count("broken.json: skipped: not a readable record") == 3


def test_show_lists_a_documents_targets_with_owners_or_why_none(records, capsys):
    assert main(["show", "004_36e5cd320c0db03f", "--records", str(records), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {"kind", "year", "item", "value", "owners", "page"} <= set(rows[0])
    target = next(r for r in rows if r["item"] == "高新技术企业数量")
    assert target["year"] == "2026" and target["value"].startswith("4000")
    assert all(r["owners"] for r in rows)  # a name, or the reason there is none


def test_show_by_record_file_and_unknown_document(records, capsys):
    assert main(["show", str(records / "003_3f674aba3fe25ad0.json")]) == 0
    assert main(["show", "nothing-like-it", "--records", str(records)]) == 1
    assert "policykg documents" in capsys.readouterr().err


def test_documents_lists_every_document_once(records, capsys):
    shutil.copy(records / "001_361beabd7bf972d8.json", records / "zz_again.json")
    assert main(["documents", "--records", str(records), "--json"]) == 0
    import json

    rows = json.loads(capsys.readouterr().out)
    assert [r["file"] for r in rows] == sorted(p.name for p in RECORDS.glob("*.json"))


def test_query_csv_has_a_header_and_one_row_per_answer(records, capsys):
    assert main(["query", "owners", "外籍人才", "--records", str(records), "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["document", "page", "item", "evidence", "owners"] and len(rows) == 2


def test_records_folder_from_the_environment(records, capsys, monkeypatch):
    monkeypatch.setenv("POLICYKG_RECORDS", str(records))
    assert main(["documents", "--csv"]) == 0
    assert cli.build_parser().parse_args(["documents"]).records == str(records)


def test_no_owner_is_explained():
    from extractor import query

    row = {"owners": []}
    assert query.owner_cell(row, document_names_owners=False) == query.NO_OWNER_IN_DOCUMENT
    assert query.owner_cell(row, document_names_owners=True) == query.NO_OWNER_FOUND


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_export_into_an_unwritable_folder_is_one_line(records, tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert main(["export", "--records", str(records), "--out", str(locked / "g")]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_csv_cells_never_open_with_a_formula(capsys):
    # OWASP: a cell opening with = + - @ is prefixed with ' so a spreadsheet shows, not runs, it
    from extractor.cli import _print_csv
    from extractor.query import Table

    _print_csv([Table(title="t", columns=("metric", "value"), rows=(("=1+2", -5), ("@SUM(A1)", 3)))])
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == ["'=1+2,-5", "'@SUM(A1),3"]
