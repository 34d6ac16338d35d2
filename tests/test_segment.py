"""policykg's own jieba segmenter."""
from __future__ import annotations

import subprocess
from functools import cache
import sys

import jieba
import pytest
from hypothesis import given, settings, strategies as st

from extractor import segment
from tests.conftest import DEV, SEEDS, documents


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
    words = list(segment.tagger().cut("省人力资源社会保障厅、市发改委负责"))
    assert ("发改委", "nt") in words and ("厅", "n") in words


def test_function_words_stay_apart_from_the_name_after_them():
    # corpus/seeds/004: the organisation finder's span 区科技创新和新经济局 must fall on word
    # boundaries, so 由 is not glued to 区 by a guess at an unknown word
    words = segment.segment("由区科技创新和新经济局牵头。")
    assert words[0] == "由" and "".join(words[1:words.index("牵头")]) == "区科技创新和新经济局"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt"))[:3] + documents(DEV)[:2], ids=lambda p: p.stem)
def test_tagger_tags_as_jieba_posseg_does_without_hmm(path):
    import jieba.posseg  # the reference, imported here only: its import builds a global tagger

    text = path.read_text(encoding="utf-8") + "COVID-19疫情 2024年 3.5% abc12 x+y #tag\r\n\t 西咸新区管委会"
    reference = jieba.posseg.POSTokenizer(segment.build_tokenizer())
    assert list(segment.tagger().cut(text)) == [(p.word, p.flag) for p in reference.cut(text, HMM=False)]


@cache
def _posseg():  # type: ignore[no-untyped-def]
    import jieba.posseg

    return jieba.posseg.POSTokenizer(segment.build_tokenizer())


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_tagger_tags_any_window_of_a_policy_text_as_jieba_posseg_does(data):
    # the finders tag short windows around a head; each must read as jieba's own path does
    text = (SEEDS / "004_36e5cd320c0db03f.txt").read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text) - 1))
    window = text[start:start + data.draw(st.integers(1, 24))]
    assert list(segment.tagger().cut(window)) == [(p.word, p.flag) for p in _posseg().cut(window, HMM=False)]


def test_tagger_leaves_jiebas_global_state_alone():
    import jieba

    list(segment.tagger().cut("区科技创新和新经济局牵头"))
    assert "科技创新和新经济局" not in jieba.dt.FREQ


def test_jieba_is_imported_without_pkg_resources_and_the_block_is_lifted():
    # pkg_resources scans every installed distribution at import: jieba only needs its own files.
    # The block is a None entry in sys.modules (which makes an import fail): none is left.
    # (Newer setuptools no longer ships pkg_resources, so importing it proves nothing.)
    code = ("import sys, extractor.segment as s; assert 'pkg_resources' not in sys.modules; "
            "assert s.segment('牵头单位：区科技局')[-1] == '科技局'; assert 'pkg_resources' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_cached_prefix_dictionary_is_the_one_jieba_builds(tmp_path, monkeypatch):
    # our tokenizer reads jieba's prefix dictionary from its own cache (marshal.loads of the
    # bytes): the state must be what jieba's initialize and add_word give, cached or not
    reference = jieba.Tokenizer()
    reference.initialize()
    for word, freq, tag in segment.user_words():
        reference.add_word(word, freq, tag)
    monkeypatch.setattr(segment.tempfile, "tempdir", str(tmp_path))
    for _ in range(2):  # built and written, then read from the cache
        built = segment.build_tokenizer()
        assert (built.FREQ, built.total, built.user_word_tag_tab) == (
            reference.FREQ, reference.total, reference.user_word_tag_tab)
    assert len(list(tmp_path.glob("policykg-prefix-dict-*.marshal"))) == 1
