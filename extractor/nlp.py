"""policykg as a spaCy pipeline: our segmenter as tokenizer, our finders as components.

``make_nlp()`` returns ``spacy.blank("zh")`` whose tokenizer is policykg's own jieba
segmenter (registered as ``policykg.JiebaTokenizer.v1``) and whose pipeline runs the
registered components ``policykg_quantities``, ``policykg_organisations``,
``policykg_programmes`` and ``policykg_places``. Each puts its facts in
``doc.spans["quantities" | "organisations" | "programmes" | "places"]``; a quantity's
span carries ``span._.value``, ``value_max``, ``unit``, ``year``, ``comparator`` and
``metric``, and every span ``span._.node_id``, the id of its node in the graph of this
one text (`extractor.graph.build`). ``render_html(doc)`` shows them with displaCy's span
style, with no space put between Chinese tokens.

The tokenizer and the factories are also registered as package entry points
(``spacy_tokenizers``, ``spacy_factories`` in pyproject.toml), so ``spacy.load()`` of a
saved pipeline works in a process that never imported this module.

The components run the same finders as the record pipeline, over a `DocTree` built
from the doc's text once and shared by the components (a small cache keyed by the text).

Example:
    >>> nlp = make_nlp()  # doctest: +SKIP
    >>> [s.text for s in nlp("深入推进“揭榜挂帅”机制").spans["programmes"]]  # doctest: +SKIP
    ['揭榜挂帅']
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import spacy
from spacy import displacy
from spacy.displacy import templates as displacy_templates
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab

from extractor import extraction
from extractor.extraction.organisations import find_organisations
from extractor.extraction.places import find_places
from extractor.extraction.programmes import find_programmes
from extractor.extraction.quantities import find_quantities
from extractor.model import DocTree, RawDocument, Span
from extractor.graph import build
from extractor.pipeline import parse_raw
from extractor.record import to_record
from extractor.segment import segment

TOKENIZER = "policykg.JiebaTokenizer.v1"
TEXT_PATH = "<text>"
"""The `RawDocument.path` of a tree built from a string rather than a file."""

SPAN_ATTRIBUTES = ("value", "value_max", "unit", "year", "comparator", "metric", "node_id")
"""The custom attributes (``span._.name``) policykg's spans carry; None where they do not apply."""
for _attribute in SPAN_ATTRIBUTES:
    SpacySpan.set_extension(_attribute, default=None, force=True)

SPAN_COLORS = {"target": "#f4a261", "actual": "#e9c46a", "organisation": "#8ecae6",
               "programme": "#b5e48c", "place": "#d0bfff"}


class JiebaTokenizer:
    """spaCy tokenizer that segments with policykg's own jieba instance.

    It keeps no state of its own (the dictionary lives in policykg's resources), so
    serialising it writes nothing and loading it changes nothing.
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = get_words_and_spaces(segment(text), text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **_kwargs) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kwargs) -> JiebaTokenizer:
        return self

    def to_disk(self, _path, **_kwargs) -> None:
        return None

    def from_disk(self, _path, **_kwargs) -> JiebaTokenizer:
        return self


@spacy.registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], JiebaTokenizer]:
    """The registry entry for `JiebaTokenizer` (config: ``@tokenizers = "policykg.JiebaTokenizer.v1"``)."""
    return lambda nlp: JiebaTokenizer(nlp.vocab)


def tree_of_text(text: str) -> DocTree:
    """Repair and structure a string as a one-page plain-text document.

    Example:
        >>> tree_of_text("到2026年，新增企业100家。").doc_id
        '<text>'
    """
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_raw(RawDocument(path=TEXT_PATH, format="txt", sha256=sha, pages=(text,)))


@lru_cache(maxsize=4)
def _tree(text: str) -> DocTree:
    """The tree of a doc's text, built once and shared by the components that follow."""
    return tree_of_text(text)


@lru_cache(maxsize=4)
def _node_ids(text: str) -> dict[tuple[str, int, int], str]:
    """(node type, source start, end) → node id, in the graph of this one text."""
    graph = build([to_record(extraction.extract(_tree(text)))])
    ids = {}
    for nid, data in graph.nodes(data=True):
        for _doc, start, end in data.get("mentions", []):
            ids[(data["type"], start, end)] = nid
        if data["type"] == "Target":
            ids[("Target", *data["span"])] = nid
    return ids


Labelled = Iterable[tuple[Span, str, dict[str, Any]]]


