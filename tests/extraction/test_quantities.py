"""Quantities on literal sentences of the bundled corpus, one hard form each; forms the
corpus lacks (fines, 十四五, indicator tables) on sentences in the same administrative style;
and on real passages of work reports, plans, bulletins, notices and news from elsewhere
(tests/fixtures/quantities/, each file naming its source address on its first line)."""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import ingest
from extractor import lexicons
from extractor.extraction import extract
from extractor.extraction.quantities import explain, find_quantities
from extractor.extraction.quantities.figures import FILTERS
from extractor.extraction.quantities.words import figure_matches, figure_pattern
from extractor.extraction.quantities.years import FIVE_YEAR_PLAN as _FIVE_YEAR_PLAN
from extractor.extraction.quantities.years import RELATIVE_YEAR as _RELATIVE_YEAR
from extractor.extraction.quantities.years import YEAR as _YEAR
from extractor.model import CleanText, DocMeta, DocTree, Quantity, RawDocument, Table
from extractor.pipeline import extract_raw, parse_raw
from extractor.structure.tables import text_tables
from tests.conftest import FIXTURES, SEEDS


def tree_of(text: str, *, meta: DocMeta = DocMeta(), tables: tuple[Table, ...] = ()) -> DocTree:
    """A tree over `text` as it is, with the indicator tables structure reads from it."""
    clean = CleanText(text=text, offsets=tuple(range(len(text) + 1)))
    return DocTree(doc_id="t", source="t.txt", sha256="", format="txt", pages=1, clean=clean,
                   meta=meta, tables=tables, text_tables=text_tables(clean))


def parsed(text: str) -> DocTree:
    """A tree as the pipeline gives it: normalised and structured (headings read by structure)."""
    return parse_raw(RawDocument(path="t.txt", format="txt", sha256="0", pages=(text,)))


PLAN = "特制定本行动计划。\n"
REPORT = "本报记者\n"


def only(text: str, **kw) -> Quantity:
    found = find_quantities(tree_of(text, **kw))
    assert len(found) == 1, found
    return found[0]


def test_goal_section_dates_its_targets_and_keeps_magnitude_in_unit():
    text = PLAN + "二、发展目标\n到 2026年，总窗口成果转化驱动力显著提升。\n新增科技成果转化企业 1500家，技术合同交易额突破\n500亿元。"
    firms, trade = find_quantities(tree_of(text))
    assert (firms.kind, firms.value, firms.unit, firms.comparator, firms.year) == ("target", 1500, "家", "=", 2026)
    assert (trade.value, trade.unit, trade.comparator, trade.year) == (500, "亿元", ">", 2026)
    assert "技术合同交易额" in trade.metric
    assert trade.evidence == "技术合同交易额突破500亿元"
    assert text[trade.span[0]:trade.span[1]].replace("\n", "") == trade.evidence


def test_wan_ming_keeps_wan_in_unit():
    talent, founders = find_quantities(tree_of(PLAN + "引进高层次人才 500名，创新创业人才 10万名。"))
    assert (talent.value, talent.unit, founders.value, founders.unit) == (500, "名", 10, "万名")
    assert founders.metric == "创新创业人才"


def test_annual_minimum_with_quoted_programme():
    q = only(PLAN + "②每年实施不少于 5个“先使用后付费”试点项目。")
    assert (q.value, q.unit, q.comparator, q.annual, q.year) == (5, "个", ">=", True, None)
    assert q.programme == "先使用后付费"


def test_range_gives_value_max():
    q = only(PLAN + "遴选 3—5家企业开展“先投后股”试点。")
    assert (q.value, q.value_max, q.unit) == (3, 5, "家")


def test_three_years_resolved_against_plan_period():
    text = "《秦创原创新驱动平台建设三年行动计划（2024—2026年）》\n特制定本行动计划。\n三年内新增不少于 70名科技经纪人。"
    q = only(text)
    assert (q.kind, q.value, q.comparator, q.year, q.annual) == ("target", 70, ">=", 2026, False)
    assert "科技经纪人" in q.metric


def test_three_years_resolved_against_doc_meta_period():
    q = only("三年内孵化项目不少于 150项。", meta=DocMeta(period=(2024, 2026)))
    assert q.year == 2026


def test_approximate_forms_yu_jin_duo():
    text = REPORT + "先后构建起 20 余家共性研发平台，春种基金累计投资 212 家企业近 2 亿元，汇聚了 30 所研究院、70 多所校企研究院、3 万多名科研人员。"
    found = {(q.value, q.unit): q.comparator for q in find_quantities(tree_of(text))}
    assert found[(20, "家")] == "~"
    assert found[(2, "亿元")] == "~"
    assert found[(70, "所")] == "~"
    assert found[(3, "万名")] == "~"
    assert found[(212, "家")] == "="


def test_reported_year_and_growth_rate():
    text = REPORT + "2024 年，西咸新区地区生产总值\n941.2 亿元，同比增长 5.4%；规上工业总产值突破\n900 亿元大关，同比增长 11.6%。"
    gdp, growth, output, output_growth = find_quantities(tree_of(text))
    assert (gdp.kind, gdp.value, gdp.unit, gdp.year) == ("actual", 941.2, "亿元", 2024)
    assert (growth.value, growth.unit, growth.year) == (5.4, "%", 2024)
    assert (gdp.subject, gdp.metric) == ("西咸新区", "地区生产总值")
    assert (growth.subject, growth.metric) == ("西咸新区", "地区生产总值同比增长")
    assert (output.comparator, output_growth.value) == (">", 11.6)


def test_as_of_year_and_bare_thousand():
    text = REPORT + "截至2025年，“三项改革”已覆盖全省200余家高校院所，推动11万余项职务科技成果实行单列管理，超1300名科研人员凭借转化实绩获得职称晋升。在陕西，像这样由高校科研人员创办的科技企业已逾千家。"
    found = find_quantities(tree_of(text))
    assert [(q.value, q.unit, q.comparator, q.year) for q in found] == [
        (200, "家", "~", 2025), (11, "万项", "~", 2025), (1300, "名", ">", 2025), (1000, "家", ">", None)]
    assert all(q.kind == "actual" for q in found)


def test_chinese_percent_in_a_regulation():
    q = only("全社会科学技术研究开发经费应当占本市国内生产总值的百分之二点五以上。")
    assert (q.value, q.unit, q.comparator, q.kind) == (2.5, "%", ">=", "target")


def test_forecast_in_a_report_is_a_target():
    q = only(REPORT + "其产品成功进入新能源汽车领域，预计 2025 年产值将突破亿元。")
    assert (q.kind, q.value, q.unit, q.comparator, q.year) == ("target", 1, "亿元", ">", 2025)


def test_listed_figures_share_their_comparator():
    text = PLAN + "三年内新增省级及以上专精特新企业50家，新增挂牌企业3家，科技型中小企业、高新技术企业分别达到8500家、4000家。"
    found = find_quantities(tree_of(text, meta=DocMeta(period=(2024, 2026))))
    assert [(q.value, q.comparator, q.year) for q in found] == [(50, "=", 2026), (3, "=", 2026), (8500, ">=", 2026), (4000, ">=", 2026)]


def test_each_year_gives_way_to_a_later_due_year():
    text = PLAN + "每年组织开展不少于10场高成长企业赋能活动，到2026年，瞪羚企业突破110家。"
    events, gazelles = find_quantities(tree_of(text))
    assert (events.annual, events.year) == (True, None)
    assert (gazelles.annual, gazelles.year, gazelles.comparator) == (False, 2026, ">")


def test_fraction_and_shares():
    found = find_quantities(tree_of(REPORT + "累计引培氢能企业87家，数量已超全市3/4、全省1/2。"))
    # a fraction is a share (GUIDE: 三分之一 → 33.33 %, 1/4 → 25 %)
    assert [(q.value, q.unit) for q in found] == [(87, "家"), (75, "%"), (50, "%")]


