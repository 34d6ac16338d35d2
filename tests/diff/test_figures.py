"""The figures a diff compares: ranges whole, date days no durations."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.diff.figures import read_figures


def _read(text: str) -> list[tuple]:
    return [(f.value, f.value_max, f.unit) for f in read_figures(text)]


def test_a_penalty_range_is_one_figure():
    # source: 消耗臭氧层物质管理条例 (2023) 第三十二条
    text = "并处10万元以上50万元以下的罚款；情节严重的，并处50万元以上100万元以下的罚款"
    assert _read(text) == [(10, 50, "万元"), (50, 100, "万元")]
    # source: 上海市音像制品管理条例 (2021) 第三十六条
    assert _read("并处违法经营额五倍以上十倍以下的罚款") == [(5, 10, "倍")]


def test_lone_thresholds_stay_apart():
    # 一万元以上的 … 不足一万元的: two thresholds, no range
    assert _read("违法经营额一万元以上的，处罚款；违法经营额不足一万元的，处罚款") == [(1, None, "万元"), (1, None, "万元")]


def test_days_of_a_date_list_are_no_durations():
    # source: 全国年节及纪念日放假办法 (2013) 第二条
    assert _read("(七)国庆节，放假3天(10月1日、2日、3日)。") == [(3, None, "天")]
    assert _read("国庆节，放假3天（10月1日至3日）") == [(3, None, "天")]


@given(st.integers(1, 499), st.integers(1, 499))
def test_a_band_is_one_rising_range(low, step):
    # a band whose ends do not rise (5万元以上1万元以下) is not administrative language: no case
    high = low + step
    (figure,) = read_figures(f"处{low}万元以上{high}万元以下的罚款")
    assert (figure.value, figure.value_max) == (low, high)
