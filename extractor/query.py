"""Questions researchers ask of the graph, as plain functions returning JSON-ready rows.

Every answer row names its document and carries the evidence sentence and page, so a
reader can check it against the text::

    import extractor
    graph = extractor.build_graph(records)
    extractor.query.owners(graph, "高新技术企业")
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from extractor.graph.names import normalise

__all__ = ["owners", "targets", "programme", "due", "search", "find", "answer", "tables", "Table", "KINDS",
           "document_table", "documents_table", "owner_cell"]

Row = dict[str, Any]


def _matches(phrase: str, *texts: Any) -> bool:
    key = normalise(phrase)
    return any(isinstance(t, str) and key in normalise(t) for t in texts)


def document_titles(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Document id → its title (or the id when the document has no title)."""
    return {data["doc"]: data["label"] for _, data in graph.nodes(data=True)
            if data["type"] == "Document"}


def _owners_of(graph: nx.MultiDiGraph, nid: str) -> list[Row]:
    rows = []
    for org, _, data in graph.in_edges(nid, data=True):
        if data["type"] == "OWNS":
            rows.append({"id": org, "name": graph.nodes[org]["name"], "role": data["role"],
                         "inherited_from": data.get("inherited_from")})
    return sorted(rows, key=lambda r: (r["role"] != "lead", r["name"]))


def item_row(graph: nx.MultiDiGraph, nid: str, titles: dict[str, str]) -> Row:
    """A task or target as an answer row: what it says, where, and who owns it."""
    data = graph.nodes[nid]
    row: Row = {"id": nid, "type": data["type"], "doc": data["doc"],
                "document": titles.get(data["doc"], data["doc"]), "page": data.get("page"),
                "span": data.get("span"), "evidence": data["evidence"]}
    if data["type"] == "Target":
        row.update({k: data.get(k) for k in ("kind", "metric", "value", "value_max", "unit",
                                             "comparator", "year", "annual", "subject", "programme")})
    else:
        row.update(marker=data.get("marker"), section=data.get("section"))
    row["owners"] = _owners_of(graph, nid)
    return row


def order_rows(rows: Iterable[Row]) -> list[Row]:
    """Answer rows in reading order: by document, then position in it."""
    return sorted(rows, key=lambda r: (r["doc"] or "", (r.get("span") or [0])[0], r["id"]))


def owners(graph: nx.MultiDiGraph, phrase: str = "") -> list[Row]:
    """Who owns which target: targets and tasks whose text matches `phrase`, with owners.

    An empty phrase lists every target and task. A target with no owners of its own is
    owned by the owners of the task it sits in (``inherited_from`` names that task).

    Example:
        >>> [o["name"] for o in owners(graph, "外籍人才")[0]["owners"]]  # doctest: +SKIP
        ['发展改革和商务局', '科技创新和新经济局', '西安市公安局西咸新区分局']
    """
    titles = document_titles(graph)
    hits = [item_row(graph, nid, titles) for nid, data in graph.nodes(data=True)
            if data["type"] in ("Target", "Task") and _matches(phrase, *owner_texts(data))]
    return order_rows(hits)


def owner_texts(data: Row) -> tuple[Any, ...]:
    """The texts of a Target or Task node that `owners` looks a phrase up in."""
    if data["type"] == "Target":
        return (data["metric"], data["evidence"], data.get("subject"), data.get("programme"))
    return (data["text"],)


def is_due(data: Row, year: int) -> bool:
    """True for a node that is a target (not a reported figure) due by the end of `year`."""
    return (data["type"] == "Target" and data["kind"] == "target"
            and data.get("year") is not None and data["year"] <= year)


def find(graph: nx.MultiDiGraph, name: str, node_type: str) -> list[str]:
    """Ids of `node_type` nodes named `name`: exact name or alias first, else containing it."""
    key = normalise(name)
    candidates = [(nid, [data["name"], *data.get("aliases", [])])
                  for nid, data in graph.nodes(data=True) if data["type"] == node_type]
    exact = [nid for nid, forms in candidates if key in {normalise(f) for f in forms}]
    return exact or [nid for nid, forms in candidates if any(key in normalise(f) for f in forms)]


def targets(graph: nx.MultiDiGraph, org: str) -> list[Row]:
    """Targets and tasks an organisation owns, found by its name or any alias.

    Example:
        >>> [r["marker"] for r in targets(graph, "组织人事部（人才办）")]  # doctest: +SKIP
        ['①', '②', '③']
    """
    titles = document_titles(graph)
    rows = []
    for oid in find(graph, org, "Organisation"):
        for _, item, data in graph.out_edges(oid, data=True):
            if data["type"] == "OWNS":
                row = item_row(graph, item, titles)
                row["organisation"] = graph.nodes[oid]["name"]
                row["role"] = data["role"]
                rows.append(row)
    return order_rows(rows)


