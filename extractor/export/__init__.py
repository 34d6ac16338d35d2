"""Exports of the knowledge graph, one module per format, each with a reader or a test
that its consumer parses it.

=========  =====================================  ==================================
format     files                                  read by
=========  =====================================  ==================================
nodelink   graph.json (schemas/graph.schema.json)  networkx.node_link_graph, d3
graphml    graph.graphml                          Gephi, yEd, igraph, networkx
gexf       graph.gexf                             Gephi, networkx
csv        nodes.csv and one CSV per table         Excel, pandas (UTF-8 with BOM)
           (documents … targets, owners, edges)
parquet    parquet/{table}.parquet (typed)        pandas, DuckDB, Polars, Spark
xlsx       graph.xlsx (one sheet per table)       Excel, LibreOffice
html       graph.html (offline interactive view)  any browser
rdf        graph.ttl                              rdflib, triple stores (SPARQL)
neo4j      neo4j/nodes.csv, relationships.csv,    neo4j-admin database import,
           import.cypher                          cypher-shell
=========  =====================================  ==================================
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from extractor.errors import ExportError
from extractor.export import csv, gexf, graphml, html, neo4j, nodelink, parquet, rdf, xlsx

Writer = Callable[[nx.MultiDiGraph, Path], list[Path]]

FORMATS: dict[str, Writer] = {
    "nodelink": nodelink.write,
    "graphml": graphml.write,
    "gexf": gexf.write,
    "csv": csv.write,
    "rdf": rdf.write,
    "neo4j": neo4j.write,
    "parquet": parquet.write,
    "xlsx": xlsx.write,
    "html": html.write,
}


def _writer(name: str, base_iri: str | None) -> Writer:
    if name == "rdf" and base_iri is not None:
        return functools.partial(rdf.write, base_iri=rdf.check_base_iri(base_iri))
    return FORMATS[name]


def export(graph: nx.MultiDiGraph, fmt: str, out_dir: str | Path, *,
           base_iri: str | None = None) -> list[Path]:
    """Write `graph` in format `fmt` (a key of `FORMATS`, or ``all``) into `out_dir`;
    RDF node IRIs under `base_iri` when given.

    Returns:
        The files written.

    Raises:
        ExportError: unknown format, or the folder cannot be written.

    Example:
        >>> export(graph, "graphml", "out")  # doctest: +SKIP
        [PosixPath('out/graph.graphml')]
    """
    names = list(FORMATS) if fmt == "all" else [fmt]
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise ExportError(f"unknown export format {unknown[0]!r}",
                          hint=f"use one of {', '.join(FORMATS)} or all")
    out = Path(out_dir)
    written: list[Path] = []
    for name in names:
        write = _writer(name, base_iri)
        try:
            written += write(graph, out)
        except OSError as err:
            raise ExportError(f"cannot write {name} export ({err.strerror or err})",
                              path=str(out), hint="check the folder exists and is writable") from err
    return written
