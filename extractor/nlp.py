"""policykg as a spaCy pipeline: our segmenter as tokenizer, our finders as components.

``make_nlp()`` returns ``spacy.blank("zh")`` whose tokenizer is policykg's own jieba
segmenter (registered as ``policykg.JiebaTokenizer.v1``) and whose pipeline runs the
registered components ``policykg_quantities``, ``policykg_organisations``,
``policykg_programmes`` and ``policykg_places``. Each puts its facts in
``doc.spans["quantities" | "organisations" | "programmes" | "places"]``;
``render_html(doc)`` shows them with displaCy's span style.

The components run the same finders as the record pipeline, over a `DocTree` built
from the doc's text once and shared by the components (a small cache keyed by the text).

Example:
    >>> nlp = make_nlp()  # doctest: +SKIP
    >>> [s.text for s in nlp("深入推进“揭榜挂帅”机制").spans["programmes"]]  # doctest: +SKIP
    ['揭榜挂帅']
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab

from extractor.extraction.organisations import find_organisations
from extractor.extraction.places import find_places
from extractor.extraction.programmes import find_programmes
from extractor.extraction.quantities import find_quantities
from extractor.model import DocTree, RawDocument, Span
from extractor.pipeline import parse_raw
from extractor.segment import segment

TOKENIZER = "policykg.JiebaTokenizer.v1"
TEXT_PATH = "<text>"
"""The `RawDocument.path` of a tree built from a string rather than a file."""

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


Labelled = Iterable[tuple[Span, str]]


def _quantity_spans(tree: DocTree) -> Labelled:
    return ((q.span, q.kind) for q in find_quantities(tree))


def _organisation_spans(tree: DocTree) -> Labelled:
    return ((m, "organisation") for o in find_organisations(tree) for m in o.mentions)


def _programme_spans(tree: DocTree) -> Labelled:
    return ((m, "programme") for p in find_programmes(tree) for m in p.mentions)


def _place_spans(tree: DocTree) -> Labelled:
    return ((m, "place") for p in find_places(tree) for m in p.mentions)


@dataclass(frozen=True)
class SpanComponent:
    """A pipeline component that writes one finder's facts into ``doc.spans[key]``."""

    key: str
    finder: Callable[[DocTree], Labelled]

    def __call__(self, doc: Doc) -> Doc:
        tree = _tree(doc.text)
        spans: list[SpacySpan] = []
        for clean_span, label in self.finder(tree):
            start, end = tree.clean.to_source(clean_span)
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.key] = sorted(set(spans))
        return doc


COMPONENTS: dict[str, SpanComponent] = {
    "policykg_quantities": SpanComponent("quantities", _quantity_spans),
    "policykg_organisations": SpanComponent("organisations", _organisation_spans),
    "policykg_programmes": SpanComponent("programmes", _programme_spans),
    "policykg_places": SpanComponent("places", _place_spans),
}


def _register(name: str, component: SpanComponent) -> None:
    Language.factory(name, func=lambda nlp, name: component)


for _name, _component in COMPONENTS.items():
    _register(_name, _component)


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


def render_html(doc: Doc, *, keys: Iterable[str] = ("quantities", "organisations", "programmes", "places"),
                page: bool = True) -> str:
    """displaCy's span view of the given ``doc.spans`` keys, as one HTML string.

    Example:
        >>> nlp = make_nlp(components=["policykg_programmes"])
        >>> "揭榜挂帅" in render_html(nlp("推行“揭榜挂帅”机制"), keys=["programmes"])
        True
    """
    merged = sorted({span for key in keys for span in doc.spans.get(key, ())})
    view = doc.copy()
    view.spans["policykg"] = [SpacySpan(view, s.start, s.end, label=s.label_) for s in merged]
    return displacy.render(view, style="span", page=page, jupyter=False,
                           options={"spans_key": "policykg", "colors": SPAN_COLORS})
