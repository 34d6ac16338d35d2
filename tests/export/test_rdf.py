"""RDF of the real corpus graph in two SPARQL engines, rdflib and Oxigraph: the README's
owners query, a date filter over typed dates, Chinese tagged @zh, documents linked."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from extractor import query
from extractor.errors import ExportError
from extractor.export import export, neo4j, rdf
from extractor.graph import node_id
from tests.conftest import ROOT

pyoxigraph = pytest.importorskip("pyoxigraph", reason="Oxigraph (pip install pyoxigraph) is missing")


@pytest.fixture(scope="module")
def engines(exported):
    """Run a SPARQL SELECT in each engine; rows of plain strings."""
    path = exported / rdf.FILENAME
    parsed = rdf.read(path)
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)

    def in_rdflib(text):
        return [tuple(str(value) for value in row) for row in parsed.query(text)]

    def in_oxigraph(text):
        solutions = store.query(text)
        return [tuple(term.value for term in solution) for solution in solutions]

    return {"rdflib": in_rdflib, "oxigraph": in_oxigraph}


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_readme_owners_query_answers_like_the_owners_query(engine, engines, corpus_graph):
    answer = {(item.rsplit("/", 1)[1], name, role) for item, _, name, role in engines[engine](rdf.OWNERS_QUERY)}
    expected = {(row["id"], owner["name"], owner["role"])
                for row in query.owners(corpus_graph) for owner in row["owners"]}
    assert answer == expected and answer


def _words(text):
    return " ".join(text.split())


def test_the_readme_shows_the_owners_queries_and_a_working_neo4j_command():
    readme = _words((ROOT / "README.md").read_text(encoding="utf-8"))
    assert _words(rdf.OWNERS_QUERY.split("SELECT", 1)[1]) in readme
    assert _words(neo4j.OWNERS_QUERY) in readme
    command = readme[readme.index("neo4j-admin database import full"):][:300]
    for option in ("--multiline-fields=true", "--overwrite-destination", '--array-delimiter=";"'):
        assert option in command
    assert command.split("```")[0].rstrip().endswith(" neo4j")


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_a_date_filter_finds_the_documents_dated_since_2024(engine, engines, corpus_graph):
    found = {(document.rsplit("/", 1)[1], date) for document, date in engines[engine](rdf.DATE_QUERY)}
    expected = {(nid, d["date"]) for nid, d in corpus_graph.nodes(data=True)
                if d["type"] == "Document" and d.get("date") and len(d["date"]) == 10 and d["date"] >= "2024"}
    assert found == expected and found


def test_chinese_is_tagged_zh_and_doc_links_the_document(graph, tmp_path):
    parsed = rdf.read(rdf.write(graph, tmp_path)[0])
    names = set(parsed.objects(None, rdf.PK.name))
    assert Literal("西安交通大学", lang="zh") in names
    assert Literal("lead") in set(parsed.objects(None, rdf.PK.role))
    docs = set(parsed.objects(None, rdf.PK.doc))
    assert docs and all((doc, None, rdf.PK.Document) in parsed for doc in docs)
    years = {o.datatype for o in parsed.objects(None, rdf.PK.year)}
    assert years == {rdf.XSD.gYear}


def test_base_iri_names_the_nodes_and_a_bad_one_is_refused(graph, tmp_path):
    base = "https://data.example.org/policykg/"
    [path] = export(graph, "rdf", tmp_path, base_iri=base)
    document = URIRef(base + node_id("Document", sorted(d for _, d in graph.nodes(data="doc") if d)[0]))
    assert (document, None, rdf.PK.Document) in rdf.read(path)
    with pytest.raises(ExportError, match="base IRI"):
        export(graph, "rdf", tmp_path, base_iri="policykg")
