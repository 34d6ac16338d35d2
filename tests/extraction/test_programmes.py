"""Programmes on sentences from the bundled corpus, including the hard forms of GUIDE.md."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from hypothesis import example, given, settings, strategies as st

from extractor import lexicons
from extractor.extraction import extract
from extractor.extraction.programmes import explain, find_programmes
from extractor.extraction.programmes.cues import by_first_character, load_cues, starting
from extractor.extraction.programmes.document import Doc
from extractor.extraction.programmes.start import clause_word, first_fitting, first_word
from extractor.lexicons import alternation
from extractor.model import RawDocument
from extractor.text.view import view
from extractor.pipeline import parse_raw


def programmes(text: str) -> dict[str, tuple[str, ...]]:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    tree = parse_raw(RawDocument(path="snippet.txt", format="txt", sha256=sha, pages=(text,)))
    return {p.name: p.aliases for p in find_programmes(tree)}


def test_quoted_run_closed_by_a_list_noun():
    found = programmes("通过常态化实施“揭榜挂帅”“赛马制”等机制，引导创新资源向解决关键共性技术和"
                       "“卡脖子”问题集中，增强区域创新体系的整体攻关能力。")
    assert set(found) == {"揭榜挂帅", "赛马制"}


def test_named_models_in_a_list():
    found = programmes("一方面，通过探索“校招共用”“先使用后付费”“技术托管”等模式，有效破解")
    assert set(found) == {"校招共用", "先使用后付费", "技术托管"}


def test_metaphors_are_not_programmes():
    found = programmes("如果把“秦创原”平台比作加速创新资源融合\n\n的“反应釜”，那么，在西咸新区启动的“三项改革”\n\n就是“点火器”。")
    assert "三项改革" in found
    assert not {"反应釜", "点火器"} & set(found)


def test_an_image_counted_among_counted_terms_is_part_of_the_scheme():
    # 国发〔2023〕16号 (推动内蒙古高质量发展的意见): the 桥头堡 of a list of counted positions
    found = programmes("推动内蒙古在建设“两个屏障”、“两个基地”、“一个桥头堡”上展现新作为,加快落实“五大任务”。")
    assert {"两个屏障", "两个基地", "一个桥头堡", "五大任务"} <= set(found)
    # corpus/seeds/002: the same count beside a layout, not a counted term, stays an image
    assert "两个帽子" not in programmes("第一步：围绕如何拿回“一区一中心”“两个帽子”，要建好科技创新平台。")


def test_descriptive_slogan_is_not_a_programme():
    assert programmes("四是要把优化科技创新生态圈作为支撑，让“近者悦、远者\n\n来”。") == {}


def test_description_of_people_is_not_a_programme():
    assert programmes("分领域新组建一批“懂科技+懂产业+懂资本+懂市场+懂招商+懂培育”的复合型科技经纪人") == {}


def test_aliases_merge_into_one_programme():
    found = programmes("深化职务科技成果“三项改革”，截至2025年，“三项改革”已覆盖全省200余家单位。")
    assert found == {"三项改革": ("职务科技成果“三项改革”",)}


def test_numeric_abbreviations():
    found = programmes("依托秦创原“一总两带”的整体布局，西咸新区其首创的“三池一机制”，利用高校人才。"
                       "会议提出要统筹推进“十个聚焦”。")
    assert {"一总两带", "三池一机制", "十个聚焦"} <= set(found)


def test_formula_with_its_scheme_noun():
    found = programmes("持续完善“1+N”政策体系，对标先进地区，围绕场景创新")
    assert "“1+N”政策体系" in found["1+N"]


def test_enumerated_model_needs_its_scheme_noun():
    found = programmes("②拓展“飞地创新、离岸孵化、回迁发展”模式，鼓励总窗口企业。按照“需求导向、协同联动、合作共赢”的原则，引进高校")
    assert set(found) == {"飞地创新、离岸孵化、回迁发展"}


def test_defined_abbreviation_joins_its_full_name():
    found = programmes("进一步卓有成效地推进秦创原总窗口（以\n\n下简称“总窗口”）建设，更好发挥总窗口在全省创新驱动发展中的示范引领作用")
    assert found == {"秦创原总窗口": ("总窗口",)}


def test_unquoted_named_schemes():
    found = programmes("2.实施海外人才聚集工程，打造海外人才聚集高地。3.建好秦创原资本大市场，实现“一站式”金融服务")
    assert set(found) == {"海外人才聚集工程", "秦创原资本大市场"}


def test_section_heading_and_generic_phrases_are_not_named():
    found = programmes("（二）创新资源聚变行动\n1.集群式布局50个重大创新基地和创新平台，特制定本行动计划。")
    assert found == {}


def test_name_broken_across_lines():
    assert set(programmes("推进“三项改\n\n革”拓面、扩量、提质")) == {"三项改革"}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="“”一二三总带池机制+N改革计划基金实施等模式的，。\n 秦创原科技大市场", max_size=80))
def test_mentions_are_in_range_and_not_blank(text):
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    tree = parse_raw(RawDocument(path="s.txt", format="txt", sha256=sha, pages=(text,)))
    for p in find_programmes(tree):
        assert p.name and p.mentions
        for start, end in p.mentions:
            assert 0 <= start < end <= len(tree.text)
            assert tree.text[start:end].strip()


def test_short_form_of_a_branded_name_folds_into_it():
    found = programmes("秦创原创新驱动平台赋能西安区域科技创新中心建设的实践与思考\n"
                       "成立秦创原资本大市场，引进西部创投生态服务中心。"
                       "依托秦创原平台，主动融入国家实验室体系和国家重大科技任务布局。")
    assert "秦创原平台" in found["秦创原创新驱动平台"]
    assert "秦创原资本大市场" in found


def test_nationwide_names_inside_an_enumeration():
    found = programmes("①健全科技政策兑现机制，“一站通兑、一网通办”“免\n\n申即享”“即申即享”")
    assert {"一网通办", "免申即享", "即申即享"} <= set(found)


def test_department_and_schedule_are_not_programmes():
    found = programmes("市和区县发展改革、经济和信息化、农业、教育、财政等部门在各自的职责范围内，"
                       "负责有关的科学技术进步工作。具体办法由市发展改革部门会同有关部门制定。"
                       "对入境人员实施“7天集中隔离医学观察+3天居家健康监测”管理措施。")
    assert found == {}


def test_campaigns_named_by_place():
    found = programmes("新污染物环境与健康风险得到有力管控，提升美丽平潭、健康平潭建设水平。"
                       "采取发送短信、核酸检测、健康监测、隔离等措施。")
    assert set(found) == {"美丽平潭", "健康平潭"}


# Sentences of documents from other provinces (tests/fixtures/structure/SOURCES.md).

def test_common_prosperity_zone_keeps_its_first_word():
    found = programmes("围绕“扩中”“提低”,以全市就业年龄段的7600多名持证残疾人为主要对象,"
                       "以共同富裕示范区建设和数字化改革为牵引,更好地发挥政府部门作用。")
    assert "共同富裕示范区" in found
    assert "富裕示范区" not in found


def test_generic_project_after_a_verb_is_no_programme():
    found = programmes("(一)支持民间投资介入重大工程项目建设。\n"
                       "1.聚焦国家“十四五”计划102项重大工程、国家重大战略以及省委、省政府明确的重点建设义务。")
    assert not any("重大工程" in name for name in found)


def test_reform_of_an_institution_is_a_general_concept():
    found = programmes("坚持新发展理念,推动大众创业、万众创新,进一步深化收入分配制度改革,"
                       "强化收入分配政策激励导向,分群体施策。")
    assert "收入分配制度改革" not in found


def test_quoted_schemes_of_a_provincial_notice():
    found = programmes("二、积极引导高校毕业生到基层就业。继续组织实施“选派大学生到村任职”、“选调生”、"
                       "“三支一扶”(支教、支农、支医和扶贫)等项目。从2009年起,“三支一扶”期间大学生的各项生活与"
                       "交通补助所需经费由省、市、县三级财政按照4:3:3的比例分担。")
    assert {"选派大学生到村任职", "三支一扶"} <= set(found)


def test_livelihood_projects_are_a_general_concept():
    found = programmes("开展城市社区嵌入式服务设施建设是新时代新征程党中央、国务院部署的重大民生工程,"
                       "是坚持以人民为中心,推动城市更好承载人民美好生活的重大政策。")
    assert "重大民生工程" not in found


# Sentences of programme-naming documents from other provinces and ministries
# (tests/fixtures/programmes/SOURCES.md).

def test_verb_compounded_with_a_noun_stays_inside_the_name():
    found = programmes("成都市发展和改革委员会等四部门关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知")
    # the city's form is an alias of the programme it implements (`test_a_place_implementing_…`)
    assert found == {"城市社区嵌入式服务设施建设工程": ("成都市城市社区嵌入式服务设施建设工程",)}


def test_a_place_implementing_a_programme_is_an_alias_of_it():
    # source: https://www.chengde.gov.cn/art/2021/11/8/art_11903_819074.html
    text = ("承德市人民政府办公室关于印发承德市城市更新行动实施方案的通知\n"
            "《承德市城市更新行动实施方案》经市委、市政府同意,现印发给你们,请认真抓好落实。\n"
            "市委、市政府决定以创建全国文明城市为引领,进一步解决城市发展中的突出问题和短板不足,"
            "全力优化、提升城市品质,全面开展城市更新行动。")
    assert programmes(text) == {"城市更新行动": ("承德市城市更新行动",)}


def test_pair_of_bodies_joined_by_a_comma_starts_the_name():
    found = programmes("(一)实施机关、事业单位带头安置残疾人就业行动。")
    assert set(found) == {"机关、事业单位带头安置残疾人就业行动"}


def test_long_unquoted_action_names_of_a_provincial_plan():
    found = programmes("挖掘粮食生产潜能,推广杂交稻旱种50万亩。开展粮食生产绿色高质高效示范创建行动,"
                       "建设稻谷、玉米、马铃薯示范基地各10万亩。深入推进优质粮食工程。\n"
                       "(三)保障重要农产品供给。树牢“大食物观”,在确保粮食供给的前提下,从耕地资源向整个国土资源拓展。")
    assert set(found) == {"粮食生产绿色高质高效示范创建行动", "优质粮食工程"}


def test_reform_of_a_sector_or_of_the_government_is_a_general_concept():
    found = programmes("中共云南省委 云南省人民政府\n关于进一步深化农村改革扎实推进乡村全面振兴的实施意见\n"
                       "减税降费2.36万亿元,制造业和小微企业受益最多。政府机构改革任务完成。")
    assert found == {}


def test_national_programmes_of_a_government_work_report():
    found = programmes("大众创业万众创新深入开展,企业数量日均净增1万户以上。\n改革开放迈出重要步伐\n"
                       "供给侧结构性改革继续深化,重要领域改革取得新突破。政府机构改革任务完成。“放管服”改革纵深推进。"
                       "设立科创板。共建 “一带一 路”取得新成效。出台外商投资法实施条例,增设上海自贸试验区新片区。")
    assert {"大众创业万众创新", "供给侧结构性改革", "放管服", "一带一路", "上海自贸试验区"} <= set(found)
    assert not any(name.startswith(("改革开放", "增设")) for name in found)


def test_quote_summing_up_a_list_takes_no_item_as_its_prefix():
    found = programmes("推动政策惠企、服务助企、金融暖企、创新强企、法律护企和数据知企“六位一体”的中小企业发展促进工作体系持续升级")
    assert found == {"六位一体": ()}


def test_verb_or_time_word_before_a_quote_is_no_alias():
    found = programmes("更好推进2023年“揭榜挂帅”科技攻关项目全链条谋划、系统化布局,"
                       "为科学谋划今年“揭榜挂帅”科技攻关项目提供支撑。"
                       "为充分发挥“揭榜挂帅”机制对实现关键核心技术突破的重要作用")
    assert found == {"揭榜挂帅": ("“揭榜挂帅”机制",)}


def test_formulas_to_uphold_are_not_programmes_but_campaigns_are():
    found = programmes("增强“四个意识”,坚定“四个自信”,做到“两个维护”,深化落实习近平总书记对重庆提出的“两点”定位、"
                       "“两地”“两高”目标、发挥“三个作用”和营造良好政治生态的重要指示要求,坚决打赢“三大攻坚战”,"
                       "深入实施“八项行动计划”,全面做好“六稳”工作")
    assert set(found) == {"三大攻坚战", "八项行动计划", "六稳"}


def test_quoted_rural_programmes_and_their_scheme_nouns():
    found = programmes("持续深化“千村示范、万村整治”工程,补短板,强弱项。到2027年,“千万工程”进一步深化推进。"
                       "持续推进农业“双强”行动,优化调整农业生产力布局。")
    assert found["千村示范、万村整治"] == ("“千村示范、万村整治”工程",)
    assert {"千万工程", "双强"} <= set(found)


def test_named_engineering_programme_but_not_a_system_of_governance():
    found = programmes("更好发挥政府作用,构建新型举国体制,充分发挥市场机制作用。"
                       "深入实施绿色制造工程,大力推行绿色设计,完善绿色制造体系,建设绿色工厂和绿色工业园区。")
    assert set(found) == {"绿色制造工程"}


def test_adverb_forming_a_word_inside_a_name():
    # 湖南省住房和城乡建设厅 article, http://hnjs.net.cn/newsDetail15708.shtml
    found = programmes("在全面建设社会主义现代化国家新征程中,坚定不移实施城市更新行动,推动城市高质量发展")
    assert set(found) == {"城市更新行动"}


def test_particle_character_inside_a_word():
    # 川办发〔2023〕6号 (https://66jnh.com/703.html), in simplified characters
    found = programmes("持续深化营商环境对标创新行动,启动民营企业营商环境提升行动,对全国首批50项营商环境试点改革举措"
                       "和我省70项试点改革举措落地情况实施核查")
    assert set(found) == {"营商环境对标创新行动", "民营企业营商环境提升行动"}


def test_evaluative_project_words_are_not_programmes():
    # 甘肃省委办公厅 规定 as reported (https://www.chinavalue.com.cn/article/2008/9/4/83571.html) and
    # 南方日报 2024-05-28 (https://www.gzxhcbfx.com/news_detail/27.html)
    found = programmes("《规定》指出,领导干部搞“形象工程”、“政绩工程”造成重大损失或浪费的,不得提拔任职。"
                       "反而更加隐形变异、巧立名目,以“民生工程”“文化建设”“留住乡愁”等名义冠冕堂皇地推进,"
                       "这就是“新形象工程”。")
    assert found == {}


def test_unquoted_list_of_schemes_closed_by_a_scheme_noun():
    found = programmes("一是要深化制度创新。\n\n实施职务科技成果单列管理、先用后转等改革\n\n试点，建立风险共担、收益共享协同机制，加速\n\n"
                       "创新要素流动。探索开展氢冶金、二 氧化碳捕集利用一体化等试点示范")
    assert set(found) == {"职务科技成果单列管理", "先用后转"}


def test_national_strategies_and_spatial_belts():
    found = programmes("推动经济建设和社会发展，实施科教兴国战略，建设创新型城市。"
                       "与西安经开区、高陵区、阎良区和咸阳三原县等区域在先进制造业\n\n发展上的合作，合力打造渭北先进制造产业带；")
    assert set(found) == {"科教兴国战略", "渭北先进制造产业带"}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="、\n 实施机关事业单位带头服务设施建设工程行动城市更新对标改革等试点先用后转发挥“三个作用”", max_size=80))
def test_lists_line_starts_and_compounds_keep_mentions_in_range(text):
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    tree = parse_raw(RawDocument(path="s.txt", format="txt", sha256=sha, pages=(text,)))
    for p in find_programmes(tree):
        assert p.name and p.mentions
        for start, end in p.mentions:
            assert 0 <= start < end <= len(tree.text)
            assert tree.text[start:end].strip()


def test_sector_form_of_a_national_reform_folds_into_it():
    found = programmes("2.推动钢铁行业碳达峰。深化钢铁行业供给侧结构性改革,严格执行产能 置换,严禁新增产能,推进存量优化,淘汰落后产能。")
    assert found == {"供给侧结构性改革": ("钢铁行业供给侧结构性改革",)}


# Candidates and filters, the view, the rules folder and the cue file.

FIXTURES = Path(__file__).parent.parent / "fixtures" / "programmes"


def tree_of(text: str):
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_raw(RawDocument(path="snippet.txt", format="txt", sha256=sha, pages=(text,)))


def fixture_names(name: str) -> set[str]:
    return {p.name for p in find_programmes(tree_of((FIXTURES / name).read_text(encoding="utf-8")))}


def test_explain_gives_every_decision_and_find_keeps_the_accepted():
    tree = tree_of("通过常态化实施“揭榜挂帅”“赛马制”等机制，引导创新资源向解决关键共性技术和“卡脖子”问题集中。")
    candidates = explain(tree)
    decisions = {c.text: c.rejection.filter if c.rejection else "accepted" for c in candidates}
    assert decisions["揭榜挂帅"] == decisions["赛马制"] == "accepted"
    assert decisions["卡脖子"] == "metaphor"
    assert {c.family for c in candidates} == {"programmes"}
    assert {p.name for p in find_programmes(tree)} == {c.text for c in candidates if c.accepted}


def test_explain_names_the_filter_that_refuses_a_generic_head():
    # 国办发〔2018〕128号 (“无废城市”建设试点工作方案): 系统总结试点经验;
    # 国发〔2019〕3号 (综合保税区高水平开放高质量发展): 以新时代全面深化改革为引领
    decisions = {c.text: c.rejection.filter if c.rejection else "accepted"
                 for c in explain(tree_of("系统总结试点经验。以新时代全面深化改革为引领。"))}
    assert decisions["系统总结试点"] == "inside_longer_name"
    assert decisions["新时代全面深化改革"] == "verb_object"
    assert "accepted" not in decisions.values()


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="“”一二三带实施开展试点改革平台信息服务管理国家示范区博览会、\n\t 3045家", max_size=60))
def test_every_programme_is_an_accepted_candidate_whose_span_holds_its_text(text):
    _assert_accepted_programmes_hold_their_text(text)


def test_a_new_programme_head_is_a_one_file_change(tmp_path):
    cues = lexicons.load_json("programme_cues.json")
    cues["named_heads"].append("嘉年华")
    (tmp_path / "programme_cues.json").write_text(json.dumps(cues, ensure_ascii=False), "utf-8")
    tree = tree_of("举办长沙国际动漫嘉年华，带动文旅消费。")
    assert "长沙国际动漫嘉年华" in {p.name for p in extract(tree, rules=tmp_path).programmes}
    assert "长沙国际动漫嘉年华" not in {p.name for p in find_programmes(tree)}


def test_the_cue_file_is_valid():
    data = lexicons.load_json("programme_cues.json")
    about = data.pop("_about")
    assert set(data) <= set(about), "every list is described in _about"
    assert isinstance(data.pop("max_modifier"), int)
    joints = data.pop("pair_joints") | data.pop("modifier_joints") | data.pop("aim_joints")
    assert all(len(a) == len(b) == 1 for a, b in data.pop("formula_pairs"))
    assert all(len(joint) == 1 and isinstance(size, int) and size >= 2 for joint, size in joints.items())
    for key, words in data.items():
        assert isinstance(words, list) and all(isinstance(w, str) and w.strip() == w and w for w in words), key
        assert len(words) == len(set(words)), f"{key} has duplicates"
    assert all(len(c) == 1 for c in data["self_word_compounds"])  # read in a look-behind
    assert set(data["designation_heads"]) <= set(data["named_heads"])
    assert set(data["system_heads"]) <= set(data["named_heads"])
    heads = {row[0] for row in lexicons.load_rows("org_suffixes.tsv")}
    assert set(data["shared_heads"]) <= heads


# Issue 10's programme classes, on real texts from other provinces and ministries
# (tests/fixtures/programmes/SOURCES.md).

def test_named_events():
    assert "首届山东聊城（莘县）绿色蔬菜博览会" in fixture_names("shandong_2023_bolanhui.txt")
    found = fixture_names("hubei_2018_nongbohui.txt")
    assert "第十五届中国武汉农业博览会" in found
    assert "乡村振兴战略" in found and "乡村振兴" not in found  # one programme, the bare name an alias


def test_designations_and_campaigns_of_a_work_report():
    found = fixture_names("liaocheng_2024_baogao.txt")
    assert {"省级生态文明建设示范区", "四下基层"} <= found
    assert any(name.endswith("婴幼儿照护服务示范城市") for name in found)
    assert not any("获评" in name for name in found)


def test_a_quoted_strategy_and_numbered_projects():
    assert {"八八战略", "一号工程", "十项重大工程"} <= fixture_names("hangzhou_shangcheng_2024_baogao.txt")


def test_named_platforms_but_not_generic_ones():
    found = fixture_names("ndrc_2017_1055_jiaoyipingtai.txt")
    assert {"全国公共资源交易平台", "中国招标投标公共服务平台", "简政放权、放管结合、优化服务"} <= found
    assert not {"公共资源交易平台", "电子招标投标公共服务平台", "平台系统"} & found
    assert not any(name.startswith(("实时", "规定")) for name in found)


def test_spelled_out_layouts_and_sequence_rules_are_named_formulas():
    # 长江三角洲城市群发展规划 (cre.org.cn/zl/xlwjlz/15213.html) writes 构建“一核五圈四带”的网络化空间格局
    found = programmes("构建“一核、五圈、四带”的网络化空间格局，对进口货物实行“先入区、后检测”。")
    assert {"一核、五圈、四带", "先入区、后检测"} <= set(found)


def test_strategy_after_an_implementing_verb():
    found = programmes("坚持实施就业优先战略和更加积极的就业政策，完善营销战略。")
    assert set(found) == {"就业优先战略"}


def test_a_policy_formula_after_an_implementing_verb():
    # source: 2026 中央一号文件 (../shared/corpus/dev/m02), 第二部分
    found = programmes("实施好农机购置与应用补贴政策，推进优机优补，加强全链条常态化监管。")
    assert "优机优补" in found
    assert "农机购置与应用补贴政策" in found  # 与 between two actions on one object (购置, 应用)


def test_two_names_joined_by_yu_stay_apart():
    # source: corpus/seeds (秦创原 research brief)
    found = programmes("一方面，秦创原总窗口与区域科技创新中心核心承载区高度重合，推动形成创新闭环。")
    assert not any("与" in name for name in found)


def test_a_verb_with_a_particle_character_starts_no_name():
    # source: 2020年临安数字乡村试点示范区实施方案 (gentiezi.com/8127.html): 把握 is a verb, not 把
    found = programmes("充分把握“三化融合”行动和打造“数字经济第一城”的战略机遇。")
    assert found.get("三化融合") == ("“三化融合”行动",)


def test_clause_words_are_cut_off_a_name():
    # source: 国办发〔2018〕121号 加快发展体育竞赛表演产业的指导意见 (gov.cn)
    found = programmes("筹办好北京冬奥会、冬残奥会及赛前各级各类测试赛。")
    assert "北京冬奥会" in found
    assert "改变博览会" not in fixture_names("shandong_2023_bolanhui.txt")  # 不得随意改变博览会名称


def test_reforms_and_rules_of_a_provincial_plan():
    found = fixture_names("sichuan_2022_liutong.txt")
    assert {"非禁即入", "证照分离", "一网通办", "多证合一", "国家要素市场化配置综合改革试点"} <= found


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="建设立好推进动的对标接在线以来为民。（", min_size=1, max_size=3), min_size=1, max_size=8),
       st.text(alphabet="建设立好推进动的对标接在线以来为民。（国家", max_size=40))
def test_word_patterns_built_for_speed_match_like_the_plain_alternation(words, text):
    """The boundary and particle patterns are built so `re` skips ahead (grouped by first
    character, opened by a look-ahead); they must find exactly what the plain alternation finds."""
    plain, grouped = re.compile(alternation(words)), re.compile(by_first_character(words))
    led = re.compile(rf"{starting(words)}(?!对标|在线)(?:{alternation(words)})")
    guarded = re.compile(rf"(?!对标|在线)(?:{alternation(words)})")
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in led.finditer(text)] == [m.span() for m in guarded.finditer(text)]


def test_subsidies_listed_after_an_implementing_verb_are_schemes():
    # source: 2026 中央一号文件 (../shared/corpus/dev/m02): each item ends in 补贴; 稻谷补贴政策 is 稻谷补贴
    found = programmes("完善棉花目标价格政策。稳定实施耕地地力保护补贴、玉米大豆生产者补贴和稻谷补贴政策。")
    assert {"耕地地力保护补贴", "玉米大豆生产者补贴", "稻谷补贴"} <= set(found)
    assert "稻谷补贴政策" in found["稻谷补贴"]


def test_a_subsidy_alone_is_a_kind_of_support():
    # source: 广州市天河区支持港澳青年创新创业实施办法 (../shared/corpus/dev/m03)
    assert not any(name.endswith("补贴") for name in programmes("给予住房补贴，补贴期限最长为2年。"))


def test_a_kind_of_fund_is_no_named_fund_but_a_designation_stays_one():
    # source: 山东省青岛西海岸新区条例 (../shared/corpus/dev/m08) and
    # tests/fixtures/programmes/yunnan_2025_xiangcun.txt
    assert programmes("引导在西海岸新区组建各类海洋产业发展基金。") == {}
    assert "国家现代农业产业园" in programmes("积极争取实施一批国家现代农业产业园、产业集群项目，推动融合发展。")


def test_a_name_starts_after_the_count_of_its_clause():
    # source: 2026 中央一号文件 (../shared/corpus/dev/m02): 延长三十年 is the clause's
    assert not any(name.startswith("三十年") for name in programmes("全面开展第二轮土地承包到期后再延长三十年整省试点，妥善解决矛盾。"))


def test_huozhe_is_one_particle():
    # source: 浙江省促进科技成果转化条例 (../shared/corpus/dev/m05)
    found = programmes("属于项目完成单位，国家另有规定或者科技计划项目主管部门与项目承担单位另有约定的除外。")
    assert not any(name.startswith("者") for name in found)


def test_two_words_joined_by_plus_are_a_blend_not_a_scheme():
    # source: 广州市天河区支持港澳青年创新创业实施办法 (../shared/corpus/dev/m03)
    assert programmes("帮助港澳青年营造朋友圈、生活圈，实现“创业+生活”融合。") == {}
    # a longer formula names a model by its form (corpus/seeds, 秦创原 research brief)
    assert "研究院+专项公司" in programmes("推广秦川机床“研究院+专项公司”、陕汽集团“研究院+公司+基金”等模式。")


def test_a_nationwide_name_folds_into_its_longer_nationwide_form():
    # source: 2026 中央一号文件 (../shared/corpus/dev/m02)
    found = programmes("分区分类高质量推进高标准农田建设。强化高标准农田渠系与灌区骨干工程衔接。")
    assert list(found) == ["高标准农田建设"] and "高标准农田" in found["高标准农田建设"]


def test_funds_and_reforms_of_a_general_domain_are_no_names():
    # source: 2026 中央一号文件 (m02) and 山东省青岛西海岸新区条例 (m08), ../shared/corpus/dev
    assert programmes("健全连续参保激励约束机制，稳步提高医保基金在县乡村医疗卫生机构的支付比例。") == {}
    assert programmes("西海岸新区管理委员会应当推进干部人才管理改革，推行全员聘用。") == {}


def test_names_grouped_under_their_shared_head_are_each_a_name():
    # source: 广州市天河区支持港澳青年创新创业实施办法 (../shared/corpus/dev/m03)
    found = programmes("第八条专项支持。入驻粤港澳大湾区（广东）创新创业孵化基地、天河区港澳青年之家总部基地"
                       "（以下统称“基地”）的港澳青年企业。")
    assert found == {"粤港澳大湾区（广东）创新创业孵化基地": (), "港澳青年之家总部基地": ("天河区港澳青年之家总部基地",)}
    # a group of places under a count names no programme
    assert programmes("甲镇、乙镇、丙镇、丁镇（以下统称“四镇”）的农业企业。") == {}


def test_a_clause_before_a_quote_is_no_form_of_its_name():
    # source: a county party-building work plan, 2025 (wenkuhub.com/?p=85729)
    found = programmes("巩固“九个到位”工作经验，做实行政村布局及党组织调整。")
    assert found == {"九个到位": ()}


def test_counted_abbreviations_keep_their_number():
    # 项 and 号 form abbreviations (杭州市上城区 2024 work report, tests/fixtures/programmes), a count
    # of things does not name one
    assert "一号工程" in programmes("推进一号工程建设，推动产业升级。")
    assert programmes("认定两个示范区。") == {}


def test_a_name_does_not_start_inside_a_figure():
    # source: 赤峰市2025年政府工作报告 (cezhidao.com/reports/NjQN): 500千伏 is the project's size
    found = programmes("东北电网“十四五”期间投资最大的单体项目巴林—奈曼—阜新500千伏输变电工程竣工投运。")
    assert not any(name.startswith("伏") for name in found)
    # a date before a name stays outside it (国务院关于做好当前和今后一个时期促进就业工作的若干意见)
    # (the implementing verb names the whole campaign, its count of years included)
    assert list(programmes("从2019年1月1日起，实施三年百万青年见习计划；扩大补贴范围。")) == ["三年百万青年见习计划"]
    # and so does a table's row number on the line before (corpus/seeds/002, 示范区概况)
    found = programmes("核心城市共同体。\n\n2\n宁波国家科技成果\n转移转化示范区\n\n设立时间较早。")
    assert any(name.endswith("示范区") and "宁波" in name + "".join(found[name]) for name in found)


def test_the_body_before_a_quote_is_no_form_of_its_scheme():
    # source: 山西省贯彻落实《促进中部地区崛起“十三五”规划》工作方案 (晋政办发〔2017〕55号)
    found = programmes("按照省委“一个指引、两手硬”重大思路和要求，坚持深化改革。")
    assert found == {"一个指引、两手硬": ()}
    # source: 山西省激发重点群体活力带动城乡居民增收的实施方案 (晋政发〔2018〕13号)
    assert "大众创业、万众创新" in programmes("围绕创新驱动、转型发展战略，推动大众创业、万众创新，深化改革。")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="实施农机购置与应用补贴、稻谷和政策以下统称“基地”（）各类发展基金500千伏工程或者科技计划三十年试点，。\n",
               max_size=60))
@example("者三基金")  # 者 of 或者 at the text's start: a word's tail starts no name
def test_joined_listed_grouped_and_counted_names_hold_their_text(text):
    """The ways added for issue 10 (与-joined actions, support lists, grouped names, counts and
    figures before a name) keep every programme an accepted candidate whose span holds it."""
    accepted = _assert_accepted_programmes_hold_their_text(text)
    assert not any(c.text.startswith(("伏", "者", "与", "、")) for c in accepted)


def test_a_negation_starts_a_clause_not_a_name():
    # source: 海南省2024—2026年农机购置与应用补贴实施方案 (../shared/corpus/dev/m01)
    found = programmes("已享受其他财政资金补贴购买的农业机械，不重复享受农机购置补贴政策。")
    assert list(found) == ["农机购置补贴政策"]


def test_a_joined_item_stays_on_its_line():
    # source: 海南省2024—2026年农机购置与应用补贴实施方案 (../shared/corpus/dev/m01): a heading
    # (六、操作实施流程) ends the line before the name
    found = programmes("六、操作实施流程\n农机购置与应用补贴政策实行“自主购机、定额补贴、先购后补”。")
    assert "农机购置与应用补贴政策" in found
    assert not any(name.startswith("流程") or any(a.startswith("流程") for a in found[name]) for name in found)


def rejection(text: str, name: str) -> str | None:
    """The filter that refused `name` in `text`, or None when it was accepted."""
    return next(c.rejection.filter if c.rejection else None for c in explain(tree_of(text)) if c.text == name)


def test_a_one_character_clause_adverb_starts_no_name():
    # source: 安徽省省级预算管理办法（皖政办〔2008〕33号）第六条 (tests/fixtures/owners/anhui_budget_measures.txt)
    assert programmes("除国家和省另有规定外，不得硬性规定用途，也不得擅自设立专项资金。") == {}


def test_a_head_after_an_adverb_of_manner_is_a_verb():
    # source: 南通海门 anti-epidemic commentary, bbs.0513.org/thread-4203837-1-1.html
    text = "从医护人员无私无畏挺身一线到各地各部门积极行动各司其职；从各单位成立领导小组靠前指挥全局布控到工作人员进村入户紧急行动网格排查。"
    assert programmes(text) == {}
    assert rejection(text, "部门积极行动") == "acted"


def test_a_quoted_sentence_with_a_modal_is_no_programme():
    # source: 国务院安全生产委员会成员单位安全生产工作职责分工 as quoted at miniwenda.com/life/236468.html
    text = ("负有安全监管职责的行业主管部门要按照“管行业必须管安全、管业务必须管安全、管生产经营必须管安全”"
            "的要求，做到安全生产责任“五落实”。")
    assert rejection(text, "管行业必须管安全、管业务必须管安全、管生产经营必须管安全") == "sentence"
    assert "要素市场化配置" in programmes("深化“要素市场化配置”改革。")  # 要 inside 要素 is no modal


def test_a_name_starts_on_a_word_boundary():
    # source: 绵阳 news on the 2017 national service-standardisation pilots, lianghaoled.com (MYGOV…2179338)
    found = programmes("积极指导和帮助显兴实业申报国家级服务业标准化试点，在我市建设国家级服务业标准化试点项目上实现了零突破。")
    assert "国家级服务业标准化试点" in found  # 服务 in 服务业 is no verb ending the name
    # source: 上海临港“双特”政策意见 (2016, corpus/dev m06): the verb 推广应用 ends as a whole word
    assert "中国（上海）自由贸易试验区" in programmes("推广应用中国（上海）自由贸易试验区制度创新成果。")


def test_a_campaign_named_after_an_implementing_verb_keeps_its_inner_verbs():
    # source: 2024年国务院政府工作报告 (wsb.wuhu.gov.cn/ztzl/fyyd/8619297.html): 深化 and 发展 sit
    # inside the titles; a long run of policy words names a campaign even when each word is generic
    found = programmes("加强全国统一大市场建设，实施国有企业改革深化提升行动。保持工业经济平稳运行。"
                       "实施制造业重点产业链高质量发展行动，着力补齐短板、拉长长板、锻造新板。")
    assert {"国有企业改革深化提升行动", "制造业重点产业链高质量发展行动"} <= set(found)
    assert programmes("开展专项整治行动。") == {}  # a short generic title is a kind of campaign


def test_a_campaign_with_a_count_of_years_is_named_as_a_whole():
    # source: 临港区安全生产治本攻坚三年行动实施方案 (lylgkfq.gov.cn/info/2847/40535.htm)
    found = programmes("为认真贯彻落实市政府安委会关于安全生产治本攻坚三年行动的部署要求，结合工作实际。")
    assert "安全生产治本攻坚三年行动" in found
    # source: 广元市安全生产治本攻坚三年行动方案 cover note (gysyjglj.cngy.gov.cn/New/show/20240314102619834.html):
    # the count alone is a back-reference, no name
    assert programmes("三年行动过程中，每季度报送一次工作进展情况。") == {}


def test_a_head_that_runs_on_into_a_compound_ends_no_name():
    # source: 湖南日报 2022-09-15, 长沙市打造内陆地区改革开放高地推进大会 (hnrb.voc.com.cn): 改革开放 is one word
    found = programmes("今天，长沙市打造内陆地区改革开放高地推进大会召开。要全面落实“三高四新”战略定位和使命任务。")
    assert not any(name.endswith("改革") for name in found)
    assert "三高四新" in found


def _assert_accepted_programmes_hold_their_text(text: str) -> list:
    """Every programme found is an accepted candidate, and every accepted candidate's span
    holds its text (layout whitespace aside); returns the accepted candidates."""
    tree = tree_of(text)
    accepted = [c for c in explain(tree) if c.accepted]
    assert {p.name for p in find_programmes(tree)} <= {c.text for c in accepted}
    for c in accepted:
        start, end = c.span
        assert "".join(tree.text[start:end].split()) == "".join(c.text.split())
    return accepted


def test_a_designation_named_by_two_aims_keeps_both():
    # source: China Telecom Ningxia news on its Zhongwei data centre (2021), as stored in a public
    # repository's page dump (code search: 「生态保护和高质量发展先行区」)
    text = "两大平台的发布，有利于加速宁夏九大特色产业数字化转型升级，助力黄河流域生态保护和高质量发展先行区建设。"
    assert set(programmes(text)) == {"黄河流域生态保护和高质量发展先行区"}


def test_funds_named_by_the_level_that_grants_them_name_no_programme():
    # source: http://www.zbqx.com.cn/qy/2023/0505/74309.html (包头日报, 2023)
    text = ("如在医疗卫生方面,截至2023年2月底争取上级专项资金1069万元,支持全市开展中医药传承与人才培养工作,"
            "促进中医药服务能力建设提升。")
    assert "上级专项资金" not in programmes(text)


def test_a_policy_package_named_by_its_count_of_articles():
    # source: https://www.wm114.cn/wen/235/469724.html (a Hunan county's 2023 government work report)
    text = ("1.全力以赴拼经济,县域经济强劲复苏。深入实施省、市“稳增长20条”,打好“发展六仗”,"
            "全县经济强劲复苏、回升向好。")
    assert "稳增长20条" in programmes(text)


def test_a_place_or_a_banner_before_a_reform_names_no_programme():
    # source: https://xzfw.huzhou.gov.cn/art/2023/5/9/art_1229512904_3925364.html (湖委改发〔2023〕3号)
    text = ("2023年湖州市改革工作的总体要求是:坚持以习近平新时代中国特色社会主义思想为指导,始终高举新时代改革大旗,"
            "加快打造“六个新湖州”,坚持营商环境优化提升“一号改革工程”、共同富裕先行示范、数字化改革实战实效“三位一体”融合推进。")
    found = programmes(text)
    assert not {"湖州市改革", "新时代改革"} & set(found)
    assert {"六个新湖州", "一号改革工程"} <= set(found)


def test_a_kind_of_reform_is_no_programme_and_one_mention_makes_no_brand():
    # source: https://reportify.ai/news/1178724068795486208 (中国发展网, 2025-10-23)
    text = ("深圳坚定扛起主体责任,举全市之力推进综合改革试点,多策划战略战役性改革,多推动创造型、引领型改革,"
            "创造了60多项\"全国第一\"。")
    assert not [name for name in programmes(text) if "战略" in name or "型改革" in name]


def test_a_level_alone_names_no_programme():
    # source: http://book.91oem.cn/article/f49e4c09692645f3b404daa2940f0416 (改革再出发——贵阳城乡“三变”改革研究)
    text = ("与小岗村的改革一样,顶云公社的改革是中国改革史上的里程碑式的实践。实际上,它根源于广大群众为了吃饱饭的基本需求"
            "和一场思想解放大潮的同频共振,体现了中国改革的大逻辑。")
    assert "中国改革" not in programmes(text)


def test_a_bracketed_note_on_a_line_of_its_own_starts_no_name():
    # source: https://www.chengde.gov.cn/art/2021/11/8/art_11903_819074.html
    text = ("承德市人民政府办公室\n2021年11月3日\n(此件主动公开)\n承德市城市更新行动实施方案\n"
            "为推动城市高质量发展,市委、市政府决定以创建全国文明城市为引领,全面开展城市更新行动。")
    found = programmes(text)
    assert not [form for forms in found.items() for form in (forms[0], *forms[1]) if "此件" in form]


def test_a_quoted_code_keeps_every_scheme_noun_after_it_as_its_full_name():
    # source: 金华市婺城区人民政府 关于推动经济高质量发展若干政策举措 (2025年版)
    found = programmes("深入实施“315”科技创新体系建设工程，加快打造高能级创新平台。")
    assert found == {"315": ("“315”科技创新体系建设工程",)}


def test_a_quoted_trait_and_a_set_phrase_are_no_programmes():
    # source: 松原市2024年国民经济和社会发展统计公报
    found = programmes("深入落实“1145”发展战略，立足市情实际，锐意改革创新，推动经济实现质的有效提升。"
                       "构成CPI的八大类商品和服务价格呈现“四涨三降一平”的特点。")
    assert found == {"1145": ("“1145”发展战略",)}


def test_the_value_of_a_pages_classification_field_is_no_programme():
    # source: 城口县发展和改革委员会 城发改委发〔2025〕4号, its gov.cn disclosure header
    found = programmes("[ 主题分类 ] | 国民经济发展规划、计划 | [ 体裁分类 ] | 规划计划 |\n"
                       "锚定“三县一城一枢纽”目标，加快建设“六个示范区”。")
    assert "规划计划" not in found and "三县一城一枢纽" in found


def test_a_keyword_line_lists_subjects_not_programmes():
    # source: 赵玄, 自贸区法治保障的地方立法比较与思考, 南都学坛 2018年1期, as a page prints it:
    # the keywords run together after the label
    found = programmes("关键词:规章省市试验区\n\n"
                       "2013年9月29日,中国(上海)自由贸易试验区挂牌成立,标志着我国新一轮改革进程正式开启。")
    assert found == {"中国（上海）自由贸易试验区": ()}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="服务业建设者实施推广应用中国上海自由贸易试验区不也都成都市省新区城市社区工程5G，。、 a", max_size=20))
@example("服务业发展基金")  # a verb that starts a longer noun
@example("成都市城市社区嵌入式服务设施建设工程")
def test_the_first_word_read_from_the_opening_words_is_the_tagger_s(text):
    # first_fitting decides from the words that open a window when it can: the same answer as tagging it
    for fits in (lambda word, flag: len(word) > 2, lambda word, flag: flag.startswith("v"), lambda word, flag: True):
        first = first_word(text)
        assert first_fitting(text, fits) == (first if first is not None and fits(*first) else None)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="不也都实施推进深化积极开展我们和在对创新科技服务业城市更新行动基金", max_size=12))
@example("不重复享受农机购置补贴政策")
@example("也不得擅自设立专项资金")
def test_a_clause_word_is_the_tagger_s_first_word_when_it_opens_a_clause(text):
    # clause_word decides most windows by their first two characters: the same answer as the tagger's first word
    cues = load_cues()
    first = first_word(text)
    expected = (first[0] if first is not None and first[1] in cues.leading_tags and not cues.generic.fullmatch(first[0])
                and (len(first[0]) >= 2 or first[0] in cues.negations) else None)
    assert clause_word(Doc(view(text), cues), text) == expected
