"""Official-document metadata from real headers and closings."""
from __future__ import annotations

import json

import pytest

from extractor import ingest, lexicons
from extractor.errors import IngestError
from extractor.model import RawDocument
from extractor.normalise import normalise, normalise_text
from extractor.pipeline import parse_raw
from extractor.structure import parse
from extractor.structure.dates import DATE, iso_date
from extractor.text.numerals import cn_number
from extractor.structure.fields import fields
from extractor.structure.meta import doc_number, read_meta
from tests.conftest import DEV, PDFS, SEEDS

REPLY_HEAD = (
    " 签发人：艾晨\n\n陕西咸函〔2024〕2号\n\n陕西省西咸新区开发建设管理委员会\n"
    "关于陕西省人大十四届三次会议第 212 号建议\n\n的复函\n\n刘新志代表：\n\n"
    "您提出的《关于加强秦创原科技成果转化先行区建设的建议》\n\n(第 212号)收悉，现答复如下:\n\n"
)
REPLY_TAIL = (
    "感谢您对秦创原建设发展的关心与支持!\n\n陕西省西咸新区开发建设管理委员会\n\n2025年 5月 29日\n\n"
)


def _meta(source: str):
    return read_meta(normalise_text(source).text)


def test_reply_to_a_deputy():
    meta = _meta(REPLY_HEAD + "类别：A\n 体，推进全省科技成果转化与地方经济高质量发展。\n\n" + REPLY_TAIL)
    assert meta.title == "陕西省西咸新区开发建设管理委员会关于陕西省人大十四届三次会议第212号建议的复函"
    assert meta.doc_number == "陕西咸函〔2024〕2号"
    assert meta.signer == "艾晨"
    assert meta.recipients == ("刘新志代表",)
    assert meta.issuer == "陕西省西咸新区开发建设管理委员会"
    assert meta.date == "2025-05-29"
    assert meta.category == "A"


def test_crawled_notice_with_breadcrumbs():
    source = ("当前位置： 首页政务公开最新文件区管委会办公室文件 关于印发《平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法》的通知 "
              "时间：2015-01-12 11:30 微信 微博 QQ空间 岚综管办〔2015〕11号平潭综合实验区管委会办公室关于印发"
              "《平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法》的通知区直各单位，各片区开发管理局："
              "《平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法》经平潭综合实验区管委会2014年第14次主任办公会议研究通过，"
              "现予以印发施行。特此通知平潭综合实验区管委会办公室2015年1月9日平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法"
              "为加强个人住房国有划拨建设用地使用权转让管理，根据《关于已购公有住房和经济适用住房上市出售中土地出让金计算问题的通知》"
              "（闽土〔2000〕015号)等法律法规之规定，特制定本实施办法。")
    meta = _meta(source)
    assert meta.title == ("平潭综合实验区管委会办公室关于印发《平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法》的通知")
    assert meta.doc_number == "岚综管办〔2015〕11号"
    assert meta.recipients == ("区直各单位", "各片区开发管理局")
    assert meta.issuer == "平潭综合实验区管委会办公室"
    assert meta.date == "2015-01-09"


def test_closing_date_not_print_date():
    source = ("岚综管办〔2018〕184号 平潭综合实验区管委会办公室关于 印发《平潭综合实验区个人住房国有划拨建 设用地使用权转让实施办法（修订）》的通知 "
              "各片区项目建设指挥部，区直各单位： 《平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法（修订）》已经区管委会研究同意，"
              "现予以印发施行。 特此通知。 平潭综合实验区管委会办公室 2018年10月26日 五、本《实施办法》自下发之日起施行。"
              "《平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法》（岚综管办〔2015〕11号）同时废止。 "
              "平潭综合实验区管委会办公室 2018年11月1日印发 来源：平潭综合实验区管委会办公室")
    meta = _meta(source)
    assert meta.title == ("平潭综合实验区管委会办公室关于印发《平潭综合实验区个人住房国有划拨建设用地使用权转让实施办法（修订）》的通知")
    assert meta.date == "2018-10-26"
    assert (meta.printer, meta.print_date) == ("平潭综合实验区管委会办公室", "2018-11-01")
    assert meta.recipients == ("各片区项目建设指挥部", "区直各单位")


def test_notice_from_a_pdf_first_page():
    # ed9 prevention plan page 1 as pdfplumber reads it
    source = ("联防联控机制综发〔2022〕71 号\n关于印发新型冠状病毒肺炎防控方案\n（第九版）的通知\n"
              "各省、自治区、直辖市及新疆生产建设兵团应对新型冠状病毒\n肺炎疫情联防联控机制（领导小组、指挥部），国务院应对新\n"
              "型冠状病毒肺炎疫情联防联控机制各成员单位，中国疾控中\n心：\n"
              "为进一步指导各地做好新型冠状病毒肺炎防控工作，国务\n院应对新型冠状病毒肺炎疫情联防联控机制综合组制定了新\n"
              "型冠状病毒肺炎防控方案（第九版）。现印发给你们，请认真\n组织实施。各地各部门在执行过程中如有相关建议，请及时反\n"
              "馈机制综合组。\n国务院应对新型冠状病毒肺炎\n疫情联防联控机制综合组\n（国家卫生健康委代章）\n2022 年 6 月 27 日\n"
              "（信息公开形式：主动公开）\n1")
    meta = _meta(source)
    assert meta.doc_number == "联防联控机制综发〔2022〕71号"
    assert meta.title == "关于印发新型冠状病毒肺炎防控方案（第九版）的通知"
    assert meta.issuer == "国务院应对新型冠状病毒肺炎疫情联防联控机制综合组"
    assert meta.date == "2022-06-27"
    assert meta.recipients[-1] == "中国疾控中心"
    assert meta.recipients[0].startswith("各省、自治区、直辖市")


