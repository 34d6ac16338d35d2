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


# source: corpus/seeds 004 (秦创原 action plan), a target with its owner
_TARGET = "到2026年，高新技术企业数量达到4000家，由区科技创新和新经济局牵头。"


def test_spans_carry_value_unit_year_and_their_graph_node(nlp):
    from extractor.graph import build
    from extractor.record import to_record

    doc = nlp(_TARGET)
    (quantity,) = doc.spans["quantities"]
    assert (quantity._.value, quantity._.unit, quantity._.year, quantity._.comparator) == (4000, "家", 2026, ">=")
    graph = build([to_record(pk.extraction.extract(pk.tree_of_text(_TARGET)))])
    assert graph.nodes[quantity._.node_id]["metric"] == quantity._.metric
    (org,) = doc.spans["organisations"]
    assert graph.nodes[org._.node_id]["type"] == "Organisation" and org._.value is None


def test_displacy_puts_no_space_between_chinese_tokens(nlp):
    html = pk.render_html(nlp(_TARGET), page=False)
    assert "到2026年，" in html and "到 2026" not in html
    assert "。" in html and " 。" not in html
    assert "target" in html and "organisation" in html


def test_a_saved_pipeline_loads_in_a_process_that_never_imported_policykg(nlp, tmp_path):
    import subprocess
    import sys

    nlp.to_disk(tmp_path / "pipeline")
    script = ("import spacy; nlp = spacy.load('pipeline'); doc = nlp('" + _TARGET + "');"
              "print(nlp.pipe_names[0], [(s._.value, s._.year) for s in doc.spans['quantities']])")
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.stdout.strip() == "policykg_quantities [(4000.0, 2026)]", result.stderr[-800:]
