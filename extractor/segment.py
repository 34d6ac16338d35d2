"""Word segmentation with policykg's own jieba tokenizer.

jieba's module-level functions share one global tokenizer, and any caller's
``jieba.add_word`` leaks into everyone else's segmentation. policykg builds its own
``jieba.Tokenizer`` instead, loads the user dictionary made from its resources
(``resources/segmenter_dict.txt``, the nationwide programmes in ``programme_cues.json``,
the organisation-name heads in ``org_suffixes.tsv``, the standard bodies and their
abbreviations in ``org_standard_bodies.tsv`` and ``org_abbreviations.tsv``), and builds it
lazily, once per process. The organisation finder's part-of-speech tagger wraps this same
instance (``tagger()``), so there is one segmenter in the process.
"""
from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from functools import cache
from importlib import resources

import jieba
import jieba.posseg

_LOCK = threading.Lock()
_TOKENIZER: jieba.Tokenizer | None = None
_NAMED_FREQ = 500  # as frequent as a common compound: enough to stay whole, not to swallow neighbours
# organisation heads and names outweigh the words around them, so 经发局 / 科技厅 / 发改委 stay
# whole and a name's left edge falls on a word boundary the organisation finder can read
_ORG_FREQ = 2000


def _resource(name: str) -> str:
    return resources.files("extractor").joinpath("resources", name).read_text(encoding="utf-8")


def _tsv(name: str) -> Iterator[list[str]]:
    """Rows of a tab-separated resource, without its # comment lines."""
    for line in _resource(name).splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def user_words() -> Iterator[tuple[str, int | None, str | None]]:
    """The user dictionary as (word, frequency, part of speech) from policykg's resources.

    Example:
        >>> ("牵头单位", 2000, "n") in set(user_words())
        True
    """
    for line in _resource("segmenter_dict.txt").splitlines():
        parts = line.split()
        if parts:
            freq = int(parts[1]) if len(parts) > 1 else None
            yield parts[0], freq, (parts[2] if len(parts) > 2 else None)
    for name in json.loads(_resource("programme_cues.json"))["standard_programmes"]:
        # jieba cannot hold a word with punctuation inside (双随机、一公开); its parts segment fine.
        if name.isalnum():
            yield name, _NAMED_FREQ, "nz"
    # organisation words last: where a word is also a programme, its organisation tag wins
    for row in _tsv("org_suffixes.tsv"):
        yield row[0], _ORG_FREQ, "n"
    for row in _tsv("org_standard_bodies.tsv"):
        for name in [row[0], *(row[2].split("|") if len(row) > 2 and row[2] else ())]:
            yield name, _ORG_FREQ, "nt"
    for row in _tsv("org_abbreviations.tsv"):
        yield row[0], _ORG_FREQ, "nt"


def tokenizer() -> jieba.Tokenizer:
    """policykg's jieba tokenizer with its user dictionary, built on first use.

    Example:
        >>> tokenizer() is tokenizer()
        True
    """
    global _TOKENIZER
    if _TOKENIZER is None:
        with _LOCK:
            if _TOKENIZER is None:
                # jieba logs its dictionary build at DEBUG to stderr; keep CLI output clean.
                logging.getLogger("jieba").setLevel(logging.WARNING)
                built = jieba.Tokenizer()
                built.initialize()
                for word, freq, tag in user_words():
                    built.add_word(word, freq, tag)
                _TOKENIZER = built
    return _TOKENIZER


@cache
def tagger() -> jieba.posseg.POSTokenizer:
    """A part-of-speech tagger over `tokenizer()` (the same instance, not a second one).

    Example:
        >>> tagger().tokenizer is tokenizer()
        True
    """
    # jieba.posseg reads its whole word-tag table (350k lines, ~0.6 s) into the global
    # tagger at import; a second POSTokenizer would read it again. Ours takes a copy of
    # that table instead (a copy, because user words are merged into it on first use).
    tagged = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagged.tokenizer = tokenizer()
    tagged.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
    return tagged


def segment(text: str) -> list[str]:
    """Split text into words, the way the finders read them.

    Without jieba's HMM guesses at unknown words: they would join a function word to
    the name after it (由区 of 由区科技局牵头), and a finder's span (区科技局) would no
    longer fall on word boundaries of the spaCy doc.

    Example:
        >>> segment("牵头单位：区科技局")
        ['牵头单位', '：', '区', '科技局']
    """
    return tokenizer().lcut(text, HMM=False)


def segment_spans(text: str) -> list[tuple[str, int, int]]:
    """Words with their ``[start, end)`` offsets in `text`.

    Example:
        >>> segment_spans("不少于5个")
        [('不少于', 0, 3), ('5', 3, 4), ('个', 4, 5)]
    """
    return list(tokenizer().tokenize(text, HMM=False))
