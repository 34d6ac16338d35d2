"""Coverage-guided fuzzing of ingest and the text stages with atheris.

Every input, written to a file with a supported suffix, must end in a record or one
`ExtractorError`; anything else is a crash atheris reports with the input that caused it.

    python -m tests.fuzz.atheris_ingest -runs=2000          # a bounded run
    python -m tests.fuzz.atheris_ingest -max_total_time=600  # ten minutes
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["extractor"]):
    from extractor import ingest
    from extractor.errors import ExtractorError
    from extractor.pipeline import extract_raw
    from extractor.record import to_record

SUFFIXES = (".txt", ".html", ".pdf", ".docx", ".md")
_WORKDIR = Path(tempfile.mkdtemp(prefix="policykg-fuzz-"))


def one_input(data: bytes) -> None:
    """Ingest and extract `data` as a file of the suffix its first byte picks."""
    if not data:
        return
    path = _WORKDIR / f"input{SUFFIXES[data[0] % len(SUFFIXES)]}"
    path.write_bytes(data[1:])
    try:
        to_record(extract_raw(ingest.load(path)))
    except ExtractorError:
        pass


def main(argv: list[str]) -> None:
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
