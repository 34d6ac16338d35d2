"""A persistent index beside the records: the document list and answer rows in SQLite.

Rebuilding the graph from every record costs ~25 ms a record (four minutes at 10,000
documents) for each question. The index keeps, per record file, its document's summary
and the answer rows of its targets and tasks (built once, from a graph of that document
alone), so `owners`, `due`, `show` and the document list are one SQL query. It lives in
`<records>/index.sqlite`; `sync` brings it up to date by re-reading only the record files
whose size or modification time changed, which `policykg extract` does after each run and
every query does before it answers (records copied in by hand are picked up too).

Two records of the same document (same sha256, e.g. an old name left beside a new one)
are one document: the first file by name answers, the other is named as a duplicate. A
record that does not parse is skipped and named, never fatal. Owners in index answers
carry each document's own organisation names; questions that need entities merged
across documents (`targets --org`, `programme`, `search`, exports) build the graph.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor import query
from extractor.errors import ExtractorError
from extractor.graph.names import normalise

INDEX_FILE = "index.sqlite"
SCHEMA_VERSION = 3
_FIELD_SEPARATOR = "\x1f"  # never inside a normalised text, so a phrase cannot match across fields

Row = dict[str, Any]

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS files (file TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,
    doc TEXT, sha256 TEXT, problem TEXT, summary TEXT, dup_of TEXT);
CREATE TABLE IF NOT EXISTS items (file TEXT, doc TEXT, type TEXT, kind TEXT, year INTEGER,
    owner_key TEXT, row TEXT);
CREATE INDEX IF NOT EXISTS items_file ON items (file);
CREATE INDEX IF NOT EXISTS files_sha ON files (sha256);
CREATE INDEX IF NOT EXISTS items_due ON items (kind, year);
PRAGMA user_version = {SCHEMA_VERSION};
"""


# A record file answers when it parsed and no file earlier by name holds the same document;
# `dup_of` is recomputed by `refresh` whenever a file changed.
_ANSWERING = "problem IS NULL AND dup_of IS NULL"
_MARK_DUPLICATES = """UPDATE files SET dup_of = (SELECT min(earlier.file) FROM files AS earlier
    WHERE earlier.sha256 = files.sha256 AND earlier.file < files.file AND earlier.problem IS NULL)"""


@dataclass(frozen=True)
class Problem:
    """A record file that does not answer: malformed, or a second record of one document."""

    file: str
    problem: str

    def line(self) -> str:
        return f"{self.file}: skipped: {self.problem}"


def _connect(folder: Path) -> sqlite3.Connection:
    """The folder's index, created (or started again, when of another schema) as needed."""
    conn = sqlite3.connect(folder / INDEX_FILE, timeout=30)
    if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        conn.executescript("DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS items;" + _SCHEMA)
    return conn


def _in_memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.executescript(_SCHEMA)
    return conn


def _summary(record: Row, file: str) -> Row:
    document = record["document"]
    return {"file": file, "id": document.get("id"), "title": document.get("title"),
            "doc_number": document.get("doc_number"), "issuer": document.get("issuer"),
            "date": document.get("date"), "source": document.get("source"),
            "pages": document.get("pages"), "targets": len(record.get("targets") or ()),
            "tasks": len(record.get("tasks") or ()),
            "organisations": len(record.get("organisations") or ())}


def _item_rows(record: Row) -> Iterator[tuple[str, str | None, int | None, str, Row]]:
    """(type, kind, year, owner key, answer row) of each target and task of one record."""
    from extractor.graph import build

    graph = build([record])
    titles = query.document_titles(graph)
    for nid, data in graph.nodes(data=True):
        if data["type"] in ("Target", "Task"):
            key = _FIELD_SEPARATOR.join(normalise(t) for t in query.owner_texts(data) if isinstance(t, str))
            yield (data["type"], data.get("kind"), data.get("year"), key, query.item_row(graph, nid, titles))


def _read(path: Path) -> Row:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(record, dict) or not isinstance(record.get("document"), dict):
            raise ValueError("no document object")
        return record
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise _Malformed(f"not a readable record ({type(err).__name__})") from None


class _Malformed(Exception):
    pass


def _index_file(conn: sqlite3.Connection, path: Path, stat: os.stat_result) -> None:
    conn.execute("DELETE FROM items WHERE file = ?", (path.name,))
    try:
        record = _read(path)
        rows = list(_item_rows(record))
    except _Malformed as err:
        problem = str(err)
    except Exception as err:  # noqa: BLE001 - JSON of another shape, or a record the graph cannot take:
        # one file skipped and named at every query, never every query failing
        problem = f"not a valid record ({type(err).__name__})"
    else:
        problem = None
    if problem is not None:
        conn.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, NULL, NULL, ?, NULL, NULL)",
                     (path.name, stat.st_size, stat.st_mtime_ns, problem))
        return
    document = record["document"]
    conn.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, NULL, ?, NULL)",
                 (path.name, stat.st_size, stat.st_mtime_ns, document.get("id"), document.get("sha256"),
                  json.dumps(_summary(record, path.name), ensure_ascii=False)))
    conn.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(path.name, document.get("id"), kind, fact_kind, year, key,
                       json.dumps(row, ensure_ascii=False)) for kind, fact_kind, year, key, row in rows])