def test_names_formulas_ordinals_and_dates_are_not_quantities():
    text = ("聚焦“4+1”重点产业，持续放大“三项改革”点火器作用，强化“一总两带”联动发展，"
            "全面深化“七个一体化”。作为秦创原春种基金支持的第 001 号项目，西安市居副省级城市第2位。"
            "陕西咸函〔2024〕2号。2022 年 6 月 27 日。西咸研究（第1期·总第345期）。"
            "鼓励 3 岁以上适龄无接种禁忌人群应接尽接。开展科技成果的二次开发。")
    assert find_quantities(tree_of(text)) == ()


def test_apposition_restates_names():
    assert find_quantities(tree_of("西兴高速是连接西安和咸阳两座古城的快速通道。")) == ()


def test_item_number_glued_to_a_count():
    assert find_quantities(tree_of("附件\n1.3个国际科创中心及国家区域科创中心部分创建省份一览")) == ()


def test_doubling():
    q = only(PLAN + "力争到2025年，产业规模翻一番。")
    assert (q.value, q.unit, q.year, q.kind) == (2, "倍", 2025, "target")


def test_covid_rules_days_hours_times():
    text = ("新型冠状病毒肺炎防控方案\n制定本方案。\n在出具检测结果后 2 小时内进行初筛阳性报告。"
            "对密切接触者可采取“5天集中隔离医学观察+5天居家隔离医学观察”措施。"
            "在方舱医院进行7天集中隔离医学观察。每日开窗通风2～3次。在出院（舱）后第3、7天各开展一次核酸检测。")
    found = find_quantities(tree_of(text))
    got = [(q.value, q.value_max, q.unit, q.comparator) for q in found]
    assert (2, None, "小时", "<=") in got
    assert (7, None, "天", "=") in got
    assert (2, 3, "次", "=") in got
    assert all(q.kind == "target" for q in found)
    assert not any(q.value == 3 and q.unit == "天" for q in found)  # 第3、7天 are ordinals


def test_repeated_figure_is_kept_once():
    text = PLAN + "高新技术企业数量达到 4000家。\n其中，高新技术企业数量达到4000家。"
    assert len(find_quantities(tree_of(text))) == 1


def test_indicator_table_rows():
    text = "主要指标\n指标名称 单位 2023年基期值 2026年目标值\n高新技术企业数量 家 2500 4000\n"
    table = Table(page=1, rows=(("指标名称", "单位", "2023年基期值", "2026年目标值"), ("高新技术企业数量", "家", "2500", "4000")))
    found = find_quantities(tree_of(text, tables=(table,)))
    assert {(q.kind, q.value, q.unit, q.year) for q in found} == {("target", 4000, "家", 2026), ("actual", 2500, "家", 2023)}
    assert all(text[q.span[0]:q.span[1]] == "高新技术企业数量" for q in found)


_FIGURE_ALPHABET = ("0123456789.,%％—-~至年月日万亿千百十一二两三五零点分之翻番余多近约超不少于以上内每均截已累计"
                    "《》“”（）、，。；：\n \t|第个家名项天小时倍元附件指标单位目标值基期值")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_FIGURE_ALPHABET, max_size=100))
def test_spans_in_range_and_evidence_from_the_text(text: str):
    for q in find_quantities(tree_of(text)):
        start, end = q.span
        assert 0 <= start < end <= len(text)
        assert "".join(q.evidence.split()) == "".join(text[start:end].split())  # the span's words, line breaks dropped


def test_percent_range_and_a_due_year_after_a_percent():
    found = find_quantities(tree_of(PLAN + "按照每天10%—20%的抽样比例开展核酸检测，年均增长5%到2026年。"))
    assert [(q.value, q.value_max, q.unit) for q in found] == [(10, 20, "%"), (5, None, "%")]


def test_five_year_plan_end_and_base_year():
    text = PLAN + "“十四五”期间，全市研发经费投入年均增长10%以上。\n力争到2025年，单位地区生产总值能耗较2020年下降13.5%。"
    rd, energy = find_quantities(tree_of(text))
    assert (rd.kind, rd.year, rd.annual, rd.comparator) == ("target", 2025, True, ">=")
    assert (energy.kind, energy.year, energy.value) == ("target", 2025, 13.5)


def test_goal_paragraph_opening_with_lizheng_dates_later_paragraphs():
    text = PLAN + "二、主要目标\n力争到2027年，创新能力显著增强。\n高新技术企业达到1000家。\n三、重点任务\n建设10个创新平台。"
    firms, platforms = find_quantities(parsed(text))  # the goals reach up to the next heading, 三、
    assert (firms.year, firms.comparator) == (2027, ">=")
    assert platforms.year is None


def test_deadlines_and_fines_of_administrative_rules():
    text = ("本办法自公布之日起施行。\n行政机关应当自受理申请之日起20个工作日内作出决定。"
             "违反本条例规定的，处一万元以上十万元以下的罚款。")
    days, fine = find_quantities(tree_of(text))
    assert (days.value, days.unit, days.comparator) == (20, "个工作日", "<=")
    # a band 一万元以上十万元以下 is one range, stated exactly (GUIDE: value 1, value_max 10, =)
    assert (fine.value, fine.value_max, fine.unit, fine.comparator) == (1, 10, "万元", "=")


def test_latin_codes_are_not_figures():
    assert find_quantities(tree_of("建设5G基站，监测PM2.5浓度，核酸检测COVID-19。")) == ()


def test_indicator_table_flattened_into_text_lines():
    text = ("附表 主要指标\n序号 指标 单位 2020年 2025年 属性\n1 地区生产总值 亿元 3000 4500 预期性\n"
            "2 研发经费投入强度 % 2.5 ≥3.0 预期性\n开展专项行动。")
    found = find_quantities(tree_of(text))
    got = {(q.metric, q.kind, q.value, q.unit, q.year, q.comparator) for q in found}
    assert got == {("地区生产总值", "target", 4500, "亿元", 2025, "="), ("地区生产总值", "actual", 3000, "亿元", 2020, "="),
                   ("研发经费投入强度", "target", 3.0, "%", 2025, ">="), ("研发经费投入强度", "actual", 2.5, "%", 2020, "=")}


def test_vague_and_approximate_magnitudes():
    found = find_quantities(tree_of(REPORT + "带动就业10余万人，吸引上千家企业，数十家机构参与，产值增长一倍。"))
    assert [(q.value, q.unit, q.comparator) for q in found] == [(10, "万人", "~"), (1000, "家", "~"), (1, "倍", "=")]


def test_whole_action_plan_as_extracted_from_its_pdf():
    text = (SEEDS / "004_36e5cd320c0db03f.txt").read_text(encoding="utf-8")
    found = find_quantities(parsed(text))
    by_figure = {(q.value, q.unit): q for q in found}
    assert (by_figure[(4000, "家")].comparator, by_figure[(4000, "家")].year) == (">=", 2026)
    assert by_figure[(1000, "万元")].annual
    assert by_figure[(70, "名")].year == 2026  # 三年内新增不少于 70名科技经纪人, in a 2024—2026 plan
    assert all(q.kind == "target" for q in found)
    assert not any(1900 <= q.value <= 2100 for q in found)  # years are never figures
    assert len({(q.value, q.unit, q.metric) for q in found}) == len(found)


def test_background_figures_of_a_plan_are_actuals():
    text = ("某市“十四五”科技创新规划（2021—2025年）\n一、发展基础\n“十三五”期间，全市研发经费投入年均增长12%。"
            "2020年，高新技术企业达到1200家。\n二、发展目标\n到2025年，高新技术企业达到2500家。")
    rd, base, goal = find_quantities(tree_of(text))
    assert (rd.kind, rd.year, base.kind, base.year) == ("actual", 2020, "actual", 2020)
    assert (goal.kind, goal.year, goal.comparator) == ("target", 2025, ">=")


