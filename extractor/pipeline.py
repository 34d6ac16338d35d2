"""The pipeline end to end: one file in, one record out.

    ingest.load -> normalise.normalise -> structure.parse -> extraction.extract -> record.to_record
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from extractor import extraction, ingest, lexicons, normalise, structure
from extractor.model import DocTree, Extraction, RawDocument
from extractor.record import to_record


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector while one document is read, if it runs.

    Reading a document builds hundreds of thousands of short-lived tuples, matches and
    dataclasses, freed by reference counting as they go; they form no reference cycles, yet
    each 700 allocations wake the cycle collector to walk the young objects, and every few
    documents to walk everything alive (lexicons included): a few percent of the time, for
    nothing. Any cycle made inside is collected after, at the collector's next pass; a caller
    that keeps the collector off finds it off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse_raw(raw: RawDocument, *, rules: str | Path | None = None) -> DocTree:
    """Repair and structure an ingested document (`rules`: see `extraction.extract`)."""
    with lexicons.using(rules):
        return structure.parse(normalise.normalise(raw), raw=raw)


def extract_raw(raw: RawDocument, *, rules: str | Path | None = None) -> Extraction:
    """Run every stage after ingest on one document."""
    with cycle_collection_paused():
        return extraction.extract(parse_raw(raw, rules=rules), rules=rules)


def extract_file(path: str | Path, *, rules: str | Path | None = None) -> dict[str, Any]:
    """Read one file and return its record (`rules`: a folder laid over the packaged rules).

    Raises:
        extractor.errors.IngestError: the file cannot be read (with a hint).

    Example:
        >>> extract_file("corpus/seeds/003_3f674aba3fe25ad0.txt")["document"]["signer"]  # doctest: +SKIP
        '艾晨'
    """
    raw = ingest.load(path)
    with cycle_collection_paused():  # the record's thousands of dicts too (extract_raw's pause nests)
        return to_record(extract_raw(raw, rules=rules))
