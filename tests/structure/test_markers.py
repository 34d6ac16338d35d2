"""Heading markers: what starts a heading and what only looks like one."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.structure.markers import MARKER_SCAN, MARKER_START, marker_at


@pytest.mark.parametrize("text, kind", [
    ("一、总体要求", "cn"),
    ("（一）“三项改革”深化行动", "cn_paren"),
    ("1.深化推广“三项改革”任务，加速科技成果源头释放", "num"),
    ("3、建立市场主体反映投资和工程建设项目审批问题的办理和反馈机制", "num"),
    ("（1）对已建成的地下综合管廊", "num_paren"),
    ("①用好《西咸新区关于推进科技成果转化创新试点•促进办法》", "circled"),
    ("第一章　总则", "chapter"),
    ("第四十九条 本条例自2010年11月1日起施行。", "article"),
    ("附件1", "annex"),
    ("# 上海市科学技术进步条例", "markdown"),
    ("二是以高能级创新组织体系建设，提升区域原始创新和策源能力。", "ordinal"),
])
def test_markers_of_policy_headings(text, kind):
    assert marker_at(text).lastgroup == kind


@pytest.mark.parametrize("text", [
    "1.5万家", "2024年，西咸新区地区生产总值941.2亿元", "11年来，这片土地上的“创新因子”持续迸发",
    "附件下载", "第三条例", "12.5%的增长",
])
def test_numbers_that_are_not_headings(text):
    assert marker_at(text) is None


def test_part_headings():
    assert marker_at("第一部分 总体要求").lastgroup == "chapter"
    assert marker_at("第三章程") is None


@given(st.text(alphabet="#第附件一二十百两（()）1２.、．条章节部分编是①⑴ \t\n：的年", max_size=30))
def test_every_marker_starts_with_a_start_character(text):
    # headings scan for MARKER_START first; a marker starting elsewhere would be missed
    for pos in range(len(text)):
        if marker_at(text, pos):
            assert MARKER_START.match(text, pos) and MARKER_SCAN.match(text, pos)


def test_a_heading_naming_a_year_is_a_heading():
    # source: 2025年政府工作报告 digest — 一、2024年工作回顾 … 二、今年主要预期目标
    m = marker_at("一、2024年工作回顾")
    assert m and m.lastgroup == "cn" and m.group() == "一、"
    assert marker_at("十.5万") is None  # a Chinese numeral and a decimal point are no mark


def test_prose_characters_open_no_marker_and_hold_no_digit():
    # the scans skip PROSE_CHARS in C and leave the rest to their lookbehinds: a marker's first
    # character or a decimal digit among them would be skipped unseen
    import re
    import sys

    from extractor.structure.markers import PROSE_CHARS
    prose = re.compile(f"[{PROSE_CHARS}]")
    assert prose.match("年") and prose.match("，") and prose.match("a")
    assert not any(prose.match(chr(code)) and (MARKER_START.match(chr(code)) or chr(code).isdecimal())
                   for code in range(sys.maxunicode + 1))
