"""Place finder on real sentences from the bundled corpus."""
from __future__ import annotations

from extractor.extraction.places import find_places
from extractor.model import CleanText, DocMeta, DocTree


def _tree(text: str) -> DocTree:
    clean = CleanText(text, tuple(range(len(text) + 1)))
    return DocTree("t", "t.txt", "0", "txt", 1, clean, DocMeta())


def test_zones_cities_and_provinces():
    # corpus/seeds/003
    text = "西咸新区所属沣西新城、咸阳高新区与西安经开区合作，支持三原县发展。陕西省科技厅、咸阳市科技局"
    names = {p.name for p in find_places(_tree(text))}
    assert {"西咸新区", "沣西新城", "咸阳高新区", "西安经开区", "陕西省", "咸阳市"} <= names


def test_place_mentions_point_at_the_name():
    text = "平潭综合实验区管委会办公室关于印发平潭综合实验区新污染物治理工作方案的通知"
    places = find_places(_tree(text))
    for place in places:
        for start, end in place.mentions:
            assert text[start:end] == place.name


def test_a_place_acting_is_a_place_not_a_body():
    # corpus/seeds/000
    from extractor.extraction.organisations import find_organisations

    tree = _tree("在法治保障方面，西咸新区设立了秦创原法治综合保障中心，构建全链条服务体系。")
    assert "西咸新区" in {p.name for p in find_places(tree)}
    assert [o.name for o in find_organisations(tree)] == ["秦创原法治综合保障中心"]
