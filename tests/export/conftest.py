"""The exporters run on the graph of the hand-written seed records (see tests/graph)."""
from __future__ import annotations

from tests.graph.conftest import _records, graph, records  # noqa: F401 - pytest fixtures
