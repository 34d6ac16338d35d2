"""CSV tables for spreadsheets and pandas: the table set of `tables` plus ``nodes.csv``.

One file per table (``documents.csv`` … ``targets.csv``, ``owners.csv``, ``edges.csv``),
each with its own columns, readable ones first, and ``nodes.csv`` (id, type, label,
document, page, evidence of every node). UTF-8 with a byte-order mark, so Excel opens the
Chinese text correctly. Cells as `cells.cell` makes them: lists ``；``-joined, dates
ISO, whole numbers without ``.0``, and text that a spreadsheet could run as a formula
neutralised with a leading ``'`` (OWASP's advice against CSV injection).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from extractor.atomic import write_atomic
from extractor.export import cells, tables

NODE_COLUMNS = tables.columns("id type label document page:int evidence doc")


def _table(columns: Sequence[tables.Column], rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        values = (cells.cell(row.get(c.name), c.kind) for c in columns)
        writer.writerow(["" if v is None else v for v in values])
    return buffer.getvalue()


def _write(path: Path, text: str) -> Path:
    # write_atomic writes UTF-8; the BOM in front makes it utf-8-sig for Excel.
    write_atomic(path, "\ufeff" + text)
    return path


def write(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``nodes.csv`` and one CSV per table of `tables.TABLES` into `out_dir`."""
    out = Path(out_dir)
    titles = {d["doc"]: d["label"] for _, d in graph.nodes(data=True) if d["type"] == "Document"}
    nodes = [{**data, "id": nid, "document": titles.get(data["doc"])} for nid, data in graph.nodes(data=True)]
    paths = [_write(out / "nodes.csv", _table(NODE_COLUMNS, nodes))]
    for name, rows in tables.rows(graph).items():
        paths.append(_write(out / f"{name}.csv", _table(tables.TABLES[name], rows)))
    return paths
