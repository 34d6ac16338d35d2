"""Label–value fields: a web page's metadata block, a reply form, a proposal's cover sheet.

Sites and forms set their metadata as labels and values (发文机关：国务院 成文日期：2018年11月16日
标题：… 发文字号：国发〔2018〕39号; 提案人：… 承办单位：… 事由：…). Flattened web text puts
them all on one line, so a value runs to the next label (or the line's end), never further.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from extractor.lexicons import cached, load_json

_HEADER_CHARS = 2500
_BLANK = " \t\u3000•·"
_BLANKS = re.compile(r"[ \t\u3000]+")


@cached
def _labels() -> tuple[dict[str, str], re.Pattern[str]]:
    """Each label's meta field ("" for a label that only ends the value before it) and a
    pattern finding any label with its colon; longest labels first (发文机关 before 机关)."""
    data = load_json("document_meta.json")["field_labels"]
    field_of = {label: field for field, labels in data.items() for label in labels}
    # pages space a label's characters out to align the block: 标  题, 索 引 号. No Han
    # character stands before a label: checked after its first character, so that every
    # branch opens with a literal and the scan skips to the labels' first characters.
    spaced = (re.escape(label[0]) + r"(?<![\u3400-\u9fff].)" + "".join(r"[ \t\u3000]*" + re.escape(c) for c in label[1:])
              for label in sorted(field_of, key=len, reverse=True))
    return field_of, re.compile(rf"(?P<label>{'|'.join(spaced)})\s*[：:]")


def field_labels() -> frozenset[str]:
    """Every label of label–value metadata (来源, 发文机关): what stands before a colon as one."""
    return frozenset(_labels()[0])


def fields(text: str) -> Mapping[str, str]:
    """The first non-empty value of each meta field labelled in the header.

    Example:
        >>> dict(fields("发文机关： 国务院 成文日期： 2018年11月16日 标题： 国务院关于…的意见"))
        {'issuer': '国务院', 'date': '2018年11月16日', 'title': '国务院关于…的意见'}
    """
    field_of, label = _labels()
    header = text[: min(len(text), _HEADER_CHARS)]
    found: dict[str, str] = {}
    matches = list(label.finditer(header))
    for m, following in zip(matches, [*matches[1:], None]):
        end = following.start() if following else len(header)
        # the value's first line: a page may set the value on the line under its label
        value = next((v for line in header[m.end():end].split("\n") if (v := line.strip(_BLANK))), "")
        field = field_of[_BLANKS.sub("", m.group("label"))]
        if value and field:
            found.setdefault(field, value)
    return found