def test_rates_keep_their_denominator_and_formulae_are_no_counts():
    text = PLAN + "以地市为单位按照当地常住人口60间/万人口的比例储备足够的集中隔离房间。增强四个意识，坚持五位一体总体布局。"
    q = only(text)
    assert (q.value, q.unit) == (60, "间/万人口")


# Real passages from documents outside the bundled corpus (tests/fixtures/quantities/, each
# file names its source address on its first line): work reports, plans, bulletins, notices.
def _fixture(name: str) -> str:
    return (FIXTURES / "quantities" / f"{name}.txt").read_text(encoding="utf-8").split("\n", 1)[1]


def _figures(found) -> list[tuple]:
    return [(q.kind, q.value, q.unit, q.comparator, q.year) for q in found]


def test_work_report_targets_about_above_and_a_magnitude_unit():
    # 国务院总理李强5日在政府工作报告中提出: 5日 dates the report, it is no duration
    found = find_quantities(tree_of(_fixture("national_work_report_2024_targets")))
    got = {(q.value, q.unit): q for q in found}
    assert (5, "日") not in got
    assert got[(1200, "万人")].comparator == ">=" and got[(1.3, "万亿斤")].comparator == ">="
    assert got[(5.5, "%")].comparator == "~" and got[(2.5, "%")].metric == "单位国内生产总值能耗降低"
    assert all(q.kind == "target" for q in found)


def test_work_report_review_section_reports_and_goal_section_sets():
    # 一、2024年工作回顾 … 二、今年主要预期目标 … 三、今年部分重点工作 (比上年增加 in a plan);
    # structured, so the title zone ends at the first heading structure reads
    found = find_quantities(parsed(_fixture("national_work_report_2025_highlights")))
    by_evidence = {q.evidence: q for q in found}
    assert _figures([by_evidence["城镇新增就业1256万人"]]) == [("actual", 1256, "万人", "=", 2024)]
    assert _figures([by_evidence["新能源汽车年产量突破1300万辆"]]) == [("actual", 1300, "万辆", ">", 2024)]
    assert by_evidence["粮食产量首次跃上1.4万亿斤新台阶"].comparator == ">="
    # no date or title: the review of 2024 followed by 今年's goals speaks from 2025
    assert _figures([by_evidence["城镇新增就业1200万人以上"]]) == [("target", 1200, "万人", ">=", 2025)]
    assert by_evidence["赤字规模比上年增加1.6万亿元"].kind == "target"
    assert by_evidence["比上年增加5000亿元"].kind == "target"


def test_bulleted_digest_through_the_pipeline(tmp_path):
    # ■ 2024年成绩单 ●预计…增长6%左右 (an estimate of a year past) ■ 2025年…主要预期目标 ●…
    path = tmp_path / "hubei.txt"
    path.write_text(_fixture("hubei_work_report_2025_digest"), encoding="utf-8")
    found = extract_raw(ingest.load(path)).targets
    by_evidence = {q.evidence: q for q in found}
    assert _figures([by_evidence["预计全省地区生产总值增长6%左右"]]) == [("actual", 6, "%", "~", 2024)]
    assert _figures([by_evidence["粮食总产达到557亿斤"]]) == [("actual", 557, "亿斤", ">=", 2024)]
    assert _figures([by_evidence["城镇新增就业70万人以上"]]) == [("target", 70, "万人", ">=", 2025)]
    assert _figures([by_evidence["粮食产量继续保持500亿斤以上"]]) == [("target", 500, "亿斤", ">=", 2025)]
    assert not any(q.value == 3 for q in found)  # 3大产业: no unit, no figure
    # 10大类52项: categories are counted (大类 / 小类 are units, as in 21大类40个小类91个品目)
    assert {(q.value, q.unit) for q in found} >= {(10, "大类"), (52, "项")}


def test_control_within_and_per_mille_dated_by_this_year():
    found = find_quantities(tree_of(_fixture("shandong_work_report_2013"), meta=DocMeta(date="2013-01-25")))
    by_evidence = {q.evidence: q for q in found}
    assert _figures([by_evidence["城镇登记失业率控制在4%以内"]]) == [("target", 4, "%", "<=", 2013)]
    assert _figures([by_evidence["人口自然增长率控制在6‰以内"]]) == [("target", 6, "‰", "<=", 2013)]
    assert by_evidence["进出口总额力争增长8%左右"].comparator == "~"
    assert len(found) == 11


def test_five_year_goals_with_base_years():
    # 比2020年下降13.5%: 2020 is the base, the goal is due 到2025年
    found = find_quantities(tree_of(_fixture("carbon_peak_action_plan_goals")))
    assert _figures(found) == [("target", 20, "%", "~", 2025), ("target", 13.5, "%", "=", 2025),
                               ("target", 18, "%", "=", 2025), ("target", 25, "%", "~", 2030),
                               ("target", 65, "%", ">=", 2030)]


def test_notice_numbers_dates_and_sessions_are_not_figures():
    # 嘉府办发〔2024〕23号, (2016-2035), 2024年10月10日, 五届七十九次常务会议
    found = find_quantities(tree_of(_fixture("jiading_sponge_city_plan"), meta=DocMeta(date="2024-10-10")))
    assert _figures(found) == [("target", 50, "平方公里", ">=", 2025), ("target", 80, "平方公里", ">=", 2030)]
    assert find_quantities(tree_of(_fixture("suqian_sponge_city_notice_header"))) == ()


def test_statistical_release_year_on_year_and_percentage_points():
    found = find_quantities(tree_of(_fixture("nbs_industrial_profits_2018")))
    assert all(q.kind == "actual" for q in found)
    by_evidence = {q.evidence: q for q in found}
    headline = by_evidence["2018年1-7月份全国规模以上工业企业利润增长17.1%"]
    assert (headline.year, headline.subject) == (2018, "全国")  # 1-7月份 is the period, not the subject
    assert by_evidence["增速比1-6月份放缓0.1个百分点"].unit == "个百分点"
    assert by_evidence["同比增长30.5%"].metric == "国有控股企业实现利润总额同比增长"


def test_power_capacity_units_and_a_note_in_brackets():
    found = find_quantities(tree_of(_fixture("nea_renewables_monitoring_2020")))
    got = {(q.value, q.unit): q for q in found}
    assert (9.34, "亿千瓦") in got and (22154, "亿千瓦时") in got
    assert (got[(3.7, "亿千瓦")].metric, got[(3149, "万千瓦")].metric) == ("水电装机", "抽水蓄能")
    assert got[(3149, "万千瓦")].evidence == "其中抽水蓄能3149万千瓦"
    assert got[(9.34, "亿千瓦")].year == 2020 and (2, "日") not in got


def test_report_titled_by_its_year_dates_its_items():
    # 2016年1-9月全省旅游接待情况: 1、接待海外入境游客860.03万人次,比去年同期增长5.15%
    found = find_quantities(tree_of(_fixture("provincial_tourism_2016")))
    first = found[0]
    assert (first.kind, first.value, first.unit, first.year) == ("actual", 860.03, "万人次", 2016)
    assert first.evidence == "接待海外入境游客860.03万人次"
    assert {q.unit for q in found} == {"万人次", "%", "亿美元", "亿元"}