def test_research_brief_masthead_byline_and_send_list():
    source = ("\n\n西咸研究\n\n(第1期·总第345期)\n\n西咸新区研究院\n\n2026年4月10日\n\n"
              "秦创原创新驱动平台赋能西安区域科技创新中心建设的实践与思考\n\n秦创原创新促进中心\n\n"
              "中央经济工作会议指出，要坚持创新驱动，加紧培育壮大新动能。秦创原作为全省统筹推进科技创新与成果转化的总平台和总引擎，"
              "经过5年系统建设，已逐步演进为综合性创新平台。\n\n"
              "送：西咸新区党工委、管委会班子成员。\n\n省委政研室、省政府研究室。\n\n发：各相关单位。")
    meta = _meta(source)
    assert meta.title == "秦创原创新驱动平台赋能西安区域科技创新中心建设的实践与思考"
    assert meta.issuer == "秦创原创新促进中心"
    assert meta.date == "2026-04-10"
    assert meta.recipients[:2] == ("西咸新区党工委", "管委会")
    assert "省委政研室" in meta.recipients


def test_byline_team_is_read_as_its_body():
    source = (" 关于推动建设国家区域科技创新中心和\n科技成果转移转化示范区的思考与建议\n\n西咸新区研究院课题组\n\n"
              "创新是发展的逻辑起点、处于城市迭代的核心位置，也是国家级新区的自带基因。")
    meta = _meta(source)
    assert meta.title == "关于推动建设国家区域科技创新中心和科技成果转移转化示范区的思考与建议"
    assert meta.issuer == "西咸新区研究院"


def test_plan_period_from_the_title_not_from_a_cited_plan():
    meta = _meta("秦创原总窗口提能升级三年行动计划（2024—2026年）\n\n为深入落实《秦创原创新驱动平台建设三年行动计划（2023—2025年）》，特制定本行动计划。")
    assert meta.period == (2024, 2026)
    assert _meta("为深入落实《秦创原创新驱动平台建设三年行动计划（2024—2026年）》，特制定本行动计划。").period is None


def test_body_text_gives_no_title_and_no_cited_doc_number():
    text = ("为深入学习贯彻习近平总书记关于发展新质生产力的重要论述，落实《国务院办公厅关于印发2022年政务公开工作要点的通知》"
            "（国办发〔2022〕8号）精神，特制定本行动计划。")
    meta = read_meta(text)
    assert meta.title is None and meta.doc_number is None and meta.date is None


@pytest.mark.parametrize("text, iso", [
    ("二〇二四年五月二十九日", "2024-05-29"),
    ("2022 年 6 月 27 日", "2022-06-27"),
    ("二〇二三年十二月三十一日", "2023-12-31"),
    ("2025年2月30日", None),
])
def test_dates(text, iso):
    assert iso_date(DATE.search(text)) == iso


def test_chinese_numerals():
    assert [cn_number(x) for x in ("十", "十一", "二十九", "一百零五", "二〇二四", "12")] == [10, 11, 29, 105, 2024, 12]


def test_doc_number_bracket_variants():
    assert doc_number("京政发[2023]5号\n北京市人民政府关于印发…的通知") == "京政发〔2023〕5号"
    assert doc_number("国办函（2021）103号\n") == "国办函〔2021〕103号"


def _tree(path):
    raw = ingest.load(path)
    return parse(normalise(raw), raw=raw)


def test_seed_reply_letter_end_to_end():
    meta = _tree(SEEDS / "003_3f674aba3fe25ad0.txt").meta
    assert (meta.doc_number, meta.signer, meta.recipients, meta.date) == (
        "陕西咸函〔2024〕2号", "艾晨", ("刘新志代表",), "2025-05-29")
    assert meta.issuer == "陕西省西咸新区开发建设管理委员会"


def test_crawled_notice_end_to_end():
    tree = _tree(DEV / "05_pingtan-new-pollutants-plan-2023.txt")
    assert tree.meta.date == "2023-03-30"
    assert tree.meta.recipients == ("各相关单位",)
    assert [s.title for s in tree.sections if s.level == 1][:2] == ["总体要求", "重点任务"]
    assert all(t.section for t in tree.tasks)


def test_prevention_plan_pdf_doc_number():
    try:
        tree = _tree(PDFS / "covid_prevention_control_plan_ed9_2022.pdf")
    except IngestError as error:  # the PDF reader is another stage's work
        pytest.skip(str(error))
    assert tree.meta.doc_number == "联防联控机制综发〔2022〕71号"
    assert tree.meta.date == "2022-06-27"
    assert any(s.kind == "annex" and s.number == "附件1" for s in tree.sections)


def test_web_page_title_from_breadcrumbs():
    source = ("当前位置： 首页政务公开最新文件区管委会办公室文件 平潭综合实验区管委会办公室关于印发平潭综合实验区新污染物治理工作方案的通知 "
              "时间：2023-03-30 15:53 微信 微博 QQ空间 各相关单位： 《平潭综合实验区新污染物治理工作方案》已经平潭综合实验区管委会同意，"
              "现印发给你们，请认真组织实施。 平潭综合实验区管委会办公室 2023年3月30日平潭综合实验区新污染物治理工作方案 新污染物是指新近发现或被关注的污染物。")
    meta = _meta(source)
    assert meta.title == "平潭综合实验区管委会办公室关于印发平潭综合实验区新污染物治理工作方案的通知"
    assert meta.recipients == ("各相关单位",)
    assert (meta.issuer, meta.date) == ("平潭综合实验区管委会办公室", "2023-03-30")
    crumbs = read_meta("当前位置： 首页政务公开法规规章 上海市科学技术进步条例 发布时间：2010-09-17 第一条 为了促进科学技术进步。")
    assert crumbs.title == "上海市科学技术进步条例"


def test_standalone_title_keeps_its_edition():
    # ed10 diagnosis plan, page 1
    meta = _meta("新型冠状病毒感染诊疗方案\n（试行第十版）\n为进一步做好新型冠状病毒感染（COVID-19）诊疗工作，\n"
                 "我们组织专家在《新型冠状病毒肺炎诊疗方案（试行第九\n版）》基础上，制定了《新型冠状病毒感染诊疗方案（试行\n"
                 "第十版）》。\n一、病原学特点\n")
    assert meta.title == "新型冠状病毒感染诊疗方案（试行第十版）"


