"""The whole pipeline on the seed action plan: owners land on the measures structure found."""
from __future__ import annotations

import pytest

from extractor.pipeline import extract_file
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def action_plan() -> dict:
    return extract_file(SEEDS / "004_36e5cd320c0db03f.txt")


def _owners_of(record: dict, task: dict) -> set[tuple[str, str]]:
    names = {o["id"]: o["name"] for o in record["organisations"]}
    return {(names[o["org"]], o["role"]) for o in task["owners"]}


def test_circled_owner_references_land_on_the_numbered_measures(action_plan):
    # 三（四）4: “①积极争取省级层面职称政策支持…④发挥中国（陕西）自由贸易试验区作用…
    # （牵头单位：①社会事业服务局、组织人事部（人才办）；②③组织人事部（人才办）；④…）”
    section = next(s for s in action_plan["sections"] if s["title"].startswith("建好省级人才发展改革试验区"))
    measures = [t for t in action_plan["tasks"] if t["section"] == section["id"]]
    assert [t["marker"] for t in measures] == ["①", "②", "③", "④"]
    assert measures[0]["text"].startswith("积极争取省级层面职称政策支持")
    assert ("组织人事部（人才办）", "lead") in _owners_of(action_plan, measures[0])
    assert ("社会事业服务局", "lead") in _owners_of(action_plan, measures[0])
    assert _owners_of(action_plan, measures[1]) == {("组织人事部（人才办）", "lead")}
    assert ("科技创新和新经济局", "lead") in _owners_of(action_plan, measures[3])


def test_no_measure_is_listed_twice(action_plan):
    starts = [tuple(t["span"]) for t in action_plan["tasks"]]
    assert len(starts) == len(set(starts))
    texts = [t["text"].lstrip("①②③④⑤⑥⑦⑧⑨⑩") for t in action_plan["tasks"]]
    assert len(texts) == len(set(texts))


def test_the_cycle_collector_is_paused_while_a_document_is_read_and_left_as_found(action_plan):
    import gc

    from extractor.pipeline import cycle_collection_paused

    assert gc.isenabled()
    with cycle_collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:  # a caller that keeps the collector off finds it off, and the same record
        with cycle_collection_paused():
            pass
        assert not gc.isenabled()
        assert extract_file(SEEDS / "004_36e5cd320c0db03f.txt")["tasks"] == action_plan["tasks"]
        assert not gc.isenabled()
    finally:
        gc.enable()
