"""Clauses are cut where a reader cites them, also in text a web page flattened to one line."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.diff.clauses import comparison_key, display, split_clauses
from tests.diff.conftest import LAND_2015, tree_of


def test_flattened_web_text_splits_on_list_markers():
    clauses = split_clauses(tree_of(LAND_2015.read_text(encoding="utf-8")))
    refs = [c.ref for c in clauses]
    for ref in ("一、", "二、", "三、", "三、（一）", "三、（二）", "三、（三）", "三、（四）", "四、", "五、"):
        assert ref in refs
    # 第十二条 inside a sentence is a cross-reference, not a new article.
    third = next(c for c in clauses if c.ref == "三、（三）")
    assert "第十二条规定执行" in third.text


def test_numerals_in_running_text_open_no_clause():
    text = ("五、疫情处置\n（一）密切接触者管理。对密切接触者采取14天的集中隔离医学观察，"
            "在集中隔离医学观察的第1、4、7和14天分别进行一次核酸检测。\n"
            "1、2、3、5、7天各开展一次核酸检测。\n（二）转运。发现的病例应在2小时内转运。")
    refs = [c.ref for c in split_clauses(tree_of(text))]
    assert refs[:2] == ["五、", "五、（一）"]
    assert "五、（二）" in refs
    assert not any(r.endswith("1.") or r.endswith("1、") for r in refs)


def test_short_heading_line_is_its_own_clause():
    text = "一、总体要求\n坚持“预防为主、防治结合、依法科学、分级分类”的原则。\n二、病原学特点\n人群普遍易感。"
    clauses = split_clauses(tree_of(text))
    assert [c.text for c in clauses][:2] == ["一、总体要求", "坚持“预防为主、防治结合、依法科学、分级分类”的原则。"]
    assert clauses[1].ref == "一、¶1"


def test_key_drops_marker_and_layout():
    clauses = split_clauses(tree_of("（二）疫苗接种。\n1.做好18 周岁及以上人群\n接种工作。"))
    item = next(c for c in clauses if c.marker == "1.")
    assert item.key == comparison_key("做好18周岁及以上人群接种工作。")
    assert display("18 周岁及\n以上") == "18周岁及以上"


@given(st.text(alphabet="一二三、（）1.。第条章附件\n平潭区管委会审批天", max_size=120))
def test_clauses_are_ordered_and_inside_the_text(text):
    tree = tree_of(text)
    clauses = split_clauses(tree)
    ends = [c.span for c in clauses]
    assert all(0 <= s < e <= len(tree.text) for s, e in ends)
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))
    assert [c.index for c in clauses] == list(range(len(clauses)))


# source: 全国年节及纪念日放假办法 (2013), Markdown export of a public law archive
HOLIDAYS = ("# 全国年节及纪念日放假办法\n1949年12月23日 政务院发布\n<!-- INFO END -->\n"
            "## 第一章 总 则\n第一条 为统一全国年节及纪念日的假期，制定本办法。\n"
            "第二条 全体公民放假的节日：\n(一)新年，放假1天(1月1日)；\n"
            "(二)春节，放假3天(农历正月初一、初二、初三)；\n"
            "第三条 音像制品经营者变更名称的，应当办理审批。\n音像制品经营者终止经营的，应当备案。\n"
            "## 第二章 法律责任\n第四条 违反前款第（一）项、第（二）项规定的，责令改正。\n")


def test_markup_and_inline_numerals_make_no_clauses():
    clauses = split_clauses(tree_of(HOLIDAYS, "holidays.md"))
    texts = [c.text for c in clauses]
    assert not any("INFO END" in t or "#" in t for t in texts)  # crawler and Markdown markup
    assert "（二）春节，放假3天（农历正月初一、初二、初三）；" in texts  # 初一、初二 is no list
    refs = [c.ref for c in clauses]
    assert not any(r.endswith("（一）") or r.endswith("（二）") for r in refs if "第四条" in r)


def test_an_article_label_stays_with_its_body():
    clauses = split_clauses(tree_of(HOLIDAYS, "holidays.md"))
    article = next(c for c in clauses if c.ref.endswith("第三条"))
    assert article.text.startswith("第三条 音像制品经营者变更名称的")
    assert not any(c.text in ("第三条", "第四条") for c in clauses)


def test_a_label_on_its_own_line_or_in_bold_heads_its_article():
    text = ("**第一条** 为统一全国年节及纪念日的假期，制定本办法。\n"
            "第二条\n全体公民放假的节日：\n（一）元旦，放假1天（1月1日）；\n"
            "第三条\n\n部分公民放假的节日及纪念日。\n")
    clauses = split_clauses(tree_of(text, "holidays.md"))
    assert [c.ref for c in clauses] == ["第一条", "第二条", "第二条（一）", "第三条"]
    assert clauses[1].text == "第二条 全体公民放假的节日："


def test_article_numbers_run_on_across_chapters():
    text = ("## 第一章 总 则\n**第一条** 为了规范管理，制定本条例。\n"
            "## 第二章 管理部门及其职责\n**第二条** 市出版主管部门的主要职责是：\n（一）贯彻执行有关法律；\n")
    refs = [c.ref for c in split_clauses(tree_of(text, "rules.md"))]
    assert refs == ["第一章", "第一章第一条", "第二章", "第二章第二条", "第二章第二条（一）"]


def test_an_excerpt_may_skip_article_numbers():
    text = "第二条 本条例适用于本市。\n第四条 本市保护经营者的合法权益。\n第五条 本市实行许可制度。\n"
    assert [c.ref for c in split_clauses(tree_of(text, "excerpt.md"))] == ["第二条", "第四条", "第五条"]