def test_a_sentence_opening_with_about_is_not_the_title():
    text = ("关于“将先行区和总窗口一体对待”的建议，2023年，省科技厅提出构建“一总多区多平台”发展格局。\n"
            "感谢您对秦创原建设发展的关心与支持!")
    assert read_meta(text).title is None


def test_gbt9704_layout_with_cc_and_print_line():
    # the standard 文件 layout: masthead, 发文字号, title over two lines, 主送, body, 落款 with a
    # date in Chinese numerals, 抄送 and the 印发 line
    source = ("国务院办公厅文件\n国办发〔2024〕12号\n国务院办公厅关于印发促进科技成果转化\n行动方案的通知\n"
              "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
              "《促进科技成果转化行动方案》已经国务院同意，现印发给你们，请认真贯彻执行。\n"
              "国务院办公厅\n二〇二四年三月一日\n（此件公开发布）\n"
              "抄送：党中央各部门，中央军委办公厅，各民主党派中央。\n国务院办公厅秘书局 2024年3月2日印发\n")
    meta = _meta(source)
    assert meta.title == "国务院办公厅关于印发促进科技成果转化行动方案的通知"
    assert meta.doc_number == "国办发〔2024〕12号"
    assert (meta.issuer, meta.date) == ("国务院办公厅", "2024-03-01")
    # a series of levels is one addressee; 国务院各部委、各直属机构 are two (the eval gold's reading)
    assert meta.recipients == ("各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构")
    assert meta.cc == ("党中央各部门", "中央军委办公厅", "各民主党派中央")
    assert (meta.printer, meta.print_date) == ("国务院办公厅秘书局", "2024-03-02")


def test_margin_mark_dropped_from_the_flow_is_read_from_the_source():

    # seed 003: 类别：A lands inside 企业主|体; normalise drops it from the prose
    body = ("创新驱动力的同时，推动总窗口与全省各地资源共享、创新协作和\n\n产业协同。\n\n"
            "西咸新区作为秦创原总窗口，发挥创新引领示范带动作用，\n\n"
            "将总窗口的创新资源聚集优势向各地市、区县辐射，探索出“总\n\n"
            "部+基地”“研发+制造”“西安研发、地市转化”等区域协同创\n\n"
            "新模式，使总窗口的科技成果转化成果惠及更多的市县和企业主\n\n类别：A\n"
            " 体，推进全省科技成果转化与地方经济高质量发展，助力全省创\n\n"
            "新驱动工作实现协同。今年初，按照省委、省政府部署要求，在\n\n")
    raw = RawDocument(path="reply.txt", format="txt", sha256="0" * 64, pages=(REPLY_HEAD + body + REPLY_TAIL,))
    tree = parse_raw(raw)
    assert "企业主体" in tree.text
    assert tree.meta.category == "A"
    assert tree.meta.date == "2025-05-29"


def test_title_with_the_issuer_set_apart_by_a_space():
    meta = read_meta("东阳市人民政府办公室 关于印发《东阳市促进残疾人就业行动实施方案(2023—2025年)》的通知\n"
                     "各镇、乡人民政府,各街道办事处,市政府各部门:\n正文。")
    assert meta.title == "东阳市人民政府办公室关于印发《东阳市促进残疾人就业行动实施方案(2023—2025年)》的通知"
    assert meta.issuer == "东阳市人民政府办公室"


def test_chinese_numeral_date_with_circle_zero():
    meta = read_meta("皖政办〔2008〕33号\n关于印发安徽省省级预算管理办法的通知\n省政府各部门、各直属机构:\n"
                     "经省政府同意,现将修订后的《安徽省省级预算管理办法》印发给你们,请认真贯彻执行。\n"
                     "安徽省人民政府办公厅\n二○○八年六月二十五日")
    assert (meta.issuer, meta.date) == ("安徽省人民政府办公厅", "2008-06-25")


def test_order_number_and_signing_leader():
    meta = read_meta("中华人民共和国国务院令\n第227号\n现发布《国务院行政机构设置和编制管理条例》,自发布之日起施行。\n"
                     "总理李鹏\n1997年8月3日\n第一章总则")
    assert (meta.doc_number, meta.signer, meta.date) == ("中华人民共和国国务院令第227号", "李鹏", "1997-08-03")


@pytest.mark.parametrize("header, expected", [
    ("晋政发[2018]13号\n", "晋政发〔2018〕13号"),
    ("镇政发（2024）7号\n", "镇政发〔2024〕7号"),
    ("湘政办发„2009‟24号\n", "湘政办发〔2009〕24号"),
    ("沈阳市人民代表大会常务委员会办公室公告(第7号)\n", "沈阳市人民代表大会常务委员会办公室公告第7号"),
])
def test_document_number_in_any_bracket_form(header, expected):
    assert doc_number(header + "各市、县人民政府:") == expected


# --- issue 10: regulations' history, joint issuance, label–value fields, work reports ---

# source: 包头市人民代表大会及其常务委员会制定地方性法规条例 (http://law242.infoeach.com/view-MjQyfDcxNTcz.html)
BAOTOU_HEAD = ("包头市人民代表大会及其常务委员会制定地方性法规条例\n【题注】 (2001年4月29日包头市第十一届人民代表大会第四次会议通过 "
               "2001年6月3日内蒙古自治区第九届人民代表大会常务委员会第二十三次会议批准)\n【章名】 第一章 总则\n"
               "第一条 为了规范包头市人民代表大会及其常务委员会的立法活动，完善立法程序，提高立法质量，制定本条例。")
# source: 浙江省促进科技成果转化条例 header as the provincial law database sets it (corpus/dev m05)
ZHEJIANG_HEAD = ("# 浙江省促进科技成果转化条例\n2004年1月16日 浙江省第十届人民代表大会常务委员会第七次会议通过\n"
                 "2017年3月30日 浙江省第十二届人民代表大会常务委员会第三十九次会议修订\n"
                 "2021年9月29日 浙江省第十三届人民代表大会常务委员会第三十一次会议《关于修改〈浙江省促进科技成果转化条例〉"
                 "等七件地方性法规的决定》修正\n## 第一章 总则\n第一条 为了全面实施创新驱动发展战略，促进科技成果转化，制定本条例。")
