"""The figures a diff compares: the quantity finder's, read the way a 新旧对照表 cites them.

A penalty range is one figure (处5万元以上10万元以下的罚款 is 5–10万元, not ≥5 and ≤10), and
the days of a date list are no durations (10月1日、2日、3日 has no figure 2日).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from extractor.extraction.quantities import find_figures

Figure = Any  # the quantity finder's figure: start, end, value, value_max, unit, comparator

_LOWER = (">=", ">")
_UPPER = ("<=", "<")
_RANGE_GLUE = re.compile(r"[、，,]?(?:且|并且|而)?")
"""What may stand between the ends of a range: 5万元以上、10万元以下."""
_DATE_RUN = re.compile(r"\d{1,2}月\d{1,2}日(?:[、和及至到—－-]\d{1,2}日)*[、和及至到—－-]$")
"""A date list or span before a day number: 10月1日、2日、 / 10月1日至."""
_DATE_REACH = 24


def _joins(text: str, low: Figure, high: Figure) -> bool:
    """Whether two figures are the ends of one range (X以上Y以下, same unit, rising)."""
    return (low.comparator in _LOWER and high.comparator in _UPPER and low.value_max is None
            and high.value_max is None and low.unit == high.unit and low.value < high.value
            and _RANGE_GLUE.fullmatch(text, low.end, high.start) is not None)


def _in_date_run(text: str, fig: Figure) -> bool:
    return fig.unit == "日" and _DATE_RUN.search(text[max(0, fig.start - _DATE_REACH):fig.start]) is not None


def read_figures(text: str) -> list[Figure]:
    """Figures of a clause text in order, ranges joined and date days dropped.

    Example:
        >>> [(f.value, f.value_max, f.unit) for f in read_figures("并处100万元以上500万元以下的罚款")]
        [(100.0, 500.0, '万元')]
        >>> [f.value for f in read_figures("国庆节，放假3天(10月1日、2日、3日)")]
        [3.0]
    """
    out: list[Figure] = []
    for fig in find_figures(text):
        if _in_date_run(text, fig):
            continue
        if out and _joins(text, out[-1], fig):
            low = out.pop()
            fig = replace(low, end=fig.end, value_max=fig.value, comparator="=")
        out.append(fig)
    return out
