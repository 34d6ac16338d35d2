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

import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from functools import cache
from math import log
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from extractor.lexicons import load_json, load_rows, read_text


def _import_jieba():  # type: ignore[no-untyped-def]
    """jieba, imported without `pkg_resources` when nothing has imported that yet.

    jieba's `_compat` imports pkg_resources only to open its own data files and opens them
    directly when it is missing; pkg_resources scans every installed distribution, about a
    tenth of a second of every start. The block lasts for the import alone.
    """
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return jieba


jieba = _import_jieba()
Tokenizer = Any  # a jieba.Tokenizer: jieba ships no type information

T = TypeVar("T")
_LOCK = threading.Lock()
_TOKENIZER: Tokenizer | None = None
_NAMED_FREQ = 500  # as frequent as a common compound: enough to stay whole, not to swallow neighbours
# organisation heads and names outweigh the words around them, so 经发局 / 科技厅 / 发改委 stay
# whole and a name's left edge falls on a word boundary the organisation finder can read
_ORG_FREQ = 2000


def user_words() -> Iterator[tuple[str, int | None, str | None]]:
    """The user dictionary as (word, frequency, part of speech) from policykg's resources.

    Example:
        >>> ("牵头单位", 2000, "n") in set(user_words())
        True
    """
    for line in read_text("segmenter_dict.txt").splitlines():
        parts = line.split()
        if parts:
            freq = int(parts[1]) if len(parts) > 1 else None
            yield parts[0], freq, (parts[2] if len(parts) > 2 else None)
    for name in load_json("programme_cues.json")["standard_programmes"]:
        # jieba cannot hold a word with punctuation inside (双随机、一公开); its parts segment fine.
        if name.isalnum():
            yield name, _NAMED_FREQ, "nz"
    # organisation words last: where a word is also a programme, its organisation tag wins
    for row in load_rows("org_suffixes.tsv"):
        yield row[0], _ORG_FREQ, "n"
    for row in load_rows("org_standard_bodies.tsv"):
        for name in [row[0], *(row[2].split("|") if len(row) > 2 and row[2] else ())]:
            yield name, _ORG_FREQ, "nt"
    for row in load_rows("org_abbreviations.tsv"):
        yield row[0], _ORG_FREQ, "nt"


def build_tokenizer() -> Tokenizer:
    """A new jieba tokenizer with policykg's user dictionary (use `tokenizer()` for the shared one)."""
    # jieba logs its dictionary build at DEBUG to stderr; keep CLI output clean.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    built = jieba.Tokenizer()
    built.FREQ, built.total = _cached("prefix-dict", built, _prefix_dict)
    built.initialized = True
    for word, freq, tag in user_words():
        built.add_word(word, freq, tag)
    return built


def tokenizer() -> Tokenizer:
    """policykg's jieba tokenizer with its user dictionary, built on first use.

    Example:
        >>> tokenizer() is tokenizer()
        True
    """
    global _TOKENIZER
    if _TOKENIZER is None:
        with _LOCK:
            if _TOKENIZER is None:
                _TOKENIZER = build_tokenizer()
    return _TOKENIZER


class Tagged(NamedTuple):
    """A word and its part-of-speech flag (jieba's tag set: n, v, ns, nt, eng, m, x …)."""

    word: str
    flag: str


# jieba.posseg's block patterns: runs it segments, and what it tags char by char
_HAN_RUN = "[\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+"
_HAN_BLOCK = re.compile(f"({_HAN_RUN})")
_MARK = re.compile(r"\r\n|[\s\S]")
_HAN_WHOLE = re.compile(_HAN_RUN)
# a Tagged made without the keyword-reading constructor namedtuple gives it: thousands a document
_new_tagged = tuple.__new__


class Tagger:
    """Part-of-speech tagging as jieba.posseg's ``cut(text, HMM=False)`` does it, over our
    tokenizer: the same words, the same flags.

    jieba.posseg cannot be imported without building a global tagger that reads jieba's
    whole word-tag table and loads its HMM models (about half a second of every start);
    this tagger reads the table once into a cache file and needs no HMM.
    """

    def __init__(self, segmenter: Tokenizer, word_tags: dict[str, str]):
        self.tokenizer = segmenter
        self._tags = {**word_tags, **segmenter.user_word_tag_tab}

    def cut(self, text: str) -> Iterator[Tagged]:
        """Tagged words of `text`, in order, covering every character."""
        if _HAN_WHOLE.fullmatch(text):  # most windows are one run of words, with no mark to split off
            return iter(self._cut_block(text))
        return self._cut_pieces(text)

    def _cut_pieces(self, text: str) -> Iterator[Tagged]:
        # The split by jieba's capturing block pattern puts the runs it segments at odd places
        # and the marks between them at even ones. No mark is a letter, a digit or '.' (the
        # block pattern takes those), so jieba tags each mark x, a \r\n as one.
        for at, piece in enumerate(_HAN_BLOCK.split(text)):
            if at % 2:
                yield from self._cut_block(piece)
            elif piece:
                for mark in _MARK.findall(piece):
                    yield _new_tagged(Tagged, (mark, "x"))

    def _word_ends(self, block: str) -> list[int]:
        """Where the word starting at each position of `block` ends on jieba's best path:
        jieba's `get_DAG` and `calc` in one right-to-left pass, with the same scores and
        the same choice on a tie (the longer word), so the same words.

        Speed: jieba builds the word graph as a dict of lists and takes each position's
        best with `max` over a generator of tuples; most positions of a window have one or
        two candidates, and a plain loop over them costs a fraction of that.
        """
        frequency = self.tokenizer.FREQ.get  # None: no word starts so; 0: a prefix of words only
        logtotal = log(self.tokenizer.total)
        n = len(block)
        score = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            best, best_end, end = 0.0, 0, k + 1
            count = alone = frequency(block[k])
            while count is not None:
                if count:
                    here = log(count) - logtotal + score[end]
                    if not best_end or here >= best:
                        best, best_end = here, end
                if end == n:
                    break
                end += 1
                count = frequency(block[k:end])
            if not best_end:  # no word starts here: the character alone
                best, best_end = log(alone or 1) - logtotal + score[k + 1], k + 1
            score[k], ends[k] = best, best_end
        return ends

    def _cut_block(self, block: str) -> list[Tagged]:
        ends, tags = self._word_ends(block), self._tags
        words: list[Tagged] = []
        x, latin = 0, ""
        while x < len(block):
            y = ends[x]
            word = block[x:y]
            if y == x + 1 and word.isascii() and word.isalnum():  # single letters and digits run together
                latin += word
            else:
                if latin:
                    words.append(_new_tagged(Tagged, (latin, "eng")))
                    latin = ""
                words.append(_new_tagged(Tagged, (word, tags.get(word, "x"))))
            x = y
        if latin:
            words.append(_new_tagged(Tagged, (latin, "eng")))
        return words


