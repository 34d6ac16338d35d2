"""The analysed document: built once per document, read by every finder, never rebuilt."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import explain as explain_module
from extractor import extraction
from extractor.extraction import analysed
from extractor.extraction.analysed import Analysed, analyse
from extractor.model import RawDocument
from extractor.pipeline import parse_raw

# source: 国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见 (国发〔2018〕42号), its
# 2025 goals shortened, with an owner bracket as State Council plans write them after a measure
_NOTICE = ("国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见\n"
           "国发〔2018〕42号\n"
           "一、总体要求\n"
           "（一）到2025年，全国农机总动力稳定在11亿千瓦左右，农作物耕种收综合机械化率达到75%。"
           "（农业农村部牵头，国家发展改革委、财政部等按职责分工负责）\n")


@pytest.fixture
def tree():
    return parse_raw(RawDocument(path="notice.txt", format="txt", sha256="0", pages=(_NOTICE,)))


@pytest.fixture
def built(monkeypatch):
    """Count the views built, by kind: (view, spaces) and the paragraph view."""
    counts: dict[str, int] = {}
    real_view, real_paragraphs = analysed.view, analysed.paragraph_view

    def view(text, *, spaces="one"):
        counts[spaces] = counts.get(spaces, 0) + 1
        return real_view(text, spaces=spaces)

    def paragraph_view(text):
        counts["paragraphs"] = counts.get("paragraphs", 0) + 1
        return real_paragraphs(text)

    monkeypatch.setattr(analysed, "view", view)
    monkeypatch.setattr(analysed, "paragraph_view", paragraph_view)
    return counts


def test_extract_builds_each_view_once(tree, built):
    found = extraction.extract(tree)
    assert found.targets and found.organisations  # every finder ran and read its view
    # the notice keeps no space in its spaced view: that view is its joined one too
    assert built == {"one": 1, "paragraphs": 1}


def test_every_finder_receives_the_same_analysed_document(tree, monkeypatch):
    # A finder given the tree, not the analysed document, analyses it again (`analyse`): one
    # document analysed in all means every finder read that one. (Counted where it is built:
    # the finders are compiled, and a compiled module calls its imports directly, past any spy.)
    made = []
    real_init = Analysed.__init__

    def counted_init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Analysed, "__init__", counted_init)
    found = extraction.extract(tree)
    assert found.targets and found.organisations and any(t.owners for t in found.tasks)  # the finders ran
    assert len(made) == 1 and made[0].tree is tree


def test_explain_reads_one_analysis_for_every_family(tree, built):
    rows = explain_module.explain(tree)
    assert {r.family for r in rows} >= {"organisations", "quantities", "owners"}
    assert built == {"one": 1, "paragraphs": 1}  # owners reuse the organisations' view


def test_an_analysed_document_is_never_analysed_again(tree):
    doc = analyse(tree)
    assert analyse(doc) is doc
    assert doc.spaced is doc.spaced  # built on first use, then kept


def test_finders_still_take_a_tree(tree):
    from extractor.extraction.quantities import find_quantities

    assert find_quantities(tree) == find_quantities(analyse(tree))


def test_year_and_period_come_from_the_metadata(tree):
    doc = analyse(tree)
    assert doc.period == tree.meta.period
    assert doc.year == (int(tree.meta.date[:4]) if tree.meta.date else None)


def test_a_plan_implementing_a_cited_plan_runs_to_its_period():
    # source: corpus/seeds/004 (秦创原总窗口 three-year plan), whose own title line is not in the text
    text = ("为深入落实省、市关于秦创原建设的系列部署和《秦创原创新驱动平台建设三年行动计划（2024—2026年）》，"
            "进一步推进秦创原总窗口（以下简称“总窗口”）建设，特制定本行动计划。\n一、总体要求\n"
            "三年内新增不少于70名科技经纪人。\n")
    tree = parse_raw(RawDocument(path="plan.txt", format="txt", sha256="0", pages=(text,)))
    assert tree.meta.period is None  # a cited plan's period is not the document's own
    assert analyse(tree).period == (2024, 2026)
    from extractor.extraction.quantities import find_quantities

    assert [(q.value, q.year) for q in find_quantities(tree)] == [(70, 2026)]


def test_top_headings_are_structure_s_in_the_paragraph_view(tree):
    doc = analyse(tree)
    view = doc.paragraphs.text
    assert [view[i:i + 3] for i in doc.top_heading_starts] == ["\n一、", "\n（一"]  # the break before each
    assert [s.marker for s in tree.sections] == ["cn", "cn_paren"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["一、总体要求", "（一）加强领导", "二、2024年工作回顾", "1.推进改革",
                                 "到2025年，新增企业100家。", "（2024—2026年）", "坚持创新引领"]),
                max_size=8).map("\n".join))
def test_top_headings_sit_at_line_breaks_of_the_view_in_order(text):
    doc = analyse(parse_raw(RawDocument(path="p.txt", format="txt", sha256="0", pages=(text,))))
    view, heads = doc.paragraphs.text, doc.top_heading_starts
    assert list(heads) == sorted(heads)
    assert all(i == 0 or view[i] == "\n" for i in heads)
    assert doc.title_zone.startswith(doc.tree.meta.title or "")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="区科技局30 \t\n。！？，", max_size=60))
def test_sentence_ends_and_the_joined_view_are_what_their_definitions_say(text):
    import re

    from extractor.model import CleanText, DocMeta, DocTree
    from extractor.text import view

    clean = CleanText(text=text, offsets=tuple(range(len(text) + 1)))
    doc = Analysed(DocTree(doc_id="t", source="t.txt", sha256="", format="txt", pages=1, clean=clean, meta=DocMeta()))
    assert doc.sentence_ends == tuple(m.start() for m in re.finditer(r"[。！？\n]", text))
    # the joined view is the spaced one where that kept no space: the same text, offsets, breaks
    dropped = view(text, spaces="drop")
    assert (doc.joined.text, list(doc.joined.offsets), doc.joined.breaks) == (
        dropped.text, list(dropped.offsets), dropped.breaks)
