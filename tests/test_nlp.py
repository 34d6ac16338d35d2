"""policykg as a spaCy pipeline."""
from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings, strategies as st

from extractor import nlp as pk


@pytest.fixture(scope="module")
def nlp():
    return pk.make_nlp()


def test_registered_tokenizer_and_factories(nlp):
    assert spacy.registry.tokenizers.get(pk.TOKENIZER) is pk.create_tokenizer
    assert nlp.pipe_names == ["policykg_quantities", "policykg_organisations",
                              "policykg_programmes", "policykg_places"]
    assert isinstance(nlp.tokenizer, pk.JiebaTokenizer)


def test_tokens_come_from_our_segmenter(nlp):
    doc = nlp.make_doc("牵头单位：区科技局")
    assert [t.text for t in doc] == ["牵头单位", "：", "区", "科技局"]


def test_programme_spans(nlp):
    doc = nlp("通过常态化实施“揭榜挂帅”“赛马制”等机制，引导创新资源向解决关键共性技术和“卡脖子”问题集中。")
    assert {s.text for s in doc.spans["programmes"]} == {"揭榜挂帅", "赛马制"}
    assert {s.label_ for s in doc.spans["programmes"]} == {"programme"}
    assert set(doc.spans) >= {"quantities", "organisations", "programmes", "places"}


def test_spans_follow_the_original_text_across_line_breaks(nlp):
    text = "推进“三项改\n\n革”拓面、扩量、提质"
    doc = nlp(text)
    (span,) = doc.spans["programmes"]
    assert span.start_char <= text.index("三项改") and span.end_char >= text.index("革") + 1


def test_render_html(nlp):
    html = pk.render_html(nlp("通过常态化实施“揭榜挂帅”“赛马制”等机制"), keys=["programmes"])
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert "揭榜挂帅" in html and html.count("programme") >= 2


def test_serialisation_round_trip(nlp):
    other = pk.make_nlp().from_bytes(nlp.to_bytes())
    assert [t.text for t in other.make_doc("牵头单位：区科技局")] == ["牵头单位", "：", "区", "科技局"]


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="“”三项改革实施等机制，。 \n牵头单位区科技局2026年", max_size=40))
def test_doc_text_is_the_input(text):
    doc = pk.make_nlp(components=[]).make_doc(text)
    assert doc.text == text
