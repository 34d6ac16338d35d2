"""Is a page's text layer garbage? Damaged streams and broken font encodings, told from text.

A damaged PDF or one whose fonts lost their character map still "has text": PDFium
returns Latin-1 letters, Cyrillic, Hangul and private-use code points where a Chinese
document has ideographs, or the punctuation survives (it sits in a standard font) while
every ideograph is gone. Either way the text would yield garbage facts, so readers treat
such a page like an image: OCR it, or report it as skipped.
"""
from __future__ import annotations

import re

# Anything but what Chinese government documents are written in: ASCII, CJK ideographs (with extension
# A), CJK and full-width punctuation, and the symbols they use (①, ℃, ≥, ㎡, Ⅱ, ★, □, μ, ·, ×).
_STRANGE = re.compile(
    r"[^\s\x20-\x7e\u00a0\u00b0\u00b1\u00b7\u00d7\u00f7\u0391-\u03c9\u2010-\u206f\u2100-\u23ff"
    r"\u2460-\u27bf\u2e80-\u2fdf\u3000-\u303f\u3200-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Sentence punctuation that only ever stands between ideographs in Chinese text.
_CJK_PUNCTUATION = re.compile(r"[，。、；：“”（）《》]")
_NON_SPACE = re.compile(r"\S")

MIN_CHARS = 20  # a page with less text than this (a page number, a stamp) is judged by its images
_MAX_STRANGE = 0.2  # above this share of implausible characters a page is garbage
_MIN_PUNCTUATION = 10  # enough Chinese punctuation to expect ideographs around it


def garbled(text: str) -> bool:
    """True when a page's text cannot be a Chinese document's: mostly strange characters,
    or Chinese punctuation with the ideographs it separates missing.

    Example:
        >>> garbled("到2025年，全区高新技术企业数量达到4000家，由区科技局牵头负责。")
        False
        >>> garbled("炖退뀀\\uf193烐Ѡ 炖+d霠Q 4 鐍έâ -“؏؏ ì Fó礥 ̓␍ BԀങ㆐ഘ胐廻ଲ")
        True
        >>> garbled("， ， ； ， S ， ACE2 ， ； 。 2022 ， （WHO） “ ” 5 ， 、 （Beta）、 。")
        True
    """
    chars = non_space(text)
    if chars < MIN_CHARS:
        return False
    if len(_STRANGE.findall(text)) > _MAX_STRANGE * chars:
        return True
    punctuation = len(_CJK_PUNCTUATION.findall(text))
    return punctuation >= _MIN_PUNCTUATION and len(_IDEOGRAPH.findall(text)) < punctuation



def non_space(text: str) -> int:
    """How many characters of `text` are not whitespace."""
    return len(_NON_SPACE.findall(text))
