"""GraphML for Gephi, yEd, igraph and Cytoscape: typed keys, Chinese intact.

Lists and dicts (``span``, ``aliases``, ``mentions``) are JSON strings, declared as
``string`` keys; `read` parses them back.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from extractor.atomic import write_atomic
from extractor.export.scalars import flatten, unflatten

FILENAME = "graph.graphml"


def write(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.graphml`` into `out_dir`."""
    path = Path(out_dir) / FILENAME
    write_atomic(path, "\n".join(nx.generate_graphml(flatten(graph))) + "\n")
    return [path]


def read(path: str | Path) -> nx.MultiDiGraph:
    """Load a graph written by `write`, lists and dicts restored."""
    graph = nx.read_graphml(path, force_multigraph=True)
    return unflatten(nx.MultiDiGraph(graph))
