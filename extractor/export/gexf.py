"""GEXF 1.2 for Gephi: typed attributes, Chinese intact, edge type shown as the edge label.

GEXF reserves an edge's ``type`` for directed/undirected, so the relation (OWNS,
CONTAINS …) is written as the edge ``label`` and restored by `read`.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from extractor.atomic import write_atomic
from extractor.export.scalars import flatten, unflatten

FILENAME = "graph.gexf"


def write(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.gexf`` into `out_dir`."""
    flat = flatten(graph)
    for u, v, key, data in flat.edges(keys=True, data=True):
        data["label"] = data.pop("type")
        data["id"] = f"{u}|{v}|{key}"  # unique, and holds the key when read as a simple graph
    path = Path(out_dir) / FILENAME
    write_atomic(path, "\n".join(nx.generate_gexf(flat, version="1.2draft")) + "\n")
    return [path]


def read(path: str | Path) -> nx.MultiDiGraph:
    """Load a graph written by `write`: edge keys, types, lists and dicts restored."""
    loaded = nx.read_gexf(path)
    graph = nx.MultiDiGraph()
    graph.graph.update(loaded.graph)
    graph.add_nodes_from(loaded.nodes(data=True))
    # networkx reads a file without parallel edges as a simple graph: the key is in "id"
    edges = (loaded.edges(keys=True, data=True) if loaded.is_multigraph()
             else ((u, v, d["id"].rsplit("|", 1)[1], d) for u, v, d in loaded.edges(data=True)))
    for u, v, key, data in edges:
        data = dict(data)
        data.pop("id", None)
        data["type"] = data.pop("label")
        graph.add_edge(u, v, key=key, **data)
    return unflatten(graph)
