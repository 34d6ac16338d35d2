"""An offline, interactive view of the graph: one self-contained ``graph.html``.

The page holds the graph as JSON and its script (``extractor/templates/graph_view.js``,
bundled in the package: no CDN, no network). It draws every node at a position computed
here (`layout`: documents as discs, shared bodies between them; two exports are byte-identical),
colours nodes by type with a legend that hides a type, searches names and evidence, and
shows a clicked node's evidence, document, page and neighbours. ``graph.html#node=<id>``
opens on a node; ``#q=<text>`` opens on a search.
"""
from __future__ import annotations

import html
import math
import json
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from extractor.atomic import write_atomic
from extractor.graph import NODE_TYPES

FILENAME = "graph.html"
COLOURS = dict(zip(NODE_TYPES, ("#1f77b4", "#9edae5", "#aec7e8", "#ff7f0e", "#2ca02c", "#d62728",
                                "#8c564b", "#9467bd")))
_GOLDEN = math.pi * (3 - math.sqrt(5))  # the golden angle: spiral points never line up


def _template(name: str) -> str:
    return resources.files("extractor").joinpath("templates", name).read_text(encoding="utf-8")


def _spiral(count: int, centre: tuple[float, float], radius: float) -> list[tuple[float, float]]:
    """`count` points filling a disc evenly (a sunflower spiral), the first at the centre."""
    cx, cy = centre
    return [(cx + radius * math.sqrt(j / max(count, 1)) * math.cos(j * _GOLDEN),
             cy + radius * math.sqrt(j / max(count, 1)) * math.sin(j * _GOLDEN)) for j in range(count)]


def _parts(graph: nx.MultiDiGraph, doc: str) -> list[str]:
    """A document and what it contains (sections, tasks, targets), breadth first."""
    order, queue = [doc], [doc]
    while queue:
        node = queue.pop(0)
        for _, child, kind in graph.out_edges(node, data="type"):
            if kind == "CONTAINS" and child not in order:
                order.append(child)
                queue.append(child)
    return order


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Node positions in [-1, 1], the same for the same graph, in time linear in its size.

    Each document is a disc of its sections, tasks and targets, the discs on a circle; an
    organisation, programme, place or policy sits among the documents that name it, so a
    body many documents share lands between their discs. (A force layout costs n² and,
    in networkx, SciPy.)

    Example:
        >>> g = nx.MultiDiGraph([("d", "s", "CONTAINS")])
        >>> nx.set_node_attributes(g, {"d": "Document", "s": "Section"}, "type")
        >>> layout(g) == layout(g) and all(abs(v) <= 1 for xy in layout(g).values() for v in xy)
        True
    """
    docs = [n for n, t in graph.nodes(data="type") if t == "Document"]
    pos: dict[str, tuple[float, float]] = {}
    ring = 0.0 if len(docs) == 1 else 0.6
    disc = 0.35 if len(docs) == 1 else min(0.3, 1.8 / len(docs))
    for i, doc in enumerate(docs):
        angle = 2 * math.pi * i / max(len(docs), 1)
        parts = [p for p in _parts(graph, doc) if p not in pos]
        pos.update(zip(parts, _spiral(len(parts), (ring * math.cos(angle), ring * math.sin(angle)), disc)))
    rest = [n for n in graph.nodes if n not in pos]
    for j, (node, (dx, dy)) in enumerate(zip(rest, _spiral(len(rest), (0.0, 0.0), 0.08))):
        placed = [pos[m] for m in nx.all_neighbors(graph, node) if m in pos]
        if placed:
            x, y = sum(p[0] for p in placed) / len(placed), sum(p[1] for p in placed) / len(placed)
        else:  # an isolated node waits on the outer ring
            x, y = 0.95 * math.cos(j * _GOLDEN), 0.95 * math.sin(j * _GOLDEN)
        pos[node] = (max(-1.0, min(1.0, x * 0.9 + dx)), max(-1.0, min(1.0, y * 0.9 + dy)))
    return {n: (round(x, 4), round(y, 4)) for n, (x, y) in pos.items()}


def data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """What the page draws: nodes with position and evidence, edges as index pairs."""
    titles = {d["doc"]: d["label"] for _, d in graph.nodes(data=True) if d["type"] == "Document"}
    positions = layout(graph)
    index = {nid: i for i, nid in enumerate(graph.nodes)}
    nodes = [{"id": nid, "type": d["type"], "label": d["label"], "x": positions[nid][0],
              "y": positions[nid][1], "document": titles.get(d["doc"]), "page": d.get("page"),
              "evidence": d.get("evidence") or ""} for nid, d in graph.nodes(data=True)]
    edges = [[index[u], index[v], d["type"]] for u, v, d in graph.edges(data=True)]
    counts = {t: sum(1 for n in nodes if n["type"] == t) for t in NODE_TYPES}
    return {"nodes": nodes, "edges": edges, "colours": COLOURS, "counts": counts}


def dumps(graph: nx.MultiDiGraph, *, title: str = "knowledge graph") -> str:
    """The page as HTML text."""
    # "</" inside the JSON would end the script element early
    payload = json.dumps(data(graph), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    page = _template("graph_view.html")
    return (page.replace("__TITLE__", html.escape(title)).replace("__SCRIPT__", _template("graph_view.js"))
            .replace("__DATA__", payload))


def write(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.html`` into `out_dir`."""
    path = Path(out_dir) / FILENAME
    write_atomic(path, dumps(graph))
    return [path]
