"""OFD (GB/T 33190): the text objects of each page, in reading order, page by page.

An OFD file is a ZIP package of XML: ``OFD.xml`` names each document's ``Document.xml``
(its ``DocRoot``), which lists the pages, each a ``Content.xml`` of layers holding
``TextObject``s. A text object has a ``Boundary`` ("x y w h" in millimetres, y down the
page) and ``TextCode``s at offsets inside it, their glyph advances in ``DeltaX``. Readers
write lines in any order and break a line into many objects, so the text is rebuilt from
positions: fragments on one baseline form a line, lines run top to bottom.

Elements are matched by local name: writers disagree on the namespace URI. The XML is
parsed with defusedxml (no entities, no DTDs), and members are read no larger than
`MAX_MEMBER` bytes, so a hostile package can neither expand nor reach outside itself.

A page with no text that shows an image (a scanned 红头文件 saved as OFD) is read by OCR
from the image file itself, as PDF pages are (`ocr.read_pages`).
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from extractor.errors import EncryptedDocumentError, IngestError, ScannedDocumentError
from extractor.ingest import ocr
from extractor.ingest.common import Content, clean_page

MAX_MEMBER = 64 << 20  # bytes of one XML part: pages of text are kilobytes
_RESAVE = "open it in an OFD reader (e.g. 数科OFD阅读器 or 福昕OFD版式办公套件) and save or export it again"
_NUMBER = re.compile(r"-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|-?\.\d+")
_ENCRYPTED = 0x1  # ZIP general-purpose flag: the member is encrypted


@dataclass(frozen=True)
class Fragment:
    """One ``TextCode``: its text, where its baseline starts on the page, and how wide it runs."""

    text: str
    x: float
    y: float
    width: float
    size: float


def read(data: bytes, *, path: str) -> Content:
    """Read an OFD package's pages of text and its title.

    Raises:
        IngestError: not an OFD package, damaged, or without text.
        EncryptedDocumentError: the package or its documents are encrypted.
    """
    if not data.startswith(b"PK"):
        raise IngestError("not an OFD file (not a ZIP package)", path=path,
                          hint="check the file is really an .ofd document")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise IngestError(f"damaged or truncated OFD package ({err})", path=path,
                          hint="download or copy the file again, or " + _RESAVE) from err
    with archive:
        if any(info.flag_bits & _ENCRYPTED for info in archive.infolist()) or _member(archive, "Encryptions.xml"):
            raise EncryptedDocumentError("the OFD is encrypted", path=path,
                                         hint="open it in an OFD reader with its key and export an unencrypted copy")
        package = _Package(archive, path)
        contents, title = package.contents(), package.title()
        texts = [page_text(content) for content in contents]
        shown = {i: package.images(contents[i]) for i, text in enumerate(texts) if not text.strip()}
        scanned = [i for i, images in shown.items() if images]
        read = ocr.read_pages(scanned, shown.__getitem__, path=path, total=len(texts))
    for index, text in read.texts.items():
        texts[index] = clean_page(text)
    if not any(text.strip() for text in texts):
        if read.skipped:
            raise ScannedDocumentError(f"no text: the pages are images, and OCR is unavailable ({ocr.missing()})",
                                       path=path, hint=ocr.INSTALL_HINT)
        raise IngestError("the OFD holds no text (its pages are empty, or images OCR found no text in)",
                          path=path, hint=_RESAVE)
    return Content(pages=tuple(texts), title_hint=title, ocr_pages=read.done, skipped_pages=read.skipped)


def _member(archive: zipfile.ZipFile, name: str) -> str | None:
    """The archive's name for `name` (case and a leading slash aside), or None."""
    wanted = name.lstrip("/").lower()
    return next((n for n in archive.namelist() if n.lstrip("/").lower() == wanted), None)


def _local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _find(element: Element, name: str) -> Element | None:
    return next((e for e in element.iter() if _local(e) == name), None)


