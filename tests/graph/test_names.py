"""Names: folding, place prefixes, administrative levels, abbreviations."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.graph import names


def test_place_prefix_and_level_of_a_new_area_committee():
    info = names.analyse("陕西省西咸新区开发建设管理委员会")
    assert [p.text for p in info.places] == ["陕西省", "西咸新区"]
    assert info.level == "county"
    assert info.place == "西咸新区"


def test_bare_level_prefixes():
    assert names.analyse("省科技厅").level == "province"
    assert names.analyse("省委").level == "province"
    assert names.analyse("市科技局").level == "city"
    # 市场 is a word, not the level 市
    assert names.analyse("市场监管局").level is None


def test_ministries_are_national():
    assert names.analyse("科技部").level == "national"
    assert names.analyse("海关总署").level == "national"


def test_municipality_is_province_level():
    assert names.analyse("上海市科学技术委员会").level == "province"


def test_department_name_does_not_swallow_a_later_place():
    info = names.analyse("西安市公安局西咸新区分局")
    assert [p.text for p in info.places] == ["西安市"]


def test_body_and_department():
    assert names.is_body("西咸新区管委会") and names.is_body("西安市人民政府")
    assert names.is_department("科技创新和新经济局")
    assert names.is_department("组织人事部（人才办）")
    assert not names.is_department("西安交通大学")


def test_abbreviations():
    assert names.is_abbreviation("西安交大", "西安交通大学")
    assert names.expand("市场监管局") == names.expand("市场监督管理局")  # by the lexicon
    assert not names.is_abbreviation("西北大学", "西北工业大学")  # a university of its own
    assert not names.is_abbreviation("西安市公安局", "西安市公安局西咸新区分局")  # a prefix is a parent
    assert not names.is_abbreviation("西北工业大学", "西安交通大学")
    assert names.expand("西咸新区管委会") == "西咸新区管理委员会"


@given(st.text(alphabet="西咸新区管委会（）() “”—-省市局 ", max_size=20))
def test_normalise_is_idempotent(text):
    once = names.normalise(text)
    assert names.normalise(once) == once
