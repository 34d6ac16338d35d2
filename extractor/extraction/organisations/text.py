"""The finder's view of a text: lines joined (a PDF breaks lines inside names), a map back to
the clean text, tagged windows, and where words and names can begin and end."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from extractor import text as text_layer
from extractor.extraction.organisations.vocabulary import inner_heads, lexicon, titles
from extractor.memo import text_memo
from extractor.model import Span
from extractor.segment import Tagged, tagger
from extractor.structure.markers import PAREN_ITEM
from extractor.text import View

# one name character; a foreign name keeps its middle dot (约翰·霍普金斯大学)
NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
NAME_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]+")
MAX_NAME = 30
# levels in ASCII brackets, as web text writes them (县(市)人民政府, 各县(市、区)): part of the
# name; any other ASCII bracket (a note, 市发改委牵头) ends it
_ASCII_LEVELS = re.compile(r"\([省市区县旗州盟乡镇、]{1,8}\)")


def compact(text: str | View) -> View:
    """Line breaks taken out, other whitespace kept as one separator (see `extractor.text`).

    A `View` is read as it is: `extract` builds the document's view once (`Analysed.spaced`)
    and the organisation, owner and place finders all read it.
    """
    return text if isinstance(text, View) else text_layer.view(text, spaces="one")


def overlapping(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) of the longest word of an alternation at every offset it matches, in order.

    A plain search (the regex engine skips ahead on the words' first characters) and a
    match at each offset inside what it found: several times faster than a lookahead
    at every offset, same result.
    """
    for m in pattern.finditer(text):
        yield m.start(), m.group(0)
        for pos in range(m.start() + 1, m.end()):
            inner = pattern.match(text, pos)
            if inner:
                yield pos, inner.group(0)


def head_offsets(text: str) -> list[tuple[int, str]]:
    """`overlapping(lexicon().head_re, text)`: the longest head at every offset, in order.

    Speed: the heads inside a head found (局 of 科技局, 委 of 管委会) come from a table
    (`inner_heads`); only where a longer head could run on past it is the text matched again.
    """
    pattern = lexicon().head_re
    inner = inner_heads()
    found = []
    for m in pattern.finditer(text):
        at, head = m.start(), m.group(0)
        found.append((at, head))
        for offset, known in inner[head]:
            if known is None:
                longer = pattern.match(text, at + offset)
                if longer:
                    found.append((at + offset, longer.group(0)))
            else:
                found.append((at + offset, known))
    return found


def excluded(text: str, start: int, end: int) -> bool:
    """True when the head at [start, end) sits inside a word that holds a head but names no
    body (布局, 干部; `org_exclusions.txt`).

    Read at the head only: such a word holds the head at a known offset, so it starts that far
    before the head (a scan of the whole text for these words costs more; so does a pattern of
    them matched there, several times a few slices looked up in a set).
    """
    found = lexicon().exclusions.get(text[start:end])
    if found is None:
        return False
    whole, before, after, groups = found
    if whole:
        return True
    if not ((start and text[start - 1] in before) or (end < len(text) and text[end] in after)):
        return False  # no such word has the characters beside the head
    for offset, lengths, words in groups:
        at = start - offset
        if at >= 0:
            for n in lengths:
                if text[at:at + n] in words:
                    return True
    return False



@text_memo(1 << 14)
def tagged(segment: str) -> tuple[Tagged, ...]:
    """The tagger's (word, flag) pairs for a short stretch of text. Cached: the same
    windows recur (a department named twenty times, 牵头单位 lists), and tagging is
    most of the finder's time."""
    return tuple(tagger().cut(segment))


# characters the tagger keeps inside one block (jieba's re_han), and a space (委 员)
_WORD_CHAR = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._ ]")


def ends_word(text: str, end: int) -> bool:
    """Whether a word ends at `end` (管理处 of 治安管理处罚 does not; 科技局 of 科技局局长 does)."""
    if not _WORD_CHAR.match(text, end):  # the tagger cuts words at punctuation anyway
        return True
    at = end + (text[end:end + 1] == "副")
    # every title is two characters ending in 长: most heads need no look at the titles
    if text[at + 1:at + 2] == "长" and text.startswith(titles(), at):  # 教育部副部长
        return True
    lo = max(0, end - 3)
    pos = lo
    after = text[end:end + 3]
    if after.startswith(" "):  # 委 员: a space set inside a word to align a column
        after = after[1:]
    if not word_across(text[lo:end], after):
        return True  # no word the tagger could choose spans the end: it cuts there
    for word, _ in tagged(text[lo:end] + after):
        pos += len(word)
        if pos >= end:
            return pos == end
    return True


def word_across(before: str, after: str) -> bool:
    """Whether a dictionary word could span the cut between `before` and `after`, as the
    tagger's word graph would hold it (a Latin letter or digit on either side may glue to
    the other: say yes). When not, the tagger cuts `before + after` there.

    Speed: most heads end a word no dictionary word runs past (科技局|牵头), and a few
    look-ups decide that where tagging the window costs a word graph and its best path;
    the tagger's path only uses words of that graph, so with none across, it cuts there.

    Example:
        >>> word_across("区科技局", "牵头"), word_across("治安管理", "处罚")
        (False, True)
    """
    if not before or not after or before[-1] < "\u2e80" or after[0] < "\u2e80":
        return True
    freq = tagger().tokenizer.FREQ
    for i in range(len(before)):
        piece = before[i:]
        for ch in after:
            piece += ch
            found = freq.get(piece)
            if found is None:  # no word starts so (the graph holds every prefix of its words)
                break
            if found:
                return True
    return False


# up to the last character that is no name character before a match's `endpos` (`.*` runs to
# the end, then steps back over the name characters only: one short match, not a search)
_LAST_NON_NAME = re.compile(r"(?s:.*)[^\u4e00-\u9fffA-Za-z0-9·]")


def window_start(text: str, start: int, floor: int) -> int:
    """Leftmost offset a name ending at `start` can reach: name characters, paired brackets."""
    bound = max(floor, start - MAX_NAME)
    i = start
    while i > bound:
        # a run of name characters at once (one regex match instead of a step per character)
        last = _LAST_NON_NAME.match(text, bound, i)
        i = last.end() if last else bound
        if i <= bound:
            break
        ch = text[i - 1]
        if ch == "）":
            open_at = text.rfind("（", max(floor, i - 14), i - 1)
            if open_at < 0 or PAREN_ITEM.fullmatch(text, open_at, i):
                break  # （一） is an item's marker: a name starts after it, never before
            i = open_at
            continue
        if ch == ")":
            open_at = text.rfind("(", max(floor, i - 10), i - 1)
            if open_at < 0 or not _ASCII_LEVELS.fullmatch(text, open_at, i):
                break
            i = open_at
            continue
        break  # any other character that is no name character
    return i

