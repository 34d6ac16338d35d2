"""Make a graph's attributes scalar for formats that hold only strings and numbers.

GraphML and GEXF declare one type per attribute and cannot hold lists, dicts or None.
`flatten` writes a list or dict attribute ``span`` as the JSON string attribute
``span_json`` (so the file says what it holds, and a reader needs nothing else), drops
None, and makes every number of one attribute a float when ints and floats mix;
`unflatten` undoes it after reading.

XML formats also need a unique id per edge, while the graph's edge key (``CONTAINS``,
``OWNS:lead``) is unique only between two nodes: `edge_id` hashes the pair and the key,
`with_edge_ids` writes it (and the key, as the attribute ``edge_key``) on a flat copy, and
`keyed` rebuilds the multigraph from what a reader returns.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any

import networkx as nx

JSON_SUFFIX = "_json"
KEY = "edge_key"


def _kinds(graph: nx.MultiDiGraph) -> dict[str, set[type]]:
    kinds: dict[str, set[type]] = defaultdict(set)
    for _, data in graph.nodes(data=True):
        for name, value in data.items():
            kinds[name].add(type(value))
    for *_, data in graph.edges(keys=True, data=True):
        for name, value in data.items():
            kinds[name].add(type(value))
    return kinds


def _scalars(data: dict[str, Any], json_names: set[str], float_names: set[str]) -> dict[str, Any]:
    out = {}
    for name, value in data.items():
        if value is None:
            continue
        if name in json_names:
            out[name + JSON_SUFFIX] = json.dumps(value, ensure_ascii=False)
        elif name in float_names and isinstance(value, int) and not isinstance(value, bool):
            out[name] = float(value)
        else:
            out[name] = value
    return out


def flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of `graph` whose attributes are all str, int, float or bool."""
    kinds = _kinds(graph)
    json_names = {n for n, ts in kinds.items() if ts & {list, dict, tuple}}
    float_names = {n for n, ts in kinds.items() if float in ts and int in ts}
    out = nx.MultiDiGraph()
    out.graph.update({k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float))})
    for nid, data in graph.nodes(data=True):
        out.add_node(nid, **_scalars(data, json_names, float_names))
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **_scalars(data, json_names, float_names))
    return out


def _restore(data: dict[str, Any]) -> None:
    for name in [n for n in data if n.endswith(JSON_SUFFIX)]:
        data[name[: -len(JSON_SUFFIX)]] = json.loads(data.pop(name))


def unflatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Parse back the JSON-string attributes `flatten` wrote (in place; returns the graph)."""
    for _, data in graph.nodes(data=True):
        _restore(data)
    for *_, data in graph.edges(keys=True, data=True):
        _restore(data)
    return graph


def edge_id(u: str, v: str, key: str) -> str:
    """A stable id unique in the graph, and a valid XML name token (GraphML's ``NMTOKEN``).

    Example:
        >>> edge_id("org_1", "tgt_2", "OWNS:lead")
        'e_dc2c6e4e7aaadbd6'
    """
    return "e_" + hashlib.sha1(f"{u}\x1f{v}\x1f{key}".encode("utf-8")).hexdigest()[:16]


def with_edge_ids(flat: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Give every edge of a flat copy its `edge_id` as ``id`` and its key as ``edge_key`` (in place)."""
    for u, v, key, data in flat.edges(keys=True, data=True):
        data["id"] = edge_id(u, v, key)
        data[KEY] = key
    return flat


def keyed(loaded: nx.Graph) -> nx.MultiDiGraph:
    """The multigraph a reader's graph stands for: edge keys from ``edge_key``, ``id``
    dropped, JSON attributes parsed back. A reader returns a simple graph when no two
    edges share their ends, so its own edge keys cannot hold the graph's."""
    graph = nx.MultiDiGraph()
    graph.graph.update(loaded.graph)
    graph.add_nodes_from(loaded.nodes(data=True))
    for u, v, data in loaded.edges(data=True):
        data = dict(data)
        data.pop("id", None)
        graph.add_edge(u, v, key=data.pop(KEY), **data)
    return unflatten(graph)
