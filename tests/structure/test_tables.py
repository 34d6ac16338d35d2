"""Rows of task tables become tasks, placed in the clean text of their page."""
from __future__ import annotations

from extractor.model import CleanText, RawDocument, Table
from extractor.normalise import normalise
from extractor.structure import parse
from extractor.structure.tables import pipe_tables, text_tables

PAGE_1 = "一、加强涉及市场主体的信息公开\n"
PAGE_2 = ("2022年全区政务公开工作主要任务分解表\n序号 工作任务 牵头单位\n"
          "1 增强政策制定实施的透明度和可预期性，提振市场主体信\n心。 区经济发展局\n"
          "2 动态公开技能培训政策规定及经办流程。 区社会事业局\n")
TABLE = Table(page=2, rows=(
    ("序号", "工作任务", "牵头单位"),
    ("1", "增强政策制定实施的透明度和可预期性，提振市场主体信\n心。", "区经济发展局"),
    ("2", "动态公开技能培训政策规定及经办流程。", "区社会事业局"),
))


def _tree(tables):
    raw = RawDocument(path="t.pdf", format="pdf", sha256="0" * 64, pages=(PAGE_1, PAGE_2), tables=tables)
    return parse(normalise(raw), raw=raw)


def test_task_table_rows_are_tasks():
    tree = _tree((TABLE,))
    rows = [t for t in tree.tasks if t.text.startswith(("增强政策", "动态公开"))]
    assert [(t.marker, t.section) for t in rows] == [("1", "s1"), ("2", "s1")]
    assert rows[0].text.replace("\n", "") == "增强政策制定实施的透明度和可预期性，提振市场主体信心。"
    assert [t.id for t in tree.tasks] == [f"t{i}" for i in range(1, len(tree.tasks) + 1)]


def test_tables_without_task_columns_give_no_tasks():
    data = Table(page=2, rows=(("序号", "人群类别", "核酸检测要求"), ("1", "口岸进口物品搬运人员", "每天1次")))
    assert _tree((data,)).tasks == ()



def _clean(text: str) -> CleanText:
    return CleanText(text, tuple(range(len(text) + 1)))


def test_an_indicator_table_flattened_into_text_is_read_by_structure():
    # source: 国家“十四五”规划纲要 主要指标 (values as published), flattened onto one line the
    # way a web page gives a table
    text = ("附件 主要指标 序号 指标名称 2020年完成值 2025年目标值 "
            "1 每万人口高价值发明专利拥有量（件） 6.3 12 "
            "2 数字经济核心产业增加值占GDP比重（%） 7.8 10 二、保障措施")
    [table] = text_tables(_clean(text))
    assert table.rows[0] == ("序号", "指标名称", "2020年完成值", "2025年目标值")
    assert table.rows[2] == ("2", "数字经济核心产业增加值占GDP比重（%）", "7.8", "10")
    assert text_tables(_clean("序号 工作任务 牵头单位 1 推进改革 区发改局")) == ()  # a task table: no figures


def test_a_flattened_table_is_read_after_normalise_closed_its_cell_spaces():
    # the same table through the pipeline: normalise closes 名称 2020年 into 名称2020年 and
    # 1 每万人口 into 1每万人口, and the offset map still parts the cells
    text = ("附件 主要指标 序号 指标名称 2020年完成值 2025年目标值 "
            "1 每万人口高价值发明专利拥有量（件） 6.3 12 二、保障措施")
    raw = RawDocument(path="t.html", format="html", sha256="0" * 64, pages=(text,))
    tree = parse(normalise(raw), raw=raw)
    assert "指标名称2020年完成值" in tree.text
    assert tree.tables == ()  # the reader's tables, which task tables and owner grids read
    assert [t.rows for t in tree.text_tables] == [(("序号", "指标名称", "2020年完成值", "2025年目标值"),
                                                   ("1", "每万人口高价值发明专利拥有量（件）", "6.3", "12"))]


# source: 霍山经济开发区 2025年开发区重点工作及责任清单 (ahhuoshan.gov.cn): a web table printed
# one cell per line, each cell closed by |
HUOSHAN = ("2025年开发区重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n1 |\n"
           "全力推进开发区“空间再造”,推动工业用地“腾笼换鸟”,力争 全年盘活僵尸企业10家,盘活存量土地400亩。 |\n"
           "马振明 |\n改革办 |\n全年 |\n2 |\n持续提升园区承载能力,加快推进开发区污水处理厂及污水管 网提升项目。 |\n"
           "张云峰 |\n规划建设局 |\n全年 |\n")


def _clean(text: str) -> CleanText:
    return normalise(RawDocument(path="a.txt", format="txt", sha256="0" * 64, pages=(text,)))


def test_a_table_printed_one_cell_per_line_is_read_by_its_header():
    rows = pipe_tables(_clean(HUOSHAN))[0].rows
    assert rows[0] == ("序号", "重点工作", "责任领导", "责任单位", "完成时限")
    assert [(r[0], r[3], r[4]) for r in rows[1:]] == [("1", "改革办", "全年"), ("2", "规划建设局", "全年")]


def test_a_markdown_table_is_read_and_a_sites_menu_is_none():
    text = ("首页 | 新闻中心 | 政务公开 |\n\n| 序号 | 重点任务 | 牵头单位 | 完成时限 |\n|:---:|---|---|---|\n"
            "| 1 | 新增高新技术企业100家 | 区科技局 | 2025年底 |\n")
    tables = pipe_tables(_clean(text))
    assert [t.rows for t in tables] == [(("序号", "重点任务", "牵头单位", "完成时限"),
                                         ("1", "新增高新技术企业100家", "区科技局", "2025年底"))]
