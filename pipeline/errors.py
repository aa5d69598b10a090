"""The few error types a user can meet, each with a message they can act on.

Every extractor failure on a bad input is one of these; the CLI prints
``error: <file>: <message>`` and exits with status 2. Anything else is a bug,
which the entry points (``pipeline.boundary``) still report as ``InternalError``.
"""

from __future__ import annotations


class CwsError(Exception):
    """Base of every error the pipeline raises on purpose."""

    kind = "error"

    def __init__(self, message: str, path: str | None = None):
        message = " ".join(message.split())  # one line, whatever a library put in it
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputNotFound(CwsError):
    """The path does not exist or is not a readable file."""

    kind = "not found"


class UnsupportedFormat(CwsError):
    """The file is not a format we read, or its content does not match its extension."""

    kind = "unsupported"


class EmptyDocument(CwsError):
    """The file is empty, or opens cleanly but yields no text."""

    kind = "empty"


class EncryptedDocument(CwsError):
    """The file is password-protected."""

    kind = "encrypted"


class NoTextLayer(CwsError):
    """A PDF whose pages are images only (scanned): it needs OCR first."""

    kind = "no text layer"


class CorruptDocument(CwsError):
    """The file is damaged or truncated and cannot be read."""

    kind = "corrupt"


class TooLarge(CwsError):
    """The file exceeds the size or page budget."""

    kind = "too large"


class ExtractionTimeout(CwsError):
    """Reading the file took longer than the time budget."""

    kind = "timed out"


class InvalidOutput(CwsError):
    """A JSON or XML file does not validate against the committed schema."""

    kind = "invalid"


class InvalidSetting(CwsError):
    """An environment variable setting a limit (``CWS_TIME_LIMIT`` …) has a value we cannot use."""

    kind = "invalid setting"


class InternalError(CwsError):
    """An unexpected failure inside the pipeline: a bug to report, still one line for the user."""

    kind = "internal error"


class InvalidRequest(CwsError, ValueError):
    """The call asks for what the document does not have (an annex number it lacks)."""

    kind = "invalid request"
