"""Normalise on real text from the corpus, and its invariants (hypothesis)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.model import RawDocument
from extractor.normalise import FOLD, WIDEN, _breaks, normalise, normalise_text, repair
from tests.conftest import FIXTURES, SEEDS

# Seed 004 as printed: every line followed by a blank line, a page number in the flow.
PAGE_9 = (
    "科技资源，攻克更多关键核心技术，打造“国之重器”。①加快\n\n"
    "电磁驱动聚变大科学装置建设，支持西安交通大学开展超精密跨\n\n"
    "尺度基标准与溯源研究装置项目预研。②依托重大科技基础设\n\n\n\n"
    "— 9 —\n\n"
    "施，瞄准未来制造、未来信息、未来能源、未来健康等前沿方向，\n\n"
    "兼顾科学研究与未来产业培育，建设 3个前沿交叉创新平台。③\n\n"
)
OPENING_004 = (
    "为深入学习贯彻习近平总书记关于发展新质生产力的重要论\n\n"
    "述和历次来陕考察重要讲话重要指示精神，深入落实省、市关于\n\n"
    "秦创原建设的系列部署和《秦创原创新驱动平台建设三年行动计\n\n"
    "划（2024—2026年）》，进一步卓有成效地推进秦创原总窗口（以\n\n"
    "下简称“总窗口”）建设，更好发挥总窗口在全省创新驱动发展\n\n"
    "中的示范引领作用，特制定本行动计划。\n\n"
    "一、总体要求\n\n"
    "以习近平新时代中国特色社会主义思想为指导，完整、准确、\n\n"
    "全面贯彻新发展理念，以科技创新推动产业创新，发展新质生产\n\n"
)


def test_joins_words_split_over_printed_lines():
    text = normalise_text(OPENING_004).text
    assert "重要论述和历次来陕" in text
    assert "《秦创原创新驱动平台建设三年行动计划（2024—2026年）》" in text
    assert "（以下简称“总窗口”）" in text
    # a paragraph ending in 。 and a heading keep their breaks
    assert "特制定本行动计划。\n一、总体要求\n以习近平" in text


def test_drops_dashed_page_number_and_joins_across_it():
    text = normalise_text(PAGE_9).text
    assert "9" not in text
    assert "依托重大科技基础设施，瞄准未来制造" in text
    assert "建设3个前沿交叉创新平台" in text


def test_page_number_after_blank_lines_goes_but_table_row_number_stays():
    text = normalise_text(
        "协作机制的意见》《科技部关于“十四五”东西部科技合作实施\n\n"
        "方案》，主动拥抱，推动与京津冀、粤港澳大湾区、长三角等国\n\n\n\n5\n\n"
        "家战略区域建立科技合作机制，拓展合作领域、丰富合作形式，\n\n"
        "转化共同体。\n\n2\n宁波国家科技成果\n转移转化示范区\n"
    ).text
    assert "长三角等国家战略区域" in text
    assert "\n2\n宁波国家科技成果" in text or "2宁波国家科技成果" in text


def test_drops_stray_url_line():
    text = normalise_text(
        "化支撑条件、创新科技成果转移转化体制机制。\n\n"
        "http://www.yidianzixun.com/m/channel/keyword/%E6%B0%91?display=%E6%B0%91&type=token\n\n\n"
        "13\n\n7\n吉林长吉图国家科技\n"
    ).text
    assert "http" not in text and "13" not in text
    assert "体制机制。\n7" in text


def test_page_break_inside_a_sentence_is_joined():
    # ed9 prevention plan, pages 2-3 as pdfplumber reads them (page number last on the page)
    source = ("新型冠状病毒（2019-nCoV，以下简称新冠病毒）属于β\n"
              "属冠状病毒，对紫外线和热敏感，乙醚、75%乙醇、含氯消毒\n2\f"
              "剂、过氧乙酸和氯仿等脂溶剂均可有效灭活病毒。人群普遍易\n"
              "感。传染源主要是新冠肺炎确诊病例和无症状感染者；主要传\n"
              "播途径为经呼吸道飞沫和密切接触传播，在相对封闭的环境中\n"
              "经气溶胶传播，接触被病毒污染的物品后也可能造成感染。目\n")
    text = normalise_text(source).text
    assert "含氯消毒剂、过氧乙酸" in text
    assert "人群普遍易感。" in text
    assert "\f" not in text


def test_running_header_repeated_on_pages_is_dropped():
    pages = [f"西咸研究\n正文第{i}页的内容，推进科技成果转化。\n— {i} —" for i in range(1, 5)]
    text = normalise_text("\f".join(pages)).text
    assert "西咸研究" not in text
    assert text.count("推进科技成果转化") == 4


def test_folds_full_width_but_keeps_chinese_punctuation():
    text = normalise_text("ＣＯＶＩＤ－１９疫情（第九版）：到２０２６年，增长１５％；").text
    assert text == "COVID-19疫情（第九版）：到2026年，增长15%；"


@pytest.mark.parametrize("source, expected", [
    ("关于陕西省人大十四届三次会议第 212 号建议", "关于陕西省人大十四届三次会议第212号建议"),
    ("到 2026年，总窗口成果转化驱动力", "到2026年，总窗口成果转化驱动力"),
    ("2022 年 6 月 27 日", "2022年6月27日"),
    ("联防联控机制综发〔2022〕71 号", "联防联控机制综发〔2022〕71号"),
])
def test_closes_spaces_between_cjk_and_digits(source, expected):
    assert normalise_text(source).text == expected


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_texts_come_out_whole(path):
    source = path.read_text(encoding="utf-8-sig")
    raw = RawDocument(path=str(path), format="txt", sha256="0" * 64, pages=(source,))
    clean = normalise(raw)
    flat = re.sub(r"\s", "", source)
    for word in ("西咸新区", "秦创原", "技术合同交易额"):
        assert clean.text.count(word) == flat.count(word), word
    assert not re.search(r"—\s*\d+\s*—", clean.text)
    # page numbers stand alone after blank lines; none of them is left in the flow
    for m in re.finditer(r"(\S{3})\n\n\n+\s*\d{1,3}\s*\n+(\S{3})", source):
        assert re.search(f"{re.escape(m.group(1))}\n?{re.escape(m.group(2))}", clean.text)
    for word in ("西咸新区", "秦创原"):
        for m in re.finditer(word, clean.text):
            start, end = clean.to_source((m.start(), m.end()))
            assert re.sub(r"\s", "", source[start:end]) == word


def test_offsets_point_at_the_source_characters():
    clean = normalise_text(PAGE_9)
    assert len(clean.offsets) == len(clean.text) + 1
    assert clean.offsets[-1] == len(PAGE_9)
    for i, char in enumerate(clean.text):
        assert _same(PAGE_9[clean.offsets[i]], char)


def _same(source_char: str, clean_char: str) -> bool:
    return (source_char == clean_char or FOLD.get(ord(source_char)) == clean_char
            or WIDEN.get(ord(source_char)) == clean_char or (source_char.isspace() and clean_char.isspace()))


_ALPHABET = st.sampled_from(
    list("秦创原西咸新区技术合同交易额一二三、（）()：:；，。！？“”《》")
    + list("0123456789.-— ") + ["\n", "\n\n", "\f", "\u3000", "Ａ", "１", "％", "\r\n", "①", "第", "条", "附件"]
)
_TEXTS = st.lists(_ALPHABET, max_size=300).map("".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_normalising_twice_equals_once(text):
    once = repair(text).text
    assert repair(once).text == once


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_breaks_are_the_whitespace_runs_holding_a_line_or_page_break(text):
    # the regex the str.split reading replaced, kept here as its definition
    regex = re.compile(r"(?=\s)[^\S\n\f]*[\n\f]\s*")
    assert _breaks(text) == [m.span() for m in regex.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_every_clean_character_maps_to_its_source_character(text):
    tracked = repair(text)
    assert len(tracked.offsets) == len(tracked.text) + 1
    assert tracked.offsets[-1] == len(text)
    assert list(tracked.offsets) == sorted(tracked.offsets)
    for i, char in enumerate(tracked.text):
        assert _same(text[tracked.offsets[i]], char)


def test_page_break_after_a_paragraph_is_a_paragraph_break():
    source = ("为进一步指导各地做好新型冠状病毒肺炎防控工作，国务\n院应对新型冠状病毒肺炎疫情联防联控机制综合组制定了新\n"
              "型冠状病毒肺炎防控方案（第九版）。现印发给你们，请认真\n组织实施。\n1\f"
              "新型冠状病毒肺炎防控方案\n（第九版）\n"
              "为指导各地做好新型冠状病毒肺炎（以下简称新冠肺炎，\nCOVID-19）疫情防控工作，全面落实“外防输入、内防反弹”\n")
    assert normalise_text(source).text.startswith(
        "为进一步指导各地做好新型冠状病毒肺炎防控工作，国务院应对新型冠状病毒肺炎疫情联防联控机制综合组制定了新"
        "型冠状病毒肺炎防控方案（第九版）。现印发给你们，请认真组织实施。\n新型冠状病毒肺炎防控方案\n（第九版）\n为指导")


def test_unwrapped_paragraphs_stay_apart():
    # one paragraph per line, as web pages and Word files give them
    source = ("关于进一步加强科技创新，推动高质量发展的意见\n各片区管理局，区直各单位：\n"
              "《平潭综合实验区新污染物治理工作方案》已经平潭综合实验区管委会同意，现印发给你们，请认真组织实施。\n")
    assert normalise_text(source).text == source.strip()


# Two paragraphs of 粤府办〔2023〕5号 (tests/fixtures/structure/): the first ends in a comma.
WORD_PARAGRAPHS = (
    "(一)支持民间投资介入重大工程项目建设,\n"
    "1.聚焦国家“十四五”计划102项重大工程、国家重大战略以及省委、省政府明确的重点建设义务。"
)


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_word_and_web_paragraphs_are_never_joined(fmt):
    # ingest writes one line per paragraph for these formats: every break is real
    lines = ["到2025年，基本掌握重点区域、重点园区、重点行业有毒有害化学物质生产使用状况，",
             "完成一批化学物质环境风险筛查"]
    raw = RawDocument(path=f"a.{fmt}", format=fmt, sha256="0" * 64, pages=("\n\n".join(lines),))
    assert normalise(raw).text == "\n".join(lines)
    as_text = RawDocument(path="a.txt", format="txt", sha256="0" * 64, pages=("\n".join(lines),))
    assert normalise(as_text).text == "".join(lines)  # a wrapped line in text from a PDF


def test_web_page_saved_as_text_keeps_its_paragraphs():
    # One paragraph per line, blank lines between: long lines are no wrap width.
    source = (FIXTURES / "structure" / "dongyang_2023_canjiren.txt").read_text(encoding="utf-8")
    text = normalise_text(source).text
    assert "的通知\n发布日期：2023-03-21" in text
    assert "信息来源：东阳市人民政府办公室\n各镇、乡人民政府，" in text
    assert "（2023—2025年）\n为贯彻落实" in text


def test_margin_mark_inside_a_broken_sentence_leaves_the_words_whole():
    # seed 003: 类别：A printed in the margin lands between 企业主 and 体
    source = ("创新驱动力的同时，推动总窗口与全省各地资源共享、创新协作和\n\n产业协同。\n\n"
              "西咸新区作为秦创原总窗口，发挥创新引领示范带动作用，\n\n"
              "将总窗口的创新资源聚集优势向各地市、区县辐射，探索出“总\n\n"
              "部+基地”“研发+制造”“西安研发、地市转化”等区域协同创\n\n"
              "新模式，使总窗口的科技成果转化成果惠及更多的市县和企业主\n\n类别：A\n"
              " 体，推进全省科技成果转化与地方经济高质量发展，助力全省创\n\n"
              "新驱动工作实现协同。今年初，按照省委、省政府部署要求，在\n\n")
    text = normalise_text(source).text
    assert "惠及更多的市县和企业主体，推进全省科技成果转化" in text
    assert "类别" not in text
    # after a finished sentence the mark stays where it stands
    kept = "(第 212号)收悉，现答复如下:\n\n类别：A\n\n 一、关于建设先行区"
    assert "类别：A" in normalise_text(kept).text


@pytest.mark.parametrize("source, expected", [
    ("西咸新区研究院 2022 年 5 月 7 日", "西咸新区研究院 2022年5月7日"),
    ("国家卫生健康委员会办公厅 2022 年 6 月 27 日印发", "国家卫生健康委员会办公厅 2022年6月27日印发"),
    ("到 2025 年 12 月 31 日前完成", "到2025年12月31日前完成"),
    ("粤府办〔2023〕 5 号", "粤府办〔2023〕5号"),
])
def test_a_name_and_the_date_beside_it_stay_two_words(source, expected):
    assert normalise_text(source).text == expected


def test_wrapped_regulation_is_joined_per_paragraph():
    source = (FIXTURES / "structure" / "guowuyuanling_227_1997.txt").read_text(encoding="utf-8")
    text = normalise_text(source).text
    assert "第一条为了规范国务院行政机构的设置，加强编制管理，提高行政效率，根据宪法和国务院组织法，制定本条例。\n" in text
    assert "行使国务院行政机构设置和编制管理职权。\n国务院机构编制管理机关" in text
    assert "总理李鹏\n1997年8月3日\n第一章总则\n" in text


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_hard_break_text_is_idempotent_and_maps_back(text):
    once = repair(text, hard_breaks=True)
    assert repair(once.text, hard_breaks=True).text == once.text
    assert list(once.offsets) == sorted(once.offsets)
    for i, char in enumerate(once.text):
        assert _same(text[once.offsets[i]], char)


# A page of the 9th-edition prevention plan (corpus/pdf), as pdfplumber reads it.
ITEMS_NEAR_THE_MARGIN = (
    "二、常态化疫情防控要求\n（一）重点场所。\n"
    "在采取人员健康监测、清洁消毒、通风换气、个人防护\n等防控措施前提下，各类重点场所正常营业或开放。\n"
    "1.落实场所主体责任，制定应急工作预案，开展应急演\n"
    "练，做好口罩、洗手液、消毒剂和非接触式温度计等防疫物\n资储备。\n"
    "重点场所和重点机构的工作人员、感染风险较高或抵抗\n力较低的人群，包括医务人员，移民、海关、市场监管系统\n"
    "一线人员，警察、环卫工人、保安、保洁员，口岸交通运输\n从业人员、快递外卖人员、水电煤气等工作人员，居家隔离\n"
    "医学观察或居家健康监测人员、有本土疫情区域的援建人\n员、疫情防控工作人员、流浪乞讨人员、零散装修与建设施\n"
    "2.科学戴口罩。乘电梯时，乘坐公共交通工具时，进\n入人员密集的公共场所时，要科学佩戴口罩。\n"
)
def test_wrapped_items_are_joined_but_headings_kept():
    text = normalise_text(ITEMS_NEAR_THE_MARGIN).text
    assert "1.落实场所主体责任，制定应急工作预案，开展应急演练，做好口罩" in text
    assert "2.科学戴口罩。乘电梯时，乘坐公共交通工具时，进入人员密集的公共场所时" in text
    assert "（一）重点场所。\n在采取" in text
    # Headings of seed 004 are as wide as those items, but hold no full stop and end
    # their last clause.
    clean = normalise_text((SEEDS / "004_36e5cd320c0db03f.txt").read_text(encoding="utf-8-sig")).text
    assert "1.深化推广“三项改革”任务，加速科技成果源头释放\n深入落实" in clean


def test_closing_block_field_line_is_not_joined():
    source = ("3.抵抗力较差、患有基础性疾病的人群减少外出，不\n去人员密集尤其是通风不良的场所。\n"
              "国家卫生健康委员会办公厅 2022 年 6 月 27 日印发\n校对：王李维")
    assert normalise_text(source).text.endswith("国家卫生健康委员会办公厅 2022年6月27日印发\n校对：王李维")


def test_folds_small_form_variants_some_pdf_fonts_print():
    # 安徽省 年度重点工作及责任分解 (as published): item numbers written with ﹒ (U+FE52)
    text = normalise_text("1﹒全省生产总值增长7%以上,在实际工作中力争更好结果。").text
    assert text.startswith("1.全省生产总值增长7%以上")
    assert normalise_text("皖政〔2023〕﹝2号﹞").text.endswith("〔2号〕")


# source: 川办函〔2017〕113号 as reposted in the traditional script (jumpstarthappiness.com/policy/52949.html)
_TRADITIONAL_NOTICE = ("四川省人民政府辦公廳\n關于印發實施《西部大開發“十三五”規劃》責任分工方案的通知\n川辦函〔2017〕113號\n"
                       "各市(州)人民政府,省政府各部門、各直屬機構,有關單位:\n"
                       "經省政府領導同志同意,現將《實施〈西部大開發“十三五”規劃〉責任分工方案》印發你們,請認真貫徹執行。\n"
                       "責任單位:省發展改革委、住房城鄉建設廳、交通運輸廳、國土資源廳,有關市(州)人民政府等。\n")


def test_a_reprint_in_the_traditional_script_is_read_in_simplified_characters():
    clean = normalise_text(_TRADITIONAL_NOTICE)
    assert clean.text.startswith("四川省人民政府办公厅\n关于印发实施《西部大开发“十三五”规划》")
    assert "责任单位：省发展改革委、住房城乡建设厅、交通运输厅、国土资源厅" in clean.text
    # one character for one: every offset still points at its source character
    assert all(clean.offsets[i] == i for i in range(len(clean.text)))
    # simplified text with a name in the old script (澳門) is left as written
    assert normalise_text("支持澳門青年来穗创新创业。").text == "支持澳門青年来穗创新创业。"


def test_half_width_marks_inside_chinese_text_are_written_full_width():
    # source: a county government's page printed with half-width marks (jiande.gov.cn, 建政函〔2023〕37号)
    clean = normalise_text("各镇、乡人民政府,各街道办事处,市政府各部门、单位:\n"
                           "《实施方案(2023—2027年)》已经市政府研究同意,现印发给你们。\n"
                           "时间:2023-07-27 11:14\n投资(1,000万元),见附件(1)。Tom, Jerry (A)")
    assert clean.text == ("各镇、乡人民政府，各街道办事处，市政府各部门、单位：\n"
                          "《实施方案（2023—2027年）》已经市政府研究同意，现印发给你们。\n"
                          "时间：2023-07-27 11:14\n投资（1,000万元），见附件（1）。Tom, Jerry (A)")
    # one for one: each mark keeps its source offset
    assert all(clean.offsets[i] == i for i in range(len(clean.text)))


def test_pinyin_glosses_of_a_mirror_site_are_dropped():
    # source: the same notice on a mirror that prints pinyin after some characters (fl1002.com)
    clean = normalise_text("經(jīng)省政府領(lǐng)導同志同意,推動(dòng)我省西部大開發(fā)再上新臺階。")
    assert clean.text == "经省政府领导同志同意，推动我省西部大开发再上新台阶。"
    assert clean.offsets[1] == 1 + len("(jīng)")  # 省 is read from its own place
    assert normalise_text("工作量(ABC)和系数(x)不变。").text == "工作量（ABC）和系数（x）不变。"  # kept, brackets widened
