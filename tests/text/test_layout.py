"""Layout: display widths and the wrap width, shared by normalise and the figure view."""
from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from extractor.text.layout import WIDE_RUN, display_width, wrap_width


def test_wide_runs_hold_only_wide_characters():
    # display_width counts WIDE_RUN characters as two columns without looking them up
    wide = [chr(c) for c in range(0x10000) if WIDE_RUN.fullmatch(chr(c))]
    assert len(wide) > 20000 and {"“", "”", "—", "①"} <= set(wide)
    assert all(unicodedata.east_asian_width(c) in "WFA" for c in wide)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
       | st.text(alphabet="西咸新区，。“”（）　２Ａa1 ·—①", max_size=40))
def test_display_width_counts_each_character(line):
    assert display_width(line) == sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in line)


def test_wrap_width_of_printed_lines_and_of_paragraphs():
    # a PDF page wraps every line at one width; a web page's paragraphs run past any width
    printed = ["为深入学习贯彻习近平总书记关于科技创新的重要论述进一步加"] * 6 + ["快建设。"]
    assert wrap_width(printed) == display_width(printed[0])
    assert wrap_width(["短行", "一、发展目标", "到2026年。"]) is None
