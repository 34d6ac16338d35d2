"""The table set (Parquet, xlsx, CSV, DataFrames) as data tools and spreadsheets read it."""
from __future__ import annotations

import copy

import pandas as pd
import pytest

import extractor
from extractor.export import cells, csv, parquet, tables, xlsx

openpyxl = pytest.importorskip("openpyxl")


def test_parquet_tables_read_typed_in_pandas_and_duckdb(corpus_graph, exported):
    duckdb = pytest.importorskip("duckdb", reason="DuckDB (pip install duckdb) is missing")
    folder = exported / parquet.FOLDER
    assert {p.stem for p in folder.glob("*.parquet")} == set(tables.TABLES)
    targets = pd.read_parquet(folder / "targets.parquet")
    assert len(targets) == sum(d["type"] == "Target" for _, d in corpus_graph.nodes(data=True))
    row = targets[targets["evidence"] == "高新技术企业数量达到4000家"].iloc[0]
    assert (row["value"], row["unit"], row["year"]) == (4000.0, "家", 2026)
    types = {r[0]: r[1] for r in duckdb.sql(f"DESCRIBE SELECT * FROM '{folder / 'targets.parquet'}'").fetchall()}
    assert (types["year"], types["value"], types["annual"], types["lead"]) == ("BIGINT", "DOUBLE", "BOOLEAN", "VARCHAR[]")
    owners = duckdb.sql(f"SELECT organisation, count(*) FROM '{folder / 'owners.parquet'}' "
                        "WHERE role = 'lead' GROUP BY organisation").fetchall()
    assert ("科技创新和新经济局", ) in {(name,) for name, _ in owners}
    dated = duckdb.sql(f"SELECT count(*) FROM '{folder / 'documents.parquet'}' "
                       "WHERE date >= DATE '2024-01-01'").fetchall()[0][0]
    assert dated == sum(1 for _, d in corpus_graph.nodes(data=True)
                        if d["type"] == "Document" and (d.get("date") or "") >= "2024")


def test_polars_reads_the_parquet_when_installed(exported):
    polars = pytest.importorskip("polars", reason="Polars is optional (pip install polars)")
    frame = polars.read_parquet(exported / parquet.FOLDER / "organisations.parquet")
    assert frame.schema["aliases"] == polars.List(polars.String)


def test_xlsx_opens_on_readable_columns_with_typed_cells(corpus_graph, exported):
    workbook = openpyxl.load_workbook(exported / xlsx.FILENAME, read_only=True)
    assert workbook.sheetnames == list(tables.TABLES)
    sheet = workbook["targets"]
    header, *rows = sheet.iter_rows(values_only=True)
    assert header[:4] == ("document", "metric", "comparator", "value") and header[-1] == "id"
    assert len(rows) == sum(d["type"] == "Target" for _, d in corpus_graph.nodes(data=True))
    year = header.index("year")
    assert {type(r[year]) for r in rows} <= {int, type(None)}
    text = [v for r in rows for v in r if isinstance(v, str)]
    assert not any(v.startswith(("=", "+", "-", "@")) for v in text)
    assert "'>=" not in text and ">=" in text


def test_csv_cells_neutralise_formulas_and_join_lists_one_way(graph, tmp_path):
    paths = {p.stem: p for p in csv.write(graph, tmp_path)}
    assert set(paths) == {"nodes", *tables.TABLES}
    targets = pd.read_csv(paths["targets"], encoding="utf-8-sig", keep_default_na=False)
    assert "=" not in set(targets["comparator"])
    organisations = pd.read_csv(paths["organisations"], encoding="utf-8-sig")
    row = organisations[organisations["name"] == "西安交通大学"].iloc[0]
    assert row["aliases"] == "西安交大" and row["docs"].count(cells.LIST_SEPARATOR) == len(
        graph.nodes[row["id"]]["docs"]) - 1
    assert cells.cell(["=cmd|' /C calc'!A0"], "list") == "'=cmd|' /C calc'!A0"
    assert [cells.neutralise(t) for t in ("=", "+86", "-", "@x", "\tx", "10%")] == ["'=", "'+86", "'-", "'@x", "'\tx", "10%"]


def test_tables_returns_typed_dataframes(records):
    frames = extractor.tables(copy.deepcopy(records))
    assert set(frames) == set(tables.TABLES)
    targets = frames["targets"]
    assert str(targets["year"].dtype) == "Int64" and str(targets["value"].dtype) == "Float64"
    assert str(targets["annual"].dtype) == "boolean"
    assert pd.api.types.is_datetime64_any_dtype(frames["documents"]["date"])
    row = targets[targets["metric"] == "高新技术企业数量"].iloc[0]
    assert row["year"] == 2026 and list(targets.columns[:2]) == ["document", "metric"]


def test_table_exports_are_byte_identical(graph, tmp_path):
    for module in (parquet, xlsx, csv):
        first = [p.read_bytes() for p in module.write(graph, tmp_path / "a")]
        assert [p.read_bytes() for p in module.write(graph, tmp_path / "b")] == first, module.__name__
