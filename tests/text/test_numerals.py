"""The one numeral reader: Chinese and Arabic numerals as policy documents write them."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.text.numerals import cn_number, doubling, parse_chinese, parse_fraction, parse_numeral


def test_positional_chinese_numerals():
    assert parse_chinese("十万") == 100_000
    assert parse_chinese("三千五百") == 3500
    assert parse_chinese("两万三千") == 23_000
    assert parse_chinese("一百零五") == 105
    assert parse_chinese("十一") == 11
    assert parse_chinese("一亿二千万") == 120_000_000


def test_decimal_and_digit_by_digit_forms():
    assert parse_chinese("二点五") == 2.5  # 百分之二点五以上
    assert parse_chinese("二〇二四") == 2024


def test_not_a_numeral():
    assert parse_chinese("创新") is None
    assert parse_chinese("") is None


def test_magnitude_stays_with_the_unit():
    # 500亿元 → 500 亿元; 十万名 → 10 万名; 1.5万 → 1.5 万
    assert parse_numeral("500亿") == (500.0, "亿")
    assert parse_numeral("十万") == (10.0, "万")
    assert parse_numeral("1.5万") == (1.5, "万")
    assert parse_numeral("11万") == (11.0, "万")


def test_bare_magnitude_is_one_of_it():
    # 预计2025年产值将突破亿元; 已逾千家
    assert parse_numeral("亿") == (1.0, "亿")
    assert parse_numeral("千") == (1000.0, "")


def test_plain_counts():
    assert parse_numeral("两") == (2.0, "")
    assert parse_numeral("1,500") == (1500.0, "")
    assert parse_numeral("941.2") == (941.2, "")


def test_fractions_and_doubling():
    assert parse_fraction("3", "4") == 0.75  # 数量已超全市3/4
    assert parse_fraction("一", "十") == 0.1  # 不少于居民人数十分之一
    assert parse_fraction("5", "4") is None
    assert doubling("一") == 2.0  # 翻一番
    assert doubling("两") == 4.0


_DIGITS = "零一二三四五六七八九"


def _section(k: int) -> str:
    """A 0–9999 section in Chinese, with 零 for inner gaps (一千零五)."""
    out, gap = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = k // value % 10
        if d:
            out += ("零" if gap and out else "") + _DIGITS[d] + name
            gap = False
        else:
            gap = True
    return out


def _chinese(n: int) -> str:
    high, low = divmod(n, 10_000)
    if not high:
        return _section(low) or "零"
    return _section(high) + "万" + (("零" if low < 1000 and low else "") + _section(low))


@given(st.integers(min_value=0, max_value=99_999_999))
def test_arabic_and_chinese_agree(n: int):
    assert parse_chinese(_chinese(n)) == n


@given(st.integers(min_value=0, max_value=99_999))
def test_whole_numbers_round_trip_through_chinese_and_full_width(n: int):
    # Arabic → Chinese → Arabic, as headings, dates and figures write them
    assert cn_number(_chinese(n)) == n
    assert cn_number(str(n).translate(_FULL_WIDTH)) == n
    assert parse_numeral(str(n).translate(_FULL_WIDTH)) == (n, "")


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def test_one_reader_for_dates_headings_and_figures():
    # 二〇二四年五月二十九日 (成文日期); 二Ｏ二四年 as some county documents type it; 第十二条; 两万
    assert [cn_number(x) for x in ("二〇二四", "二Ｏ二四", "二○二四", "十二", "二十九", "两万")] \
        == [2024, 2024, 2024, 12, 29, 20_000]
    assert cn_number("一百二十") == 120 and cn_number("一千零五") == 1005
    assert cn_number("二点五") is None and cn_number("创新") is None and cn_number("") is None
    assert parse_chinese("一亿零五万") == 100_050_000