def test_wave_dash_range_and_day_deadlines():
    # corpus/pdf covid_diagnosis_treatment_plan_ed9_2022: 疗程 3〜6 天 (U+301C wave dash)
    assert _figures(find_quantities(tree_of("疗程 3〜6 天。"))) == [("actual", 3, "天", "=", None)]
    assert only("疗程 3〜6 天。").value_max == 6
    # http://www.fsou.net/html/text/lar/173612/17361218_1.html (行政许可 案卷评查标准)
    q = only("1、具备行政许可受理通知书。受理通知书签署的日期应当在收件后5日内。")
    assert (q.value, q.unit, q.comparator) == (5, "日", "<=")
    # 平府复决字〔2023〕30号: the dates 2023年4月16日 … are no figures, 60日内 is a deadline
    q = only(_fixture("pingluo_review_decision_2023"))
    assert (q.value, q.unit, q.comparator) == (60, "日", "<=")


def test_plan_goals_breakdown_and_background_against_a_past_plan_end():
    # 总体发展目标,到2025年,… 其中,…5000座左右 (a breakdown shares its goal's year);
    # 第一章发展基础: 截至2020年底 … 较“十二五”末增加46.87万辆 (the base, not the year)
    found = find_quantities(tree_of(_fixture("shandong_charging_plan_14th_fyp")))
    by_evidence = {q.evidence: q for q in found}
    assert _figures([by_evidence["公共、专用充换电站保有量达到8000座以上"]]) == [("target", 8000, "座", ">=", 2025)]
    assert _figures([by_evidence["公共充换电站达到5000座左右"]]) == [("target", 5000, "座", "~", 2025)]
    assert _figures([by_evidence["较“十二五”末增加46.87万辆"]]) == [("actual", 46.87, "万辆", "=", 2020)]
    assert _figures([by_evidence["纯电动汽车40万辆"]]) == [("actual", 40, "万辆", "=", 2020)]
    assert _figures([by_evidence["相比“十二五”末增长14倍"]]) == [("actual", 14, "倍", "=", 2020)]


def test_news_report_of_a_plan_target_and_shares_in_tenths():
    found = find_quantities(tree_of(_fixture("cnipa_patents_news")))
    by_evidence = {q.evidence: q for q in found}
    assert _figures([by_evidence["中国每万人口高价值发明专利拥有量达到16件"]]) == [("actual", 16, "件", ">=", 2025)]
    assert by_evidence["超额完成国家“十四五”规划提出的12件的预期目标"].kind == "target"
    assert by_evidence["较“十三五”末提高2.9个百分点"].metric == "占国内有效发明专利总量的比重较“十三五”末提高"
    assert _figures([by_evidence["占高价值发明专利总量的比重保持在七成左右"]]) == [("actual", 7, "成", "~", 2025)]
    assert not any(q.value in (1, 23, 4) for q in found)  # 1月23日电, 四个“有”


def test_review_of_last_year_in_a_dated_news_report():
    # 现代快报 2009-02-03: 省政府去年50项重点工作 … 2008年全省地区生产总值增长12.5%左右 …
    found = find_quantities(tree_of(_fixture("jiangsu_targets_review_2009"), meta=DocMeta(date="2009-02-03")))
    assert len(found) == 14 and all(q.kind == "actual" and q.year == 2008 for q in found)
    by_evidence = {q.evidence: q for q in found}
    assert by_evidence["省政府去年50项重点工作完成情况良好"].value == 50
    listed = [q for q in found if q.evidence == "化学需氧量和二氧化硫排放量分别削减4.48%和7.2%"]
    assert [q.value for q in listed] == [4.48, 7.2]  # listed figures share their clause
    assert by_evidence["城镇登记失业率3.25%"].comparator == "="


@pytest.mark.parametrize("pattern", [figure_pattern(), _YEAR, _FIVE_YEAR_PLAN, _RELATIVE_YEAR])
@given(text=st.text(alphabet=_FIGURE_ALPHABET + "百分之翻番/０５〇今本去上明到截预计力争取底前来末初度“”十四期间规划", max_size=60))
def test_first_character_check_finds_every_match(pattern, text: str):
    # these patterns check a match's first character before their branches: it must miss none
    plain = re.compile(re.sub(r"^\(\?=\[[^]]*\]\)", "", pattern.pattern))
    assert plain.pattern != pattern.pattern
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(text=st.text(alphabet=_FIGURE_ALPHABET + "百分之翻番/０５〇十四点余多来以上及", max_size=60))
def test_figure_matches_are_finditers(text: str):
    # the figures are searched from their first characters: the same matches as a plain finditer
    assert [(m.span(), m.groupdict()) for m in figure_matches(text)] == [
        (m.span(), m.groupdict()) for m in figure_pattern().finditer(text)]


# The document's own year when it carries no date: its title, a dating line, its headings
# (issue 3: in work reports last year's actuals against this year's targets).
NATIONAL_REPORT_2024_HEAD = "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　李强\n"


def test_work_report_dated_by_its_delivery_line_sets_this_years_targets():
    goals = _fixture("national_work_report_2024_targets").split("\n", 1)[1]  # the report's own words
    found = find_quantities(tree_of(NATIONAL_REPORT_2024_HEAD + goals))
    by_evidence = {q.evidence: q for q in found}
    assert _figures([by_evidence["城镇新增就业1200万人以上"]]) == [("target", 1200, "万人", ">=", 2024)]
    assert _figures([by_evidence["粮食产量1.3万亿斤以上"]]) == [("target", 1.3, "万亿斤", ">=", 2024)]
    assert by_evidence["经济增长预期目标为5%左右"].year == 2024  # undated: the report's year


def test_work_report_reviews_the_year_before_it_was_delivered():
    # 2024年政府工作报告, 一、2023年工作回顾: an undated actual of a report delivered in 2024
    review = "国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。城镇新增就业1244万人，城镇调查失业率平均为5.2%。\n"
    found = find_quantities(tree_of(NATIONAL_REPORT_2024_HEAD + review))
    assert {(q.kind, q.year) for q in found} == {("actual", 2023)}
    assert [q.value for q in find_quantities(tree_of(NATIONAL_REPORT_2024_HEAD + "一、2023年工作回顾\n" + review))] \
        == [126, 5.2, 1244, 5.2]


def test_past_year_opens_the_review_of_a_work_report():
    # 2024年政府工作报告, 一、2023年工作回顾 opens: 过去一年 is the year before the report's
    m = _RELATIVE_YEAR.search("过去一年是全面贯彻党的二十大精神的开局之年")
    assert m.group("rel") == "过去一年"


STATISTICAL_BULLETIN_2023 = (  # 中华人民共和国2023年国民经济和社会发展统计公报, 一、综合
    "中华人民共和国2023年国民经济和社会发展统计公报\n国家统计局\n2024年2月29日\n一、综合\n"
    "初步核算，全年国内生产总值1260582亿元，比上年增长5.2%。\n"
    "年末全国人口140967万人，比上年末减少208万人。\n")


@pytest.mark.parametrize("meta", [DocMeta(), DocMeta(date="2024-02-29")])
def test_statistical_bulletin_reports_its_title_year_without_a_year_in_the_sentence(meta):
    found = find_quantities(tree_of(STATISTICAL_BULLETIN_2023, meta=meta))
    assert [(q.kind, q.value, q.unit, q.year) for q in found] == [
        ("actual", 1260582, "亿元", 2023), ("actual", 5.2, "%", 2023),
        ("actual", 140967, "万人", 2023), ("actual", 208, "万人", 2023)]


def test_a_headline_naming_a_reporting_period_dates_the_release():
    # 统计局:2018年1-7月份全国规模以上工业企业利润…: every figure of the release is 2018's
    found = find_quantities(tree_of(_fixture("nbs_industrial_profits_2018")))
    assert {(q.kind, q.year) for q in found} == {("actual", 2018)}


