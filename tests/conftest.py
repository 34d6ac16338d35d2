"""Shared fixtures: the bundled corpus and the record schema."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEEDS = CORPUS / "seeds"
DEV = CORPUS / "dev"
PDFS = CORPUS / "pdf"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def record_schema() -> dict:
    return json.loads((ROOT / "schemas" / "record.schema.json").read_text(encoding="utf-8"))
