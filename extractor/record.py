"""Turn an `Extraction` into the record: the JSON contract with users and the evaluation.

Spans in a record point into the source text (`RawDocument.text`), so a reader can always
be shown the sentence a fact came from. Field names follow `schemas/record.schema.json`;
add fields freely, rename none.
"""
from __future__ import annotations

import json
from typing import Any

from extractor import __version__
from extractor.model import CleanText, Extraction, OwnerRef, Span

SCHEMA_VERSION = "1.0"


def _owners(owners: tuple[OwnerRef, ...]) -> list[dict[str, str]]:
    return [{"org": o.org, "role": o.role} for o in owners]


def _span(clean: CleanText, span: Span) -> list[int]:
    return list(clean.to_source(span))


def to_record(extraction: Extraction) -> dict[str, Any]:
    """Build the record dict of one document.

    Example:
        >>> record = to_record(extract_tree(parse(normalise(load("a.txt")))))  # doctest: +SKIP
        >>> record["document"]["id"]
        'a'
    """
    tree = extraction.tree
    clean = tree.clean
    meta = tree.meta
    document = {
        "id": tree.doc_id,
        "source": tree.source,
        "sha256": tree.sha256,
        "format": tree.format,
        "title": meta.title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "signer": meta.signer,
        "date": meta.date,
        "recipients": list(meta.recipients),
        "cc": list(meta.cc),
        "printer": meta.printer,
        "print_date": meta.print_date,
        "category": meta.category,
        "period": list(meta.period) if meta.period else None,
        "pages": tree.pages,
        "ocr_pages": list(tree.ocr_pages),
        "skipped_pages": list(tree.skipped_pages),
        "extractor_version": __version__,
    }
    sections = [
        {
            "id": s.id,
            "number": s.number,
            "title": s.title,
            "level": s.level,
            "parent": s.parent,
            "kind": s.kind,
            "span": _span(clean, s.span),
            "page": clean.page_at(s.span[0]),
        }
        for s in tree.sections
    ]
    tasks = extraction.tasks or tree.tasks
    return {
        "schema_version": SCHEMA_VERSION,
        "document": document,
        "sections": sections,
        "tasks": [
            {
                "id": t.id,
                "section": t.section,
                "marker": t.marker,
                "text": t.text,
                "span": _span(clean, t.span),
                "page": clean.page_at(t.span[0]),
                "owners": _owners(t.owners),
            }
            for t in tasks
        ],
        "targets": [
            {
                "id": q.id,
                "kind": q.kind,
                "metric": q.metric,
                "value": q.value,
                "value_max": q.value_max,
                "unit": q.unit,
                "comparator": q.comparator,
                "year": q.year,
                "annual": q.annual,
                "subject": q.subject,
                "programme": q.programme,
                "evidence": q.evidence,
                "span": _span(clean, q.span),
                "page": q.page if q.page is not None else clean.page_at(q.span[0]),
                "section": q.section,
                "owners": _owners(q.owners),
            }
            for q in extraction.targets
        ],
        "organisations": [
            {
                "id": o.id,
                "name": o.name,
                "aliases": list(o.aliases),
                "type": o.type,
                "mentions": [_span(clean, m) for m in o.mentions],
            }
            for o in extraction.organisations
        ],
        "programmes": [
            {
                "id": p.id,
                "name": p.name,
                "aliases": list(p.aliases),
                "mentions": [_span(clean, m) for m in p.mentions],
            }
            for p in extraction.programmes
        ],
        "places": [
            {"id": p.id, "name": p.name, "mentions": [_span(clean, m) for m in p.mentions]}
            for p in extraction.places
        ],
        "citations": [
            {"title": c.title, "doc_number": c.doc_number, "span": _span(clean, c.span)}
            for c in extraction.citations
        ],
    }


def dumps(record: dict[str, Any]) -> str:
    """Serialise a record deterministically: sorted keys off, Chinese unescaped, fixed indent."""
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"
