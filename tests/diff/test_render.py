"""Reports: JSON that meets its schema, Markdown and an HTML 新旧对照表 a browser shows offline."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import jsonschema
import pytest

from extractor.diff.changes import meta_changes
from extractor.diff.render import figure, to_html, to_json, to_markdown, to_text
from extractor.model import DocMeta
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def diff_schema() -> dict:
    return json.loads((ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))


def test_json_meets_the_schema(treatment_diff, land_diff, diff_schema):
    for d in (treatment_diff, land_diff):
        data = json.loads(to_json(d))
        jsonschema.validate(data, diff_schema)
        assert data["summary"]["modified"] == d.count("modified")


def test_meta_changes_read_field_by_field():
    old = DocMeta(title="关于印发《个人住房国有划拨建设用地使用权转让实施办法》的通知",
                  doc_number="岚综管办〔2015〕11号", date="2015-01-09", recipients=("区直各单位", "各片区开发管理局"))
    new = DocMeta(title="关于印发《个人住房国有划拨建设用地使用权转让实施办法（修订）》的通知",
                  doc_number="岚综管办〔2018〕184号", date="2018-10-26", recipients=("各片区项目建设指挥部", "区直各单位"))
    changes = {m.field: (m.old, m.new) for m in meta_changes(old, new)}
    assert changes["doc_number"] == ("岚综管办〔2015〕11号", "岚综管办〔2018〕184号")
    assert changes["date"] == ("2015-01-09", "2018-10-26")
    assert set(changes) == {"title", "doc_number", "date", "recipients"}
    assert not meta_changes(old, DocMeta(**{**old.__dict__, "recipients": ("各片区开发管理局", "区直各单位")}))


def test_text_and_markdown_name_the_figures(treatment_diff):
    text = to_text(treatment_diff)
    assert "≤5天 → ≤3天" in text  # 发病后5天内 → 3天内
    md = to_markdown(treatment_diff)
    assert "| 变化 |" in md and "1～14天" in md and "2～4天" in md
    assert "~~5~~" in md and "**3**" in md


def test_html_is_self_contained(land_diff):
    page = to_html(land_diff)
    assert "<del>房地产交易</del>" in page and "<ins>不动产登记</ins>" in page
    for remote in ("http://", "https://", "<script", "<link"):
        assert remote not in page


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it)")
def test_html_renders_in_headless_chromium_with_the_figure_changes(treatment_diff, tmp_path):
    page = tmp_path / "diff.html"
    page.write_text(to_html(treatment_diff), encoding="utf-8")
    profile = tmp_path / "profile"
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    dom = result.stdout
    assert "数量变化" in dom, result.stderr[-500:]
    quantities = dom[dom.index("数量变化"):dom.index("条文对照")]
    for shown in ("5天", "3天", "1～14天", "2～4天"):
        assert shown in quantities


def test_figure_reads_like_the_document():
    from extractor.diff.model import QuantityState
    assert figure(QuantityState(value=100, unit="亿元", comparator=">=", year=2025)) == "≥100亿元（2025年）"
    assert figure(QuantityState(value=1, value_max=14, unit="天")) == "1～14天"
    assert figure(None) == "—"


def test_top_section_of_a_reference():
    from extractor.diff.render import top_section
    assert top_section("附件4 二、（一）1.") == "附件4"
    assert top_section("附件12-3 2.") == "附件12-3"
    assert top_section("三、（二）1.¶2") == "三、"
    assert top_section("¶1") == ""


def test_html_of_a_long_edition_opens_with_counts_figures_and_contents(prevention_diff):
    page = to_html(prevention_diff)
    counts, figures, contents = page.index('class="counts"'), page.index("数量变化"), page.index("目录")
    assert counts < figures < contents < page.index("条文对照")
    top = page[figures:contents]
    assert "12小时" in top and "8小时" in top  # 密切接触者 transfer within 8 hours
    toc = page[contents:page.index("条文对照")]
    assert "附件6新冠肺炎疫情风险区划定及管控方案" in toc and "原附件3-2" in toc
    for anchor in set(re.findall(r'href="#([^"]+)"', toc)):
        assert f'id="{anchor}"' in page
    assert page.count("条未变</summary>") > 10  # unchanged runs fold


def test_markdown_shows_a_documents_html_as_text():
    from extractor.diff import diff
    from extractor.diff.render import to_markdown
    from tests.diff.conftest import tree_of

    d = diff(tree_of("一、总体要求\n加强管理。\n"), tree_of("一、总体要求\n加强管理<script>alert(1)</script>。\n"))
    md = to_markdown(d)
    assert "<script>" not in md and "&lt;script&gt;" in md


def test_html_rows_and_counts_are_articles():
    # source: 上海市音像制品管理条例 2021 → 2024 (excerpt): an article with items deleted whole,
    # the next one renumbered
    from extractor.diff import diff
    from extractor.diff.render import to_html
    from tests.diff.conftest import tree_of

    old = ("第二十九条 禁止音像制品经营者转承包经营。\n"
           "第三十条 违反本条例，有下列行为之一的，给予警告：\n（一）出租禁止经营的音像制品的；\n（二）伪造经营许可证的。\n"
           "第三十一条 本条例自1997年10月1日起施行。\n")
    new = "第二十九条 禁止音像制品经营者转承包经营。\n第三十条 本条例自1997年10月1日起施行。\n"
    page = to_html(diff(tree_of(old, "old.md"), tree_of(new, "new.md")))
    counts = page[page.index('class="counts"'):]
    assert "<td>0</td><td>0</td><td>1</td>" in counts  # 修改 0, 新增 0, 删除 1 (one article, three clauses)
    assert "第三十一条 → 第三十条" in page


def test_csv_shows_a_formula_as_text():
    # a clause that opens with = must not run when the 新旧对照表 is opened in a spreadsheet
    from extractor.diff import diff
    from extractor.diff.render import to_csv
    from tests.diff.conftest import tree_of

    d = diff(tree_of("一、总体要求\n加强管理。\n"), tree_of("一、总体要求\n加强管理。\n=HYPERLINK(\"http://x\")\n"))
    rows = to_csv(d).splitlines()
    assert not any(cell.startswith("=") for row in rows for cell in row.split(","))
    assert any("'=HYPERLINK" in row for row in rows)
