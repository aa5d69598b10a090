"""Sessions: every mention of a session ("At its sixth session in 2018", "the
current session"), resolved to a number, and the ``sessions`` list built from them.

A mention belongs to the body named right after it ("the eleventh session of
the CWS"), else to the one its sentence names nearest before it ("the WIPO
General Assembly at its fortieth session"), else the first named after it ("At
its sixth session, the CWS …"), else the CWS. Relative mentions are resolved
against the document's own session: the metadata's, or failing that the one a
sentence gives by presenting a document to the current session ("presents it to
the current session of the CWS as a part of document CWS/12/22").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from pipeline.dates import ordinal_number, ordinal_word
from pipeline.model import Document, SessionMention, SessionRecord, SessionRelation
from pipeline.references.dates import iso_dates
from pipeline.references.find import Hit, hits_by_unit
from pipeline.references.names import fold
from pipeline.references.nlp import lexicon
from pipeline.references.tokens import symbol_of_kind
from pipeline.symbols import parse_symbol

_RELATIONS = {
    "current": SessionRelation.current,
    "present": SessionRelation.current,
    "this": SessionRelation.current,
    "next": SessionRelation.next,
    "last": SessionRelation.previous,
    "previous": SessionRelation.previous,
    "same": SessionRelation.same,
}
_OFFSETS = {SessionRelation.current: 0, SessionRelation.next: 1, SessionRelation.previous: -1}
_OF_BODY = re.compile(r"^\s*of\s+(?:the\s+)?$")
_SYMBOL_LABELS = ("DOCUMENT", "PARAGRAPHS", "ANNEX")  # references that can end in a document symbol


@dataclass
class Located:
    """A session mention with the hit it came from and the body it belongs to."""

    hit: Hit
    body: str
    session: SessionMention
    reconvened: bool = False


def session_mentions(hits: list[Hit], document: Document, own: int | None) -> list[Located]:
    """Every session mention in ``hits``, in document order, numbers resolved
    (relative ones against ``own``, the document's own session)."""
    own_body = _own_body(document)
    by_unit = hits_by_unit(hits)
    by_order = {hit.order: hit for hit in hits}
    located: list[Located] = []
    for hit in hits:
        if hit.label == "SESSION_SYMBOL":
            located.extend(_symbol_session(hit))
        if hit.label != "SESSION":
            continue
        neighbours = by_unit[hit.unit.id]
        if _session_line(hit):
            # A header's session line: its dates are on the line that follows.
            following = by_order.get(hit.order + 1)
            neighbours = [*neighbours, following] if following is not None else neighbours
        body = _body(hit, neighbours, own_body)
        for session in _read(hit, neighbours):
            if session.relation == SessionRelation.same:
                earlier = [entry.session.number for entry in located if entry.body == body]
                session.number = earlier[-1] if earlier else None
            elif session.relation in _OFFSETS and own is not None and body == own_body:
                session.number = own + _OFFSETS[session.relation]
            located.append(Located(hit, body, session, _reconvened(hit)))
    return located


def _session_line(hit: Hit) -> bool:
    """A text that is only a session's name: the session line of a header block
    ("First Session") that the header reader did not take."""
    return hit.start == 0 and not hit.unit.text[hit.end :].strip()


def _symbol_session(hit: Hit) -> list[Located]:
    """ "approved at CWS/9": the ninth session of the CWS."""
    written = next(token.text for token in hit.tokens if "/" in token.text)
    symbol = parse_symbol(written + "/1")
    if symbol is None:
        return []
    session = SessionMention(mention=hit.mention(), relation=SessionRelation.named, number=symbol.session_number)
    return [Located(hit, symbol.body, session, symbol.reconvened)]


def _reconvened(hit: Hit) -> bool:
    return any(token.lower_ in lexicon()["reconvened_words"] for token in hit.tokens)


def own_session(hits: list[Hit], document: Document) -> int | None:
    """The number of the session this document is for, where known."""
    if document.metadata.session and document.metadata.session.number:
        return document.metadata.session.number
    for hit in hits:
        if hit.label == "SESSION" and _session_line(hit):
            return _ordinals(hit)[0]
    own_body = _own_body(document)
    by_unit = hits_by_unit(hits)
    for hit in hits:
        if hit.label != "SESSION" or _relation(hit) != SessionRelation.current:
            continue
        for other in by_unit[hit.unit.id]:
            symbol = symbol_of_kind(other.tokens[-1].symbol, "document") if other.label in _SYMBOL_LABELS else None
            if symbol and symbol.kind == "document" and symbol.body == own_body and other.same_sentence(hit):
                return symbol.session_number
    return None


def session_records(located: list[Located], document: Document, own: int | None) -> list[SessionRecord]:
    """The ``sessions`` list: one record per body, number and reconvening, with its
    mentions; the document's own session (from its header) is always one."""
    own_body = _own_body(document)
    meta = document.metadata.session
    own_key = (own_body, own, bool(meta and meta.number == own and meta.reconvened))
    records: dict[tuple[str, int | None, bool], SessionRecord] = {}
    if own is not None:
        record = records[own_key] = _new_record(*own_key, own_key)
        if meta is not None and meta.number == own:
            record.year, record.start_date, record.end_date, record.place = (
                meta.year, meta.start_date, meta.end_date, meta.place
            )
    for entry in located:
        session = entry.session
        relative = session.relation != SessionRelation.named and entry.body == own_body and session.number == own
        key = own_key if relative else (entry.body, session.number, entry.reconvened)
        record = records.get(key)
        if record is None:
            record = records[key] = _new_record(*key, own_key)
        record.year = record.year or session.year
        record.start_date = record.start_date or session.start_date
        record.end_date = record.end_date or session.end_date
        paragraph = entry.hit.unit.paragraph or entry.hit.unit.id
        if paragraph not in record.paragraphs:
            record.paragraphs.append(paragraph)
        record.mentions.append(session)
    return sorted(records.values(), key=lambda r: (r.body, r.number is None, r.number or 0, r.reconvened))


def _new_record(body: str, number: int | None, reconvened: bool, own_key: tuple) -> SessionRecord:
    return SessionRecord(
        body=body,
        number=number,
        ordinal=ordinal_word(number) if number and number < 100 else None,
        reconvened=reconvened,
        current=number is not None and (body, number, reconvened) == own_key,
    )


def _read(hit: Hit, neighbours: list[Hit]) -> list[SessionMention]:
    relation = _relation(hit)
    year = next((int(token.text) for token in hit.tokens if token.is_digit and len(token.text) == 4), None)
    start = end = None
    date = _adjacent_date(hit, neighbours)
    values = iso_dates(date.text) if date is not None else []
    if len(values) == 1:
        first, last = values[0]
        year = year or int(first[:4])
        if len(first) == 10:
            start = dt.date.fromisoformat(first)
            end = dt.date.fromisoformat(last or first)
    numbers = _ordinals(hit) if relation == SessionRelation.named else [None]
    return [
        SessionMention(
            mention=hit.mention(), relation=relation, number=number, year=year, start_date=start, end_date=end
        )
        for number in numbers
    ]


def _relation(hit: Hit) -> SessionRelation:
    return next((_RELATIONS[t.lower_] for t in hit.tokens if t.lower_ in _RELATIONS), SessionRelation.named)


def _ordinals(hit: Hit) -> list[int]:
    numbers = []
    tokens = hit.tokens
    for index, token in enumerate(tokens):
        number = ordinal_number(token.text)
        if number is None:
            continue
        if index >= 2 and tokens[index - 1].text == "-":
            number = ordinal_number(f"{tokens[index - 2].text}-{token.text}") or number
        numbers.append(number)
    return numbers


def _adjacent_date(hit: Hit, neighbours: list[Hit]) -> Hit | None:
    glue = re.compile(lexicon()["session_date_glue"])
    for other in neighbours:
        if other.order <= hit.order:
            continue
        if other.label != "DATE":
            continue
        if other.unit is not hit.unit:
            return other if glue.match(other.unit.text[: other.start]) else None
        return other if glue.match(hit.unit.text[hit.end : other.start]) else None
    return None


def _body(hit: Hit, neighbours: list[Hit], default: str) -> str:
    bodies = _bodies()
    named = [other for other in neighbours if other.label == "BODY" and other.same_sentence(hit)]
    before = [other for other in named if other.end <= hit.start]
    after = [other for other in named if other.start >= hit.end]
    if after and _OF_BODY.match(hit.unit.text[hit.end : after[0].start]):
        chosen = after[0]
    elif before:
        chosen = before[-1]
    elif after:
        chosen = after[0]
    else:
        return default
    return bodies[fold(chosen.text)] or default


@cache
def _bodies() -> dict[str, str]:
    return {fold(name): body for name, body in lexicon()["bodies"].items()}


def _own_body(document: Document) -> str:
    """The body the document is of: its committee, else its symbol's body, else the CWS."""
    symbol = parse_symbol(document.metadata.symbol) if document.metadata.symbol else None
    return document.metadata.committee or (symbol.body if symbol else None) or lexicon()["default_body"]
