"""TEMPORARY placeholder: the extraction work replaces this finder."""
from __future__ import annotations

from extractor.model import DocTree, Organisation


def find_organisations(tree: DocTree) -> tuple[Organisation, ...]:
    return ()
