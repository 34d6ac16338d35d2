"""What a programme filter reads: the document (view, cues and what the whole document says)
and one proposal (a candidate name, how it was found, what was read about it)."""
from __future__ import annotations

from dataclasses import dataclass, field

from extractor.extraction.programmes.cues import Cues
from extractor.model import Span
from extractor.text import View


@dataclass(frozen=True)
class Doc:
    """What filters read: the view, the cues, and what the whole document says (filled in
    after every candidate has passed or failed the filters that read it alone)."""

    view: View
    cues: Cues
    title_ends: frozenset[int] = frozenset()
    qualified: frozenset[str] = frozenset()  # quoted terms with a strong form or a cue somewhere
    weak_counts: tuple[tuple[str, int], ...] = ()  # quoted numeral forms and how often they occur
    defined: frozenset[str] = frozenset()  # short forms the document defines (以下简称“X”)
    brands: tuple[str, ...] = ()  # prefixes that start several of the document's names
    quoted_names: tuple[Span, ...] = ()  # where quoted terms that name a programme stand


@dataclass(init=False)  # not frozen (its __init__ would set each field through object.__setattr__): read-only by convention
class Proposal:
    """A candidate name at `start:end` of the view, how it was found, and what was read
    about it (`strength`: 'strong', 'cue' or 'weak' for quoted terms; `forms`: other forms
    of the name at this mention; `mid`: where the head starts)."""

    doc: Doc = field(repr=False, compare=False)
    way: str
    name: str
    start: int
    end: int
    mid: int = 0
    head: str = ""
    strength: str = ""
    forms: tuple[str, ...] = ()
    # the view's text and the part before the head: read by most filters, so set once, not computed per read
    compact: str = field(init=False, repr=False, compare=False)
    modifier: str = field(init=False, repr=False, compare=False)

    def __init__(self, doc: Doc, way: str, name: str, start: int, end: int, *, mid: int = 0, head: str = "",
                 strength: str = "", forms: tuple[str, ...] = ()) -> None:
        self.doc, self.way, self.name, self.start, self.end = doc, way, name, start, end
        self.mid, self.head, self.strength, self.forms = mid, head, strength, forms
        self.compact, self.modifier = doc.view.text, name[:mid - start]

    def evolve(self, *, doc: Doc | None = None, strength: str | None = None,
               forms: tuple[str, ...] | None = None) -> Proposal:
        """A copy judged in another document (`doc`: the whole document's) or read with another
        strength and forms. The name, its place and the view are kept (`compact` and `modifier`
        are copied as they are)."""
        copy = Proposal(doc or self.doc, self.way, self.name, self.start, self.end, mid=self.mid, head=self.head,
                        strength=self.strength if strength is None else strength,
                        forms=self.forms if forms is None else forms)
        copy.compact, copy.modifier = self.compact, self.modifier
        return copy
