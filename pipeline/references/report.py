"""A plain-text report of what ``annotate`` found, for ``cws refs``."""

from __future__ import annotations

from pipeline.model import Document, Reference, ReferenceKind


def report(document: Document) -> str:
    """Tables of references (and what each resolves to), sessions, tasks and named things."""
    parts = [
        _table(
            "References",
            ("where", "kind", "as written", "resolves to"),
            [(r.mention.unit, r.kind.value, r.mention.text, resolution(r)) for r in document.references],
        ),
        _table(
            "Sessions",
            ("body", "session", "year", "dates", "paragraphs"),
            [
                (
                    s.body,
                    f"{s.number if s.number is not None else '?'}{' reconvened' if s.reconvened else ''}"
                    f"{' (current)' if s.current else ''}",
                    str(s.year or ""),
                    f"{s.start_date} to {s.end_date}" if s.start_date else "",
                    ", ".join(s.paragraphs),
                )
                for s in document.sessions
            ],
        ),
        _table(
            "Task descriptions",
            ("task", "change", "session", "where", "description"),
            [
                (t.label, d.change.value, str(d.session or "?"), d.mention.unit, d.text)
                for t in document.tasks
                for d in t.descriptions
            ],
        ),
    ]
    for title, entities in (
        ("Task forces", document.task_forces),
        ("Member states", document.member_states),
        ("Standards", document.standards),
    ):
        rows = [(e.name, ", ".join(e.aliases), ", ".join(dict.fromkeys(m.unit for m in e.mentions))) for e in entities]
        parts.append(_table(title, ("name", "also written", "where"), rows))
    dates = [(d.mention.unit, d.mention.text, d.value + (f"/{d.end}" if d.end else "")) for d in document.dates]
    parts.append(_table("Dates", ("where", "as written", "ISO 8601"), dates))
    return "\n".join(parts)


def resolution(reference: Reference) -> str:
    """What a reference points at, in a few words."""
    if reference.dangling:
        return f"DANGLING: {reference.dangling}"
    if reference.internal:
        return ", ".join(reference.targets) or "this document"
    numbers = reference.paragraphs
    if not numbers:
        return f"{reference.document}" + (" (Annex)" if reference.kind == ReferenceKind.annex else "")
    inherited = " (document from the enclosing phrase)" if reference.inherited else ""
    noun = "paragraph" if len(numbers) == 1 else "paragraphs"
    where = f" {reference.annex}" if reference.annex else ""
    items = "".join(f" ({item})" for item in reference.items)
    note = f" [{reference.note}]" if reference.note else ""
    return f"{reference.document}{where} {noun} {_compact(numbers)}{items}{inherited}{note}"


def _compact(numbers: list[int]) -> str:
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}-{numbers[-1]}"
    return ", ".join(map(str, numbers))


def _table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]], width: int = 60) -> str:
    rows = [tuple(cell if len(cell) <= width else cell[: width - 1] + "…" for cell in row) for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]
    lines = [f"{title} ({len(rows)})"]
    for row in (header, tuple("-" * w for w in widths), *rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    return "\n".join(lines) + "\n"
