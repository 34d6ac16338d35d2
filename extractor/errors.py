"""The one place where policykg's exceptions live.

Every failure a user can cause (a bad file, a wrong option) is an `ExtractorError` that
carries the file it concerns and a hint of what to do, so the CLI can print one clear
line instead of a traceback. Third-party exceptions are wrapped at the edge.
"""
from __future__ import annotations


class ExtractorError(Exception):
    """A problem the user can act on: bad input, a missing file, an unknown option.

    Args:
        problem: what is wrong, in a few words.
        path: the file concerned, when there is one.
        hint: what the user can do about it, when there is something.

    Example:
        >>> str(IngestError("no text layer", path="scan.pdf", hint="run OCR first"))
        'scan.pdf: no text layer (run OCR first)'
    """

    def __init__(self, problem: str, *, path: str | None = None, hint: str | None = None):
        self.problem = problem
        self.path = path
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        """The one-line message: ``<file>: <problem> (<hint>)``."""
        text = f"{self.path}: {self.problem}" if self.path else self.problem
        return f"{text} ({self.hint})" if self.hint else text


class IngestError(ExtractorError):
    """A file could not be read into a document (corrupt, encrypted, scanned, empty …)."""


class UnsupportedFormatError(IngestError):
    """The file's extension names no format policykg reads."""


class ScannedDocumentError(IngestError):
    """A PDF has pages but no text layer: it needs OCR before policykg can read it."""


class EncryptedDocumentError(IngestError):
    """A PDF is password-protected."""


class DocumentTimeoutError(ExtractorError):
    """A document took longer than the per-document time limit."""


class ExportError(ExtractorError):
    """A graph or record could not be written in the requested format."""
