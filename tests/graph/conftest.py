"""Graph fixtures: hand-written records of three seeds, and the real text documents of
the bundled corpus as the pipeline extracts them today."""
from __future__ import annotations

import copy

import pytest

import extractor
from extractor.graph import build, read_records
from tests.conftest import DEV, FIXTURES, SEEDS

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


@pytest.fixture(scope="session")
def corpus_records() -> list[dict]:
    """Records of every text document of the corpus (seeds and dev; the PDFs are slow),
    extracted once for every test that asks the real graph."""
    paths = sorted([*SEEDS.glob("*.txt"), *DEV.glob("*.txt"), *DEV.glob("*.md")])
    return [extractor.extract(path) for path in paths]


@pytest.fixture(scope="session")
def corpus_graph(corpus_records):
    return build(copy.deepcopy(corpus_records))
