"""Whitespace, line-wrap and hyphenation normalization shared by every stage."""

from __future__ import annotations

import re
from collections.abc import Iterable

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters
# A run of spaces to collapse: two or more, or one that is not a plain space
# (single plain spaces, most of them, are left alone without a substitution each).
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_WORD = re.compile(r"[A-Za-z]+")
_HYPHENATED_END = re.compile(r"([A-Za-z]+)-$")
_LOWER_START = re.compile(r"^([a-z]+)")
# What JSON and XML cannot carry or Unicode reserves: control characters but TAB, LF
# and CR (XML 1.0 forbids them), lone surrogates, and the non-characters
# (U+FDD0–U+FDEF and the last two code points of every plane).
_NOT_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
    + "]"
)
REPLACEMENT = "\ufffd"


def valid_text(text: str) -> tuple[str, int]:
    """``text`` with every character that is not valid text replaced by U+FFFD,
    and how many were replaced."""
    if text.isprintable():  # none of those characters is printable, and most texts are
        return text, 0
    return _NOT_TEXT.subn(REPLACEMENT, text)


def normalize_space(text: str) -> str:
    """Collapse runs of spaces (NBSP and friends included) and strip the ends."""
    if text.isascii() and "  " not in text and "\t" not in text:  # nothing to remove or collapse
        return text.strip()
    for invisible in _INVISIBLE:  # a scan each: str.translate looks every character up in a dict
        if invisible in text:
            text = text.replace(invisible, "")
    return _SPACES.sub(" ", text).strip()


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Lower-cased words of a document, to decide how to undo line-end hyphens."""
    # One search over the joined texts, each distinct word lower-cased once. (Lower-casing
    # first would differ: "İ" lower-cases to an ASCII "i" and a combining mark.)
    return frozenset(map(str.lower, set(_WORD.findall(" ".join(texts)))))


def join_lines(lines: Iterable[str], words: frozenset[str] = frozenset()) -> str:
    """Join hard-wrapped lines into one normalized string (``join_line`` line by line)."""
    joined = ""
    for raw in lines:
        line = normalize_space(raw)
        if line:
            joined = join_line(joined, line, words)
    return joined


def join_line(joined: str, line: str, words: frozenset[str] = frozenset()) -> str:
    """``joined`` and the next ``line`` (both normalized) as one string.

    A line ending in a hyphen after a letter, followed by a lower-case word, is
    joined without a space; the hyphen is dropped when the joined word occurs
    elsewhere in the document (``words``), kept otherwise ("machine-readable").
    """
    if not joined:
        return line
    if not joined.endswith("-"):  # spares searching the whole of a long text for its last word
        return f"{joined} {line}"
    end = _HYPHENATED_END.search(joined)
    start = _LOWER_START.match(line)
    if end and start:
        merged = (end.group(1) + start.group(1)).lower()
        return joined[:-1] + line if merged in words else joined + line
    return f"{joined} {line}"


def strip_trailing_quotes(text: str) -> str:
    """The text without closing quotes or brackets at its end."""
    return text.rstrip("\"'”’)] ")
