"""Indicator rows as quantities: 指标 | 单位 | 基期值 | 目标值, from the document's tables and
the tables structure read from whitespace-separated text (`structure.tables`)."""
from __future__ import annotations

import re

from extractor.extraction.quantities.context import Context
from extractor.extraction.quantities.words import comparators
from extractor.model import DocTree, Kind, Quantity, Table
from extractor.structure.lexicon import lexicon
from extractor.structure.tables import COLUMN_YEAR, cell_value, column, header_words, value_columns
from extractor.text import View

_UNIT_IN_NAME = re.compile(r"[（(]([^（()）]{1,8})[)）]$")


def table_quantities(tree: DocTree, table: Table, view: View, ctx: Context) -> list[Quantity]:
    """Indicator rows of a table (指标 | 单位 | 基期值 | 目标值): a baseline is an actual, a
    goal a target, each dated by its column's year or the plan's period."""
    rows = [tuple(re.sub(r"\s+", "", c) for c in row) for row in table.rows]
    head_i = next((i for i, r in enumerate(rows[:3]) if value_columns(r)[0]), None)
    if head_i is None:
        return []
    header = rows[head_i]
    targets, baselines = value_columns(header)
    owners = {i for i, h in enumerate(header) if h in lexicon().owner_headers}  # 责任单位 is no unit
    units = column(header, header_words()["unit"], set(targets) | set(baselines) | owners)
    metrics = column(header, header_words()["metric"], set(targets) | set(baselines) | set(units))
    if not metrics:
        return []
    out = []
    for row in rows[head_i + 1:]:
        if len(row) != len(header) or not row[metrics[0]]:
            continue
        name = row[metrics[0]]
        unit = row[units[0]] if units else ""
        m = _UNIT_IN_NAME.search(name)
        if not unit and m:
            unit = m.group(1)
        where = view.text.find(name)
        if where < 0:
            continue
        start, end = view.offsets[where], view.offsets[where + len(name) - 1] + 1
        for col in targets + baselines:
            cell = cell_value().match(row[col].replace("％", "%"))
            if not cell:
                continue
            y = COLUMN_YEAR.search(header[col])
            kind: Kind = "target" if col in targets else "actual"
            year = int(y.group("y")) if y else (ctx.period[1] if kind == "target" and ctx.period else None)
            comparator = comparators()["before"].get(cell.group("cmp") or "") or comparators()["after"].get(cell.group("after") or "") or "="
            out.append(Quantity(
                id="", kind=kind, metric=_UNIT_IN_NAME.sub("", name), value=float(cell.group("num").replace(",", "")),
                unit=cell.group("unit") or unit, comparator=comparator, evidence=" ".join(c for c in row if c),
                span=(start, end), year=year, page=table.page,
            ))
    return out
