"""HTML ingest: visible text in paragraphs, data tables as cells, <title> as hint, charsets."""
from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import ingest
from extractor.errors import IngestError
from tests.conftest import FIXTURES

NOTICE = FIXTURES / "ingest" / "pingtan_task_notice.html"
DOC = ingest.load(NOTICE)


def test_title_hint_and_format():
    assert DOC.format == "html" and len(DOC.pages) == 1
    assert DOC.title_hint == "平潭综合实验区管委会办公室关于印发2022年全区政务公开工作主要任务分解表的通知"


@pytest.mark.parametrize("title", [
    "平潭综合实验区新污染物治理工作方案_最新文件_平潭综合实验区管委会",
    "平潭综合实验区新污染物治理工作方案 - 平潭综合实验区管委会",
    "平潭综合实验区新污染物治理工作方案 | 政务公开",
])
def test_site_name_cut_from_title(tmp_path, title):
    path = tmp_path / "plan.html"
    path.write_text(f"<title>{title}</title><p>一、总体要求</p>", encoding="utf-8")
    assert ingest.load(path).title_hint == "平潭综合实验区新污染物治理工作方案"


def test_scripts_styles_navigation_hidden_and_site_footer_dropped():
    for invisible in ("var share", "text-indent", "区管委会办公室文件", "当前位置", "此段不可见", "网站标识码", "首页"):
        assert invisible not in DOC.text


def test_paragraphs_and_line_breaks():
    paragraphs = DOC.text.split("\n\n")
    assert "各片区管理局，区直各单位，各区属事业单位，各区属国企:" in paragraphs
    assert "平潭综合实验区管委会办公室\n2022年6月7日" in paragraphs  # <br> is a line break
    # the full-width indent of a paragraph is layout, not text
    assert any(p.startswith("为贯彻落实《国务院办公厅关于印发2022年政务公开工作要点的通知》") for p in paragraphs)


def test_markup_line_break_between_cjk_characters_vanishes():
    assert "现有管理措施不足以有效防控其风险" in DOC.text
    assert "具有生物毒性、环境持久性、生物累积性等特征。" in DOC.text


def test_table_rows_as_cells_in_the_table_and_in_the_flow():
    (table,) = DOC.tables
    assert table.page == 1
    assert table.rows[0] == ("工作任务", "牵头单位", "配合/责任单位")
    assert table.rows[2] == ("3.建立市场主体反映投资和工程建设项目审批问题的办理和反馈机制。",
                             "区经济发展局 区行政审批局", "各片区管理局、各乡镇人民政府（街道办事处）")
    assert "工作任务\t牵头单位\t配合/责任单位\n" in DOC.text


def test_layout_table_reads_as_blocks(tmp_path):
    path = tmp_path / "layout.htm"
    path.write_text("<table><tr><td><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>"
                    "<p>一、总体要求</p><p>全面贯彻落实党的二十大精神。</p></td></tr></table>", encoding="utf-8")
    doc = ingest.load(path)
    assert "一、总体要求\n\n全面贯彻落实党的二十大精神。" in doc.text
    assert [t.rows for t in doc.tables] == [(("甲", "乙"), ("丙", "丁"))]


@pytest.mark.parametrize("declared", ["gb2312", "GBK", "gb18030"])
def test_declared_chinese_charset(tmp_path, declared):
    markup = NOTICE.read_text(encoding="utf-8").replace('charset="utf-8"', f'charset="{declared}"')
    path = tmp_path / "notice_gbk.html"
    path.write_bytes(markup.encode("gb18030"))
    doc = ingest.load(path)
    assert doc.pages == DOC.pages and doc.tables == DOC.tables


def test_utf8_page_that_declares_gb2312(tmp_path):
    markup = NOTICE.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="gb2312"')
    path = tmp_path / "migrated.html"
    path.write_bytes(markup.encode("utf-8"))
    assert ingest.load(path).pages == DOC.pages


def test_page_without_visible_text(tmp_path):
    path = tmp_path / "redirect.html"
    path.write_text('<html><head><script>location.href="/a"</script></head><body></body></html>', encoding="utf-8")
    with pytest.raises(IngestError, match="no visible text"):
        ingest.load(path)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
                        | st.sampled_from("，。；：、（）《》〔〕1234567890%"), min_size=1, max_size=40),
                min_size=1, max_size=5))
def test_paragraph_text_survives_intact(tmp_path_factory, paragraphs):
    path = tmp_path_factory.mktemp("html") / "p.html"
    path.write_text("".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs), encoding="utf-8")
    assert ingest.load(path).pages == ("\n\n".join(paragraphs),)
