"""Which files under the inputs are documents, and every file passed over, with the reason.

A folder is walked without following links to folders (a link can loop or leave the
corpus). Hidden files and folders (``.git``, ``.DS_Store``) are not part of a corpus and
pass unmentioned; every other file that is not read is named: a type no reader takes,
a broken link, a folder that cannot be opened, or the collection's own notes (README.md,
SOURCES.md, and a folder of annotations such as ``gold/`` beside held-out documents, named
once and not entered). The readable extensions are ingest's reader registry, so a new
reader is picked up here without a change.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractor import ingest
from extractor.lexicons import read_text


@dataclass(frozen=True)
class Skip:
    """A file or folder found under an input and not read; `notes` are the collection's own notes."""

    path: Path
    reason: str
    notes: bool = False


@dataclass(frozen=True)
class Discovery:
    """The document files to read, in input order, and what was passed over."""

    files: tuple[Path, ...]
    skipped: tuple[Skip, ...] = ()


@lru_cache(maxsize=1)
def _note_names() -> frozenset[str]:
    lines = read_text("not_documents.txt").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


_NOTE_STEM = re.compile(r"[-_. ]")  # README-2, sources_2024, readme.zh: the note's name comes first


def _is_note(name: str) -> bool:
    """README.md, SOURCES-2.json: a file whose name (its first part) is listed in not_documents.txt."""
    return _NOTE_STEM.split(Path(name).stem.casefold(), maxsplit=1)[0] in _note_names()


def _judge(path: Path) -> Skip | None:
    """Why a file found in a folder is not read, or None when it is a document to read."""
    if path.is_symlink() and not path.exists():
        return Skip(path, "a broken link")
    if path.is_dir():
        return Skip(path, "a link to a folder, not followed")
    if _is_note(path.name):
        # before the type test: SOURCES-2.json or README.zh.md beside the documents are notes
        return Skip(path, "the collection's own notes, not a policy document", notes=True)
    if path.suffix.lower() not in ingest.SUPPORTED_SUFFIXES:
        return Skip(path, f"unsupported type {path.suffix or '(no extension)'!r}; policykg reads "
                          + " ".join(ingest.SUPPORTED_SUFFIXES))
    return None


def walk(folder: Path) -> Discovery:
    """The documents under `folder` (sorted) and every other file found there."""
    files: list[Path] = []
    skipped: list[Skip] = []

    def unreadable(err: OSError) -> None:
        skipped.append(Skip(Path(err.filename or folder), f"cannot open the folder ({err.strerror or err})"))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        here = Path(root)
        # a notes folder (gold/ annotations beside the documents) is named once and not entered
        notes = [d for d in dirs if f"{d.casefold()}/" in _note_names() and not (here / d).is_symlink()]
        skipped += [Skip(here / d, "the collection's own notes (a folder), not policy documents", notes=True)
                    for d in notes]
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in notes]
        # os.walk lists a link to a folder among `dirs` and does not enter it: judge it as an entry.
        entries = [here / n for n in names if not n.startswith(".")]
        entries += [here / d for d in dirs if (here / d).is_symlink()]
        for path in entries:
            skip = _judge(path)
            if skip is None:
                files.append(path)
            else:
                skipped.append(skip)
    return Discovery(tuple(sorted(files)), tuple(sorted(skipped, key=lambda s: str(s.path))))


def discover(inputs: Iterable[str | Path]) -> Discovery:
    """Files named directly (always read: a bad one fails with its reason) and folder contents.

    Example:
        >>> found = discover(["corpus/seeds"])  # doctest: +SKIP
        >>> [s.path.name for s in found.skipped]  # doctest: +SKIP
        ['SOURCES.md']
    """
    files: list[Path] = []
    skipped: list[Skip] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = walk(path)
            files += found.files
            skipped += found.skipped
        else:
            files.append(path)
    return Discovery(tuple(files), tuple(skipped))