# source: 中华人民共和国个人所得税法实施条例, gov.cn (国令第707号)
DECREE_HEAD = ("中华人民共和国国务院令\n第707号\n现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。\n"
               "总理 李克强\n2018年12月18日\n中华人民共和国个人所得税法实施条例\n（1994年1月28日中华人民共和国国务院令第142号发布 "
               "根据2005年12月19日《国务院关于修改〈中华人民共和国个人所得税法实施条例〉的决定》第一次修订 "
               "2018年12月18日中华人民共和国国务院令第707号第四次修订）\n第一条 根据《中华人民共和国个人所得税法》，制定本条例。")


@pytest.mark.parametrize("head, issuer, date", [
    (BAOTOU_HEAD, "包头市人民代表大会", "2001-04-29"),  # adopted by the congress; 批准 is a higher body's
    (ZHEJIANG_HEAD, "浙江省人民代表大会常务委员会", "2021-09-29"),  # the latest amendment, without 第十三届
    (DECREE_HEAD, "国务院", "2018-12-18"),  # the decree's body as its 落款 writes it
])
def test_regulation_dated_and_issued_by_its_latest_version(head, issuer, date):
    meta = _meta(head)
    assert (meta.issuer, meta.date) == (issuer, date)


def test_decree_number_of_a_revised_regulation():
    assert _meta(DECREE_HEAD).doc_number == "中华人民共和国国务院令第707号"


# source: 海南省农业农村厅 海南省财政厅关于印发2024-2026年海南省农机购置与应用补贴实施方案的通知 (corpus/dev m01)
HAINAN = ("海南省农业农村厅 海南省财政厅\n关于印发2024-2026年海南省农机\n购置与应用补贴实施方案的通知\n"
          "各市、县、自治县农业农村局、财政局：\n为规范实施农机购置与应用补贴政策，现将《实施方案》印发给你们，请遵照执行。\n"
          "海南省农业农村厅 海南省财政厅\n2024年7月1日\n（此件主动公开）")
# source: 穗天科工信规字〔2023〕1号, tianhe.gov.cn (corpus/dev m03), with the page's link to its 解读 above
TIANHE = ("点击查看政策解读：【音频解读】关于《广州市天河区深化支持港澳青年创新创业高质量发展实施办法》的解读\n穗天科工信规字〔2023〕1号\n"
          "广州市天河区科技工业和信息化局 广州市天河区人力资源和社会保障局 中共广州市天河区委统战部\n"
          "关于印发广州市天河区深化支持港澳青年创新创业高质量发展实施办法的通知\n区属各单位：\n"
          "《广州市天河区深化支持港澳青年创新创业高质量发展实施办法》已经区委、区政府同意，现印发实施。\n"
          "广州市天河区科技工业和信息化局\n广州市天河区人力资源和社会保障局\n中共广州市天河区委统战部\n2023年8月9日\n"
          "第一条 为全面落实《粤港澳大湾区发展规划纲要》，制定本实施办法。")


def test_joint_closing_on_one_line_gives_the_first_named_body():
    meta = _meta(HAINAN)
    assert (meta.issuer, meta.date) == ("海南省农业农村厅", "2024-07-01")


def test_joint_closing_over_lines_and_a_title_that_holds_no_document_number():
    meta = _meta(TIANHE)
    assert meta.issuer == "广州市天河区科技工业和信息化局"
    assert meta.title.endswith("中共广州市天河区委统战部关于印发广州市天河区深化支持港澳青年创新创业高质量发展实施办法的通知")
    assert meta.title.startswith("广州市天河区科技工业和信息化局")
    assert meta.doc_number == "穗天科工信规字〔2023〕1号"


def test_a_date_opening_a_sentence_is_no_closing_date():
    # source: 国务院关于做好当前和今后一个时期促进就业工作的若干意见 国发〔2018〕39号, gov.cn
    meta = _meta("国务院关于做好当前和今后一个时期\n促进就业工作的若干意见\n国发〔2018〕39号\n各省、自治区、直辖市人民政府：\n"
                 "一、支持企业稳定发展\n（一）加大稳岗支持力度。可返还其上年度实际缴纳失业保险费的50%。2019年1月1日至12月31日，"
                 "对面临暂时性生产经营困难的参保企业，返还标准可按6个月的当地月人均失业保险金确定。\n"
                 "各地要及时报送人力资源社会保障部。\n国务院\n2018年11月16日\n（此件公开发布）")
    assert (meta.issuer, meta.date) == ("国务院", "2018-11-16")


def test_flattened_metadata_block_values_end_at_the_next_label():
    # source: the metadata block of a gov.cn policy page (国发〔2018〕39号), flattened to one line
    meta = _meta("索引号： 000014349/2018-00202 主题分类： 劳动、人事、监察\\就业 发文机关： 国务院 "
                 "成文日期： 2018年11月16日 标题： 国务院关于做好当前和今后一个时期促进就业工作的若干意见 "
                 "发文字号： 国发〔2018〕39号 发布日期： 2018年12月05日 就业是最大的民生。")
    assert (meta.issuer, meta.date, meta.doc_number) == ("国务院", "2018-11-16", "国发〔2018〕39号")
    assert meta.title == "国务院关于做好当前和今后一个时期促进就业工作的若干意见"


def test_reply_form_fields():
    meta = _meta("提案人： 张华 承办单位： 杭州市教育局 协办单位： 杭州市财政局 事由： 关于加强中小学课后服务的建议 "
                 "办理情况： 您提出的建议收悉。")
    assert meta.issuer == "杭州市教育局"
    assert meta.recipients == ("张华",)


def test_work_report_opening_in_speech_form():
    meta = _meta("政府工作报告——2024年1月18日在杭州市第十四届人民代表大会第四次会议上 杭州市市长 姚高员 "
                 "各位代表：现在，我代表市人民政府，向大会报告工作。一、2023年工作回顾")
    assert (meta.title, meta.date, meta.issuer) == ("政府工作报告", "2024-01-18", "杭州市人民政府")
    # the speaker gives the report; 签发人 is a label of a 版头, which a speech has not
    assert meta.signer is None and meta.recipients == ()


