"""The messages of the PDF readers' refusals, shared by both backends."""

from __future__ import annotations

from pipeline.errors import CorruptDocument, EncryptedDocument


def encrypted(name: str) -> EncryptedDocument:
    """A PDF that needs a password to open."""
    return EncryptedDocument("encrypted: a password is needed to open it; save a copy without the password", name)


def damaged(name: str, reason: object) -> CorruptDocument:
    """A PDF the library cannot parse, with the library's reason."""
    return CorruptDocument(f"damaged or truncated PDF ({reason}); get a fresh copy of the file", name)
