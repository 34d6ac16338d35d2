"""Diffs of the real version pairs, computed once per session (extraction is the slow part)."""
from __future__ import annotations

import pytest

from extractor import ingest
from extractor.diff import PolicyDiff, diff
from extractor.model import DocTree, RawDocument
from extractor.pipeline import extract_raw, parse_raw
from tests.conftest import DEV, PDFS

LAND_2015 = DEV / "09_pingtan-allocated-land-transfer-measures-2015.txt"
LAND_2018 = DEV / "10_pingtan-allocated-land-transfer-measures-revised-2018.txt"
PREVENTION_8 = PDFS / "covid_prevention_control_plan_ed8_2021.pdf"
PREVENTION_9 = PDFS / "covid_prevention_control_plan_ed9_2022.pdf"
TREATMENT_9 = PDFS / "covid_diagnosis_treatment_plan_ed9_2022.pdf"
TREATMENT_10 = PDFS / "covid_diagnosis_treatment_plan_ed10_2023.pdf"


def tree_of(text: str, name: str = "doc.txt") -> DocTree:
    """A structured document from a literal text."""
    return parse_raw(RawDocument(path=name, format="txt", sha256="0" * 64, pages=(text,)))


def _diff(old, new) -> PolicyDiff:
    return diff(extract_raw(ingest.load(old)), extract_raw(ingest.load(new)))


@pytest.fixture(scope="session")
def land_diff() -> PolicyDiff:
    return _diff(LAND_2015, LAND_2018)


@pytest.fixture(scope="session")
def prevention_diff() -> PolicyDiff:
    return _diff(PREVENTION_8, PREVENTION_9)


@pytest.fixture(scope="session")
def treatment_diff() -> PolicyDiff:
    return _diff(TREATMENT_9, TREATMENT_10)
