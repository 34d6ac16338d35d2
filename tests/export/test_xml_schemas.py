"""GraphML and GEXF of the real corpus graph as their consumers meet them: valid against
the official schemas, one id per edge, UTF-8 text, loaded by networkx and igraph alike."""
from __future__ import annotations

import collections
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from extractor.export import gexf, graphml
from tests.conftest import FIXTURES, ROOT

SCHEMAS = FIXTURES / "xml-schemas"
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
GEXF_NS = "{http://gexf.net/1.3}"


@pytest.fixture(scope="module")
def schemas():
    return {"graphml": etree.XMLSchema(etree.parse(str(SCHEMAS / "graphml" / "graphml.xsd"))),
            "gexf": etree.XMLSchema(etree.parse(str(SCHEMAS / "gexf-1.3" / "gexf.xsd")))}


@pytest.mark.parametrize("module, name", [(graphml, "graphml"), (gexf, "gexf")])
def test_real_graph_validates_against_the_official_schema(module, name, schemas, exported):
    document = etree.parse(str(exported / module.FILENAME))
    schema = schemas[name]
    assert schema.validate(document), schema.error_log.filter_from_errors()[:3]


@pytest.mark.parametrize("module, ns", [(graphml, GRAPHML_NS), (gexf, GEXF_NS)])
def test_every_edge_has_its_own_id(module, ns, corpus_graph, exported):
    ids = [e.get("id") for e in etree.parse(str(exported / module.FILENAME)).iter(f"{ns}edge")]
    assert len(ids) == corpus_graph.number_of_edges() == len(set(ids))


@pytest.mark.parametrize("module", [graphml, gexf])
def test_utf8_text_with_a_declaration_and_chinese_unescaped(module, exported):
    raw = (exported / module.FILENAME).read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    # only the line breaks inside attribute values are character references
    assert set(re.findall(rb"&#[^;]*;", raw)) <= {b"&#10;", b"&#13;", b"&#9;"}
    assert "西咸新区".encode("utf-8") in raw


def test_gexf_gives_gephi_the_relation_as_edge_kind_and_a_stable_header(corpus_graph, exported):
    root = etree.parse(str(exported / gexf.FILENAME)).getroot()
    kinds = collections.Counter(e.get("kind") for e in root.iter(f"{GEXF_NS}edge"))
    assert kinds == collections.Counter(d["type"] for *_, d in corpus_graph.edges(keys=True, data=True))
    meta = root.find(f"{GEXF_NS}meta")
    assert meta.findtext(f"{GEXF_NS}creator") == "policykg" and "lastmodifieddate" not in meta.attrib


def test_networkx_and_igraph_load_the_same_graphml(corpus_graph, exported):
    igraph = pytest.importorskip("igraph")
    path = exported / graphml.FILENAME
    loaded = igraph.Graph.Read_GraphML(str(path))
    plain = nx.read_graphml(path)
    assert loaded.ecount() == plain.number_of_edges() == corpus_graph.number_of_edges()
    assert loaded.vcount() == corpus_graph.number_of_nodes()
    assert "陕西省西咸新区开发建设管理委员会" in set(loaded.vs["label"])


def test_two_exports_of_the_same_graph_are_byte_identical(graph, tmp_path):
    for module in (graphml, gexf):
        first = module.write(graph, tmp_path / "a")[0].read_bytes()
        assert module.write(graph, tmp_path / "b")[0].read_bytes() == first


NODE = shutil.which("node")
NODE_MODULES = ROOT / ".venv" / "node" / "node_modules"


@pytest.mark.skipif(NODE is None or not (NODE_MODULES / "graphology-gexf").is_dir(),
                    reason="node or graphology is missing (make graphology installs it into .venv/node)")
def test_graphology_loads_every_node_and_edge(corpus_graph, exported):
    result = subprocess.run(
        [NODE, str(Path(__file__).with_name("graphology_read.js")), str(exported / graphml.FILENAME),
         str(exported / gexf.FILENAME)],
        capture_output=True, text=True, timeout=300, check=False, env={**os.environ, "NODE_PATH": str(NODE_MODULES)})
    counts = [corpus_graph.number_of_nodes(), corpus_graph.number_of_edges()]
    assert json.loads(result.stdout or "{}") == {"graphml": counts, "gexf": counts}, result.stderr[-800:]
