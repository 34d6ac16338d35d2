"""Shared fixtures: the bundled corpus and the record schema."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests with a fixed seed (the same examples every run); a developer's
# run explores new ones. `HYPOTHESIS_PROFILE=dev` restores exploring under CI.
settings.register_profile("ci", derandomize=True)
settings.register_profile("dev")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEEDS = CORPUS / "seeds"
DEV = CORPUS / "dev"
PDFS = CORPUS / "pdf"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
_NOTES = {"README.md", "SOURCES.md"}  # notes about the corpus, not policy documents
_DOCUMENT_SUFFIXES = {".txt", ".md", ".html", ".pdf", ".docx"}


def documents(folder: Path) -> list[Path]:
    """The policy documents of a corpus folder, without its notes and source lists."""
    return sorted(p for p in folder.iterdir()
                  if p.suffix in _DOCUMENT_SUFFIXES and p.name not in _NOTES)


BUNDLED = documents(SEEDS) + documents(DEV) + documents(PDFS)
"""Every document `make demo` extracts."""


@pytest.fixture(scope="session")
def record_schema() -> dict:
    return json.loads((ROOT / "schemas" / "record.schema.json").read_text(encoding="utf-8"))
