"""The terminal summary: counts, then each change in reading order."""

from __future__ import annotations

import click

from pipeline.diff.changes import Change, changes
from pipeline.diff.model import DocumentDiff, FieldChange, Node, NodeKind, Part, Segment, Side
from pipeline.diff.words import redline

_CONTEXT = 6  # unchanged words kept on each side of a change
_HEAD_WORDS = 16  # words shown of an added or removed text


def render_text(diff: DocumentDiff, color: bool = False, full: bool = False) -> str:
    """A compact, readable account of ``diff``; ANSI colours when ``color``;
    added and removed texts and unchanged runs whole when ``full``."""
    style = click.style if color else _plain
    found = changes(diff)
    lines = [
        f"{side_name(diff.old)}  →  {side_name(diff.new)}",
        summary_line(diff, found),
    ]
    for change in found:
        lines.append("")
        lines.append(f"{style(change.heading, bold=True)}: {', '.join(change.what)}")
        lines.extend(f"    {line}" for line in _body(change, style, full))
    return "\n".join(lines) + "\n"


def _plain(text: str, **_: object) -> str:
    return text


def side_name(side: Side) -> str:
    """The symbol ("CWS/12/22 (annex 1)"), or the file name when it is unknown."""
    name = side.symbol or side.file_name
    return name if side.scope == "document" else f"{name} ({side.scope})"


def summary_line(diff: DocumentDiff, found: list[Change]) -> str:
    """The counts in one line: "4 changes: 1 added, 1 removed, …" (``found``:
    the diff's change list)."""
    summary = diff.summary
    total = len(found)
    if total == 0:
        return "No differences."
    parts = [
        f"{getattr(summary, name)} {name}"
        for name in ("added", "removed", "reworded", "renumbered", "moved")
        if getattr(summary, name)
    ]
    if summary.metadata:
        parts.append(f"{summary.metadata} title/metadata")
    return f"{total} change{'s' if total != 1 else ''}: " + ", ".join(parts)


def _body(change: Change, style, full: bool) -> list[str]:
    target = change.target
    if isinstance(target, Part):
        return []
    if isinstance(target, FieldChange):
        if target.words:
            return [_redline(target.words, style, full)]
        return [style(f"- {target.old}", fg="red"), style(f"+ {target.new}", fg="green")]
    return _node_body(target, style, full)


def _node_body(node: Node, style, full: bool) -> list[str]:
    head = _whole if full else _head
    if node.reworded:
        return [_redline(node.words, style, full), f"(similarity {node.similarity:.2f})"]
    if node.new_text is None:
        lines = [style(f"- {head(node.old_text)}", fg="red")]
    elif node.old_text is None:
        lines = [style(f"+ {head(node.new_text)}", fg="green")]
    else:
        return []
    notes = [child.old_label or child.new_label for child in node.children if child.kind == NodeKind.footnote]
    if notes:
        lines.append(f"  with footnote {', '.join(notes)}")
    return lines


def _redline(segments: list[Segment], style, full: bool) -> str:
    """Inline word diff, [-deleted-]{+inserted+}, long unchanged runs elided unless ``full``."""
    return redline(
        segments,
        kept=_whole if full else _elide,
        deleted=lambda words: style(f"[-{words}-]", fg="red"),
        inserted=lambda words: style(f"{{+{words}+}}", fg="green"),
    )


def _elide(text: str) -> str:
    words = text.split()
    if len(words) <= _CONTEXT * 2 + 2:
        return text
    lead = " " if text[:1].isspace() else ""
    return f"{lead}{' '.join(words[:_CONTEXT])} … {' '.join(words[-_CONTEXT:])}"


def _whole(text: str) -> str:
    return text


def _head(text: str) -> str:
    words = text.split()
    return text if len(words) <= _HEAD_WORDS else " ".join(words[:_HEAD_WORDS]) + " …"