def test_a_field_label_added_through_a_rules_folder(tmp_path):
    words = lexicons.load_json("document_meta.json")
    words["field_labels"]["issuer"].append("颁布单位")
    (tmp_path / "document_meta.json").write_text(json.dumps(words, ensure_ascii=False), "utf-8")
    # source: the metadata block of a provincial law database page (四川省村务公开条例)
    raw = RawDocument(path="law.txt", format="txt", sha256="0",
                      pages=("颁布单位： 四川省人民代表大会常务委员会 时效性： 有效 第一条 为了规范村务公开，制定本条例。",))
    assert parse_raw(raw, rules=tmp_path).meta.issuer == "四川省人民代表大会常务委员会"
    assert parse_raw(raw).meta.issuer != "四川省人民代表大会常务委员会"


def test_meta_lexicon_is_well_formed():
    words = lexicons.load_json("document_meta.json")
    labels = [label for group in words["field_labels"].values() for label in group]
    assert len(labels) == len(set(labels)), "a label gives one field"
    assert set(words["field_labels"]) <= {"title", "doc_number", "issuer", "date", "signer", "recipients", ""}
    for key, value in words.items():
        if isinstance(value, list):
            assert len(value) == len(set(value)), f"{key}: duplicates"


def test_a_page_opening_with_its_address_line_keeps_its_recipients():
    # source: 四川省“十四五”现代流通体系建设实施方案 (川发改…, 2022-10-18), as saved by law.foodmate.net:
    # the page starts at 主送, the title follows the issuance notice
    text = ("各市(州)人民政府、省级有关部门(单位):\n经省政府同意,现将《四川省“十四五”现代流通体系建设实施方案》"
            "印发给你们,请认真贯彻实施。\n四川省发展和改革委员会\n2022年10月18日\n"
            "四川省“十四五”现代流通体系建设实施方案\n为贯彻落实党中央、国务院决策部署,制定本方案。\n")
    meta = _meta(text)
    assert meta.recipients == ("各市（州）人民政府", "省级有关部门（单位）")
    assert (meta.issuer, meta.date) == ("四川省发展和改革委员会", "2022-10-18")


def test_a_news_page_is_dated_by_its_dateline():
    # source: 科技日报 2025-09-11, “十四五”时期我国新型工业化走深走实 (as reposted on a news site)
    text = ("“十四五”时期我国新型工业化走深走实\n2025-09-11 08:52:30 科技日报 作者: 记者 吴叶凡 崔 爽\n"
            "我国新能源汽车去年产量突破1300万辆,产销量连续10年保持全球第一。\n")
    assert _meta(text).date == "2025-09-11"
    assert _meta("本报讯 2024年3月5日上午，会议召开。\n").date is None


def test_an_outlet_and_a_date_alone_on_a_line_are_a_dateline():
    # source: 长江日报 2025-01-17, 政府工作报告摘要与导读 (cjrb.cjn.cn): no clock time on the dateline
    text = ("政府工作报告摘要与导读\n长江日报 2025年01月17日\n■ 2024年成绩单\n●预计全省地区生产总值增长6%左右\n"
            "■ 2025年经济社会发展的主要预期目标\n●经济增长6%左右\n")
    meta = _meta(text)
    assert (meta.title, meta.date) == ("政府工作报告摘要与导读", "2025-01-17")
    # an issuing body over its date is a 落款, not a dateline: the title stays the notice's
    meta = _meta("关于开展评估工作的通知\n各区科技局：\n现将有关事项通知如下。\n市科技局\n2024年3月5日\n")
    assert meta.title == "关于开展评估工作的通知"


def test_a_title_wrapped_over_two_cover_lines_is_one_title_with_its_author_under_it():
    # source: 苏尼特右旗“十四五”规划纲要 (gcs66.com/document_detail/45070.html), a PDF cover page
    text = ("苏尼特右旗国民经济和社会发展第十四个五年\n规划和 2035 年远景目标纲要\n苏尼特右旗人民政府\n2021 年 9 月\n"
            "“十四五”时期(2021~2025 年),是我国全面建成小康社会、实现第一个百年奋斗目标之后,乘势而上开启全面建设"
            "社会主义现代化国家新征程的第一个五年。\n")
    meta = _meta(text)
    assert (meta.title, meta.issuer) == ("苏尼特右旗国民经济和社会发展第十四个五年规划和2035年远景目标纲要", "苏尼特右旗人民政府")


def test_the_issued_plans_title_after_a_long_issuance_paragraph():
    # source: 荆门市“十四五”纲要任务分工方案 (jingmen.gov.cn, 2021), saved without its notice's title
    text = ("各县、市、区人民政府,漳河新区,屈家岭管理区,荆门高新区,大柴湖开发区,市政府各部门:\n"
            "《荆门市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案》已经市人民政府同意,"
            "现印发给你们,请结合实际,认真贯彻执行。\n荆门市人民政府办公室\n2021年12月31日\n"
            "荆门市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案\n"
            "《荆门市国民经济和社会发展第十四个五年规划和2035年远景目标纲要》(以下简称《纲要》)已经市人大九届五次会议"
            "审议通过,并已全文发布。为确保《纲要》有效实施,制定本方案。\n")
    meta = _meta(text)
    assert meta.title == "荆门市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案"
    assert (meta.issuer, meta.date) == ("荆门市人民政府办公室", "2021-12-31")


def test_a_spoken_headline_above_the_time_stamp_not_the_site_menu():
    # source: 科技日报 via a portal (xiaobj.com/article/html/17639.html): a menu bar, breadcrumbs
    # with →, and the headline naming its speaker before a colon over 发布时间
    text = ("首 页 | 新闻中心 | 财经评论 | 教育校园 | 科技新闻 | 房产楼市 | 汽车之家 |\n加入收藏\n"
            "当前位置: 北京信息港新闻中心国内新闻 → 科技部:代表建议、政协提案按期办结率100%\n文章内容\n"
            "科技部:代表建议、政协提案按期办结率100%\n作者:Admin  来源:本站整理  发布时间:2019-03-01 06:17:12\n"
            "科技日报讯 (记者唐婷)记者日前从科技部了解到,2018年,科技部承办十三届全国人大一次会议建议365件。\n")
    meta = _meta(text)
    assert (meta.title, meta.date) == ("科技部：代表建议、政协提案按期办结率100%", "2019-03-01")


