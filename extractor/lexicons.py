"""Reading policykg's rules and lexicons: the data files under `extractor/resources/`.

Every stage reads its word lists through these functions, so the file formats stay one:
JSON, or UTF-8 text with one entry a line (tab-separated fields, `#` comment lines).

A caller may supply its own rules: `using(directory)` lays the files of a directory over the
packaged ones (a file there replaces the packaged file of the same name) for the calls made
inside it, e.g. ``extract(tree, rules="my_rules/")``. Derived tables (compiled patterns,
lookup sets) are memoised with `cached`, which keeps one memo per rules directory, so a
variant never leaks into another caller's results.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

R = TypeVar("R")

# A context variable rather than a parameter: lexicon look-ups sit deep inside every finder,
# and threading a directory through each helper would couple them all. The variable is set
# only for the duration of one `using` block and is private to its thread or task.
_RULES_DIR: ContextVar[Path | None] = ContextVar("policykg_rules_dir", default=None)


@contextmanager
def using(directory: str | Path | None) -> Iterator[None]:
    """Read rule files from `directory` first, packaged ones otherwise, inside the block.

    Raises:
        extractor.errors.ExtractorError: `directory` is not a folder.
    """
    if directory is None:
        yield
        return
    path = Path(directory)
    if not path.is_dir():
        from extractor.errors import ExtractorError
        raise ExtractorError(f"{path}: rules directory not found (give a folder of rule files)")
    token = _RULES_DIR.set(path.resolve())
    try:
        yield
    finally:
        _RULES_DIR.reset(token)


def active_rules() -> Path | None:
    """The rules folder in use (see `using`), None for the packaged rules: part of the key of
    a bounded memo (`functools.lru_cache`) over results that depend on the rules."""
    return _RULES_DIR.get()


def cached(function: Callable[..., R]) -> Callable[..., R]:
    """Memoise a table derived from rule files, one memo per rules directory in use."""
    memo: dict[Path | None | tuple[Path | None, tuple[Any, ...]], R] = {}
    rules_dir = _RULES_DIR.get  # bound once: the wrapper runs tens of thousands of times a corpus

    @wraps(function)
    def wrapper(*args: Any) -> R:
        # most tables take no arguments: the folder alone keys them, with no tuple to build
        key = (rules_dir(), args) if args else rules_dir()
        try:  # one dict look-up on a hit (the usual case), not two
            return memo[key]
        except KeyError:
            value = memo[key] = function(*args)
            return value

    return wrapper


def read_text(name: str) -> str:
    """The text of a rule file, e.g. ``read_text("segmenter_dict.txt")``.

    A file of that name in the active rules directory (see `using`) wins over the packaged one.
    """
    override = _RULES_DIR.get()
    if override is not None and (override / name).is_file():
        return (override / name).read_text(encoding="utf-8")
    return resources.files("extractor").joinpath("resources", name).read_text(encoding="utf-8")


def load_json(name: str) -> Any:
    """A JSON resource, e.g. ``load_json("programme_cues.json")["scheme_nouns"]``."""
    return json.loads(read_text(name))


def load_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a text resource, without comments and blank lines.

    Example:
        >>> load_rows("org_suffixes.tsv")[0][1] in {"government", "party", "institution"}
        True
    """
    return [line.split("\t") for line in read_text(name).splitlines()
            if line.strip() and not line.startswith("#")]


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of `words`, longest first; one that never matches when empty.

    Example:
        >>> re.fullmatch(alternation(["局", "管委会", "委"]), "管委会") is not None
        True
    """
    # longest first so a longer word wins; then by the words themselves, so the pattern is the
    # same string in every process (set order varies with the hash seed)
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or "(?!)"
