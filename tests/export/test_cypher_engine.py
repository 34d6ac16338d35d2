"""The Neo4j export run in a real embedded Cypher engine, Kùzu: its schema generated from
the CSV headers, `import.cypher` run twice, and the owners query answered like
``extractor.query.owners``.

Kùzu speaks Cypher with four differences, applied to the script here and nowhere else:
it wants a table per label declared first (no second ``Node`` label), reads a CSV with
``LOAD WITH HEADERS (…) FROM`` into variables instead of ``LOAD CSV … AS row``, names
three functions differently, and binds each end of a relationship to one table.
"""
from __future__ import annotations

import csv as stdcsv
import re

import pytest

from extractor import query
from extractor.export import neo4j

kuzu = pytest.importorskip("kuzu", reason="the embedded Cypher engine (pip install kuzu) is missing")

_TYPES = {"int": "INT64", "long": "INT64", "double": "DOUBLE", "boolean": "BOOLEAN",
          "date": "DATE", "string[]": "STRING[]", "string": "STRING"}
_FUNCTIONS = {"toInteger(": "to_int64(", "toFloat(": "to_double(", "split(": "string_split("}
_LOAD = re.compile(r"LOAD CSV WITH HEADERS FROM 'file:///([^']+)' AS row\nWITH row WHERE")


def _rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(stdcsv.reader(handle))


def _properties(header, skip):
    """``name TYPE`` for each property column of a Neo4j CSV header."""
    for column in header:
        name, _, kind = column.partition(":")
        if name and name not in skip:
            yield f"`{name}` {_TYPES[kind or 'string']}"


def _pairs(folder):
    """The (start label, end label) pairs of each relation type in the CSVs."""
    labels = {row[0]: row[1].split(neo4j.ARRAY_DELIMITER)[0] for row in _rows(folder / "nodes.csv")[1:]}
    pairs: dict[str, set] = {}
    for start, end, rel, *_ in _rows(folder / "relationships.csv")[1:]:
        pairs.setdefault(rel, set()).add((labels[start], labels[end]))
    return {rel: sorted(ends) for rel, ends in pairs.items()}


def _schema(folder):
    """CREATE NODE/REL TABLE statements for the labels and relation types in the CSVs."""
    nodes, rels = _rows(folder / "nodes.csv"), _rows(folder / "relationships.csv")
    node_props = ", ".join(_properties(nodes[0], {"id"}))
    labels = sorted({row[1].split(neo4j.ARRAY_DELIMITER)[0] for row in nodes[1:]})
    statements = [f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY, {node_props})" for label in labels]
    pairs = _pairs(folder)
    rel_props = ", ".join(_properties(rels[0], set()))
    for rel, ends in sorted(pairs.items()):
        ends_text = ", ".join(f"FROM {a} TO {b}" for a, b in sorted(ends))
        statements.append(f"CREATE REL TABLE {rel}({ends_text}, {rel_props})")
    return statements


def _kuzu_statements(statement, folder, pairs):
    """One statement of import.cypher in Kùzu's dialect: none for Neo4j's schema commands,
    one per pair of end labels for a relationship (Kùzu binds each end to one table)."""
    if statement.startswith(("CREATE CONSTRAINT", "CREATE INDEX")) or not statement:
        return []
    file = _LOAD.search(statement).group(1)
    header = _rows(folder / file)[0]
    variables = {column: f"c{i}" for i, column in enumerate(header)}
    columns = ", ".join(f"{v} STRING" for v in variables.values())
    text = _LOAD.sub(f"LOAD WITH HEADERS ({columns}) FROM '{folder / file}' "
                     "(header=true, parallel=false) WITH * WHERE", statement)
    text = re.sub(r"row\.`([^`]+)`", lambda m: variables[m.group(1)], text)
    text = text.replace("WITH row, a MATCH", "WITH * MATCH").replace(":Node:", ":").replace(":Node {", " {")
    for neo, kz in _FUNCTIONS.items():
        text = text.replace(neo, kz)
    rel = re.search(r"\[r:(\w+) ", text)
    if not rel:
        return [text]
    return [text.replace("(a {", f"(a:{a} {{").replace("(b {", f"(b:{b} {{") for a, b in pairs[rel.group(1)]]


def _import(connection, folder):
    script = (folder / "import.cypher").read_text(encoding="utf-8")
    pairs = _pairs(folder)
    for statement in script.split(";\n"):
        lines = [line for line in statement.strip().splitlines() if not line.startswith("//")]
        for translated in _kuzu_statements("\n".join(lines), folder, pairs):
            connection.execute(translated)


def _loaded(folder, database):
    """A Kùzu database at `database` with the schema made from `folder`'s CSVs and
    import.cypher run once."""
    connection = kuzu.Connection(kuzu.Database(str(database)))
    for statement in _schema(folder):
        connection.execute(statement)
    _import(connection, folder)
    return connection


def _count(connection, pattern):
    return connection.execute(f"MATCH {pattern} RETURN count(*)").get_next()[0]


def test_import_cypher_runs_twice_and_answers_who_owns_what(graph, tmp_path):
    folder = neo4j.write(graph, tmp_path)[0].parent
    connection = _loaded(folder, tmp_path / "db")
    counts = _count(connection, "(n)"), _count(connection, "()-[r]->()")
    _import(connection, folder)  # MERGE: a second run adds nothing
    assert counts == (_count(connection, "(n)"), _count(connection, "()-[r]->()"))
    assert counts == (graph.number_of_nodes(), graph.number_of_edges())
    result = connection.execute(neo4j.OWNERS_QUERY)
    answer = set()
    while result.has_next():
        answer.add(tuple(result.get_next()))
    expected = {(row["id"], owner["name"], owner["role"])
                for row in query.owners(graph) for owner in row["owners"]}
    assert answer == expected and len(answer) == 7


def test_typed_columns_arrive_typed(graph, tmp_path):
    connection = _loaded(neo4j.write(graph, tmp_path)[0].parent, tmp_path / "db")
    value, year = connection.execute(
        "MATCH (t:Target) WHERE t.metric = '高新技术企业数量' RETURN t.value, t.year").get_next()
    assert (value, year) == (4000.0, 2026)
    dates = connection.execute("MATCH (d:Document) WHERE d.date IS NOT NULL RETURN d.date").get_next()
    assert type(dates[0]).__name__ == "date"
    aliases = connection.execute(
        "MATCH (o:Organisation) WHERE o.name = '西安交通大学' RETURN o.aliases").get_next()[0]
    assert aliases == ["西安交大"]


def test_the_real_graph_imports_whole_multiline_text_included(corpus_graph, exported, tmp_path):
    connection = _loaded(exported / neo4j.FOLDER, tmp_path / "db")
    assert _count(connection, "(n)") == corpus_graph.number_of_nodes()
    assert _count(connection, "()-[r]->()") == corpus_graph.number_of_edges()
    texts = {t for _, t in corpus_graph.nodes(data="text") if t and "\n" in t}
    loaded = connection.execute("MATCH (t:Task) RETURN t.text")
    found = set()
    while loaded.has_next():
        found.add(loaded.get_next()[0])
    assert texts and texts <= found