def programme(graph: nx.MultiDiGraph, name: str) -> Row | None:
    """Everything the corpus says about a programme, or None when no programme matches.

    Returns the programme(s) matched, the documents mentioning them (with evidence),
    their targets and figures ordered by year, and the organisations owning those
    targets or the tasks that mention the programme. A figure's ``as_of`` is its year,
    or for a reported figure without one the year of its document's date.
    """
    titles = document_titles(graph)
    ids = find(graph, name, "Programme")
    if not ids:
        return None
    forms = {normalise(f) for nid in ids
             for f in [graph.nodes[nid]["name"], *graph.nodes[nid].get("aliases", [])]}
    documents, items = [], {}
    for nid in ids:
        for doc, _, data in graph.in_edges(nid, data=True):
            if data["type"] == "MENTIONS":
                documents.append({"doc": data["doc"], "document": graph.nodes[doc]["label"],
                                  "page": data["page"], "evidence": data["evidence"],
                                  "mentions": data.get("count")})
        for _, item, data in graph.out_edges(nid, data=True):
            if data["type"] == "HAS_TARGET":
                items[item] = item_row(graph, item, titles)
        for item, _, data in graph.in_edges(nid, data=True):
            if data["type"] == "ABOUT":
                items[item] = item_row(graph, item, titles)
    for nid, data in graph.nodes(data=True):
        if data["type"] == "Task" and any(f in normalise(data["text"]) for f in forms):
            items.setdefault(nid, item_row(graph, nid, titles))
    found = order_rows(items.values())
    organisations = sorted({o["name"] for row in found for o in row["owners"]})
    dates = {data["doc"]: data.get("date") for _, data in graph.nodes(data=True) if data["type"] == "Document"}
    for row in found:
        row["date"] = dates.get(row["doc"])
    figures = sorted((r for r in found if r["type"] == "Target"),
                     key=lambda r: (_when(r) is None, _when(r) or 0, r["metric"], r["doc"]))
    return {"programme": [{"id": nid, "name": graph.nodes[nid]["name"],
                           "aliases": graph.nodes[nid].get("aliases", [])} for nid in ids],
            "documents": sorted(documents, key=lambda d: d["doc"]),
            "targets": [r for r in found if r["type"] == "Target"],
            "tasks": [r for r in found if r["type"] == "Task"],
            "organisations": organisations,
            "figures": [{**{k: r[k] for k in ("year", "kind", "metric", "value", "unit", "doc", "date",
                                              "evidence")}, "as_of": _when(r)} for r in figures]}


def _when(row: Row) -> int | None:
    """The year a figure speaks of: its own, else (a reported figure) its document's date."""
    if row.get("year") is not None:
        return row["year"]
    date = row.get("date") or ""
    return int(date[:4]) if row.get("kind") == "actual" and date[:4].isdigit() else None


def due(graph: nx.MultiDiGraph, year: int) -> list[Row]:
    """Targets (kind ``target``) due by the end of `year`, earliest first."""
    titles = document_titles(graph)
    rows = [item_row(graph, nid, titles) for nid, data in graph.nodes(data=True) if is_due(data, year)]
    return sorted(order_rows(rows), key=lambda r: r["year"])


def search(graph: nx.MultiDiGraph, text: str) -> list[Row]:
    """Free-text search over names and evidence of every node, with its document."""
    titles = document_titles(graph)
    rows = []
    for nid, data in graph.nodes(data=True):
        if _matches(text, data.get("label"), data.get("evidence"), data.get("text"),
                    *data.get("aliases", [])):
            rows.append({"id": nid, "type": data["type"], "label": data["label"],
                         "doc": data["doc"], "document": titles.get(data["doc"], data["doc"]),
                         "page": data.get("page"), "evidence": data["evidence"]})
    return sorted(rows, key=lambda r: (r["type"], r["doc"] or "", r["id"]))


# What each question is asked about, for answers that find nothing to ask about.
KINDS = {"owners": "phrase", "targets": "organisation", "programme": "programme",
         "due": "year", "search": "text"}


def answer(graph: nx.MultiDiGraph, kind: str, subject: str | int) -> list[Row] | Row | None:
    """Ask one question by name (a key of `KINDS`): ``answer(graph, "due", 2026)``.

    Returns None when the organisation or programme asked about is not in the graph,
    so a caller can tell "not known" from "owns nothing".
    """
    if kind == "targets":
        return targets(graph, str(subject)) if find(graph, str(subject), "Organisation") else None
    questions: dict[str, Callable[..., Any]] = {"owners": owners, "programme": programme,
                                                "due": due, "search": search}
    return questions[kind](graph, subject)


