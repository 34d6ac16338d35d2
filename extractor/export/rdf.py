"""RDF Turtle with a small vocabulary, for triple stores and SPARQL.

Vocabulary (namespace ``pk:`` = ``https://policykg.invalid/ontology#``, written into
every file as RDFS so the file documents itself):

- classes ``pk:Document pk:Section pk:Task pk:Target pk:Organisation pk:Programme
  pk:Place pk:Policy``; each node is ``<{base IRI}{node id}>``, the base IRI
  ``https://policykg.invalid/id/`` unless the caller gives one (``--base-iri``);
- one property per edge type: ``pk:contains pk:owns pk:hasTarget pk:about pk:mentions
  pk:cites pk:publishedAs pk:issuedBy pk:partOf``;
- node attributes as literals named in camelCase (``pk:metric``, ``pk:value``,
  ``pk:year``, ``pk:evidence``, ``pk:docNumber`` …); Chinese text tagged ``@zh``, a
  document's ``pk:date`` an ``xsd:date`` and a target's ``pk:year`` an ``xsd:gYear`` (so
  SPARQL can compare them), ``pk:doc`` / ``pk:docs`` the IRI of the Document node;
  ``span`` as ``pk:spanStart`` /
  ``pk:spanEnd``, lists of names (``aliases`` as ``pk:alias``, ``docs``) as repeated
  values, other lists as JSON text (``pk:mentionsJson``);
- every edge is also an ``rdf:Statement`` (standard reification) carrying the edge's
  attributes: ``pk:role`` (lead/support) on ownership and the provenance
  ``pk:doc pk:page pk:spanStart pk:spanEnd pk:evidence``.

`OWNERS_QUERY` answers "who owns which target" as ``extractor.query.owners`` does.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace

from extractor.atomic import write_atomic
from extractor.errors import ExportError
from extractor.export.scalars import edge_id
from extractor.graph import node_id

FILENAME = "graph.ttl"
PK = Namespace("https://policykg.invalid/ontology#")
ID = Namespace("https://policykg.invalid/id/")
BASE_IRI = str(ID)
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*[/#]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DATE_TYPES = ((re.compile(r"\d{4}-\d{2}-\d{2}"), "xsd:date"),
               (re.compile(r"\d{4}-\d{2}"), "xsd:gYearMonth"), (re.compile(r"\d{4}"), "xsd:gYear"))
_DOCUMENT_LINKS = frozenset({"doc", "docs"})  # attributes naming a document by its id

CLASSES = {
    "Document": "A policy document of the corpus (one record).",
    "Section": "A heading of a document and the text under it.",
    "Task": "A numbered measure or clause, the unit responsibility is assigned to.",
    "Target": "A quantity: a goal still to be met (kind target) or a reported figure (kind actual).",
    "Organisation": "A body that can act, merged across documents; aliases kept.",
    "Programme": "A named initiative: reform, fund, plan, platform, mechanism.",
    "Place": "A place name: province, city, district, new area, zone.",
    "Policy": "A policy cited by title 《…》; pk:publishedAs links it to the corpus document with that title.",
}
RELATIONS = {
    "CONTAINS": ("contains", "Document/section/task contains a part."),
    "OWNS": ("owns", "Organisation is responsible for a task or target (pk:role lead/support on the statement)."),
    "HAS_TARGET": ("hasTarget", "Programme has a target."),
    "ABOUT": ("about", "Target measures its subject."),
    "MENTIONS": ("mentions", "Document mentions an entity."),
    "CITES": ("cites", "Document cites a policy."),
    "PUBLISHED_AS": ("publishedAs", "Cited policy is this corpus document."),
    "ISSUED_BY": ("issuedBy", "Document is issued by an organisation."),
    "PART_OF": ("partOf", "Department is part of a body; smaller place is part of a larger one."),
}
PROVENANCE = {
    "doc": "The Document the fact comes from.",
    "docs": "A Document that names the entity.",
    "date": "Date a document was written (成文日期), an xsd:date.",
    "year": "Year a target is due or a figure reported, an xsd:gYear.",
    "page": "1-based page of the evidence.",
    "spanStart": "Start of the evidence span, a character offset into the source text.",
    "spanEnd": "End (exclusive) of the evidence span.",
    "evidence": "The sentence the fact comes from.",
    "role": "lead or support, on an ownership statement.",
    "name": "Canonical name of an entity.",
    "alias": "Another form of an entity's name used in some document.",
}

DATE_QUERY = f"""\
PREFIX pk: <{PK}>
PREFIX xsd: <{XSD}>
SELECT ?document ?date WHERE {{
  ?document a pk:Document ; pk:date ?date .
  FILTER (?date >= "2024-01-01"^^xsd:date)
}} ORDER BY ?date
"""
"""The documents dated 2024 or later: works because dates are typed ``xsd:date``."""

OWNERS_QUERY = f"""\
PREFIX rdf: <{RDF}>
PREFIX pk: <{PK}>
SELECT ?item ?org ?name ?role WHERE {{
  ?statement rdf:predicate pk:owns ; rdf:subject ?org ; rdf:object ?item ; pk:role ?role .
  ?org pk:name ?name .
}} ORDER BY ?item ?name
"""


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


# Turtle's short string may hold any character but these four raw (and a tab reads better)
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_SPECIAL_DOUBLES = {"nan": "NaN", "inf": "INF", "-inf": "-INF"}


def _literal(value: Any) -> str:
    """A Turtle literal; Chinese text tagged ``@zh``. Written by hand: building rdflib
    Literals costs seconds per corpus.

    Example:
        >>> print(_literal('他说"好"'), _literal(2026), _literal(2.5), _literal(True), _literal("lead"))
        "他说\\"好\\""@zh "2026"^^xsd:integer "2.5"^^xsd:double "true"^^xsd:boolean "lead"
    """
    if isinstance(value, bool):
        return f'"{str(value).lower()}"^^xsd:boolean'
    if isinstance(value, int):
        return f'"{value}"^^xsd:integer'
    if isinstance(value, float):
        return f'"{_SPECIAL_DOUBLES.get(repr(value), repr(value))}"^^xsd:double'
    text = '"' + str(value).translate(_ESCAPES) + '"'
    return text + "@zh" if _HAN.search(str(value)) else text


def _dated(value: Any) -> str:
    """A date or year typed for SPARQL: 2025-05-29 ``xsd:date``, 2026 ``xsd:gYear``;
    anything else as it is."""
    text = str(value)
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(text):
            return f'"{text}"^^{datatype}'
    return _literal(value)


def _attributes(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(predicate, object) pairs of a node's or edge's attributes."""
    for name, value in data.items():
        if value is None or name in ("type", "label"):
            continue
        if name == "span":
            yield "pk:spanStart", _literal(value[0])
            yield "pk:spanEnd", _literal(value[1])
        elif name in _DOCUMENT_LINKS:
            for doc in [value] if isinstance(value, str) else value:
                yield f"pk:{name}", f"id:{node_id('Document', doc)}"
        elif name in ("date", "year"):
            yield f"pk:{name}", _dated(value)
        elif name == "aliases":
            for alias in value:
                yield "pk:alias", _literal(alias)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            for item in value:
                yield f"pk:{_camel(name)}", _literal(item)
        elif isinstance(value, (list, dict)):
            # e.g. mentions [[doc, start, end], …] → pk:mentionsJson, kept whole as JSON text
            yield f"pk:{_camel(name)}Json", _literal(json.dumps(value, ensure_ascii=False))
        else:
            yield f"pk:{_camel(name)}", _literal(value)


