"""TEMPORARY placeholder: the owners work replaces this."""
from __future__ import annotations

from dataclasses import dataclass

from extractor.model import DocTree, Organisation, Quantity, Task


@dataclass(frozen=True)
class OwnerAssignment:
    """Tasks and targets with owners filled in, and the organisations they point at
    (owner lists can name bodies the organisation finder had not seen)."""

    tasks: tuple[Task, ...]
    targets: tuple[Quantity, ...]
    organisations: tuple[Organisation, ...]


def assign_owners(tree: DocTree, organisations: tuple[Organisation, ...],
                  quantities: tuple[Quantity, ...]) -> OwnerAssignment:
    return OwnerAssignment(tree.tasks, quantities, organisations)
