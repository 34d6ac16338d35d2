"""The lower text layer every finder reads: views of the clean text with a map back to it.

It builds on normalise's repaired text and imports neither normalise nor structure, so both
may use it.
"""
from extractor.text.view import View, view

__all__ = ["View", "view"]
