"""policykg: read Chinese government policy documents into a queryable knowledge graph.

Three lines in a notebook::

    import extractor
    records = [extractor.extract(p) for p in ["corpus/seeds/004_36e5cd320c0db03f.txt"]]
    graph = extractor.build_graph(records)
"""
from __future__ import annotations

__version__ = "0.1.0"

from extractor import native as _native  # noqa: E402 - before any compiled module is imported

_native.activate()

__all__ = ["__version__", "extract", "build_graph", "query", "tables"]


def __getattr__(name):  # noqa: ANN001, ANN202 - lazy submodules keep `import extractor` light
    """Import `extractor.query` on first use, so ``extractor.query.owners(graph, "…")`` works."""
    if name == "query":
        import importlib

        return importlib.import_module("extractor.query")
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")


def extract(path):  # noqa: ANN001, ANN201 - re-exported below with its real signature
    """Extract one file into its record dict (see `extractor.pipeline.extract_file`)."""
    from extractor.pipeline import extract_file

    return extract_file(path)


def build_graph(records):  # noqa: ANN001, ANN201
    """Build the knowledge graph from records (see `extractor.graph.build`)."""
    from extractor.graph import build

    return build(records)


def tables(records):  # noqa: ANN001, ANN201
    """The records' graph as typed pandas DataFrames, one per table (documents, sections,
    tasks, targets, organisations, programmes, owners, mentions, edges); see
    `extractor.export.tables`.

    Example:
        >>> extractor.tables(records)["targets"][["metric", "value", "unit", "year", "lead"]]  # doctest: +SKIP
    """
    from extractor.export.tables import frames
    from extractor.graph import build

    return frames(build(records))
