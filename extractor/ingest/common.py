"""What every reader shares: the `Content` a reader returns, text decoding, page clean-up."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from extractor.errors import IngestError
from extractor.model import PAGE_BREAK, Table


MAX_INPUT_BYTES = 256 << 20
"""The largest file read at all: a policy document, even a long scanned PDF, is far smaller."""

MAX_UNPACKED_BYTES = 128 << 20
"""The most XML a .docx may unpack to: a 1,000-page report holds ~30 MB; more is a zip bomb."""

MAX_HTML_ELEMENTS = 200_000
"""Tags an HTML page may hold: a long gov.cn article has ~5,000; each costs ~1 KB parsed."""


@dataclass(frozen=True)
class Content:
    """What a format reader found in a file's bytes; `load` adds path, format and hash."""

    pages: tuple[str, ...]
    tables: tuple[Table, ...] = ()
    title_hint: str | None = None
    ocr_pages: tuple[int, ...] = ()  # 1-based pages whose text came from OCR
    skipped_pages: tuple[int, ...] = ()  # 1-based pages left empty: no readable text, no OCR


# \r\n?|[\v\u2028\u2029\x85], opening with the class so the scan skips to it in C
_NEWLINES = re.compile(r"[\r\v\u2028\u2029\x85](?:(?<=\r)\n)?")
# C0/C1 controls other than tab and newline: never text, and \f is reserved as the page break.
_CONTROLS = re.compile(r"[\x00-\x08\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BINARY_SHARE = 0.01  # above this share of control characters a "text" file is binary data

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declared Chinese charsets are read as their superset: pages labelled gb2312 routinely hold GBK.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
              "euc-cn": "gb18030", "hz-gb-2312": "gb18030", "big5": "big5hkscs"}
# CJK ideographs and punctuation, plus the quotes, dashes, circled numbers and symbols Chinese text uses.
_CJK = re.compile(r"[\u00b7\u2010-\u206f\u2100-\u257f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_DECODE_HINT = "save the file as UTF-8"


def clean_page(text: str) -> str:
    """One page's text with ``\\n`` line ends and no control characters (``\\f`` included).

    Example:
        >>> clean_page("第一条\\r\\n总则\\x00\\f")
        '第一条\\n总则'
    """
    return _CONTROLS.sub("", _NEWLINES.sub("\n", text))


def split_pages(text: str) -> tuple[str, ...]:
    """Split decoded text at form feeds (pdftotext's page break) into clean pages."""
    return tuple(clean_page(page) for page in text.split(PAGE_BREAK))


def decode(data: bytes, *, path: str, declared: str | None = None) -> str:
    """Decode text bytes: byte-order mark, UTF-8, then `declared`, GB18030, then a detector.

    Args:
        data: the file's bytes.
        path: the file, for the error message.
        declared: a charset the file names for itself (an HTML ``<meta charset>``).

    Raises:
        IngestError: no encoding gives text, or the "text" is binary data.

    Example:
        >>> decode("西咸新区".encode("gb18030"), path="a.txt")
        '西咸新区'
    """
    text = _decode(data, declared)
    if text is None:
        raise IngestError("cannot decode the text: not UTF-8, UTF-16 or GB18030", path=path,
                          hint=_DECODE_HINT)
    if text and len(_CONTROLS.findall(text.replace(PAGE_BREAK, ""))) > _BINARY_SHARE * len(text):
        raise IngestError("looks like binary data, not text", path=path,
                          hint="check the file is a text document")
    return text


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _try(data, codec)
    # Valid UTF-8 beats a declaration: CMS migrations leave pages that say gb2312 and
    # hold UTF-8, while GBK text is almost never valid UTF-8 by accident.
    text = _try(data, "utf-8")
    if text is not None:
        return text
    codec = _codec(declared) if declared else None
    text = _try(data, codec) if codec else None
    if text is not None:
        return text
    text = _try(data, "gb18030")
    if text is not None and _looks_chinese(text):
        return text
    return _detect(data)


def _codec(name: str) -> str | None:
    name = name.strip().lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_chinese(text: str) -> bool:
    """Most non-ASCII characters are CJK: GB18030 decoded real text, not stray bytes."""
    wide = sum(1 for ch in text if ord(ch) > 0x7F)
    return wide == 0 or len(_CJK.findall(text)) >= 0.8 * wide


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)
