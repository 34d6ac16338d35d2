"""The compiled build of the text stages (mypyc, see setup.py), used only while it is current.

A compiled build writes `native_build.json` beside this file: the shared library the compiled
modules load, and the hash of each source the build read (`sources`: the compiled modules;
`imported`: package modules they import). On import, `extractor` calls `activate()`:

- no record (a pure-Python install): nothing to do;
- every source as built: the shared library is loaded, so the compiled modules run (in a
  source tree it lies at the tree's root, where no import looks by itself);
- a source changed since the build (a developer's edit): every compiled module is read from
  its source instead, with one warning, because compiled modules call each other directly
  and a stale one would run the old code. `make native` rebuilds.

POLICYKG_PURE=1 sets a current build aside too (the tests compare both ways' records).

`make native` reads `mode` to decide whether to build. Pure Python, never compiled: it decides what else is.
"""
from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

MANIFEST = Path(__file__).with_name("native_build.json")

mode = "pure"
"""How the text stages run in this process: 'compiled', 'pure' (no compiled build, or one set
aside by POLICYKG_PURE=1) or 'sources' (a compiled build that is not current, set aside)."""


def activate(manifest: Path = MANIFEST) -> str:
    """Use the compiled modules when they are current; sets and returns `mode`."""
    global mode
    record = read_manifest(manifest)
    if record is None:
        return mode
    root = manifest.resolve().parent.parent
    if os.environ.get("POLICYKG_PURE") == "1":
        sys.meta_path.insert(0, SourceFirst(record["sources"], root))
        return mode
    reason = why_stale(record, root)
    if reason is None and not _load_library(root / record["library"]):
        reason = f"its library {record['library']} does not load"
    if reason is None:
        mode = "compiled"
        return mode
    sys.meta_path.insert(0, SourceFirst(record["sources"], root))
    warnings.warn(f"policykg: the compiled build is not current ({reason}); running the slower "
                  "pure-Python code. Rebuild with `make native`.", RuntimeWarning, stacklevel=2)
    mode = "sources"
    return mode


def read_manifest(manifest: Path) -> dict | None:
    """The build record, or None where there is none (a pure install) or it is unreadable."""
    try:
        record = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and {"library", "sources"} <= record.keys() else None


def why_stale(record: dict, root: Path) -> str | None:
    """Which source changed since the build (and how many more), or None when none did."""
    expected = {**record.get("imported", {}), **record["sources"]}
    changed = [name for name, digest in expected.items() if _hash(root / name) != digest]
    if not changed:
        return None
    more = f" (and {len(changed) - 1} more)" if len(changed) > 1 else ""
    return f"{changed[0]} changed since the build{more}"


def _hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _load_library(path: Path) -> bool:
    """Import the compiled modules' shared library from `path` (where an installed package's
    lies in site-packages, the import system would find it too)."""
    name = path.name.split(".", 1)[0]
    if name in sys.modules:
        return True
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None or not path.exists():
        return False
    try:  # (an extension module runs its init already when it is created)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except ImportError:
        sys.modules.pop(name, None)
        return False
    return True


class SourceFirst(importlib.abc.MetaPathFinder):
    """Finds each compiled module's source file ahead of its compiled file."""

    def __init__(self, sources: dict[str, str], root: Path):
        self._files = {module_name(name): root / name for name in sources}

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        file = self._files.get(fullname)
        if file is None:
            return None
        package = [str(file.parent)] if file.name == "__init__.py" else None
        return importlib.util.spec_from_file_location(fullname, file, submodule_search_locations=package)


def module_name(relative: str) -> str:
    """The module a source file holds.

    Example:
        >>> module_name("extractor/extraction/__init__.py"), module_name("extractor/segment.py")
        ('extractor.extraction', 'extractor.segment')
    """
    parts = relative.removesuffix(".py").split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

