"""TEMPORARY placeholder: the extraction work replaces this finder."""
from __future__ import annotations

from extractor.model import DocTree, Citation


def find_citations(tree: DocTree) -> tuple[Citation, ...]:
    return ()