def test_a_deadline_or_a_range_in_the_title_is_not_the_documents_year():
    # 2030年前 is a deadline, not the year of 国发〔2021〕23号: its 2025 goals stay goals
    meta = DocMeta(title="国务院关于印发2030年前碳达峰行动方案的通知")
    found = find_quantities(tree_of(_fixture("carbon_peak_action_plan_goals"), meta=meta))
    assert _figures(found)[0] == ("target", 20, "%", "~", 2025)
    assert {q.kind for q in found} == {"target"}


def test_a_short_form_the_document_defines_names_the_subject():
    # seeds/004: 秦创原总窗口（以下简称“总窗口”）… then 总窗口 as the subject of its figures
    text = ("进一步推进秦创原总窗口（以下简称“总窗口”）建设。\n"
            "到2026年，总窗口技术合同交易额突破500亿元。\n")
    (found,) = find_quantities(tree_of(text))
    assert (found.subject, found.value, found.unit) == ("总窗口", 500, "亿元")


# --- issue 9: rules as data, candidates with named filters, explain ---

def _apiary_tree():
    # source: a county's 畜牧业 plan phrasing, bee colonies counted in 群 (no unit word of the package)
    return parse_raw(RawDocument(path="plan.txt", format="txt", sha256="0",
                                 pages=("到2025年，全县蜂群达到2000群，生猪出栏30万头。",)))


def test_a_unit_word_added_through_a_rules_folder(tmp_path):
    units = lexicons.load_json("quantity_units.json")
    units["units"].append("群")
    (tmp_path / "quantity_units.json").write_text(json.dumps(units, ensure_ascii=False), "utf-8")
    varied = {(q.value, q.unit) for q in extract(_apiary_tree(), rules=tmp_path).targets}
    packaged = {(q.value, q.unit) for q in extract(_apiary_tree()).targets}
    assert (2000, "群") in varied and (2000, "群") not in packaged
    assert (30, "万头") in varied & packaged


def test_explain_shows_every_candidate_and_find_keeps_the_accepted():
    tree = tree_of("一、总体目标\n深化三项改革，到2026年新增高新技术企业3000家，第3个论坛在附件1列出。")
    candidates = explain(tree)
    accepted = [c for c in candidates if c.accepted]
    assert [(q.value, q.unit) for q in find_quantities(tree)] == [(3000.0, "家")]
    assert len(accepted) == 1 and "3000" in accepted[0].text and "2026" in accepted[0].detail
    refused = {c.rejection.filter for c in candidates if not c.accepted}
    assert {"article_or_name", "part_of_a_code", "bare_number"} <= refused
    for c in candidates:
        assert 0 <= c.span[0] < c.span[1] <= len(tree.text)


def test_quantity_data_files_are_well_formed():
    filters = lexicons.load_json("quantity_filters.json")
    names = {f.name for f in FILTERS}
    for key, words in filters.items():
        if key == "_doc":
            continue
        assert isinstance(words, list) and words, key
        assert len({json.dumps(w, ensure_ascii=False) for w in words}) == len(words), f"{key}: duplicates"
    assert {"unreadable", "bare_number", "report_day"} <= names
    units = lexicons.load_json("quantity_units.json")
    assert len(set(units["units"])) == len(units["units"])
    assert set(units["fractional"]) <= set(units["units"])
    comparators = lexicons.load_json("quantity_comparators.json")
    allowed = {">=", ">", "<=", "<", "=", "~"}
    for part in ("before", "after", "infix"):
        assert set(comparators[part].values()) <= allowed, part


def test_indicator_table_flattened_onto_one_line_with_an_owner_column():
    # source: 国家“十四五”规划纲要 主要指标 (values as published), flattened the way a web page
    # gives a table, with the 责任单位 column provincial tables add
    text = ("附件 主要指标 序号 指标名称 2020年完成值 2025年目标值 责任单位 "
            "1 每万人口高价值发明专利拥有量（件） 6.3 12 省市场监管局 "
            "2 数字经济核心产业增加值占GDP比重（%） 7.8 10 省发展改革委 二、保障措施")
    got = {(q.metric, q.kind, q.value, q.unit, q.year) for q in find_quantities(tree_of(text))}
    assert got == {("每万人口高价值发明专利拥有量", "actual", 6.3, "件", 2020),
                   ("每万人口高价值发明专利拥有量", "target", 12, "件", 2025),
                   ("数字经济核心产业增加值占GDP比重", "actual", 7.8, "%", 2020),
                   ("数字经济核心产业增加值占GDP比重", "target", 10, "%", 2025)}


def test_last_year_inside_the_base_of_a_share_dates_the_base_not_the_figure():
    # source: 海南省农机购置与应用补贴实施方案 (2024—2026), corpus/dev m01
    text = PLAN + "补贴额测算比例不超过上年同档次产品市场销售均价的30%。"
    share = find_quantities(tree_of(text, meta=DocMeta(date="2024-07-01")))[-1]
    assert (share.value, share.kind, share.comparator, share.year) == (30, "target", "<=", None)


def test_a_window_counted_from_a_year_is_due_in_its_last_year():
    # GUIDE (conventions decided on real cases): "2012年起5年内" is due 2016
    found = find_quantities(tree_of(PLAN + "自2012年起5年内，新建保障性住房3万套。"))
    assert [(q.value, q.unit, q.kind, q.year) for q in found][-1] == (3, "万套", "target", 2016)


def _summary(text: str) -> list[tuple]:
    tree = parse_raw(RawDocument(path="summary.txt", format="txt", sha256="0", pages=(text,)))
    return [(q.kind, q.value, q.year) for q in find_quantities(tree)]


def test_flattened_work_summary_reads_its_review_and_its_plan():
    # a work summary as a crawled page gives it: the whole page on one line, headings set off by spaces
    text = ("杭州市科技局2023年工作总结和2024年工作思路 一、2023年工作总结 全年新增高新技术企业1200家，"
            "技术合同成交额达到500亿元。 二、2024年工作思路 力争新增高新技术企业1000家以上。")
    assert _summary(text) == [("actual", 1200, 2023), ("actual", 500, 2023), ("target", 1000, 2024)]


def test_review_section_naming_no_year_reports_the_summarys_year():
    text = ("杭州市科技局2023年工作总结\n一、主要工作成效\n全年新增高新技术企业1200家。\n"
            "二、下一步工作打算\n力争新增高新技术企业1000家以上。")
    assert _summary(text)[0] == ("actual", 1200, 2023)


@pytest.mark.parametrize("text, expected", [
    ("每年参加继续教育不少于40课时", (40, "课时", ">=")),  # a standard in 课时
    ("注册资本不低于1亿元人民币", (1, "亿元人民币", ">=")),  # a unit with its currency
    ("最高分值为20分", (20, "分", "<=")),  # 最高 a short verb away
    ("处一万元以上十万元以下的罚款", (1, "万元", "=")),  # a band is one range
    ("行政拘留最长不得超过90日", (90, "日", "<=")),
])
def test_units_and_comparators_of_rules(text, expected):
    q = only(PLAN + text)
    assert (q.value, q.unit, q.comparator) == expected


def test_very_is_no_count():
    assert find_quantities(tree_of(PLAN + "对全省发展意义十分重大。")) == ()


def test_conditions_back_references_and_named_rules_are_no_figures():
    # source: 中华人民共和国个人所得税法实施条例 (2018), 浙江省促进科技成果转化条例 (2021),
    # and the 中央八项规定精神 every party document cites
    text = ("在中国境内居住累计满183天的年度连续不满六年的，免予缴纳个人所得税。"
            "科技成果完成人要求按照前两款规定获取奖励的除外。巩固拓展深入贯彻中央八项规定精神学习教育成果。")
    assert find_quantities(tree_of(PLAN + text)) == ()


