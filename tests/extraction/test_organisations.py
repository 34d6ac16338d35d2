"""Organisation finder on real sentences from the bundled corpus and from other documents (tests/fixtures/organisations/)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from extractor.extraction.organisations import (
    BodyIndex, best_match, body_key, find_mentions, lexicon, merge, overlapping, split_region,
)
from extractor.extraction.organisations.text import excluded, head_offsets
from extractor.extraction.organisations.vocabulary import trie_alternation, trie_spans
from extractor.lexicons import load_rows


def _names(text: str) -> list[str]:
    return [o.name for o in merge(find_mentions(text))]


def test_left_boundary_stops_at_verbs():
    # corpus/seeds/000
    text = "自2021年3月秦创原建设启动以来，西咸新区依托西安交通大学西部创新港的科创策源效应"
    assert "西安交通大学" in _names(text)


def test_political_concepts_named_like_a_body_are_no_organisations():
    # 国发〔2023〕16号: 铸牢中华民族共同体意识; a 共同体 with a place and a field still names a body
    assert _names("支持内蒙古以铸牢中华民族共同体意识为主线,推动构建人类命运共同体。") == []
    assert _names("成立长三角医疗卫生共同体。") == ["长三角医疗卫生共同体"]


def test_company_and_college_names():
    # corpus/seeds/000
    assert "西安西京学院" in _names("国际科技巨头。”来自西安西京学院的公司创始人李克轩告诉记者")
    assert "陕西埃恩束能碳基技术有限公司" in _names("在西咸新区注册成立了陕西埃恩束能碳基技术有限公司。")


def test_subunit_joins_its_parent():
    # corpus/seeds/004 and seeds/000
    assert "西安市公安局西咸新区分局" in _names("发展改革和商务局、科技创新和新经济局、西安市公安局西咸新区分局）")
    assert "西安市社会科学院经济研究所" in _names("（作者系西安市社会科学院经济研究所所长、研究员）")


def test_region_prefix_and_abbreviation_merge():
    # corpus/seeds/003: the full name and the standard short form are one body
    text = "陕西省西咸新区开发建设管理委员会关于省人大十四届五次会议第号建议的复函。西咸新区管委会将积极落实。"
    orgs = merge(find_mentions(text))
    full = [o for o in orgs if o.name == "陕西省西咸新区开发建设管理委员会"]
    assert full and "西咸新区管委会" in full[0].aliases


def test_abbreviation_keys():
    assert body_key("省科技厅") == body_key("陕西省科学技术厅")
    assert split_region("平潭综合实验区管委会办公室")[0] == "平潭综合实验区"


def test_department_list_is_split():
    # corpus/dev/05
    text = "（区经发局、区资源生态局、区农业农村局、区市场监管局等按职责分工负责）"
    names = _names(text)
    assert {"区资源生态局", "区农业农村局", "区市场监管局"} <= set(names)


def test_words_ending_in_a_head_are_not_bodies():
    # corpus/seeds/000 and seeds/002
    assert _names("依托秦创原“一总两带”的整体布局，西咸新区积极建设产业协同创新格局") == []
    assert _names("执笔：综合处处长赵江、干部李宁") == [] or "干部" not in "".join(_names("干部李宁"))


def test_types_by_head():
    orgs = {o.name: o.type for o in merge(find_mentions("送：西咸新区党工委、管委会班子成员。省政府研究室。西北工业大学、秦川集团"))}
    assert orgs.get("西咸新区党工委") == "party"
    assert orgs.get("西北工业大学") == "university"
    assert orgs.get("秦川集团") == "company"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="西安交通大学由会同区资源生态局牵头，。、（）科技厅有限公司\n ", max_size=60))
def test_mention_spans_hold_their_name(text):
    for mention in find_mentions(text):
        start, end = mention.span
        assert 0 <= start < end <= len(text)
        assert "".join(text[start:end].split()) == mention.name


def test_named_examples_before_a_category_noun():
    # corpus/seeds/000: brand names listed before 等…企业 are companies
    names = _names("成功吸引上海协氢、盛世盈创等一批链式企业入驻，先后培育出佰美基因、零壹空间等一批“小巨人”企业。")
    assert {"上海协氢", "盛世盈创", "佰美基因", "零壹空间"} <= set(names)
    # an industry list is not a list of bodies
    assert _names("推动新能源汽车、生物医药等企业集聚") == []


def test_body_parts_rooms_and_verbs_are_not_heads():
    # corpus/pdf covid plans
    assert _names("胸部影像学显示肺部有炎症") == []
    assert _names("依照《中华人民共和国治安管理处罚法》处理") == []


def test_unit_title_after_a_head():
    # corpus/seeds/000: 局长 after 科技局 does not hide the body
    assert "铜川市科技局" in _names("。”铜川市科技局局长宋鑫说")


def test_coordinated_levels_and_short_region_forms():
    # corpus/dev/13 and seeds/002
    orgs = merge(find_mentions("区、县人民政府应当根据全市的规划推进工作。市和区县人民政府应当采取措施。"))
    same = [o for o in orgs if o.name == "区、县人民政府"]
    assert same and "区县人民政府" in same[0].aliases
    orgs = merge(find_mentions("西咸新区管委会负责统筹。西咸管委会各部门配合。"))
    assert [o.name for o in orgs if "管委会" in o.name] == ["西咸新区管委会"]


# Real passages from documents outside the bundled corpus (tests/fixtures/organisations/,
# each file names its source address on its first line).
def _fixture(name: str) -> str:
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "fixtures" / "organisations" / name
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


def test_state_council_ministries_by_their_standard_forms():
    # 国办函〔2019〕59号: ministries written bare, before a person's title
    orgs = {o.name: o.type for o in merge(find_mentions(_fixture("state_council_health_committee.txt")))}
    assert {"工业和信息化部", "人力资源社会保障部", "住房城乡建设部", "教育部", "市场监管总局"} <= set(orgs)
    assert orgs["中央网信办"] == "party" and orgs["工业和信息化部"] == "government"


def test_a_kind_of_department_is_not_the_ministry():
    # corpus/dev/13: 财政部门 names the finance departments, not 财政部
    assert _names("财政性资金设立的科学技术研究项目，市科技、财政部门应当会同有关部门建立") == []


def test_collective_recipients_are_no_body_nor_a_piece_of_one():
    # recipients of State Council, Guizhou, Shijiazhuang, Guangdong and Shanxi notices: the
    # collective is read whole (各省、自治区、直辖市人民政府) and left out, no fragment of it kept
    for name, fragments in (("state_council_division_2020.txt", {"直辖市人民政府"}),
                            ("liupanshui_recipients.txt", {"区、区人民政府", "区人民政府", "开发区管委会"}),
                            ("shijiazhuang_income_growth.txt", {"区人民政府", "市政府有关部门"}),
                            ("guangdong_finance_recipients.txt", {"市人民政府", "上市人民政府"}),
                            ("shanxi_recipients.txt", {"县人民政府", "各委"})):
        names = set(_names(_fixture(name)))
        assert not names & fragments and not any(n.startswith("各") for n in names), name
    assert "六盘水高新区管委会" in _names(_fixture("liupanshui_recipients.txt"))


def test_full_and_short_forms_of_a_provincial_department_merge():
    # Sichuan: 四川省发展和改革委员会 signs the plan; the notes write 省发展改革委
    orgs = merge(find_mentions(_fixture("sichuan_circulation_plan.txt")))
    ndrc = next(o for o in orgs if o.name == "四川省发展和改革委员会")
    assert "省发展改革委" in ndrc.aliases


def test_short_office_names_and_label_words():
    # Shijiazhuang 金融办; Guangdong: a leader's name before 部门分工 is no department
    assert {"市人社局", "市发改委", "金融办"} <= set(_names(_fixture("shijiazhuang_income_growth.txt")))
    assert not any("部门" in n for n in _names(_fixture("guangdong_work_report_division.txt")))


def test_peoples_organisations_need_a_level_or_a_name():
    # Xiangtan: 湘潭市妇联, 湘潭高新区妇联 are bodies; “三新”领域妇联 names a kind of body
    names = _names(_fixture("xiangtan_womens_federation.txt"))
    assert {"湘潭市妇联", "湘乡市妇联", "湘潭高新区妇联"} <= set(names)
    assert not any(n.startswith("领域") for n in names)
    assert {"市工商联", "市科协", "长春开放大学"} <= set(_names(_fixture("changchun_care_committee.txt")))


def test_signatures_run_together_and_their_short_forms():
    # Shandong: three signing departments without separators, then 省科技厅 in the text
    orgs = {o.name: o.aliases for o in merge(find_mentions(_fixture("shandong_industry_chain.txt")))}
    assert orgs == {"山东省工业和信息化厅": ("省工业和信息化厅",), "山东省教育厅": ("省教育厅",),
                    "山东省科学技术厅": ("省科技厅",)}


def test_level_word_opening_a_word_is_no_region():
    # Anhui 省市场监管局: 省 is the region, 市 opens 市场
    assert split_region("省市场监管局") == ("省", "市场监管局")
    assert body_key("省市场监管局") == body_key("河北省市场监督管理局")


def test_a_name_reaches_across_and_when_its_first_part_is_no_body():
    # corpus/seeds/004: 区科技创新和新经济局 is one bureau; 省科技厅和省财政厅 are two
    assert _names("到2026年，高新技术企业数量达到4000家，由区科技创新和新经济局牵头。") == ["区科技创新和新经济局"]
    assert _names("发展改革和商务局、科技创新和新经济局、西安市公安局西咸新区分局") == [
        "发展改革和商务局", "科技创新和新经济局", "西安市公安局西咸新区分局"]
    assert _names("由省科技厅和省财政厅联合发文") == ["省科技厅", "省财政厅"]
    # Chengdu joint issuers: the standard 和 of 住房和城乡建设局
    assert "成都市住房和城乡建设局" in _names(_fixture("chengdu_joint_issuers.txt"))


def test_a_collective_after_a_conjunction_stays_out():
    # corpus/pdf covid plan ed9: 服务及相关行业主管部门 is no one body
    assert not any(n.startswith("服务") for n in _names("抽调街乡政府、公安、安保、医疗卫生机构、服务及相关行业主管部门或单位工作人员"))


def test_a_space_inside_a_title_is_no_head():
    # State Council 国办函〔2019〕59号: 委 员 is a member's title spaced out, 健康中国 a campaign
    names = _names(_fixture("state_council_health_committee.txt"))
    assert not any(n.endswith("秘书长委") for n in names)
    assert "健康中国行动推进委员会" in _names("国务院办公厅关于成立健康中国行动推进委员会的通知")


def test_common_nouns_ending_in_a_level_word_open_no_name():
    # corpus/pdf covid plans: 辖区, 口岸城市 and 月子 name no body; 部门间 is between departments
    assert _names("2.人员信息管理。辖区政府或疫情防控指挥部对隔离人员的姓名、性别进行登记") == ["疫情防控指挥部"]
    assert _names("进口冷链食品入境量较大的口岸城市要发挥政府主导作用") == []
    assert _names("理发洗浴场所、月子中心等，要落实通风换气") == []
    assert _names("开展人、物、环境等多渠道监测。地方联防联控机制加强部门间信息共享") == []


def test_counts_kinds_and_verb_complements_are_not_names():
    # corpus/seeds/004: “四大中心”, 规上企业 and 建好用好… are no bodies
    assert _names("提升人才服务中心、人才交流中心“四大中心”功能") == []
    assert _names("涌现更多高新技术企业、高成长企业、规上企业、上市企业等优质企业群体") == []
    assert _names("③建好用好总窗口国际科技交流合作联盟，主动对接海外科技企业") == []


def test_a_company_the_dictionary_knows_whole():
    # a company written as one dictionary word is named, as is one cut into pieces
    assert _names("华为技术有限公司、比亚迪股份有限公司") == ["华为技术有限公司", "比亚迪股份有限公司"]
    # a category the dictionary knows (党委政府) is no named body
    assert _names("属地党委政府要落实主体责任") == []


def test_a_table_cell_ending_in_a_head_is_not_part_of_the_next_name():
    # corpus/pdf covid plan ed9: a table's cells arrive one per line
    text = "学校和托幼机构、培训机构养老和儿童福利领域服务机构\n精神专科医院\n监管场所"
    assert not any(n.startswith("福利") for n in _names(text))


def test_one_stretch_left_out_names_another_body():
    # 中国银行 is no short form of 中国工商银行; 秦创原发展公司 is one of 秦创原发展股份有限公司 (corpus/seeds/000)
    assert _names("鼓励中国银行、中国工商银行等金融机构加大信贷支持。") == ["中国银行", "中国工商银行"]
    orgs = merge(find_mentions("秦创原发展股份有限公司成立。秦创原发展公司负责运营。"))
    assert [(o.name, o.aliases) for o in orgs] == [("秦创原发展股份有限公司", ("秦创原发展公司",))]


def test_a_committees_meeting_is_an_event_not_the_body():
    # corpus/seeds/001: the meeting speaks (省委经济工作会议, 市委十四届十次全会)
    assert _names("三、思考建议省委经济工作会议明确提出，要以西安区域科技创新中心建设") == []
    assert _names("市委十四届十次全会提出要统筹推进“十个聚焦”") == []
    # a body's name followed by another meeting's name stays
    assert _names("实践与思考秦创原创新促进中心中央经济工作会议指出") == ["秦创原创新促进中心"]


def test_a_standard_office_by_its_short_form_joins_its_government():
    # corpus/seeds/002: 新闻办 is the government's press office, one body with it
    assert _names("辽宁省域1月26日，辽宁省政府新闻办发布会提出。") == ["辽宁省政府新闻办"]
    assert _names("加强新闻办理") == []


def test_registered_company_reaches_back_to_its_region():
    # 行政区划 + 字号 + 行业 + 组织形式: the trade name may read as words (为, 未来)
    assert "陕西晶彩明为科技有限责任公司" in _names("走进陕西晶彩明为科技有限责任公司中试车间")
    assert "陕西氢科未来能源科技有限公司" in _names("陕西氢科未来能源科技有限公司总经理表示")


def test_a_place_before_a_conjunction_is_not_half_a_name():
    assert _names("推动西安市与华为技术有限公司合作") == ["华为技术有限公司"]
    assert "区科技创新和新经济局" in _names("由区科技创新和新经济局牵头")


def test_examples_before_a_described_category():
    # corpus/seeds/002: 等一批 + a description listing traits with 、 + 的 + 企业
    found = _names("遴选隆基、三一、软通等一批拥有自主品牌、掌握核心技术、市场占有率高、引领作用强的创新型企业，开展试点。")
    assert {"隆基", "三一", "软通"} <= set(found)
    assert _names("支持数字经济、人工智能等一批前沿领域的企业发展。") == []


# ---- issue 9 defects, the head table, rules folders and explain -------------------------

def test_bodies_joined_by_a_conjunction_are_two():
    # issue 9 defect A: 「（一）由区科技局和区财政局负责日常巡查。」 names two bureaus
    assert _names("（一）由区科技局和区财政局负责日常巡查。") == ["区科技局", "区财政局"]
    assert _names("由省发展改革委与省财政厅负责审核") == ["省发展改革委", "省财政厅"]
    assert _names("贯彻落实国务院和省委决策部署") == ["国务院", "省委"]
    # the conjunction of a known full name joins no two bodies: its first part is none
    for whole in ("国家发展和改革委员会", "省自然资源与生态环境局", "市人力资源和社会保障局", "区住房和城乡建设局"):
        assert _names(f"由{whole}牵头") == [whole]


def test_a_foreign_name_keeps_its_middle_dot():
    # issue 9 defect D: the tagger glues 由 to 约翰; · joins the two halves of the name
    assert _names("由约翰·霍普金斯大学牵头") == ["约翰·霍普金斯大学"]
    assert _names("与乔治·华盛顿大学和斯坦福大学合作") == ["乔治·华盛顿大学", "斯坦福大学"]


def test_the_head_table_is_valid():
    from extractor.lexicons import load_rows
    from extractor.extraction.organisations.vocabulary import FLAGS

    types = {"government", "party", "legislature", "institution", "university", "research",
             "company", "finance", "association", "other"}
    rows = load_rows("org_suffixes.tsv")
    assert len({r[0] for r in rows}) == len(rows), "a head is listed twice"
    for row in rows:
        assert len(row) == 4, row
        head, kind, min_body, flags = row
        assert head and kind in types and min_body.isdigit(), row
        assert flags == "-" or set(flags.split(",")) <= FLAGS, row
    for name in ("org_governing_verbs.txt", "org_exclusions.txt", "org_boundaries.txt", "org_name_words.txt"):
        words = [r[0] for r in load_rows(name)]
        assert len(set(words)) == len(words) and all(w.strip() == w and w for w in words), name


def _tree_of(text: str):
    import hashlib

    from extractor.model import RawDocument
    from extractor.pipeline import parse_raw
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_raw(RawDocument(path="snippet.txt", format="txt", sha256=sha, pages=(text,)))


def test_a_new_head_is_a_one_file_change(tmp_path):
    # the head 大队 added in one rules file: the table the finder, merging and typing read
    from extractor.extraction import extract
    from extractor.lexicons import read_text

    text = _fixture("yancheng_district_units.txt")
    packaged = [line for line in read_text("org_suffixes.tsv").splitlines() if not line.startswith("大队\t")]
    found = []
    for name, rows in (("without", packaged), ("with", [*packaged, "大队\tgovernment\t2\tsubunit"])):
        (tmp_path / name).mkdir()
        (tmp_path / name / "org_suffixes.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        found.append({o.name: o.type for o in extract(_tree_of(text), rules=tmp_path / name).organisations})
    without, added = found
    assert "区城管执法大队" not in without
    assert added["区城管执法大队"] == "government" and "区城市管理综合执法大队" in added


def test_explain_is_the_finders_own_decisions():
    from extractor.extraction.organisations import explain, find_organisations

    tree = _tree_of(_fixture("yancheng_district_units.txt") + "\n由区科技局和区财政局负责。执笔：综合处处长、干部李宁。严肃查处。")
    candidates = explain(tree)
    accepted = {c.text for c in candidates if c.accepted}
    found = {o.name for o in find_organisations(tree)} | {a for o in find_organisations(tree) for a in o.aliases}
    assert accepted == found
    refused = {c.text: c.rejection.filter for c in candidates if not c.accepted}
    assert "综合处" in accepted and "严肃查处" not in accepted and "干部" not in accepted
    assert {"inside_a_word", "too_short"} <= set(refused.values())
    for c in candidates:
        assert c.family == "organisations" and tree.text[c.span[0]:c.span[1]].replace("\n", "") == c.text


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(sorted({"落实", "认真落实", "深化", "坚持", "推深做实", "充分发挥", "高质高效办理", "报送",
                               "建立健全", "强化", "严格落实", "稳慎优化"})),
       st.sampled_from(["省发展改革委", "国务院", "市场监管总局", "区住房和城乡建设局", "西安交通大学", "省科技厅"]))
def test_no_name_opens_with_a_governing_verb(verb, body):
    # issue 10: a verb phrase is never part of the body it governs
    names = _names(f"各地要{verb}{body}有关要求。")
    assert all(not n.startswith(verb) and not n.startswith(verb[-2:]) for n in names), names
    assert body in names or any(body in n for n in names)


# ---- every record `make demo` writes ----------------------------------------------------

@pytest.fixture(scope="session")
def demo_records() -> list[dict]:
    """The records `make demo` writes (corpus/seeds, corpus/dev, corpus/pdf), extracted once."""
    import extractor
    from tests.conftest import DEV, PDFS, SEEDS

    paths = sorted([*SEEDS.glob("*.txt"), *DEV.glob("*.txt"), *DEV.glob("*.md"), *PDFS.glob("*.pdf")])
    return [extractor.extract(path) for path in paths]


# adverbs of policy prose that open a verb phrase, never a name (issue 10's examples)
_ADVERBS = ("严格", "认真", "充分", "切实", "积极", "大力", "全面", "进一步", "高质高效", "稳慎")
# a table's row number or a list marker glued to a name: 2区…局, 3.市…, （一）…
_ROW_NUMBER = re.compile(r"^(?:\d+[、.．]?|[（(][一二三四五六七八九十\d]+[）)])(?=[\u4e00-\u9fff])|\d+[、.．](?=[\u4e00-\u9fff])")


def test_no_organisation_in_the_corpus_opens_with_a_verb_or_holds_a_row_number(demo_records):
    from extractor.extraction.organisations.text import tagged
    from extractor.extraction.organisations.vocabulary import governs, lexicon

    bad = []
    for record in demo_records:
        for org in record["organisations"]:
            for name in (org["name"], *org["aliases"]):
                first = tagged(name)[0][0]
                if governs(first, lexicon()) or name.startswith(_ADVERBS) or _ROW_NUMBER.search(name):
                    bad.append((record["document"]["id"], name))
    assert not bad


def test_verb_phrases_and_collectives_of_fresh_documents():
    # State Council 国办发〔2016〕37号 and a Jiangxi opinion: 深入落实党中央… names 党中央 only;
    # the recipients (各省、自治区、直辖市人民政府, 国务院各部委) are no one body
    assert _names(_fixture("state_council_central_western_education.txt")) == ["国务院", "党中央"]
    names = _names(_fixture("jiangxi_teachers_opinions.txt"))
    assert {"中共江西省委", "江西省人民政府"} <= set(names)
    assert not any(n.startswith(("深入", "落实", "坚持", "确保")) for n in names)


def test_units_schools_museums_and_congresses():
    # 盐城 district report: sub-units (大队, 处) under a district bureau, joined by 和 to a centre
    names = _names(_fixture("yancheng_district_units.txt"))
    assert {"区城管执法大队", "区环卫处", "区城市管理综合执法大队", "区数字化城市管理指挥中心"} <= set(names)
    assert not any(n.startswith(("内设", "挂")) for n in names)
    assert _names("西安市第一中学、西北工业大学附属中学和陕西历史博物馆") == [
        "西安市第一中学", "西北工业大学附属中学", "陕西历史博物馆"]
    assert _names("浙江省第十三届人民代表大会常务委员会第二十八次会议通过") == ["浙江省第十三届人民代表大会常务委员会"]


def test_kinds_of_bodies_are_no_body():
    # issue 10: lone generic nouns and evaluative kinds name no one body
    for text in ("更好发挥党委农办统筹协调作用", "支持国内外大学来沪办学", "请径向相关主管部门反映", "严肃查处违法行为",
                 "支持临港地区存量政府债务置换"):
        assert not any(n in ("党委", "国内外大学", "相关主管部门", "严肃查处") or n.endswith("存量政府")
                       for n in _names(text)), text


def test_a_long_name_written_again_without_its_proper_name_is_one_body():
    # source: 景宁畲族自治县惠明茶产业发展条例 (2019), 第十四条 and 第二十三条 (../shared/corpus/dev/l06)
    orgs = merge(find_mentions("惠明茶产业主管部门应当会同民族宗教、文化、旅游等有关部门及茶文化研究会，深入挖掘。"
                               "支持依法成立的惠明茶文化研究会、惠明茶行业协会等社会团体开展推动惠明茶产业发展的茶事"))
    orgs = [o for o in orgs if "研究会" in o.name]
    assert [(o.name, o.aliases) for o in orgs] == [("惠明茶文化研究会", ("茶文化研究会",))]
    assert len(merge(find_mentions("西安市科技局、宝鸡市科技局和科技局"))) >= 2


def test_sessions_brackets_and_departments_at_large():
    # a regulation's history (浙江省科技成果转化条例 2021 header, ../shared/corpus/dev/m05): the
    # sessions of one standing committee are one body
    orgs = merge(find_mentions("浙江省第十二届人民代表大会常务委员会第三十六次会议通过，"
                               "浙江省第十三届人民代表大会常务委员会第二十八次会议修订"))
    assert len(orgs) == 1
    # corpus/seeds/004: the bracketed other name of a body is one of its forms
    orgs = merge(find_mentions("组织人事部（人才办）牵头；人才办负责"))
    assert [(o.name, set(o.aliases)) for o in orgs] == [("组织人事部（人才办）", {"人才办", "组织人事部"})]
    # 黄岛区人民政府工作部门 are its departments at large, no body of their own
    assert _names("青岛西海岸新区管理委员会和黄岛区人民政府工作部门应当依法履行职责") == [
        "青岛西海岸新区管理委员会", "黄岛区人民政府"]
    # 试验区中与海关: a localizer ends a phrase, 与 joins no name across it
    assert _names("在综合保税区试验区中与海关监管部门") == []


def test_list_tails_are_cut_and_recall_of_kinds_of_bodies():
    # gov.cn owner brackets (国办发〔2018〕… ../shared/corpus/dev/n03, n04): the tail is no part of a name
    assert _names("（人力资源社会保障部、财政部、教育部等有关部门和单位负责）") == [
        "人力资源社会保障部", "财政部", "教育部"]
    assert _names("（国家发展改革委、财政部会同有关部门负责）") == ["国家发展改革委", "财政部"]
    # 政协 and 人大 short forms; 和县 is a conjunction and a level word here
    assert _names("区政协、市人大常委会和县人大") == ["区政协", "市人大常委会", "县人大"]
    # foreign bodies and companies named by brand with 集团
    assert _names("与世界卫生组织和联合国儿童基金会合作") == ["世界卫生组织", "联合国儿童基金会"]
    assert _names("由比亚迪集团、吉利集团参与") == ["比亚迪集团", "吉利集团"]
    assert _names("市第一人民医院东院区、县中医院分院和区社区卫生服务中心") == [
        "市第一人民医院东院区", "县中医院分院", "区社区卫生服务中心"]


def test_a_district_congress_hearing():
    # a district report (fixture's source): the bodies of every level are a collective, the
    # congress and its standing committee and the government's office are bodies
    names = _names(_fixture("district_congress_hearing.txt"))
    assert {"区人大常委会", "区人民政府", "区人民政府办公室", "区委", "区人大"} <= set(names)
    assert not any("各级" in n or "职能部门" in n for n in names)


def test_a_name_starts_after_an_items_bracketed_number():
    # source: 新型冠状病毒肺炎防控方案（第九版）, a PDF whose lines the view joins:
    # 「…初筛阳性人员信息不对外发布。\n（二）当地疫情指挥部接到…」
    assert "当地疫情指挥部" in _names("初筛阳性人员信息不对外发布。\n（二）当地疫情指挥部接到初筛阳性人员报告后，要立即组织调查")
    # a bracketed other name stays part of the body
    assert _names("由组织人事部（人才办）牵头") == ["组织人事部（人才办）"]


# ---- issue 10: regulations and texts from other provinces -------------------------------

def test_a_provincial_class_department_is_not_the_class_at_every_level():
    # source: ../shared/corpus/dev/m05 (浙江省促进科技成果转化条例): 「科技主管部门和其他有关部门在
    # 各自职责范围内…」 is the class at every level (县级以上人民政府…); 「省科技主管部门应当会同…」
    # is the province's own department
    assert best_match("科技主管部门", [("省科技主管部门",)]) is None
    assert best_match("省财政部门", [("财政部门",)]) is None
    # a city's level word is commonly dropped; a body's own head (厅, 局) is one body at any level
    assert best_match("财政部门", [("市财政部门",)]) == 0
    assert best_match("科技厅", [("省科技厅",)]) == 0


def test_a_development_zone_kind_opens_the_name_of_its_office():
    # source: ../shared/corpus/dev/m05: 「有关高新技术产业开发区（园区）管理部门应当加强…」
    assert _names("有关高新技术产业开发区（园区）管理部门应当加强对企业知识产权工作的指导") == [
        "高新技术产业开发区（园区）管理部门"]
    # source: 京规自发〔2021〕28号 (a Beijing notice's recipients, found with search)
    assert "经济技术开发区管委会" in _names("各区政府，经济技术开发区管委会，各相关委办局：")


def test_levels_after_a_region_and_each_of_them_name_one_class_of_departments():
    # source: ../shared/corpus/dev/m01 (海南省农机购置与应用补贴实施方案): 「市县（区）财政部门因资金不足…」,
    # 「各市县（区）财政部门要保障…」 and the bare 财政部门 are one class of departments
    assert split_region("市县（区）财政部门") == ("市县（区）", "财政部门")
    assert split_region("各市县（区）财政部门") == ("各市县（区）", "财政部门")
    assert split_region("县（市、区）人民政府") == ("县（市区）", "人民政府")
    assert split_region("市场监管局") == ("", "市场监管局")  # 市场 opens no level run
    bodies = [("市县（区）农业农村部门",), ("市县（区）财政部门",), ("海南省财政厅", "省财政厅")]
    assert best_match("各市县（区）财政部门", bodies) == 1
    assert best_match("各市县农业农村部门", bodies) == 0
    # 「购机者自主向当地农业农村部门提出…」: the local department of the levels above
    assert best_match("当地农业农村部门", bodies) == 0
    # a single level word left after 各 is no longer a region the levels name
    assert best_match("各市财政部门", bodies) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["布局", "格局", "局", "干部", "部", "大局观", "政府债务", "政府", "委员会", "查处", "处", "，",
                                 "研发中心", "中心", "新"]),  # 研发中心: a head that is itself an excluded word
                max_size=12))
def test_a_head_is_excluded_exactly_when_an_exclusion_word_covers_it(pieces):
    # `excluded` looks only where a word could hold the head; the answer is a scan's
    text = "".join(pieces)
    lex = lexicon()
    words = [row[0] for row in load_rows("org_exclusions.txt")]
    for at, head in overlapping(lex.head_re, text):
        end = at + len(head)
        covered = any(text.startswith(w, s) and s + len(w) >= end
                      for w in words for s in range(max(0, end - len(w)), at + 1))
        assert excluded(text, at, end) == covered


def test_a_document_numbers_issuer_code_is_no_mention():
    # source: 丰都县科研项目管理办法(试行), 丰科技发〔2024〕46号 (found with search): the code of
    # a cited document number names no body there
    text = "根据《关于印发〈重庆市科研项目管理办法〉的通知》(渝科局发〔2023〕35号)有关要求，县科技局负责"
    assert _names(text) == ["县科技局"]


def test_the_departments_of_a_level_are_no_one_body():
    # source: 安徽省省级预算管理办法 (皖政办〔2008〕33号, found with search)
    assert _names("应当遵守《安徽省省级部门预算编制管理办法》的规定。第三条省财政厅负责") == ["省财政厅"]
    assert _names("市发展改革部门负责") == ["市发展改革部门"]


def test_a_latin_code_inside_a_task_force_name():
    # source: 青海省应对甲型H1N1流感流行应急预案(试行) 印发通知 (found with search): H1N1 is a
    # Latin word inside the name, neither a count nor a stop; 协调小组 is a task force's head
    text = "执行中的问题,请及时反馈给省应对甲型H1N1流感联防联控协调小组办公室。"
    assert _names(text) == ["省应对甲型H1N1流感联防联控协调小组办公室"]
    # a count stays a count (corpus/seeds: 指14天内在学校)
    assert _names("指14天内在学校") == []


def test_an_unknown_township_cut_into_characters_names_its_health_centre():
    # source: township names of 景宁畲族自治县 (a county table found with search: 沙湾镇, 大均乡,
    # 澄照乡) before 卫生院, a township health centre's name; the tagger cuts 大/均/乡
    for township in ("大均乡", "澄照乡", "沙湾镇"):
        assert _names(f"{township}卫生院负责") == [f"{township}卫生院"]
    # a bare 乡 after a preposition opens no name
    assert _names("与来自乡卫生院的医务人员") == []


def test_a_kind_of_bank_or_department_alone_is_no_body():
    # issue 10: 商业银行 and 业务主管部门 name a kind; source: a city's urban-village renewal policy
    # page (found with search): 「…由开发性、政策性金融机构提供城中村改造专项借款，…鼓励商业银行按照
    # 市场化、法治化原则提供城中村改造贷款」
    assert _names("适用有关税费优惠政策，鼓励商业银行按照市场化、法治化原则提供城中村改造贷款") == []
    assert _names("社会团体的业务主管部门应当加强指导") == []
    # a bank or a department named by its place or proper name keeps its name
    assert _names("西安农村商业银行、长安银行和中国工商银行") == ["西安农村商业银行", "长安银行", "中国工商银行"]
    assert _names("省科技主管部门负责") == ["省科技主管部门"]


def test_every_levels_department_of_a_field_is_a_class_of_departments():
    # source: ../shared/corpus/dev/m01: 「各级农业农村部门要加大补贴政策宣传力度」 names the
    # agriculture department of every level (as the bare 农业农村部门 does), not a collective
    assert _names("接受监督。各级农业农村部门要加大补贴政策宣传力度") == ["各级农业农村部门"]
    # every level's governments, or departments of no field, stay collectives
    assert _names("各级人民政府和各级有关部门、各级部门要加强领导") == []


def test_a_kind_of_workstation_is_no_body_and_a_companys_is():
    # source: ../shared/corpus/dev/m05: 「…院士工作站、企业博士后科研工作站、博士或者硕士实践基地…」;
    # jieba tags 博士后 as a person's name, which made 企业博士后… look like a proper name
    assert _names("重点实验室、工程实验室、院士工作站、企业博士后科研工作站、博士或者硕士实践基地") == []
    assert _names("陕西汽车集团有限责任公司博士后科研工作站") == ["陕西汽车集团有限责任公司博士后科研工作站"]


def test_a_target_clause_before_a_kind_of_hospital_is_no_name():
    # source: 海南州全面推进紧密型县域医疗卫生共同体建设实施方案 (found with search):
    # 达到 never sits inside a body's name; 县级医院 is a kind of hospital
    assert _names("医共体总院全部达到县级医院服务能力基本标准，90%的乡镇卫生院达到服务能力推荐标准") == []


def test_a_place_word_spanning_the_head_keeps_its_place():
    # source: a shop's shipping note (found with search): 「…并由上海海关报关后发往国内」; jieba
    # reads 上海海关 as one place word, whose body part 上海 is the place before the head
    assert _names("通过顺丰快递直发上海，并由上海海关报关后发往国内。") == ["上海海关"]
    # a customs special supervision zone is a kind of zone, not the customs office
    assert _names("推动上海海关特殊监管区域整合优化") == []


def test_a_hospital_affiliated_to_a_university_is_one_body():
    # source: a hospital list found with search: 「复旦大学附属中山医院","复旦大学附属华山医院",
    # "复旦大学附属儿科医院"」; 附属 joins the affiliated body, even named by a place (中山, 华山)
    text = "复旦大学附属中山医院、复旦大学附属华山医院、复旦大学附属儿科医院"
    assert _names(text) == ["复旦大学附属中山医院", "复旦大学附属华山医院", "复旦大学附属儿科医院"]
    assert _names("支持附属医院建设") == []


def test_a_groups_provincial_company_is_one_registered_name():
    # source: an invoice sample and a company list found with search: 「中国移动通信集团浙江有限公司
    # 宁波分公司」, 「中国移动通信集团北京有限公司」 — the group, the province and the legal form
    # are one registered name, its branch a unit of it
    assert _names("销售方：中国移动通信集团浙江有限公司宁波分公司") == ["中国移动通信集团浙江有限公司宁波分公司"]
    assert _names("中国移动通信集团北京有限公司、中国移动通信集团浙江有限公司") == [
        "中国移动通信集团北京有限公司", "中国移动通信集团浙江有限公司"]
    # two companies written apart stay two
    assert _names("华为技术有限公司、中兴通讯股份有限公司") == ["华为技术有限公司", "中兴通讯股份有限公司"]


def test_no_name_runs_across_the_break_after_a_documents_title():
    # source: 贵州省渔业条例 as published on a law site: title, then the adopting body on its own line
    text = "贵州省渔业条例\n贵州省人大常委会\n第四条 省人民政府渔业行政主管部门负责全省的渔业管理工作。\n"
    names = set(_names(text))
    assert "贵州省人大常委会" in names or "贵州省人民代表大会常务委员会" in names
    assert not any(n.startswith("贵州省渔业条例") for n in names)


def test_a_document_number_with_a_two_letter_kind_names_no_body():
    # source: a public repository's policy data citing the MIIT notice 工信厅办函〔2025〕476号:
    # 工信厅 is the issuer's code of the number (办函 its kind), the body is named in the title
    text = "《工业和信息化部办公厅关于集中组织开展典型案例征集工作的通知》（工信厅办函〔2025〕476 号"
    assert _names(text) == ["工业和信息化部办公厅"]


def test_the_seat_of_a_government_is_a_place():
    # source: 内蒙古自治区村庄和集镇规划建设管理实施办法 (1997, law540.infoeach.com, found with search):
    # 苏木乡人民政府所在地 is where a township's government sits; 旗县人民政府 acts (确认)
    text = "本实施办法所称的集镇,是指苏木乡人民政府所在地和旗县人民政府确认由集市发展而成的,作为农村牧区一定区域经济中心的非建制镇。"
    names = _names(text)
    assert not any("所在地" in n or "乡人民政府" in n for n in names)
    assert len(names) == 1 and names[0].endswith("县人民政府")


def test_inner_mongolian_level_words_are_read_whole():
    # source: 内蒙古自治区村庄和集镇规划建设管理实施办法 (内蒙古自治区人民政府令第82号, 1997):
    # 旗县 (banners and counties), like 区县, is one level word, not the place 旗 and a 县
    assert "旗县人民政府" in _names("是指苏木乡人民政府所在地和旗县人民政府确认由集市发展而成的非建制镇。")


def test_body_index_kept_between_lookups_answers_as_best_match():
    # owner lists name bodies one at a time: an index grown form by form answers as a fresh one
    names = ["陕西省科学技术厅", "省科技厅", "区科技局", "省财政厅", "财政部门", "市财政部门",
             "自然资源与生态环境局", "资源生态局", "陕汽集团", "陕汽", "科技厅", "区财政局"]
    bodies: list[tuple[str, ...]] = []
    index = BodyIndex()
    for name in names:
        k = index.match(name)
        assert k == best_match(name, bodies)
        if k is None:
            assert index.add_body((name,)) == len(bodies)
            bodies.append((name,))
        else:
            index.add_form(k, name)
            bodies[k] += (name,)
    assert len(bodies) < len(names)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["管理委员会", "管委会", "委员会", "办公室", "人民政府", "办公厅", "科技局", "分局",
                                 "管理", "委", "员", "会", "局", "厅", "部门", "行政", "区", "，", "小组"]), max_size=14))
def test_head_offsets_are_the_overlapping_scan(pieces):
    # the table of heads inside a head answers as a regex match at every offset inside it
    text = "".join(pieces)
    assert head_offsets(text) == list(overlapping(lexicon().head_re, text))


def test_the_whole_province_before_government_work_names_no_body():
    # source: 广东省人民政府 2021年省《政府工作报告》重点任务分工方案 (粤府〔2021〕22号)
    names = _names("全面落实省第十三届人民代表大会第四次会议通过的省《政府工作报告》部署，做好今年全省政府工作。"
                   "部门分工：省发展改革委牵头，各地、各部门配合。")
    assert "全省政府" not in names and "省发展改革委" in names


def test_a_relative_level_keeps_its_place_in_a_bodys_name():
    # source: 贵州省渔业条例 (2005) 第四条
    names = _names("跨行政区域的渔业管理工作，由有关县级人民政府共同协商管理，或者由其共同的上一级人民政府渔业行政主管部门管理。")
    assert "上一级人民政府渔业行政主管部门" in names and "人民政府渔业行政主管部门" not in names


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="国务院财政部门教育科学技术中华人民共和国商务农业农村、 ", max_size=40))
def test_the_guarded_standard_body_scan_finds_what_the_bare_tree_finds(text):
    # the guard (a first character before a second one) only skips offsets; 财政部门 is no ministry
    lex = lexicon()
    bare = re.compile(f"(?:{trie_alternation(lex.standard)})(?!门)")
    assert trie_spans(lex.standard_re, text) == [m.span() for m in bare.finditer(text)]
