"""The HTML redline: one self-contained page (inline CSS, no script, no network).

A change list with in-page links comes first; then each part with every
recommendation inline, deletions in ``<del>``, insertions in ``<ins>``, and moved,
renumbered, added and removed elements marked with a badge.
"""

from __future__ import annotations

from html import escape

from pipeline.diff.changes import Change, changes, node_label, node_name, what
from pipeline.diff.model import DocumentDiff, FieldChange, Node, NodeKind, Part, Segment, Status
from pipeline.diff.render_text import side_name, summary_line
from pipeline.diff.words import redline

_STYLE = """
:root { --del: #ffd7d5; --del-ink: #82071e; --ins: #ccf2d6; --ins-ink: #044f1e; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, "Segoe UI", "DejaVu Sans", sans-serif;
  color: #1f2328; background: #f6f8fa; }
header, nav, main { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 0 0 6px; }
.summary { margin: 0 0 8px; color: #424a53; }
.legend { font-size: .9rem; color: #57606a; }
nav ol { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 12px 12px 40px; }
nav li { margin: 3px 0; }
nav a { color: #0550ae; text-decoration: none; }
nav a:hover { text-decoration: underline; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; text-decoration-thickness: 1px; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: none; border-bottom: 1px solid #1a7f37; }
.badge { display: inline-block; font-size: .72rem; font-weight: 600; letter-spacing: .02em; text-transform: uppercase;
  border-radius: 10px; padding: 1px 8px; margin-left: 6px; vertical-align: 2px; border: 1px solid transparent; }
.badge.added { background: var(--ins); color: var(--ins-ink); }
.badge.removed { background: var(--del); color: var(--del-ink); }
.badge.reworded, .badge.changed { background: #fff1c2; color: #6b4a00; }
.badge.renumbered { background: #ddf4ff; color: #0a3069; }
.badge.moved { background: #f1e3ff; color: #512a97; }
.block { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px;
  padding: 12px 16px; margin: 10px 0; }
.block.changed { border-left-color: #bf8700; }
.block.added { border-left-color: #1a7f37; }
.block.removed { border-left-color: #cf222e; }
.block:target, .entry:target { outline: 3px solid #54aeff; outline-offset: 2px; }
.entries { list-style: none; margin: 8px 0 0; padding: 0 0 0 8px; }
.entry { margin: 6px 0; padding-left: 10px; border-left: 3px solid transparent; }
.entry.changed { border-left-color: #bf8700; }
.entry.added { border-left-color: #1a7f37; }
.entry.removed { border-left-color: #cf222e; }
.label { font-weight: 600; color: #57606a; margin-right: 6px; }
.related { font-size: .92rem; color: #424a53; margin-top: 8px; }
.related .code { margin-right: 6px; }
.columns { margin: 0; padding-left: 20px; }
.note { display: block; font-size: .9rem; margin: 2px 0 4px 12px; }
.muted { color: #6e7781; }
footer { max-width: 1100px; margin: 24px auto; padding: 0 24px 24px; font-size: .85rem; color: #6e7781; }
"""


def render_html(diff: DocumentDiff) -> str:
    """The whole page."""
    title = f"{side_name(diff.old)} → {side_name(diff.new)}"
    found = changes(diff)
    body = [
        f"<header><h1>{escape(title)}</h1><p class='summary'>{escape(summary_line(diff, found))}</p>",
        "<p class='legend'>Legend: <del>deleted words</del> <ins>inserted words</ins>"
        + "".join(_badge(name) for name in ("added", "removed", "reworded", "renumbered", "moved"))
        + "</p></header>",
        _change_list(found),
        "<main>",
    ]
    if diff.metadata:
        body.append("<section id='metadata'><h2>Metadata</h2>")
        body.extend(_field(field) for field in diff.metadata)
        body.append("</section>")
    body.extend(_part(part, len(diff.parts) > 1) for part in diff.parts)
    if diff.footnotes:
        body.append("<section id='footnotes'><h2>Footnotes</h2>")
        body.extend(_block(node) for node in diff.footnotes)
        body.append("</section>")
    body.append("</main>")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _change_list(found: list[Change]) -> str:
    if not found:
        return "<nav id='changes'><h2>Changes</h2><p>No differences.</p></nav>"
    items = [
        f"<li><a href='#{escape(change.target.anchor)}'>{escape(change.heading)}</a>"
        + "".join(_badge(word) for word in change.what)
        + "</li>"
        for change in found
    ]
    return "<nav id='changes'><h2>Changes</h2><ol>" + "".join(items) + "</ol></nav>"


