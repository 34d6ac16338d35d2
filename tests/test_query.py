"""Queries on the hand-written records of the seeds 001, 003 and 004 and on the real
text documents of the corpus, library and CLI."""
from __future__ import annotations

import json
import shutil

import pytest

import extractor
from extractor.cli import main
from extractor.graph import build, read_records
from tests.conftest import FIXTURES
from tests.graph.conftest import corpus_graph, corpus_records  # noqa: F401 - pytest fixtures

RECORDS = FIXTURES / "graph"


@pytest.fixture(scope="module")
def graph():
    return build(read_records(RECORDS))


@pytest.fixture(scope="module")
def cli_records(tmp_path_factory):
    # a copy: the CLI keeps its index beside the records, never in the source tree
    folder = tmp_path_factory.mktemp("records")
    for path in RECORDS.glob("*.json"):
        shutil.copy(path, folder / path.name)
    return folder


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


def test_cli_owners_json(capsys, cli_records):
    assert main(["query", "owners", "外籍人才", "--records", str(cli_records), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["owners"][0]["name"] == "发展改革和商务局"


def test_cli_tables_show_evidence_and_document(capsys, monkeypatch, cli_records):
    monkeypatch.setenv("COLUMNS", "400")  # a wide terminal: no cell wraps
    assert main(["query", "targets", "--org", "组织人事部（人才办）", "--records", str(cli_records)]) == 0
    out = capsys.readouterr().out
    assert "004_36e5cd320c0db03f" in out and "为各类人才精准匹配优惠政策" in out
    for argv in (["programme", "春种基金"], ["due", "2026"], ["search", "管委会"], ["owners", "人才"]):
        assert main(["query", *argv, "--records", str(cli_records)]) == 0
    assert capsys.readouterr().out


def test_cli_missing_records_is_one_line(tmp_path, capsys):
    assert main(["query", "owners", "人才", "--records", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("policykg: ") and "Traceback" not in err


def test_cli_unknown_organisation_or_programme_is_one_line(capsys, cli_records):
    assert main(["query", "targets", "--org", "没有这个单位", "--records", str(cli_records)]) == 1
    assert main(["query", "programme", "没有这个计划", "--records", str(cli_records)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all(line.startswith("policykg: no ") for line in err)


# ---- the real corpus: seeds 000-004 and the dev documents, as extracted today ----

def _plan(graph):
    return next(d["doc"] for _, d in graph.nodes(data=True) if d["type"] == "Document" and d["doc"].startswith("004"))


def test_real_four_measures_of_the_talent_reform_zone_and_their_leads(corpus_graph):
    # 三（四）4 建好省级人才发展改革试验区: ①②③ led by 组织人事部（人才办）, ① with 社会事业服务局,
    # ④ by three units
    plan = _plan(corpus_graph)
    rows = [r for r in extractor.query.targets(corpus_graph, "组织人事部") if r["doc"] == plan]
    zone = [r for r in rows if r["type"] == "Task" and r["section"] == "s3.4.4"]
    assert [r["marker"] for r in zone] == ["①", "②", "③"]
    assert {r["role"] for r in zone} == {"lead"}
    first = zone[0]
    assert [(o["name"], o["role"]) for o in first["owners"]] == [("社会事业服务局", "lead"), ("组织人事部（人才办）", "lead")]
    [foreign] = [r for r in extractor.query.owners(corpus_graph, "外籍人才") if r["type"] == "Task"]
    assert (foreign["doc"], foreign["marker"], foreign["section"]) == (plan, "④", "s3.4.4")
    assert [(o["name"], o["role"]) for o in foreign["owners"]] == [
        ("发展改革和商务局", "lead"), ("科技创新和新经济局", "lead"), ("西安市公安局西咸新区分局", "lead")]
    assert "④" in [r["marker"] for r in extractor.query.targets(corpus_graph, "科技创新和新经济局")
                   if r.get("section") == "s3.4.4"]


def test_real_programme_named_in_several_documents(corpus_graph):
    fund = extractor.query.programme(corpus_graph, "春种基金")
    assert [d["doc"][:3] for d in fund["documents"]] == ["000", "001", "004"]
    assert all(d["evidence"] and "春种基金" in d["evidence"] for d in fund["documents"])
    window = extractor.query.programme(corpus_graph, "秦创原总窗口")
    assert {d["doc"][:3] for d in window["documents"]} >= {"002", "004"}
    # reported figures of 2021 from the think-tank paper, before the plan's targets
    years = [f["as_of"] for f in window["figures"] if f["as_of"] is not None]
    assert years == sorted(years) and 2021 in years
    assert any(f["doc"].startswith("002") and f["unit"] == "亿元" for f in window["figures"])


def test_real_targets_due_by_2026(corpus_graph):
    rows = extractor.query.due(corpus_graph, 2026)
    assert rows and all(r["kind"] == "target" and r["year"] <= 2026 for r in rows)
    plan = [r for r in rows if r["doc"] == _plan(corpus_graph)]
    assert "高新技术企业数量达到4000家" in [r["evidence"] for r in plan]
    assert all(r["page"] and r["document"] for r in rows)


def test_real_search_finds_a_merged_body_by_its_alias(corpus_graph):
    rows = extractor.query.search(corpus_graph, "西咸新区管委会")
    assert ("Organisation", "陕西省西咸新区开发建设管理委员会") in [(r["type"], r["label"]) for r in rows]


def test_tables_shape_every_answer(corpus_graph):
    for kind, subject in [("owners", "外籍人才"), ("targets", "组织人事部"), ("programme", "春种基金"),
                          ("due", 2026), ("search", "外籍人才")]:
        result = extractor.query.answer(corpus_graph, kind, subject)
        for table in extractor.query.tables(kind, result, subject):
            assert table.rows and all(len(row) == len(table.columns) for row in table.rows), kind
    assert extractor.query.answer(corpus_graph, "targets", "没有这个单位") is None


def test_cli_on_real_records(corpus_records, tmp_path, capsys):
    for record in corpus_records:
        path = tmp_path / f"{record['document']['id']}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert main(["query", "owners", "外籍人才", "--records", str(tmp_path), "--json"]) == 0
    [row] = [r for r in json.loads(capsys.readouterr().out) if r["type"] == "Task"]
    assert row["owners"][0]["name"] == "发展改革和商务局"
    assert main(["query", "programme", "春种基金", "--records", str(tmp_path)]) == 0
    assert "organisations:" in capsys.readouterr().out