class _Package:
    """The XML parts of one OFD package, read on demand by their paths."""

    def __init__(self, archive: zipfile.ZipFile, path: str):
        self.archive = archive
        self.path = path
        self.root = self.xml("OFD.xml")
        doc_root = _find(self.root, "DocRoot")
        if doc_root is None or not (doc_root.text or "").strip():
            raise IngestError("not an OFD package: OFD.xml names no document (DocRoot)", path=path, hint=_RESAVE)
        self.doc_path = _resolve("", doc_root.text.strip())
        self.document = self.xml(self.doc_path)

    def read(self, name: str) -> bytes:
        """A member's bytes, refused past `MAX_MEMBER`."""
        member = _member(self.archive, name)
        if member is None:
            raise IngestError(f"damaged OFD package: {name} is missing", path=self.path, hint=_RESAVE)
        info = self.archive.getinfo(member)
        if info.file_size > MAX_MEMBER:
            raise IngestError(f"damaged or hostile OFD package: {name} unpacks to {info.file_size} bytes",
                              path=self.path, hint=_RESAVE)
        try:
            with self.archive.open(info) as handle:
                return handle.read(MAX_MEMBER + 1)
        except Exception as err:  # zlib and CRC errors
            raise IngestError(f"damaged OFD package: cannot read {name} ({type(err).__name__})",
                              path=self.path, hint=_RESAVE) from err

    def xml(self, name: str) -> Element:
        from defusedxml import ElementTree

        data = self.read(name)
        try:
            return ElementTree.fromstring(data)
        except Exception as err:  # XML errors, and defusedxml's refusals of entities and DTDs
            raise IngestError(f"damaged OFD package: cannot read {name} ({type(err).__name__})",
                              path=self.path, hint=_RESAVE) from err

    def contents(self) -> list[Element]:
        """Each page's ``Content.xml``, in the order Document.xml lists the pages."""
        listed = _find(self.document, "Pages")
        locations = [p.get("BaseLoc", "") for p in listed if _local(p) == "Page"] if listed is not None else []
        if not locations:
            raise IngestError("the OFD has no pages", path=self.path, hint=_RESAVE)
        base = posixpath.dirname(self.doc_path)
        return [self.xml(_resolve(base, location)) for location in locations]

    def images(self, content: Element) -> list[bytes]:
        """The bytes of the images a page shows (its scan), found through the document's resources."""
        ids = [e.get("ResourceID", "") for e in content.iter() if _local(e) == "ImageObject"]
        if not ids:
            return []
        media = self._media()
        return [self.read(media[i]) for i in ids if i in media]

    def _media(self) -> dict[str, str]:
        """MultiMedia resource id -> its file in the package, from PublicRes and DocumentRes."""
        base = posixpath.dirname(self.doc_path)
        media = {}
        for entry in self.document.iter():
            if _local(entry) not in ("PublicRes", "DocumentRes") or not (entry.text or "").strip():
                continue
            res_path = _resolve(base, entry.text)
            res = self.xml(res_path)
            res_base = _resolve(posixpath.dirname(res_path), res.get("BaseLoc", ""))
            for item in res.iter():
                location = next((e.text for e in item if _local(e) == "MediaFile" and e.text), None)
                if _local(item) == "MultiMedia" and location:
                    media[item.get("ID", "")] = _resolve(res_base, location)
        return media

    def title(self) -> str | None:
        title = _find(self.root, "Title")
        return (title.text or "").strip() or None if title is not None else None


def _resolve(base: str, location: str) -> str:
    """A part's path in the package: absolute locations start at the root, others at `base`."""
    location = location.strip().replace("\\", "/")
    joined = location.lstrip("/") if location.startswith("/") else posixpath.join(base, location)
    return posixpath.normpath(joined)


def page_text(content: Element) -> str:
    """The text of one page's ``Content.xml``, line by line in reading order."""
    return clean_page("\n".join(_line_text(line) for line in _lines(_fragments(content))))


def _fragments(content: Element) -> list[Fragment]:
    fragments = []
    for obj in content.iter():
        if _local(obj) != "TextObject":
            continue
        box = _numbers(obj.get("Boundary", ""))
        left, top = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        size = _first(_numbers(obj.get("Size") or obj.get("size") or ""), default=box[3] if len(box) >= 4 else 3.5)
        for code in obj:
            if _local(code) == "TextCode" and code.text:
                x = left + _first(_numbers(code.get("X", "")), default=0.0)
                y = top + _first(_numbers(code.get("Y", "")), default=size)
                fragments.append(Fragment(code.text, x, y, _advance(code.get("DeltaX"), code.text, size), size))
    return fragments


def _lines(fragments: list[Fragment]) -> list[list[Fragment]]:
    """Fragments grouped by baseline (within half a character's height), top to bottom, left to right."""
    lines: list[list[Fragment]] = []
    for fragment in sorted(fragments, key=lambda f: f.y):
        if lines and abs(fragment.y - lines[-1][0].y) <= 0.5 * max(fragment.size, lines[-1][0].size):
            lines[-1].append(fragment)
        else:
            lines.append([fragment])
    return [sorted(line, key=lambda f: f.x) for line in lines]


def _line_text(line: list[Fragment]) -> str:
    """A line's fragments joined; a gap wider than a character (table cells, 签发人 spacing) is a space."""
    parts, end = [], None
    for fragment in line:
        if end is not None and fragment.x - end > fragment.size:
            parts.append(" ")
        parts.append(fragment.text)
        end = max(end or fragment.x, fragment.x + fragment.width)
    return "".join(parts)


def _advance(delta_x: str | None, text: str, size: float) -> float:
    """How far a ``TextCode`` runs: its ``DeltaX`` advances (``g N d`` repeats d N times) plus one glyph.

    Example:
        >>> _advance("g 3 4 2", "2024年", 4.0)
        18.0
    """
    if not delta_x:
        return size * sum(1.0 if ord(ch) > 0x2E80 else 0.5 for ch in text)
    tokens, total, i = delta_x.split(), 0.0, 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            total += _first(_numbers(tokens[i + 1]), default=0.0) * _first(_numbers(tokens[i + 2]), default=0.0)
            i += 3
        else:
            total += _first(_numbers(tokens[i]), default=0.0)
            i += 1
    return total + size


def _numbers(text: str) -> list[float]:
    return [float(n) for n in _NUMBER.findall(text)]


def _first(numbers: list[float], *, default: float) -> float:
    return numbers[0] if numbers else default
