"""Structure: headings, sections, tasks and official-document metadata of a clean text.

`parse(clean, raw=raw)` is the stage's entry: it reads the heading tree (一、 （一） 1.
（1） ① 第X章 第X条 附件 #), the numbered measures (tasks), task-table rows, indicator
tables flattened into text and tables written with | (`tables`), and the GB/T 9704 metadata
into a `DocTree`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractor.model import CleanText, DocTree, RawDocument, Task
from extractor.structure.headings import build_sections, find_markers, table_tasks
from extractor.structure.lexicon import lexicon
from extractor.structure.meta import read_meta
from extractor.structure.tables import pipe_tables, text_tables

__all__ = ["parse"]

_ITEM_NUMBER = re.compile(r"\s*[（(]?[\d一二三四五六七八九十①-⑳]{1,3}[)）.．、]?\s*")


def _same_item(text: str, row: Task, measure: Task) -> bool:
    """Whether a task-table row and a numbered measure are one item: the measure starts
    right after the row's own item number (1.增强… as row [305, 352], measure [307, 391])."""
    start, end = row.span
    return start <= measure.span[0] < end and bool(_ITEM_NUMBER.fullmatch(text[start:measure.span[0]]))


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
    tables = raw.tables + pipe_tables(clean)  # the reader's tables, and those written with | in the text
    tree = DocTree(doc_id=raw.id, source=raw.path, sha256=raw.sha256, format=raw.format,
                   pages=len(raw.pages), clean=clean, meta=read_meta(text, title_hint=raw.title_hint, source=raw.text),
                   sections=sections, tasks=tasks, tables=tables,
                   ocr_pages=raw.ocr_pages, skipped_pages=raw.skipped_pages, text_tables=text_tables(clean))
    words = lexicon()
    rows = table_tasks(clean, tables, first_id=len(tasks) + 1,
                       task_words=words.task_headers, owner_words=words.owner_headers)
    # A row already inside a numbered measure is that measure, not a second task; so is a
    # row whose measure starts just after the row's item number (the measure then runs on
    # into the owner cells, the row stops at its own cell: keep the row's stretch).
    kept = []
    for row in rows:
        same = next((k for k, t in enumerate(tasks) if _same_item(text, row, t)), None)
        if same is not None:
            tasks = (*tasks[:same], replace(tasks[same], span=row.span, text=row.text), *tasks[same + 1:])
        elif not any(t.span[0] <= row.span[0] and row.span[1] <= t.span[1] for t in tasks):
            kept.append(row)
    rows = tuple(kept)
    if not rows:
        return replace(tree, tasks=tasks)
    placed = [replace(t, section=tree.section_at(t.span[0])) for t in rows]
    ordered = sorted((*tasks, *placed), key=lambda t: t.span)
    return replace(tree, tasks=tuple(replace(t, id=f"t{i}") for i, t in enumerate(ordered, 1)))
