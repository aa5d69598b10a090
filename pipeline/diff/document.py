"""``diff_documents``: the whole comparison, part by part."""

from __future__ import annotations

from pipeline.boundary import entry_point
from pipeline.diff import scope
from pipeline.diff.changes import summarize
from pipeline.diff.footnotes import attach_header_footnotes, diff_footnotes
from pipeline.diff.model import DocumentDiff, FieldChange, NodeKind, Part, Side, Status, Summary
from pipeline.diff.nodes import Reader, diff_sequence
from pipeline.diff.paragraphs import diff_content, diff_paragraphs
from pipeline.diff.recommendations import diff_recommendations, has_related_column
from pipeline.diff.words import comparison_key, diff_words
from pipeline.model import Document
from pipeline.symbols import parse_symbol

COLUMNS = Reader[str](NodeKind.column, "col", lambda e: e, lambda e: None, lambda e: e)


@entry_point
def diff_documents(
    old: Document, new: Document, old_annex: int | None = None, new_annex: int | None = None
) -> DocumentDiff:
    """The meaning-level diff of two versions of a document.

    Without annex numbers the whole documents are compared: metadata, main body,
    annexes paired by number, footnotes. With them (a draft annex against the
    annex of another document that adopted it) only those two annexes and their
    footnotes are compared.
    """
    if old_annex is not None or new_annex is not None:
        old_annex = old_annex or 1
        new_annex = new_annex or 1
        part = _part(scope.annex(old, old_annex), scope.annex(new, new_annex), f"annex{old_annex}-{new_annex}")
        parts = [part]
        footnotes = diff_footnotes(scope.annex_footnotes(old, old_annex), scope.annex_footnotes(new, new_annex))
        metadata: list[FieldChange] = []
        sides = (_side(old, f"annex {old_annex}"), _side(new, f"annex {new_annex}"))
    else:
        parts = [_part(scope.body(old), scope.body(new), "body")]
        old_numbers, new_numbers = {a.number for a in old.annexes}, {a.number for a in new.annexes}
        for number in sorted(old_numbers | new_numbers):
            old_region = scope.annex(old, number) if number in old_numbers else None
            new_region = scope.annex(new, number) if number in new_numbers else None
            parts.append(_part(old_region, new_region, f"annex{number}"))
        footnotes = diff_footnotes(old.footnotes, new.footnotes)
        metadata = _metadata(old, new)
        sides = (_side(old, "document"), _side(new, "document"))
    footnotes = attach_header_footnotes(footnotes, parts, old, new)
    diff = DocumentDiff(
        old=sides[0], new=sides[1], summary=Summary(), metadata=metadata, parts=parts, footnotes=footnotes
    )
    diff.summary = summarize(diff)
    return diff


def _side(document: Document, scope_name: str) -> Side:
    return Side(file_name=document.source.file_name, symbol=document.metadata.symbol, scope=scope_name)


def _part(old: scope.Region | None, new: scope.Region | None, anchor: str) -> Part:
    empty = scope.Region("", None, [], [], [], [])
    old_region, new_region = old or empty, new or empty
    compare_related = has_related_column(old_region.columns, old_region.recommendations) and has_related_column(
        new_region.columns, new_region.recommendations
    )
    return Part(
        anchor=anchor,
        status=Status.paired if old and new else Status.added if new else Status.removed,
        old_label=old.label if old else None,
        new_label=new.label if new else None,
        title=_field(f"{anchor}.title", "annex title", old_region.title, new_region.title),
        columns=diff_sequence(COLUMNS, old_region.columns, new_region.columns, anchor),
        content=diff_content(old_region.content, new_region.content, anchor),
        paragraphs=diff_paragraphs(old_region.paragraphs, new_region.paragraphs, anchor),
        recommendations=diff_recommendations(
            old_region.recommendations, new_region.recommendations, anchor, compare_related
        ),
    )


def _metadata(old: Document, new: Document) -> list[FieldChange]:
    fields = []
    for name in ("title", "symbol", "date"):
        old_value, new_value = getattr(old.metadata, name), getattr(new.metadata, name)
        if name == "symbol":  # one written form: "CWS/5/22 Prov." is "CWS/5/22 PROV."
            old_value, new_value = _symbol(old_value), _symbol(new_value)
        change = _field(f"meta.{name}", name, _text(old_value), _text(new_value))
        if change:
            fields.append(change)
    return fields


def _symbol(value: str | None) -> str | None:
    symbol = parse_symbol(value) if value else None
    return symbol.normalized if symbol else value


def _text(value) -> str | None:
    return None if value is None else str(value)


def _field(anchor: str, name: str, old: str | None, new: str | None) -> FieldChange | None:
    if comparison_key(old or "") == comparison_key(new or ""):
        return None
    words = diff_words(old, new)[0] if old and new else []
    return FieldChange(anchor=anchor, field=name, old=old, new=new, words=words)
