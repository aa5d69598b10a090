"""Document metadata beyond the header block: the file name, the body, the kind.

The header block itself is read by ``pipeline.header``; ``complete`` fills what
it did not say.
"""

from __future__ import annotations

import re

from pipeline.header import is_header_line
from pipeline.header.kinds import decide_kind
from pipeline.header.ordinals import session_ordinal
from pipeline.model import Metadata, Session
from pipeline.symbols import parse_symbol

__all__ = ["complete", "is_header_line", "symbol_from_file_name"]

_FILE_SYMBOL = re.compile(r"^([a-z]+(?:_[a-z]+)*)_(\d+(?:bis)?)_(\d+)$", re.I)
_REPORT_TITLE = re.compile(r"invited to take note of the [“\"](Report\b[^”\"]*)[”\"]")


def symbol_from_file_name(stem: str) -> str | None:
    """'CWS/12/22' from a WIPO-style file name such as 'cws_12_22'."""
    match = _FILE_SYMBOL.match(stem)
    if not match:
        return None
    return f"{match.group(1).replace('_', '/').upper()}/{match.group(2).upper()}/{match.group(3)}"


def complete(meta: Metadata, file_stem: str, texts: list[str]) -> None:
    """Fill what the header did not say from the file name and the body texts
    (paragraphs, unnumbered content, headings), then decide the kind."""
    if meta.symbol is None and (inferred := symbol_from_file_name(file_stem)):
        meta.symbol = inferred
        meta.symbol_inferred = True
    parsed = parse_symbol(meta.symbol) if meta.symbol else None
    if parsed is not None and parsed.kind in ("document", "circular"):
        meta.committee = meta.committee or parsed.body
    if parsed is not None and parsed.kind == "document" and meta.session is None:
        number = parsed.session_number
        if number:  # CWS/0/1 names no session
            meta.session = Session(number=number, ordinal=session_ordinal(number), reconvened=parsed.reconvened)
    if meta.title is None:
        meta.title = next((m.group(1).strip() for text in texts if (m := _REPORT_TITLE.search(text))), None)
    meta.kind = decide_kind(meta, texts)

