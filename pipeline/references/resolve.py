"""Resolve: turn reference hits into ``Reference`` records and point the internal
ones at paragraph and annex ids of this document.

A paragraph reference that names no document takes the document of the "of
document X" phrase closing the same enumeration ("paragraphs 3 and 5 and
paragraph 9 of document X") and nothing else: no guessing past the sentence.
"""

from __future__ import annotations

import re

from pipeline.metadata import CIRCULAR, SYMBOL, circular_symbol
from pipeline.model import Direction, Document, Reference, ReferenceKind
from pipeline.references.find import Hit

REFERENCE_KINDS = {
    "DOCUMENT": ReferenceKind.document,
    "OWN_DOCUMENT": ReferenceKind.document,
    "CIRCULAR": ReferenceKind.circular,
    "PARAGRAPHS": ReferenceKind.paragraph,
    "ANNEX": ReferenceKind.annex,
}
_ENUMERATION_GLUE = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or|,?\s*as well as)\s*$")
_RANGE_WORDS = {"to", "-", "–"}
_MAX_RANGE = 200


def references(hits: list[Hit], document: Document) -> list[Reference]:
    """The references among ``hits``, resolved against ``document``."""
    found = [hit for hit in hits if hit.label in REFERENCE_KINDS]
    records = [_record(hit, index) for index, hit in enumerate(found, 1)]
    _inherit_documents(found, records)
    numbered = {"": _ids(document.paragraphs)}
    numbered.update({annex.id: _ids(annex.paragraphs) for annex in document.annexes})
    for hit, record in zip(found, records):
        _resolve(record, hit, document, numbered)
    return records


def _ids(paragraphs) -> dict[int, str]:
    return {paragraph.number: paragraph.id for paragraph in paragraphs}


def _record(hit: Hit, index: int) -> Reference:
    kind = REFERENCE_KINDS[hit.label]
    last = hit.span[-1].lower_
    return Reference(
        id=f"ref{index}",
        kind=kind,
        mention=hit.mention(),
        document=_symbol(hit),
        paragraphs=paragraph_numbers(hit) if kind == ReferenceKind.paragraph else [],
        direction=Direction(last) if last in ("above", "below") else None,
        internal=False,
    )


def _symbol(hit: Hit) -> str | None:
    if hit.label == "CIRCULAR":
        match = CIRCULAR.match(hit.text)
        return circular_symbol(match) if match else hit.text
    return next((token.text for token in hit.span if SYMBOL.match(token.text)), None)


def paragraph_numbers(hit: Hit) -> list[int]:
    """[17, 18, …, 24] for "paragraphs 17 to 24", [16, 17] for "paragraphs 16 and 17"."""
    numbers: list[int] = []
    in_range = False
    for token in hit.span[1:]:
        if token.is_digit:
            number = int(token.text)
            if in_range and numbers and 0 < number - numbers[-1] <= _MAX_RANGE:
                numbers.extend(range(numbers[-1] + 1, number + 1))
            else:
                numbers.append(number)
            in_range = False
        elif token.lower_ in _RANGE_WORDS:
            in_range = True
        elif token.lower_ not in (",", "and"):
            break
    return numbers


def _inherit_documents(found: list[Hit], records: list[Reference]) -> None:
    for index in range(len(found) - 2, -1, -1):
        hit, record = found[index], records[index]
        following, source = found[index + 1], records[index + 1]
        if (
            record.kind == ReferenceKind.paragraph
            and source.kind == ReferenceKind.paragraph
            and record.document is None
            and record.direction is None
            and source.document is not None
            and hit.unit is following.unit
            and _ENUMERATION_GLUE.match(hit.unit.text[hit.end : following.start])
        ):
            record.document = source.document
            record.inherited = True


def _resolve(record: Reference, hit: Hit, document: Document, numbered: dict[str, dict[int, str]]) -> None:
    own = document.metadata.symbol
    annexed = {annex.symbol: annex for annex in document.annexes if annex.symbol}
    if hit.label == "OWN_DOCUMENT":
        # "this document" inside an annexed document means that document.
        annex = next((annex for annex in document.annexes if annex.id == hit.unit.region), None)
        record.document = annex.symbol if annex and annex.symbol else own
    record.internal = record.document is None or record.document in (own, *annexed)
    if not record.internal:
        return
    region = annexed[record.document].id if record.document in annexed else None
    if record.kind == ReferenceKind.paragraph:
        region = hit.unit.region if region is None else region
        _resolve_paragraphs(record, hit, numbered[region], region)
    elif record.kind == ReferenceKind.annex:
        target = region or (document.annexes[0].id if document.annexes else None)
        record.targets = [target] if target else []
        record.dangling = None if record.targets else "this document has no annex"
    elif region:
        record.targets = [region]


def _resolve_paragraphs(record: Reference, hit: Hit, ids: dict[int, str], region: str) -> None:
    problems = []
    missing = [number for number in record.paragraphs if number not in ids]
    if missing:
        problems.append(f"no paragraph {', '.join(map(str, missing))} in this document")
    here = hit.unit.number if hit.unit.region == region else None
    if here is not None and record.direction == Direction.above and any(n >= here for n in record.paragraphs):
        problems.append(f'"above" in paragraph {here} points at or below it')
    if here is not None and record.direction == Direction.below and any(n <= here for n in record.paragraphs):
        problems.append(f'"below" in paragraph {here} points at or above it')
    record.targets = [ids[number] for number in record.paragraphs if number in ids]
    record.dangling = "; ".join(problems) or None
