"""Property: any records' graph survives every exporter's round trip, text intact."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.export import gexf, graphml, nodelink, rdf
from extractor.graph import build

# Chinese text with the characters XML and CSV writers must escape.
_TEXT = st.text(alphabet="西咸新区管委会科技局大学基金“”《》（）<>&\"'，。；1２ ", min_size=1, max_size=12)


@st.composite
def _records(draw):
    orgs = draw(st.lists(_TEXT, min_size=1, max_size=4, unique=True))
    values = draw(st.lists(st.one_of(st.integers(0, 10**6), st.floats(0, 1e6, allow_nan=False)),
                           min_size=1, max_size=3))
    return [{
        "schema_version": "1.0",
        "document": {"id": "doc", "title": draw(st.one_of(st.none(), _TEXT)), "issuer": None},
        "sections": [], "programmes": [], "places": [], "citations": [],
        "tasks": [{"id": "t1", "section": None, "marker": "①", "text": draw(_TEXT), "span": [0, 10],
                   "page": 1, "owners": [{"org": "o0", "role": "lead"}]}],
        "organisations": [{"id": f"o{i}", "name": name, "aliases": [], "type": "government",
                           "mentions": [[i, i + len(name)]]} for i, name in enumerate(orgs)],
        "targets": [{"id": f"q{i}", "kind": "target", "metric": draw(_TEXT), "value": value,
                     "value_max": None, "unit": "家", "comparator": ">=", "year": 2026,
                     "annual": False, "subject": None, "programme": None, "evidence": draw(_TEXT),
                     "span": [0, 5], "page": 1, "section": None, "owners": []}
                    for i, value in enumerate(values)],
    }]


def _content(graph):
    nodes = {n: {k: v for k, v in d.items() if v is not None} for n, d in graph.nodes(data=True)}
    edges = {(u, v, k): {a: b for a, b in d.items() if b is not None}
             for u, v, k, d in graph.edges(keys=True, data=True)}
    return nodes, edges


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_records())
def test_round_trip_of_any_graph(records):
    graph = build(records)
    with tempfile.TemporaryDirectory() as tmp:
        for module in (nodelink, graphml, gexf):
            [path] = module.write(graph, Path(tmp))
            assert _content(module.read(path)) == _content(graph), module.__name__
        [path] = rdf.write(graph, Path(tmp))
        labels = {str(o) for o in rdf.read(path).objects(None, rdf.PK.name)}
        assert labels == {d["name"] for _, d in graph.nodes(data=True) if "name" in d}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_records())
def test_tables_hold_every_node_and_edge_once(records):
    from collections import Counter

    from extractor.export import tables

    graph = build(records)
    rows = tables.rows(graph)
    kinds = Counter(d["type"] for _, d in graph.nodes(data=True))
    assert len(rows["targets"]) == kinds["Target"] and len(rows["organisations"]) == kinds["Organisation"]
    assert len(rows["edges"]) == graph.number_of_edges()
    assert len({row["id"] for row in rows["edges"]}) == graph.number_of_edges()


@given(st.text(max_size=20))
def test_a_neutralised_cell_never_starts_a_formula_and_neutralising_twice_changes_nothing(text):
    from extractor.export.cells import neutralise

    once = neutralise(text)
    assert not once.startswith(("=", "+", "-", "@", "\t", "\r")) and neutralise(once) == once
    assert once.lstrip("'") == text.lstrip("'") and len(once) - len(text) in (0, 1)
