"""Structure: TEMPORARY empty structure; the structure work replaces it."""
from __future__ import annotations

from extractor.model import CleanText, DocMeta, DocTree, RawDocument


def parse(clean: CleanText, *, raw: RawDocument) -> DocTree:
    return DocTree(doc_id=raw.id, source=raw.path, sha256=raw.sha256, format=raw.format,
                   pages=len(raw.pages), clean=clean, meta=DocMeta(), tables=raw.tables)
