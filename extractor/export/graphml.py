"""GraphML 1.0 for Gephi, yEd, igraph, Cytoscape and graphology: valid against the
official schema, UTF-8 text with an XML declaration, typed keys.

networkx's lxml writer does the work. Each edge has a unique ``id`` (`scalars.edge_id`;
the graph's own edge key, ``OWNS:lead``, repeats across the graph and importers drop
edges whose id they have seen) and keeps its key as the attribute ``key``. Key ids stay
``d0, d1 …``: named ids would clash where a node and an edge attribute share a name
(``doc``, ``page``), which the schema forbids. Lists and dicts (``span``, ``aliases``,
``mentions``) are JSON strings in ``*_json`` keys; `read` parses them back.
"""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
from lxml import etree

from extractor.atomic import write_atomic
from extractor.export.scalars import flatten, keyed, with_edge_ids

FILENAME = "graph.graphml"
_NS = "{http://graphml.graphdrawing.org/xmlns}"


def _drop_edge_id_data(document: bytes) -> bytes:
    """Remove the ``id`` data networkx writes beside the edge's own ``id``: igraph (and a
    reader that maps data to columns) would see the id twice."""
    root = etree.fromstring(document)
    for key in root.findall(f"{_NS}key[@for='edge'][@attr.name='id']"):
        root.remove(key)
        for data in root.iter(f"{_NS}data"):
            if data.get("key") == key.get("id"):
                data.getparent().remove(data)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)


def dumps(graph: nx.MultiDiGraph) -> bytes:
    """The graph as GraphML bytes (UTF-8, with an XML declaration)."""
    buffer = io.BytesIO()
    nx.write_graphml_lxml(with_edge_ids(flatten(graph)), buffer, encoding="utf-8",
                          edge_id_from_attribute="id")
    return _drop_edge_id_data(buffer.getvalue())


def write(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.graphml`` into `out_dir`."""
    path = Path(out_dir) / FILENAME
    write_atomic(path, dumps(graph))
    return [path]


def read(path: str | Path) -> nx.MultiDiGraph:
    """Load a graph written by `write`: edge keys, lists and dicts restored."""
    return keyed(nx.read_graphml(path))
