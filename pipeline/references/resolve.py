"""Resolve: turn reference hits into ``Reference`` records and point the internal
ones at paragraph and annex ids of this document.

A paragraph reference that names no document takes the document of the "of
document X" phrase closing the same enumeration ("paragraphs 3 and 5 and
paragraph 9 of document X") and nothing else: no guessing past the sentence. A
"new paragraph 17" is one to be inserted into the document the sentence named
before it. The document's own symbol where it stands as furniture (a running
header "CWS/5/22 Prov. page 16", the header block) is no reference at all.
"""

from __future__ import annotations

import re

from pipeline.model import Direction, Document, Reference, ReferenceKind
from pipeline.references.extents import ParagraphReading
from pipeline.references.find import Hit
from pipeline.references.nlp import lexicon
from pipeline.references.tokens import symbol_of_kind
from pipeline.symbols import Symbol, parse_symbol

REFERENCE_KINDS = {
    "DOCUMENT": ReferenceKind.document,
    "OWN_DOCUMENT": ReferenceKind.document,
    "CIRCULAR": ReferenceKind.circular,
    "PARAGRAPHS": ReferenceKind.paragraph,
    "ANNEX": ReferenceKind.annex,
}
_ENUMERATION_GLUE = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or|,?\s*as well as)\s*$")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def references(hits: list[Hit], document: Document) -> list[Reference]:
    """The references among ``hits``, resolved against ``document``."""
    found = [hit for hit in hits if hit.label in REFERENCE_KINDS and not _furniture(hit)]
    records = [_record(hit, index) for index, hit in enumerate(found, 1)]
    _inherit_documents(found, records)
    _after_document(found, records)
    _new_paragraphs(found, records)
    numbered = {"": _ids(document.paragraphs)}
    numbered.update({annex.id: _ids(annex.paragraphs) for annex in document.annexes})
    for hit, record in zip(found, records):
        _resolve(record, hit, document, numbered)
    return records


def symbol_of(hit: Hit) -> Symbol | None:
    """The document or circular symbol a reference hit names, if any."""
    return next(filter(None, (symbol_of_kind(token.symbol, "document", "circular") for token in hit.tokens)), None)


def _furniture(hit: Hit) -> bool:
    """A bare symbol standing as a running header ("CWS/7/29 Prov. page 2") or a
    header line of its own ("/ ECWS/5/22 PROV."), not as a reference."""
    if hit.label != "DOCUMENT" or len(hit.tokens) != 1:
        return False
    rules = lexicon()["running_header"]
    before, after = hit.unit.text[: hit.start], hit.unit.text[hit.end :]
    if re.match(rules["page_after"], after):
        return True
    return bool(re.search(rules["line_before"], before) and re.match(rules["line_after"], after))


def _ids(paragraphs) -> dict[int, str]:
    return {paragraph.number: paragraph.id for paragraph in paragraphs}


def _record(hit: Hit, index: int) -> Reference:
    kind = REFERENCE_KINDS[hit.label]
    symbol = symbol_of(hit)
    document = symbol.normalized if symbol else None
    record = Reference(id=f"ref{index}", kind=kind, mention=hit.mention(), document=document, internal=False)
    if kind == ReferenceKind.paragraph:
        _paragraph_fields(record, hit.paragraphs)
    else:
        last = hit.tokens[-1].lower_
        record.direction = Direction(last) if last in ("above", "below") else None
    return record


def _paragraph_fields(record: Reference, reading: ParagraphReading) -> None:
    record.paragraphs = reading.numbers
    record.items = reading.items
    record.direction = Direction(reading.direction) if reading.direction else None
    record.annex = reading.annex
    if reading.symbol is not None:
        record.document = reading.symbol.normalized
    widest = lexicon()["paragraph_reference"]["max_range"]
    notes = []
    for first, last in reading.ranges:
        if last <= first:
            notes.append(f"range {first} to {last} runs backwards: its two ends kept")
        elif last - first > widest:
            notes.append(f"range {first} to {last} is wider than {widest}: its two ends kept")
    record.note = "; ".join(notes) or None
    if reading.own:
        record.document = None


