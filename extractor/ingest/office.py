"""Word .doc, WPS Office .wps, and .docm, .odt, .rtf: converted to .docx by headless LibreOffice, read as .docx.

Both are OLE compound files (WPS Office writes .wps in Word 97's binary layout), which no
maintained Python library reads with list numbering intact; LibreOffice's import filters
do. Each conversion runs in its own temporary profile, so parallel workers never share
(and lock) one, with a time limit after which its whole process group is killed.
Government sites also serve web pages and RTF named .doc: LibreOffice converts those too.
Macro-enabled .docm and OpenDocument .odt are ZIP packages python-docx refuses; LibreOffice
converts them (macros are never run: a headless conversion does not execute them).
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from extractor.errors import IngestError
from extractor.ingest import docx
from extractor.ingest.common import Content
from extractor.ingest.garbage import garbled

CONVERT_TIMEOUT = 90.0  # seconds; a fresh profile costs a few seconds, a long report a few more
INSTALL_HINT = ("install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui), "
                "or open the file in WPS Office or Word and save it as .docx")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
# What else offices and websites put in a file named .doc: RTF, and web pages (HTML, MHT, Word XML).
_OTHER_MAGIC = (b"{\\rtf", b"<", b"mime-version")
_SAVE_AGAIN = "open it in WPS Office or Word and save it as .docx"
_ASCII_SUFFIX = re.compile(r"\.[a-z0-9]{1,8}")


def read(data: bytes, *, path: str) -> Content:
    """Read a .doc, .wps, .docm, .odt or .rtf file through LibreOffice, or directly when it is really a .docx.

    Raises:
        IngestError: LibreOffice is not installed, the bytes are not a word-processing
            document, or LibreOffice could not convert them in time.
    """
    if data.startswith(_ZIP_MAGIC):  # a .docx renamed .doc needs no conversion; .docm and .odt do
        try:
            return docx.read(data, path=path)
        except IngestError:
            pass
    elif not _recognised(data):
        raise IngestError(f"not a Word or WPS document (unrecognised content for {Path(path).suffix or 'the file'})",
                          path=path, hint="check the file is really a .doc or .wps document")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise IngestError(f"reading {Path(path).suffix or 'this file'} needs LibreOffice, which is not installed",
                          path=path, hint=INSTALL_HINT)
    content = docx.read(convert(data, soffice=soffice, path=path), path=path)
    if garbled("\n".join(content.pages)):  # LibreOffice imports a damaged binary as text
        raise IngestError("damaged file: LibreOffice read only garbage from it", path=path, hint=_SAVE_AGAIN)
    return content


def _recognised(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf\r\n\t ").lower()
    return data.startswith(_OLE_MAGIC) or head.startswith(_OTHER_MAGIC)


def convert(data: bytes, *, soffice: str, path: str, timeout: float = CONVERT_TIMEOUT) -> bytes:
    """The .docx bytes LibreOffice makes of a document's bytes.

    Raises:
        IngestError: LibreOffice failed, produced nothing (a damaged or password-protected
            file) or took longer than `timeout` seconds.
    """
    with tempfile.TemporaryDirectory(prefix="policykg-office-") as tmp:
        work = Path(tmp)
        # An ASCII name (the user's may not survive a codepage) with the file's own suffix,
        # which LibreOffice's type detection weighs: a ZIP named .doc is not tried as .docm.
        suffix = Path(path).suffix.lower()
        source = work / f"document{suffix if _ASCII_SUFFIX.fullmatch(suffix) else '.doc'}"
        source.write_bytes(data)
        command = [soffice, "--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
                   f"-env:UserInstallation={(work / 'profile').as_uri()}",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "out"), str(source)]
        _run(command, home=work, timeout=timeout, path=path)
        result = work / "out" / "document.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise IngestError("LibreOffice could not convert the file (damaged, password-protected "
                              "or not a word-processing document)", path=path, hint=_SAVE_AGAIN)
        return result.read_bytes()


def _run(command: list[str], *, home: Path, timeout: float, path: str) -> None:
    """Run LibreOffice in a session of its own, killing the whole session past `timeout`.

    HOME points into the temporary folder: LibreOffice writes caches there even with a
    profile of its own, and the user's home may be read-only or shared.
    """
    env = {**os.environ, "HOME": str(home)}
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True, env=env)
    except OSError as err:
        raise IngestError(f"cannot start LibreOffice ({err.strerror or err})", path=path, hint=INSTALL_HINT) from err
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise IngestError(f"LibreOffice took longer than {timeout:.0f} s to convert the file", path=path,
                          hint=_SAVE_AGAIN) from None
    finally:
        _kill_session(process)


def _kill_session(process: subprocess.Popen) -> None:
    """End LibreOffice and the helpers it started (soffice forks soffice.bin), whatever happened."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
