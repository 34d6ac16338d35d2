"""Questions researchers ask of the graph, as plain functions returning JSON-ready rows.

Every answer row names its document and carries the evidence sentence and page, so a
reader can check it against the text::

    import extractor
    graph = extractor.build_graph(records)
    extractor.query.owners(graph, "高新技术企业")
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from extractor.graph.names import normalise

__all__ = ["owners", "targets", "programme", "due", "search", "find"]

Row = dict[str, Any]


def _matches(phrase: str, *texts: Any) -> bool:
    key = normalise(phrase)
    return any(isinstance(t, str) and key in normalise(t) for t in texts)


def _titles(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Document id → its title (or the id when the document has no title)."""
    return {data["doc"]: data["label"] for _, data in graph.nodes(data=True)
            if data["type"] == "Document"}


def _owners_of(graph: nx.MultiDiGraph, nid: str) -> list[Row]:
    rows = []
    for org, _, data in graph.in_edges(nid, data=True):
        if data["type"] == "OWNS":
            rows.append({"id": org, "name": graph.nodes[org]["name"], "role": data["role"],
                         "inherited_from": data.get("inherited_from")})
    return sorted(rows, key=lambda r: (r["role"] != "lead", r["name"]))


def _item(graph: nx.MultiDiGraph, nid: str, titles: dict[str, str]) -> Row:
    """A task or target as an answer row: what it says, where, and who owns it."""
    data = graph.nodes[nid]
    row: Row = {"id": nid, "type": data["type"], "doc": data["doc"],
                "document": titles.get(data["doc"], data["doc"]), "page": data.get("page"),
                "span": data.get("span"), "evidence": data["evidence"]}
    if data["type"] == "Target":
        row.update({k: data.get(k) for k in ("kind", "metric", "value", "value_max", "unit",
                                             "comparator", "year", "annual", "subject", "programme")})
    else:
        row.update(marker=data.get("marker"), section=data.get("section"))
    row["owners"] = _owners_of(graph, nid)
    return row


def _order(rows: Iterable[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: (r["doc"] or "", (r.get("span") or [0])[0], r["id"]))


def owners(graph: nx.MultiDiGraph, phrase: str = "") -> list[Row]:
    """Who owns which target: targets and tasks whose text matches `phrase`, with owners.

    An empty phrase lists every target and task. A target with no owners of its own is
    owned by the owners of the task it sits in (``inherited_from`` names that task).

    Example:
        >>> [o["name"] for o in owners(graph, "外籍人才")[0]["owners"]]  # doctest: +SKIP
        ['发展改革和商务局', '科技创新和新经济局', '西安市公安局西咸新区分局']
    """
    titles = _titles(graph)
    hits = []
    for nid, data in graph.nodes(data=True):
        if data["type"] == "Target" and _matches(phrase, data["metric"], data["evidence"],
                                                 data.get("subject"), data.get("programme")):
            hits.append(_item(graph, nid, titles))
        elif data["type"] == "Task" and _matches(phrase, data["text"]):
            hits.append(_item(graph, nid, titles))
    return _order(hits)


def find(graph: nx.MultiDiGraph, name: str, node_type: str) -> list[str]:
    """Ids of `node_type` nodes named `name`: exact name or alias first, else containing it."""
    key = normalise(name)
    candidates = [(nid, [data["name"], *data.get("aliases", [])])
                  for nid, data in graph.nodes(data=True) if data["type"] == node_type]
    exact = [nid for nid, forms in candidates if key in {normalise(f) for f in forms}]
    return exact or [nid for nid, forms in candidates if any(key in normalise(f) for f in forms)]


def targets(graph: nx.MultiDiGraph, org: str) -> list[Row]:
    """Targets and tasks an organisation owns, found by its name or any alias.

    Example:
        >>> [r["marker"] for r in targets(graph, "组织人事部（人才办）")]  # doctest: +SKIP
        ['①', '②', '③']
    """
    titles = _titles(graph)
    rows = []
    for oid in find(graph, org, "Organisation"):
        for _, item, data in graph.out_edges(oid, data=True):
            if data["type"] == "OWNS":
                row = _item(graph, item, titles)
                row["organisation"] = graph.nodes[oid]["name"]
                row["role"] = data["role"]
                rows.append(row)
    return _order(rows)


def programme(graph: nx.MultiDiGraph, name: str) -> Row | None:
    """Everything the corpus says about a programme, or None when no programme matches.

    Returns the programme(s) matched, the documents mentioning them (with evidence),
    their targets and figures ordered by year, and the organisations owning those
    targets or the tasks that mention the programme.
    """
    titles = _titles(graph)
    ids = find(graph, name, "Programme")
    if not ids:
        return None
    forms = {normalise(f) for nid in ids
             for f in [graph.nodes[nid]["name"], *graph.nodes[nid].get("aliases", [])]}
    documents, items = [], {}
    for nid in ids:
        for doc, _, data in graph.in_edges(nid, data=True):
            if data["type"] == "MENTIONS":
                documents.append({"doc": data["doc"], "document": graph.nodes[doc]["label"],
                                  "page": data["page"], "evidence": data["evidence"],
                                  "mentions": data.get("count")})
        for _, item, data in graph.out_edges(nid, data=True):
            if data["type"] == "HAS_TARGET":
                items[item] = _item(graph, item, titles)
        for item, _, data in graph.in_edges(nid, data=True):
            if data["type"] == "ABOUT":
                items[item] = _item(graph, item, titles)
    for nid, data in graph.nodes(data=True):
        if data["type"] == "Task" and any(f in normalise(data["text"]) for f in forms):
            items.setdefault(nid, _item(graph, nid, titles))
    found = _order(items.values())
    organisations = sorted({o["name"] for row in found for o in row["owners"]})
    figures = sorted((r for r in found if r["type"] == "Target"),
                     key=lambda r: (r["year"] is None, r["year"] or 0, r["metric"], r["doc"]))
    return {"programme": [{"id": nid, "name": graph.nodes[nid]["name"],
                           "aliases": graph.nodes[nid].get("aliases", [])} for nid in ids],
            "documents": sorted(documents, key=lambda d: d["doc"]),
            "targets": [r for r in found if r["type"] == "Target"],
            "tasks": [r for r in found if r["type"] == "Task"],
            "organisations": organisations,
            "figures": [{k: r[k] for k in ("year", "kind", "metric", "value", "unit", "doc", "evidence")}
                        for r in figures]}


def due(graph: nx.MultiDiGraph, year: int) -> list[Row]:
    """Targets (kind ``target``) due by the end of `year`, earliest first."""
    titles = _titles(graph)
    rows = [_item(graph, nid, titles) for nid, data in graph.nodes(data=True)
            if data["type"] == "Target" and data["kind"] == "target"
            and data.get("year") is not None and data["year"] <= year]
    return sorted(_order(rows), key=lambda r: r["year"])


def search(graph: nx.MultiDiGraph, text: str) -> list[Row]:
    """Free-text search over names and evidence of every node, with its document."""
    titles = _titles(graph)
    rows = []
    for nid, data in graph.nodes(data=True):
        if _matches(text, data.get("label"), data.get("evidence"), data.get("text"),
                    *data.get("aliases", [])):
            rows.append({"id": nid, "type": data["type"], "label": data["label"],
                         "doc": data["doc"], "document": titles.get(data["doc"], data["doc"]),
                         "page": data.get("page"), "evidence": data["evidence"]})
    return sorted(rows, key=lambda r: (r["type"], r["doc"] or "", r["id"]))
