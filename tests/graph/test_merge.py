"""Merging mentions of the same body across documents, and never across levels."""
from __future__ import annotations

from extractor.graph.merge import Mention, jurisdiction, merge


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


def test_bare_department_is_scoped_by_the_issuing_jurisdiction():
    pingtan = jurisdiction("平潭综合实验区管理委员会")
    xixian = jurisdiction("陕西省西咸新区开发建设管理委员会")
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
