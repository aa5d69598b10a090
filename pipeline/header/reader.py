"""The header block of a document read from its first blocks, as it comes.

The fields may stand one per block, several in one block (a document converted
onto one line), in any order, in body paragraphs, text boxes or table cells.
The header ends before the first numbered paragraph, or at the first long free
text, or after a few blocks with no field. Free text inside it is the title: the
run just before "prepared by", else the first run after the committee and
session lines, else the block that follows the header. Any other free text (and
what follows the header on its last line, such as "INTRODUCTION") is handed
back as body blocks, so no header line becomes a section and nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extractors.blocks import Block, Role
from pipeline.header.fields import Field, PlaceAndDates, SessionLine
from pipeline.header.ordinals import session_ordinal
from pipeline.header.scan import Free, scan
from pipeline.labels import LabelKind, parse_label
from pipeline.model import Metadata, Provenance, Session

MAX_HEADER_BLOCKS = 30
MAX_FREE_GAP = 4  # free blocks (a title over several lines) allowed between two header blocks
TITLE_MAX_WORDS = 40
# A header states at least one of these; a date or a place alone is not enough.
_IDENTIFYING = {"symbol", "original", "committee", "session"}
_BEFORE_TITLE = {"committee", "session", "place"}


@dataclass
class HeaderReading:
    """The metadata a header block states, and the blocks that follow it."""

    metadata: Metadata
    body: list[Block]


@dataclass(frozen=True)
class _Piece:
    block: int  # index of the block it stands in
    piece: Field | Free


def read_header(blocks: list[Block]) -> HeaderReading:
    """Read the WIPO header block (or a circular's heading) off the front of ``blocks``."""
    pieces, consumed, end = _header_pieces(blocks)
    fields = [item.piece for item in pieces if isinstance(item.piece, Field)]
    if not any(field.name in _IDENTIFYING for field in fields):
        return HeaderReading(Metadata(), list(blocks))
    title, after = _title(pieces, blocks, end)
    metadata = _metadata(fields)
    if title:
        words = " ".join(blocks[item.block].text[item.piece.start : item.piece.end] for item in title)
        metadata.title = words.strip("*_ ")
    consumed |= {end} if after else set()
    metadata.provenance = _span([blocks[index].provenance for index in sorted(consumed)])
    handed_back = [
        _part(blocks[item.block], item.piece)
        for item in pieces
        if isinstance(item.piece, Free) and item not in title
    ]
    return HeaderReading(metadata, handed_back + list(blocks[end + (1 if after else 0) :]))


def _header_pieces(blocks: list[Block]) -> tuple[list[_Piece], set[int], int]:
    """The pieces of the header's blocks, the blocks they use up, and the index of
    the first block after the header. A field split over two blocks ("DATE:" /
    "SEPTEMBER 5, 2021") is read from the two joined."""
    pieces: list[_Piece] = []
    pending: list[_Piece] = []
    consumed: set[int] = set()
    end = 0
    gap_words = 0
    index = 0
    while index < min(len(blocks), MAX_HEADER_BLOCKS):
        block = blocks[index]
        if _opens_body(block):
            break
        found = [_Piece(index, piece) for piece in scan(block.text)]
        width = 1
        if not _is_header_text(block.text, [item.piece for item in found]):
            joined = _joined_fields(blocks, index)
            if joined is None:
                gap_words += len(block.text.split())
                if len({item.block for item in pending}) >= MAX_FREE_GAP or gap_words > TITLE_MAX_WORDS:
                    break
                pending += found
                index += 1
                continue
            found, width = [_Piece(index, piece) for piece in joined], 2
        pieces += pending + found
        consumed |= {item.block for item in pending} | set(range(index, index + width))
        pending, gap_words, end = [], 0, index + width
        index += width
    return pieces, consumed, end


def _joined_fields(blocks: list[Block], index: int) -> list[Field] | None:
    """The fields of this block and the next read as one line, if that is all they hold."""
    if index + 1 >= len(blocks) or _opens_body(blocks[index + 1]):
        return None
    pieces = scan(f"{blocks[index].text} {blocks[index + 1].text}")
    if any(isinstance(piece, Field) and piece.name != "markup" for piece in pieces) and all(
        isinstance(piece, Field) for piece in pieces
    ):
        return pieces
    return None


def _is_header_text(text: str, pieces: list[Field | Free]) -> bool:
    fields = [piece for piece in pieces if isinstance(piece, Field) and piece.name != "markup"]
    if not fields:
        return False
    free_words = sum(len(text[piece.start : piece.end].split()) for piece in pieces if isinstance(piece, Free))
    return len(fields) >= 3 or free_words <= TITLE_MAX_WORDS // 2


def _opens_body(block: Block) -> bool:
    if block.label or block.numbered or block.role == Role.footnote:
        return True
    label = parse_label(block.text)
    return bool(label and label.kind == LabelKind.number)


def _title(pieces: list[_Piece], blocks: list[Block], end: int) -> tuple[list[_Piece], bool]:
    """The free pieces that make the title, and whether it is the block after the header."""
    if any(isinstance(item.piece, Field) and item.piece.name == "subject" for item in pieces):
        return [], False
    runs = _free_runs(pieces)
    for run, following in runs:
        if following is not None and following.name == "prepared_by":
            return run, False
    names_seen: set[str] = set()
    position = 0
    for item in pieces:
        if isinstance(item.piece, Field):
            names_seen.add(item.piece.name)
        elif names_seen & _BEFORE_TITLE:
            break
        position += 1
    for run, _ in runs:
        if pieces.index(run[0]) >= position and _title_like(run, blocks):
            return run, False
    if end < len(blocks) and _may_follow_as_title(blocks, end):
        return [_Piece(end, Free(0, len(blocks[end].text)))], True
    return [], False


def _free_runs(pieces: list[_Piece]) -> list[tuple[list[_Piece], Field | None]]:
    """Runs of consecutive free pieces, each with the field that follows it."""
    runs: list[tuple[list[_Piece], Field | None]] = []
    run: list[_Piece] = []
    for item in pieces:
        if isinstance(item.piece, Free):
            run.append(item)
        elif run:
            runs.append((run, item.piece))
            run = []
    if run:
        runs.append((run, None))
    return runs


def _title_like(run: list[_Piece], blocks: list[Block]) -> bool:
    words = sum(len(blocks[item.block].text[item.piece.start : item.piece.end].split()) for item in run)
    return words <= TITLE_MAX_WORDS // 2


def _may_follow_as_title(blocks: list[Block], index: int) -> bool:
    """The block after the header is its title unless it opens the body: a heading,
    a numbered paragraph, a long text, or a heading of the first numbered paragraph."""
    block = blocks[index]
    if block.role == Role.heading or _opens_body(block) or len(block.text.split()) > TITLE_MAX_WORDS // 2:
        return False
    return index + 1 >= len(blocks) or not _opens_body(blocks[index + 1])


def _metadata(fields: list[Field]) -> Metadata:
    metadata = Metadata()
    for field in fields:
        _apply(metadata, field)
    return metadata


def _apply(metadata: Metadata, field: Field) -> None:
    value = field.value
    if field.name == "symbol" and metadata.symbol is None:
        metadata.symbol = value.normalized
        metadata.committee = metadata.committee or value.body
    elif field.name == "original" and metadata.original_language is None:
        metadata.original_language = value
    elif field.name == "date" and metadata.date is None:
        metadata.date = value
    elif field.name == "committee":
        metadata.committee = metadata.committee or value
    elif field.name == "session" and isinstance(value, SessionLine) and value.number:
        session = metadata.session or Session()
        session.number, session.ordinal = value.number, session_ordinal(value.number)
        session.reconvened = value.reconvened
        metadata.session = session
    elif field.name == "place" and isinstance(value, PlaceAndDates):
        session = metadata.session or Session()
        session.place, session.start_date, session.end_date = value.place, value.start, value.end
        session.year = value.start.year
        metadata.session = session
    elif field.name == "prepared_by" and metadata.prepared_by is None:
        metadata.prepared_by = value
    elif field.name == "subject" and metadata.title is None:
        metadata.title = value


def _part(block: Block, piece: Free) -> Block:
    """The free part of a header block as a block of its own (footnote marks kept)."""
    text = block.text[piece.start : piece.end]
    if text == block.text:
        return block
    marks = tuple(
        replace(mark, offset=mark.offset - piece.start) for mark in block.marks if piece.start <= mark.offset <= piece.end
    )
    return replace(block, text=text, marks=marks)


def _span(provenances: list[Provenance]) -> Provenance | None:
    if not provenances:
        return None
    span = provenances[0]
    for provenance in provenances[1:]:
        span = span.merged(provenance)
    return span
