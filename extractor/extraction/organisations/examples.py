"""Bodies named only as examples before a category noun: brand names listed before 等…企业
(隆基、三一等企业), with the category's type (`org_example_categories.tsv`)."""
from __future__ import annotations

import re

from extractor.extraction.organisations.text import tagged
from extractor.extraction.organisations.vocabulary import Lexicon, lexicon

_NAME_PIECE_POS = ("nr", "nz", "ns", "j", "eng", "m", "g")
_OOV_POS = ("nr", "nz", "j", "eng")


def _example_name(item: str, whole: bool) -> tuple[int, str] | None:
    """The proper name at the end of a listed example, or None for a common noun.

    对接下游极氪 -> 极氪, 竞争3M -> 3M; 新能源汽车 is an industry, not a body.
    """
    boundaries = lexicon().boundaries
    tokens = tagged(item)
    keep = 0
    for word, flag in reversed(tokens):
        ok = word not in boundaries and (
            (len(word) == 1 and not flag.startswith(("p", "c", "u", "y", "e", "o", "x")))
            or flag.startswith(_NAME_PIECE_POS) or (len(word) == 2 and flag == "n"))
        if not ok:
            break
        keep += 1
    if keep == 0 or (whole and keep < len(tokens)):
        return None
    kept = tokens[len(tokens) - keep:]
    singles = sum(1 for w, _ in kept if len(w) == 1)
    if singles < 2 and not any(f.startswith(_OOV_POS) or (f == "m" and not w.isdigit()) for w, f in kept):
        return None
    name = "".join(w for w, _ in kept)
    lex = lexicon()
    if any(name.endswith(c) and c not in lex.suffixes for c in lex.example_types):
        return None  # 规上企业、上市企业等…企业: kinds of companies, not their names
    return (len(item) - len(name), name) if 2 <= len(name) <= 8 else None


_CLAUSE_CHUNK = re.compile(r"[^。；，]+")
_CLAUSE_MARKS = "。；，"


def _examples_in(text: str, offset: int, lex: Lexicon) -> list[tuple[int, int, str]]:
    """The named examples of one stretch of text, at `offset`."""
    found = []
    for m in lex.examples_re.finditer(text):
        kind = lex.example_types[m.group(2)]
        pos = offset + m.start(1)
        for k, item in enumerate(m.group(1).split("、")):
            got = _example_name(item, whole=k > 0)
            if got:
                found.append((pos + got[0], pos + len(item), kind))
            pos += len(item) + 1
    return found


def example_mentions(text: str) -> list[tuple[int, int, str]]:
    """Bodies named as examples: 吸引上海协氢、盛世盈创等一批链式企业入驻."""
    lex = lexicon()
    found = []
    done = -1  # the end of the last stretch read
    # no list of examples crosses 。；，: only the stretches between them holding a tail (等…企业)
    # can hold one, and a tail never crosses them either, so the tails found over the whole text
    # name those stretches (a walk over every stretch costs several times more)
    for tail in lex.examples_tail_re.finditer(text):
        if tail.start() < done:
            continue
        start = max(text.rfind(mark, 0, tail.start()) for mark in _CLAUSE_MARKS) + 1
        chunk = _CLAUSE_CHUNK.match(text, start)
        assert chunk is not None  # the tail after `start` is no clause mark: it always matches
        found += _examples_in(chunk.group(0), start, lex)
        done = chunk.end()
    return found


