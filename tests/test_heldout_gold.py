"""The held-out gold (corpus/heldout/gold): each file is valid JSON in the scorer's shape and
names a text of the held-out set, its evidence copied from that text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.discover import discover

HELDOUT = Path(__file__).resolve().parent.parent / "corpus" / "heldout"
GOLD = sorted((HELDOUT / "gold").glob("*.json"))

KINDS = {"target", "actual"}
COMPARATORS = {">=", ">", "<=", "<", "=", "~"}
ORG_TYPES = {"government", "party", "legislature", "institution", "university", "research", "company",
             "finance", "association", "other"}
ROLES = {"lead", "support"}
QUANTITY_KEYS = {"kind", "metric", "value", "value_max", "unit", "comparator", "year", "annual", "subject",
                 "programme", "evidence", "optional"}
META_KEYS = {"title", "doc_number", "issuer", "signer", "date", "recipients"}


def _text(doc: str) -> str:
    return (HELDOUT / f"{doc}.txt").read_text(encoding="utf-8").replace("\n", "")


def test_there_is_a_gold_file_for_every_heldout_text():
    texts = {p.stem for p in HELDOUT.glob("*.txt")}
    assert len(texts) >= 6 and {p.stem for p in GOLD} == texts


def test_discovery_reads_the_texts_and_passes_over_sources_and_gold():
    found = discover([HELDOUT])
    assert {p.suffix for p in found.files} == {".txt"}
    assert {s.path.name for s in found.skipped if s.notes} == {"SOURCES.md", "gold"}


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_file_has_the_scorers_shape(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) == {"doc", "meta", "quantities", "organisations", "programmes", "citations", "owners"}
    assert gold["doc"] == path.stem and (HELDOUT / f"{path.stem}.txt").is_file()
    text = _text(gold["doc"])
    assert set(gold["meta"]) == META_KEYS and isinstance(gold["meta"]["recipients"], list)
    if gold["meta"]["date"]:
        assert len(gold["meta"]["date"]) == 10 and gold["meta"]["date"][4] == "-"
    for q in gold["quantities"]:
        assert set(q) == QUANTITY_KEYS, q
        assert q["kind"] in KINDS and q["comparator"] in COMPARATORS
        assert isinstance(q["value"], (int, float)) and isinstance(q["annual"], bool)
        assert q["year"] is None or isinstance(q["year"], int)
        assert q["evidence"] in text, q["evidence"]
    names = set()
    for o in gold["organisations"]:
        assert set(o) == {"name", "aliases", "type", "optional"} and o["type"] in ORG_TYPES, o
        names |= {o["name"], *o["aliases"]}
    for p in gold["programmes"]:
        assert set(p) == {"name", "aliases", "optional"}, p
    assert all(isinstance(c, str) and c and "《" not in c for c in gold["citations"])
    evidence = {q["evidence"] for q in gold["quantities"]}
    for w in gold["owners"]:
        assert set(w) == {"org", "role", "task", "quantities"} and w["role"] in ROLES, w
        assert w["org"] in names, f"owner {w['org']} is not among the gold organisations"
        assert set(w["quantities"]) <= evidence, w
