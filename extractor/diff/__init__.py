"""Version diff: what changed between two versions of a policy (a 新旧对照表 as data).

    clauses.split_clauses -> align.align -> chardiff.char_diff -> changes.* -> PolicyDiff
    render.to_text / to_json / to_markdown / to_html

Example:
    >>> d = diff_files("corpus/dev/09_….txt", "corpus/dev/10_….txt")  # doctest: +SKIP
    >>> [(c.old.ref, c.status) for c in d.changed()][:1]  # doctest: +SKIP
    [('二、', 'modified')]
"""
from __future__ import annotations

from pathlib import Path

from extractor.diff.align import align
from extractor.diff.changes import meta_changes, owner_changes, quantity_changes
from extractor.diff.chardiff import char_diff
from extractor.diff.clauses import comparison_key, split_clauses
from extractor.diff.header import Act, read_history
from extractor.diff.renames import find_renames
from extractor.diff.model import (
    Chunk,
    Clause,
    ClauseChange,
    MetaChange,
    OwnerChange,
    PolicyDiff,
    QuantityChange,
    QuantityState,
    Rename,
)
from extractor.model import DocTree, Extraction

__all__ = ["diff", "diff_files", "PolicyDiff", "ClauseChange", "Clause", "Chunk",
           "QuantityChange", "QuantityState", "OwnerChange", "MetaChange", "Rename"]


def _clause_changes(old: tuple[Clause, ...], new: tuple[Clause, ...]) -> tuple[ClauseChange, ...]:
    """Classify every aligned pair and diff the rewritten ones character by character."""
    out = []
    for pair in align(old, new):
        a = old[pair.old] if pair.old is not None else None
        b = new[pair.new] if pair.new is not None else None
        if a is None or b is None:
            out.append(ClauseChange("added" if a is None else "removed", a, b, 0.0))
        elif pair.relation != "one-to-one":
            out.append(ClauseChange("modified", a, b, pair.similarity, moved=pair.moved,
                                    relation=pair.relation))
        elif a.key == b.key:  # the same words, perhaps under a new number
            status = "moved" if pair.moved else "unchanged"
            out.append(ClauseChange(status, a, b, 100.0, moved=pair.moved))
        else:
            out.append(ClauseChange("modified", a, b, pair.similarity, _body_diff(a, b), moved=pair.moved))
    return tuple(out)


def _body_diff(a: Clause, b: Clause) -> tuple[Chunk, ...]:
    """The character diff of two clauses; a new number (第三十一条 → 第三十条, 五、→ 六、) is
    renumbering, no change of the text, so the markers stand as one kept run."""
    if a.marker and b.marker and a.marker != b.marker and a.text.startswith(a.marker) and b.text.startswith(b.marker):
        return (Chunk("equal", a.marker, b.marker), *char_diff(a.text[len(a.marker):], b.text[len(b.marker):]))
    return char_diff(a.text, b.text)


def _outside_history(changes: tuple[ClauseChange, ...], acts: tuple[Act, ...]) -> tuple[ClauseChange, ...]:
    """The clause changes without the dated lines of a regulation's header history, which
    the metadata reports (its date, its order number, the revisions added)."""
    keys = {comparison_key(act.text) for act in acts}

    def in_history(clause: Clause | None) -> bool:
        return clause is None or any(comparison_key(clause.text).startswith(k) for k in keys)

    return tuple(c for c in changes if not (in_history(c.old) and in_history(c.new)))


def diff(old: Extraction | DocTree, new: Extraction | DocTree) -> PolicyDiff:
    """Compare two versions of one policy.

    Args:
        old: the earlier version, extracted (`Extraction`) or only structured (`DocTree`).
        new: the later version.

    Example:
        >>> d = diff(extract_raw(load(a)), extract_raw(load(b)))  # doctest: +SKIP
        >>> d.quantities[0].old.value, d.quantities[0].new.value  # doctest: +SKIP
        (14.0, 7.0)
    """
    old_x = old if isinstance(old, Extraction) else Extraction(tree=old)
    new_x = new if isinstance(new, Extraction) else Extraction(tree=new)
    old_history, new_history = read_history(old_x.tree.text), read_history(new_x.tree.text)
    clauses = _outside_history(_clause_changes(split_clauses(old_x.tree), split_clauses(new_x.tree)),
                               old_history.acts + new_history.acts)
    renames = find_renames(clauses)
    return PolicyDiff(
        old_id=old_x.tree.doc_id, new_id=new_x.tree.doc_id,
        old_source=old_x.tree.source, new_source=new_x.tree.source,
        clauses=clauses,
        quantities=quantity_changes(clauses, old_x, new_x),
        owners=owner_changes(clauses, old_x, new_x, renames=renames),
        meta=meta_changes(old_x.tree.meta, new_x.tree.meta, old_history=old_history, new_history=new_history),
        renames=renames,
    )


def diff_files(old: str | Path, new: str | Path) -> PolicyDiff:
    """Read, extract and compare two files of any supported format.

    Raises:
        extractor.errors.IngestError: a file cannot be read (with a hint).
    """
    from extractor import ingest
    from extractor.pipeline import extract_raw

    return diff(extract_raw(ingest.load(old)), extract_raw(ingest.load(new)))
