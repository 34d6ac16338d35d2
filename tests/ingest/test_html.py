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


# Body paragraphs are sentences: a lone "中" or "0" reads as site furniture (字号 大 中 小,
# a page number) and is rightly dropped, so the property is stated for sentences.
_SENTENCE = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
                    | st.sampled_from("，；：、（）《》〔〕1234567890%"), min_size=6, max_size=40).map(lambda t: t + "。")


@settings(max_examples=30, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=5))
def test_paragraph_text_survives_intact(tmp_path_factory, paragraphs):
    path = tmp_path_factory.mktemp("html") / "p.html"
    path.write_text("".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs), encoding="utf-8")
    assert ingest.load(path).pages == ("\n\n".join(paragraphs),)


# ------------------------------------------------------------ government page furniture

NOTICE_PARAGRAPHS = ["平潭综合实验区管委会办公室关于印发平潭综合实验区新污染物治理工作方案的通知", "各相关单位：",
                     "《平潭综合实验区新污染物治理工作方案》已经平潭综合实验区管委会同意，现印发给你们，请认真组织实施。"]
BODY = "".join(f"<p>{p}</p>" for p in NOTICE_PARAGRAPHS[1:])


def _load(tmp_path, markup: str):
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>{NOTICE_PARAGRAPHS[0]}_最新文件_平潭综合实验区管委会</title></head>"
                    f"<body>{markup}</body></html>", encoding="utf-8")
    return ingest.load(path)


def test_content_container_kept_and_headline_above_it_restored(tmp_path):
    doc = _load(tmp_path, '<div class="content"><div class="logo">平潭综合实验区管委会</div>'
                          f'<div class="title-box"><h1>{NOTICE_PARAGRAPHS[0]}</h1>'
                          '<div class="info">时间：2023-03-30 15:53 来源：平潭综合实验区自然资源与生态环境局</div></div>'
                          f'<div id="zoom"><div class="TRS_Editor">{BODY}</div></div>'
                          '<div class="art-btn">【打印本页】【关闭窗口】</div></div>')
    assert doc.text.split("\n\n") == NOTICE_PARAGRAPHS


def test_headline_inside_the_container_not_repeated(tmp_path):
    doc = _load(tmp_path, f'<h1>{NOTICE_PARAGRAPHS[0]}</h1><article><h2>{NOTICE_PARAGRAPHS[0]}</h2>{BODY}</article>')
    assert doc.text.split("\n\n") == NOTICE_PARAGRAPHS


def test_page_without_named_container_loses_chrome_by_name_and_phrase(tmp_path):
    doc = _load(tmp_path, '<div class="top-bar">今天是：2023年3月30日 <a>无障碍浏览</a> | <a>长者模式</a></div>'
                          '<div><a>首页</a> <a>政务公开</a> <a>政务服务</a> <a>互动交流</a></div>'
                          '<table><tr><td>索 引 号：</td><td>FJ10340-0200-2023-00031</td><td>发布机构：</td>'
                          '<td>平潭综合实验区管委会办公室</td></tr><tr><td>文　　号：</td><td></td><td>发文日期：</td>'
                          '<td>2023-03-30</td></tr></table>'
                          f'<h1>{NOTICE_PARAGRAPHS[0]}</h1><p>时间：2023-03-30 15:53 字号：大 中 小</p>'
                          f'<p>分享到：微信 微博 QQ空间</p>{BODY}<p>附件下载</p><p>平潭综合实验区新污染物治理工作方案.pdf</p>'
                          '<p>【打印本页】 【关闭窗口】</p><div class="foot-wrap"><p>版权所有：平潭综合实验区管委会</p>'
                          '<p>闽ICP备12004405号-1 网站标识码：3501000001</p></div>')
    assert doc.text.split("\n\n") == NOTICE_PARAGRAPHS
    assert doc.tables == ()


@pytest.mark.parametrize("line", [
    "时间：2023年5月10日上午9时",  # a meeting notice's own time, written in Chinese
    "关闭小散乱污企业，打印复印行业纳入监管。",
    "来源于企业的数据实行分级分类管理。",
    "附件：平潭综合实验区新污染物治理工作方案",
    "申报时间：2023-04-01至2023-04-30，截止日期：2023-04-30。",
])
def test_document_lines_like_furniture_kept(tmp_path, line):
    assert line in _load(tmp_path, f"<p>{line}</p>{BODY}").text.split("\n\n")