def _part(part: Part, show_label: bool) -> str:
    label = part.new_label or part.old_label
    html = [f"<section class='part' id='{escape(part.anchor)}'>"]
    heading = escape(label) + (_badge(part.status.value) if part.status != Status.paired else "")
    if show_label or part.status != Status.paired:
        html.append(f"<h2>{heading}</h2>")
    if part.title:
        html.append(_field(part.title))
    if part.columns:
        state = "changed" if any(node.changed for node in part.columns) else "same"
        cells = "".join(f"<li>{_inline(node)}</li>" for node in part.columns)
        html.append(f"<div class='block {state}'><h3>Table columns</h3><ul class='columns'>{cells}</ul></div>")
    for nodes in (part.content, part.paragraphs, part.recommendations):
        html.extend(_block(node) for node in nodes)
    html.append("</section>")
    return "\n".join(html)


def _field(field: FieldChange) -> str:
    text = _redline(field.words) if field.words else f"{_deleted(field.old)} {_inserted(field.new)}"
    name = escape(field.field.capitalize())
    return f"<div class='block changed' id='{escape(field.anchor)}'><h3>{name}{_badge('changed')}</h3>{text}</div>"


def _block(node: Node) -> str:
    """A top-level element: recommendation, paragraph, unnumbered text, footnote."""
    entries = [child for child in node.children if child.kind in _ENTRY_KINDS]
    related = [child for child in node.children if child.kind not in _ENTRY_KINDS]
    html = [
        f"<div class='block {_state(node)}' id='{escape(node.anchor)}'>",
        f"<h3>{escape(node_name(node))}{_badges(node)}</h3>",
        f"<div class='text'>{_text(node)}</div>",
    ]
    if entries:
        html.append("<ul class='entries'>" + "".join(_entry(child) for child in entries) + "</ul>")
    if related:
        html.append("<div class='related'>Related 40 RECs: " + " ".join(_inline(c) for c in related) + "</div>")
    html.append("</div>")
    return "".join(html)


def _entry(node: Node) -> str:
    """An action, item or list item, with what it holds."""
    inner = [child for child in node.children if child.kind in _ENTRY_KINDS]
    nested = "<ul class='entries'>" + "".join(_entry(c) for c in inner) + "</ul>" if inner else ""
    return (
        f"<li class='entry {_state(node)}' id='{escape(node.anchor)}'>"
        f"<span class='label'>{escape(_marker(node))}</span>{_text(node)}{_badges(node)}{nested}</li>"
    )


def _inline(node: Node) -> str:
    """A column name, related REC or note: a span that carries its own anchor."""
    text = _text(node)
    notes = "".join(
        f"<span class='note' id='{escape(c.anchor)}'>{escape(node_name(c))}: {_text(c)}</span>" for c in node.children
    )
    return f"<span class='code' id='{escape(node.anchor)}'>{text}{_badges(node)}{notes}</span>"


def _marker(node: Node) -> str:
    label = node_label(node)
    if node.kind == NodeKind.action:
        return f"({label})"
    return f"{label}." if label else "•"


def _text(node: Node) -> str:
    if node.reworded:
        return _redline(node.words)
    if node.status == Status.added:
        return _inserted(node.new_text)
    if node.status == Status.removed:
        return _deleted(node.old_text)
    return escape(node.new_text or "")


def _redline(segments: list[Segment]) -> str:
    return redline(segments, kept=escape, deleted=_deleted, inserted=_inserted, between=" ")


def _deleted(text: str | None) -> str:
    return f"<del>{escape(text)}</del>" if text else ""


def _inserted(text: str | None) -> str:
    return f"<ins>{escape(text)}</ins>" if text else ""


def _state(node: Node) -> str:
    if node.status != Status.paired:
        return node.status.value
    return "changed" if node.changed else "same"


def _badges(node: Node) -> str:
    return "".join(_badge(word) for word in what(node))


def _badge(word: str) -> str:
    return f"<span class='badge {word}'>{word}</span>"


_ENTRY_KINDS = {NodeKind.action, NodeKind.item, NodeKind.list_item}
