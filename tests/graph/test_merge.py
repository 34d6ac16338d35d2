"""Merging mentions of the same body across documents, and never across levels."""
from __future__ import annotations

from extractor.graph.merge import Mention, containment, document_places, merge, named_province


def _names(entities):
    return sorted(sorted([e.name, *e.aliases]) for e in entities)


def test_alias_joins_the_full_name_across_documents():
    full = Mention("003", "o1", "陕西省西咸新区开发建设管理委员会", (), "government")
    short = Mention("002", "o9", "西咸新区管委会", (), "government")
    [entity] = merge([full, short])
    assert entity.name == "陕西省西咸新区开发建设管理委员会"
    assert entity.aliases == ("西咸新区管委会",)


def test_university_abbreviation_merges():
    assert len(merge([Mention("003", "o2", "西安交大", (), "university"),
                      Mention("004", "o6", "西安交通大学", (), "university")])) == 1


def test_different_levels_never_merge():
    entities = merge([Mention("a", "o1", "省科技厅", (), "government"),
                      Mention("b", "o1", "市科技局", (), "government")])
    assert len(entities) == 2


def test_different_provinces_never_merge_even_when_close():
    entities = merge([Mention("a", "o1", "陕西省科学技术厅", (), "government"),
                      Mention("b", "o1", "山西省科学技术厅", (), "government")])
    assert len(entities) == 2


def test_numbers_keep_bodies_apart():
    entities = merge([Mention("a", "o1", "北京市第一中级人民法院", (), "government"),
                      Mention("b", "o1", "北京市第二中级人民法院", (), "government")])
    assert len(entities) == 2


def _places(issuer, title=None, places=(), within=None):
    record = {"document": {"issuer": issuer, "title": title},
              "places": [{"name": p} for p in places]}
    return document_places(record, within or {})


def test_bare_department_is_scoped_by_the_issuing_jurisdiction():
    pingtan = _places("平潭综合实验区管理委员会")[-1]
    xixian = _places("陕西省西咸新区开发建设管理委员会")[-1]
    assert (pingtan, xixian) == ("平潭综合实验区", "西咸新区")
    entities = merge([Mention("a", "o1", "财政局", (), "government", pingtan),
                      Mention("b", "o1", "财政局", (), "government", xixian),
                      Mention("c", "o3", "财政局", (), "government", xixian)])
    assert sorted(len(e.mentions) for e in entities) == [1, 2]


def test_generic_short_form_only_joins_within_its_document():
    entities = merge([Mention("001", "o2", "西咸新区管委会", ("管委会",), "government"),
                      Mention("05", "o1", "管委会", (), "government")])
    assert len(entities) == 2


def test_threshold_above_100_turns_near_matching_off():
    mentions = [Mention("a", "o1", "西安交大", (), "university"),
                Mention("b", "o1", "西安交通大学", (), "university")]
    assert len(merge(mentions, threshold=101)) == 2


def test_merge_is_order_independent():
    mentions = [Mention("003", "o1", "陕西省西咸新区开发建设管理委员会", (), "government"),
                Mention("001", "o2", "西咸新区管委会", ("管委会",), "government"),
                Mention("004", "o6", "西安交通大学", (), "university"),
                Mention("003", "o2", "西安交大", (), "university")]
    forward = [(e.key, e.name, e.aliases) for e in merge(mentions)]
    backward = [(e.key, e.name, e.aliases) for e in merge(list(reversed(mentions)))]
    assert forward == backward


def test_ministries_are_one_body_whichever_document_names_them():
    entities = merge([Mention("a", "o1", "国办", (), "government", "平潭综合实验区"),
                      Mention("b", "o1", "国办", (), "government", "西咸新区")])
    assert len(entities) == 1 and entities[0].scope is None


def test_province_with_or_without_its_suffix_is_one_place():
    entities = merge([Mention("a", "l1", "陕西", (), "place"), Mention("b", "l2", "陕西省", (), "place"),
                      Mention("c", "l1", "上海市", (), "place"), Mention("d", "l1", "上海", (), "place")])
    assert sorted(e.name for e in entities) == ["上海市", "陕西省"]


def test_document_places_from_issuer_title_and_containment():
    within = containment([{"document": {"issuer": "陕西省西咸新区开发建设管理委员会"}},
                          {"document": {"issuer": None}, "places": [{"name": "陕西西咸新区"}]}])
    assert within == {"西咸新区": "陕西"}
    assert _places("西咸新区研究院", within=within) == ("陕西", "西咸新区")
    # a law of a municipality names its place in the title only
    assert _places(None, "上海市科学技术进步条例", ["上海市"]) == ("上海市",)
    # a place the title seems to start with, but the document never names, is not one
    assert _places(None, "科创融合驱动区域协同发展", ["陕西"]) == ()
    assert named_province({"places": [{"name": "陕西"}, {"name": "陕西省"}, {"name": "西安"}]}) == "陕西"


def test_place_learnt_in_two_provinces_is_left_out():
    assert containment([{"document": {"issuer": "陕西省新区管委会"}},
                        {"document": {"issuer": "甘肃省新区管委会"}}]) == {}


def test_bare_level_is_read_as_the_documents_place():
    xixian = ("陕西", "西咸新区")
    entities = merge([Mention("003", "o5", "省科技厅", (), "government", "西咸新区", xixian),
                      Mention("x", "o1", "陕西省科学技术厅", (), "government", None, ()),
                      Mention("001", "o1", "新区党工委", (), "party", "西咸新区", xixian),
                      Mention("002", "o2", "西咸新区党工委", (), "party", "西咸新区", xixian),
                      Mention("p", "o1", "省科技厅", (), "government", "平潭综合实验区", ("福建", "平潭综合实验区"))])
    assert sorted([e.name, *e.aliases] for e in entities) == [
        ["省科技厅"], ["西咸新区党工委", "新区党工委"], ["陕西省科学技术厅", "省科技厅"]]
    fujian = next(e for e in entities if e.name == "省科技厅")
    assert fujian.scope == "福建省"


def test_unknown_jurisdiction_joins_the_only_known_one():
    known = Mention("003", "o1", "市政府研究室", (), "government", "西咸新区")
    unknown = Mention("001", "o1", "市政府研究室", (), "government", None)
    assert len(merge([known, unknown])) == 1
    other = Mention("05", "o1", "市政府研究室", (), "government", "平潭综合实验区")
    assert len(merge([known, unknown, other])) == 3


def test_department_abbreviation_merges_within_one_jurisdiction():
    entities = merge([Mention("03", "o1", "区经济发展局", (), "government", "平潭综合实验区"),
                      Mention("05", "o2", "区经发局", (), "government", "平潭综合实验区"),
                      Mention("x", "o2", "区经发局", (), "government", "西咸新区")])
    assert sorted(len(e.mentions) for e in entities) == [1, 2]


def test_committee_with_or_without_its_last_words_is_one_body():
    entities = merge([Mention("a", "o1", "国家卫生健康委", ("国家卫健委",), "government"),
                      Mention("b", "o2", "国家卫生健康委员会", (), "government"),
                      Mention("b", "o3", "国家卫生健康委员会办公厅", (), "government")])
    assert sorted(e.name for e in entities) == ["国家卫生健康委员会", "国家卫生健康委员会办公厅"]
