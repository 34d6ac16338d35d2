"""Normalise on real text from the corpus, and its invariants (hypothesis)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.model import RawDocument
from extractor.normalise import FOLD, normalise, normalise_text, repair
from tests.conftest import SEEDS

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
            or (source_char.isspace() and clean_char.isspace()))


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
