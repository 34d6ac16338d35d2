"""The paragraph view figures are read in: the clean text compacted, with an offset map.

Layout whitespace is dropped and full-width digits folded, a ``\\n`` kept only where a
sentence, heading or short paragraph ends, so a figure broken over a PDF line
(``941.2\\n亿元``) reads as one. Each view character keeps its clean offset: the view is the
shared `View` type, built with the paragraph decisions figures need.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Iterable

from extractor.text.layout import display_width, wrap_width
from extractor.text.numerals import CN_NUMERAL_CHARS
from extractor.text.view import View, ramp

_FOLD = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                       "％": "%", "﹪": "%", "．": ".", "～": "~", "〜": "~", "＋": "+", "／": "/",
                       "＞": ">", "＜": "<", "\t": "|"})
_FOLD_PAIRS = tuple((chr(code), to) for code, to in _FOLD.items())  # no folded form is folded again
_BLANKS = " \r\n\f\v\u3000\xa0\u2002\u2003\u2009"  # a tab is no blank: it stays, folded to a | cell break
_INK = re.compile(f"[^{_BLANKS}][^{_BLANKS}]*")  # not [^…]+: opening with a class, the scan skips to it in C
BULLETS = "●■◆▲►•★☆○◎□◇▪"  # a list item's mark, a break like a heading number
_BULLET = re.compile(f"[{BULLETS}]")
HEADING_START = re.compile(
    r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[（(]\d+[)）]|\d+[.．、](?!\d)"
    r"|\d{1,2}[.．](?=(?:19|20)\d{2}年)"  # 3.2025年县政府…: an item opening with its year
    r"|[①-⑳]|[%s]|第[一二三四五六七八九十百]+[章节条部分])" % BULLETS)
TOP_HEADING = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
_TOP_FIRST = "一二三四五六七八九十（("  # what a `TOP_HEADING` opens with
_DASHES = "-—－–"
_PAGE_NUMBER_LINE = re.compile(rf"^[{_DASHES}\s]*\d{{1,4}}[{_DASHES}\s]*$")
_SENTENCE_PUNCT = "。！？!?；;：:"
_CONTINUES = "、，,（(“《—-－/"  # a line ending so runs on

_FIGURE_START = re.compile(rf"(?!(?:19|20)\d{{2}}(?:年|[-/.]\d{{1,2}}[-/.]\d))[\d%‰.{CN_NUMERAL_CHARS}]|以上|以下|以内|之内|左右|上下")
_FIGURE_ENDS = ("%", "‰", "以上", "以下", "以内", "之内", "左右", "上下")  # a figure ends its line whole


def paragraph_view(clean: str) -> View:
    """Drop layout whitespace, fold full-width digits, keep a ``\\n`` only where a sentence,
    heading or short paragraph ends, so figures and phrases broken over lines read whole.

    Example:
        >>> paragraph_view("2024 年，地区生产总值\\n\\n941.2 亿元").text
        '2024年，地区生产总值941.2亿元'
    """
    lines = _lines(clean)
    width = wrap_width([s for _, _, s in lines])
    # Folding is one for one and keeps whitespace apart, so the view's chunks can be cut
    # from the folded text. A `str.replace` per character present: a regex scan for the
    # class of them, or a translate, reads every character in Python-level steps.
    folded = clean
    for char, to in _FOLD_PAIRS:
        if char in folded:
            folded = folded.replace(char, to)
    table = ramp(len(clean))  # offsets copied in runs from the table (see `ramp`)
    chars: list[str] = []
    offsets = array("q")
    after_heading = False
    previous = ""
    for start, line, stripped in lines:
        if chars and chars[-1] != "\n" and (
            chars[-1][-1] in _SENTENCE_PUNCT or after_heading or HEADING_START.match(stripped)
            or _ends_paragraph(previous, stripped, width)
        ):
            chars.append("\n")
            offsets.append(start)
        inline_heading = False
        for a, b in _ink(line):
            chunk = folded[start + a:start + b]
            if chars and chars[-1][-1].isdigit() and chunk[0].isdigit():
                chars.append("|")  # 3000 4500: two cells, never one number
                offsets.append(start + a - 1)
            elif a and chars and chars[-1] != "\n" and (inline_heading or TOP_HEADING.match(chunk)):
                # flattened web text: a heading set off by spaces (… 一、2023年工作回顾 全年…)
                # stands on a line of its own, as it did on the page
                chars.append("\n")
                offsets.append(start + a - 1)
            inline_heading = a > 0 and bool(TOP_HEADING.match(chunk)) and not any(p in chunk for p in "。；;，")
            chars.append(chunk)
            offsets += table[start + a:start + b]
        after_heading = (stripped[0] in _TOP_FIRST and TOP_HEADING.match(stripped) is not None
                         and not any(p in stripped for p in "。；;"))
        previous = stripped
    return _bullets_on_lines("".join(chars), offsets)


def _lines(clean: str) -> list[tuple[int, str, str]]:
    """(start, line, line stripped) of each line holding more than blanks or a page number."""
    lines = []
    pos = 0
    for line in clean.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        stripped = line.strip()
        # the first character tested before the regex: most lines open with a word
        if stripped and not ((stripped[0] in _DASHES or stripped[0].isdecimal()) and _PAGE_NUMBER_LINE.match(stripped)):
            lines.append((start, line, stripped))
    return lines


def _ink(line: str) -> Iterable[tuple[int, int]]:
    """(start, end) in `line` of each run of `_INK`: the line's text between blanks."""
    core = line.strip(_BLANKS)
    # Most lines are one run: no blank inside (a space, or anything not printable as \u3000
    # and the other blanks are) is found by two str scans, much quicker than the regex's.
    if " " not in core and core.isprintable():
        start = len(line) - len(line.lstrip(_BLANKS))
        return ((start, start + len(core)),) if core else ()
    return [m.span() for m in _INK.finditer(line)]


def _bullets_on_lines(text: str, offsets: array[int]) -> View:
    """Start a line at every list bullet (●…●… run together into one line), as at a heading."""
    # a str scan per bullet costs less than the regex scan of the class, which few texts need
    if not any(bullet in text for bullet in BULLETS):
        return View(text, offsets)  # the usual text: no bullet, nothing to copy
    parts: list[str] = []
    outs = array("q")
    pos = 0
    for m in _BULLET.finditer(text):
        i = m.start()
        if i and text[i - 1] != "\n":
            parts += (text[pos:i], "\n")
            outs += offsets[pos:i]
            outs.append(offsets[i])  # the new break takes the bullet's offset
            pos = i
    parts.append(text[pos:])
    outs += offsets[pos:]
    return View("".join(parts), outs)


def _ends_paragraph(line: str, nxt: str, width: int | None) -> bool:
    """Whether a line with no closing punctuation still ends its paragraph: a list item, title
    or cell shorter than the wrap width, not cut inside a clause or a figure (…突破 / 500亿元)."""
    if not line or line[-1] in _CONTINUES or line[-1].isdigit():
        return False
    if _FIGURE_START.match(nxt) and not line.endswith(_FIGURE_ENDS):
        return False
    return width is None or display_width(line) < 0.8 * width

