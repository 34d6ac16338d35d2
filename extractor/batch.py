"""Batch extraction over files and directories: records written atomically, failures kept.

TEMPORARY sequential version; the corpus-scale work adds workers, resume and Dask.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import ExtractorError
from extractor.record import dumps, write_atomic

SUPPORTED_SUFFIXES = (".pdf", ".txt", ".md", ".html", ".htm", ".docx")


@dataclass(frozen=True)
class Failure:
    """One file that could not be extracted."""

    path: str
    problem: str
    hint: str | None = None


@dataclass(frozen=True)
class BatchResult:
    """What a batch did: records written, and the files that failed."""

    written: tuple[Path, ...] = ()
    failures: tuple[Failure, ...] = ()
    records: tuple[dict, ...] = field(default=(), repr=False)


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and every supported file under a named directory (sorted)."""
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            yield p


def run(inputs: Iterable[str | Path], out_dir: Path) -> BatchResult:
    """Extract every input into `out_dir/<stem>.json`; a bad file never stops the batch."""
    from extractor.pipeline import extract_file

    written, failures, records = [], [], []
    for path in expand_inputs(inputs):
        try:
            record = extract_file(path)
        except ExtractorError as err:
            failures.append(Failure(str(path), err.problem, err.hint))
            continue
        target = out_dir / f"{path.stem}.json"
        write_atomic(target, dumps(record))
        written.append(target)
        records.append(record)
    return BatchResult(tuple(written), tuple(failures), tuple(records))
