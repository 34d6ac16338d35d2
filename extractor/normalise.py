"""Normalise: repair text extracted from PDFs and web pages, keeping a map to the source.

The repair is a chain of small named steps (`STEPS`), each a function `Tracked -> Tracked`:
a string plus, for every character, the offset of the source character it came from.
Steps only delete characters or replace them one for one (a folded form, or whitespace
for whitespace), so every clean character maps to one source character. The chain is
applied until the text no longer changes, which makes normalising idempotent.

    fold_characters -> drop_page_furniture -> join_broken_lines -> close_digit_spaces
    -> collapse_spaces -> strip_edges

Text from web pages and Word files (`HARD_BREAK_FORMATS`) has one line per paragraph, so
none of its line breaks is a wrap; text from PDFs and pasted text is wrapped at the margin.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, partial
from itertools import accumulate, chain, compress, count

from extractor.lexicons import load_json
from extractor.model import CleanText, RawDocument
from extractor.structure.dates import DATE
from extractor.structure.lexicon import lexicon
from extractor.structure.markers import FIRST_CHARS as _MARKER_FIRST, marker_at
from extractor.text.layout import Layout, display_widths
from extractor.text.layout import layout as text_layout
from extractor.text.view import ramp


@dataclass(frozen=True)
class Tracked:
    """Text with the source offset of each character; `offsets[len(text)]` is the source length."""

    text: str
    offsets: array[int]  # of int64: a step copies runs of it in C, no int object each

    @classmethod
    def of(cls, text: str) -> Tracked:
        """Untouched source text: character i comes from offset i."""
        return cls(text, ramp(len(text) + 1)[:len(text) + 1])


Step = Callable[[Tracked], Tracked]


_FOLD_DATA = load_json("normalise_fold.json")


def _load_fold(data: dict) -> tuple[dict[int, str], str, re.Pattern[str], re.Pattern[str], frozenset[str]]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if chr(code) not in data["keep"]}
    table.update({ord(k): v for k, v in data["map"].items()})
    marks = re.compile(r"\s*(?:" + "|".join(data["margin_marks"]) + r")\s*")
    labels = re.compile(r"(?:" + "|".join(map(re.escape, data["field_labels"])) + r")\s*[：:]")
    return table, "".join(data["delete"]), marks, labels, frozenset(w[0] for w in data["field_labels"])


FOLD, _INVISIBLE_CHARS, _MARGIN_MARK, _FIELD_LABEL, _LABEL_FIRST = _load_fold(_FOLD_DATA)
"""Character -> folded character (one for one); the invisible characters dropped; the
GB/T 9704 marks printed in the margin of a page (类别：A, 特急), as a whole line; the
labels that open a field line of the header or the closing block (抄送：, 校对：), and their
first characters (a set look-up spares most lines the regex of all labels)."""
_INVISIBLE = re.compile("[" + _INVISIBLE_CHARS + "]")
# A mark beside a Chinese character or mark (“八八战略”,): its side tells. A bracket pair is
# widened whole, when it holds a Chinese character or follows one ((2023—2027年), 市(2023)),
# never one bracket of a pair alone.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_CHINESE_SIDE = _HAN + "“”‘’《》〈〉「」『』〔〕【】、。，：；"
_MARKS = re.escape("".join(c for c in _FOLD_DATA["widen"] if c not in "()"))
# (led by the marks: the scan skips in C to each one, where a leading look-behind would try every character)
_HALF_WIDTH = re.compile(rf"[{_MARKS}](?:(?=[{_CHINESE_SIDE}])|(?<=[{_CHINESE_SIDE}][{_MARKS}]))")
_BRACKETS = re.compile(rf"\((?:(?<=[{_HAN}]\()[^()\n]{{0,80}}|(?=[^()\n]{{0,80}}\))[^()\n]*?[{_HAN}][^()\n]*)\)")
WIDEN = {ord(c): chr(ord(c) + 0xFEE0) for c in _FOLD_DATA["widen"]}
"""ASCII mark -> the full-width mark Chinese text writes, beside Chinese (`widen_punctuation`)."""
_FOLDABLE = re.compile("[{0}][{0}]*".format("".join(map(re.escape, map(chr, FOLD)))))
"""Runs of characters `FOLD` changes: only these are translated, as translating a whole text
through a table costs more than finding the few characters to fold. Written [x][x]*, not [x]+:
a pattern opening with a character class is scanned for it in C; a repeat is tried at every
character."""

HARD_BREAK_FORMATS = frozenset({"html", "docx", "doc", "wps", "docm", "odt", "rtf"})  # all but html read as .docx
"""Formats whose ingest writes one line per paragraph: every line break there is real."""

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_CRLF = re.compile(r"\r(?=\n)")
# Starting each branch with the space lets the search skip to spaces; the lookbehind then
# checks the character before that first space.
_DIGIT_SPACE = re.compile(rf"[ ](?<=[{_CJK}][ ])[ ]*(?=\d)|[ ](?<=\d[ ])[ ]*(?=[{_CJK}])")
_MULTI_SPACE = re.compile(r"  +")  # a literal start: the scan skips quickly to two spaces
_DASHES = "-—–－−_~·•"
_PAGE_MARK = re.compile(
    rf"[{_DASHES}\s]*(?:第\s*\d{{1,4}}\s*页(?:\s*[,，/]?\s*共\s*\d{{1,4}}\s*页)?"
    rf"|[Pp]age\s*\d{{1,4}}(?:\s*(?:of|/)\s*\d{{1,4}})?)[{_DASHES}\s]*"
    rf"|[{_DASHES}]+\s*\d{{1,4}}\s*[{_DASHES}]+"
)
_URL_LINE = re.compile(r"(?:https?://|www\.)\S+")
_BARE_NUMBER = re.compile(r"\d{1,4}")
_FURNITURE_LIKE = re.compile(
    rf"\s*(?:{_PAGE_MARK.pattern}|{_URL_LINE.pattern}|{_BARE_NUMBER.pattern})\s*|{_MARGIN_MARK.pattern}")
"""A line `_is_furniture` or `_interrupts_sentence` may drop: the one test most lines fail."""

TERMINAL = "。！？；：!?;:…⋯"
"""A line ending in one of these ends a sentence: the break after it is kept."""
CLOSERS = "”’」』】》）)\"'"
NO_LINE_START = "，。、；：！？）》”’」』】%,.;:!?)…⋯"
"""Typesetting never starts a line with these: a break before one is a broken line."""
CLAUSE_MARKS = "，。；、,;"
"""Marks that show a line is running prose rather than a title or a label."""
# A tail holds at most 11 characters: searched for from there (`search(line, len(line) - 11)`).
_CLAUSE_TAIL = re.compile(rf"[{CLAUSE_MARKS}][^{CLAUSE_MARKS}]{{1,10}}$")
_SENTENCE_INSIDE = re.compile(r"[。；：！？;:!?][^。；：！？;:!?]+$")
_WORD_INTO_CLAUSE = re.compile(rf"[{CLAUSE_MARKS}][^{CLAUSE_MARKS}]{{1,2}}$")
CONTINUES = "，、（《“‘—-/～~+·([【"
"""A line ending in one of these goes on in the next line."""


def _splice(t: Tracked, edits: Iterable[tuple[int, int, str]]) -> Tracked:
    """Replace sorted, disjoint ranges, each by a text other than its own; replacement char k
    takes the offset of range char k."""
    text, source = t.text, t.offsets  # locals: a long document makes thousands of edits
    edits = edits if isinstance(edits, list) else list(edits)
    if not edits:
        return t
    parts: list[str] = []
    offsets = array("q")
    pos = 0
    for start, end, replacement in edits:
        parts.append(text[pos:start])
        parts.append(replacement)
        offsets += source[pos:start + len(replacement)]  # the kept run, then the replaced chars
        pos = end
    parts.append(text[pos:])
    offsets += source[pos:]
    return Tracked("".join(parts), offsets)


def _sub(t: Tracked, pattern: re.Pattern[str], replacement: str = "") -> Tracked:
    return _splice(t, ((m.start(), m.end(), replacement) for m in pattern.finditer(t.text)))


def _is_word_char(char: str) -> bool:
    return char.isalnum()  # true for CJK ideographs, letters and digits


_SCRIPT_SAMPLE = 4000  # a reprint is in one script throughout: its opening tells
_PINYIN_GLOSS = re.compile(r"\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")


@cache
def _traditional_marks() -> re.Pattern[str]:
    return re.compile("[" + _FOLD_DATA["traditional_marks"] + "]")  # (the file is read once, at import)


@cache
def _to_simplified() -> Callable[[str], str]:
    import opencc  # loaded for a traditional reprint only (its dictionaries take ~40 ms)

    return opencc.OpenCC("t2s").convert


def simplify_script(t: Tracked) -> Tracked:
    """A page reprinted in the traditional script (國務院辦公廳關於…的通知, as HK and TW mirrors
    and converted reposts carry it) read in simplified characters, the script of every lexicon.

    Character for character, so every offset holds: OpenCC converts by phrase (乾淨 -> 干净,
    乾隆 stays), and a line whose phrases would change its length is converted one character at
    a time. Simplified text, with at most a name in the old script (澳門), is left as it is.
    """
    sample = t.text[:_SCRIPT_SAMPLE]
    marks = len(_traditional_marks().findall(sample))
    if marks < 5 or marks * 50 < len(sample):
        return t
    convert = _to_simplified()
    lines = t.text.split("\n")
    simplified = []
    for line in lines:
        converted = convert(line)
        simplified.append(converted if len(converted) == len(line) else "".join(map(convert, line)))
    return Tracked("\n".join(simplified), t.offsets)


def drop_pinyin_glosses(t: Tracked) -> Tracked:
    """Drop the pinyin some mirror sites print after characters (鄉(xiāng)協(xié)調(diào)): it splits
    every word it touches."""
    if "(" not in t.text:
        return t
    text = t.text
    return _splice(t, ((m.start(), m.end(), "") for m in _PINYIN_GLOSS.finditer(text)
                       if m.start() and "\u3400" <= text[m.start() - 1] <= "\u9fff"))


def fold_characters(t: Tracked) -> Tracked:
    """Fold full-width ASCII letters, digits and symbols and odd spaces; drop invisible marks."""
    # A str scan per invisible character costs less than the regex scan, which few texts need.
    if any(char in t.text for char in _INVISIBLE_CHARS):
        t = _sub(t, _INVISIBLE)
    t = _sub(t, _CRLF)
    folded = _FOLDABLE.sub(_fold_run, t.text)  # one scan: no search first for whether to
    return t if folded == t.text else Tracked(folded, t.offsets)


def widen_punctuation(t: Tracked) -> Tracked:
    """ASCII punctuation inside Chinese text (a page written with half-width marks:
    各镇、乡人民政府,各街道办事处:) as the full-width marks Chinese text writes, one for one.

    Example:
        >>> widen_punctuation(Tracked.of("各街道办事处,市政府各部门:(2023年) 11:14")).text
        '各街道办事处，市政府各部门：（2023年） 11:14'
    """
    text = t.text
    if "(" in text:
        text = _BRACKETS.sub(_widen_brackets, text)
    widened = _HALF_WIDTH.sub(_widen, text)
    return t if widened == t.text else Tracked(widened, t.offsets)


def _widen(mark: re.Match[str]) -> str:
    return mark.group().translate(WIDEN)


def _widen_brackets(pair: re.Match[str]) -> str:
    return f"（{pair.group()[1:-1]}）"


def _fold_run(run: re.Match[str]) -> str:
    return run.group().translate(FOLD)


def _pieces(text: str) -> list[str]:
    """The lines of a text, which end at a newline or a page break."""
    return (text.replace("\f", "\n") if "\f" in text else text).split("\n")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line (`_pieces`)."""
    # str.split and running sums: a regex scan for the breaks costs about twice as much
    pieces = _pieces(text)
    starts = [0, *accumulate(len(piece) + 1 for piece in pieces)]
    return [(start, start + len(piece)) for start, piece in zip(starts, pieces)]


