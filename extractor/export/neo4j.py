"""Neo4j import files: CSV for ``neo4j-admin database import`` and a ``LOAD CSV`` script.

Writes ``neo4j/nodes.csv`` (``id:ID``, ``:LABEL`` = node type plus ``Node``, typed
property columns such as ``page:long``, ``value:double``, ``aliases:string[]``),
``neo4j/relationships.csv`` (``:START_ID``, ``:END_ID``, ``:TYPE`` = edge type) and
``neo4j/import.cypher``. Either::

    neo4j-admin database import full --nodes=neo4j/nodes.csv \\
        --relationships=neo4j/relationships.csv --array-delimiter=";" policykg

or copy both CSV files into Neo4j's ``import/`` folder and run ``import.cypher``
(``cypher-shell -f import.cypher``). Lists of names are ``;``-separated arrays; other
lists (spans, mentions) are JSON strings.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from extractor.atomic import write_atomic

FOLDER = "neo4j"
ARRAY_DELIMITER = ";"
_CONVERT = {"long": "toInteger({})", "double": "toFloat({})", "boolean": "({} = 'true')",
            "string[]": f"split({{}}, '{ARRAY_DELIMITER}')", "string": "{}"}


def _kind(values: Iterable[Any]) -> str:
    values = [v for v in values if v is not None]
    kinds = {type(v) for v in values}
    if kinds == {bool}:
        return "boolean"
    if kinds and kinds <= {int}:
        return "long"
    if kinds and kinds <= {int, float}:
        return "double"
    if kinds == {list} and all(isinstance(x, str) for v in values for x in v):
        return "string[]"
    return "string"


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        return ARRAY_DELIMITER.join(value)
    if kind == "boolean":
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _header(rows: list[dict[str, Any]], fixed: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(property, kind, header) for every column: the fixed ones first, then sorted properties."""
    names = sorted({k for row in rows for k in row} - {name for name, _ in fixed})
    columns = [(name, "string", header) for name, header in fixed]
    for name in names:
        kind = _kind(row.get(name) for row in rows)
        columns.append((name, kind, name if kind == "string" else f"{name}:{kind}"))
    return columns


def _csv(columns: list[tuple[str, str, str]], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([header for *_, header in columns])
    for row in rows:
        writer.writerow([_cell(row.get(name), kind) for name, kind, _ in columns])
    return buffer.getvalue()


def _sets(var: str, columns: list[tuple[str, str, str]], skip: set[str]) -> str:
    parts = [f"{var}.`{name}` = {_CONVERT[kind].format(f'row.`{header}`')}"
             for name, kind, header in columns if name not in skip]
    return ", ".join(parts)


def _cypher(node_columns: list, edge_columns: list, labels: list[str], types: list[str]) -> str:
    lines = ["// Load nodes.csv and relationships.csv from Neo4j's import folder.",
             "CREATE CONSTRAINT policykg_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;", ""]
    node_sets = _sets("n", node_columns, {"id", ":LABEL"})
    for label in labels:
        lines += ["LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row",
                  f"WITH row WHERE row.`:LABEL` = '{label}{ARRAY_DELIMITER}Node'",
                  f"MERGE (n:Node:{label} {{id: row.`id:ID`}})",
                  f"SET {node_sets};", ""]
    edge_sets = _sets("r", edge_columns, {":START_ID", ":END_ID", ":TYPE"})
    for rel in types:
        lines += ["LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row",
                  f"WITH row WHERE row.`:TYPE` = '{rel}'",
                  "MATCH (a:Node {id: row.`:START_ID`}), (b:Node {id: row.`:END_ID`})",
                  f"CREATE (a)-[r:{rel}]->(b)",
                  f"SET {edge_sets};", ""]
    return "\n".join(lines)


def write(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write the Neo4j import files into ``out_dir/neo4j``."""
    folder = Path(out_dir) / FOLDER
    nodes = [{"id": nid, ":LABEL": f"{data['type']}{ARRAY_DELIMITER}Node",
              **{k: v for k, v in data.items() if k != "type"}}
             for nid, data in graph.nodes(data=True)]
    edges = [{":START_ID": u, ":END_ID": v, ":TYPE": data["type"], "key": k,
              **{a: b for a, b in data.items() if a != "type"}}
             for u, v, k, data in graph.edges(keys=True, data=True)]
    node_columns = _header(nodes, [("id", "id:ID"), (":LABEL", ":LABEL")])
    edge_columns = _header(edges, [(":START_ID", ":START_ID"), (":END_ID", ":END_ID"), (":TYPE", ":TYPE")])
    labels = sorted({d["type"] for _, d in graph.nodes(data=True)})
    types = sorted({d["type"] for *_, d in graph.edges(keys=True, data=True)})
    paths = [folder / "nodes.csv", folder / "relationships.csv", folder / "import.cypher"]
    write_atomic(paths[0], _csv(node_columns, nodes))
    write_atomic(paths[1], _csv(edge_columns, edges))
    write_atomic(paths[2], _cypher(node_columns, edge_columns, labels, types))
    return paths