def _changed(conn: sqlite3.Connection, folder: Path) -> tuple[list[tuple[Path, os.stat_result]], list[str]]:
    """Record files new or changed since they were indexed, and indexed files now gone."""
    known = {file: (size, mtime) for file, size, mtime in conn.execute("SELECT file, size, mtime_ns FROM files")}
    changed = []
    present = set()
    with os.scandir(folder) as entries:  # scandir, not Path.glob: a stat per file and no more
        for entry in entries:
            if not entry.name.endswith(".json") or entry.name.startswith("."):
                continue
            try:
                stat = entry.stat()
            except OSError:
                continue
            present.add(entry.name)
            if known.get(entry.name) != (stat.st_size, stat.st_mtime_ns):
                changed.append((folder / entry.name, stat))
    return sorted(changed, key=lambda c: c[0].name), sorted(set(known) - present)


class Index:
    """An up-to-date index of one records folder (see `sync`)."""

    def __init__(self, folder: Path, conn: sqlite3.Connection):
        self.folder = folder
        self.conn = conn

    def problems(self) -> list[Problem]:
        """Malformed record files, and second records of a document another file already holds."""
        rows = self.conn.execute("SELECT file, problem FROM files WHERE problem IS NOT NULL ORDER BY file")
        found = [Problem(file, problem) for file, problem in rows]
        for file, first in self._duplicates().items():
            found.append(Problem(file, f"the same document as {first} (same sha256)"))
        return sorted(found, key=lambda p: p.file)

    def _duplicates(self) -> dict[str, str]:
        """Record file -> the first record file (by name) holding the same document."""
        return dict(self.conn.execute("SELECT file, dup_of FROM files WHERE problem IS NULL AND dup_of IS NOT NULL"))

    def files(self) -> list[str]:
        """The record files that answer questions: well formed, one per document."""
        return [file for (file,) in self.conn.execute(f"SELECT file FROM files WHERE {_ANSWERING} ORDER BY file")]

    def documents(self) -> list[Row]:
        """One summary row per document: file, id, title, number, issuer, date, counts."""
        rows = self.conn.execute(f"SELECT summary FROM files WHERE {_ANSWERING} ORDER BY file")  # noqa: S608
        return [json.loads(summary) for (summary,) in rows]

    def records(self) -> list[Row]:
        """The answering records themselves, read from their files (for the graph)."""
        return [_read(self.folder / file) for file in self.files()]

    def _rows(self, where: str, params: tuple[Any, ...]) -> list[Row]:
        # fixed clauses only; the user's words travel as parameters
        cursor = self.conn.execute(f"SELECT row FROM items WHERE {where} AND file IN "  # noqa: S608
                                   f"(SELECT file FROM files WHERE {_ANSWERING})", params)
        return [json.loads(row) for (row,) in cursor]

    def owners(self, phrase: str = "") -> list[Row]:
        """As `query.owners`, from the index: targets and tasks matching `phrase`, with owners."""
        return query.order_rows(self._rows("instr(owner_key, ?) > 0", (normalise(phrase),)))

    def due(self, year: int) -> list[Row]:
        """As `query.due`, from the index: targets due by the end of `year`."""
        rows = self._rows("type = 'Target' AND kind = 'target' AND year IS NOT NULL AND year <= ?", (year,))
        return sorted(query.order_rows(rows), key=lambda r: r["year"])

    def document(self, name: str) -> tuple[Row, list[Row]] | None:
        """A document's summary and its targets and tasks, by record file, id or source path."""
        for summary in self.documents():
            if name in (summary["file"], Path(summary["file"]).stem, summary["id"]) or _same_source(name, summary):
                return summary, query.order_rows(self._rows("file = ?", (summary["file"],)))
        return None


def _same_source(name: str, summary: Row) -> bool:
    source = summary.get("source")
    if not source:
        return False
    try:
        return os.path.samefile(name, source)
    except OSError:
        return os.path.normpath(name) == os.path.normpath(source)


def refresh(folder: Path) -> Index:
    """Bring the index of an existing records folder up to date; `extract` calls it after a run.

    A folder that cannot hold the index (read-only) or an index file that is damaged gets
    an index in memory for this run: slower, never wrong.
    """
    try:
        return Index(folder, _update(_connect(folder), folder))
    except sqlite3.DatabaseError:
        return Index(folder, _update(_in_memory(), folder))


def _update(conn: sqlite3.Connection, folder: Path) -> sqlite3.Connection:
    changed, gone = _changed(conn, folder)
    with conn:
        conn.executemany("DELETE FROM files WHERE file = ?", [(f,) for f in gone])
        conn.executemany("DELETE FROM items WHERE file = ?", [(f,) for f in gone])
        for path, stat in changed:
            _index_file(conn, path, stat)
        if changed or gone:
            conn.execute(_MARK_DUPLICATES)
    return conn


def sync(folder: str | Path) -> Index:
    """Open the index of a records folder, re-indexing only files added or changed since.

    Raises:
        ExtractorError: the folder does not exist or holds no record files.

    Example:
        >>> [d["title"] for d in sync("out/records").documents()][:1]  # doctest: +SKIP
        ['西咸新区关于印发秦创原创新驱动平台建设三年行动计划（2024—2026年）的通知']
    """
    root = Path(folder)
    if not root.is_dir():
        raise ExtractorError("no such records directory", path=str(root),
                             hint="run `policykg extract corpus --out out/records` first, or pass --records")
    index = refresh(root)
    if not index.conn.execute(f"SELECT 1 FROM files WHERE {_ANSWERING} LIMIT 1").fetchone():
        raise ExtractorError("no records found", path=str(root),
                             hint="run `policykg extract corpus --out out/records` first")
    return index
