"""Hand-written records of three seed documents (real sentences, real source spans)."""
from __future__ import annotations

import copy

import pytest

from extractor.graph import build, read_records
from tests.conftest import FIXTURES

GRAPH_FIXTURES = FIXTURES / "graph"


@pytest.fixture(scope="session")
def _records() -> list[dict]:
    return read_records(GRAPH_FIXTURES)


@pytest.fixture()
def records(_records) -> list[dict]:
    return copy.deepcopy(_records)


@pytest.fixture(scope="session")
def graph(_records):
    return build(copy.deepcopy(_records))
