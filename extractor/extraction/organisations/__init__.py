"""Organisations: every body that can act, found by name patterns and merged by alias.

A body's name is an optional region prefix (陕西省, 区, 国家 …), a name body and a head from
the one head table (局 厅 委员会 管委会 大学 有限公司 …, `org_suffixes.tsv`, with each head's
type and flags). Finding proposes candidates (every head with the name its left boundary
gives, standard bodies, brands listed as examples) and runs named filters over them
(`find`); `explain` shows every decision. The left boundary is read off the tokens of
policykg's one segmenter (`boundaries`); all forms of one body are merged by a key
(`keys`, `merge`).

Modules: `vocabulary` (the data), `text` (the compact view and word ends), `boundaries`
(where a name begins), `examples`, `find` (candidates and filters), `keys`, `merge`.
`analysed_page(text)` is the work done once per document (the compact view, its line breaks,
every head's offset): a shared analysed document can build and hold it.
"""
from __future__ import annotations

from extractor.extraction.analysed import Analysed, analyse
from extractor.extraction.candidates import Candidate
from extractor.extraction.organisations.boundaries import PLACE_PART_POS
from extractor.extraction.organisations.find import analysed_page, candidates, find_mentions
from extractor.extraction.organisations.keys import body_key, org_type, split_region
from extractor.extraction.organisations.merge import BodyIndex, Mention, best_match, merge, regions_compatible
from extractor.extraction.organisations.text import compact, overlapping, tagged, window_start
from extractor.extraction.organisations.vocabulary import Lexicon, lexicon
from extractor.model import DocTree, Organisation

__all__ = [
    "PLACE_PART_POS", "BodyIndex", "Lexicon", "Mention", "analysed_page", "best_match", "body_key", "compact", "explain",
    "find_mentions", "find_organisations", "lexicon", "merge", "org_type", "overlapping",
    "regions_compatible", "split_region", "tagged", "window_start",
]


def explain(doc: DocTree | Analysed) -> tuple[Candidate, ...]:
    """Every organisation candidate of a document with its decision: accepted, or the filter
    that refused it and why. The same computation as `find_organisations`.

    Example:
        >>> [c.text for c in explain(tree) if c.accepted][:1]  # doctest: +SKIP
        ['陕西省西咸新区开发建设管理委员会']
    """
    return candidates(analyse(doc).spaced)


def find_organisations(doc: DocTree | Analysed) -> tuple[Organisation, ...]:
    """Every body named in a document, one `Organisation` per body with its aliases.

    Example:
        >>> [o.name for o in find_organisations(tree)]  # doctest: +SKIP
        ['陕西省西咸新区开发建设管理委员会', '陕西省人大', '省科技厅', ...]
    """
    return tuple(merge(find_mentions(analyse(doc).spaced)))
