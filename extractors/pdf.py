"""PDF extractor: words with positions, page by page, within a budget.

Two backends read each page into the same narrow geometry (``PageWords``) for
the layout code in ``pdf_blocks``: PDFium (``pdf_pdfium``, the default, many
times faster) and pdfplumber (this module), which also reads a tagged file's
structure tree (which words form one paragraph, which are artifacts) where
PDFium leaves geometry to decide. Words are read with their boxes, never as page
text (``extract_text`` interleaves table columns line by line); each page is
closed once read and laid out at once, so the words of one page are held at a
time, not those of the document. pdfplumber is imported only when its backend
reads.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

from extractors import pdf_pdfium
from extractors.blocks import SourceDocument
from extractors.files import read_bytes, require_format, sha256_hex
from extractors.pdf_blocks import DocumentLayout
from extractors.pdf_budget import Budget, pages_within_budget
from extractors.pdf_errors import damaged, encrypted
from extractors.pdf_words import PageWords, Word
from extractors.pdf_streams import refuse_stream_bombs
from extractors.pdf_tables import ruled_grids
from pipeline import limits
from pipeline.boundary import deadline
from pipeline.errors import (
    CorruptDocument,
    CwsError,
    EmptyDocument,
    ExtractionTimeout,
    NoTextLayer,
)

_UNDECODABLE = "damaged: most of its text cannot be decoded; get a fresh copy of the file"
_TOO_DEEP = "damaged: its page tree or objects nest too deep, or refer to each other without end; refusing"
NO_TEXT_LAYER = "no text layer: this PDF looks scanned; run OCR first"
_WORD_ATTRIBUTES = ["fontname", "size", "mcid", "tag"]
_INLINE_ELEMENTS = {"Span", "Link", "Reference", "Quote", "Code", "Annot", "Em", "Strong", "Sub", "Sup"}

# pdfminer logs its repairs of damaged files as warnings; a user can act on our
# typed errors, not on those, so they stay out of the CLI's one-line report.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def extract(
    path: Path, time_limit: float | None = None, max_pages: int | None = None, backend: str = "pdfium"
) -> SourceDocument:
    """Read a PDF into blocks; typed errors for encrypted, scanned, corrupt,
    empty, oversized or too slow files. ``backend`` is "pdfium" (the default) or
    "pdfplumber" (slower; reads a tagged file's structure tree). Limits not
    given come from ``pipeline.limits`` (time, pages, stream size, characters
    per page)."""
    settings = limits.current()
    time_limit = settings.time_limit if time_limit is None else time_limit
    max_pages = settings.max_pages if max_pages is None else max_pages
    data = read_bytes(path)
    require_format(path, data, "pdf")
    reader = {"pdfplumber": read_pages, "pdfium": pdf_pdfium.read_pages}[backend]
    name = str(path)
    with deadline(time_limit, name):
        budget = Budget(time_limit, name, max_pages, settings.max_chars_per_page)
        refuse_stream_bombs(data, name, settings.max_pdf_stream_bytes)
        layout = DocumentLayout(budget)
        for page in reader(data, name, budget):
            layout.add(page)
        _refuse_unreadable(layout, name)
        blocks = layout.blocks()
    return SourceDocument(file_name=path.name, format="pdf", sha256=sha256_hex(data), blocks=blocks)


def _refuse_unreadable(layout: DocumentLayout, name: str) -> None:
    """Typed errors for a file without pages, without text, or whose characters
    are mostly ones the reader could not decode (U+FFFD: a damaged file a
    backend "repaired" into noise)."""
    if not layout.page_count:
        raise CorruptDocument("no readable pages: the page tree is damaged", name)
    tally = layout.tally
    if not tally.words:
        if layout.has_images:
            raise NoTextLayer(NO_TEXT_LAYER, name)
        raise EmptyDocument(f"the PDF opens but has no text on any of its {layout.page_count} page(s)", name)
    if tally.undecodable > tally.characters / 2:
        raise CorruptDocument(_UNDECODABLE, name)


def read_pages(data: bytes, name: str, budget: Budget) -> Iterator[PageWords]:
    """The geometry of each page as pdfplumber reads it, within the budget."""
    import pdfplumber  # only this backend needs it

    pdf = _library_call(lambda: pdfplumber.open(io.BytesIO(data)), name)
    try:
        total = _library_call(lambda: len(pdf.pages), name)
        elements = _ElementNumbers()
        for index in pages_within_budget(total, budget):
            page = _library_call(lambda: pdf.pages[index], name)
            try:
                budget.check_characters(_library_call(lambda: len(page.chars), name), index + 1)
                yield _library_call(lambda: _page_words(page, elements), name)
            finally:
                page.close()
    finally:
        _close(pdf)


def _close(pdf) -> None:
    """Close the file; closing walks the page list again, which fails where
    building it failed, and that must not replace the typed error already raised."""
    try:
        pdf.close()
    except Exception:  # the library's error for the same damage, already reported
        pdf.stream.close()


def _library_call(call, name: str):
    """Run a pdfplumber call, turning whatever the library raises into a typed error."""
    try:
        return call()
    except CwsError:
        raise
    except Exception as error:  # the library raises many unrelated types on bad input
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

        if timeout := _caused_by(error, (ExtractionTimeout,)):
            raise timeout from None
        if _caused_by(error, (RecursionError,)):
            raise CorruptDocument(_TOO_DEEP, name) from None
        if _caused_by(error, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise encrypted(name) from None
        raise damaged(name, _first_message(error) or type(error).__name__) from None


def _caused_by(error: BaseException, types: tuple[type, ...]) -> BaseException | None:
    """The exception of one of ``types`` in ``error``'s chain of causes, if any."""
    return next((link for link in _chain(error) if isinstance(link, types)), None)


def _first_message(error: BaseException) -> str:
    return next((str(link).strip() for link in _chain(error) if str(link).strip()), "")


def _chain(error: BaseException | None) -> Iterator[BaseException]:
    """``error`` and its causes, at most 20 (a chain may loop)."""
    for _ in range(20):
        if error is None:
            return
        yield error
        error = error.__cause__ or error.__context__


class _ElementNumbers:
    """Numbers the structure elements of a tagged PDF across its pages."""

    def __init__(self) -> None:
        self.count = 0

    def of_page(self, tree: list[dict]) -> dict[int, int]:
        """Marked-content id → number of the block-level element holding it."""
        found: dict[int, int] = {}

        def walk(element: dict, owner: int | None) -> None:
            if element.get("type") not in _INLINE_ELEMENTS or owner is None:
                self.count += 1
                owner = self.count
            for mcid in element.get("mcids", []):
                found[mcid] = owner
            for child in element.get("children", []):
                walk(child, owner)

        for element in tree:
            walk(element, None)
        return found


def _page_words(page, elements: _ElementNumbers) -> PageWords:
    raw = page.extract_words(extra_attrs=_WORD_ATTRIBUTES, keep_blank_chars=False)
    tagged = elements.of_page(_structure_tree(page)) if any(word.get("mcid") is not None for word in raw) else {}
    words = [
        Word(
            text=word["text"],
            x0=float(word["x0"]),
            top=float(word["top"]),
            x1=float(word["x1"]),
            bottom=float(word["bottom"]),
            font=word.get("fontname") or "",
            size=float(word.get("size") or 0.0),
            element=tagged.get(word.get("mcid")),
            artifact=word.get("tag") == "Artifact",
        )
        for word in raw
        if word["text"].strip()
    ]
    return PageWords(
        number=page.page_number,
        words=words,
        tables=ruled_grids(page.find_tables()) if words else [],
        has_images=bool(page.images),
    )


def _structure_tree(page) -> list[dict]:
    """The page's part of the file's structure tree; none where it is damaged."""
    try:
        return page.structure_tree
    except Exception:  # a broken tree is no reason to refuse the text: geometry decides
        return []
