"""Figures pair only when they measure the same thing: like words, one dimension, a sound clause pair."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.diff import diff
from extractor.diff.changes import metric_similarity, same_dimension, text_quantity_changes
from extractor.diff.chardiff import char_diff
from extractor.diff.clauses import comparison_key
from extractor.diff.model import Clause, ClauseChange
from extractor.diff.render import figure
from tests.diff.conftest import tree_of


def _pair(old: str, new: str, similarity: float) -> ClauseChange:
    """A modified clause pair as alignment hands it over, with the similarity it found."""
    a = Clause(0, "（8）", "（8）", old, comparison_key(old), (0, len(old)))
    b = Clause(0, "（5）", "（5）", new, comparison_key(new), (0, len(new)))
    return ClauseChange("modified", a, b, similarity, char_diff(old, new))


def _moves(changes) -> set[tuple[str, str]]:
    return {(figure(q.old), figure(q.new)) for q in changes if q.change == "changed"}


def test_units_of_one_dimension():
    assert same_dimension("天", "小时") and same_dimension("mg", "毫克") and same_dimension("天", "天")
    assert not same_dimension("天", "次") and not same_dimension("例", "人")


def test_metric_reads_past_list_markers_and_comparator_words():
    assert metric_similarity("1.体温恢复正常…以上", "体温正常超过…") >= 80
    assert metric_similarity("可解除集中隔离医学观察", "每日") < 60


def test_discharge_temperature_rule_moves_from_days_to_hours():
    # 诊疗方案 9th → 10th: 出院标准 “体温恢复正常3天以上” → “体温正常超过24小时”.
    old = ("十二、重症病例的治疗\n患者应卧床休息，密切监测生命体征。\n"
           "十三、出院标准及注意事项\n（一）出院标准。\n1.体温恢复正常3天以上；\n2.呼吸道症状明显好转；\n"
           "3.肺部影像学显示急性渗出性病变明显改善；\n")
    new = ("十二、重症病例的治疗\n患者应卧床休息，密切监测生命体征。\n"
           "十三、住院患者的出院标准\n病情明显好转，生命体征平稳，体温正常超过24小时，"
           "肺部影像学显示急性渗出性病变明显改善，可考虑出院。\n")
    assert ("≥3天", ">24小时") in _moves(diff(tree_of(old), tree_of(new)).quantities)


def test_comparator_alone_needs_a_well_aligned_clause():
    old = "（8）用有效氯500mg/L的含氯消毒液浸泡作用30分钟后再清洗。"
    new = "（5）毛巾、衣物等物品宜单独清洗，必要时用含氯消毒液浸泡作用30分钟以上。"
    assert not _moves(text_quantity_changes(_pair(old, new, 45.0)))
    close = "（8）用有效氯500mg/L的含氯消毒液浸泡作用30分钟以上再清洗。"
    assert ("30分钟", "≥30分钟") in _moves(text_quantity_changes(_pair(old, close, 92.0)))


def test_figures_written_in_a_new_order_are_kept():
    # 诊疗方案 9th → 10th: the same doses of two drugs, the drug name now first.
    old = "（二）用法：300mg PF-07321332与100mg利托那韦同时服用，每12小时一次，连续服用5天。"
    new = "（二）用法：奈玛特韦300mg与利托那韦100mg同时服用，每12小时一次，连续服用5天。"
    assert not _moves(text_quantity_changes(_pair(old, new, 75.0)))


def test_different_measures_in_one_rewrite_do_not_pair():
    # 防控方案 8th → 9th, 附件11 → 附件13: 14天 → 7天 of quarantine, but 7天 after onset is no 3天.
    old = "1.入境人员管理。对入境人员实施14天隔离医学观察措施，在发病7天后增加一次新冠病毒核酸检测。"
    new = "1.入境人员管理。对入境人员实施“7天集中隔离医学观察+3天居家健康监测”管理措施，在3天居家健康监测的第3天开展一次核酸检测。"
    moves = _moves(text_quantity_changes(_pair(old, new, 58.0)))
    assert ("14天", "7天") in moves and ("7天", "3天") not in moves


@given(st.sampled_from(["天", "小时", "分钟", "次", "例", "mg", "%"]),
       st.sampled_from(["天", "小时", "分钟", "次", "例", "mg", "%"]))
def test_dimension_is_symmetric(a, b):
    assert same_dimension(a, b) == same_dimension(b, a)


def test_a_second_like_figure_is_added_and_the_kept_one_stays():
    # source: 保障中小企业款项支付条例 2020 → 2025, 第八条 → 第九条
    old = "第八条 应当自交付之日起30日内支付款项；付款期限最长不得超过60日。大型企业应当合理约定付款期限。"
    new = ("第九条 应当自交付之日起30日内支付款项；付款期限最长不得超过60日。"
           "大型企业应当自交付之日起60日内支付款项。")
    changes = text_quantity_changes(_pair(old, new, 80.0))
    assert [(q.change, q.new.value) for q in changes] == [("added", 60.0)]


def test_a_fine_restated_in_another_unit_is_one_change():
    # source: 消耗臭氧层物质管理条例 2018 → 2023, 第三十七条 → 第三十六条
    old = "由环境保护主管部门责令改正，处进行无害化处置所需费用3倍的罚款。"
    new = "由生态环境主管部门责令改正，处10万元以上50万元以下的罚款。"
    assert ("3倍", "10～50万元") in _moves(text_quantity_changes(_pair(old, new, 70.0)))
