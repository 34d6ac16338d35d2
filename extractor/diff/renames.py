"""Terms renamed throughout a revision (环境保护主管部门 → 生态环境主管部门): one finding with the
clauses it touches, instead of one change per article.

A rename is a replacement the character diff shows in several aligned clauses, always the
same words for the same words, whose old words the new version has (nearly) stopped using.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Sequence

from extractor.diff.model import Chunk, ClauseChange, Rename

MIN_CLAUSES = 3
"""Clauses a replacement must recur in to be a rename rather than one rewrite."""
LEFT_OVER = 5
"""A rename may leave a few uses of the old words (生态环境保护 keeps 环境保护): at most one
for this many replacements."""
MAX_TERM = 12
GLUE = 2
"""Kept runs this short between two changes belong to one replacement (环境[保护→]…)."""
CONTEXT = 4
"""Kept characters after a replacement shown with it (…主管部门), when they agree."""
_WORDY = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def _replacements(chunks: Sequence[Chunk]) -> list[tuple[str, str, str]]:
    """(old words, new words, kept text after) of each replacement in a character diff,
    short kept runs inside it glued in: 国务院[生态]环境[保护]主管部门 → (环境保护, 生态环境)."""
    out = []
    k = 0
    while k < len(chunks):
        if chunks[k].op == "equal":
            k += 1
            continue
        old, new, end = chunks[k].old, chunks[k].new, k
        while (end + 2 < len(chunks) and chunks[end + 1].op == "equal" and len(chunks[end + 1].old) <= GLUE
               and chunks[end + 2].op != "equal"):
            old += chunks[end + 1].old + chunks[end + 2].old
            new += chunks[end + 1].new + chunks[end + 2].new
            end += 2
        after = chunks[end + 1].new if end + 1 < len(chunks) else ""
        out.append((old, new, after))
        k = end + 1
    return out


def find_renames(changes: Sequence[ClauseChange]) -> tuple[Rename, ...]:
    """Replacements of one term by another applied throughout the new version.

    Example:
        >>> [(r.old, r.new, len(r.refs)) for r in find_renames(diff_of_ozone_regulation.clauses)]  # doctest: +SKIP
        [('环境保护主管部门', '生态环境主管部门', 29)]
    """
    seen: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    tails: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in changes:
        if c.status != "modified" or c.old is None or c.new is None:
            continue
        for old, new, after in _replacements(c.chunks):
            if _WORDY.match(old) and _WORDY.match(new) and len(old) <= MAX_TERM and len(new) <= MAX_TERM:
                seen[(old, new)].append((c.old.ref, c.new.ref))
                tails[(old, new)][after[:CONTEXT]] += 1
    new_text = "".join(c.new.text for c in changes if c.new is not None)
    out = []
    for (old, new), refs in seen.items():
        if len(set(refs)) >= MIN_CLAUSES and new_text.count(old) * LEFT_OVER < len(refs):
            tail, count = tails[(old, new)].most_common(1)[0]
            tail = tail if count == len(refs) and _WORDY.match(tail or "-") else ""
            out.append(Rename(old + tail, new + tail, tuple(dict.fromkeys(refs))))
    return tuple(sorted(out, key=lambda r: -len(r.refs)))


def renamed(name: str, renames: Sequence[Rename], *, back: bool = False) -> str:
    """A name as the new version writes it, every rename applied (`back`: as the old one did).

    Example:
        >>> renamed("国务院环境保护主管部门", [Rename("环境保护主管部门", "生态环境主管部门", ())])
        '国务院生态环境主管部门'
    """
    for r in renames:
        name = name.replace(r.new, r.old) if back else name.replace(r.old, r.new)
    return name
