"""Neo4j import files: CSV for ``neo4j-admin database import`` and a ``LOAD CSV`` script.

Writes ``neo4j/nodes.csv`` (``id:ID``, ``:LABEL`` = node type plus ``Node``, typed
property columns such as ``page:int``, ``value:double``, ``date:date``,
``aliases:string[]``), ``neo4j/relationships.csv`` (``:START_ID``, ``:END_ID``,
``:TYPE`` = edge type, ``key``) and ``neo4j/import.cypher``. On a default Community
install (one database, ``neo4j``, stopped while it is replaced)::

    neo4j-admin database import full --nodes=neo4j/nodes.csv \\
        --relationships=neo4j/relationships.csv --array-delimiter=";" \\
        --multiline-fields=true --overwrite-destination neo4j

or, into a running database, copy both CSV files into Neo4j's ``import/`` folder and run
``cypher-shell -f neo4j/import.cypher``. The script creates a uniqueness constraint on
``id`` and an index on ``label`` per node label, then MERGEs nodes and relationships, so
running it twice changes nothing. Lists of names are ``;``-separated arrays; other lists
(spans, mentions) are JSON strings. Decimal numbers are ``double``: neo4j-admin's
``float`` is 32 bits and would round 12.35 亿元. `OWNERS_QUERY` answers who owns what.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from extractor.atomic import write_atomic

FOLDER = "neo4j"
ARRAY_DELIMITER = ";"
_INT32 = 2**31
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# how import.cypher turns each kind of CSV cell (a string) into its property
CONVERT = {"int": "toInteger({})", "long": "toInteger({})", "double": "toFloat({})",
           "boolean": "({} = 'true')", "date": "date({})",
           "string[]": f"split({{}}, '{ARRAY_DELIMITER}')", "string": "{}"}

OWNERS_QUERY = """\
MATCH (o:Organisation)-[r:OWNS]->(owned)
RETURN owned.id AS item, o.name AS name, r.role AS role
ORDER BY item, name, role"""
"""Who owns which task or target, with the role: the rows of ``extractor.query.owners``."""


def _kind(values: Iterable[Any]) -> str:
    values = [v for v in values if v is not None]
    kinds = {type(v) for v in values}
    if kinds == {bool}:
        return "boolean"
    if kinds and kinds <= {int}:
        return "int" if all(-_INT32 <= v < _INT32 for v in values) else "long"
    if kinds and kinds <= {int, float}:
        return "double"
    if kinds == {str} and all(_ISO_DATE.fullmatch(v) for v in values):
        return "date"
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
    parts = [f"{var}.`{name}` = {CONVERT[kind].format(f'row.`{header}`')}"
             for name, kind, header in columns if name not in skip]
    return ", ".join(parts)


def _schema(labels: list[str]) -> list[str]:
    """A uniqueness constraint on ``id`` and an index on ``label`` for each node label."""
    lines = []
    for label in ["Node", *labels]:
        lower = label.lower()
        lines.append(f"CREATE CONSTRAINT policykg_{lower}_id IF NOT EXISTS "
                     f"FOR (n:{label}) REQUIRE n.id IS UNIQUE;")
        if label != "Node":
            lines.append(f"CREATE INDEX policykg_{lower}_label IF NOT EXISTS FOR (n:{label}) ON (n.label);")
    return [*lines, ""]


def _cypher(node_columns: list, edge_columns: list, labels: list[str], types: list[str]) -> str:
    lines = ["// Load nodes.csv and relationships.csv from Neo4j's import folder; safe to run again.",
             *_schema(labels)]
    node_sets = _sets("n", node_columns, {"id", ":LABEL"})
    for label in labels:
        lines += ["LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row",
                  f"WITH row WHERE row.`:LABEL` = '{label}{ARRAY_DELIMITER}Node'",
                  f"MERGE (n:Node:{label} {{id: row.`id:ID`}})",
                  f"SET {node_sets};", ""]
    edge_sets = _sets("r", edge_columns, {":START_ID", ":END_ID", ":TYPE", "key"})
    for rel in types:
        # two MATCH clauses, not one with a comma: no cartesian-product warning
        lines += ["LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row",
                  f"WITH row WHERE row.`:TYPE` = '{rel}'",
                  "MATCH (a:Node {id: row.`:START_ID`})",
                  "WITH row, a MATCH (b:Node {id: row.`:END_ID`})",
                  f"MERGE (a)-[r:{rel} {{key: row.`key`}}]->(b)",
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
    edge_columns = _header(edges, [(":START_ID", ":START_ID"), (":END_ID", ":END_ID"),
                                   (":TYPE", ":TYPE"), ("key", "key")])
    labels = sorted({d["type"] for _, d in graph.nodes(data=True)})
    types = sorted({d["type"] for *_, d in graph.edges(keys=True, data=True)})
    paths = [folder / "nodes.csv", folder / "relationships.csv", folder / "import.cypher"]
    write_atomic(paths[0], _csv(node_columns, nodes))
    write_atomic(paths[1], _csv(edge_columns, edges))
    write_atomic(paths[2], _cypher(node_columns, edge_columns, labels, types))
    return paths
