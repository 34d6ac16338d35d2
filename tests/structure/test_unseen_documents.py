"""Structure and metadata of real documents from other provinces and ministries.

The fixtures in tests/fixtures/structure/ are excerpts of published documents that are
not in the bundled corpus (sources in tests/fixtures/structure/SOURCES.md): a State
Council opinion, provincial and county notices, a State Council order with its
regulation printed in wrapped lines, a provincial regulation and a web page.
"""
from __future__ import annotations

import pytest

from extractor.ingest import load
from extractor.model import DocTree
from extractor.pipeline import parse_raw
from tests.conftest import FIXTURES

HERE = FIXTURES / "structure"


def _tree(name: str) -> DocTree:
    return parse_raw(load(HERE / name))


@pytest.mark.parametrize("name, expected", [
    ("guofa_2023_16_neimenggu.txt", dict(
        title="国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见",
        doc_number="国发〔2023〕16号", issuer="国务院",
        recipients=("各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"))),
    ("xiangzhengbanfa_2009_24.txt", dict(
        title="湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知",
        doc_number="湘政办发〔2009〕24号", issuer="湖南省人民政府办公厅",
        recipients=("各市州、县市区人民政府", "省政府各厅委", "各直属机构"))),
    ("wanzhengban_2008_33.txt", dict(
        title="安徽省人民政府办公厅关于印发安徽省省级预算管理办法的通知",
        doc_number="皖政办〔2008〕33号", issuer="安徽省人民政府办公厅", date="2008-06-25",
        recipients=("省政府各部门", "各直属机构"))),
    ("yuefuban_2023_5.txt", dict(
        title="广东省人民政府办公厅关于印发广东省进一步加鼎力度支持民间投资生长实行方案的通知",
        doc_number="粤府办〔2023〕5号", issuer="广东省人民政府办公厅", date="2023-03-17",
        recipients=("各地级以上市人民政府", "省政府各部门", "各直属机构"))),
    ("dongyang_2023_canjiren.txt", dict(
        title="东阳市人民政府办公室关于印发《东阳市促进残疾人就业行动实施方案（2023—2025年）》的通知",
        issuer="东阳市人民政府办公室", date="2023-03-13", period=(2023, 2025),
        recipients=("各镇、乡人民政府", "各街道办事处", "市政府各部门"))),
    ("guowuyuanling_227_1997.txt", dict(
        doc_number="中华人民共和国国务院令第227号", issuer="国务院", signer="李鹏",
        date="1997-08-03")),
    ("guizhou_yuye_tiaoli_2005.txt", dict(title="贵州省渔业条例", date="2005-11-25")),
    ("jinzhengfa_2018_13.html", dict(issuer="山西省人民政府", date="2018-03-27")),
    ("chengdu_2024_qianrushi.txt", dict(
        title="成都市发展和改革委员会 中共成都市委社会工作部 成都市规划和自然资源局 成都市住房和城乡建设局"
              "关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知",
        issuer="成都市发展和改革委员会",  # a joint notice: the lead body comes first
        recipients=("各区（市）县政府（管委会）", "市级有关部门", "有关单位"))),
    # a web page's metadata block: 索引号 is no title, 主题分类: and 发文机构: are no addressees
    ("zhenzhengfa_2024_7.txt", dict(title="镇巴县人民政府工作规则", doc_number="镇政发〔2024〕7号",
                                    date="2024-04-06", recipients=())),
])
def test_metadata_of_unseen_documents(name, expected):
    meta = _tree(name).meta
    assert {key: getattr(meta, key) for key in expected} == expected


def test_regulation_chapters_and_articles_without_spaces():
    # 第一章总则 / 第一条为了…: the printed order sets no space after the marker.
    sections = _tree("guowuyuanling_227_1997.txt").sections
    assert [(s.number, s.level) for s in sections] == [
        ("第一章", 1), ("第一条", 2), ("第二条", 2), ("第三条", 2), ("第二章", 1), ("第四条", 2)]
    assert sections[0].title == "总则"
    # 遵循精简、统一、高效的原则: 一、 ends the word 统一, it starts no list.
    assert all(s.number != "一" for s in sections)


def test_letter_spaced_chapter_title_is_read_whole():
    sections = _tree("guizhou_yuye_tiaoli_2005.txt").sections
    chapters = [(s.number, s.title) for s in sections if s.kind == "chapter"]
    assert chapters == [("第一章", "总则"), ("第二章", "养殖生产")]
    assert [s.number for s in sections if s.kind == "article"] == ["第一条", "第二条", "第三条", "第四条", "第五条"]


def test_heading_levels_of_a_provincial_plan():
    sections = _tree("yuefuban_2023_5.txt").sections
    assert [(s.number, s.level) for s in sections] == [("一", 1), ("（一）", 2), ("1", 3), ("2", 3)]
    assert sections[1].title == "支持民间投资介入重大工程项目建设"


def test_web_page_paragraphs_stay_apart():
    tree = _tree("jinzhengfa_2018_13.html")
    assert "山西省人民政府\n2018年3月27日\n（此件公开发布）\n山西省激发重点群体活力带动城乡居民增收的实施方案\n" in tree.text
    assert [(s.number, s.title) for s in tree.sections] == [("一", "指导思想"), ("二", "总体目标")]