def test_spanning_cells_laid_on_the_grid(tmp_path):
    doc = _load(tmp_path, '<table><tr><th>工作任务</th><th>工作要求</th><th>牵头单位</th><th>配合/责任单位</th></tr>'
                          '<tr><td rowspan="2">三、加强涉及扩大有效投资的信息公开</td>'
                          '<td>6.依法依规做好扩大有效投资相关规划。</td><td rowspan="2">区经济发展局</td>'
                          '<td>区直各有关单位</td></tr>'
                          '<tr><td>7.密切关注重大建设项目舆情并及时作出回应。</td><td>区直各有关单位</td></tr>'
                          '<tr><td colspan="3">各片区管理局按职责分工负责</td><td>各片区管理局</td></tr></table>')
    (table,) = doc.tables
    assert table.rows[1:] == (
        ("三、加强涉及扩大有效投资的信息公开", "6.依法依规做好扩大有效投资相关规划。", "区经济发展局", "区直各有关单位"),
        ("三、加强涉及扩大有效投资的信息公开", "7.密切关注重大建设项目舆情并及时作出回应。", "区经济发展局", "区直各有关单位"),
        ("各片区管理局按职责分工负责", "", "", "各片区管理局"),
    )
    # the text keeps each cell once, in the page's order
    assert "7.密切关注重大建设项目舆情并及时作出回应。\t区直各有关单位" in doc.text


def test_catalogue_number_kept_when_the_article_omits_it(tmp_path):
    box = ('<table class="xxgk"><tr><td>索 引 号：</td><td>FJ10340-0200-2015-00012</td></tr>'
           '<tr><td>发布机构：</td><td>平潭综合实验区管委会办公室</td></tr><tr><td>文　　号：</td>'
           '<td>岚综管办〔2015〕11号</td></tr></table>')
    doc = _load(tmp_path, box + f'<h1>{NOTICE_PARAGRAPHS[0]}</h1><div class="TRS_Editor">{BODY}</div>')
    assert doc.text.split("\n\n") == ["岚综管办〔2015〕11号", *NOTICE_PARAGRAPHS]
    printed = _load(tmp_path, box + f'<div class="TRS_Editor"><p>岚综管办〔2015〕11号</p>{BODY}</div>')
    assert printed.text.count("岚综管办〔2015〕11号") == 1


def test_table_listing_documents_is_not_the_catalogue_box(tmp_path):
    doc = _load(tmp_path, "<table><tr><td>序号</td><td>名称</td><td>文号</td><td>发文日期</td></tr>"
                          "<tr><td>1</td><td>平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法</td>"
                          "<td>岚综管办〔2015〕11号</td><td>2015-01-09</td></tr></table>" + BODY)
    (table,) = doc.tables
    assert table.rows[1][2] == "岚综管办〔2015〕11号" and "岚综管办〔2015〕11号" in doc.text


@pytest.mark.parametrize("span", ['rowspan="0"', 'rowspan="x"', 'colspan="99999"', 'rowspan="-2"'])
def test_malformed_spans_are_harmless(tmp_path, span):
    doc = _load(tmp_path, f'<table><tr><td {span}>牵头单位</td><td>区经济发展局</td></tr>'
                          '<tr><td>配合单位</td><td>区直各有关单位</td></tr></table>')
    (table,) = doc.tables
    assert table.rows[0][0] == "牵头单位" and "区经济发展局" in table.rows[0] and len(table.rows[0]) <= 3
    assert table.rows[1][:2] == ("配合单位", "区直各有关单位")


FURNITURE_BLOCKS = [
    '<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 最新文件</div>',
    '<div class="header"><img alt="logo"><a>登录</a></div>',
    '<p>时间：2023-03-30 15:53　来源：平潭综合实验区管委会办公室</p>',
    '<div class="bdsharebuttonbox"><a>微信</a><a>微博</a><a>QQ空间</a></div>',
    '<p>【字号：大 中 小】</p>',
    '<p>【打印本页】 【关闭窗口】</p>',
    '<ul class="menu"><li><a>首页</a></li><li><a>政务公开</a></li><li><a>互动交流</a></li></ul>',
    '<div class="footer">版权所有：平潭综合实验区管委会　闽ICP备12004405号-1</div>',
    '<p>网站标识码：3501000001　闽公网安备 35012802000114号</p>',
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(FURNITURE_BLOCKS), max_size=6), st.lists(st.sampled_from(FURNITURE_BLOCKS), max_size=6))
def test_furniture_around_a_document_never_reaches_the_text(tmp_path_factory, before, after):
    path = tmp_path_factory.mktemp("furniture") / "page.html"
    path.write_text("".join(before) + f"<h1>{NOTICE_PARAGRAPHS[0]}</h1>{BODY}" + "".join(after), encoding="utf-8")
    assert ingest.load(path).text.split("\n\n") == NOTICE_PARAGRAPHS
