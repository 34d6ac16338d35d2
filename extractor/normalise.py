"""Normalise: TEMPORARY identity repair; the normalise work replaces it."""
from __future__ import annotations

from extractor.model import CleanText, RawDocument


def normalise(raw: RawDocument) -> CleanText:
    text = raw.text
    return CleanText(text=text, offsets=tuple(range(len(text) + 1)), page_starts=raw.page_starts())