def test_a_bare_time_label_among_a_pages_labels_dates_the_page_and_marks_its_headline():
    # source: 湖南省长株潭城市群区域规划条例 on law228.infoeach.com: 作者:… 时间:… 浏览:… under the
    # headline; the regulation's 公告 follows, and its 落款 dates the regulation
    text = ("湖南省长株潭城市群区域规划条例\n作者:法律资料网 时间:2024-07-11 03:36:27   浏览:8916   来源:法律资料网\n"
            "湖南省长株潭城市群区域规划条例\n湖南省人大常委会\n"
            "(2007年9月29日湖南省第十届人民代表大会常务委员会第二十九次会议通过)\n"
            "湖南省第十届人民代表大会常务委员会公告\n第88号\n《湖南省长株潭城市群区域规划条例》于2007年9月29日经"
            "湖南省第十届人民代表大会常务委员会第二十九次会议通过,现予公布,自2008年1月1日起施行。\n"
            "湖南省人民代表大会常务委员会\n2007年9月29日\n第一条 为科学编制和有效实施长株潭城市群区域规划,制定本条例。\n")
    meta = _meta(text)
    assert (meta.title, meta.date) == ("湖南省长株潭城市群区域规划条例", "2007-09-29")


def test_a_draft_put_out_for_comment_is_titled_after_the_notice_and_its_contacts():
    # source: 云南省人大常委会 征求意见 (ynrd.gov.cn, 2026-01-13)
    text = ("为落实科学立法、民主立法、依法立法的要求,进一步扩大公民对立法工作的有序参与,提高立法质量,根据有关规定,"
            "现向社会公开征求对《云南省农作物种子条例(修订草案修改稿)》的意见建议。\n"
            "请将意见建议以信函、传真或电子邮件形式,反馈至云南省人大常委会法制工作委员会经济立法处,"
            "征求意见截止时间为2026年2月14日。\n通信地址:云南省人大常委会法工委经济立法处\n邮编:650228\n"
            "云南省人大常委会办公厅\n2026年1月13日\n云南省农作物种子条例(修订草案修改稿)\n第一章 总 则\n"
            "第一条 为了保护和合理利用农作物种质资源,规范农作物品种选育、种子生产经营和管理行为,制定本条例。\n")
    meta = _meta(text)
    assert (meta.title, meta.issuer, meta.date) == ("云南省农作物种子条例（修订草案修改稿）", "云南省人大常委会办公厅", "2026-01-13")


def test_a_sites_column_label_is_not_part_of_the_title():
    # source: 工信厅运行函[2017]300号 as reposted by ouciu.com (traditional script, a 【…】 column label)
    text = ("【工信部政策】工業和信息化部辦公廳關于公布第二批國家工業運行重點聯系城市名單的通知\n工信廳運行函[2017]300號\n"
            "內蒙古、遼寧、吉林、陜西省(自治區)工業和信息化主管部門:\n首批40個國家工業運行重點聯系城市公布以來,"
            "重點聯系城市發揮了重要作用。\n工業和信息化部辦公廳\n2017年5月16日\n")
    meta = _meta(text)
    assert meta.title == "工业和信息化部办公厅关于公布第二批国家工业运行重点联系城市名单的通知"
    assert (meta.issuer, meta.doc_number) == ("工业和信息化部办公厅", "工信厅运行函〔2017〕300号")


def test_a_series_of_division_levels_is_one_addressee():
    # source: http://kjzch.com/cn/gongxin/2020-01-17/138248.html (工信厅规函〔2020〕8号)
    meta = _meta("工业和信息化部办公厅关于组织申报2019年工业稳增长和转型升级成效明显市(州)的通知\n"
                 "工信厅规函〔2020〕8号\n各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门:\n"
                 "根据《国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知》有关要求，现组织开展申报。")
    assert meta.recipients == ("各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门",)


def test_addressees_after_a_series_are_cut_at_the_enumeration_comma():
    # source: https://0798ci.com/law/8240.html (鲁政发〔2014〕20号)
    meta = _meta("山东省人民政府关于深化预算管理制度改革的实施意见\n鲁政发〔2014〕20号\n"
                 "各市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构,各大企业,各高等院校:\n"
                 "现代预算制度是现代财政制度的基础。")
    assert meta.recipients == ("各市人民政府", "各县（市、区）人民政府", "省政府各部门", "各直属机构", "各大企业", "各高等院校")


def test_places_sharing_one_body_stay_one_addressee():
    # source: http://gxt.jl.gov.cn/xxgk/jwwj/201509/t20150901_2070831.html: 梅河口市、公主岭市工信局
    # is the 工信局 of each city, not a city and a bureau
    meta = _meta("吉林省工业和信息化厅关于开展专业类国家应急产业示范基地申报工作的通知\n"
                 "各市(州)工信局,长白山管委会经发局,梅河口市、公主岭市工信局:\n现将通知转给你们。")
    assert meta.recipients == ("各市（州）工信局", "长白山管委会经发局", "梅河口市、公主岭市工信局")


def test_a_speech_greeting_is_no_recipient():
    # source: http://www.yimiaomei.com/bg/gz/434.html (a district head's work report)
    meta = _meta("各位代表:\n现在,我代表区人民政府向大会作工作报告,请予审议,并请各位政协委员和其他列席人员提出意见。\n"
                 "一、五年政府工作回顾\n五年来,区十六届人大一次会议确定的各项任务全面完成。")
    assert meta.recipients == ()


