"""Character-level diff that reads well in Chinese: no word tokenisation, no confetti.

An LCS alignment over characters (rapidfuzz's bit-parallel Indel) finds what was kept;
runs of kept text too short to mean anything on their own (区[房地]产[交易]中心) are folded
into the change around them, so a reader sees 区[房地产交易→不动产登记]中心.
"""
from __future__ import annotations

import unicodedata

from rapidfuzz.distance import Indel

from extractor.diff.model import Chunk

MIN_KEPT = 2
"""Kept runs shorter than this between two changes are shown as part of the change."""


def _fold(text: str) -> str:
    """Width-fold character by character (﹪ → %, ０ → 0), keeping positions one to one."""
    return "".join(f if len(f := unicodedata.normalize("NFKC", ch)) == 1 else ch for ch in text)


def _raw_chunks(old: str, new: str) -> list[Chunk]:
    """Equal / delete / insert runs, adjacent deletes and inserts joined into replaces.

    The alignment runs on width-folded text, so 30﹪ against 30% is no change; the
    chunks keep each side's own characters.
    """
    chunks: list[Chunk] = []
    for op in Indel.opcodes(_fold(old), _fold(new)):
        a, b = old[op.src_start:op.src_end], new[op.dest_start:op.dest_end]
        if op.tag == "equal":
            chunks.append(Chunk("equal", a, b))
            continue
        prev = chunks[-1] if chunks else None
        if prev is not None and prev.op != "equal":
            chunks[-1] = Chunk("replace", prev.old + a, prev.new + b)
        else:
            chunks.append(Chunk("delete" if op.tag == "delete" else "insert", a, b))
    return chunks


def _op(old: str, new: str) -> str:
    if old and new:
        return "replace"
    return "delete" if old else "insert"


_NUMBER_CHARS = frozenset("0123456789.,．０１２３４５６７８９零〇一二三四五六七八九十百千两")
"""Characters of a number: a change never cuts one (处~~2~~**1**0万元 reads 处[20→10]万元)."""


def _is_number(ch: str) -> bool:
    return ch in _NUMBER_CHARS


def _number_tail(text: str) -> int:
    """Length of the run of number characters `text` ends with."""
    k = len(text)
    while k and _is_number(text[k - 1]):
        k -= 1
    return len(text) - k


def _number_head(text: str) -> int:
    k = 0
    while k < len(text) and _is_number(text[k]):
        k += 1
    return k


def _whole_numbers(chunks: list[Chunk]) -> list[Chunk]:
    """Widen every change that touches a number to the whole number: the digits of the kept
    text on either side move into the change, then neighbouring changes join."""
    out = list(chunks)
    for i, chunk in enumerate(out):
        if chunk.op == "equal":
            continue
        edge_old, edge_new = chunk.old, chunk.new
        if i > 0 and out[i - 1].op == "equal" and any(_is_number(t[:1]) for t in (edge_old, edge_new) if t):
            k = _number_tail(out[i - 1].old)
            if k:
                kept = out[i - 1].old[:-k]
                moved_old, moved_new = out[i - 1].old[-k:], out[i - 1].new[-k:]
                out[i - 1] = Chunk("equal", kept, out[i - 1].new[:-k])
                chunk = Chunk("replace", moved_old + chunk.old, moved_new + chunk.new)
        if i + 1 < len(out) and out[i + 1].op == "equal" and any(_is_number(t[-1:]) for t in (edge_old, edge_new) if t):
            k = _number_head(out[i + 1].old)
            if k:
                chunk = Chunk("replace", chunk.old + out[i + 1].old[:k], chunk.new + out[i + 1].new[:k])
                out[i + 1] = Chunk("equal", out[i + 1].old[k:], out[i + 1].new[k:])
        out[i] = Chunk(_op(chunk.old, chunk.new), chunk.old, chunk.new)
    return _joined([c for c in out if c.old or c.new])


def _joined(chunks: list[Chunk]) -> list[Chunk]:
    """Neighbouring changes as one."""
    out: list[Chunk] = []
    for chunk in chunks:
        if out and chunk.op != "equal" and out[-1].op != "equal":
            a, b = out[-1].old + chunk.old, out[-1].new + chunk.new
            out[-1] = Chunk(_op(a, b), a, b)
        else:
            out.append(chunk)
    return out


def char_diff(old: str, new: str, *, min_kept: int = MIN_KEPT) -> tuple[Chunk, ...]:
    """Diff two texts character by character into readable chunks.

    Concatenating the `old` sides of the chunks gives `old`, the `new` sides give `new`.

    Example:
        >>> [(c.op, c.old, c.new) for c in char_diff("由区房地产交易中心汇总", "由区不动产登记中心汇总")]
        [('equal', '由区', '由区'), ('replace', '房地产交易', '不动产登记'), ('equal', '中心汇总', '中心汇总')]
    """
    if _fold(old) == _fold(new):
        return (Chunk("equal", old, new),) if old or new else ()
    raw = _raw_chunks(old, new)
    merged: list[Chunk] = []
    for i, chunk in enumerate(raw):
        between_changes = 0 < i < len(raw) - 1
        if chunk.op == "equal" and not (between_changes and len(chunk.old) < min_kept):
            merged.append(chunk)
            continue
        if merged and merged[-1].op != "equal":
            prev = merged[-1]
            a, b = prev.old + chunk.old, prev.new + chunk.new
            merged[-1] = Chunk(_op(a, b), a, b)
        else:
            merged.append(Chunk(_op(chunk.old, chunk.new) if chunk.op == "equal" else chunk.op,
                                chunk.old, chunk.new))
    return tuple(_whole_numbers(merged))
