"""GEXF 1.3 for Gephi: valid against the official schema, the relation as the edge
``kind``, typed attributes, Chinese intact as UTF-8.

networkx's writer builds the document; three of its choices are then corrected:
the creator is policykg, not NetworkX; there is no ``lastmodifieddate``, so two exports
of the same records are byte-identical; and the ``graph`` element has no ``name``
attribute, which GEXF 1.3 does not define. GEXF reserves an edge's ``type`` for
directed/undirected, so the relation (OWNS, CONTAINS …) is the edge's ``kind`` (Gephi's
edge kinds) and ``label``; `read` restores it as ``type``.
"""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from extractor.atomic import write_atomic
from extractor.export.scalars import flatten, keyed, with_edge_ids

FILENAME = "graph.gexf"
VERSION = "1.3"
CREATOR = "policykg"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"  # networkx writes it without "www."


def _tidy(root: ElementTree.Element) -> None:
    """Creator policykg, no date, no graph name, the relation as each edge's kind."""
    root.set("xmlns:xsi", _XSI)
    for meta in root.iter("meta"):
        meta.attrib.pop("lastmodifieddate", None)
        for creator in meta.iter("creator"):
            creator.text = CREATOR
    for graph in root.iter("graph"):
        graph.attrib.pop("name", None)
    for edge in root.iter("edge"):
        edge.set("kind", edge.get("label", ""))
    _drop_attribute(root, "networkx_key")


def _drop_attribute(root: ElementTree.Element, title: str) -> None:
    """Remove an attribute's declaration and values: networkx adds ``networkx_key`` for a
    multigraph, which repeats ``edge_key`` and which its reader loses on a simple graph."""
    for attributes in root.iter("attributes"):
        for declared in [a for a in attributes if a.get("title") == title]:
            attributes.remove(declared)
            for values in root.iter("attvalues"):
                for value in [v for v in values if v.get("for") == declared.get("id")]:
                    values.remove(value)


def dumps(graph: nx.MultiDiGraph) -> bytes:
    """The graph as GEXF 1.3 bytes (UTF-8, with an XML declaration)."""
    flat = with_edge_ids(flatten(graph))
    for *_, data in flat.edges(keys=True, data=True):
        data["label"] = data.pop("type")
    writer = GEXFWriter(flat, encoding="utf-8", prettyprint=True, version=VERSION)
    _tidy(writer.xml)
    writer.indent(writer.xml)
    return ElementTree.tostring(writer.xml, encoding="utf-8", xml_declaration=True) + b"\n"


def write(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.gexf`` into `out_dir`."""
    path = Path(out_dir) / FILENAME
    write_atomic(path, dumps(graph))
    return [path]


def read(path: str | Path) -> nx.MultiDiGraph:
    """Load a graph written by `write`: edge keys, types, lists and dicts restored."""
    loaded = nx.read_gexf(path, version=VERSION)
    for *_, data in loaded.edges(data=True):
        data["type"] = data.pop("label")
    return keyed(loaded)
