"""Citations 《…》 on sentences from the bundled corpus."""
from __future__ import annotations

import hashlib

from hypothesis import given, settings, strategies as st

from extractor.extraction.citations import clean_title, find_citations, is_policy_title
from extractor.model import RawDocument
from extractor.pipeline import parse_raw


def tree(text: str):
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_raw(RawDocument(path="snippet.txt", format="txt", sha256=sha, pages=(text,)))


def test_titles_and_document_numbers():
    text = ("为贯彻落实《国务院办公厅关于印发2022年政务公开工作要点的通知》（国办发〔2022〕8号）和"
            "《福建省人民政府办公厅关于印发2022年全省政务公开工作主要任务分解表的通知》（闽政办函〔2022〕28号）"
            "精神，现将《2022年全区政务公开工作主要任务分解表》印发给你们，请认真组织实施。")
    found = [(c.title, c.doc_number) for c in find_citations(tree(text))]
    assert found == [
        ("国务院办公厅关于印发2022年政务公开工作要点的通知", "国办发〔2022〕8号"),
        ("福建省人民政府办公厅关于印发2022年全省政务公开工作主要任务分解表的通知", "闽政办函〔2022〕28号"),
        ("2022年全区政务公开工作主要任务分解表", None),
    ]


def test_title_broken_across_lines_keeps_its_period():
    text = ("深入落实省、市关于\n\n秦创原建设的系列部署和《秦创原创新驱动平台建设三年行动计\n\n"
            "划（2024—2026年）》，进一步卓有成效地推进秦创原总窗口")
    assert [c.title for c in find_citations(tree(text))] == ["秦创原创新驱动平台建设三年行动计划（2024—2026年）"]


def test_quoted_name_inside_a_title_stays():
    text = "①用好《西咸新区关于推进科技成果转化\n\n创新试点•促进“三项改革”的若干措施》及配套政策"
    assert [c.title for c in find_citations(tree(text))] == ["西咸新区关于推进科技成果转化创新试点•促进“三项改革”的若干措施"]


def test_one_entry_per_title_and_the_number_from_any_mention():
    text = ("关于印发《平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法（修订）》的通知……"
            "《平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法》（岚综管办〔2015〕11号）同时废止。"
            "五、本《实施办法》自下发之日起施行。本《实施办法》由区环境与国土资源局负责解释。")
    found = find_citations(tree(text))
    assert [c.title for c in found] == [
        "平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法（修订）",
        "平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法",
        "实施办法",
    ]
    assert found[1].doc_number == "岚综管办〔2015〕11号"


def test_laws_are_cited_and_newspapers_are_not():
    text = ("根据《中华人民共和国科学技术进步法》和其他有关法律、行政法规，结合本市实际，制定本条例。"
            "《人民日报》《科技日报》先后报道了有关做法。")
    assert [c.title for c in find_citations(tree(text))] == ["中华人民共和国科学技术进步法"]


def test_nested_angle_brackets_are_part_of_the_title():
    text = "依照《全国人民代表大会常务委员会关于修改〈中华人民共和国科学技术进步法〉的决定》执行。"
    assert [c.title for c in find_citations(tree(text))] == [
        "全国人民代表大会常务委员会关于修改〈中华人民共和国科学技术进步法〉的决定"]


def test_genre_rule():
    assert is_policy_title("新污染物治理行动方案")
    assert is_policy_title("西咸新区推进西安—咸阳一体化发展三年行动计划（2024-2026年）")
    assert not is_policy_title("光明日报")
    assert clean_title("关于印\n\n发国家科技成果转移转化示范区建设指引的通知") == "关于印发国家科技成果转移转化示范区建设指引的通知"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="《》〈〉（）关于印发办法通知\n 2022〔〕号国办发", max_size=60))
def test_spans_point_at_brackets(text):
    t = tree(text)
    for c in find_citations(t):
        start, end = c.span
        assert 0 <= start < end <= len(t.text)
        assert t.text[start] == "《" and t.text[end - 1] == "》"


def test_document_numbers_in_any_bracket_read_in_one_form():
    # 湘政办发〔2009〕24号 as a PDF font gives its 〔〕 (tests/fixtures/structure/SOURCES.md)
    text = ("根据《国务院办公厅关于加强普通高等学校毕业生就业工作的通知》(国办发„2009‟3号)精神,结合我省实际。"
            "为贯彻落实《浙江省人民政府办公厅关于印发〈浙江省促进残疾人就业行动方案(2022—2025年)〉的通知》"
            "(浙政办发[2022]59号)精神。")
    found = [(c.title, c.doc_number) for c in find_citations(tree(text))]
    assert found == [
        ("国务院办公厅关于加强普通高等学校毕业生就业工作的通知", "国办发〔2009〕3号"),
        ("浙江省人民政府办公厅关于印发〈浙江省促进残疾人就业行动方案（2022—2025年）〉的通知", "浙政办发〔2022〕59号"),
    ]


