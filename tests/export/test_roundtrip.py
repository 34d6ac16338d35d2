"""Node-link JSON, GraphML and GEXF: export then load gives the same graph, Chinese intact."""
from __future__ import annotations

import json

import jsonschema
import networkx as nx
import pytest

from extractor.export import gexf, graphml, nodelink
from tests.conftest import ROOT


def _content(graph):
    nodes = [(n, {k: v for k, v in d.items() if v is not None}) for n, d in graph.nodes(data=True)]
    edges = [(u, v, k, {a: b for a, b in d.items() if b is not None})
             for u, v, k, d in graph.edges(keys=True, data=True)]
    return nodes, sorted(edges, key=lambda e: e[:3])


@pytest.mark.parametrize("module", [nodelink, graphml, gexf], ids=lambda m: m.__name__.rsplit(".")[-1])
def test_export_round_trips(module, graph, tmp_path):
    [path] = module.write(graph, tmp_path)
    loaded = module.read(path)
    assert isinstance(loaded, nx.MultiDiGraph)
    assert _content(loaded) == _content(graph)


@pytest.mark.parametrize("module", [graphml, gexf], ids=lambda m: m.__name__.rsplit(".")[-1])
def test_plain_networkx_reader_sees_chinese_and_typed_attributes(module, graph, tmp_path):
    [path] = module.write(graph, tmp_path)
    reader = nx.read_graphml if module is graphml else nx.read_gexf
    plain = reader(path)
    labels = {d.get("label") for _, d in plain.nodes(data=True)}
    assert "陕西省西咸新区开发建设管理委员会" in labels
    target = next(d for _, d in plain.nodes(data=True) if d.get("metric") == "高新技术企业数量")
    assert target["value"] == 4000.0 and target["year"] == 2026 and target["annual"] is False
    assert json.loads(target["span_json"])[1] > json.loads(target["span_json"])[0]


def test_graphml_declares_attribute_types(graph, tmp_path):
    [path] = graphml.write(graph, tmp_path)
    text = path.read_text(encoding="utf-8")
    assert 'attr.name="value" attr.type="double"' in text
    assert 'attr.name="year" attr.type="long"' in text or 'attr.name="year" attr.type="int"' in text
    assert 'attr.name="annual" attr.type="boolean"' in text


def test_nodelink_follows_its_schema(graph, tmp_path):
    [path] = nodelink.write(graph, tmp_path)
    schema = json.loads((ROOT / "schemas" / "graph.schema.json").read_text(encoding="utf-8"))
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert "西咸新区" in path.read_text(encoding="utf-8")  # not \\u-escaped


def test_export_is_deterministic(graph, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        nodelink.write(graph, out)
        graphml.write(graph, out)
    for name in ("graph.json", "graph.graphml"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
