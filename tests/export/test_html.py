"""The offline graph view: one self-contained page, drawn and clickable in headless Chromium."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import networkx as nx
import pytest

from extractor.export import html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _payload(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    return json.loads(found.group(1))


def test_the_page_is_self_contained_and_holds_the_whole_graph(corpus_graph, exported):
    page = (exported / html.FILENAME).read_text(encoding="utf-8")
    for remote in ("<script src", "<link", "@import", "fetch(", "XMLHttpRequest"):
        assert remote not in page
    data = _payload(page)
    assert len(data["nodes"]) == corpus_graph.number_of_nodes()
    assert len(data["edges"]) == corpus_graph.number_of_edges()
    assert all(-1 <= n["x"] <= 1 and -1 <= n["y"] <= 1 for n in data["nodes"])
    assert {d["type"] for _, d in corpus_graph.nodes(data=True)} <= set(data["colours"])


def test_two_pages_of_the_same_graph_are_byte_identical(graph):
    assert html.dumps(graph) == html.dumps(graph)


def test_text_that_closes_a_script_stays_data():
    graph = nx.MultiDiGraph()
    graph.add_node("doc_1", type="Document", label="</script><b>通知", doc="d", evidence="</script>")
    page = html.dumps(graph)
    assert page.count("</script>") == 2  # the data element's and the script's own
    assert _payload(page)["nodes"][0]["label"] == "</script><b>通知"


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make browser installs it)")
def test_headless_chromium_draws_the_graph_and_shows_a_nodes_evidence(graph, tmp_path):
    [path] = html.write(graph, tmp_path)
    org = next(n for n, d in graph.nodes(data=True) if d.get("name") == "西安交通大学")
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", f"{path.as_uri()}#node={org}&q=西咸"],
        capture_output=True, text=True, timeout=120, check=False)
    dom = result.stdout
    assert 'data-ready="true"' in dom, result.stderr[-500:]
    assert f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges" in dom
    assert "match “西咸”" in dom
    panel = dom[dom.index('id="panel"'):]
    node = graph.nodes[org]
    assert "<h2>西安交通大学</h2>" in panel and node["evidence"] in panel
    assert "Organisation (" in dom  # the legend names each type with its count
