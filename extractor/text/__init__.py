"""The lower text layer every finder reads: views of the clean text with a map back to it.

`view` joins lines (and drops spaces if asked); `paragraph_view` keeps a break where a
sentence, heading or short paragraph ends, the view figures are read in; `layout` measures
display widths and the wrap width. It imports neither normalise nor structure, so both may
use it.
"""
from extractor.text.paragraphs import paragraph_view
from extractor.text.view import View, view

__all__ = ["View", "paragraph_view", "view"]