def _read_word_tags(dictionary: Path) -> dict[str, str]:
    tags = {}
    with dictionary.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def _prefix_dict(dictionary: Path) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary and total frequency, as its own `initialize` builds them."""
    fresh = jieba.Tokenizer(str(dictionary))
    fresh.initialize()
    return fresh.FREQ, fresh.total


def word_tags(segmenter: Tokenizer) -> dict[str, str]:
    """The word -> part-of-speech table of a tokenizer's main dictionary, read once and cached."""
    return _cached("word-tags", segmenter, _read_word_tags)


def _cached(kind: str, segmenter: Tokenizer, build: Callable[[Path], T]) -> T:
    """A table built from a tokenizer's main dictionary, cached (marshal, in the temporary
    folder, keyed by the dictionary's path, size and time).

    Read whole and unmarshalled from bytes: `marshal.load` on a file object (as jieba reads its
    own cache) asks the file for every one of the dictionary's million strings, about three
    times slower than `marshal.loads` of the file's bytes.
    """
    dictionary = Path(segmenter.dictionary or Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME))
    stat = dictionary.stat()
    key = hashlib.sha1(f"{dictionary}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    cache_file = Path(tempfile.gettempdir()) / f"policykg-{kind}-{key}.marshal"
    try:
        return marshal.loads(cache_file.read_bytes())  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = build(dictionary)
    try:  # a cache that cannot be written costs only time
        fd, tmp = tempfile.mkstemp(dir=cache_file.parent, prefix=cache_file.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps(table))  # type: ignore[arg-type]  # built-in types only
        os.replace(tmp, cache_file)
    except OSError:
        pass
    return table


@cache
def tagger() -> Tagger:
    """A part-of-speech tagger over `tokenizer()` (the same instance, not a second one).

    Example:
        >>> tagger().tokenizer is tokenizer()
        True
        >>> list(tagger().cut("区科技局"))[-1]
        Tagged(word='科技局', flag='nt')
    """
    return Tagger(tokenizer(), word_tags(tokenizer()))


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



def opening_words(text: str) -> list[tuple[str, str]] | None:
    """The (word, flag) pairs `Tagger.cut` may read first in `text`: each dictionary word
    that starts it (the first position of the word graph), or its first character alone
    when none does; None when `text` does not open with a Chinese character.

    Speed: the tagger's first word is always one of these, and most windows open with one
    or two, so a caller that needs only the first word can often decide from these few
    look-ups (one candidate, or none that fits) instead of the whole window's best path.

    Example:
        >>> [word for word, _ in opening_words("服务业发展")]
        ['服', '服务', '服务业']
    """
    if not text or not "\u4e00" <= text[0] <= "\u9fd5":
        return None
    tagging = tagger()
    freq, tags = tagging.tokenizer.FREQ, tagging._tags
    last = _HAN_BLOCK.match(text).end()  # type: ignore[union-attr]  # no word runs past the block
    words = []
    for end in range(1, last + 1):
        piece = text[:end]
        count = freq.get(piece)
        if count is None:  # no word starts so (the graph holds every prefix of its words)
            break
        if count:  # a word, not only a prefix of one
            words.append((piece, tags.get(piece, "x")))
    return words or [(text[0], tags.get(text[0], "x"))]


def word_flags() -> dict[str, str]:
    """The tagger's word -> flag table (the main dictionary's, then the user words'): the flag
    `Tagger.cut` gives a word it reads whole ('x' for a word not in it). Read it, never change it.

    Example:
        >>> word_flags()["实施"]
        'v'
    """
    return tagger()._tags


def word_flag(word: str) -> str:
    """The flag the tagger gives a CJK `word` wherever its path takes it whole ("x" for a word
    it does not know): a finder that needs a flag can rule it out without tagging a window.

    Example:
        >>> word_flag("科技局"), word_flag("西安")
        ('nt', 'ns')
    """
    return word_flags().get(word, "x")
