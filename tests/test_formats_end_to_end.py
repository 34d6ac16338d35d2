"""The whole pipeline on web pages, Word files and GB18030 text holding real policy text.

Fixtures (tests/fixtures/ingest/):
* gov_article_pollutants_plan.html: corpus/dev/05 (a 印发 notice and its plan) in a
  government article page: banner, menu, breadcrumb 当前位置, the disclosure catalogue box
  (索引号 … 文号), info bar 时间/来源/字号 大 中 小, share 微信 微博 QQ空间, 附件下载,
  打印本页 关闭窗口, related links, footer 版权所有 / ICP备 / 网站标识码.
* gov_article_land_transfer.html: corpus/dev/09 (a 印发 notice and its measures) in the same
  page; its 文号 only in the catalogue box, as many sites print it.
* gov_article_task_division.html: corpus/dev/03 (notice and task-division table, 工作任务
  cells spanning rows) in the same page.
* xixian_reply_212_gb18030.txt: corpus/seeds/003 (a 复函) as GB18030 text, one paragraph a
  line; the test builds a Word file from the same paragraphs.
* qinchuangyuan_plan_measures.txt: goals and measures of corpus/seeds/004, the measures as a
  tab-separated table (具体措施 | 牵头单位) the test builds into a Word table.
"""
from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

from extractor import ingest
from extractor.pipeline import extract_file
from tests.conftest import FIXTURES

HERE = FIXTURES / "ingest"
POLLUTANTS = HERE / "gov_article_pollutants_plan.html"
TASK_DIVISION = HERE / "gov_article_task_division.html"
LAND_TRANSFER = HERE / "gov_article_land_transfer.html"
REPLY_TXT = HERE / "xixian_reply_212_gb18030.txt"
PLAN_LINES = HERE / "qinchuangyuan_plan_measures.txt"

SITE_FURNITURE = ("当前位置", "首页", "政务服务", "索引号", "所属机构", "有效性", "时间：", "来源：", "字号", "分享到",
                  "微信", "微博", "QQ空间", "附件下载", ".pdf", "打印本页", "关闭窗口", "相关文章", "网站地图",
                  "主办单位", "承办单位", "版权所有", "ICP备", "公网安备", "网站标识码", "扫一扫", "今天是", "无障碍")


def _names(record: dict) -> dict[str, str]:
    return {o["id"]: o["name"] for o in record["organisations"]}


def _owners(record: dict, task: dict) -> set[tuple[str, str]]:
    names = _names(record)
    return {(names[o["org"]], o["role"]) for o in task["owners"]}


def _task(record: dict, words: str) -> dict:
    return next(t for t in record["tasks"] if t["text"].replace(" ", "").startswith(words))


def _spans_hold_their_evidence(record: dict, raw) -> None:
    text = raw.text
    for target in record["targets"]:
        start, end = target["span"]
        assert 0 <= start < end <= len(text)
        assert target["page"] == 1 + text.count("\f", 0, start)


# ---------------------------------------------------------------- the plan as a web page

@pytest.fixture(scope="module")
def pollutants():
    return ingest.load(POLLUTANTS), extract_file(POLLUTANTS)


def test_web_page_furniture_is_not_text(pollutants):
    raw, _ = pollutants
    for furniture in SITE_FURNITURE:
        assert furniture not in raw.text, furniture
    assert raw.tables == ()  # the catalogue box is not one of the document's tables
    paragraphs = raw.text.split("\n\n")
    assert paragraphs[:2] == ["平潭综合实验区管委会办公室关于印发平潭综合实验区新污染物治理工作方案的通知", "各相关单位："]
    assert "平潭综合实验区管委会办公室\n2023年3月30日" in paragraphs
    assert paragraphs[-1].startswith("（四）加强宣传引导。") and paragraphs[-1].endswith("（区资源生态局牵头，有关部门按职责分工负责）")


def test_web_page_metadata(pollutants):
    _, record = pollutants
    document = record["document"]
    assert document["format"] == "html" and document["pages"] == 1
    assert document["title"] == "平潭综合实验区管委会办公室关于印发平潭综合实验区新污染物治理工作方案的通知"
    assert document["issuer"] == "平潭综合实验区管委会办公室"
    assert document["date"] == "2023-03-30"
    assert document["recipients"] == ["各相关单位"]
    assert document["doc_number"] is None  # the page's catalogue box leaves 文号 blank


def test_site_footer_and_info_bar_name_no_organisation(pollutants):
    _, record = pollutants
    names = set(_names(record).values())
    # 来源：平潭综合实验区自然资源与生态环境局 (info bar); 承办单位：平潭综合实验区智慧岛公司 (footer)
    assert "平潭综合实验区自然资源与生态环境局" not in names
    assert "平潭综合实验区智慧岛公司" not in names
    assert {"区资源生态局", "区市场监管局", "平潭海关"} <= names


