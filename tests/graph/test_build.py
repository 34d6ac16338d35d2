"""The graph built from hand-written records of the seeds 001, 003 and 004."""
from __future__ import annotations

from collections import Counter

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.graph import EDGE_TYPES, NODE_TYPES, build


def _by_name(graph, node_type, name):
    found = [n for n, d in graph.nodes(data=True) if d["type"] == node_type and d.get("name") == name]
    assert len(found) == 1, (name, found)
    return found[0]


def _out(graph, node, edge_type):
    return {v for _, v, d in graph.out_edges(node, data=True) if d["type"] == edge_type}


def test_every_node_and_edge_has_a_known_type_and_provenance(graph):
    for _, data in graph.nodes(data=True):
        assert data["type"] in NODE_TYPES
        assert {"doc", "span", "page", "evidence"} <= data.keys()
        assert data["evidence"]
    for *_, data in graph.edges(keys=True, data=True):
        assert data["type"] in EDGE_TYPES
        assert {"doc", "span", "page", "evidence"} <= data.keys()
        assert len(data["span"]) == 2 and data["evidence"]


def test_one_node_per_agency_across_documents(graph):
    names = Counter(d["name"] for _, d in graph.nodes(data=True) if d["type"] == "Organisation")
    assert max(names.values()) == 1
    committee = _by_name(graph, "Organisation", "陕西省西咸新区开发建设管理委员会")
    assert "西咸新区管委会" in graph.nodes[committee]["aliases"]
    assert graph.nodes[committee]["docs"] == ["001_361beabd7bf972d8", "003_3f674aba3fe25ad0"]
    university = _by_name(graph, "Organisation", "西安交通大学")
    assert graph.nodes[university]["aliases"] == ["西安交大"]
    assert not any(d.get("name") in ("西安交大", "西咸新区管委会") for _, d in graph.nodes(data=True))


def test_leads_of_the_four_measures_of_section_three_four_four(graph):
    tasks = {d["marker"]: n for n, d in graph.nodes(data=True)
             if d["type"] == "Task" and d["section"] == "s3.4.4"}
    leads = {marker: sorted(graph.nodes[u]["name"] for u, _, d in graph.in_edges(node, data=True)
                            if d["type"] == "OWNS" and d["role"] == "lead")
             for marker, node in tasks.items()}
    assert leads == {"①": ["社会事业服务局", "组织人事部（人才办）"],
                     "②": ["组织人事部（人才办）"], "③": ["组织人事部（人才办）"],
                     "④": ["发展改革和商务局", "科技创新和新经济局", "西安市公安局西咸新区分局"]}


def test_structure_is_contained_in_order(graph):
    section = next(n for n, d in graph.nodes(data=True) if d["type"] == "Section" and d["local_id"] == "s3.4.4")
    parent = next(u for u, _, d in graph.in_edges(section, data=True) if d["type"] == "CONTAINS")
    assert graph.nodes[parent]["local_id"] == "s3.4"
    assert {graph.nodes[t]["marker"] for t in _out(graph, section, "CONTAINS")} == {"①", "②", "③", "④"}


def test_programme_targets_and_subjects(graph):
    fund = _by_name(graph, "Programme", "春种基金")
    figures = sorted(graph.nodes[t]["value"] for t in _out(graph, fund, "HAS_TARGET"))
    assert figures == [2.39, 256.0]
    about = {v for u, v, d in graph.edges(data=True) if d["type"] == "ABOUT"}
    assert about == {fund}


def test_target_inherits_the_owners_of_its_task(records):
    plan = next(r for r in records if r["document"]["id"].startswith("004"))
    task = next(t for t in plan["tasks"] if t["id"] == "t20")
    task["owners"] = [{"org": "o2", "role": "lead"}]
    graph = build(records)
    target = next(n for n, d in graph.nodes(data=True) if d["type"] == "Target" and d["local_id"] == "q4")
    [(org, data)] = [(u, d) for u, _, d in graph.in_edges(target, data=True) if d["type"] == "OWNS"]
    assert graph.nodes[org]["name"] == "组织人事部（人才办）"
    assert data["inherited_from"] == "t20"


def test_new_towns_are_part_of_the_new_area(graph):
    area = _by_name(graph, "Place", "西咸新区")
    for town in ("沣东新城", "空港新城"):
        assert _out(graph, _by_name(graph, "Place", town), "PART_OF") == {area}
    assert not _out(graph, area, "PART_OF")


