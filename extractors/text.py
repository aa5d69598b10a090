"""Plain-text and Markdown extractor.

The text we are given was converted from DOCX, from PDF or through a Markdown
converter by some earlier tool, and each conversion leaves its own traces. This
module reads those traces (the file's *flavour*) and nothing more:

- ``docx``: one line per Word paragraph; a TAB at the start of a line is all that
  is left of Word's automatic paragraph number; ``[footnoteRef:N]`` marks a
  footnote whose text follows inline as ``[N: …]``; ``[bookmark: …]`` is noise.
- ``pdf``: hard-wrapped lines; a block ends at a blank line unless the next line
  goes on in lower case. A line that opens with a list or paragraph marker, or
  that is indented (the converter's trace of a new text frame or page), starts a
  new block; a bracketed editorial note ("[Annex follows]") is a block of its own,
  and so is each line of the WIPO header block before the first such marker, and
  each line of page furniture next to a page break (a form feed, as pdftotext
  writes one), even where the paragraph runs on across the break.
- ``markdown``: what pandoc or markitdown wrote (``extractors.text_markdown``).
"""

from __future__ import annotations

import re
from pathlib import Path

from extractors.blocks import Block, Role, SourceDocument
from extractors.files import read_bytes, sha256_hex, sniff_format
from extractors.text_markdown import MARK_CLOSE, MARK_OPEN, markdown_blocks, take_marks
from pipeline.errors import EmptyDocument, UnsupportedFormat
from pipeline.furniture import may_be_page_furniture
from pipeline.metadata import is_header_line
from pipeline.model import Provenance
from pipeline.textnorm import join_lines, normalize_space, vocabulary

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
# Footnote numbers have at most four digits; a longer run is text, never int() of it.
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:(\d{1,4})\]")
_FOOTNOTE_TEXT = re.compile(r"\[(\d{1,4}):\s+((?:[^\[\]]|\[[^\[\]]*\])*)\]")
_MD_MARKERS = re.compile(r"\]\([^)]*\)|<https?://|^#{1,6} \S|^\[\^\d+\]:|^\+(?:-{3,}\+)+\s*$|^\|.*\|\s*$|\*\*\S", re.M)
_SENTENCE_END = re.compile(r"[.;:!?\"”’)\]]\s*$")
_BLOCK_OPENER = re.compile(
    r"^(?:\d{1,3}\.\s|\(?[a-z]\)\s|\(?[ivx]{1,5}[.)]\s|[·•−–▪]\s?|-\s|Recommendation\s+\d+\s*:)"
)
_EDITORIAL_NOTE = re.compile(r"^\[[^\]]+\]$")
_PAGE_BREAK = "\f"
_EDGE_LINES = 3  # lines of furniture looked for on each side of a page break


def extract(path: Path) -> SourceDocument:
    """Read a .txt or .md file into blocks; typed errors for bad input."""
    data = read_bytes(path)
    if sniff_format(data) != "text" or b"\x00" in data[:4096]:
        raise UnsupportedFormat("this is a binary file, not text", str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnsupportedFormat(
            f"not UTF-8 text (invalid byte at offset {error.start}); convert it to UTF-8 first", str(path)
        ) from None
    flavour = detect_flavour(text)
    blocks = blocks_from_text(text, flavour)
    if not blocks:
        raise EmptyDocument("no text: the file holds only white space", str(path))
    return SourceDocument(
        file_name=path.name, format="text", sha256=sha256_hex(data), blocks=blocks, flavour=flavour
    )


def detect_flavour(text: str) -> str:
    """'docx', 'pdf' or 'markdown': which earlier conversion the text came from."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return "docx"
    if _MD_MARKERS.search(text):
        return "markdown"
    tab_led = sum(1 for line in lines if line.lstrip(" ").startswith("\t"))
    if tab_led / len(lines) > 0.1:
        return "docx"
    long_lines = [line for line in lines if len(line.strip()) >= 30]
    if long_lines:
        ended = sum(1 for line in long_lines if _SENTENCE_END.search(line))
        if ended / len(long_lines) < 0.5:
            return "pdf"
    return "docx"


def blocks_from_text(text: str, flavour: str) -> list[Block]:
    """The blocks of a text of the given flavour, in reading order."""
    lines = text.splitlines()
    if flavour == "pdf":
        return _wrapped_blocks(lines, _page_edge_furniture(text.splitlines(keepends=True)))
    if flavour == "markdown":
        return markdown_blocks(lines)
    return _line_blocks(lines)


def _line_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for number, raw in enumerate(lines, start=1):
        line = _BOOKMARK.sub("", raw)
        numbered = line.lstrip(" ").startswith("\t")
        footnotes = []
        for match in _FOOTNOTE_TEXT.finditer(line):
            footnotes.append((int(match.group(1)), match.group(2)))
        line = _FOOTNOTE_TEXT.sub("", line)
        line = _FOOTNOTE_REF.sub(lambda m: f"{MARK_OPEN}{m.group(1)}{MARK_CLOSE}", line)
        text, marks = take_marks(normalize_space(line))
        provenance = Provenance(line_start=number, line_end=number)
        if text:
            blocks.append(Block(text=text, provenance=provenance, numbered=numbered, marks=marks))
        for footnote_number, footnote_text in footnotes:
            blocks.append(
                Block(
                    text=normalize_space(footnote_text),
                    provenance=provenance,
                    role=Role.footnote,
                    footnote_number=footnote_number,
                )
            )
    return blocks


def _page_edge_furniture(lines: list[str]) -> dict[int, int]:
    """The numbers (1-based, as ``str.splitlines`` counts lines) of the lines of
    page furniture on either side of each page break, each with the number of
    its group (one side of one break: "CWS/12/22" over "page 2" is one running
    header): from the break outwards, blank lines passed, until the first line
    that is not furniture."""
    found: dict[int, int] = {}
    for index, line in enumerate(lines):
        if not line.endswith(_PAGE_BREAK):
            continue
        for group, side in enumerate((range(index, -1, -1), range(index + 1, len(lines))), start=2 * index):
            seen = 0
            for at in side:
                text = lines[at].strip()
                if not text:
                    continue
                if seen == _EDGE_LINES or not may_be_page_furniture(text):
                    break
                found[at + 1] = group
                seen += 1
    return found


def _wrapped_blocks(lines: list[str], page_furniture: dict[int, int]) -> list[Block]:
    words = vocabulary(lines)
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []
    after_blank = False
    in_header = True
    furniture_group = None  # the page furniture group ``current`` holds, if it holds one

    def flush() -> None:
        if current:
            provenance = Provenance(line_start=current[0][0], line_end=current[-1][0])
            text = join_lines((line for _, line in current), words)
            blocks.append(Block(text=text, provenance=provenance))
            current.clear()

    for number, raw in enumerate(lines, start=1):
        line = normalize_space(raw)
        if not line:
            after_blank = True
            continue
        group = page_furniture.get(number)
        if group is not None or furniture_group is not None:
            if group != furniture_group:
                flush()
            furniture_group = group
            if group is not None:
                current.append((number, line))
                continue
        indented = raw.startswith((" ", "\t"))
        marked = bool(_BLOCK_OPENER.match(line))
        in_header = in_header and not marked
        opens = indented or marked
        goes_on = line[0].islower() and not opens
        standalone = bool(_EDITORIAL_NOTE.match(line)) or (in_header and is_header_line(line))
        if opens or standalone or (after_blank and not goes_on):
            flush()
        current.append((number, line))
        if standalone:
            flush()
        after_blank = False
    flush()
    return blocks