def test_run_in_goal_heading_dates_the_goals_of_its_paragraph():
    # source: 国务院办公厅关于加快发展体育竞赛表演产业的指导意见 (国办发〔2018〕121号), gov.cn
    text = ("特制定本意见。\n（三）发展目标。到2025年，体育竞赛表演产业总规模达到2万亿元，基本形成产业体系。"
            "建设若干体育赛事城市，推出100项具有较大知名度的体育精品赛事。")
    assert [(q.value, q.year) for q in find_quantities(tree_of(text))] == [(2, 2025), (100, 2025)]


@pytest.mark.parametrize("text, metric", [
    # source: 广州市天河区深化支持港澳青年创新创业高质量发展实施办法 (穗天科工信规字〔2023〕1号)
    ("对符合条件的在读港澳青年，给予每人每月3000元实习补贴。", "实习补贴"),
    ("港澳青年实际权益持股比例达25%以上或港澳青年员工人数比例达30%以上的企业。", "港澳青年实际权益持股比例"),
    # source: 海南省农机购置与应用补贴实施方案 (2024—2026)
    ("全省补贴机具种类范围（以下简称全省补贴范围）为21大类。", "补贴机具种类范围"),  # 全省 is its subject
    ("农机创新产品年度使用资金量按不超过年度中央财政资金总规模的15%安排。", "年度中央财政资金总规模"),
    # source: a news report of the 2022 government work report: 平均 is the average, not 均 (all)
    ("2021年城镇调查失业率平均为5.1%。", "城镇调查失业率平均"),
])
def test_metric_names_what_is_measured(text, metric):
    assert metric in find_quantities(tree_of(PLAN + text))[0].metric


def test_two_figures_of_one_sentence_are_two_statements_and_a_restated_goal_is_one():
    # source: 海南省农机购置与应用补贴实施方案 (2024—2026): one value, two caps in one sentence
    text = (PLAN + "通用类品目机具可高于最高补贴额，幅度控制在最高补贴额的20%以内；"
            "非通用类品目机具可高于上年度补贴额，幅度控制在上年度补贴额的20%以内。\n"
            "到2026年，高新技术企业数量达到4000家。\n三、重点任务\n推动高新技术企业数量达到4000家。")
    found = find_quantities(tree_of(text))
    assert [(q.value, q.year) for q in found if q.value == 20] == [(20, None), (20, None)]
    assert len([q for q in found if q.value == 4000]) == 1


# source: 安徽省人民政府关于2022年重点工作及责任分解的通知 (皖政〔2022〕…; via ahnews / bbs.tongheshandao.com)
_KEY_TASKS_2022 = ("安徽省人民政府关于2022年重点工作及责任分解的通知\n"
                   "一、确保完成全年主要预期目标\n"
                   "3﹒社会消费品零售总额增长9%左右。\n牵头责任单位：省商务厅。\n"
                   "4﹒进出口总额增长9%左右、增速高于全国平均水平。\n牵头责任单位：省商务厅。\n")


def _key_tasks() -> DocTree:
    return parse_raw(RawDocument(path="key_tasks.txt", format="txt", sha256="0", pages=(_KEY_TASKS_2022,)))


def test_two_items_with_the_same_figure_and_a_shared_head_word_are_two_targets():
    found = find_quantities(_key_tasks())
    assert [(q.metric[:5], q.value) for q in found] == [("社会消费品", 9), ("进出口总额", 9)]


def test_a_yearly_key_task_list_dates_its_undated_targets_by_its_title_year():
    assert {(q.kind, q.year) for q in find_quantities(_key_tasks())} == {("target", 2022)}


def test_a_count_in_a_heading_structure_read_describes_and_measures_nothing():
    # source: corpus/seeds/002 — （一）四个特色定位 heads the four positions it then lists
    text = PLAN + "一、总体要求\n（一）四个特色定位\n坚持创新引领，到2025年，新增企业100家。\n"
    decisions = {c.text: c.rejection.filter if c.rejection else "accepted" for c in explain(parsed(text))}
    assert decisions["四个"] == "measures_nothing" and decisions["100家"] == "accepted"



def test_a_numbered_item_that_is_a_sentence_states_its_figures():
    # source: ../shared/corpus/dev/n08 (个人所得税法实施条例 2018, 第二十五条) — an item of one
    # long clause with its ；, not a heading: its count is a condition, read without the item's mark
    text = ("第二十五条　取得综合所得需要办理汇算清缴的情形包括：\n"
            "（一）从两处以上取得综合所得，且综合所得年收入额减除专项扣除的余额超过6万元；\n")
    found = {q.value: q.metric for q in find_quantities(parsed(text))}
    assert found.keys() == {2, 6} and not found[2].startswith(("一", "）"))


def test_a_long_numbered_item_holding_a_formula_states_its_rate():
    # source: ../shared/corpus/dev/10 (平潭 划拨建设用地使用权转让实施办法 2018, 三（一）)
    text = ("三、国有划拨土地使用权转让补缴土地出让金征收标准及出让年限\n"
            "（一）住宅用地出让金=办理出让时住宅用地基准地价地面价×30%×容积率修正系数×土地使用面积;"
            "商服、住宅用途混合宗地的由规划局认定其比例后收取相应比例的土地出让金。\n")
    assert [q.value for q in find_quantities(parsed(text))] == [30]


def test_a_year_opening_a_reported_paragraph_dates_its_later_sentences_only():
    # source: http://tzmsjc.com/ntstj/tjsj/content/8efb591f-f32a-464c-8c9a-b4996eb10499.html
    # (a city statistics bureau's note on 2024 high-tech manufacturing); the second paragraph
    # is a same-style line with no year: the first paragraph's year does not reach it
    text = ("2024年,全市规模以上高技术制造业产值较上年增长4.9%,分别比一季度、上半年、三季度提升10.0、5.2和0.5个百分点。"
            "高技术制造业产值占全市规模以上工业总产值的比重为15.8%,分别比一季度提升1.2个百分点。\n"
            "分行业看,对全市规模以上高技术制造业产值增长的贡献度分别为25.9%和71%。\n")
    years = {q.value: q.year for q in find_quantities(tree_of(text))}
    assert years[4.9] == years[15.8] == years[1.2] == 2024 and years[25.9] is None


def test_a_year_heading_a_short_topic_sentence_dates_its_paragraph():
    # source: https://sd.ifeng.com/c/8gI30hKdEXM (凤凰网山东 on the 2025 Shandong work report)
    text = ("1月20日上午，山东省第十四届人民代表大会第三次会议开幕，省长周乃翔作政府工作报告。\n"
            "报告指出，2024年山东产业升级成效显著。工业增势强劲，规上工业增加值增长8.3%，高于全国2.5个百分点。"
            "新增国家先进制造业集群3个。\n")
    assert {q.year for q in find_quantities(tree_of(text))} == {2024}


def test_an_estimate_in_a_reported_years_paragraph_is_that_years_actual():
    # source: https://emergingtech.us/news/search?form=PTFTNR&q=%E7%AC%AC135&qft=interval%3D%224%22
    # (news of the 2025 Hefei work report): 预计 estimates the year just reported, it sets no goal
    text = ("1月15日，合肥市第十七届人民代表大会第四次会议拉开帷幕。今年的合肥市政府工作报告显示，"
            "2024年合肥主要指标增幅高于全国、好于全省。预计地区生产总值增长5.8%左右，"
            "规上工业增加值增长14.9%左右、增幅居万亿城市首位。\n")
    assert [(q.kind, q.year) for q in find_quantities(tree_of(text))] == [("actual", 2024)] * 2


