"""Reading policykg's rules and lexicons: the data files under `extractor/resources/`.

Every stage reads its word lists through these functions, so the file formats stay one:
JSON, or UTF-8 text with one entry a line (tab-separated fields, `#` comment lines).
Callers compile what they read once and cache it; nothing here holds state.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """The text of a resource file, e.g. ``read_text("segmenter_dict.txt")``."""
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
