"""Named filters: the first refusal wins and carries the filter's name."""
from extractor.extraction.candidates import Candidate, Decision, judge, named


def _starts_with_verb(text: str) -> str | None:
    return "starts with a verb" if text.startswith(("深化", "严格落实")) else None


def _generic(text: str) -> str | None:
    return "a generic class noun" if text in {"党委", "行政机关"} else None


def test_the_first_refusing_filter_names_the_decision():
    filters = named(_starts_with_verb, _generic)
    assert judge("严格落实行政机关", filters) == Decision("starts_with_verb", "starts with a verb")
    assert judge("行政机关", filters) == Decision("generic", "a generic class noun")
    assert judge("国家发展改革委", filters) is None


def test_a_candidate_is_accepted_when_nothing_refused_it():
    assert Candidate("organisations", "财政部", (0, 3)).accepted
    refused = Candidate("organisations", "党委", (0, 2), Decision("generic", "a generic class noun"))
    assert not refused.accepted
