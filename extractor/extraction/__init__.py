"""Extraction: quantities, organisations, places, programmes, citations and owners.

Each kind of fact has its own module with one pure finder; `extract` analyses the
document once (`analysed`: its views, sentence ends, year, period) and runs the finders
over that one `Analysed` in dependency order (owners need organisations, tasks and quantities).
"""
from __future__ import annotations

from pathlib import Path

from extractor import lexicons
from extractor.extraction.analysed import analyse
from extractor.extraction.citations import find_citations
from extractor.extraction.organisations import find_organisations
from extractor.extraction.owners import assign_owners
from extractor.extraction.places import find_places
from extractor.extraction.programmes import find_programmes
from extractor.extraction.quantities import find_quantities
from extractor.model import DocTree, Extraction


def extract(tree: DocTree, *, rules: str | Path | None = None) -> Extraction:
    """Find every fact in a structured document.

    Args:
        tree: the structured document.
        rules: a folder of rule files laid over the packaged ones (`extractor/resources/`),
            to try a variant lexicon without editing the package.

    Example:
        >>> from extractor.pipeline import parse_raw  # doctest: +SKIP
        >>> extract(parse_raw(raw)).targets[0].evidence  # doctest: +SKIP
        '高新技术企业数量达到4000家'
    """
    with lexicons.using(rules):
        doc = analyse(tree)
        quantities = find_quantities(doc)
        organisations = find_organisations(doc)
        programmes = find_programmes(doc)
        assigned = assign_owners(doc, organisations, quantities)
        return Extraction(
            tree=tree,
            targets=assigned.targets,
            organisations=assigned.organisations,
            programmes=programmes,
            places=find_places(doc),
            citations=find_citations(doc),
            tasks=assigned.tasks,
        )
