"""Whitespace, line-wrap and hyphenation normalization shared by every stage."""

from __future__ import annotations

import re
from collections.abc import Iterable

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WORD = re.compile(r"[A-Za-z]+")
_HYPHENATED_END = re.compile(r"([A-Za-z]+)-$")
_LOWER_START = re.compile(r"^([a-z]+)")


def normalize_space(text: str) -> str:
    """Collapse runs of spaces (NBSP and friends included) and strip the ends."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Lower-cased words of a document, to decide how to undo line-end hyphens."""
    return frozenset(word.lower() for text in texts for word in _WORD.findall(text))


def join_lines(lines: Iterable[str], words: frozenset[str] = frozenset()) -> str:
    """Join hard-wrapped lines into one normalized string.

    A line ending in a hyphen after a letter, followed by a lower-case word, is
    joined without a space; the hyphen is dropped when the joined word occurs
    elsewhere in the document (``words``), kept otherwise ("machine-readable").
    """
    joined = ""
    for raw in lines:
        line = normalize_space(raw)
        if not line:
            continue
        if not joined:
            joined = line
            continue
        end = _HYPHENATED_END.search(joined)
        start = _LOWER_START.match(line)
        if end and start:
            merged = (end.group(1) + start.group(1)).lower()
            joined = joined[:-1] + line if merged in words else joined + line
        else:
            joined = f"{joined} {line}"
    return joined


def strip_trailing_quotes(text: str) -> str:
    """The text without closing quotes or brackets at its end."""
    return text.rstrip("\"'”’)] ")
