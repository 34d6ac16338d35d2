"""Candidates and named filters: how every finder decides, and how `policykg explain` shows it.

A finder proposes candidate spans (from patterns, lexicons or table cells), then runs a tuple
of named filters over each. A filter returns a reason for refusing the candidate, or None to
let it pass; the first reason wins. Finders keep every decision as a `Candidate`, so the
explanation a researcher reads is the same computation that produced the record, never a
re-enactment of it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from extractor.model import Span

T = TypeVar("T")

Filter = Callable[[T], "str | None"]
"""A named test over a candidate: the reason it is refused, or None when it passes."""


@dataclass(frozen=True)
class Decision:
    """Why a candidate was refused: the filter's name and its reason in words."""

    filter: str
    reason: str


@dataclass(frozen=True)
class Candidate:
    """One proposal of a finder and what became of it.

    `span` is in clean-text offsets; `rejection` is None for an accepted candidate.
    """

    family: str
    text: str
    span: Span
    rejection: Decision | None = None
    detail: str = ""  # what the finder read from it, e.g. "value=4000 unit=家 year=2026"

    @property
    def accepted(self) -> bool:
        return self.rejection is None


class NamedFilter(NamedTuple, Generic[T]):
    """A filter with the name `explain` prints (the function's name unless given).

    A named tuple, not a frozen dataclass: mypyc compiles no generic frozen dataclass."""

    name: str
    test: Filter[T]


def named(*tests: Filter[T]) -> tuple[NamedFilter[T], ...]:
    """Wrap plain filter functions, each named after itself.

    Example:
        >>> def too_long(text): return "longer than 30 characters" if len(text) > 30 else None
        >>> judge("局" * 40, named(too_long))
        Decision(filter='too_long', reason='longer than 30 characters')
    """
    return tuple(NamedFilter(test.__name__.lstrip("_"), test) for test in tests)


def judge(value: T, filters: Iterable[NamedFilter[T]]) -> Decision | None:
    """The first filter that refuses `value`, or None when every filter lets it pass."""
    for f in filters:
        reason = f.test(value)
        if reason is not None:
            return Decision(f.name, reason)
    return None
