"""The pipeline end to end: one file in, one record out.

    ingest.load -> normalise.normalise -> structure.parse -> extraction.extract -> record.to_record
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from extractor import extraction, ingest, lexicons, normalise, structure
from extractor.model import DocTree, Extraction, RawDocument
from extractor.record import to_record


def parse_raw(raw: RawDocument, *, rules: str | Path | None = None) -> DocTree:
    """Repair and structure an ingested document (`rules`: see `extraction.extract`)."""
    with lexicons.using(rules):
        return structure.parse(normalise.normalise(raw), raw=raw)


def extract_raw(raw: RawDocument, *, rules: str | Path | None = None) -> Extraction:
    """Run every stage after ingest on one document."""
    return extraction.extract(parse_raw(raw, rules=rules), rules=rules)


def extract_file(path: str | Path, *, rules: str | Path | None = None) -> dict[str, Any]:
    """Read one file and return its record (`rules`: a folder laid over the packaged rules).

    Raises:
        extractor.errors.IngestError: the file cannot be read (with a hint).

    Example:
        >>> extract_file("corpus/seeds/003_3f674aba3fe25ad0.txt")["document"]["signer"]  # doctest: +SKIP
        '艾晨'
    """
    return to_record(extract_raw(ingest.load(path), rules=rules))
