"""TEMPORARY placeholder: the extraction work replaces this finder."""
from __future__ import annotations

from extractor.model import DocTree, Quantity


def find_quantities(tree: DocTree) -> tuple[Quantity, ...]:
    return ()
