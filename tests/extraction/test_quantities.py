"""Quantities on literal sentences of the bundled corpus, one hard form each; forms the
corpus lacks (fines, 十四五, indicator tables) on sentences in the same administrative style."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.extraction.quantities import compact, find_quantities
from extractor.model import CleanText, DocMeta, DocTree, Quantity, Table
from tests.conftest import SEEDS


def tree_of(text: str, *, meta: DocMeta = DocMeta(), tables: tuple[Table, ...] = ()) -> DocTree:
    clean = CleanText(text=text, offsets=tuple(range(len(text) + 1)))
    return DocTree(doc_id="t", source="t.txt", sha256="", format="txt", pages=1, clean=clean,
                   meta=meta, tables=tables)


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
    assert [(q.value, q.unit) for q in found] == [(87, "家"), (0.75, ""), (0.5, "")]


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


def test_compact_joins_broken_lines_but_keeps_heading_breaks():
    view = compact("一、总体要求\n\n以习近平新时代中国特色社会主义思想为指导\n\n941.2 亿元")
    assert view.text == "一、总体要求\n以习近平新时代中国特色社会主义思想为指导941.2亿元"
    assert len(view.offsets) == len(view.text)


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
    firms, platforms = find_quantities(tree_of(text))
    assert (firms.year, firms.comparator) == (2027, ">=")
    assert platforms.year is None


def test_deadlines_and_fines_of_administrative_rules():
    text = ("本办法自公布之日起施行。\n行政机关应当自受理申请之日起20个工作日内作出决定。"
             "违反本条例规定的，处一万元以上十万元以下的罚款。")
    days, low, high = find_quantities(tree_of(text))
    assert (days.value, days.unit, days.comparator) == (20, "个工作日", "<=")
    assert (low.value, low.unit, low.comparator) == (1, "万元", ">=")
    assert (high.value, high.unit, high.comparator) == (10, "万元", "<=")


def test_latin_codes_are_not_figures():
    assert find_quantities(tree_of("建设5G基站，监测PM2.5浓度，核酸检测COVID-19。")) == ()


def test_indicator_table_flattened_into_text_lines():
    text = ("附表 主要指标\n序号 指标 单位 2020年 2025年 属性\n1 地区生产总值 亿元 3000 4500 预期性\n"
            "2 研发经费投入强度 % 2.5 ≥3.0 预期性\n开展专项行动。")
    found = find_quantities(tree_of(text))
    got = {(q.metric, q.kind, q.value, q.unit, q.year, q.comparator) for q in found}
    assert got == {("地区生产总值", "target", 4500, "亿元", 2025, "="), ("地区生产总值", "actual", 3000, "亿元", 2020, "="),
                   ("研发经费投入强度", "target", 3.0, "%", 2025, ">="), ("研发经费投入强度", "actual", 2.5, "%", 2020, "=")}


def test_numbers_in_neighbouring_cells_stay_apart():
    assert compact("地区生产总值 3000 4500 亿元").text == "地区生产总值3000|4500亿元"


def test_vague_and_approximate_magnitudes():
    found = find_quantities(tree_of(REPORT + "带动就业10余万人，吸引上千家企业，数十家机构参与，产值增长一倍。"))
    assert [(q.value, q.unit, q.comparator) for q in found] == [(10, "万人", "~"), (1000, "家", "~"), (1, "倍", "=")]


def test_whole_action_plan_as_extracted_from_its_pdf():
    text = (SEEDS / "004_36e5cd320c0db03f.txt").read_text(encoding="utf-8")
    found = find_quantities(tree_of(text))
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
