"""The knowledge graph: typed nodes and edges with provenance, merged across documents.

`build(records)` is the one entry point; `read_records(path)` loads record JSON files
written by ``policykg extract``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extractor.errors import ExtractorError
from extractor.graph.build import EDGE_TYPES, NODE_TYPES, build, node_id

__all__ = ["EDGE_TYPES", "NODE_TYPES", "build", "node_id", "read_records"]


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Load every record (``*.json``) in a directory, or one record file.

    Raises:
        ExtractorError: the path is missing, holds no records, or a file is not a record.

    Example:
        >>> records = read_records("out/records")  # doctest: +SKIP
    """
    root = Path(path)
    if not root.exists():
        raise ExtractorError("no such records directory", path=str(root),
                             hint="run `policykg extract corpus --out out/records` first")
    files = [root] if root.is_file() else sorted(root.glob("*.json"))
    records = []
    for file in files:
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ExtractorError(f"not a readable record ({err.__class__.__name__})", path=str(file),
                                 hint="re-run `policykg extract`") from err
        if isinstance(record, dict) and "document" in record:
            records.append(record)
    if not records:
        raise ExtractorError("no records found", path=str(root),
                             hint="run `policykg extract corpus --out out/records` first")
    return records
