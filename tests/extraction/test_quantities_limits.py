"""Time limits of regulations the quantity finder reads (found by the version diff, issue 12)."""
from __future__ import annotations

from extractor.extraction.quantities import find_figures


def _read(text: str) -> list[tuple]:
    return [(f.value, f.unit, f.comparator) for f in find_figures(text)]


def test_days_before_an_event_are_a_duration():
    # source: 上海市音像制品管理条例 (2021) 第三十二条
    assert _read("举办者应当在举办临时性经营活动的十五日前，向区主管音像制品的部门提出申请") == [(15, "日", "=")]
    assert _read("应当于6月15日前完成") == []  # a date, not a duration


def test_may_not_exceed_is_an_upper_bound():
    # source: 保障中小企业款项支付条例 (2025) 第二十五条
    assert _read("但处理期限最长不得超过90日") == [(90, "日", "<=")]
    assert _read("每次不得少于2小时") == [(2, "小时", ">=")]
