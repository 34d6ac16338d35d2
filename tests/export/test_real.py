"""Every export of the graph of the real text documents, read back by its consumer."""
from __future__ import annotations

import csv as stdcsv
import json

import jsonschema
import networkx as nx
import pandas as pd
import pytest

from extractor.export import gexf, graphml, nodelink
from tests.conftest import ROOT


def _content(graph):
    nodes = {n: {k: v for k, v in d.items() if v is not None} for n, d in graph.nodes(data=True)}
    edges = {(u, v, k): {a: b for a, b in d.items() if b is not None}
             for u, v, k, d in graph.edges(keys=True, data=True)}
    return nodes, edges


@pytest.mark.parametrize("module", [nodelink, graphml, gexf], ids=lambda m: m.__name__.rsplit(".")[-1])
def test_real_graph_round_trips(module, corpus_graph, exported):
    path = exported / module.FILENAME
    assert _content(module.read(path)) == _content(corpus_graph)


@pytest.mark.parametrize("reader, name", [(nx.read_graphml, "graph.graphml"), (nx.read_gexf, "graph.gexf")])
def test_networkx_readers_see_the_real_graph(reader, name, corpus_graph, exported):
    plain = reader(exported / name)
    assert plain.number_of_nodes() == corpus_graph.number_of_nodes()
    labels = {d.get("label") for _, d in plain.nodes(data=True)}
    assert {"陕西省西咸新区开发建设管理委员会", "平潭综合实验区管委会"} <= labels


def test_nodelink_of_the_real_graph_follows_its_schema(exported):
    schema = json.loads((ROOT / "schemas" / "graph.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads((exported / nodelink.FILENAME).read_text(encoding="utf-8")), schema)


def test_csv_tables_of_the_real_graph_in_pandas(corpus_graph, exported):
    nodes = pd.read_csv(exported / "nodes.csv", encoding="utf-8-sig")
    edges = pd.read_csv(exported / "edges.csv", encoding="utf-8-sig")
    assert (len(nodes), len(edges)) == (corpus_graph.number_of_nodes(), corpus_graph.number_of_edges())
    targets = pd.read_csv(exported / "targets.csv", encoding="utf-8-sig")
    assert len(targets) == sum(d["type"] == "Target" for _, d in corpus_graph.nodes(data=True))
    row = targets[targets["evidence"] == "高新技术企业数量达到4000家"].iloc[0]
    assert (row["value"], row["unit"], row["year"]) == (4000, "家", 2026)
    assert "组织人事部（人才办）" in set(nodes["label"])


def test_neo4j_files_of_the_real_graph(corpus_graph, exported):
    with (exported / "neo4j" / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        nodes = list(stdcsv.DictReader(handle))
    with (exported / "neo4j" / "relationships.csv").open(encoding="utf-8", newline="") as handle:
        rels = list(stdcsv.DictReader(handle))
    assert list(nodes[0])[:2] == ["id:ID", ":LABEL"] and list(rels[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    ids = {n["id:ID"] for n in nodes}
    assert len(ids) == corpus_graph.number_of_nodes() and len(rels) == corpus_graph.number_of_edges()
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    committee = next(n for n in nodes if n["name"] == "陕西省西咸新区开发建设管理委员会")
    assert "西咸新区管委会" in committee["aliases:string[]"].split(";")
