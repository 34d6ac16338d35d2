"""Plain text and Markdown: detect the encoding; form feeds (as pdftotext writes them) split pages."""
from __future__ import annotations

import re

from extractor.errors import IngestError
from extractor.ingest.common import Content, decode, split_pages

_MD_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def read(data: bytes, *, path: str) -> Content:
    """Decode a .txt or .md file into pages; a Markdown ``# title`` becomes the title hint.

    Raises:
        IngestError: the bytes are not text in a known encoding, or hold only whitespace.
    """
    pages = split_pages(decode(data, path=path))
    if not any(page.strip() for page in pages):
        raise IngestError("file holds no text, only whitespace", path=path)
    title = None
    if path.lower().endswith(".md"):
        match = _MD_TITLE.search(pages[0])
        title = match.group(1).strip() if match else None
    return Content(pages=pages, title_hint=title)
