"""The structure stage's lexicon (extractor/resources/document_meta.json), loaded once."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.lexicons import cached, load_json


@dataclass(frozen=True)
class Lexicon:
    """Words of official documents: title genres, body suffixes, closings, table headers."""

    genres: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    closings: tuple[str, ...]
    bylines: tuple[str, ...]
    trailers: tuple[str, ...]
    task_headers: tuple[str, ...]
    owner_headers: tuple[str, ...]
    other_task_headers: frozenset[str]  # 完成时限, 责任领导: a task table's other columns
    signing_offices: tuple[str, ...]
    addressees: tuple[str, ...]
    state_prefixes: tuple[str, ...]
    salutations: tuple[str, ...]  # 同志们: a speech greets its hearers, it has no 主送
    salutation_openers: tuple[str, ...]  # 各位…: 各位代表, 各位委员
    division_levels: frozenset[str]  # 省, 自治区: a 各…、…、… series of levels is one addressee
    genre: re.Pattern[str]  # any genre, longest first: `genre.match(text, i)` is the genre starting at i


def _by_length(words: list[str]) -> tuple[str, ...]:
    """Longest first, so a longer genre or suffix wins over its own ending."""
    return tuple(sorted(words, key=len, reverse=True))


@cached
def lexicon() -> Lexicon:
    """The lexicon, read from the package's resources on first use."""
    data = load_json("document_meta.json")
    return Lexicon(_by_length(data["title_genres"]), _by_length(data["org_suffixes"]),
                   _by_length(data["closing_formulas"]), tuple(data["byline_suffixes"]),
                   tuple(data["recipient_trailers"]), tuple(data["task_table_headers"]),
                   tuple(data["owner_headers"]), frozenset(data["other_task_headers"]),
                   _by_length(data["signing_offices"]),
                   tuple(data["addressee_endings"]), tuple(data["state_prefixes"]),
                   tuple(data["salutations"]), tuple(data["salutation_openers"]),
                   frozenset(data["division_levels"]),
                   re.compile("|".join(map(re.escape, _by_length(data["title_genres"]))) or "(?!)"))