def _running_lines(text: str) -> set[int]:
    """Starts of header/footer lines: the same text at the edge of at least half the pages."""
    if text.count("\f") < 2:
        return set()  # fewer than three pages (each page break ends a line and starts a page)
    pages: list[list[tuple[int, int]]] = [[]]
    for start, end in _lines(text):
        if text[start:end].strip():
            pages[-1].append((start, end))
        if end < len(text) and text[end] == "\f":
            pages.append([])
    edges: dict[str, list[int]] = {}
    for page in pages:
        for start, end in {page[0], page[-1]} if page else ():
            key = re.sub(r"\d+", "#", text[start:end].strip())
            edges.setdefault(key, []).append(start)
    return {start for key, starts in edges.items()
            if len(key) <= 40 and len(starts) >= max(3, len(pages) // 2) for start in starts}


def _is_furniture(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    if _PAGE_MARK.fullmatch(line) or _URL_LINE.fullmatch(line):
        return True
    if not _BARE_NUMBER.fullmatch(line):
        return False
    # what stands before the line, spaces and tabs skipped: read in place, as copying the text
    # before every number line would cost a long table's worth of copies
    i = start
    while i and text[i - 1] in " \t":
        i -= 1
    after = text[end:end + 1]
    # A page number stands at a page edge, or (text pasted from PDFs) after two blank lines;
    # a number alone after a single break is a table's row number.
    return (text[i - 1:i] == "\f" or after == "\f" or text[max(0, i - 3):i] == "\n\n\n"
            or ("\f" in text and (i == 0 or end == len(text))))


def _interrupts_sentence(text: str, pieces: list[str], i: int, start: int, end: int) -> bool:
    """Whether line `i` of `pieces` ([`start`, `end`) in `text`) is a margin mark standing between two halves of one broken sentence.

    Typeset replies to deputies print 类别：A in the page margin; text extracted from the
    PDF puts it on a line of its own wherever the page's first line falls, so the words on
    either side of it (企业主 | 体，推进…) belong together and the mark is no part of the prose.
    """
    if not _MARGIN_MARK.fullmatch(text, start, end):
        return False
    before = next((piece.strip() for piece in reversed(pieces[:i]) if piece.strip()), "")
    after = next((piece.strip() for piece in pieces[i + 1:] if piece.strip()), "")
    if not before or not after or marker_at(after):
        return False
    return (before[-1] not in TERMINAL + CLOSERS and _is_word_char(before[-1])
            and (_is_word_char(after[0]) or after[0] in NO_LINE_START))


def drop_page_furniture(t: Tracked) -> Tracked:
    """Drop page numbers (— 9 —, - 9 -, 第9页), running headers/footers, stray URL lines and
    margin marks (类别：A) that fell inside a broken sentence."""
    text = t.text
    pieces = _pieces(text)  # the lines as strings: no list of spans built for the few tested further
    running = _running_lines(text)
    # Only the lines `_FURNITURE_LIKE` fits are looked at, found by `map` and `compress` in C:
    # a Python step per line cost more than the rest of the step.
    suspects = range(len(pieces)) if running else compress(count(), map(_FURNITURE_LIKE.fullmatch, pieces))
    before = [0, *accumulate(map(len, pieces))]  # line i starts at before[i] + i (one break per line before it)
    edits = []
    for i in suspects:
        start = before[i] + i
        end = start + len(pieces[i])
        if start == end or not (start in running or (
                _FURNITURE_LIKE.fullmatch(text, start, end)  # one cheap test rejects a line of prose
                and (_is_furniture(text, start, end) or _interrupts_sentence(text, pieces, i, start, end)))):
            continue
        # Take one adjacent newline with the line so the breaks around it read as one.
        if start > 0 and text[start - 1] == "\n":
            start -= 1
        elif end < len(text) and text[end] == "\n":
            end += 1
        edits.append((start, end, ""))
    return _splice(t, _merge(edits)) if edits else t


def _merge(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for start, end, rep in edits:
        if merged and start < merged[-1][1]:
            start = merged[-1][1]
        if end > start:  # a line inside the one before it is gone already
            merged.append((start, end, rep))
    return merged


def _keeps_break(prev: str, nxt: str, brk: str, layout: Layout, width: int) -> bool:
    """Whether the break `brk` between lines `prev` (`width` columns wide) and `nxt` ends a paragraph."""
    if brk != "\n" and brk.count("\n") >= 2 and "\f" not in brk and not layout.blank_is_soft:
        return True
    last = prev.rstrip(CLOSERS)[-1:] or prev[-1]
    if last in TERMINAL and nxt[0] not in NO_LINE_START:
        return True  # decided before the marker and label tests, which cost more and also keep it
    # a set look-up of the first character before `marker_at`: most lines open no marker
    if (((nxt[0] in _MARKER_FIRST or nxt[0].isdecimal()) and marker_at(nxt))
            or (nxt[0] in _LABEL_FIRST and _FIELD_LABEL.match(nxt) and prev[-1] not in CONTINUES)):
        return True
    if last in TERMINAL:
        return False  # the next line starts with a mark no line may start with
    if nxt[0] in NO_LINE_START or prev[-1] in CONTINUES:
        return False
    if (prev[0] in _MARKER_FIRST or prev[0].isdecimal()) and marker_at(prev):
        # Headings and item lead-ins end short of the margin; a wrapped one reaches it. An
        # item near the margin that runs as prose (a sentence ends inside the line and the
        # next one stops unfinished, or it stops a word into a clause) is wrapped too: pages
        # set narrower than the text's usual width and squeezed punctuation hide the margin.
        # A heading holds no full stop and ends its last clause, however long the line.
        if layout.width is None:
            return True
        runs_on = (layout.full is not None and width >= layout.full and _is_word_char(prev[-1])
                   and (_SENTENCE_INSIDE.search(prev) is not None
                        or _WORD_INTO_CLAUSE.search(prev, len(prev) - 3) is not None))
        return width < layout.width - 4 and not runs_on
    if layout.full is not None and width >= layout.full:
        return False  # a full line is wrapped (decided before the clause test, which costs more)
    # Printed prose ends a paragraph with punctuation; a line that stops a few words into
    # a new clause is wrapped (also around a picture, where lines are short).
    return not (layout.width is not None and _is_word_char(prev[-1]) and _CLAUSE_TAIL.search(prev, len(prev) - 11))


_NEWLINE_RUN = re.compile(r"\n\s*")  # a literal first character: the scan skips to each newline in C


def _breaks(text: str) -> list[tuple[int, int]]:
    """Spans of the whitespace runs that hold a line or page break (``\\s*[\\n\\f]\\s*``, longest).

    A newline and the whitespace after it are one regex match (the scan skips to newlines, where
    a scan for ``\\s`` tries every character); the whitespace ending the line before, which most
    lines have none of, is read back from there.
    """
    if "\f" in text:
        text = text.replace("\f", "\n")
    spans = []
    end = 0  # where the last run ended: the run before a newline starts after it
    for m in _NEWLINE_RUN.finditer(text):
        start, stop = m.span()
        while start > end and text[start - 1].isspace():
            start -= 1
        spans.append((start, stop))
        end = stop
    return spans


def join_broken_lines(t: Tracked, *, hard_breaks: bool = False) -> Tracked:
    """Join lines broken inside a sentence; keep paragraph and heading breaks as one newline.

    A break is a wrap when the line before it is full (as wide as the text's wrap width) or
    ends in a comma-like mark, or the next line starts with a mark no line may start with;
    it ends a paragraph after 。；：！？, before a heading marker, or after a short line.
    Page breaks count as line breaks, so a sentence running over a page is joined.
    With `hard_breaks` (one line per paragraph, as web pages and Word files give them)
    every break ends a paragraph.
    """
    text = t.text
    spans = _breaks(text)
    breaks = [text[start:end] for start, end in spans]
    bounds = [0, *chain.from_iterable(spans), len(text)]
    lines = [text[start:end] for start, end in zip(bounds[::2], bounds[1::2])]
    widths = [] if hard_breaks else display_widths(lines)
    layout = text_layout(breaks, widths)
    edits = []
    for i, brk in enumerate(breaks):
        prev, nxt = lines[i], lines[i + 1]
        if not prev or not nxt:
            replacement = ""
        elif (hard_breaks or (prev[-1] in TERMINAL and nxt[0] not in NO_LINE_START)  # most paragraph ends, decided
              or _keeps_break(prev, nxt, brk, layout, widths[i])):                  # as `_keeps_break` would
            replacement = "\n"
        elif prev[-1].isascii() and prev[-1].isalnum() and nxt[0].isascii() and nxt[0].isalnum():
            replacement = " "
        else:
            replacement = ""
        if replacement != brk:  # most kept breaks are one newline already
            edits.append((*spans[i], replacement))
    return _splice(t, edits)


# Compiled on first use, not at import: a CJK class costs ~1-3 ms to compile and many
# documents never reach this pattern, so starting the CLI stays quick.
@cache
def _name_line() -> re.Pattern[str]:
    return re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff（）()]+")


def _names_date(text: str, space: re.Match[str]) -> bool:
    """Whether a space separates a body's name (the whole line so far) from the date after it.

    A masthead or 落款 sets the date beside the name (西咸新区研究院 2022 年 5 月 7 日); closing
    the space would glue the two into one word.
    """
    if not DATE.match(text, space.end()):
        return False
    line = text[text.rfind("\n", 0, space.start()) + 1:space.start()].strip()
    return (2 <= len(line) <= 40 and _name_line().fullmatch(line) is not None
            and line.endswith(lexicon().org_suffixes))


def close_digit_spaces(t: Tracked) -> Tracked:
    """Close spaces between CJK and digits: "2024 年" -> "2024年", "第 212 号" -> "第212号".

    The space between a body's name and a date set beside it stays (see `_names_date`).
    """
    text = t.text
    return _splice(t, ((m.start(), m.end(), "") for m in _DIGIT_SPACE.finditer(text)
                       if not _names_date(text, m)))


def collapse_spaces(t: Tracked) -> Tracked:
    """Collapse runs of spaces to one."""
    return _splice(t, ((m.start() + 1, m.end(), "") for m in _MULTI_SPACE.finditer(t.text)))


def strip_edges(t: Tracked) -> Tracked:
    """Drop whitespace at the start and end of the text."""
    text = t.text
    start = len(text) - len(text.lstrip())
    end = max(start, len(text.rstrip()))
    return _splice(t, [(a, b, "") for a, b in ((0, start), (end, len(text))) if b > a])


STEPS: tuple[Step, ...] = (
    fold_characters,
    widen_punctuation,
    drop_page_furniture,
    join_broken_lines,
    close_digit_spaces,
    collapse_spaces,
    strip_edges,
)

_MAX_PASSES = 6
_FOLD_IS_FINAL = FOLD.get(ord("\r")) == "\n" and not any(
    ord(char) in FOLD or _INVISIBLE.match(char) for char in ("".join(FOLD.values()) + " \n"))
"""Whether folded text gives `fold_characters` nothing more to do, however the later steps cut it:
it holds no invisible mark, no \\r (a CRLF loses it, any other is folded to \\n) and no
character to fold, as no folded character nor the space and newline the steps write is one."""


def repair(text: str, *, hard_breaks: bool = False) -> Tracked:
    """Apply the chain of steps until the text is stable; `hard_breaks`: every line is a paragraph.

    Example:
        >>> repair("一、发展目标\\n— 9 —\\n到 2026年，高新技术企业数量达到 4000家。").text
        '一、发展目标\\n到2026年，高新技术企业数量达到4000家。'
    """
    steps = STEPS if not hard_breaks else tuple(
        partial(join_broken_lines, hard_breaks=True) if step is join_broken_lines else step for step in STEPS)
    tracked = simplify_script(drop_pinyin_glosses(Tracked.of(text)))  # once: no later step undoes them
    for _ in range(_MAX_PASSES):
        before = tracked.text
        for step in steps:
            tracked = step(tracked)
        if tracked.text == before:
            break
        if _FOLD_IS_FINAL:  # the checking passes: nothing is left to fold (see `_FOLD_IS_FINAL`)
            steps = tuple(step for step in steps if step is not fold_characters)
    return tracked


def normalise_text(text: str, *, page_starts: tuple[int, ...] = (0,), hard_breaks: bool = False) -> CleanText:
    """Repair a source text into a `CleanText` whose offsets point into `text`."""
    tracked = repair(text, hard_breaks=hard_breaks)
    return CleanText(text=tracked.text, offsets=tracked.offsets, page_starts=page_starts)


def normalise(raw: RawDocument) -> CleanText:
    """Repair an ingested document's text.

    Example:
        >>> normalise(load("corpus/seeds/004_36e5cd320c0db03f.txt")).text[:8]  # doctest: +SKIP
        '为深入学习贯彻习近'
    """
    return normalise_text(raw.text, page_starts=raw.page_starts(),
                          hard_breaks=raw.format in HARD_BREAK_FORMATS)