def test_web_page_owner_notes_attach_to_measures(pollutants):
    _, record = pollutants
    assert len(record["tasks"]) == 15
    assert ("区资源生态局", "lead") in _owners(record, _task(record, "落实环境信息调查"))
    # the last measure runs to the end of the article: the footer's 主办单位 must not join it
    last = _owners(record, _task(record, "加强宣传引导"))
    assert ("区资源生态局", "lead") in last
    assert not any(name == "平潭综合实验区管委会办公室" for name, _ in last)


def test_gbk_web_page_reads_the_same(pollutants, tmp_path):
    _, record = pollutants
    markup = POLLUTANTS.read_text(encoding="utf-8").replace("charset=utf-8", "charset=gb2312")
    path = tmp_path / POLLUTANTS.name
    path.write_bytes(markup.encode("gb18030"))
    again = extract_file(path)
    assert {k: v for k, v in again["document"].items() if k not in ("source", "sha256")} == \
        {k: v for k, v in record["document"].items() if k not in ("source", "sha256")}
    assert again["tasks"] == record["tasks"] and again["organisations"] == record["organisations"]


def test_web_page_text_saved_as_gb18030_reads_the_same(pollutants, tmp_path):
    raw, record = pollutants
    path = tmp_path / "gov_article_pollutants_plan.txt"
    path.write_bytes(raw.text.encode("gb18030"))
    text_record = extract_file(path)
    for field in ("title", "issuer", "date", "recipients", "doc_number"):
        assert text_record["document"][field] == record["document"][field], field
    assert [(t["marker"], _owners(text_record, t)) for t in text_record["tasks"]] == \
        [(t["marker"], _owners(record, t)) for t in record["tasks"]]


# -------------------------------------------- a notice whose 文号 only the catalogue box shows

@pytest.fixture(scope="module")
def land_transfer():
    return ingest.load(LAND_TRANSFER), extract_file(LAND_TRANSFER)


def test_catalogue_number_restored_above_the_headline(land_transfer):
    raw, record = land_transfer
    assert raw.text.startswith("岚综管办〔2015〕11号\n\n平潭综合实验区管委会办公室关于印发《")
    for furniture in SITE_FURNITURE:
        assert furniture not in raw.text, furniture
    document = record["document"]
    assert document["doc_number"] == "岚综管办〔2015〕11号"
    assert document["title"] == ("平潭综合实验区管委会办公室关于印发《平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法》"
                                 "的通知")
    assert document["date"] == "2015-01-09"
    assert document["recipients"] == ["区直各单位", "各片区开发管理局"]


def test_land_transfer_rates_found(land_transfer):
    raw, record = land_transfer
    # 住宅用地出让金=…基准地价地面价×30%×容积率修正系数…；…土地使用权面积×10%
    assert {(30.0, "%"), (10.0, "%")} <= {(q["value"], q["unit"]) for q in record["targets"]}
    _spans_hold_their_evidence(record, raw)


def test_closing_formula_is_not_the_issuer(land_transfer):
    _, record = land_transfer
    assert record["document"]["issuer"] == "平潭综合实验区管委会办公室"


# ------------------------------------------------------- the task-division table as a web page

@pytest.fixture(scope="module")
def task_division():
    return ingest.load(TASK_DIVISION), extract_file(TASK_DIVISION)


def test_task_table_rows_on_their_grid(task_division):
    raw, _ = task_division
    (table,) = raw.tables
    assert table.page == 1 and table.rows[0] == ("工作任务", "工作要求", "牵头单位", "配合/责任单位")
    assert {len(row) for row in table.rows} == {4}
    by_item = {row[1].split(".", 1)[0]: row for row in table.rows[1:]}
    # 工作任务 spans the rows of its items: each row repeats it, the later columns stay in place
    assert by_item["2"][0] == "一、加强涉及市场主体的信息公开"
    assert by_item["3"][2:] == ("区经济发展局 区行政审批局", "区直各有关单位，各区属事业单位，各片区管理局、各乡镇人民政府（街道办事处）")
    assert by_item["7"][0] == "三、加强涉及扩大有效投资的信息公开" and by_item["7"][2] == ""
    for furniture in SITE_FURNITURE:
        assert furniture not in raw.text, furniture


def test_task_table_page_metadata(task_division):
    _, record = task_division
    document = record["document"]
    assert document["title"] == "平潭综合实验区管委会办公室关于印发2022年全区政务公开工作主要任务分解表的通知"
    assert document["issuer"] == "平潭综合实验区管委会办公室"
    assert document["date"] == "2022-06-07"
    assert document["recipients"] == ["各片区管理局", "区直各单位", "各区属事业单位", "各区属国企"]


def test_task_table_owners_attach_to_the_items(task_division):
    _, record = task_division
    item = _task(record, "3.建立市场主体反映投资")
    assert _owners(record, item) >= {("区经济发展局", "lead"), ("区行政审批局", "lead"), ("区直各有关单位", "support")}
    assert ("区直各有关单位", "support") in _owners(record, _task(record, "1.增强政策制定实施"))
    assert not any(t["text"].startswith("一、加强涉及市场主体的信息公开") for t in record["tasks"])


# ------------------------------------------------------------------- a reply letter in Word