def test_a_news_headline_naming_its_speaker_is_the_title():
    # source: http://muji.bandao.cn/a/292386.html
    meta = _meta("海关总署:中国仍保持全球货物贸易第一大国地位\n2019-10-14 13:48 中国新闻网阅读 (15136) 扫描到手机\n"
                 "10月14日,国新办在北京召开新闻发布会,海关总署新闻发言人、统计分析司司长李魁文介绍情况。")
    assert meta.title == "海关总署：中国仍保持全球货物贸易第一大国地位"
    # the space between a headline's two phrases stays (source: http://www.cuiru123.com/caijing/460044.html)
    headline = "国家统计局:在继续加强经济回升向好基础的同时 要进一步关注经济发展的不平衡性"
    assert (_meta(f"{headline}\n国家统计局副局长盛来运在今日发布会上表示,一季度GDP同比增长5.3%。").title
            == "国家统计局：在继续加强经济回升向好基础的同时 要进一步关注经济发展的不平衡性")
    assert meta.recipients == ()
    assert meta.date == "2019-10-14"  # an unnumbered news page is dated by its dateline


def test_work_report_dated_on_the_line_under_its_title_without_the_speakers_office():
    # source: 浮山县 2019 government work report as a county newspaper printed it (search "pages":
    # 政府工作报告 2019年3月2日在浮山县第十六届人民代表大会第四次会议上)
    meta = _meta("政府工作报告\n2019年3月2日在浮山县第十六届人民代表大会第四次会议上\n栗 俊 昌\n各位代表:\n"
                 "现在,我代表县人民政府向大会报告工作,请予审议,并请县政协委员和其他列席人员提出意见。\n"
                 "一、2018年工作回顾\n")
    assert (meta.title, meta.date, meta.signer, meta.recipients) == ("政府工作报告", "2019-03-02", None, ())


def test_a_title_listing_with_the_enumeration_comma():
    # source: http://law120.infoeach.com/view-MTIwfDcwMTQ=.html (沈政令[1997]29号)
    meta = _meta("沈阳市鼓励华侨、港澳同胞投资的规定\n\n作者:法律资料网 时间:2024-07-22 14:39:19 来源:法律资料网\n"
                 "辽宁省沈阳市人民政府\n沈政令[1997]29号\n"
                 "第一条 为鼓励华侨、港澳同胞来我市投资兴办企业,结合我市实际情况,制定本规定。\n")
    assert (meta.title, meta.doc_number) == ("沈阳市鼓励华侨、港澳同胞投资的规定", "沈政令〔1997〕29号")


def test_a_greeting_of_several_audiences_is_no_recipient():
    # source: https://bfdj6688.com/zhuantifanwen/gongwenfanwen/4086.html (a speech at a 市政协 session)
    meta = _meta("市委书记在市政协九届三次会议开幕会上的讲话\n各位委员、同志们:\n新年伊始,万象更新。"
                 "在全市上下深入学习贯彻党的二十大精神的关键时期,市政协九届三次会议隆重开幕了。\n")
    assert meta.recipients == ()


def test_a_metadata_block_dated_in_figures_and_places_sharing_one_ending():
    # source: http://kjzch.com/cn/gongxin/2016-05-04/139342.html (工信厅运行函〔2016〕293号): the
    # block dates in figures; the places before 省(自治区、直辖市)…主管部门 share its ending
    meta = _meta("工业和信息化部办公厅关于公布首批国家工业运行重点联系城市名单的通知\n"
                 "发文机关: 工业和信息化部办公厅\n标  题:工业和信息化部办公厅关于公布首批国家工业运行重点联系城市名单的通知\n"
                 "发文字号:工信厅运行函〔2016〕293号\n成文日期:2016-05-04\n发布日期:2016-05-04\n"
                 "工业和信息化部办公厅关于公布首批国家工业运行重点联系城市名单的通知\n工信厅运行函〔2016〕293号\n"
                 "天津、河北、山西、内蒙古、辽宁、宁夏、新疆省(自治区、直辖市)工业和信息化主管部门:\n"
                 "为进一步提升工业经济运行分析质量,遴选出40个国家工业运行首批重点联系城市,现予公布。\n")
    assert (meta.date, meta.issuer) == ("2016-05-04", "工业和信息化部办公厅")
    assert meta.recipients == ("天津、河北、山西、内蒙古、辽宁、宁夏、新疆省（自治区、直辖市）工业和信息化主管部门",)


def test_a_site_short_form_of_the_issuer_gives_way_to_the_closing_name():
    # source: http://kjzch.com/cn/gongxin/2020-01-17/138248.html: 发文机关: 办公厅 on the page
    meta = _meta("工业和信息化部办公厅关于组织申报2019年工业稳增长和转型升级成效明显市(州)的通知\n"
                 "发文机关: 办公厅\n发文字号:工信厅规函〔2020〕8号\n成文日期:2020-01-17\n"
                 "各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门:\n现组织开展申报。\n特此通知。\n"
                 "工业和信息化部办公厅\n2020年1月17日\n")
    assert meta.issuer == "工业和信息化部办公厅"
    assert (meta.doc_number, meta.date) == ("工信厅规函〔2020〕8号", "2020-01-17")


def test_a_reprinting_pages_byline_date_gives_way_to_the_closing_date():
    # source: https://www.shenyang.gov.cn/zwgk/qtzfxx/zfgg/202212/t20221206_4342086.html: the page's
    # breadcrumbs and its source line with the posting date stand above the 公告 and its body
    meta = _meta("首页 -> 政务公开 -> 其他政府信息 -> 公 告\n沈阳市人民代表大会常务委员会办公室公告(第7号)\n"
                 "时间:2022年12月06日来源:辽宁省卫生健康委员会\n辽宁省卫生健康委员会 2022年12月06日\n"
                 "市十七届人大常委会第六次会议于2022年12月1日对市人民政府提报的《沈阳市社会信用条例(草案)》进行了初次审议。"
                 "现将《条例(草案)》全文公布,广泛征求意见。\n沈阳市人民代表大会常务委员会办公室\n2022年12月5日\n")
    issuer = "沈阳市人民代表大会常务委员会办公室"
    assert (meta.title, meta.issuer, meta.date) == (f"{issuer}公告（第7号）", issuer, "2022-12-05")


