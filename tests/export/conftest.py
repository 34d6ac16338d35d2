"""The exporters run on the graph of the hand-written seed records and on the graph of
the real text documents of the corpus (see tests/graph/conftest.py)."""
from __future__ import annotations

from tests.graph.conftest import _records, corpus_graph, corpus_records, graph, records  # noqa: F401 - pytest fixtures