def test_a_year_whose_sentence_plans_opens_no_reported_paragraph():
    # source: http://chinaiut.com/gdjt/94830.html (合肥大建设 2023 results and 2024 plan, 2024-01-14)
    from extractor.extraction.quantities.context import _reported_scopes
    planned = "记者采访了解到，2024年，合肥将不断强化投资“赛马”机制。普遍成立城中村工作专班。"
    reported = ("经初步统计，2023年，合肥铁路建设保持领先，高铁格局由“米字型”向超“时钟型”迈进，"
                "全市累计建成及在建铁路里程1066公里；轨道交通建设步伐提速，1号线三期与2、3号线延长线开通运营，"
                "运营里程突破200公里。")
    assert _reported_scopes(planned, None, None) == []
    assert [(s.year, s.kind) for s in _reported_scopes(reported, None, None)] == [(2023, "actual")]


def test_a_year_dating_one_event_dates_no_paragraph():
    # source: corpus/seeds/000 — 2021年启动的…平台建设 names when a platform started, not the
    # year the paragraph's counts describe
    text = ("在多年聚焦城市空间形态创新之后，2021年启动的陕西秦创原创新驱动平台建设，让这个国家级新区找到了着力点。"
            "西咸新区先后构建起20余家共性研发平台和30余家创新联合体。\n")
    assert {q.year for q in find_quantities(tree_of(text))} == {None}


def test_a_spelled_out_amount_in_yi_needs_no_unit_word():
    # source: http://www.55883801.com/cj/jjgc/2012-11-30/82657.html (陕西日报 on 西安经开区,
    # 2012) and https://www.chacewang.com/newsdetail/news163030.html (咸宁 “334”产业集群意见):
    # 突破万亿 is an amount; 万亿级 and 万亿大健康产业 name a class of industry
    text = (PLAN + "力争到2020年，使经开区工业总产值突破万亿，成为“万亿级”工业园区。\n"
            "配套武汉市发展万亿大健康产业。\n")
    found = [(q.value, q.unit, q.comparator, q.year) for q in find_quantities(tree_of(text))]
    assert found == [(1, "万亿", ">", 2020)]


def test_a_count_restating_a_run_of_quoted_words_describes():
    # source: https://sdxcmqj.com/htmlnews/2018/8/416391.shtm (中国科学报 2018-08-09, 高新区要做实做好“两篇文章”)
    text = REPORT + "看一个高新区是不是有竞争力、发展潜力大不大，关键是看能不能把“高”和“新”两篇文章做实做好。\n"
    decisions = {c.text: c.rejection.filter if c.rejection else "accepted" for c in explain(tree_of(text))}
    assert decisions["两篇"] == "restates_a_list"


def test_a_grants_metric_cut_from_a_quoted_list_keeps_no_stray_quote():
    # source: ../shared/corpus/dev/m03 (天河区 港澳青年创新创业 措施 2023): 三个 restates the three
    # quoted stages, and the grants' metric, cut at its length, starts on a word, not on ”
    text = (PLAN + "对实现“小升规”“规改股”“股上市”三个梯度发展目标的港澳青年企业分别给予10万元、20万元和"
            "50万元的一次性奖励支持。\n")
    found = find_quantities(tree_of(text))
    assert [q.value for q in found] == [10, 20, 50] and not found[0].metric.startswith("”")


def test_a_news_report_of_a_plans_goals_dates_them_by_the_plans_year():
    # source: 工业和信息化部发布《“十四五”信息化和工业化深度融合发展规划》 (news report, 2021-12-02)
    text = (REPORT + "《规划》提出，到2025年，全国两化融合发展指数提高至105。在具体指标方面，"
            "企业经营管理数字化普及率达到80%，关键工序数控化率达到68%。\n据了解，下一步，工信部将加大培育力度。\n")
    found = find_quantities(tree_of(text))
    assert [(q.value, q.kind, q.year) for q in found] == [(80, "target", 2025), (68, "target", 2025)]


def test_a_headline_naming_a_period_and_a_dateline_open_no_goals():
    # source: 科技日报 2025-09-11, “十四五”时期我国新型工业化走深走实
    text = ("“十四五”时期我国新型工业化走深走实\n2025-09-11 08:52:30 科技日报 作者: 记者\n"
            "“十四五”以来，相关部门支持46个城市开展新型技术改造城市试点，累计建成了1260家5G工厂。\n")
    assert {q.kind for q in find_quantities(parse_raw(RawDocument(path="news.txt", format="txt", sha256="0",
                                                                  pages=(text,))))} == {"actual"}


def test_a_cap_a_policy_sets_is_a_target_however_its_sentence_opens():
    # source: chacewang.com/newsdetail/news748437.html (a county's industrial support measures):
    # 上年度 names who qualifies; 最高 before the sum sets the cap (GUIDE: caps are targets)
    found = {q.evidence: q for q in find_quantities(parsed(
        "对上年度产值5000万元以下的企业，产值每新增1000万元奖励2万元，每家企业最高奖励300万元。"))}
    cap = next(q for q in found.values() if q.value == 300)
    assert (cap.kind, cap.comparator) == ("target", "<=")


def test_the_cap_word_inside_a_body_s_name_is_no_cue():
    # a work report's figures in the form the Supreme People's Court reports them: 最高 names the
    # court here, not a cap, and the year reported decides
    found = find_quantities(parsed("2023年，最高人民法院受理案件2.1万件，审结1.8万件。"))
    assert [(q.kind, q.year) for q in found] == [("actual", 2023), ("actual", 2023)]


def test_a_report_of_a_plan_opened_by_according_to_dates_the_goals_after_it():
    # source: 宁夏日报 on the NDRC's 先行区 plan (2022-04-29), in the form every such news report
    # takes: 根据《实施方案》，到2025年，<a topic sentence>。<the goals, in the next sentences>
    text = ("4月28日，国家发展改革委正式印发《支持宁夏建设黄河流域生态保护和高质量发展先行区实施方案》。\n"
            "根据《实施方案》，到2025年，先行区建设取得重要进展。单位地区生产总值用水量下降15%以上，"
            "森林覆盖率达到20%。")
    goals = [q for q in find_quantities(parsed(text)) if q.value in (15, 20)]
    assert [(q.kind, q.year) for q in goals] == [("target", 2025), ("target", 2025)]


def test_a_word_ending_in_yi_before_the_article_is_no_count():
    # source: 宁夏日报 (2022-04-29) 作为唯一一个全境属于黄河流域的省区; 逐一 and 统一 end words the same way
    text = "作为唯一一个全境属于黄河流域的省区，宁夏既有区位优势。对问题清单逐一一项项销号，统一一个标准。"
    assert find_quantities(parsed(text)) == ()


def test_common_measure_words_count_things_but_not_inside_words():
    # source: 金华市婺城区 2025 energy targets (充电设施…根); measure words of wells, bags and pieces
    found = [(q.value, q.unit) for q in find_quantities(parsed(
        "全年新增公共充电设施260根以上。新打机井120眼，发放良种3万袋。根据第3节规定，划分2片区。"))]
    assert found == [(260, "根"), (120, "眼"), (3, "万袋")]


def test_an_undated_bulletin_takes_the_year_its_opening_paragraph_names():
    # source: 松原市2024年国民经济和社会发展统计公报, as reprinted without its title
    found = [(q.value, q.kind, q.year) for q in find_quantities(parsed(
        "2024年是实现“十四五”规划目标任务的关键一年。全市经济运行总体稳中向好。\n一、综合\n"
        "初步核算，全年全市实现地区生产总值1002.18亿元，比上年增长3.8%。"))]
    assert found == [(1002.18, "actual", 2024), (3.8, "actual", 2024)]


def test_a_footnote_mark_is_no_part_of_a_metric():
    # source: 松原市2024年国民经济和社会发展统计公报 (地区生产总值[2]: a footnote on the accounting)
    assert only("全年全市实现地区生产总值[2]1002.18亿元。").metric == "地区生产总值"  # (实现 only reaches the figure)


