"""Bounded memos over short stretches of text, shared by the documents of one process.

A finder tags or reads the same short windows again and again (a body named twenty times,
a 牵头单位 list repeated in every task), and documents of one batch share many of them
(各有关部门, 市发展改革委). `text_memo` memoises such a pure function of a text with a
bounded `functools.lru_cache` and registers it, so that `clear_text_memos` can empty them
all: the benchmark does before each timed pass, so that a pass over the same documents is
timed as a first reading, not as a replay of memos the previous pass filled.

Tables derived from the rule files are memoised by `extractor.lexicons.cached` instead:
they are part of the rules, loaded once like a segmenter's dictionary.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_MEMOS: list[Any] = []


def text_memo(maxsize: int) -> Callable[[F], F]:
    """A bounded memo of a pure function of short texts, emptied by `clear_text_memos`.

    Example:
        >>> @text_memo(64)
        ... def width(text: str) -> int: return len(text)
        >>> width("牵头单位"), width.cache_info().currsize
        (4, 1)
    """
    def wrap(function: F) -> F:
        memo = lru_cache(maxsize=maxsize)(function)
        _MEMOS.append(memo)
        return memo  # type: ignore[return-value]
    return wrap


def clear_text_memos() -> None:
    """Empty every memo made by `text_memo`."""
    for memo in _MEMOS:
        memo.cache_clear()
