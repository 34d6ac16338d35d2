"""Alignment follows clauses through renumbering, moves, splits, additions and removals."""
from __future__ import annotations

from extractor.diff import diff
from tests.diff.conftest import tree_of

OLD = ("一、总体要求\n坚持预防为主、防治结合、依法科学、分级分类的原则。\n"
       "二、公共措施\n（一）宣传教育。充分发挥互联网、微博、微信、客户端等新媒体作用，全方位开展防控知识宣传教育。\n"
       "（二）疫苗接种。做好边境口岸等重点地区人群接种工作，降低人群感染和发病风险。\n"
       "（三）爱国卫生运动。持续推进城乡环境整治，不断完善公共卫生设施。\n"
       "三、疫情监测\n各级各类医疗机构对病例应在2小时内通过中国疾病预防控制信息系统进行网络直报。\n")
NEW = ("一、总体要求\n坚持预防为主、防治结合、依法科学、分级分类的原则。\n"
       "二、公共措施\n（一）爱国卫生运动。持续推进城乡环境整治，不断完善公共卫生设施。\n"
       "（二）宣传教育。充分发挥互联网、微博、微信、客户端等新媒体作用，全方位开展防控知识宣传教育。\n"
       "（三）疫苗接种。做好边境口岸等重点地区人群接种工作，降低人群感染和发病风险，重点提高老年人群接种率。\n"
       "三、疫情监测\n各级各类医疗机构对病例应在2小时内通过中国疾病预防控制信息系统进行网络直报。\n"
       "四、实验室检测\n核酸检测机构应当在12小时内反馈实验室检测结果。\n")


def _by_text(d, start):
    return next(c for c in d.clauses if (c.new or c.old).text.find(start) >= 0)


def test_renumbered_clause_is_unchanged_not_removed_and_added():
    d = diff(tree_of(OLD), tree_of(NEW))
    publicity = _by_text(d, "宣传教育")
    assert (publicity.old.ref, publicity.new.ref) == ("二、（一）", "二、（二）")
    assert publicity.status in ("unchanged", "moved")


def test_moved_clause_is_marked_moved():
    d = diff(tree_of(OLD), tree_of(NEW))
    statuses = {(c.old.ref if c.old else None): c.status for c in d.clauses}
    assert "moved" in statuses.values()
    patriotic = _by_text(d, "爱国卫生运动")
    assert patriotic.old.ref == "二、（三）" and patriotic.new.ref == "二、（一）"


def test_extended_clause_is_modified_with_the_insertion():
    d = diff(tree_of(OLD), tree_of(NEW))
    vaccine = _by_text(d, "疫苗接种")
    assert vaccine.status == "modified"
    assert [k.new for k in vaccine.chunks if k.op == "insert"] == ["，重点提高老年人群接种率"]


def test_new_section_is_added_and_nothing_is_lost():
    d = diff(tree_of(OLD), tree_of(NEW))
    assert {c.new.ref for c in d.clauses if c.status == "added"} == {"四、", "四、¶1"}
    assert d.count("removed") == 0
    assert sorted(c.new.index for c in d.clauses if c.new) == list(range(len([c for c in d.clauses if c.new])))


def test_split_clause_pieces_point_at_their_origin():
    old = "五、疫情处置\n（一）传染源控制。确诊病例应在2小时内转运至定点医疗机构。疑似病例应单人单间隔离，连续两次核酸检测阴性可排除。\n"
    new = ("五、疫情处置\n（一）传染源控制。确诊病例应在2小时内转运至定点医疗机构。\n"
           "（二）疑似病例。疑似病例应单人单间隔离，连续两次核酸检测阴性可排除。\n")
    d = diff(tree_of(old), tree_of(new))
    piece = _by_text(d, "疑似病例。疑似病例")
    assert piece.relation == "split" and piece.old.ref == "五、（一）"


def test_identical_documents_have_no_changes():
    d = diff(tree_of(OLD), tree_of(OLD))
    assert not d.changed() and not d.quantities and not d.owners