def test_labels_spaced_out_to_align_a_metadata_block():
    # source: http://kjzch.com/cn/gongxin/2020-01-17/138248.html (标  题, 分  类 set with spaces)
    block = ("发文机关: 办公厅\n标  题:工业和信息化部办公厅关于组织申报2019年工业稳增长和转型升级成效明显市(州)的通知\n"
             "发文字号:工信厅规函〔2020〕8号\n成文日期:2020-01-17\n发布日期:2020-01-17\n文章来源:规划司\n"
             "分  类:规划 > 专项规划管理工作\n")
    assert fields(block)["title"] == "工业和信息化部办公厅关于组织申报2019年工业稳增长和转型升级成效明显市(州)的通知"


def test_a_date_in_brackets_under_the_title_dates_the_document_not_the_title():
    # source: 中共中央 国务院关于全面推进美丽中国建设的意见 as reprinted on news pages (新华社,
    # 2024-01-11): the page's time stamp is the reprint's, the bracketed line the document's
    meta = _meta("发布时间：2024-01-11 19:02:15 来源：新华社\n"
                 "中共中央 国务院关于全面推进美丽中国建设的意见\n（2023年12月27日）\n"
                 "建设美丽中国是全面建设社会主义现代化国家的重要目标，是实现中华民族伟大复兴中国梦的重要内容。")
    assert meta.title == "中共中央 国务院关于全面推进美丽中国建设的意见"
    assert meta.date == "2023-12-27"


def test_a_news_page_is_titled_by_the_line_above_its_time_stamp():
    # source: 宁夏日报, 2022-04-29 (a report on the NDRC's 先行区 plan): the headline stands above
    # the 发布时间 line; the longer line under it is a sub-headline
    meta = _meta("黄河奔腾 幸福写入胸怀间\n\n发布时间:2022-04-29 16:58:35 | 来源:宁夏日报 | 作者: | 责任编辑:李培刚\n\n"
                 "国家发展改革委印发支持宁夏建设黄河流域生态保护和高质量发展先行区实施方案\n\n"
                 "4月28日，国家发展改革委正式印发《支持宁夏建设黄河流域生态保护和高质量发展先行区实施方案》。")
    assert meta.title == "黄河奔腾幸福写入胸怀间"
    assert meta.date == "2022-04-29"


def test_a_national_body_signing_with_the_state_name_issues_as_its_short_form():
    # source: 国务院关于同意四川省撤销雅安地区设立地级雅安市的批复 (国函〔2000〕66号): the 落款
    # 中华人民共和国国务院 is the body the record calls 国务院, as a State Council order's is
    meta = _meta("国务院关于同意四川省撤销雅安地区设立地级雅安市的批复\n国函〔2000〕66号\n四川省人民政府:\n"
                 "  你省《关于撤销雅安地区设立地级雅安市的请示》(川府〔1999〕39号)收悉。现批复如下:\n"
                 "  一、同意撤销雅安地区和县级雅安市,设立地级雅安市。\n中华人民共和国国务院\n二〇〇〇年六月十四日\n")
    assert (meta.issuer, meta.date) == ("国务院", "2000-06-14")


def test_a_report_whose_page_opens_at_its_dateline_is_dated_and_not_titled_by_its_speaker():
    # source: 天津市东丽区 2023年国民经济和社会发展计划执行情况与2024年计划草案的报告, as a page
    # that lost its title: the dateline and the speaker's byline open the text
    meta = _meta("——2024年1月9日在区第十八届人民代表大会第五次会议上\n区发改委主任 吴晓春\n各位代表:\n"
                 "受区政府委托,现将我区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案提请大会审议。")
    assert meta.title is None and meta.date == "2024-01-09"


# source: 建德市人民政府 建政函〔2023〕37号, as jiande.gov.cn prints it (art_1229739038_59123706):
# half-width marks throughout, the 文号 in brackets after the headline, a time stamp line
JIANDE_HEAD = ("建德市人民政府关于印发《建德市县城承载能力提升和深化“千村示范、万村整治”工程实施方案(2023—2027年)》"
               "的通知(建政函〔2023〕37号)\n时间:2023-07-27 11:14 来源:市府办 浏览次数:\n\n"
               "各镇、乡人民政府,各街道办事处,市政府各部门、单位:\n\n"
               "《建德市县城承载能力提升和深化“千村示范、万村整治”工程实施方案(2023—2027年)》已经市政府研究同意,"
               "现印发给你们,请结合实际认真贯彻实施。\n\n建德市人民政府\n\n2023年4月6日\n")


def test_a_headline_closing_with_its_own_document_number_in_brackets():
    meta = _meta(JIANDE_HEAD)
    assert meta.title == ("建德市人民政府关于印发《建德市县城承载能力提升和深化“千村示范、万村整治”工程实施方案"
                          "（2023—2027年）》的通知")
    assert (meta.doc_number, meta.issuer, meta.date) == ("建政函〔2023〕37号", "建德市人民政府", "2023-04-06")
    # 各部门、单位: the 各 covers the bare 单位 after it
    assert meta.recipients == ("各镇、乡人民政府", "各街道办事处", "市政府各部门、单位")


def test_a_cited_document_number_in_brackets_is_not_the_documents_own():
    # the number follows a cited title's 》, or the sentence runs on after it: neither numbers this notice
    meta = _meta("关于做好2024年春耕生产工作的通知\n各县(市、区)农业农村局:\n"
                 "根据《农业农村部关于做好春耕工作的通知》(农农发〔2024〕1号)\n要求,现就有关事项通知如下。")
    assert meta.doc_number is None


def test_a_title_printed_in_book_marks_after_its_number():
    # source: 京政办发〔2016〕26号 as a policy mirror prints it (0798ci.com/policy/70942.html): the
    # title in 《》 after its 文号, and the plan it issues named in 〈〉 inside it
    meta = _meta("京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
                 "《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n京政办发〔2016〕26号\n"
                 "各区人民政府,市政府各委、办、局,各市属机构:\n"
                 "《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。\n"
                 "北京市人民政府办公厅\n2016年5月28日\n")
    assert meta.title == "北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知"
    assert (meta.doc_number, meta.issuer, meta.date) == ("京政办发〔2016〕26号", "北京市人民政府办公厅", "2016-05-28")
    assert meta.recipients == ("各区人民政府", "市政府各委、办、局", "各市属机构")
