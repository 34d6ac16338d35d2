"""The paragraph view figures are read in: lines joined inside a paragraph, breaks kept at its end."""
from hypothesis import given
from hypothesis import strategies as st

from extractor.text import paragraph_view


def test_paragraph_view_joins_broken_lines_but_keeps_heading_breaks():
    view = paragraph_view("一、总体要求\n\n以习近平新时代中国特色社会主义思想为指导\n\n941.2 亿元")
    assert view.text == "一、总体要求\n以习近平新时代中国特色社会主义思想为指导941.2亿元"
    assert len(view.offsets) == len(view.text)


def test_numbers_in_neighbouring_cells_stay_apart():
    assert paragraph_view("地区生产总值 3000 4500 亿元").text == "地区生产总值3000|4500亿元"


@given(st.text(alphabet="一、（）发展目标到2026年，。 \n\t3045亿元●", max_size=80))
def test_every_view_character_maps_to_a_clean_character(text):
    v = paragraph_view(text)
    assert len(v.offsets) == len(v.text)
    assert all(0 <= o < len(text) for o in v.offsets)
    assert list(v.offsets) == sorted(v.offsets)
