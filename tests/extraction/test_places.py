"""Place finder on real sentences from the bundled corpus and from other documents (tests/fixtures/organisations/)."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from extractor.extraction import places
from extractor.extraction.organisations.vocabulary import trie_alternation, trie_spans
from extractor.extraction.places import find_places
from extractor.lexicons import load_rows
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


def test_zone_is_a_place_and_its_committee_a_body():
    # Liupanshui 六盘水府办发〔2022〕10号 (tests/fixtures/organisations/liupanshui_recipients.txt)
    from pathlib import Path

    from extractor.extraction.organisations import find_organisations
    path = Path(__file__).resolve().parents[1] / "fixtures" / "organisations" / "liupanshui_recipients.txt"
    tree = _tree(path.read_text(encoding="utf-8").split("\n", 1)[1])
    assert {"六盘水市", "六盘水高新区"} <= {p.name for p in find_places(tree)}
    orgs = {o.name for o in find_organisations(tree)}
    assert "六盘水高新区管委会" in orgs and "六盘水高新区" not in orgs


def test_cities_by_their_standard_names():
    # Anhui 人行合肥中心支行 and Shijiazhuang (tests/fixtures/organisations/): a city named
    # without its level word is a place too; a word that only contains one (三明治) is not
    text = "省发展改革委、省税务局、人行合肥中心支行等。石家庄市人民政府关于促进居民收入增长的实施意见"
    assert {"合肥", "石家庄市"} <= {p.name for p in find_places(_tree(text))}
    assert find_places(_tree("提供三明治和交通化服务")) == ()


def test_a_city_inside_a_zone_name_is_not_listed_apart():
    # Xiangtan (tests/fixtures/organisations/xiangtan_womens_federation.txt)
    names = {p.name for p in find_places(_tree("会上,湘乡市妇联、湘潭高新区妇联和金杯电工电磁线有限公司妇联代表"))}
    assert names == {"湘乡市", "湘潭高新区"}


def test_a_given_name_is_no_place():
    # State Council 国办函〔2019〕59号: 徐南平 is a vice minister, not the city 南平
    assert find_places(_tree("委 员:梁言顺 中央宣传部副部长\n      徐南平  科技部副部长")) == ()
    assert {p.name for p in find_places(_tree("南平市、三明市和龙岩市"))} == {"南平市", "三明市", "龙岩市"}


def test_verbs_and_complements_before_a_zone_stay_out():
    # corpus/dev/05, dev/09 and seeds/002
    text = "关于印发平潭综合实验区新污染物治理工作方案的通知。经平潭综合实验区管委会研究。建设好西咸新区这一核心区"
    assert {p.name for p in find_places(_tree(text))} == {"平潭综合实验区", "西咸新区"}


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="合肥石家庄市湘潭高新区三明治各省、县人民政府海关\n ", max_size=40))
def test_place_mentions_always_spell_their_name(text):
    for place in find_places(_tree(text)):
        for start, end in place.mentions:
            assert text[start:end].replace("\n", "") == place.name


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="西安市三原县区州省场级民委长沙和与，。 a1", max_size=40))
def test_level_word_matches_are_the_regex_scans(text):
    # the scan tries only the starts two or three characters before a level word
    assert [m.span() for m in places._admin_matches(text)] == [m.span() for m in places._ADMIN.finditer(text)]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="南平三明市合肥延边朝鲜族自治州石家庄治陕西省山东、 ", max_size=40))
def test_the_guarded_city_scan_finds_what_the_bare_tree_finds(text):
    # the guard (a city's first character before a second one) only skips offsets
    for rows, pattern in (([row[:2] for row in load_rows("org_cities.tsv")], places._cities()),
                          (load_rows("org_regions.tsv"), places._provinces())):
        bare = re.compile(trie_alternation(f for row in rows for f in row if f))
        assert trie_spans(pattern, text) == [m.span() for m in bare.finditer(text)]

