"""Ingest: read a file into a `RawDocument` (pages of text, tables, hash).

TEMPORARY minimal reader (UTF-8 text only); the ingest work replaces it.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from extractor.errors import IngestError
from extractor.model import RawDocument


def load(path: str | Path) -> RawDocument:
    p = Path(path)
    data = p.read_bytes()
    if not data.strip():
        raise IngestError("file is empty", path=str(p))
    text = data.decode("utf-8-sig")
    return RawDocument(path=str(p), format=p.suffix.lstrip(".").lower(),
                       sha256=hashlib.sha256(data).hexdigest(), pages=(text,))
