"""The compiled build (setup.py, extractor/native.py): used only while current, and the same
records as the pure-Python code."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import native
from extractor.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "corpus" / "seeds" / "003_3f674aba3fe25ad0.txt",
             ROOT / "corpus" / "dev" / "03_pingtan-gov-affairs-task-division-table-2022.txt"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def built(tmp_path):
    """A package `fakepkg` as a compiled build would record it: two sources and their hashes."""
    package = tmp_path / "fakepkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (package / "sub" / "words.py").write_text("WORD = '牵头'\n", encoding="utf-8")
    (package / "model.py").write_text("KIND = 'target'\n", encoding="utf-8")
    record = {"library": "fakepkg_native__mypyc.so",
              "sources": {"fakepkg/sub/__init__.py": _digest(package / "sub" / "__init__.py"),
                          "fakepkg/sub/words.py": _digest(package / "sub" / "words.py")},
              "imported": {"fakepkg/model.py": _digest(package / "model.py")}}
    manifest = package / "native_build.json"
    manifest.write_text(json.dumps(record), encoding="utf-8")
    return manifest


def test_a_build_is_current_while_every_source_it_read_is_unchanged(built):
    record = native.read_manifest(built)
    root = built.parent.parent
    assert native.why_stale(record, root) is None
    (root / "fakepkg" / "model.py").write_text("KIND = 'actual'\n", encoding="utf-8")  # imported, not compiled
    assert native.why_stale(record, root) == "fakepkg/model.py changed since the build"
    (root / "fakepkg" / "sub" / "words.py").write_text("WORD = '配合'\n", encoding="utf-8")
    assert native.why_stale(record, root).endswith("changed since the build (and 1 more)")


def test_no_record_is_a_pure_install(tmp_path):
    assert native.read_manifest(tmp_path / "native_build.json") is None
    (tmp_path / "native_build.json").write_text("{not json", encoding="utf-8")
    assert native.read_manifest(tmp_path / "native_build.json") is None


def test_a_stale_build_is_set_aside_for_the_sources_with_one_warning(built, monkeypatch):
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.setattr(native, "mode", "pure")
    monkeypatch.delenv("POLICYKG_PURE", raising=False)
    monkeypatch.syspath_prepend(str(built.parent.parent))
    words = built.parent / "sub" / "words.py"
    words.write_text("WORD = '协助'\n", encoding="utf-8")
    # a stale compiled file beside the source: the import must not take it
    words.with_name("words.cpython-311-x86_64-linux-gnu.so").write_bytes(b"not a library")
    with pytest.warns(RuntimeWarning, match=r"fakepkg/sub/words.py changed since the build.*make native"):
        assert native.activate(built) == "sources"
    try:
        from fakepkg.sub import words as module  # type: ignore[import-not-found]
    finally:
        for name in [n for n in sys.modules if n.startswith("fakepkg")]:
            del sys.modules[name]
    assert module.WORD == "协助" and module.__file__ == str(words)


def test_a_current_build_whose_library_does_not_load_is_set_aside(built, monkeypatch):
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.setattr(native, "mode", "pure")
    monkeypatch.delenv("POLICYKG_PURE", raising=False)
    with pytest.warns(RuntimeWarning, match="its library fakepkg_native__mypyc.so does not load"):
        assert native.activate(built) == "sources"


def test_module_names_of_sources():
    assert native.module_name("extractor/extraction/__init__.py") == "extractor.extraction"
    assert native.module_name("extractor/text/view.py") == "extractor.text.view"


@pytest.mark.skipif(os.environ.get("POLICYKG_REQUIRE_NATIVE") != "1",
                    reason="`make test` sets POLICYKG_REQUIRE_NATIVE=1 after building; plain pytest may run sources")
def test_make_test_runs_the_compiled_build():
    import extractor.segment

    assert native.mode == "compiled"
    assert Path(extractor.segment.__file__).suffix == ".so"


@pytest.mark.skipif(native.mode != "compiled", reason="no current compiled build in this checkout")
def test_compiled_and_pure_python_give_the_same_records():
    compiled = [extract_file(p) for p in DOCUMENTS]
    code = ("import json, sys; from extractor.pipeline import extract_file; import extractor.segment as s; "
            "assert s.__file__.endswith('.py'); "
            "print(json.dumps([extract_file(p) for p in sys.argv[1:]], ensure_ascii=False))")
    env = {**os.environ, "POLICYKG_PURE": "1"}
    out = subprocess.run([sys.executable, "-c", code, *map(str, DOCUMENTS)], env=env, check=True,
                         capture_output=True, text=True).stdout
    pure = json.loads(out)
    assert pure == json.loads(json.dumps(compiled, ensure_ascii=False))
    assert any(r["targets"] for r in compiled) and any(r["organisations"] for r in compiled)
