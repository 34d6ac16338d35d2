"""The graph as a set of typed tables, the shape data tools and graph-RAG pipelines read:
one table per kind of thing (documents, sections, tasks, targets, organisations,
programmes), one per relation readers ask about (owners, mentions) and every edge.

Each table has fixed columns with a fixed kind (`Column`), the readable ones first and
the hash ids last, so a spreadsheet opens on the metric, the figure and its owners.
Lists stay lists here; each format writes them its own way (Parquet ``list<string>``, a
spreadsheet cell ``；``-joined). `rows` is pure; `frames` gives pandas DataFrames with
nullable typed columns (``Int64``, ``Float64``, ``boolean``, ``string``, dates).

Example:
    >>> import extractor  # doctest: +SKIP
    >>> extractor.tables(records)["targets"][["metric", "value", "unit", "year", "lead"]]  # doctest: +SKIP
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from extractor.export.scalars import edge_id


@dataclass(frozen=True)
class Column:
    """A table column: its name and kind (str, int, float, bool, date or list)."""

    name: str
    kind: str = "str"


def columns(spec: str) -> tuple[Column, ...]:
    """``"title date:date pages:int"`` → columns; a name alone is a string column."""
    return tuple(Column(*item.split(":")) for item in spec.split())


_PROVENANCE = "doc local_id span_start:int span_end:int id"
TABLES: dict[str, tuple[Column, ...]] = {
    "documents": columns("title doc_number issuer date:date pages:int format source sha256 doc id"),
    "sections": columns(f"document number title level:int kind page:int {_PROVENANCE}"),
    "tasks": columns(f"document marker text section lead:list support:list page:int {_PROVENANCE}"),
    "targets": columns("document metric comparator value:float value_max:float unit year:int kind "
                        "annual:bool subject programme lead:list support:list evidence page:int "
                        f"section {_PROVENANCE}"),
    "organisations": columns("label name jurisdiction org_type admin_level aliases:list docs:list "
                              "evidence page:int doc id"),
    "programmes": columns("label name aliases:list docs:list evidence page:int doc id"),
    "owners": columns("organisation role item_type item document inherited_from page:int "
                       "doc organisation_id item_id"),
    "mentions": columns("entity entity_type document count:int evidence page:int doc entity_id"),
    "edges": columns("source_label type target_label role document evidence page:int rule "
                      "count:int inherited_from doc span_start:int span_end:int source target key id"),
}
_NODE_TABLES = {"Document": "documents", "Section": "sections", "Task": "tasks", "Target": "targets",
                "Organisation": "organisations", "Programme": "programmes"}

Row = dict[str, Any]


def _spanned(data: dict[str, Any]) -> Row:
    span = data.get("span") or [None, None]
    return {**data, "span_start": span[0], "span_end": span[1]}


def _owners(graph: nx.MultiDiGraph, nid: str) -> Row:
    """Lead and support owners of a task or target, by label, in a fixed order."""
    found: dict[str, list[str]] = {"lead": [], "support": []}
    for org, _, data in graph.in_edges(nid, data=True):
        if data["type"] == "OWNS" and data.get("role") in found:
            found[data["role"]].append(graph.nodes[org]["label"])
    return {role: sorted(labels) for role, labels in found.items()}


def _node_rows(graph: nx.MultiDiGraph, titles: dict[str, str]) -> Iterator[tuple[str, Row]]:
    for nid, data in graph.nodes(data=True):
        table = _NODE_TABLES.get(data["type"])
        if table:
            row = {**_spanned(data), "id": nid, "document": titles.get(data["doc"])}
            if table in ("tasks", "targets"):
                row.update(_owners(graph, nid))
            yield table, row


def _edge_rows(graph: nx.MultiDiGraph, titles: dict[str, str]) -> Iterator[tuple[str, Row]]:
    nodes = graph.nodes
    for u, v, key, data in graph.edges(keys=True, data=True):
        document = titles.get(data["doc"])
        yield "edges", {**_spanned(data), "source": u, "target": v, "key": key, "id": edge_id(u, v, key),
                        "source_label": nodes[u]["label"], "target_label": nodes[v]["label"],
                        "document": document}
        if data["type"] == "OWNS":
            yield "owners", {**data, "organisation": nodes[u]["label"], "item_type": nodes[v]["type"],
                             "item": nodes[v]["evidence"], "document": document,
                             "organisation_id": u, "item_id": v}
        elif data["type"] == "MENTIONS":
            yield "mentions", {**data, "entity": nodes[v]["label"], "entity_type": nodes[v]["type"],
                               "document": document, "entity_id": v}


def rows(graph: nx.MultiDiGraph) -> dict[str, list[Row]]:
    """Every table of `graph` as rows holding exactly the table's columns, in graph order."""
    titles = {d["doc"]: d["label"] for _, d in graph.nodes(data=True) if d["type"] == "Document"}
    out: dict[str, list[Row]] = {name: [] for name in TABLES}
    for table, row in [*_node_rows(graph, titles), *_edge_rows(graph, titles)]:
        out[table].append({c.name: row.get(c.name) for c in TABLES[table]})
    return out


_PANDAS_TYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean", "list": "object"}


def frames(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Every table as a pandas DataFrame with typed, nullable columns (dates as datetime64)."""
    import pandas as pd  # a heavy import, only for callers who want DataFrames

    out = {}
    for name, table in rows(graph).items():
        frame = pd.DataFrame(table, columns=[c.name for c in TABLES[name]])
        for column in TABLES[name]:
            if column.kind == "date":
                frame[column.name] = pd.to_datetime(frame[column.name], format="%Y-%m-%d", errors="coerce")
            else:
                frame[column.name] = frame[column.name].astype(_PANDAS_TYPES[column.kind])
        out[name] = frame
    return out