def _reply_paragraphs() -> list[str]:
    return REPLY_TXT.read_bytes().decode("gb18030").splitlines()


def _reply_docx() -> bytes:
    """The 复函 as an office types it: 签发人 and 落款 right-aligned, 文号 and title centred."""
    document = docx.Document()
    paragraphs = _reply_paragraphs()
    for i, text in enumerate(paragraphs):
        paragraph = document.add_paragraph(text)
        if text.startswith("签发人") or i >= len(paragraphs) - 2:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif i in (1, 2):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def replies(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reply")
    path = folder / "xixian_reply_212.docx"
    path.write_bytes(_reply_docx())
    return extract_file(path), extract_file(REPLY_TXT)


REPLY_META = {
    "title": "陕西省西咸新区开发建设管理委员会关于陕西省人大十四届三次会议第212号建议的复函",
    "doc_number": "陕西咸函〔2024〕2号",
    "signer": "艾晨",
    "issuer": "陕西省西咸新区开发建设管理委员会",
    "date": "2025-05-29",
    "recipients": ["刘新志代表"],
    "pages": 1,
}


@pytest.mark.parametrize("which", [0, 1], ids=["docx", "gb18030-txt"])
def test_reply_metadata(replies, which):
    document = replies[which]["document"]
    assert {k: document[k] for k in REPLY_META} == REPLY_META


def test_reply_docx_and_text_agree(replies):
    docx_record, txt_record = replies
    assert docx_record["document"]["format"] == "docx" and txt_record["document"]["format"] == "txt"
    assert set(_names(docx_record).values()) == set(_names(txt_record).values())
    assert [(q["metric"], q["value"], q["unit"]) for q in docx_record["targets"]] == \
        [(q["metric"], q["value"], q["unit"]) for q in txt_record["targets"]]
    assert {"省科技厅", "省秦创原创新促进中心"} <= set(_names(docx_record).values())
    # 省政府70条政策包（总窗口），省级金融支持 10条
    assert {(70.0, "条"), (10.0, "条")} <= {(q["value"], q["unit"]) for q in docx_record["targets"]}


# -------------------------------------------- an action plan in Word: goals, then a measures table

def _plan_docx() -> bytes:
    """Goals as paragraphs; a hard page break; the measures as a Word table with 牵头单位."""
    lines = PLAN_LINES.read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    for line in (line for line in lines if "\t" not in line):
        if line == "三、重点任务":
            document.paragraphs[-1].runs[-1].add_break(WD_BREAK.PAGE)
        document.add_paragraph(line)
    rows = [line.split("\t") for line in lines if "\t" in line]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    # （牵头单位：…②③组织人事部（人才办）…）: one lead cell spanning the rows of ② and ③
    table.cell(2, 2).merge(table.cell(3, 2)).text = rows[2][2]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "qinchuangyuan_plan_measures.docx"
    path.write_bytes(_plan_docx())
    return ingest.load(path), extract_file(path)


def test_plan_docx_table_and_pages(plan):
    raw, record = plan
    assert record["document"]["pages"] == 2
    (table,) = raw.tables
    assert table.page == 2 and table.rows[0] == ("序号", "具体措施", "牵头单位") and len(table.rows) == 5
    assert table.rows[2][2] == table.rows[3][2] == "组织人事部（人才办）"  # the merged cell in both rows
    assert raw.pages[1].count("组织人事部（人才办）") == 2  # ... and once in the text, as Word shows it


def test_plan_docx_owners_come_from_the_table(plan):
    _, record = plan
    assert [t["marker"] for t in record["tasks"]] == ["①", "②", "③", "④"]
    assert _owners(record, _task(record, "积极争取省级层面职称政策支持")) == \
        {("社会事业服务局", "lead"), ("组织人事部（人才办）", "lead")}
    assert _owners(record, _task(record, "争取市级支持")) == {("组织人事部（人才办）", "lead")}
    assert _owners(record, _task(record, "推动实施人才注册制")) == {("组织人事部（人才办）", "lead")}
    assert _owners(record, _task(record, "发挥中国（陕西）自由贸易试验区作用")) == \
        {("发展改革和商务局", "lead"), ("科技创新和新经济局", "lead"), ("西安市公安局西咸新区分局", "lead")}


def test_plan_docx_goals_are_targets_on_page_one(plan):
    raw, record = plan
    found = {(q["metric"], q["value"], q["unit"]): q for q in record["targets"]}
    goal = found[("高新技术企业数量", 4000.0, "家")]
    assert goal["year"] == 2026 and goal["kind"] == "target" and goal["page"] == 1
    assert ("技术合同交易额", 500.0, "亿元") in found
    assert ("创新创业人才", 10.0, "万名") in found
    _spans_hold_their_evidence(record, raw)


def test_each_table_row_is_one_task(task_division):
    # the row "1.增强…" and the numbered measure "1" structure also sees are one item
    _, record = task_division
    items = [t for t in record["tasks"] if t["text"].lstrip("0123456789.").startswith("增强政策制定实施")]
    assert len(items) == 1 and items[0]["marker"] == "1"