def test_a_genre_defined_as_a_short_form_is_no_citation_of_its_own():
    # source: https://www.ppdoc.com/periodical/6083a734ab76409aa4dec4edc2cd5392.html
    text = ("1996年5月3日,中共中央办公厅在印发的《中国共产党机关公文处理条例》(以下简称《条例》)中,首次将“意见”"
            "列为中国共产党机关公文文种。之后,国务院于2001年1月1日起正式施行的《国家行政机关公文处理办法》"
            "(以下简称《办法》)中,将“意见”正式列入了国家行政机关的公文文种。这样,“意见”被《条例》和《办法》共同列为正式文种。")
    assert [c.title for c in find_citations(tree(text))] == ["中国共产党机关公文处理条例", "国家行政机关公文处理办法"]


def test_a_genre_with_a_note_and_a_genre_defined_after_a_document_number():
    # source: https://www.shenyang.gov.cn/zwgk/qtzfxx/zfgg/202212/t20221206_4342086.html
    text = ("市十七届人大常委会第六次会议于2022年12月1日对市人民政府提报的《沈阳市社会信用条例(草案)》"
            "(以下简称《条例(草案)》)进行了初次审议。现将《条例(草案)》全文公布,广泛征求意见。")
    assert [c.title for c in find_citations(tree(text))] == ["沈阳市社会信用条例（草案）"]
    # source: https://shui5.cn/article/7c/169715.html
    text = ("为贯彻《国务院关于进一步推进长江三角洲地区改革开放和经济社会发展的指导意见》(国发[2008]30号,"
            "以下简称《指导意见》)精神,现结合我省实际,按照突出重点的原则,提出以下实施意见。")
    assert [c.title for c in find_citations(tree(text))] == [
        "国务院关于进一步推进长江三角洲地区改革开放和经济社会发展的指导意见"]


def test_a_defined_short_name_is_cited_and_an_undefined_tail_refers_back():
    # source: n07 of the dev corpus (state council reply on the Xiong'an master plan, gov.cn)
    text = ("一、原则同意《河北雄安新区总体规划（2018—2035年）》（以下简称《总体规划》）。"
            "《总体规划》以习近平新时代中国特色社会主义思想为指导。")
    assert [c.title for c in find_citations(tree(text))] == ["河北雄安新区总体规划（2018—2035年）", "总体规划"]
    # the same title written later without the definition is the plan cited before
    assert [c.title for c in find_citations(tree(text.replace("（以下简称《总体规划》）", "")))] == [
        "河北雄安新区总体规划（2018—2035年）"]


def test_a_document_number_with_a_bracketed_part_or_followed_by_a_definition():
    # source: http://law805.infoeach.com/view-ODA1fDEyNTMzMg==.html (国家民委办公厅等关于严格执行变更民族成分有关规定的通知)
    text = ("二、公民申请变更民族成分,须严格按照国家民委、国务院第四次人口普查领导小组、公安部"
            "《关于中国公民确定民族成分的规定》(民委(政)字〔1990〕217号)办理。")
    assert [(c.title, c.doc_number) for c in find_citations(tree(text))] == [
        ("关于中国公民确定民族成分的规定", "民委（政）字〔1990〕217号")]
    # source: https://shui5.cn/article/7c/169715.html (浙政发[2009]69号)
    text = ("为贯彻《国务院关于进一步推进长江三角洲地区改革开放和经济社会发展的指导意见》(国发[2008]30号,"
            "以下简称《指导意见》)精神,现结合我省实际,提出以下实施意见。")
    assert [c.doc_number for c in find_citations(tree(text))] == ["国发〔2008〕30号"]


def test_county_task_divisions_and_responsibility_splits_are_documents():
    # source: 沁县人民政府办公室 2025年5月18日 and 金乡县人民政府 2025年2月28日 (county notices
    # issuing the year's task division of the government work report)
    text = ("经县政府同意，现将《2025年县<政府工作报告>任务分解》《2025年十五件民盼实事任务分解》印发给你们。"
            "县政府研究确定了《2025年金乡县政府重要工作事项责任分工》，现印发给你们。")
    assert [c.title for c in find_citations(tree(text))] == [
        "2025年县<政府工作报告>任务分解", "2025年十五件民盼实事任务分解", "2025年金乡县政府重要工作事项责任分工"]
