"""A regulation's header history: dated by its latest act, numbered by its latest order."""
from __future__ import annotations

from extractor.diff import diff
from extractor.diff.header import read_history
from tests.diff.conftest import tree_of

# source: 全国年节及纪念日放假办法, headers of the 2013 and 2024 editions (public law archive)
OLD = ("# 全国年节及纪念日放假办法\n1949年12月23日 政务院发布　\n"
       "2007年12月14日 《国务院关于修改〈全国年节及纪念日放假办法〉的决定》第二次修订\n<!-- INFO END -->\n"
       "第一条 为统一全国年节及纪念日的假期，制定本办法。\n第二条 全体公民放假的节日：\n（一）元旦，放假1天（1月1日）；\n")
NEW = OLD.replace("第二次修订\n", "第二次修订\n2024年11月10日 《国务院关于修改〈全国年节及纪念日放假办法〉的决定》第四次修订）\n")


def test_latest_act_dates_the_version():
    history = read_history(NEW)
    assert history.date == "2024-11-10"
    assert [a.date for a in history.acts] == ["1949-12-23", "2007-12-14", "2024-11-10"]


def test_latest_order_numbers_the_version():
    # source: 保障中小企业款项支付条例 (2025) header
    history = read_history("# 保障中小企业款项支付条例\n2020年7月5日 中华人民共和国国务院令第728号公布\n"
                           "2025年3月17日 中华人民共和国国务院令第802号修订）\n## 第一章 总 则\n"
                           "第一条 为了促进机关、事业单位和大型企业及时支付中小企业款项，制定本条例。\n")
    assert history.order == "中华人民共和国国务院令第802号" and history.date == "2025-03-17"


def test_dates_in_articles_are_no_history():
    assert read_history("第一条 本条例自2020年9月1日起施行。\n").acts == ()


def test_a_revision_added_to_the_header_is_reported():
    meta = {m.field: m for m in diff(tree_of(OLD, "old.md"), tree_of(NEW, "new.md")).meta}
    assert meta["date"].new == "2024-11-10"
    assert meta["revisions"].new == ("2024年11月10日 《国务院关于修改〈全国年节及纪念日放假办法〉的决定》第四次修订",)


def test_history_lines_are_metadata_not_clauses():
    d = diff(tree_of(OLD, "old.md"), tree_of(NEW, "new.md"))
    assert not any("修订" in (c.new or c.old).text for c in d.clauses)
    assert d.count("added") == 0
