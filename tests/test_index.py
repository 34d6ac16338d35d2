"""The persistent index: answers equal the graph's, updates incrementally, one document once."""
from __future__ import annotations

import json
import shutil

import pytest

from extractor import batch, index, query
from extractor.errors import ExtractorError
from extractor.graph import build, read_records
from tests.conftest import FIXTURES, SEEDS

RECORDS = FIXTURES / "graph"


@pytest.fixture()
def records(tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(RECORDS, folder)
    return folder


def _without_org_ids(rows):
    return [{**r, "owners": [(o["name"], o["role"]) for o in r["owners"]]} for r in rows]


@pytest.mark.parametrize("phrase", ["", "高新技术企业", "外籍人才"])
def test_owners_from_the_index_equal_the_graph_answer(records, phrase):
    graph = build(read_records(records))
    assert _without_org_ids(index.sync(records).owners(phrase)) == _without_org_ids(query.owners(graph, phrase))


def test_due_from_the_index_equals_the_graph_answer(records):
    graph = build(read_records(records))
    for year in (2024, 2026, 2030):
        assert _without_org_ids(index.sync(records).due(year)) == _without_org_ids(query.due(graph, year))


def test_only_changed_files_are_read_again(records, monkeypatch):
    index.sync(records)
    read = []
    real = index._read
    monkeypatch.setattr(index, "_read", lambda path: read.append(path.name) or real(path))
    index.sync(records)
    assert read == []
    touched = records / "003_3f674aba3fe25ad0.json"
    touched.write_text(touched.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    (records / "001_361beabd7bf972d8.json").unlink()
    found = index.sync(records)
    assert read == ["003_3f674aba3fe25ad0.json"]
    assert [d["file"] for d in found.documents()] == ["003_3f674aba3fe25ad0.json", "004_36e5cd320c0db03f.json"]


def test_a_document_recorded_twice_answers_once_and_is_named(records):
    before = len(index.sync(records).owners(""))
    shutil.copy(records / "004_36e5cd320c0db03f.json", records / "zz_copy.json")
    found = index.sync(records)
    assert len(found.owners("")) == before
    assert [p.file for p in found.problems()] == ["zz_copy.json"]
    assert "same document as 004_36e5cd320c0db03f.json" in found.problems()[0].problem
    assert len(found.records()) == 3


def test_a_malformed_record_is_skipped_not_fatal(records):
    (records / "broken.json").write_text('{"document": {"id": "x"', encoding="utf-8")
    (records / "wrong.json").write_text('{"document": {"id": "y"}, "targets": 5}', encoding="utf-8")
    found = index.sync(records)
    assert {p.file for p in found.problems()} == {"broken.json", "wrong.json"}
    assert len(found.documents()) == 3


def test_an_empty_folder_is_one_clean_error(tmp_path):
    with pytest.raises(ExtractorError, match="no records found"):
        index.sync(tmp_path)


def test_extract_keeps_the_index_current(tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    out = tmp_path / "out"
    batch.run([seed], out, workers=1)
    connection = index._connect(out)
    assert [f for (f,) in connection.execute("SELECT file FROM files")] == [f"{seed.stem}.json"]
    summary = json.loads(connection.execute("SELECT summary FROM files").fetchone()[0])
    assert summary["source"] == str(seed)


def test_a_damaged_index_file_still_gives_right_answers(records):
    expected = index.sync(records).owners("")
    (records / index.INDEX_FILE).write_bytes(b"not a database, e.g. a partial copy")
    assert index.sync(records).owners("") == expected
