"""Atomic file writes: every output policykg writes (records, graph exports, reports).

A file is written to a temporary name in the same folder, flushed to disk and then
renamed over the target, so a reader or a resumed run never sees half a file. The file
gets the permissions a plain ``open(path, "w")`` would give (0666 less the umask, so
0644 by default): `tempfile.mkstemp` makes it 0600, which a shared folder, a web server
or Neo4j's import folder cannot read.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

_UMASK_LINE = re.compile(r"^Umask:\s*([0-7]+)$", re.MULTILINE)


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells it (/proc)."""
    try:
        found = _UMASK_LINE.search(Path("/proc/self/status").read_text(encoding="ascii"))
    except OSError:
        found = None
    if found:
        return int(found.group(1), 8)
    mask = os.umask(0o022)  # elsewhere the only way to read it is to set it and set it back
    os.umask(mask)
    return mask


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write `content` (text as UTF-8, or bytes) to `path` through a temporary file in the
    same folder, then rename. A reader (or a resumed run) never sees a half-written file.

    Example:
        >>> write_atomic(Path("out/graph.json"), "{}\\n")  # doctest: +SKIP
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o666 & ~current_umask())
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
