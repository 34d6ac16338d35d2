"""Parquet table set for large corpora and data tools: ``parquet/{table}.parquet``.

One file per table of `tables.TABLES` (documents, sections, tasks, targets,
organisations, programmes, owners, mentions, edges) with typed columns: ``int64``,
``double``, ``bool``, ``date32``, ``list<string>`` and ``string``, nulls where a value is
missing. pandas, DuckDB and Polars read them as they are
(``duckdb.sql("SELECT * FROM 'out/parquet/targets.parquet'")``).
"""
from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

from extractor.atomic import write_atomic
from extractor.export import tables

FOLDER = "parquet"
_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
          "date": pa.date32(), "list": pa.list_(pa.string())}


def _value(value: Any, kind: str) -> Any:
    if value is None or kind != "date":
        return value
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None  # a partial date (2024-05) is not a date; the record keeps it as written


def table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """One table as an Arrow table with the column types `tables.TABLES` gives it."""
    columns = tables.TABLES[name]
    schema = pa.schema([pa.field(c.name, _TYPES[c.kind]) for c in columns])
    data = [{c.name: _value(row[c.name], c.kind) for c in columns} for row in rows]
    return pa.Table.from_pylist(data, schema=schema)


def write(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write one Parquet file per table into ``out_dir/parquet``."""
    paths = []
    for name, rows in tables.rows(graph).items():
        buffer = io.BytesIO()
        pq.write_table(table(name, rows), buffer)
        path = Path(out_dir) / FOLDER / f"{name}.parquet"
        write_atomic(path, buffer.getvalue())
        paths.append(path)
    return paths
