"""The changes a reader of the real version pairs would name are the ones the diff reports."""
from __future__ import annotations

from extractor.diff import PolicyDiff


def _clause(d: PolicyDiff, ref: str):
    return next(c for c in d.clauses if (c.new and c.new.ref == ref) or (c.old and c.old.ref == ref))


def _replaced(d: PolicyDiff, ref: str) -> set[tuple[str, str]]:
    return {(k.old, k.new) for k in _clause(d, ref).chunks if k.op != "equal"}


def _changed(d: PolicyDiff) -> set[tuple[str, str]]:
    return {(q.old.text, q.new.text) for q in d.quantities if q.change == "changed"}


def test_land_measure_revision_rewrites_clauses_two_four_five(land_diff):
    status = {c.new.ref: c.status for c in land_diff.clauses if c.new and c.new.marker}
    assert status["二、"] == status["四、"] == status["五、"] == "modified"
    for ref in ("一、", "三、", "三、（一）", "三、（二）", "三、（三）", "三、（四）"):
        assert status[ref] == "unchanged", ref  # 30﹪ → 30% and ；→; are no change


def test_land_measure_renamed_office_and_approving_body(land_diff):
    assert ("房地产交易", "不动产登记") in _replaced(land_diff, "二、")
    assert ("每月两次", "") in _replaced(land_diff, "二、")
    assert ("管委会", "环境与国土资源局") in _replaced(land_diff, "四、")
    five = _clause(land_diff, "五、")
    assert any("同时废止" in k.new for k in five.chunks if k.op == "insert")


def test_land_measure_drops_twice_a_month(land_diff):
    dropped = [q for q in land_diff.quantities if q.change == "removed"]
    assert any(q.old.value == 2 and q.old.unit == "次" and q.old.ref == "二、"
               and "每月两次" in q.old.evidence for q in dropped)


def test_land_measure_approval_moves_to_the_land_bureau(land_diff):
    four = [o for o in land_diff.owners if o.new_ref == "四、"]
    assert any(any("管委会" in name for name in o.old_owners)
               and any("环境与国土资源局" in name for name in o.new_owners) for o in four)


def test_treatment_plan_infectious_period_and_incubation(treatment_diff):
    assert ("5", "3") in _replaced(treatment_diff, "二、（一）")
    moved = {(q.old.value, q.old.value_max, q.new.value, q.new.value_max, q.new.unit)
             for q in treatment_diff.quantities if q.change == "changed"}
    assert (5, None, 3, None, "天") in moved  # 发病后5天内传染性较强 → 3天内传染性最强
    assert (1, 14, 2, 4, "天") in moved  # 潜伏期1～14天 → 多为2～4天


def test_prevention_plan_transfer_of_close_contacts_within_8_hours(prevention_diff):
    changed = [q for q in prevention_diff.quantities if q.change == "changed"]
    assert any(q.old.value == 12 and q.new.value == 8 and q.new.unit == "小时"
               and "密切接触者" in q.old.evidence + q.new.evidence for q in changed)


def test_prevention_plan_incubation_shorter_and_clusters_redefined(prevention_diff):
    moved = {(q.old.value, q.old.value_max, q.new.value, q.new.value_max, q.new.unit)
             for q in prevention_diff.quantities if q.change == "changed"}
    assert (3, 7, 2, 4, "天") in moved  # 多为3-7天 → 多为2-4天
    assert any(q.old.value == 5 and q.new.value == 2 and q.new.unit == "例"
               for q in prevention_diff.quantities if q.change == "changed")  # 聚集性疫情 5例 → 2例


def test_prevention_plan_keeps_its_headings(prevention_diff):
    for ref in ("一、", "二、", "三、", "四、"):
        assert _clause(prevention_diff, ref).status in ("unchanged", "modified")
    assert prevention_diff.count("unchanged") > 100


