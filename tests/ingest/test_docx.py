"""DOCX ingest: paragraphs with Word's list numbers, tables as cells, document order, pages."""
from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from extractor import ingest
from extractor.errors import IngestError

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# The numbering Chinese plans use: 一、 for headings, （一） under them, 1. under those.
CHINESE_LIST = f"""<w:abstractNum {W} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
CHINESE_NUM = f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _number(paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def _plan() -> bytes:
    """A small Word plan built from sentences of the Pingtan new-pollutants plan."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(CHINESE_LIST))  # abstract definitions precede the nums
    numbering.append(parse_xml(CHINESE_NUM))
    document.core_properties.title = "平潭综合实验区新污染物治理工作方案"
    document.add_paragraph("平潭综合实验区新污染物治理工作方案", style="Title")
    document.add_paragraph("")  # spacing paragraphs carry no text
    _number(document.add_paragraph("总体要求"), 0)
    document.add_paragraph("全面贯彻落实党的二十大精神，深入贯彻习近平生态文明思想。")
    _number(document.add_paragraph("工作目标"), 1)
    _number(document.add_paragraph("到2025年，基本掌握重点区域、重点园区、重点行业有毒有害化学物质生产使用状况。"), 2)
    _number(document.add_paragraph("完成一批化学物质环境风险筛查。"), 2)
    _number(document.add_paragraph("主要任务"), 0)
    _number(document.add_paragraph("完善法规制度"), 1)
    _number(document.add_paragraph("建立健全新污染物治理体系。"), 2)
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ("工作任务", "牵头单位", "配合单位")):
        cell.text = text
    table.cell(1, 0).text = "开展新污染物环境调查监测"
    table.cell(1, 1).text = "区自然资源与生态环境局"
    table.cell(1, 2).text = "区农业农村局"
    merged = table.cell(2, 0).merge(table.cell(2, 2))
    merged.text = "各片区管理局按职责分工负责"
    document.add_paragraph("附件").runs[0].add_break(WD_BREAK.PAGE)
    document.add_paragraph("平潭综合实验区管委会办公室")
    document.add_paragraph("列项一", style="List Number")
    document.add_paragraph("列项二", style="List Number")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


PLAN = _plan()


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "pingtan_plan.docx"
    path.write_bytes(PLAN)
    return ingest.load(path)


def test_title_hint_and_format(plan):
    assert plan.format == "docx" and plan.title_hint == "平潭综合实验区新污染物治理工作方案"


def test_list_numbers_rendered_in_order(plan):
    paragraphs = plan.pages[0].split("\n\n")
    assert paragraphs[:9] == [
        "平潭综合实验区新污染物治理工作方案",
        "一、总体要求",
        "全面贯彻落实党的二十大精神，深入贯彻习近平生态文明思想。",
        "（一）工作目标",
        "1. 到2025年，基本掌握重点区域、重点园区、重点行业有毒有害化学物质生产使用状况。",
        "2. 完成一批化学物质环境风险筛查。",
        "二、主要任务",
        "（一）完善法规制度",  # a higher level restarts the lower ones
        "1. 建立健全新污染物治理体系。",
    ]


def test_table_as_cells_in_order_merged_cell_once(plan):
    (table,) = plan.tables
    assert table.page == 1
    assert table.rows == (("工作任务", "牵头单位", "配合单位"),
                          ("开展新污染物环境调查监测", "区自然资源与生态环境局", "区农业农村局"),
                          ("各片区管理局按职责分工负责",))
    assert plan.pages[0].endswith("1. 建立健全新污染物治理体系。\n\n工作任务\t牵头单位\t配合单位\n"
                                  "开展新污染物环境调查监测\t区自然资源与生态环境局\t区农业农村局\n"
                                  "各片区管理局按职责分工负责\n\n附件")


def test_hard_page_break_starts_a_page(plan):
    assert len(plan.pages) == 2
    assert plan.pages[1] == "平潭综合实验区管委会办公室\n\n1. 列项一\n\n2. 列项二"


@pytest.mark.parametrize(("data", "problem"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "old Word .doc"),
    (b"just some words", "not a .docx"),
    (PLAN[: len(PLAN) // 2], "cannot read the .docx"),
])
def test_bad_docx(tmp_path, data, problem):
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=problem) as err:
        ingest.load(path)
    assert err.value.hint


def test_docx_without_text(tmp_path):
    out = io.BytesIO()
    docx.Document().save(out)
    path = tmp_path / "blank.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(IngestError, match="no text"):
        ingest.load(path)


def test_vertically_merged_cell_repeats_in_the_rows_and_shows_once_in_the_text(tmp_path):
    # （牵头单位：…②③组织人事部（人才办）…）: one lead cell beside two measures
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for cell, text in zip(table.rows[0].cells, ("具体措施", "牵头单位")):
        cell.text = text
    table.cell(1, 0).text = "②争取市级支持，开展人才分类认定改革试点"
    table.cell(2, 0).text = "③推动实施人才注册制、人才动态评价“积分制”"
    table.cell(1, 1).merge(table.cell(2, 1)).text = "组织人事部（人才办）"
    path = tmp_path / "merged.docx"
    document.save(path)
    doc = ingest.load(path)
    assert [row[1] for row in doc.tables[0].rows] == ["牵头单位", "组织人事部（人才办）", "组织人事部（人才办）"]
    assert doc.text == ("具体措施\t牵头单位\n②争取市级支持，开展人才分类认定改革试点\t组织人事部（人才办）\n"
                        "③推动实施人才注册制、人才动态评价“积分制”\t")
