"""The graph of the real seed documents, as the pipeline extracts them today."""
from __future__ import annotations

from collections import defaultdict

import pytest

import extractor
from extractor.graph.merge import comparable
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_graph():
    return extractor.build_graph([extractor.extract(p) for p in sorted(SEEDS.glob("*.txt"))])


def test_one_node_per_agency_across_the_seeds(seed_graph):
    owners_of_form = defaultdict(set)
    for nid, data in seed_graph.nodes(data=True):
        if data["type"] == "Organisation" and not data["scope"]:
            for form in [data["name"], *data["aliases"]]:
                owners_of_form[comparable(form)].add(nid)
    assert {form: ids for form, ids in owners_of_form.items() if len(ids) > 1} == {}
    for name in ("西咸新区管委会", "陕西省西咸新区开发建设管理委员会", "西安交通大学"):
        assert len(extractor.query.find(seed_graph, name, "Organisation")) <= 1, name


def test_every_fact_of_the_seeds_has_provenance(seed_graph):
    documents = {d["doc"] for _, d in seed_graph.nodes(data=True) if d["type"] == "Document"}
    assert len(documents) == len(list(SEEDS.glob("*.txt")))
    for *_, data in seed_graph.edges(keys=True, data=True):
        assert data["doc"] in documents and data["evidence"]
