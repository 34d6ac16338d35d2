"""Indicator tables: rows of 指标 | 单位 | 基期值 | 目标值, from the document's tables or from
tables that arrive as whitespace-separated text (a web table flattened into lines)."""
from __future__ import annotations

import re
from functools import cache

from extractor.extraction.quantities.context import Context
from extractor.extraction.quantities.words import comparators, cues
from extractor.extraction.quantities.years import YEAR
from extractor.lexicons import alternation, cached
from extractor.model import DocTree, Quantity, Table
from extractor.structure.lexicon import lexicon
from extractor.text import View


# Compiled on first use, not at import: a CJK class costs ~1-3 ms to compile and many
# documents hold no table, so starting the CLI stays quick.
@cache
def _cell_value() -> re.Pattern[str]:
    return re.compile(r"^(?P<cmp>[≥≤><]|不少于|不低于|不超过|超过|约|近)?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
                      r"(?P<unit>%|个百分点|[万亿千]*[\u4e00-\u9fff]{0,3})?(?P<after>以上|以下|以内|左右)?$")


_UNIT_IN_NAME = re.compile(r"[（(]([^（()）]{1,8})[)）]$")


def _column(header: tuple[str, ...], words: list[str], taken: set[int]) -> list[int]:
    return [i for i, h in enumerate(header) if i not in taken and any(w in h for w in words)]


def _value_columns(header: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """Target and baseline columns: by their names (目标值, 基期值), else by their years
    (2020年 | 2025年: the latest is the goal)."""
    targets = _column(header, cues()["table_headers"]["target"], set())
    baselines = _column(header, cues()["table_headers"]["baseline"], set(targets))
    if targets or baselines:
        return targets, baselines
    dated = sorted((int(m.group("y")), i) for i, h in enumerate(header) if (m := YEAR.match(h)))
    if len(dated) < 2:
        return [], []
    return [dated[-1][1]], [i for _, i in dated[:-1]]


def table_quantities(tree: DocTree, table: Table, view: View, ctx: Context) -> list[Quantity]:
    """Indicator rows of a table (指标 | 单位 | 基期值 | 目标值): a baseline is an actual, a
    goal a target, each dated by its column's year or the plan's period."""
    rows = [tuple(re.sub(r"\s+", "", c) for c in row) for row in table.rows]
    head_i = next((i for i, r in enumerate(rows[:3]) if _value_columns(r)[0]), None)
    if head_i is None:
        return []
    header = rows[head_i]
    targets, baselines = _value_columns(header)
    owners = {i for i, h in enumerate(header) if h in lexicon().owner_headers}  # 责任单位 is no unit
    units = _column(header, cues()["table_headers"]["unit"], set(targets) | set(baselines) | owners)
    metrics = _column(header, cues()["table_headers"]["metric"], set(targets) | set(baselines) | set(units))
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
            cell = _cell_value().match(row[col].replace("％", "%"))
            if not cell:
                continue
            y = YEAR.search(header[col])
            kind = "target" if col in targets else "actual"
            year = int(y.group("y")) if y else (ctx.period[1] if kind == "target" and ctx.period else None)
            comparator = comparators()["before"].get(cell.group("cmp") or "") or comparators()["after"].get(cell.group("after") or "") or "="
            out.append(Quantity(
                id="", kind=kind, metric=_UNIT_IN_NAME.sub("", name), value=float(cell.group("num").replace(",", "")),
                unit=cell.group("unit") or unit, comparator=comparator, evidence=" ".join(c for c in row if c),
                span=(start, end), year=year, page=table.page,
            ))
    return out


_TOKEN = re.compile(r"\S+")


@cached
def _header_cell() -> re.Pattern[str]:
    """A cell of an indicator table's header row (序号, 指标名称, 2025年目标值, 责任单位 …)."""
    words = [*(w for ws in cues()["table_headers"].values() for w in ws), *lexicon().owner_headers]
    return re.compile("^(?:序号|%s|(?:19|20)\\d{2}年.{0,6}|属性|指标属性|类型|备注)$" % alternation(words))


_EMPTY_CELL = re.compile(r"^[—\-－/／]+$")


def text_tables(tree: DocTree) -> list[Table]:
    """Indicator tables that arrive as whitespace-separated text (a web table flattened
    into lines or one line): a header of known column names, then rows of as many cells."""
    text = tree.text
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text)]
    tables, i = [], 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _header_cell().match(tokens[j][0]):
            j += 1
        header = tuple(t for t, _ in tokens[i:j])
        targets, baselines = _value_columns(header) if j - i >= 3 else ([], [])
        metrics = _column(header, cues()["table_headers"]["metric"], set(targets) | set(baselines))
        if not targets or not metrics:
            i = max(i + 1, j)
            continue
        rows, k = [], j
        while k + len(header) <= len(tokens):
            row = tuple(t for t, _ in tokens[k:k + len(header)])
            if _cell_value().match(row[metrics[0]]) or not all(
                    _cell_value().match(row[c]) or _EMPTY_CELL.match(row[c]) for c in targets + baselines):
                break
            rows.append(row)
            k += len(header)
        if rows:
            tables.append(Table(page=tree.clean.page_at(tokens[i][1]), rows=(header, *rows)))
        i = k
    return tables

