"""The graph of the real text documents of the corpus, as the pipeline extracts them today.

Sixteen documents from Shaanxi (西咸新区), Fujian (平潭) and Shanghai: agencies are named
in full, abbreviated and by bare level (省科技厅) in different files, and must become one
node each without merging bodies of different levels or places.
"""
from __future__ import annotations

import re
from collections import defaultdict

import networkx as nx

import extractor
from extractor.graph import EDGE_TYPES, NODE_TYPES, build, names
from extractor.graph.merge import comparable
from tests.conftest import ROOT


def _one(graph, name, node_type="Organisation"):
    found = extractor.query.find(graph, name, node_type)
    assert len(found) == 1, (name, [graph.nodes[n]["name"] for n in found])
    return found[0]


def _out(graph, node, edge_type):
    return {v for _, v, d in graph.out_edges(node, data=True) if d["type"] == edge_type}


def _doc(graph, prefix):
    return next(d["doc"] for _, d in graph.nodes(data=True)
                if d["type"] == "Document" and d["doc"].startswith(prefix))


def test_one_node_per_agency_across_documents(corpus_graph):
    by_form = defaultdict(set)
    for nid, data in corpus_graph.nodes(data=True):
        if data["type"] == "Organisation":
            for form in [data["name"], *data["aliases"]]:
                by_form[(data["scope"], comparable(form))].add(nid)
    assert {form: ids for form, ids in by_form.items() if len(ids) > 1} == {}
    for full, short in [("陕西省西咸新区开发建设管理委员会", "西咸新区管委会"), ("西安交通大学", "西安交大"),
                        ("区经济发展局", "区经发局"), ("区财政金融局", "区财金局")]:
        assert _one(corpus_graph, full) == _one(corpus_graph, short), (full, short)


def test_bare_levels_are_read_as_the_documents_province(corpus_graph):
    # 省委 in the 西咸新区 committee's letter: the committee of the province it lies in
    committee = corpus_graph.nodes[_one(corpus_graph, "省委")]
    assert committee["scope"] == "陕西省" and committee["admin_level"] == "province"
    assert _doc(corpus_graph, "003") in committee["docs"]
    assert corpus_graph.nodes[_one(corpus_graph, "省科技厅")]["scope"] == "陕西省"


def test_no_node_mixes_levels_or_provinces(corpus_graph):
    for _, data in corpus_graph.nodes(data=True):
        if data["type"] != "Organisation":
            continue
        infos = [names.analyse(f) for f in [data["name"], *data["aliases"]]]
        assert len({i.level for i in infos} - {None}) <= 1, data["name"]
        provinces = {names.province(i.places[0].text) for i in infos if i.places} - {None}
        assert len(provinces) <= 1, data["name"]


def test_departments_belong_to_bodies_of_their_own_place(corpus_graph):
    pingtan = _one(corpus_graph, "平潭综合实验区管委会")
    assert _out(corpus_graph, _one(corpus_graph, "区经济发展局"), "PART_OF") == {pingtan}
    assert _out(corpus_graph, _one(corpus_graph, "平潭综合实验区管委会办公室"), "PART_OF") == {pingtan}
    for child, parent, data in corpus_graph.edges(data=True):
        if data["type"] == "PART_OF" and corpus_graph.nodes[child]["type"] == "Organisation":
            a, b = corpus_graph.nodes[child], corpus_graph.nodes[parent]
            # a department is named after its body, or both belong to one place
            assert names.expand(a["name"]).startswith(names.expand(b["name"])) or (
                (a["place"] or a["scope"]) == (b["place"] or b["scope"]) is not None), (a["name"], b["name"])


def test_new_towns_lie_in_the_new_area(corpus_graph):
    area = _one(corpus_graph, "西咸新区", "Place")
    assert "西咸新区" in [corpus_graph.nodes[area]["name"], *corpus_graph.nodes[area]["aliases"]]
    for town in ("沣东新城", "沣西新城", "泾河新城"):
        assert _out(corpus_graph, _one(corpus_graph, town, "Place"), "PART_OF") == {area}, town


def test_citations_link_to_the_corpus_document_of_that_title(corpus_graph):
    measures = next(n for n, d in corpus_graph.nodes(data=True) if d["type"] == "Policy"
                    and d["title"] == "平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法")
    original, revised = _doc(corpus_graph, "09_"), _doc(corpus_graph, "10_")
    assert {original, revised} <= set(corpus_graph.nodes[measures]["docs"])
    assert {corpus_graph.nodes[d]["doc"] for d in _out(corpus_graph, measures, "PUBLISHED_AS")} == {original}
    # a notice that prints a plan (关于印发…方案的通知) is that plan's document
    plan = next(n for n, d in corpus_graph.nodes(data=True) if d["type"] == "Policy"
                and d["title"] == "平潭综合实验区新污染物治理工作方案")
    assert corpus_graph.nodes[plan]["document"] == _doc(corpus_graph, "05_")


def test_every_node_and_edge_has_provenance(corpus_graph, corpus_records):
    """Property over the whole real graph: doc, span inside the source, page, evidence."""
    sources = {r["document"]["id"]: (ROOT / r["document"]["source"]).read_text(encoding="utf-8")
               for r in corpus_records}  # ROOT / an absolute path is that path
    pages = {r["document"]["id"]: r["document"]["pages"] for r in corpus_records}
    facts = [(d["type"], d) for _, d in corpus_graph.nodes(data=True)]
    facts += [(d["type"], d) for *_, d in corpus_graph.edges(keys=True, data=True)]
    for kind, data in facts:
        assert kind in NODE_TYPES or kind in EDGE_TYPES
        assert data["doc"] in sources, kind
        start, end = data["span"]
        assert 0 <= start <= end <= len(sources[data["doc"]]), (kind, data["span"])
        assert isinstance(data["page"], int) and 1 <= data["page"] <= pages[data["doc"]], kind
        assert isinstance(data["evidence"], str) and data["evidence"].strip(), kind
    for _, data in corpus_graph.nodes(data=True):
        if data["type"] in ("Organisation", "Programme", "Place"):
            forms = [re.sub(r"\s+", "", f) for f in [data["name"], *data["aliases"]]]
            assert any(f in data["evidence"] for f in forms), (data["name"], data["evidence"])


def test_same_records_give_the_same_graph(corpus_graph, corpus_records):
    again = build(list(reversed(corpus_records)))
    assert list(again.nodes) == list(corpus_graph.nodes)
    assert nx.utils.graphs_equal(again, corpus_graph)