@dataclass(frozen=True)
class Table:
    """An answer shaped for a terminal: a title, column names, rows of cells, a note after."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    note: str | None = None


TABLE_EVIDENCE_CHARS = 60  # a task's evidence is its whole text; JSON gives it in full


def _short(text: str) -> str:
    return text if len(text) <= TABLE_EVIDENCE_CHARS else text[:TABLE_EVIDENCE_CHARS] + "…"


def _owners_cell(owners: list[Row]) -> str:
    return "、".join(f"{o['name']}（{o['role']}）" for o in owners) or "—"


def _figure(row: Row) -> str:
    return f"{row['value']:g} {row['unit']}"


def _item_cells(row: Row) -> tuple[Any, ...]:
    return (row["document"], row["page"], row.get("metric") or row.get("marker") or row["type"],
            _short(row["evidence"]), _owners_cell(row["owners"]))


_ITEM_COLUMNS = ("document", "page", "item", "evidence", "owners")


def tables(kind: str, result: Any, subject: str | int) -> list[Table]:
    """The tables that show the answer `result` of question `kind` about `subject`.

    Example:
        >>> [t.columns for t in tables("due", [], 2026)]
        [('year', 'metric', 'value', 'document', 'page', 'evidence', 'owners')]
    """
    if kind == "owners":
        return [Table(f"who owns {subject}", _ITEM_COLUMNS, tuple(map(_item_cells, result)))]
    if kind == "targets":
        return [Table(f"owned by {subject}", ("organisation", "role", *_ITEM_COLUMNS[:4]),
                      tuple((r["organisation"], r["role"], *_item_cells(r)[:4]) for r in result))]
    if kind == "programme":
        return [Table(f"{subject}: documents", ("document", "page", "mentions", "evidence"),
                      tuple((d["document"], d["page"], d["mentions"], d["evidence"])
                            for d in result["documents"])),
                Table(f"{subject}: tasks", _ITEM_COLUMNS, tuple(map(_item_cells, result["tasks"]))),
                Table(f"{subject}: figures", ("year", "kind", "metric", "value", "document", "evidence"),
                      tuple((f["as_of"], f["kind"], f["metric"], _figure(f), f["doc"], f["evidence"])
                            for f in result["figures"]),
                      note="organisations: " + ("、".join(result["organisations"]) or "—"))]
    if kind == "due":
        return [Table(f"targets due by {subject}",
                      ("year", "metric", "value", "document", "page", "evidence", "owners"),
                      tuple((r["year"], r["metric"], _figure(r), r["document"], r["page"],
                             r["evidence"], _owners_cell(r["owners"])) for r in result))]
    return [Table(f"search {subject}", ("type", "label", "document", "page", "evidence"),
                  tuple((r["type"], r["label"], r["document"], r["page"], r["evidence"]) for r in result))]


NO_OWNER_IN_DOCUMENT = "— no owner stated in the document"
NO_OWNER_FOUND = "— not found (the document names owners of other items)"


def owner_cell(row: Row, *, document_names_owners: bool) -> str:
    """A row's owners, or why there are none: the document names no owner at all, or
    names owners elsewhere and none was found for this item (a gap worth reading)."""
    if row["owners"]:
        return _owners_cell(row["owners"])
    return NO_OWNER_FOUND if document_names_owners else NO_OWNER_IN_DOCUMENT


def document_table(summary: Row, rows: list[Row]) -> Table:
    """One document's targets and tasks (`policykg show`): kind, year, value, owners, page."""
    names_owners = any(row["owners"] for row in rows)
    cells = tuple((row.get("kind") or "task", row.get("year"),
                   row.get("metric") or row.get("marker") or "",
                   _figure(row) if row["type"] == "Target" else "",
                   owner_cell(row, document_names_owners=names_owners), row["page"], _short(row["evidence"]))
                  for row in rows)
    title = summary.get("title") or summary["id"]
    number = f" {summary['doc_number']}" if summary.get("doc_number") else ""
    return Table(f"{title}{number} ({summary['file']})",
                 ("kind", "year", "item", "value", "owners", "page", "evidence"), cells,
                 note=f"{summary['targets']} quantities, {summary['tasks']} tasks, "
                      f"{summary['organisations']} organisations; source {summary.get('source')}")


def documents_table(rows: list[Row]) -> Table:
    """The documents of a records folder (`policykg documents`), one row each."""
    columns = ("file", "title", "doc_number", "issuer", "date", "pages", "targets", "tasks")
    return Table(f"{len(rows)} documents", columns, tuple(tuple(row.get(c) for c in columns) for row in rows))