def _quantity_spans(tree: DocTree) -> Labelled:
    return ((q.span, q.kind, {"value": q.value, "value_max": q.value_max, "unit": q.unit, "year": q.year,
                              "comparator": q.comparator, "metric": q.metric}) for q in find_quantities(tree))


def _organisation_spans(tree: DocTree) -> Labelled:
    return ((m, "organisation", {}) for o in find_organisations(tree) for m in o.mentions)


def _programme_spans(tree: DocTree) -> Labelled:
    return ((m, "programme", {}) for p in find_programmes(tree) for m in p.mentions)


def _place_spans(tree: DocTree) -> Labelled:
    return ((m, "place", {}) for p in find_places(tree) for m in p.mentions)


@dataclass(frozen=True)
class SpanComponent:
    """A pipeline component that writes one finder's facts into ``doc.spans[key]``."""

    key: str
    finder: Callable[[DocTree], Labelled] = field(repr=False)
    node_type: str = "Organisation"

    def __call__(self, doc: Doc) -> Doc:
        tree = _tree(doc.text)
        ids = _node_ids(doc.text)
        spans: dict[SpacySpan, dict[str, Any]] = {}
        for clean_span, label, attributes in self.finder(tree):
            start, end = tree.clean.to_source(clean_span)
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans[span] = {**attributes, "node_id": ids.get((self.node_type, start, end))}
        doc.spans[self.key] = sorted(spans)
        for span in doc.spans[self.key]:  # the group holds its own Span objects
            for name, value in spans[span].items():
                setattr(span._, name, value)
        return doc


COMPONENTS: dict[str, SpanComponent] = {
    "policykg_quantities": SpanComponent("quantities", _quantity_spans, "Target"),
    "policykg_organisations": SpanComponent("organisations", _organisation_spans, "Organisation"),
    "policykg_programmes": SpanComponent("programmes", _programme_spans, "Programme"),
    "policykg_places": SpanComponent("places", _place_spans, "Place"),
}


def _factory(factory: str) -> Callable[[Language, str], SpanComponent]:
    """Register the factory of the component `factory` names and return it."""

    def make(nlp: Language, name: str) -> SpanComponent:
        return COMPONENTS[factory]

    return Language.factory(factory, func=make)


# Module-level names, so pyproject.toml's spacy_factories entry points can point at them.
make_quantities = _factory("policykg_quantities")
make_organisations = _factory("policykg_organisations")
make_programmes = _factory("policykg_programmes")
make_places = _factory("policykg_places")


def make_nlp(*, components: Iterable[str] = tuple(COMPONENTS)) -> Language:
    """A blank Chinese pipeline with policykg's tokenizer and components.

    Args:
        components: factory names to add, in order (default: all four).

    Example:
        >>> nlp = make_nlp(components=["policykg_programmes"])
        >>> nlp.pipe_names
        ['policykg_programmes']
    """
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    for name in components:
        nlp.add_pipe(name)
    return nlp


# displaCy writes a space after every token and lays its span template out over several
# lines (more spaces): right for English, wrong for Chinese, which has no spaces. Each
# token's own whitespace travels in its text, ended by a mark that removes the space
# displaCy adds; the templates are the same markup on one line.
_TOKEN_END = "\ue000"
_COMPACT = {name: re.sub(r"\n\s*", "", getattr(displacy_templates, template)) for name, template in
            (("span", "TPL_SPAN"), ("slice", "TPL_SPAN_SLICE"), ("start", "TPL_SPAN_START"))}


def render_html(doc: Doc, *, keys: Iterable[str] = ("quantities", "organisations", "programmes", "places"),
                page: bool = True) -> str:
    """displaCy's span view of the given ``doc.spans`` keys, as one HTML string, with no
    space between Chinese tokens.

    Example:
        >>> nlp = make_nlp(components=["policykg_programmes"])
        >>> html = render_html(nlp("推行“揭榜挂帅”机制"), keys=["programmes"], page=False)
        >>> "推行“<span" in html, "推行 " in html
        (True, False)
    """
    merged = sorted({span for key in keys for span in doc.spans.get(key, ())})
    view = doc.copy()
    view.spans["policykg"] = [SpacySpan(view, s.start, s.end, label=s.label_) for s in merged]
    parsed = displacy.parse_spans(view, {"spans_key": "policykg"})
    parsed["tokens"] = [t.text_with_ws + _TOKEN_END for t in view]
    markup = displacy.render(parsed, style="span", manual=True, page=page, jupyter=False,
                             options={"colors": SPAN_COLORS, "template": _COMPACT})
    return markup.replace(_TOKEN_END + " ", "").replace(_TOKEN_END, "")