def _block(subject: str, pairs: list[tuple[str, str]]) -> str:
    body = " ;\n    ".join(f"{p} {o}" for p, o in pairs)
    return f"{subject} {body} .\n"


def _vocabulary() -> Iterator[str]:
    comment = "rdfs:comment"
    for name, text in CLASSES.items():
        yield _block(f"pk:{name}", [("a", "rdfs:Class"), (comment, Literal(text, lang="en").n3())])
    for prop, text in [*RELATIONS.values(), *PROVENANCE.items()]:
        yield _block(f"pk:{prop}", [("a", "rdf:Property"), (comment, Literal(text, lang="en").n3())])


def check_base_iri(base_iri: str) -> str:
    """`base_iri` if it is an absolute IRI ending in ``/`` or ``#``, else ExportError."""
    if not _ABSOLUTE_IRI.fullmatch(base_iri):
        raise ExportError(f"not a base IRI: {base_iri!r}",
                          hint="give an absolute IRI ending in / or #, e.g. https://data.example.org/policykg/")
    return base_iri


def dumps(graph: nx.MultiDiGraph, *, base_iri: str = BASE_IRI) -> str:
    """The graph as Turtle text in the policykg vocabulary, node IRIs under `base_iri`.

    Written directly, subject by subject (node ids are valid local names), because
    building an rdflib Graph first costs minutes on a large corpus.
    """
    parts = [f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in
             (("rdf", RDF), ("rdfs", RDFS), ("xsd", XSD), ("pk", PK), ("id", check_base_iri(base_iri)))]
    parts.append("\n")
    parts.extend(_vocabulary())
    for nid, data in graph.nodes(data=True):
        pairs = [("a", f"pk:{data['type']}"), ("rdfs:label", _literal(data["label"])),
                 ("pk:id", _literal(nid))]
        pairs += [(p, o) for p, o in _attributes(data)]
        pairs += [(f"pk:{RELATIONS[d['type']][0]}", f"id:{v}")
                  for _, v, d in graph.out_edges(nid, data=True)]
        parts.append(_block(f"id:{nid}", pairs))
    for u, v, key, data in graph.edges(keys=True, data=True):
        pairs = [("a", "rdf:Statement"), ("rdf:subject", f"id:{u}"),
                 ("rdf:predicate", f"pk:{RELATIONS[data['type']][0]}"), ("rdf:object", f"id:{v}")]
        pairs += list(_attributes(data))
        parts.append(_block(f"id:{edge_id(u, v, key)}", pairs))
    return "".join(parts)


def write(graph: nx.MultiDiGraph, out_dir: Path, *, base_iri: str = BASE_IRI) -> list[Path]:
    """Write ``graph.ttl`` into `out_dir`, node IRIs under `base_iri`."""
    path = Path(out_dir) / FILENAME
    write_atomic(path, dumps(graph, base_iri=base_iri))
    return [path]


def read(path: str | Path) -> Graph:
    """Parse a Turtle file written by `write` with rdflib."""
    return Graph().parse(str(path), format="turtle")