def _inherit_documents(found: list[Hit], records: list[Reference]) -> None:
    for index in range(len(found) - 2, -1, -1):
        hit, record = found[index], records[index]
        following, source = found[index + 1], records[index + 1]
        if (
            record.kind == ReferenceKind.paragraph
            and source.kind == ReferenceKind.paragraph
            and record.document is None
            and record.direction is None
            and record.annex is None
            and source.document is not None
            and hit.unit is following.unit
            and _ENUMERATION_GLUE.match(hit.unit.text[hit.end : following.start])
        ):
            record.document = source.document
            record.inherited = True


def _after_document(found: list[Hit], records: list[Reference]) -> None:
    """ "(document CWS/4BIS/16, paragraph 50)": the paragraph of the document just named."""
    glue = re.compile(lexicon()["paragraph_reference"]["after_document"])
    for index in range(1, len(found)):
        hit, record, before = found[index], records[index], records[index - 1]
        if (
            record.kind == ReferenceKind.paragraph
            and record.document is None
            and record.direction is None
            and record.annex is None
            and before.kind == ReferenceKind.document
            and before.document is not None
            and found[index - 1].unit is hit.unit
            and glue.match(hit.unit.text[found[index - 1].end : hit.start])
        ):
            record.document = before.document
            record.inherited = True


def _new_paragraphs(found: list[Hit], records: list[Reference]) -> None:
    """ "the inclusion of a new paragraph 17": a paragraph of the document the
    sentence named before, not of this one."""
    new_words = lexicon()["paragraph_reference"]["new_paragraph_words"]
    for index, (hit, record) in enumerate(zip(found, records)):
        if record.kind != ReferenceKind.paragraph or record.document is not None or hit.before not in new_words:
            continue
        earlier = [
            other
            for other, hit_before in zip(records[:index], found[:index])
            if other.document and hit_before.same_sentence(hit)
        ]
        if earlier:
            record.document = earlier[-1].document
            record.inherited = True


def _base(symbol: str | None) -> str | None:
    """The symbol without suffixes: "CWS/5/22" for "CWS/5/22 PROV."."""
    parsed = parse_symbol(symbol) if symbol else None
    return parsed.base if parsed else symbol


def _resolve(record: Reference, hit: Hit, document: Document, numbered: dict[str, dict[int, str]]) -> None:
    own = document.metadata.symbol
    annexed = {_base(annex.symbol): annex for annex in document.annexes if annex.symbol}
    if hit.label == "OWN_DOCUMENT":
        # "this document" inside an annexed document means that document.
        annex = next((annex for annex in document.annexes if annex.id == hit.unit.region), None)
        record.document = annex.symbol if annex and annex.symbol else own
    base = _base(record.document)
    record.internal = base is None or base == _base(own) or base in annexed
    if not record.internal:
        return
    region = annexed[base].id if base in annexed else None
    if record.kind == ReferenceKind.paragraph:
        if record.annex is not None:
            annex = _annex_named(document, record.annex)
            if annex is None:
                record.dangling = f"this document has no {record.annex}"
                return
            region = annex.id
        region = hit.unit.region if region is None else region
        _resolve_paragraphs(record, hit, numbered[region], region)
    elif record.kind == ReferenceKind.annex:
        target = region or (document.annexes[0].id if document.annexes else None)
        record.targets = [target] if target else []
        record.dangling = None if record.targets else "this document has no annex"
    elif region:
        record.targets = [region]


def _annex_named(document: Document, words: str):
    """The annex "Annex I", "Annex 2" or "the Annex" (of a one-annex document) names."""
    label = words.split()[-1]
    if label.lower() == "annex":
        return document.annexes[0] if len(document.annexes) == 1 else None
    number = _ROMAN.get(label) or (int(label) if label.isdigit() else ord(label) - ord("A") + 1)
    return next((annex for annex in document.annexes if annex.number == number), None)


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
