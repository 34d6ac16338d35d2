"""policykg's own jieba segmenter."""
from __future__ import annotations

import jieba
from hypothesis import given, settings, strategies as st

from extractor import segment


def test_one_instance_of_our_own():
    assert segment.tokenizer() is segment.tokenizer()
    assert segment.tokenizer() is not jieba.dt


def test_user_dictionary_keeps_administrative_terms_whole():
    assert segment.segment("牵头单位：区科技局；配合单位：区发改委") == [
        "牵头单位", "：", "区", "科技局", "；", "配合单位", "：", "区", "发改委"]
    words = segment.segment("通过常态化实施“揭榜挂帅”“赛马制”等机制")
    assert "揭榜挂帅" in words and "赛马制" in words


def test_global_jieba_is_untouched():
    segment.tokenizer()
    assert "牵头单位" not in jieba.lcut("牵头单位：区科技局")


def test_spans_index_the_text():
    text = "到2026年，高新技术企业数量达到 4000家。"
    for word, start, end in segment.segment_spans(text):
        assert text[start:end] == word


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="牵头单位科技局不少于5个亿元，。 \n“”ab1", max_size=40))
def test_segmentation_loses_nothing(text):
    assert "".join(segment.segment(text)) == text


def test_one_segmenter_behind_the_tagger():
    # the organisation finder's part-of-speech tagger reads our tokenizer, not a second one
    assert segment.tagger().tokenizer is segment.tokenizer()
    words = [(p.word, p.flag) for p in segment.tagger().cut("省人力资源社会保障厅、市发改委负责", HMM=False)]
    assert ("发改委", "nt") in words and ("厅", "n") in words


def test_function_words_stay_apart_from_the_name_after_them():
    # corpus/seeds/004: the organisation finder's span 区科技创新和新经济局 must fall on word
    # boundaries, so 由 is not glued to 区 by a guess at an unknown word
    words = segment.segment("由区科技创新和新经济局牵头。")
    assert words[0] == "由" and "".join(words[1:words.index("牵头")]) == "区科技创新和新经济局"
