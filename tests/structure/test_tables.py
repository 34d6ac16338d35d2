"""Rows of task tables become tasks, placed in the clean text of their page."""
from __future__ import annotations

from extractor.model import CleanText, RawDocument, Table
from extractor.normalise import normalise
from extractor.structure import parse
from extractor.structure.tables import text_tables

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
