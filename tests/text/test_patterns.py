"""Shared patterns: a plan's period and a defined short form, as documents write them."""
from extractor.text.patterns import DEFINED_SHORT_FORM, PERIOD


def test_periods_in_brackets():
    # （2024—2026年） after a plan's title; (2021-2023) in web text; （2024年—2026年） in some titles
    for written in ("（2024—2026年）", "(2021-2023)", "（2024年—2026年）", "（2021 ～ 2025 年）"):
        m = PERIOD.search("三年行动计划" + written)
        assert m and int(m.group("a")) < int(m.group("b")), written
    assert PERIOD.search("（2024年）") is None


def test_defined_short_forms_in_any_quotes():
    # source: corpus/seeds/004 秦创原总窗口（以下简称“总窗口”）; 「」 in Hong Kong / Taiwan style texts
    assert DEFINED_SHORT_FORM.search("秦创原总窗口（以下简称“总窗口”）建设").group("short") == "总窗口"
    assert DEFINED_SHORT_FORM.search("粤港澳大湾区（以下简称「大湾区」）").group("short") == "大湾区"
