"""Rows of task tables become tasks, placed in the clean text of their page."""
from __future__ import annotations

from extractor.model import RawDocument, Table
from extractor.normalise import normalise
from extractor.structure import parse

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
