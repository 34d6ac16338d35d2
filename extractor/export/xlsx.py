"""An Excel workbook, ``graph.xlsx``: one sheet per table of `tables.TABLES`.

The readable columns come first (a target's metric, figure, year and owners; the hash ids
last), the header row is bold and frozen with a filter on it, numbers, booleans and dates
are typed cells, lists are ``；``-joined, and text a spreadsheet could run as a formula is
neutralised with a leading ``'`` (`cells.neutralise`). The file is byte-identical for the
same graph: the workbook's own dates and the zip entries' times are fixed.
"""
from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from extractor.atomic import write_atomic
from extractor.export import cells, tables

FILENAME = "graph.xlsx"
_EPOCH = datetime.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
_MAX_WIDTH = 60
_MAX_CELL = 32767  # Excel's limit on the characters of one cell


def _value(value: Any, kind: str) -> Any:
    """A cell value Excel accepts: no control characters (PDF text may hold them), not
    longer than a cell may be."""
    value = cells.cell(value, kind)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value if len(value) <= _MAX_CELL else value[:_MAX_CELL - 1] + "…"
    return value


def _sheet(workbook: Workbook, name: str, rows: list[dict]) -> None:
    """One table as a sheet. The workbook is write-only (rows streamed, several times
    faster on a large corpus), so layout is set before the first row."""
    columns = tables.TABLES[name]
    sheet = workbook.create_sheet(name)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    for i, column in enumerate(columns, 1):
        longest = max((len(str(row[column.name] or "")) for row in rows), default=0)
        sheet.column_dimensions[get_column_letter(i)].width = min(_MAX_WIDTH, max(10, longest + 2))
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_value(row[c.name], c.kind) for c in columns])


def _stable(document: bytes) -> bytes:
    """The same workbook bytes on every run: fixed dates inside and fixed zip times."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = _CORE_DATES.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            target.writestr(zipfile.ZipInfo(info.filename, _ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def dumps(graph: nx.MultiDiGraph) -> bytes:
    """The workbook as bytes."""
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "policykg"
    workbook.properties.created = workbook.properties.modified = _EPOCH
    for name, rows in tables.rows(graph).items():
        _sheet(workbook, name, rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _stable(buffer.getvalue())


def write(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.xlsx`` into `out_dir`."""
    path = Path(out_dir) / FILENAME
    write_atomic(path, dumps(graph))
    return [path]
