"""`policykg explain`: every candidate with its decision, the same computation as the record."""
from __future__ import annotations

import json

import pytest

from extractor import ingest
from extractor.cli import main
from extractor.explain import FAMILIES, explain
from extractor.extraction import extract
from extractor.model import RawDocument
from extractor.pipeline import parse_raw
from tests.conftest import BUNDLED, DEV

# 国办发〔2018〕… style owner bracket and a clause that ends in 局 without naming a bureau
_NOTICE = ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
           "一、加快推进农业机械化\n"
           "（一）严格落实行政机关监管责任，开创农业机械化发展新局。到2025年，全国农作物耕种收综合"
           "机械化率达到75%。（农业农村部牵头，国家发展改革委、财政部等按职责分工负责）\n")


def _tree(text: str = _NOTICE):
    return parse_raw(RawDocument(path="notice.txt", format="txt", sha256="0", pages=(text,)))


def test_accepted_candidates_are_the_extracted_facts():
    tree = _tree()
    rows = explain(tree)
    extraction = extract(tree)
    accepted_orgs = {r.text for r in rows if r.family == "organisations" and r.accepted}
    named = {o.name for o in extraction.organisations} | {a for o in extraction.organisations for a in o.aliases}
    assert accepted_orgs <= named
    assert {"农业农村部", "财政部"} <= named
    assert {r.family for r in rows} <= set(FAMILIES)


def test_refused_candidates_name_their_filter_and_reason():
    refused = [r for r in explain(_tree()) if not r.accepted]
    assert refused, "the notice has fragments a finder must refuse"
    assert all(r.decision and r.reason for r in refused)


def test_spans_point_into_the_source_text():
    text = "\n\n" + _NOTICE  # leading lines shift clean offsets against source offsets
    tree = _tree(text)
    for row in explain(tree):
        start, end = row.span
        assert 0 <= start <= end <= len(text)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_explain_runs_on_every_bundled_document(path):
    rows = explain(parse_raw(ingest.load(path)))
    assert any(r.accepted for r in rows) or path.suffix == ".pdf"


def test_cli_json_filters_by_family_and_decision(capsys):
    path = DEV / "05_pingtan-new-pollutants-plan-2023.txt"
    assert main(["explain", str(path), "--family", "organisations", "--rejected", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["family"] == "organisations" and r["decision"] != "accepted" for r in rows)


def test_cli_table_names_the_file(capsys):
    path = DEV / "05_pingtan-new-pollutants-plan-2023.txt"
    assert main(["explain", str(path), "--family", "programmes"]) == 0
    assert "candidates" in capsys.readouterr().out
