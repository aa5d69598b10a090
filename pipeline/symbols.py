"""The one grammar of WIPO symbols: documents ("CWS/5/22 PROV.", "WO/GA/43/16",
"CWS/4BIS/16"), circulars ("C.CWS.180" in every spelling) and standards
("ST.10/C", "ST.96").

The grammar is data (``data/symbols.json``): known bodies, the suffix spellings
and the regular-expression fragments. Converters glue words to symbols
("documentCWS/2/13", the language mark in "/ ECWS/5/22 PROV."); a match starts
at the symbol itself, never at the glued word, and the text is never rewritten.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GRAMMAR = Path(__file__).resolve().parent / "data" / "symbols.json"


@dataclass(frozen=True)
class Symbol:
    """A parsed symbol. ``kind`` is document, circular or standard; ``session``
    is a string because sessions can carry letters ("4BIS"); ``part`` is a
    standard's part ("C" of ST.10/C)."""

    kind: str
    body: str
    session: str | None
    number: int
    suffixes: tuple[str, ...] = ()
    part: str | None = None

    @property
    def base(self) -> str:
        """The symbol without suffixes: "CWS/5/22" for "CWS/5/22 PROV."."""
        if self.kind == "circular":
            return f"C.{self.body}.{self.number}"
        if self.kind == "standard":
            return f"ST.{self.number}" + (f"/{self.part}" if self.part else "")
        return f"{self.body}/{self.session}/{self.number}"

    @property
    def normalized(self) -> str:
        """The one written form: "CWS/1/10 PROV. Rev.", "C.CWS.74", "ST.10/C"."""
        return " ".join((self.base, *self.suffixes))

    @property
    def session_number(self) -> int | None:
        """The session as a number, letters dropped (4 for "4BIS")."""
        digits = re.match(r"\d+", self.session or "")
        return int(digits.group()) if digits else None

    @property
    def reconvened(self) -> bool:
        """True for a session part with letters, a session of its own ("4BIS")."""
        return bool(self.session and not self.session.isdigit())


@dataclass(frozen=True)
class SymbolMatch:
    """Where a symbol stands in a text: ``text[start:end]`` is the symbol as printed."""

    start: int
    end: int
    kind: str
    symbol: Symbol


def find_symbols(text: str) -> list[SymbolMatch]:
    """Every document symbol, circular and standard in ``text``, in text order."""
    grammar = _grammar()
    matches = []
    for match in grammar_matches(text, grammar):
        found = _document(match, grammar) if match.group("doc_body") else _other(match)
        if found is not None:
            matches.append(found)
    return matches


def grammar_matches(text: str, grammar: _Grammar) -> Iterator[re.Match]:
    """What ``grammar.pattern.finditer(text)`` finds, the grammar (tried at every
    capital) run only from where the next match can start: every match holds
    an anchor, its first one where its body ends (a document's), or at its
    "C." (a circular, perhaps after "Circular") or its "ST." (a standard)."""
    position = 0
    while (anchor := grammar.anchor.search(text, position)) is not None:
        match = grammar.pattern.search(text, max(position, _earliest_start(text, anchor.start())))
        if match is None:
            return
        yield match
        position = match.end()


def _earliest_start(text: str, anchor: int) -> int:
    """The earliest a match holding the anchor at ``anchor`` as its first can
    start: before the capitals and slashes of a document's body, or before the
    word and spaces of "Circular " in front of a circular's "C."."""
    body = anchor
    while body > 0 and (text[body - 1] == "/" or "A" <= text[body - 1] <= "Z"):
        body -= 1
    word = anchor
    while word > 0 and text[word - 1].isspace():
        word -= 1
    while word > 0 and ("A" <= text[word - 1] <= "Z" or "a" <= text[word - 1] <= "z"):
        word -= 1
    return min(body, word)


def parse_symbol(text: str) -> Symbol | None:
    """The symbol ``text`` consists of ("CWS/5/22 PROV.", "Circular C.CWS 74",
    "ST.10/C"), or None when it holds anything else."""
    stripped = text.strip()
    found = find_symbols(stripped)
    if len(found) != 1 or found[0].end != len(stripped):
        return None
    glued = stripped[: found[0].start]
    return found[0].symbol if glued.isalpha() or not glued else None


@dataclass(frozen=True)
class _Grammar:
    pattern: re.Pattern
    anchor: re.Pattern
    known_bodies: tuple[str, ...]
    unknown_body_min_letters: int
    suffixes: dict[str, str]


@cache
def _grammar() -> _Grammar:
    data = json.loads(GRAMMAR.read_text(encoding="utf-8"))
    spellings = "|".join(sorted(map(re.escape, data["suffixes"]), key=len, reverse=True))
    suffix = rf"(?:{data['suffix_separator']}(?:{spellings})(?:\.|(?![A-Za-z]))(?:{data['suffix_number']}(?!\d))?)"
    document = (
        rf"(?<![A-Z0-9/.])(?P<doc_body>{data['body']})/(?P<session>{data['session']})/"
        rf"(?P<doc_number>{data['number']})(?![\d/])(?P<suffixes>{suffix}*)"
    )
    circular = data["circular"].replace("?P<body>", "?P<circ_body>").replace("?P<number>", "?P<circ_number>")
    standard = data["standard"].replace("?P<number>", "?P<std_number>")
    pattern = re.compile(
        rf"{document}|(?<![A-Z0-9.])(?P<circular>{circular})(?!\d)|(?<![A-Z0-9.])(?P<standard>{standard})(?![A-Za-z0-9])"
    )
    known = tuple(sorted(data["known_bodies"], key=len, reverse=True))
    return _Grammar(pattern, re.compile(data["anchor"]), known, data["unknown_body_min_letters"], data["suffixes"])


def _document(match: re.Match, grammar: _Grammar) -> SymbolMatch | None:
    body = match.group("doc_body")
    start = match.start("doc_body")
    if body not in grammar.known_bodies:
        # A word or language mark glued in front of a known body ("ECWS", "DOCUMENTCWS").
        known = next((k for k in grammar.known_bodies if body.endswith(k) and body[-len(k) - 1].isalpha()), None)
        if known is not None:
            start += len(body) - len(known)
            body = known
        elif len(body.split("/")[0]) < grammar.unknown_body_min_letters:
            return None
    spellings = re.findall(r"[A-Za-z]+|\d+", match.group("suffixes"))
    suffixes: list[str] = []
    for piece in spellings:
        if piece.isdigit():
            suffixes[-1] += piece
        else:
            suffixes.append(grammar.suffixes[piece])
    symbol = Symbol("document", body, match.group("session"), int(match.group("doc_number")), tuple(suffixes))
    end = match.end("suffixes") if spellings else match.end("doc_number")
    return SymbolMatch(start, end, "document", symbol)


def _other(match: re.Match) -> SymbolMatch | None:
    if match.group("circular"):
        symbol = Symbol("circular", match.group("circ_body"), None, int(match.group("circ_number")))
        return SymbolMatch(match.start("circular"), match.end("circular"), "circular", symbol)
    symbol = Symbol("standard", "ST", None, int(match.group("std_number")), part=match.group("part"))
    return SymbolMatch(match.start("standard"), match.end("standard"), "standard", symbol)
