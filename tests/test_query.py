"""Queries on the hand-written records of the seeds 001, 003 and 004, library and CLI."""
from __future__ import annotations

import json

import pytest

import extractor
from extractor.cli import main
from extractor.graph import build, read_records
from tests.conftest import FIXTURES

RECORDS = FIXTURES / "graph"


@pytest.fixture(scope="module")
def graph():
    return build(read_records(RECORDS))


def test_owners_of_the_foreign_talent_measure(graph):
    [row] = extractor.query.owners(graph, "外籍人才")
    assert row["type"] == "Task" and row["marker"] == "④"
    assert row["doc"] == "004_36e5cd320c0db03f" and row["page"] == 1
    assert "外籍人才引进" in row["evidence"]
    assert [(o["name"], o["role"]) for o in row["owners"]] == [
        ("发展改革和商务局", "lead"), ("科技创新和新经济局", "lead"), ("西安市公安局西咸新区分局", "lead")]


def test_owners_matches_target_metric(graph):
    rows = extractor.query.owners(graph, "高新技术企业")
    assert [r["evidence"] for r in rows] == ["高新技术企业数量达到4000家"]
    assert rows[0]["value"] == 4000 and rows[0]["year"] == 2026


def test_targets_of_an_organisation_by_name(graph):
    rows = extractor.query.targets(graph, "组织人事部（人才办）")
    assert [r["marker"] for r in rows] == ["①", "②", "③"]
    assert {r["role"] for r in rows} == {"lead"}
    assert extractor.query.targets(graph, "科技创新和新经济局")[0]["marker"] == "④"


def test_targets_by_alias_find_the_merged_body(graph):
    assert extractor.query.find(graph, "西安交大", "Organisation") == \
        extractor.query.find(graph, "西安交通大学", "Organisation")
    assert extractor.query.targets(graph, "没有这个单位") == []


def test_programme_collects_documents_targets_and_figures(graph):
    answer = extractor.query.programme(graph, "春种基金")
    assert [d["doc"] for d in answer["documents"]] == ["001_361beabd7bf972d8", "004_36e5cd320c0db03f"]
    assert sorted(f["value"] for f in answer["figures"]) == [2.39, 256.0]
    assert [t["marker"] for t in answer["tasks"]] == ["③"]
    assert extractor.query.programme(graph, "没有这个计划") is None


def test_due_lists_targets_by_year(graph):
    rows = extractor.query.due(graph, 2026)
    assert {r["kind"] for r in rows} == {"target"}
    assert "技术合同交易额突破500亿元" in [r["evidence"] for r in rows]
    assert extractor.query.due(graph, 2025) == []


def test_search_over_evidence_and_aliases(graph):
    rows = extractor.query.search(graph, "西安交大")
    assert [(r["type"], r["label"]) for r in rows] == [("Organisation", "西安交通大学")]


def test_cli_owners_json(capsys):
    assert main(["query", "owners", "外籍人才", "--records", str(RECORDS), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["owners"][0]["name"] == "发展改革和商务局"


def test_cli_tables_show_evidence_and_document(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # a wide terminal: no cell wraps
    assert main(["query", "targets", "--org", "组织人事部（人才办）", "--records", str(RECORDS)]) == 0
    out = capsys.readouterr().out
    assert "004_36e5cd320c0db03f" in out and "为各类人才精准匹配优惠政策" in out
    for argv in (["programme", "春种基金"], ["due", "2026"], ["search", "管委会"], ["owners", "人才"]):
        assert main(["query", *argv, "--records", str(RECORDS)]) == 0
    assert capsys.readouterr().out


def test_cli_missing_records_is_one_line(tmp_path, capsys):
    assert main(["query", "owners", "人才", "--records", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("policykg: ") and "Traceback" not in err


def test_cli_unknown_organisation_or_programme_is_one_line(capsys):
    assert main(["query", "targets", "--org", "没有这个单位", "--records", str(RECORDS)]) == 1
    assert main(["query", "programme", "没有这个计划", "--records", str(RECORDS)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all(line.startswith("policykg: no ") for line in err)