def test_a_negative_figure_keeps_its_sign_but_a_hyphen_in_a_code_is_no_sign():
    # source: 松原市2024年国民经济和社会发展统计公报; 新冠肺炎防控方案 (标本于-70℃保存)
    found = [(q.metric, q.value, q.unit) for q in find_quantities(parsed(
        "全年人口出生率为4.12‰，人口自然增长率为-3.93‰。标本应置于-70℃保存。执行GB/T 9704-2012标准。"))]
    assert found[:2] == [("人口出生率", 4.12, "‰"), ("人口自然增长率", -3.93, "‰")]
    assert (-70, "℃") in [(v, u) for _, v, u in found] and all(v not in (2012, -2012) for _, v, _ in found)


def test_a_bound_after_the_figure_says_which_way_a_reached_figure_goes():
    # source: 中共黑龙江省委 黑龙江省人民政府 关于…加快建设绿色龙江的意见 (2024)
    assert only("到2026年，全省细颗粒物平均浓度达到26.5微克/立方米以下。").comparator == "<="
    assert only("到2026年，高新技术企业数量达到100家以上。").comparator == ">="


def test_a_whole_year_target_of_a_dated_policy_is_due_that_year():
    # source: 金华市婺城区人民政府 关于推动经济高质量发展若干政策举措(2025年版), 2025-04-01
    title = "金华市婺城区人民政府关于印发关于推动经济高质量发展若干政策举措的通知"
    tree = tree_of(f"{title}\n严格落实国家能耗政策。全年新增光伏装机5万千瓦以上。",
                   meta=DocMeta(title=title, date="2025-04-01"))
    assert [(q.value, q.kind, q.year) for q in find_quantities(tree)] == [(5, "target", 2025)]


def test_a_place_suffix_inside_a_word_ends_no_subject():
    # source: 河南省人民政府 2023年重点工作责任单位 (落实好提振市场信心90条措施); 新冠防控方案 (各省份)
    assert only("到2023年，落实好提振市场信心90条措施。").subject is None
    assert only("到2023年，各省份要统筹储备跨区域支援流调队伍200支。").subject is None


def test_a_second_home_is_no_count_of_two():
    # source: 河南省人民政府 2023年重点工作责任单位 (落实首套房贷款支持政策，优化二套房认定标准)
    assert [q.value for q in find_quantities(parsed("到2023年，优化二套房认定标准，建成两套系统。"))] == [2]


def test_a_share_of_the_whole_and_a_level_held_read_as_written():
    # 新乡市建设制造强市三年行动计划(2023—2025年) (henan.kjzch.com, 2023): 占全市… is a share, not a
    # subject; 稳定在 only says the level is held (GUIDE: plain =, a bound after it wins)
    text = "到2025年,制造业增加值占全市生产总值的比重稳定在30%以上,规模以上工业企业力争突破2200家。"
    share = find_quantities(parsed(text))[0]
    assert (share.metric, share.subject, share.comparator, share.year) == (
        "制造业增加值占全市生产总值的比重", None, ">=", 2025)
    held = find_quantities(parsed("将雄安新区蓝绿空间占比稳定在70%。粮食产量稳定在1.4万亿斤左右。"))
    assert [(q.comparator, q.value) for q in held] == [("=", 70), ("~", 1.4)]
    assert held[0].metric.endswith("蓝绿空间占比")


def test_a_conjunction_before_the_next_figure_is_not_part_of_the_metric():
    # 开封市推动制造业高质量发展实施方案 (kaifeng.gov.cn, 2020)
    text = "到2025年,培育形成2个千亿级产业集群和6个五百亿级产业集群。"
    assert [q.metric for q in find_quantities(parsed(text))] == ["培育形成千亿级产业集群", "五百亿级产业集群"]


def test_measures_declared_with_zhiding_ruxia_set_targets():
    # 黑龙江省 创新龙江 政策措施 (xcb.shxy.edu.cn): 制定如下政策措施 declares a policy; a rise 在现有基础上
    # is a commitment, not a figure reported
    text = ("为深入落实党的二十大精神,着力建设创新龙江,制定如下政策措施。\n一、支持原始创新,增强源头供给\n"
            "1.加大对基础研究和应用基础研究支持力度。扩大国家自然科学基金区域创新发展联合基金的出资规模,"
            "我省出资额在现有基础上提高25%。对新获批的国家实验室基地,给予一次性1000万元资助。")
    assert [(q.value, q.kind) for q in find_quantities(parsed(text))] == [(25, "target"), (1000, "target")]


def test_a_figure_reached_by_a_change_verb_and_the_end_of_a_past_plan_period():
    # 苏尼特右旗“十四五”规划纲要: “十三五”期末 is 2020, before the plan's own period (so reported);
    # 增加到 only says the level reached
    text = ("“十四五”时期(2021~2025年),是开启全面建设社会主义现代化国家新征程的第一个五年。\n"
            "第一篇 开创现代化建设新征程\n第一章 发展环境\n第一节 发展成就\n"
            "经济基础更加稳固。“十三五”期末,全旗地区生产总值增加到37.6亿元,固定资产投资累计总量达到100亿元。")
    first = find_quantities(parsed(text))[0]
    assert (first.metric, first.value, first.comparator, first.year, first.kind) == (
        "全旗地区生产总值", 37.6, "=", 2020, "actual")


def test_the_day_a_news_report_opens_with_is_no_figure():
    # 人民网 2019-05-10, 科技部：2019年承办建议提案共849件 (zxfzw.org.cn/show-1695.html)
    text = ("人民网北京5月10日电 (吕骞)10日,在国务院政策例行吹风会上,科技部副部长李萌表示,"
            "去年科技部共承办了全国人大建议408件,全国政协提案441件。")
    assert [(q.value, q.unit) for q in find_quantities(parsed(text))] == [(408, "件"), (441, "件")]
    assert [q.value for q in find_quantities(parsed("隔离观察14日,期满解除。"))] == [14]


def test_value_added_is_a_measure_not_a_rise():
    # a statistical bulletin's 其中 sentence: each industry's growth keeps its own metric, so the
    # second 3.8% is no repeat of the first (增加值 is value added, not 增加 a rise)
    text = ("初步核算，全年全市地区生产总值1002.18亿元，按可比价格计算，比上年增长3.8%。其中，"
            "第一产业增加值241.09亿元，比上年增长3.8%；第二产业增加值237.72亿元，增长0.5%。")
    assert [q.metric for q in find_quantities(parsed(text))] == [
        "地区生产总值", "地区生产总值比上年增长", "第一产业增加值", "第一产业增加值比上年增长",
        "第二产业增加值", "第二产业增加值增长"]


def test_a_statistical_bulletins_measures_and_its_three_sectors():
    # source: a county's 2015 statistical bulletin (qdndz.gov.cn, 统计公报): 完成 after a measure
    # names nothing; 三次产业 are the three sectors, no count of times
    text = ("初步测算，2015年全县工业增加值完成40653万元，同比增长13.5%。"
            "2015年三次产业结构比为25.72:26.84:47.44。")
    assert [(q.metric, q.value) for q in find_quantities(tree_of(PLAN + text))] == [
        ("工业增加值", 40653), ("工业增加值同比增长", 13.5)]


def test_a_reach_verb_before_the_measure_is_no_part_of_it():
    # source: 建德市 建政函〔2023〕37号 (实现 reaches the figure) and 开封市 制造业 plan 2020 (its subject)
    found = find_quantities(tree_of(PLAN + "到2027年，力争实现地区生产总值超600亿元。"
                                    "到2025年，力争实现全市8大重点产业集群总量超过五千亿规模。"))
    assert [(q.metric, q.subject) for q in found] == [("地区生产总值", None), ("8大重点产业集群总量", "全市")]
