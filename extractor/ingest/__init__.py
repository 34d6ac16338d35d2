"""Ingest: read one file into a `RawDocument` (pages of text, tables, title hint, hash).

One reader module per format, chosen by the file's extension and imported only when a
file of that format arrives (pdfplumber and bs4 cost start-up time). Every failure a
file can cause leaves here as an `IngestError` with the file, the problem and a hint:
third-party exceptions are wrapped at this edge and never escape.
"""
from __future__ import annotations

import hashlib
import importlib
import stat
from pathlib import Path

from extractor.errors import IngestError, UnsupportedFormatError
from extractor.ingest.common import MAX_INPUT_BYTES
from extractor.model import RawDocument

FORMATS: dict[str, str] = {".pdf": "pdf", ".txt": "txt", ".md": "md", ".html": "html", ".htm": "html",
                           ".docx": "docx", ".doc": "doc", ".wps": "wps", ".docm": "docm", ".odt": "odt",
                           ".rtf": "rtf", ".ofd": "ofd"}
"""File extension -> the `RawDocument.format` it is read as: the one registry that
folder discovery (`SUPPORTED_SUFFIXES`) and `load` read."""

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(FORMATS)

_READERS = {"pdf": "pdf", "txt": "text", "md": "text", "html": "html", "docx": "docx",
            "doc": "office", "wps": "office", "docm": "office", "odt": "office", "rtf": "office", "ofd": "ofd"}
"""Format -> the reader module in this package (each has ``read(data, *, path) -> Content``)."""


def load(path: str | Path) -> RawDocument:
    """Read a .pdf, .txt, .md, .html/.htm, .docx, .doc, .wps, .docm, .odt, .rtf or .ofd file into a `RawDocument`.

    Args:
        path: the file to read; its extension (any case) names the format.

    Raises:
        IngestError: the file is missing, empty, damaged or undecodable; the subclasses
            `UnsupportedFormatError`, `EncryptedDocumentError` and `ScannedDocumentError`
            name the cases with their own remedy.

    Example:
        >>> doc = load("corpus/seeds/003_3f674aba3fe25ad0.txt")  # doctest: +SKIP
        >>> doc.format, len(doc.pages)  # doctest: +SKIP
        ('txt', 1)
    """
    p = Path(path)
    name = str(path)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        if not p.exists():
            raise _not_found(name)
        raise UnsupportedFormatError(f"unsupported file type {p.suffix or '(no extension)'!r}", path=name,
                                     hint="policykg reads " + ", ".join(SUPPORTED_SUFFIXES))
    data = _read_bytes(p, name)
    if not data:
        raise IngestError("file is empty", path=name)
    reader = importlib.import_module(f"{__name__}.{_READERS[fmt]}")
    try:
        content = reader.read(data, path=name)
    except (IngestError, MemoryError):  # MemoryError: the batch names the memory limit
        raise
    except Exception as err:  # the last net: a reader's library failed in a way it did not foresee
        raise IngestError(f"cannot read the file ({type(err).__name__}: {err})", path=name,
                          hint="check the file opens in its usual application") from err
    return RawDocument(path=name, format=fmt, sha256=hashlib.sha256(data).hexdigest(),
                       pages=content.pages, tables=content.tables, title_hint=content.title_hint,
                       ocr_pages=content.ocr_pages, skipped_pages=content.skipped_pages)


def _read_bytes(p: Path, name: str) -> bytes:
    try:
        mode = p.stat().st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
            # /dev/zero or a disk, perhaps behind a symlink: reading would not end. A pipe
            # is read like a file, up to the cap, and the time limit covers a silent writer.
            raise IngestError("not a regular file (a device or socket)", path=name,
                              hint="pass the document file itself")
        with p.open("rb") as handle:
            # One byte past the cap tells "at the cap" from "over it" without reading the rest.
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise _not_found(name) from None
    except IsADirectoryError:
        raise IngestError("is a directory, not a file", path=name,
                          hint="pass the directory to `policykg extract`, which reads every supported file in it") from None
    except PermissionError:
        raise IngestError("permission denied", path=name, hint="check you may read the file") from None
    except OSError as err:
        raise IngestError(f"cannot read the file ({err.strerror or err})", path=name) from None
    if len(data) > MAX_INPUT_BYTES:
        raise IngestError(f"larger than the {MAX_INPUT_BYTES >> 20} MB input limit", path=name,
                          hint="split the document, or check it is the document and not an archive")
    return data


def _not_found(name: str) -> IngestError:
    return IngestError("file not found", path=name, hint="check the path")
