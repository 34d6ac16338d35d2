"""Word .docx: paragraphs with their list numbers, and tables, in document order.

Paragraphs are separated by a blank line (they are known paragraphs, unlike PDF lines),
table rows by a line break with cells split by tabs.

Word stores automatic numbering ("一、", "（1）", "1.") as list definitions, not text, so
the reader renders each numbered paragraph's marker from `numbering.xml`; without it the
structure stage would lose the heading hierarchy. Hard page breaks split pages.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from extractor.errors import IngestError
from extractor.ingest.common import MAX_UNPACKED_BYTES, Content, clean_page
from extractor.model import Table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LEVEL_REF = re.compile(r"%([1-9])")
_CJK_END = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]$")
_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def read(data: bytes, *, path: str) -> Content:
    """Read a .docx package into pages of text and tables.

    Raises:
        IngestError: the bytes are not a readable .docx package, or it holds no text.
    """
    if data.startswith(_OLE_MAGIC):
        raise IngestError("an old Word .doc file or a password-protected .docx", path=path,
                          hint="open it in Word or LibreOffice and save it as .docx without a password")
    if not data.startswith(b"PK"):
        raise IngestError("not a .docx file (not a ZIP package)", path=path,
                          hint="check the file is a Word .docx document")
    try:
        _check_unpacked_size(data, path)
        return _read(data, path)
    except IngestError:
        raise
    except MemoryError:
        raise
    except Exception as err:  # python-docx, zipfile and lxml raise many types on damaged packages
        raise IngestError(f"cannot read the .docx file ({_damage(err)})", path=path,
                          hint="open it in Word or LibreOffice and save it again") from err


def _check_unpacked_size(data: bytes, path: str) -> None:
    """Refuse a package whose parts unpack past the cap, before anything is decompressed.

    zipfile never returns more than a member's declared size, so the declared sizes bound
    what parsing could unpack.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        unpacked = sum(info.file_size for info in package.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise IngestError(f"unpacks to {unpacked >> 20} MB, past the {MAX_UNPACKED_BYTES >> 20} MB limit",
                          path=path, hint="a zip bomb or a file padded with media; save the text as a new .docx")


def _damage(err: Exception) -> str:
    """What is wrong with the package, in our words rather than zipfile's or lxml's."""
    if isinstance(err, KeyError):
        return "a part the document needs is missing from the package"
    if isinstance(err, zipfile.BadZipFile):
        return "the ZIP package is damaged"
    if type(err).__module__.startswith("lxml"):
        return "the XML inside the package is damaged or too deeply nested"
    return f"{type(err).__name__}: {err}"


def _read(data: bytes, path: str) -> Content:
    import docx
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    levels, nums = _numbering(document)
    counters: dict[str, list[int | None]] = {}
    started: set[tuple[str, int]] = set()
    pages: list[list[str]] = [[]]
    tables: list[Table] = []
    for element in _blocks(document.element.body):
        if element.tag == f"{_W}tbl":
            rows, shown = _table_rows(element, document)
            if rows:
                tables.append(Table(page=len(pages), rows=rows))
                pages[-1].append("\n".join("\t".join(cell.replace("\n", " ") for cell in row) for row in shown))
            continue
        paragraph = Paragraph(element, document)
        marker = _marker(element, paragraph, levels, nums, counters, started)
        text = paragraph.text.strip()
        if text:
            pages[-1].append((marker or "") + text)
        if element.findall(f".//{_W}br[@{_W}type='page']"):
            pages.append([])
    texts = tuple(clean_page("\n\n".join(blocks)) for blocks in pages)
    if not any(text.strip() for text in texts):
        raise IngestError("the document holds no text", path=path)
    title = (document.core_properties.title or "").strip() or None
    return Content(pages=texts, tables=tuple(tables), title_hint=title)


def _blocks(body) -> Iterator:
    """Body-level paragraphs and tables in order, looking inside content controls (w:sdt)."""
    for child in body.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _table_rows(element, document) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """A table's rows as cell strings, and the same rows as Word shows them.

    A horizontally merged cell counts once per row. A vertically merged cell repeats in
    every row it spans in the first (so a lead unit spanning three measures owns each),
    and shows only in its first row in the second, which is what the text holds.
    """
    from docx.table import Table as DocxTable

    grid, shown = [], []
    above: list = []  # the cell elements of the row above
    for row in DocxTable(element, document).rows:
        cells: list = []
        for cell in row.cells:
            # python-docx repeats a merged cell for each grid column it covers; `is` on the
            # element, whose proxy the list keeps alive, tells the repeats apart
            if not any(cell._tc is seen._tc for seen in cells):
                cells.append(cell)
        texts = tuple(clean_page(cell.text).strip() for cell in cells)
        if any(texts):
            grid.append(texts)
            shown.append(tuple("" if any(cell._tc is tc for tc in above) else text for cell, text in zip(cells, texts)))
        above = [cell._tc for cell in cells]
    return tuple(grid), tuple(shown)


@dataclass(frozen=True)
class _Level:
    """One level of a Word list definition."""

    fmt: str  # w:numFmt, e.g. decimal, chineseCounting, bullet
    text: str  # w:lvlText, e.g. "%1、", "（%2）"
    start: int
    suffix: str  # w:suff: tab, space or nothing


def _numbering(document) -> tuple[dict[str, dict[int, _Level]], dict[str, tuple[str, dict[int, int]]]]:
    """List definitions: abstract id -> level -> `_Level`, and num id -> (abstract id, start overrides)."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}, {}
    levels: dict[str, dict[int, _Level]] = {}
    for abstract in root.findall(f"{_W}abstractNum"):
        levels[abstract.get(f"{_W}abstractNumId")] = {
            _int(lvl.get(f"{_W}ilvl"), 0): _Level(
                fmt=_val(lvl, "numFmt") or "decimal", text=_val(lvl, "lvlText") or "",
                start=_int(_val(lvl, "start"), 1), suffix=_val(lvl, "suff") or "tab")
            for lvl in abstract.findall(f"{_W}lvl")}
    nums: dict[str, tuple[str, dict[int, int]]] = {}
    for num in root.findall(f"{_W}num"):
        overrides = {_int(o.get(f"{_W}ilvl"), 0): _int(_val(o, "startOverride"), 1)
                     for o in num.findall(f"{_W}lvlOverride") if o.find(f"{_W}startOverride") is not None}
        nums[num.get(f"{_W}numId")] = (_val(num, "abstractNumId") or "", overrides)
    return levels, nums


def _marker(element, paragraph, levels, nums, counters, started) -> str | None:
    """The list marker Word would show before this paragraph, advancing the list counters."""
    num_id, ilvl = _num_pr(element, paragraph)
    if num_id is None or num_id not in nums:
        return None
    abstract, overrides = nums[num_id]
    definition = levels.get(abstract, {})
    if ilvl not in definition:
        return None
    # Counters live on the abstract list, so separate num ids continue one sequence
    # unless a num restarts it with a start override, as Word does.
    values = counters.setdefault(abstract, [None] * 10)
    if ilvl in overrides and (num_id, ilvl) not in started:
        values[ilvl] = overrides[ilvl]
    elif values[ilvl] is None:
        values[ilvl] = definition[ilvl].start
    else:
        values[ilvl] += 1
    started.add((num_id, ilvl))
    for deeper in range(ilvl + 1, len(values)):
        values[deeper] = None
    level = definition[ilvl]
    if level.fmt in ("bullet", "none"):
        return None

    def render(match: re.Match) -> str:
        ref = int(match.group(1)) - 1
        ref_level = definition.get(ref)
        value = values[ref] if ref < len(values) and values[ref] is not None else (ref_level.start if ref_level else 1)
        return _format(value, ref_level.fmt if ref_level else "decimal")

    marker = _LEVEL_REF.sub(render, level.text)
    if not marker or level.suffix == "nothing" or _CJK_END.search(marker):
        return marker
    return marker + " "


def _num_pr(element, paragraph) -> tuple[str | None, int]:
    """The paragraph's (num id, level), from its own properties or else its style's chain."""
    sources = [element.find(f"{_W}pPr")]
    try:
        style = paragraph.style
    except Exception:  # a dangling style id: no style numbering then
        style = None
    depth = 0
    while style is not None and depth < 10:  # basedOn chains can be cyclic in damaged files
        sources.append(style.element.find(f"{_W}pPr"))
        style, depth = style.base_style, depth + 1
    for ppr in sources:
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if numpr is not None and numpr.find(f"{_W}numId") is not None:
            num_id = _val(numpr, "numId")
            return (None if num_id in (None, "0") else num_id), _int(_val(numpr, "ilvl"), 0)
    return None, 0


def _val(parent, tag: str) -> str | None:
    child = parent.find(f"{_W}{tag}")
    return None if child is None else child.get(f"{_W}val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _format(n: int, fmt: str) -> str:
    """A list counter in Word's number format `fmt`."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return _chinese(n)
    if fmt == "ideographDigital":
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return "".join(_LEGAL_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


def _chinese(n: int) -> str:
    """Chinese counting numerals as Word writes them: 十, 十一, 二十一, 一百零五."""
    if not 0 < n < 10000:
        return str(n)
    units = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
    out, zero = [], False
    for size, name in units:
        digit = n // size % 10
        if digit:
            if zero and out:
                out.append("零")
            out.append(("" if size == 10 and n < 20 else _DIGITS[digit]) + name)
            zero = False
        elif out:
            zero = True
    return "".join(out)


def _roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)
