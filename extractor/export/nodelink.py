"""Node-link JSON, the default export: what `networkx.node_link_graph` and d3 read.

The file follows ``schemas/graph.schema.json``: ``{"directed", "multigraph", "graph",
"nodes": [{"id", "type", "label", "doc", "span", "page", "evidence", …}],
"edges": [{"source", "target", "key", "type", "doc", "span", "page", "evidence", …}]}``.
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from extractor.atomic import write_atomic

FILENAME = "graph.json"


def dumps(graph: nx.MultiDiGraph) -> str:
    """The graph as node-link JSON text, Chinese unescaped."""
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.json`` into `out_dir`."""
    path = Path(out_dir) / FILENAME
    write_atomic(path, dumps(graph))
    return [path]


def read(path: str | Path) -> nx.MultiDiGraph:
    """Load a graph written by `write`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
