"""CSV tables for spreadsheets and pandas: nodes.csv, edges.csv and targets.csv.

UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; lists and dicts
are JSON in their cell. ``targets.csv`` is the table most readers want: one row per
target with its owners (lead and support), evidence, page and document.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from extractor import query
from extractor.atomic import write_atomic

NODE_COLUMNS = ("id", "type", "label", "doc", "page", "span", "evidence")
EDGE_COLUMNS = ("source", "target", "key", "type", "role", "doc", "page", "span", "evidence")
TARGET_COLUMNS = ("id", "doc", "document", "kind", "metric", "value", "value_max", "unit",
                  "comparator", "year", "annual", "subject", "programme", "owners", "lead",
                  "support", "evidence", "page", "span")


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _table(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    return buffer.getvalue()


def _columns(first: Sequence[str], rows: list[dict[str, Any]]) -> list[str]:
    rest = sorted({k for row in rows for k in row} - set(first))
    return [*first, *rest]


def _write(path: Path, text: str) -> None:
    # write_atomic writes UTF-8; the BOM in front makes it utf-8-sig for Excel.
    write_atomic(path, "\ufeff" + text)


def target_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per target: figure, owners as ``name（role）`` joined by ``；``, evidence."""
    rows = []
    for row in query.owners(graph):
        if row["type"] != "Target":
            continue
        owners = row["owners"]
        rows.append({**row,
                     "owners": "；".join(f"{o['name']}（{o['role']}）" for o in owners),
                     "lead": "；".join(o["name"] for o in owners if o["role"] == "lead"),
                     "support": "；".join(o["name"] for o in owners if o["role"] == "support")})
    return rows


def write(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write nodes.csv, edges.csv and targets.csv into `out_dir`."""
    out = Path(out_dir)
    nodes = [{"id": nid, **data} for nid, data in graph.nodes(data=True)]
    edges = [{"source": u, "target": v, "key": k, **data}
             for u, v, k, data in graph.edges(keys=True, data=True)]
    paths = [out / "nodes.csv", out / "edges.csv", out / "targets.csv"]
    _write(paths[0], _table(_columns(NODE_COLUMNS, nodes), nodes))
    _write(paths[1], _table(_columns(EDGE_COLUMNS, edges), edges))
    _write(paths[2], _table(TARGET_COLUMNS, target_rows(graph)))
    return paths
