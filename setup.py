"""Build of policykg: the text stages compiled to C with mypyc, the rest pure Python.

The compiled modules (`native_sources`) are normalise, the segmenter, the text layer,
structure and the finders: about nine tenths of an extraction's time, which runs about a
quarter faster compiled (`make bench`). They stay plain typed Python: without a C compiler,
or with POLICYKG_PURE=1, the same package installs and runs uncompiled.

A compiled build writes `extractor/native_build.json`: the shared library, and the hash of
every source the build read (the compiled modules and the package modules they import).
`extractor.native` checks it at import and runs the sources instead of a stale build.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "extractor"
MANIFEST = "native_build.json"
GROUP = "policykg_native"  # the shared library: policykg_native__mypyc.<platform>.so
NATIVE_FOLDERS = ("text", "structure", "extraction")
NATIVE_FILES = ("segment.py", "normalise.py")
# Not compiled: its class holds functools.cached_property, which needs an instance __dict__
# that compiled classes do not have.
PURE = {"extraction/analysed.py"}
PACKAGE_IMPORT = re.compile(r"^from (extractor(?:\.\w+)+) import", re.MULTILINE)


def native_sources() -> list[Path]:
    """The modules compiled with mypyc, in a stable order."""
    found = [PACKAGE / name for name in NATIVE_FILES]
    for folder in NATIVE_FOLDERS:
        found += sorted(p for p in (PACKAGE / folder).rglob("*.py")
                        if p.relative_to(PACKAGE).as_posix() not in PURE)
    return found


def imported_sources(compiled: list[Path]) -> list[Path]:
    """The package's uncompiled modules that compiled ones import: the build read their types."""
    found = set()
    for path in compiled:
        for module in PACKAGE_IMPORT.findall(path.read_text(encoding="utf-8")):
            base = ROOT.joinpath(*module.split("."))
            source = base.with_suffix(".py") if base.with_suffix(".py").exists() else base / "__init__.py"
            if source.exists() and source not in compiled:
                found.add(source)
    return sorted(found)


def digests(paths: list[Path]) -> dict[str, str]:
    return {p.relative_to(ROOT).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


class BuildNative(build_ext):
    """build_ext that falls back to pure Python when the C build fails, and records what the
    compiled modules were built from."""

    def run(self) -> None:
        if not self.extensions:  # POLICYKG_PURE=1 or no mypyc: nothing compiled, nothing to record
            super().run()
            return
        try:
            super().run()
        except Exception as error:  # noqa: BLE001 - any compiler failure leaves a working pure package
            print(f"policykg: the C build failed ({error}); the package runs as pure Python", file=sys.stderr)
            self.extensions = []
            return
        manifest = {"library": self.get_ext_filename(f"{GROUP}__mypyc"), **BUILT_FROM}
        target = self._manifest_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, target)

    def build_extension(self, ext) -> None:  # noqa: ANN001 - setuptools' Extension
        # multi_file gives one C file per module: compiled side by side, one per core (gcc
        # runs outside the GIL), instead of distutils' one after the other
        compile_one = self.compiler.compile

        def compile_all(sources: list[str], *args, **kwargs) -> list[str]:  # noqa: ANN002, ANN003
            with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
                objects = pool.map(lambda source: compile_one([source], *args, **kwargs), sources)
            return [obj for group in objects for obj in group]

        self.compiler.compile = compile_all
        try:
            super().build_extension(ext)
        finally:
            self.compiler.compile = compile_one

    def get_outputs(self) -> list[str]:
        outputs = super().get_outputs()
        return [*outputs, str(self._manifest_path())] if self.extensions else outputs

    def _manifest_path(self) -> Path:
        # beside the compiled modules: in the source tree (--inplace) or in the wheel's build folder
        return Path(self.get_ext_fullpath("extractor.native_build")).parent / MANIFEST


BUILT_FROM: dict[str, dict[str, str]] = {}
"""The hashes of what mypyc reads, taken before it reads them (`mypycify` translates the
sources when setup.py runs, `build_ext` only compiles the C): an edit made during the build
leaves the build stale, not recorded as current."""


def extensions() -> list:
    if os.environ.get("POLICYKG_PURE") == "1":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("policykg: mypyc is not installed; the package runs as pure Python", file=sys.stderr)
        return []
    compiled = native_sources()
    BUILT_FROM.update(sources=digests(compiled), imported=digests(imported_sources(compiled)))
    # One group: the compiled modules call each other in C. Its shared library lies beside
    # the package, where mypyc derives the modules' __file__ and __path__ from.
    return mypycify(["--ignore-missing-imports", "--follow-imports=silent",
                     *(str(p.relative_to(ROOT)) for p in compiled)],
                    opt_level="3", group_name=GROUP, multi_file=True)


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildNative})
