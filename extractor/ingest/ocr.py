"""OCR: the text of a page image through Tesseract's Simplified Chinese model, when installed.

Tesseract runs as a command (Debian's `tesseract-ocr` with `tesseract-ocr-chi-sim`), not
through a binding: nothing to build, and a page that hangs is killed at its time limit.
Readers call `missing()` first and report the pages they could not read when it names a
reason, so a scan is never read as an empty document in silence.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)

LANGUAGE = "chi_sim"
PAGE_TIMEOUT = 120.0  # seconds for one page: a 300 dpi A4 page takes a few seconds
INSTALL_HINT = ("install Tesseract with its Chinese data (Debian/Ubuntu: apt-get install tesseract-ocr "
                "tesseract-ocr-chi-sim), or add a text layer first with ocrmypdf --language chi_sim")

# Tesseract spaces out CJK text as if each character were a word; Chinese is written
# without spaces, so a run of spaces next to a CJK character or full-width mark is noise.
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_SPACED = re.compile(rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])")
_BLANK_LINES = re.compile(r"\n{3,}")
# Tesseract's OpenMP threads fight policykg's worker processes for the cores: on a busy
# two-core machine one page took 98 s with two threads and 10 s with one.
_ONE_THREAD = {"OMP_THREAD_LIMIT": "1"}


def missing() -> str | None:
    """Why OCR cannot run here (no `tesseract` command, or no Chinese data), or None when it can.

    Example:
        >>> missing() in (None, "tesseract is not installed", "tesseract has no chi_sim (Chinese) data")
        True
    """
    command = shutil.which("tesseract")
    if command is None:
        return "tesseract is not installed"
    try:
        listed = subprocess.run([command, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return "tesseract does not run"
    languages = (listed.stdout + listed.stderr).decode("utf-8", "replace").split()
    return None if LANGUAGE in languages else f"tesseract has no {LANGUAGE} (Chinese) data"


def recognise(image: bytes, *, timeout: float = PAGE_TIMEOUT) -> str:
    """The text Tesseract reads in one page image (PNG, TIFF or JPEG bytes).

    Raises:
        OSError: tesseract failed on the image or took longer than `timeout` seconds;
            the caller reports the page as skipped.
    """
    command = shutil.which("tesseract") or "tesseract"
    try:
        done = subprocess.run([command, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3"], input=image,
                              capture_output=True, timeout=timeout, check=False,
                              env={**os.environ, **_ONE_THREAD})
    except subprocess.TimeoutExpired as err:
        raise OSError(f"tesseract took longer than {timeout:.0f} s") from err
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OSError(f"tesseract failed ({detail[-1] if detail else f'exit status {done.returncode}'})")
    return tidy(done.stdout.decode("utf-8", "replace"))


def tidy(text: str) -> str:
    """Close the spaces Tesseract puts between Chinese characters; keep those between Latin words.

    Example:
        >>> tidy("到 2025 年 ， 建成 10 个 示范 园区 ORF3a ORF3b\\n\\n\\n\\n")
        '到2025年，建成10个示范园区ORF3a ORF3b\\n\\n'
    """
    return _BLANK_LINES.sub("\n\n", _SPACED.sub("", text.replace("\f", "")))


@dataclass(frozen=True)
class Pages:
    """What OCR made of a document's unreadable pages."""

    texts: dict[int, str]  # 0-based page index -> its OCR text
    done: tuple[int, ...] = ()  # 1-based pages read
    skipped: tuple[int, ...] = ()  # 1-based pages left unread: OCR unavailable or failed on them


def read_pages(indices: Iterable[int], images: Callable[[int], list[bytes]], *, path: str, total: int) -> Pages:
    """OCR the 0-based pages `indices`, each from the images `images(index)` gives, or name them skipped.

    Without OCR a warning names the skipped pages, unless they are every page: then the
    reader's own error (an all-scanned document) says it in one line instead.
    """
    indices = list(indices)
    if not indices:
        return Pages({})
    reason = missing()
    if reason is not None:
        if len(indices) < total:
            log.warning("%s: %s without a readable text layer skipped: OCR is unavailable (%s; %s)",
                        path, page_list([i + 1 for i in indices]), reason, INSTALL_HINT)
        return Pages({}, skipped=tuple(i + 1 for i in indices))
    texts, done, skipped = {}, [], []
    for index in indices:
        try:
            texts[index] = "\n\n".join(recognise(image) for image in images(index))
            done.append(index + 1)
        except OSError as err:
            log.warning("%s: page %d: OCR failed, page skipped (%s)", path, index + 1, err)
            skipped.append(index + 1)
    return Pages(texts, tuple(done), tuple(skipped))


def page_list(numbers: list[int]) -> str:
    """``page 3`` or ``pages 3, 5-9``: consecutive runs folded.

    Example:
        >>> page_list([3, 5, 6, 7, 9])
        'pages 3, 5-7, 9'
    """
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
    return f"page {text}" if len(numbers) == 1 else f"pages {text}"
