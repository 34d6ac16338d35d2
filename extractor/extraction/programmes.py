"""TEMPORARY placeholder: the extraction work replaces this finder."""
from __future__ import annotations

from extractor.model import DocTree, Programme


def find_programmes(tree: DocTree) -> tuple[Programme, ...]:
    return ()
