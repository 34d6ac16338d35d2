"""The exporters run on the graph of the hand-written seed records and on the graph of
the real text documents of the corpus (see tests/graph/conftest.py); `exported` holds
every format of the real graph, written once per session."""
from __future__ import annotations

import pytest

from extractor.export import export
from tests.graph.conftest import _records, corpus_graph, corpus_records, graph, records  # noqa: F401 - pytest fixtures


@pytest.fixture(scope="session")
def exported(corpus_graph, tmp_path_factory):  # noqa: F811 - the fixture above
    out = tmp_path_factory.mktemp("export")
    export(corpus_graph, "all", out)
    return out