def test_department_is_part_of_the_body_by_name_prefix(records):
    records[0]["organisations"].append(
        {"id": "o9", "name": "西安市公安局", "aliases": [], "type": "government", "mentions": []})
    graph = build(records)
    branch = _by_name(graph, "Organisation", "西安市公安局西咸新区分局")
    assert _out(graph, branch, "PART_OF") == {_by_name(graph, "Organisation", "西安市公安局")}


def test_bare_department_is_part_of_the_issuing_body(records):
    letter = next(r for r in records if r["document"]["id"].startswith("003"))
    letter["organisations"].append(
        {"id": "o9", "name": "财政局", "aliases": [], "type": "government", "mentions": []})
    graph = build(records)
    finance = _by_name(graph, "Organisation", "财政局")
    assert graph.nodes[finance]["scope"] == "西咸新区"
    assert _out(graph, finance, "PART_OF") == {_by_name(graph, "Organisation", "陕西省西咸新区开发建设管理委员会")}


def test_issuer_and_citations(graph):
    letter = next(n for n, d in graph.nodes(data=True) if d["type"] == "Document" and d["doc"].startswith("003"))
    [issuer] = _out(graph, letter, "ISSUED_BY")
    assert graph.nodes[issuer]["name"] == "陕西省西咸新区开发建设管理委员会"
    titles = {graph.nodes[p]["title"] for p in _out(graph, letter, "CITES")}
    assert "共建秦创原总窗口合作协议" in titles


def test_citation_links_to_the_corpus_document_with_that_title(records):
    plan = next(r for r in records if r["document"]["id"].startswith("004"))
    plan["document"]["title"] = "关于印发《秦创原创新驱动平台建设三年行动计划（2024-2026年）》的通知"
    letter = next(r for r in records if r["document"]["id"].startswith("003"))
    letter["citations"].append({"title": "秦创原创新驱动平台建设三年行动计划（2024—2026年）",
                                "doc_number": None, "span": [0, 0]})
    graph = build(records)
    policy = next(n for n, d in graph.nodes(data=True)
                  if d["type"] == "Policy" and d["title"].startswith("秦创原创新驱动平台"))
    [doc] = _out(graph, policy, "PUBLISHED_AS")
    assert graph.nodes[doc]["doc"] == plan["document"]["id"]


def test_same_records_give_the_same_ids_in_the_same_order(records):
    first, second = build(records), build(list(reversed(records)))
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))


@settings(max_examples=15, deadline=None)
@given(st.permutations([0, 1, 2]))
def test_ids_do_not_depend_on_input_order(order):
    from tests.graph.conftest import GRAPH_FIXTURES
    from extractor.graph import read_records

    records = read_records(GRAPH_FIXTURES)
    graph = build([records[i] for i in order])
    assert nx.utils.graphs_equal(graph, build(records))
    assert list(graph.nodes) == list(build(records).nodes)


def test_empty_records_give_documents_only():
    record = {"schema_version": "1.0", "document": {"id": "x", "title": None}, "sections": [],
              "tasks": [], "targets": [], "organisations": [], "programmes": [], "places": [],
              "citations": []}
    graph = build([record])
    assert [d["type"] for _, d in graph.nodes(data=True)] == ["Document"]


def test_dangling_section_reference_adds_no_untyped_node(records):
    plan = next(r for r in records if r["document"]["id"].startswith("004"))
    plan["tasks"][0]["section"] = "s9.9"
    graph = build(records)
    assert all("type" in d for _, d in graph.nodes(data=True))


def test_adjacent_mentions_put_a_town_in_its_area(records):
    news = {"schema_version": "1.0", "document": {"id": "000", "title": None, "issuer": None},
            "sections": [], "tasks": [], "targets": [], "organisations": [], "programmes": [],
            "citations": [],
            # “西咸新区泾河新城” with 西安市 in the same document: no single larger place
            "places": [{"id": "l1", "name": "西咸新区", "mentions": [[100, 104]]},
                       {"id": "l2", "name": "泾河新城", "mentions": [[104, 108]]},
                       {"id": "l3", "name": "西安市", "mentions": [[200, 203]]},
                       {"id": "l4", "name": "咸阳高新区", "mentions": [[300, 305]]},
                       {"id": "l5", "name": "兰州新区", "mentions": [[400, 404]]}]}
    graph = build([news])
    town = _by_name(graph, "Place", "泾河新城")
    assert _out(graph, town, "PART_OF") == {_by_name(graph, "Place", "西咸新区")}
    [(_, _, data)] = graph.out_edges(town, data=True)
    assert data["rule"] == "adjacent mention"
