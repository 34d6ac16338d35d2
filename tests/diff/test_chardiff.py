"""The character diff reads as a reader would mark the change, and loses no character."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.diff.chardiff import char_diff


def _marked(old: str, new: str) -> list[tuple[str, str, str]]:
    return [(c.op, c.old, c.new) for c in char_diff(old, new)]


def test_renamed_body_is_one_replacement_not_confetti():
    # 平潭 2015 → 2018: the office that gathers applications was renamed.
    assert _marked("由区房地产交易中心汇总", "由区不动产登记中心汇总") == [
        ("equal", "由区", "由区"), ("replace", "房地产交易", "不动产登记"), ("equal", "中心汇总", "中心汇总")]


def test_figure_and_wording_changes_in_one_sentence():
    # 诊疗方案 9th → 10th edition.
    chunks = _marked("发病后5天内传染性较强", "发病后3天内传染性最强")
    assert ("replace", "5", "3") in chunks
    assert ("replace", "较", "最") in chunks


def test_deleted_phrase():
    chunks = _marked("按批次每月两次上报区环境与国土资源局审议", "按批次上报区环境与国土资源局直接予以审批")
    assert ("delete", "每月两次", "") in chunks


def test_width_variants_are_no_change():
    assert _marked("已按以前规定缴交补交30﹪地价款", "已按以前规定缴交补交30%地价款")[0][0] == "equal"
    assert len(char_diff("30﹪", "30%")) == 1


cjk = st.text(alphabet="区中心局管委会办公室审批两次每月天7140，。（）﹪%", max_size=40)


@given(cjk, cjk)
def test_chunks_rebuild_both_texts(old, new):
    chunks = char_diff(old, new)
    assert "".join(c.old for c in chunks) == old
    assert "".join(c.new for c in chunks) == new


@given(cjk, cjk)
def test_no_two_changes_side_by_side(old, new):
    chunks = char_diff(old, new)
    for a, b in zip(chunks, chunks[1:]):
        assert a.op == "equal" or b.op == "equal"
    for c in chunks:
        assert c.op != "replace" or (c.old and c.new)


def test_numbers_are_marked_whole():
    # source: 消耗臭氧层物质管理条例 2018 → 2023: 处20万元 → 处10万元
    chunks = char_diff("并处20万元以上的罚款", "并处10万元以上的罚款")
    assert [(c.old, c.new) for c in chunks if c.op != "equal"] == [("20", "10")]
    chunks = char_diff("第三十二条 举办", "第三十一条 举办")
    assert [(c.old, c.new) for c in chunks if c.op != "equal"] == [("三十二", "三十一")]