def test_prevention_plan_quarantine_of_arrivals_from_14_to_7_days(prevention_diff):
    changed = [q for q in prevention_diff.quantities if q.change == "changed"]
    assert any(q.old.value == 14 and q.new.value == 7 and q.new.unit == "天"
               and "入境" in q.old.evidence and "入境" in q.new.evidence for q in changed)
    # 密切接触者: 14天集中隔离 → “7天集中隔离医学观察+3天居家健康监测”
    assert any(q.old.value == 14 and q.new.value == 7 and "密切接触者" in q.new.evidence + q.metric
               for q in changed)


def test_moved_figures_are_not_read_as_changed(prevention_diff):
    for q in prevention_diff.quantities:
        if q.change == "changed":
            assert (q.old.value, q.old.value_max, q.old.comparator) != (q.new.value, q.new.value_max,
                                                                      q.new.comparator)


def _by_old(d: PolicyDiff, ref: str):
    return next(c for c in d.clauses if c.old and c.old.ref == ref)


def test_land_measure_revision_adds_and_removes_no_clause(land_diff):
    # The revision rewrites clauses in place; “特此通知” only got its own line.
    assert land_diff.count("added") == land_diff.count("removed") == 0


def test_treatment_plan_discharge_rule_from_3_days_to_24_hours(treatment_diff):
    heading = _by_old(treatment_diff, "十三、（二）")  # （二）出院标准。 → 十四、住院患者的出院标准
    assert heading.new.ref == "十四、" and heading.status == "modified"
    assert any(q.old.value == 3 and q.old.unit == "天" and q.new.value == 24 and q.new.unit == "小时"
               and "体温" in q.old.evidence and "体温" in q.new.evidence
               for q in treatment_diff.quantities if q.change == "changed")


def test_treatment_plan_doses_written_in_a_new_order_are_no_change(treatment_diff):
    # 300mg PF-07321332与100mg利托那韦 → 奈玛特韦300mg与利托那韦100mg: the same doses.
    assert not any(q.unit == "mg" for q in (q.old for q in treatment_diff.quantities
                                            if q.change == "changed"))


def test_prevention_plan_annexes_renumbered_keep_their_clauses(prevention_diff):
    # 附件2 监测方案's sequencing unit moved to 附件12 标本采集和检测技术指南, rewritten.
    sequencing = next(c for c in prevention_diff.clauses if c.old and c.old.text.startswith("（1）测序单位"))
    assert sequencing.status == "modified" and sequencing.new.ref.startswith("附件12")
    # 附件4 密切接触者判定与管理指南 became 附件5; 12小时 → 8小时 inside it.
    contacts = _by_old(prevention_diff, "附件4 二、（一）1.")
    assert contacts.new.ref == "附件5 二、（一）1." and contacts.status == "modified"


def test_prevention_plan_new_and_dropped_annexes_stand_out(prevention_diff):
    def share(side: str, prefix: str, status: str) -> float:
        rows = [c for c in prevention_diff.clauses
                if getattr(c, side) and getattr(c, side).ref.split(" ")[0] == prefix]
        return sum(c.status == status for c in rows) / len(rows)

    assert share("new", "附件6", "added") > 0.9  # 风险区划定及管控方案 is new in the 9th edition
    assert share("new", "附件7", "added") > 0.9  # 区域核酸检测策略 too
    assert share("old", "附件3-2", "removed") > 0.9  # 聚集性疫情调查与分析方法 was dropped
    assert share("new", "附件12", "added") < 0.1  # 标本采集和检测 (old 附件10) carried over


def test_prevention_plan_reports_comparator_changes_only_in_well_aligned_clauses(prevention_diff):
    # 有效氯40mg/L以上 → 约40mg/L in a clause kept nearly word for word is a change; 作用30分钟
    # → 30分钟以上 between two clauses that merely share a topic is a guess.
    similarity = {(c.old.ref, c.new.ref): c.similarity for c in prevention_diff.clauses if c.old and c.new}
    rewordings = [q for q in prevention_diff.quantities if q.change == "changed"
                  and (q.old.value, q.old.value_max) == (q.new.value, q.new.value_max)]
    assert any(q.old.unit == "mg/L" and q.new.comparator == "~" for q in rewordings)
    for q in rewordings:
        assert similarity.get((q.old.ref, q.new.ref), 0) >= 80, q
