"""Structure: headings, sections, tasks and official-document metadata of a clean text.

`parse(clean, raw=raw)` is the stage's entry: it reads the heading tree (一、 （一） 1.
（1） ① 第X章 第X条 附件 #), the numbered measures (tasks), task-table rows and the
GB/T 9704 metadata into a `DocTree`.
"""
from __future__ import annotations

from dataclasses import replace

from extractor.model import CleanText, DocTree, RawDocument
from extractor.structure.headings import build_sections, find_markers, table_tasks
from extractor.structure.lexicon import lexicon
from extractor.structure.meta import read_meta

__all__ = ["parse"]


def parse(clean: CleanText, *, raw: RawDocument) -> DocTree:
    """Structure one document's clean text.

    Example:
        >>> from extractor.normalise import normalise
        >>> raw = RawDocument(path="a.txt", format="txt", sha256="0" * 64,
        ...                   pages=("陕西咸函〔2024〕2号\\n一、总体要求\\n（一）加强组织领导。",))
        >>> tree = parse(normalise(raw), raw=raw)
        >>> tree.meta.doc_number, [s.id for s in tree.sections], tree.tasks[0].text
        ('陕西咸函〔2024〕2号', ['s1', 's1.1'], '加强组织领导。')
    """
    text = clean.text
    sections, tasks = build_sections(text, find_markers(text))
    tree = DocTree(doc_id=raw.id, source=raw.path, sha256=raw.sha256, format=raw.format,
                   pages=len(raw.pages), clean=clean, meta=read_meta(text, title_hint=raw.title_hint, source=raw.text),
                   sections=sections, tasks=tasks, tables=raw.tables)
    words = lexicon()
    rows = table_tasks(clean, raw.tables, first_id=len(tasks) + 1,
                       task_words=words.task_headers, owner_words=words.owner_headers)
    # A row already inside a numbered measure is that measure, not a second task.
    rows = tuple(r for r in rows if not any(t.span[0] <= r.span[0] and r.span[1] <= t.span[1] for t in tasks))
    if not rows:
        return tree
    placed = [replace(t, section=tree.section_at(t.span[0])) for t in rows]
    ordered = sorted((*tasks, *placed), key=lambda t: t.span)
    return replace(tree, tasks=tuple(replace(t, id=f"t{i}") for i, t in enumerate(ordered, 1)))
