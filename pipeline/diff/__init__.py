"""Meaning-level diff of two versions of a CWS document, model against model."""

from pipeline.diff.document import diff_documents
from pipeline.diff.model import DocumentDiff
from pipeline.diff.render_html import render_html
from pipeline.diff.render_json import render_json
from pipeline.diff.render_text import render_text

FORMATS = ("text", "json", "html")


def render(diff: DocumentDiff, output_format: str, color: bool = False, full: bool = False) -> str:
    """``diff`` as 'text' (coloured when ``color``, texts whole when ``full``), 'json' or 'html'."""
    if output_format == "json":
        return render_json(diff)
    if output_format == "html":
        return render_html(diff)
    return render_text(diff, color=color, full=full)


__all__ = ["FORMATS", "DocumentDiff", "diff_documents", "render", "render_html", "render_json", "render_text"]
