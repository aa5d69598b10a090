"""Document metadata: the WIPO header block, the file name, the decision paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.dates import ordinal_number, ordinal_word, parse_date, parse_date_range
from pipeline.model import DocumentKind, Metadata, Session

SYMBOL = re.compile(r"^([A-Z]{2,}(?:/[A-Z]{1,5})*)/(\d+)/(\d+)(?:\s+(?:Rev|Corr)\.?\s*\d*)?$")
CIRCULAR = re.compile(r"^(?:Circular\s+)?C\.\s*([A-Z]{2,})\s*\.?\s*(\d+)$")
_ORIGINAL = re.compile(r"^ORIGINAL\s*:\s*(.+)$", re.I)
_DATE = re.compile(r"^DATE\s*:\s*(.+)$", re.I)
_BARE_DATE = re.compile(r"^[A-Z][a-z]+ \d{1,2}, \d{4}$")
_SUBJECT = re.compile(r"^(?:Re|Subject)\s*:\s*(.+)$")
_COMMITTEE = re.compile(r"^(?:WIPO\s+)?(?:Committee|Assemblies|General Assembly)\b.*?(?:\(([A-Z]{2,})\))?$")
_SESSION = re.compile(r"^([A-Za-z0-9-]+)\s+(?:\(\w+\)\s+)?Session$", re.I)
_PLACE_AND_DATES = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s+.*\d{4}$")
_PREPARED_BY = re.compile(r"^(?:Document )?prepared by (?:the )?(.+?)\.?$", re.I)
_LOGO = re.compile(r"^(?:WIPO|E|F|S|OMPI)$")
_FILE_SYMBOL = re.compile(r"^([a-z]+(?:_[a-z]+)*)_(\d+)_(\d+)$", re.I)
_REPORT_TITLE = re.compile(r"invited to take note of the [“\"](Report\b[^”\"]*)[”\"]")
_INVITED = re.compile(r"\bis invited to\b")


@dataclass
class Header:
    """What the leading blocks of a document said about it."""

    metadata: Metadata = field(default_factory=Metadata)
    consumed: int = 0


def read_header(texts: list[str]) -> Header:
    """Parse the WIPO header block (symbol, ORIGINAL, DATE, committee, session, title)
    or a circular's heading (symbol, date, "Re:" subject) from the first texts.

    Stops at the first text that is not a header line; ``consumed`` says how many
    texts it used.
    """
    header = Header()
    meta = header.metadata
    for index, text in enumerate(texts):
        if not _read_header_line(text, header):
            if _is_header_title(text, header):
                meta.title = text
            else:
                break
        header.consumed = index + 1
    return header


def circular_symbol(match: re.Match) -> str:
    """The one written form of a circular, "C.CWS.151", from a ``CIRCULAR`` match
    of any spelling ("C. CWS 151", "Circular C.CWS 151")."""
    return f"C.{match.group(1)}.{match.group(2)}"


def is_header_line(text: str) -> bool:
    """A line of the WIPO header block on its own: symbol, ORIGINAL, DATE,
    committee, session, place and dates, "prepared by", logo."""
    return _read_header_line(text, Header()) or bool(_PLACE_AND_DATES.match(text) and parse_date_range(text))


def _read_header_line(text: str, header: Header) -> bool:
    meta = header.metadata
    if match := SYMBOL.match(text):
        meta.symbol = text
        meta.committee = meta.committee or match.group(1)
        return True
    if match := CIRCULAR.match(text):
        meta.symbol = circular_symbol(match)
        meta.committee = match.group(1)
        meta.kind = DocumentKind.circular
        return True
    if match := _ORIGINAL.match(text):
        meta.original_language = match.group(1).strip().capitalize()
        return True
    if match := _DATE.match(text):
        meta.date = parse_date(match.group(1).title())
        return True
    if _BARE_DATE.match(text) and meta.date is None:
        meta.date = parse_date(text)
        return meta.date is not None
    if match := _SUBJECT.match(text):
        meta.title = match.group(1).strip()
        return True
    if (match := _COMMITTEE.match(text)) and (match.group(1) or meta.symbol):
        meta.committee = match.group(1) or meta.committee  # "WIPO General Assembly": the symbol names it
        return True
    if (match := _SESSION.match(text)) and ordinal_number(match.group(1)):
        number = ordinal_number(match.group(1))
        meta.session = Session(number=number, ordinal=ordinal_word(number))
        return True
    if meta.session and _PLACE_AND_DATES.match(text):
        dates = parse_date_range(text)
        if dates:
            meta.session.start_date, meta.session.end_date = dates
            meta.session.year = dates[0].year
            return True
    if match := _PREPARED_BY.match(text):
        meta.prepared_by = match.group(1)
        return True
    return bool(_LOGO.match(text))


def _is_header_title(text: str, header: Header) -> bool:
    meta = header.metadata
    return (
        meta.title is None
        and (meta.committee is not None or meta.symbol is not None)
        and meta.kind != DocumentKind.circular
        and text.upper() == text
        and any(ch.isalpha() for ch in text)
    )


def symbol_from_file_name(stem: str) -> str | None:
    """'CWS/12/22' from a WIPO-style file name such as 'cws_12_22'."""
    match = _FILE_SYMBOL.match(stem)
    if not match:
        return None
    return f"{match.group(1).replace('_', '/').upper()}/{match.group(2)}/{match.group(3)}"


def complete(meta: Metadata, file_stem: str, paragraph_texts: list[str]) -> None:
    """Fill what the header did not say from the file name and the body."""
    if meta.symbol is None and (inferred := symbol_from_file_name(file_stem)):
        meta.symbol = inferred
        meta.symbol_inferred = True
    if meta.symbol and (match := SYMBOL.match(meta.symbol)):
        meta.committee = meta.committee or match.group(1)
        if meta.session is None:
            number = int(match.group(2))
            meta.session = Session(number=number, ordinal=ordinal_word(number) if number < 100 else None)
    if meta.kind == DocumentKind.unknown:
        meta.kind = _kind_from_body(meta, paragraph_texts)


def _kind_from_body(meta: Metadata, paragraph_texts: list[str]) -> DocumentKind:
    for text in paragraph_texts:
        if match := _REPORT_TITLE.search(text):
            meta.title = meta.title or match.group(1).strip()
            return DocumentKind.report
    if any(_INVITED.search(text) for text in paragraph_texts):
        return DocumentKind.working_document
    return DocumentKind.unknown
