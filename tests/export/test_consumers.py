"""CSV, RDF and Neo4j exports as their consumers read them: pandas, rdflib + SPARQL, neo4j-admin."""
from __future__ import annotations

import csv as stdcsv
import os
import stat
import re

import pandas as pd
import pytest

from extractor import query
from extractor.errors import ExportError
from extractor.export import FORMATS, csv, export, neo4j, rdf


def test_csv_tables_open_in_pandas_with_chinese_intact(graph, tmp_path):
    paths = {p.stem: p for p in csv.write(graph, tmp_path)}
    nodes_path, edges_path, targets_path = paths["nodes"], paths["edges"], paths["targets"]
    assert nodes_path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    nodes = pd.read_csv(nodes_path, encoding="utf-8-sig")
    assert len(nodes) == graph.number_of_nodes()
    assert "陕西省西咸新区开发建设管理委员会" in set(nodes["label"])
    edges = pd.read_csv(edges_path, encoding="utf-8-sig")
    assert len(edges) == graph.number_of_edges()
    assert set(edges["type"]) >= {"CONTAINS", "OWNS", "MENTIONS"}
    targets = pd.read_csv(targets_path, encoding="utf-8-sig")
    row = targets[targets["metric"] == "高新技术企业数量"].iloc[0]
    assert row["value"] == 4000 and row["unit"] == "家" and row["evidence"] == "高新技术企业数量达到4000家"


def test_targets_csv_lists_owners_with_roles(records, tmp_path):
    from extractor.graph import build

    plan = next(r for r in records if r["document"]["id"].startswith("004"))
    next(t for t in plan["tasks"] if t["id"] == "t20")["owners"] = [
        {"org": "o2", "role": "lead"}, {"org": "o1", "role": "support"}]
    csv.write(build(records), tmp_path)
    targets = pd.read_csv(tmp_path / "targets.csv", encoding="utf-8-sig")
    row = targets[targets["evidence"] == "三年内新增高层次人才500名"].iloc[0]
    assert row["lead"] == "组织人事部（人才办）" and row["support"] == "社会事业服务局"
    owners = pd.read_csv(tmp_path / "owners.csv", encoding="utf-8-sig")
    assert set(owners[owners["item"] == "三年内新增高层次人才500名"]["role"]) == {"lead", "support"}


def test_sparql_who_owns_which_target_answers_like_the_query(graph, tmp_path):
    [path] = rdf.write(graph, tmp_path)
    parsed = rdf.read(path)
    answer = {(str(item).rsplit("/", 1)[1], str(name), str(role))
              for item, _, name, role in parsed.query(rdf.OWNERS_QUERY)}
    expected = {(row["id"], owner["name"], owner["role"])
                for row in query.owners(graph) for owner in row["owners"]}
    assert answer == expected and len(answer) == 7


def test_turtle_documents_its_vocabulary_and_keeps_chinese(graph, tmp_path):
    [path] = rdf.write(graph, tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "pk:Organisation a rdfs:Class" in text and "pk:owns a rdf:Property" in text
    assert "科技创新和新经济局" in text
    labels = {str(o) for o in rdf.read(path).objects(None, rdf.PK.alias)}
    assert "西安交大" in labels


def _header(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return next(stdcsv.reader(handle))


def test_neo4j_files_have_import_headers(graph, tmp_path):
    nodes_path, rels_path, cypher_path = neo4j.write(graph, tmp_path)
    header = _header(nodes_path)
    assert header[:2] == ["id:ID", ":LABEL"]
    assert {"value:double", "page:int", "year:int", "date:date", "aliases:string[]"} <= set(header)
    assert _header(rels_path)[:3] == [":START_ID", ":END_ID", ":TYPE"]
    with nodes_path.open(encoding="utf-8", newline="") as handle:
        rows = list(stdcsv.DictReader(handle))
    assert len(rows) == graph.number_of_nodes()
    assert {r[":LABEL"] for r in rows} == {f"{t};Node" for t in {d["type"] for _, d in graph.nodes(data=True)}}
    org = next(r for r in rows if r["name"] == "西安交通大学")
    assert org["aliases:string[]"] == "西安交大"
    script = cypher_path.read_text(encoding="utf-8")
    for rel in {d["type"] for *_, d in graph.edges(keys=True, data=True)}:
        assert f"MERGE (a)-[r:{rel} {{key: row.`key`}}]->(b)" in script
    assert "CREATE (" not in script and "), (" not in script  # idempotent, no cartesian product
    assert "CREATE CONSTRAINT policykg_target_id IF NOT EXISTS FOR (n:Target) REQUIRE n.id IS UNIQUE;" in script
    # every header the script reads exists in the files
    used = set(re.findall(r"row\.`([^`]+)`", script))
    assert used <= set(header) | set(_header(rels_path))


def test_export_all_and_unknown_format(graph, tmp_path):
    written = export(graph, "all", tmp_path)
    assert {p.name for p in written} >= {"graph.json", "graph.graphml", "graph.gexf", "targets.csv",
                                         "graph.ttl", "import.cypher"}
    assert set(FORMATS) == {"nodelink", "graphml", "gexf", "csv", "rdf", "neo4j", "parquet", "xlsx", "html"}
    with pytest.raises(ExportError):
        export(graph, "docx", tmp_path)


def test_cli_export(tmp_path, capsys):
    from extractor.cli import main
    from tests.graph.conftest import GRAPH_FIXTURES

    assert main(["export", "--records", str(GRAPH_FIXTURES), "--format", "graphml", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "graph.graphml").exists()
    assert main(["export", "--records", str(GRAPH_FIXTURES), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "graph.json").exists()


def test_every_format_twice_gives_the_same_bytes_readable_by_others(graph, tmp_path):
    old = os.umask(0o022)
    try:
        first = {p.relative_to(tmp_path / "a"): p for p in export(graph, "all", tmp_path / "a")}
        second = {p.relative_to(tmp_path / "b"): p for p in export(graph, "all", tmp_path / "b")}
    finally:
        os.umask(old)
    assert first.keys() == second.keys() and len(first) > 20
    for name, path in first.items():
        assert path.read_bytes() == second[name].read_bytes(), name
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, name


def test_cli_export_base_iri(tmp_path, capsys):
    from extractor.cli import main
    from tests.graph.conftest import GRAPH_FIXTURES

    base = "https://data.example.org/policykg/"
    assert main(["export", "--records", str(GRAPH_FIXTURES), "--format", "rdf", "--base-iri", base,
                 "--out", str(tmp_path)]) == 0
    assert f"@prefix id: <{base}> ." in (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert main(["export", "--records", str(GRAPH_FIXTURES), "--format", "rdf", "--base-iri", "policykg",
                 "--out", str(tmp_path / "bad")]) != 0
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "not a base IRI" in error and "e.g. https://" in error
