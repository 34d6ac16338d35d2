"""The opening of a speech-form report: a work report as a page or a PDF sets it.

    政府工作报告——2024年1月18日在杭州市第十四届人民代表大会第四次会议上 杭州市市长 姚高员
    XX市发展和改革委员会工作报告（2024年1月18日在…会议上）XX市发展和改革委员会主任 XXX

The title ends at the dash or bracket before the date; the date is the day the report was
given; the speaker follows 会议上 with an office and a name. The body whose report it is is
the title's own (…委员会工作报告), or the speaker's office's (XX委员会主任).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.lexicons import cached, load_json
from extractor.structure.dates import DATE, iso_date
from extractor.structure.lexicon import lexicon

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_REPORT_WORDS = re.compile(r"(?:工作)?报告$")


@dataclass(frozen=True)
class Report:
    title: str | None  # None: the text opens at the dateline
    title_end: int
    date: str | None
    issuer: str | None
    speaker: str | None  # who gives the report: no 签发人 (GB/T 9704), so not the meta signer


@cached
def _offices() -> dict[str, str]:
    return dict(load_json("document_meta.json")["report_offices"])


@cached
def _opening() -> re.Pattern[str]:
    offices = sorted(_offices(), key=len, reverse=True)
    # the title may be missing where a page or an excerpt opens at the dateline (——2024年1月9日在…)
    return re.compile(
        rf"\s*(?:(?P<title>[{_HAN}“”（）()]{{2,60}}?报告)(?:\s*(?:[—－\-]{{1,2}}|[（(])|[ \t]*\n)|[—－]{{2}})\s*"
        rf"(?P<date>{DATE.pattern})\s*在[^。\n]{{2,80}}?会议上\s*[）)]?"
        # the speaker's office may be left out (栗 俊 昌 alone under the date line)
        rf"(?:\s*(?P<office>[{_HAN}]{{0,30}}?(?:{'|'.join(map(re.escape, offices))}))\s*"
        rf"(?P<name>[{_HAN}·]{{2,4}})(?=\s|$|各位|同志))?")


def _body(name: str) -> str | None:
    suffixes = lexicon().org_suffixes
    return name if 2 <= len(name) <= 40 and name.endswith(suffixes) and name not in suffixes else None


def work_report(text: str) -> Report | None:
    """The title, date, issuing body and speaker of a report that opens in speech form.

    Example:
        >>> r = work_report("政府工作报告——2024年1月18日在杭州市第十四届人民代表大会第四次会议上 杭州市市长 姚高员 各位代表：")
        >>> r.title, r.date, r.speaker
        ('政府工作报告', '2024-01-18', '姚高员')
    """
    m = _opening().match(text)
    if not m:
        return None
    titled = m.group("title")
    return Report(titled, m.end("title") if titled else 0, iso_date(m),
                  (_body(_REPORT_WORDS.sub("", titled)) if titled else None) or _speaker_body(m.group("office") or ""),
                  m.group("name"))


def _speaker_body(office: str) -> str | None:
    """The body the speaker heads: 杭州市市长 → 杭州市人民政府, XX委员会主任 → XX委员会."""
    for word, heads in sorted(_offices().items(), key=lambda item: -len(item[0])):
        if office.endswith(word):
            return _body(office[: -len(word)] + heads)
    return None
