"""The PDF reader: typed errors on bad input, and the layout code on made-up
page geometry (the narrow input any backend can feed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import pdf, pdf_budget
from extractors.blocks import Role
from extractors.pdf_blocks import blocks_from_pages
from extractors.pdf_lines import group_lines
from extractors.pdf_words import PageWords, TableGrid, Word
from pipeline.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    ExtractionTimeout,
    NoTextLayer,
    TooLarge,
    UnsupportedFormat,
)
from tests.pdf_files import one_page_pdf, text_pdf

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "robustness"

# -- hand-made PDF files ---------------------------------------------------------


def _image_only_pdf() -> bytes:
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    )
    return one_page_pdf(b"q 200 0 0 200 72 500 cm /Im1 Do Q", b"<< /XObject << /Im1 5 0 R >> >>", [image])


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_hand_made_pdf_is_read(tmp_path):
    source = pdf.extract(_write(tmp_path, "hello.pdf", text_pdf()))
    assert [block.text for block in source.blocks] == ["Hello from a hand-made PDF"]
    assert source.blocks[0].provenance.page == 1 and len(source.blocks[0].provenance.bbox) == 4


def test_image_only_pdf_needs_ocr(tmp_path):
    with pytest.raises(NoTextLayer, match="no text layer: this PDF looks scanned; run OCR first"):
        pdf.extract(_write(tmp_path, "scan.pdf", _image_only_pdf()))


def test_blank_pdf_is_empty(tmp_path):
    with pytest.raises(EmptyDocument, match="opens but has no text on any of its 1 page"):
        pdf.extract(_write(tmp_path, "blank.pdf", one_page_pdf(b"", b"<< >>")))


def test_empty_file(tmp_path):
    with pytest.raises(EmptyDocument, match="empty"):
        pdf.extract(_write(tmp_path, "nothing.pdf", b""))


@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.9])
def test_truncated_pdf_is_corrupt(tmp_path, fraction):
    data = (SAMPLES / "cws_12_22.pdf").read_bytes()
    path = _write(tmp_path, "cut.pdf", data[: int(len(data) * fraction)])
    with pytest.raises(CorruptDocument, match="damaged or truncated"):
        pdf.extract(path)


def test_content_not_matching_the_extension(tmp_path):
    with pytest.raises(UnsupportedFormat, match="the name says .pdf"):
        pdf.extract(_write(tmp_path, "letter.pdf", b"Dear colleagues, this is plain text."))
    with pytest.raises(UnsupportedFormat, match="ZIP"):
        pdf.extract(_write(tmp_path, "package.pdf", (SAMPLES / "cws_12_22.docx").read_bytes()))


def test_page_budget():
    with pytest.raises(TooLarge, match="7 pages; the limit is 3"):
        pdf.extract(SAMPLES / "cws_12_22.pdf", max_pages=3)


def test_time_budget():
    with pytest.raises(ExtractionTimeout, match="stopped after 0 s"):
        pdf.extract(SAMPLES / "cws_12_22.pdf", time_limit=0.0)


def test_time_budget_between_pages(monkeypatch):
    readings = iter([0.0, 0.0, 5.0])  # start, before page 1, before page 2: past the budget

    class Clock:
        @staticmethod
        def monotonic():
            return next(readings)

    monkeypatch.setattr(pdf_budget, "time", Clock)
    data = (SAMPLES / "cws_12_22.pdf").read_bytes()
    with pytest.raises(ExtractionTimeout, match="at page 2 of 7"):
        list(pdf.read_pages(data, "cws_12_22.pdf", pdf_budget.Budget(1.0, "cws_12_22.pdf", 100, 100_000)))


def test_time_budget_from_the_environment(monkeypatch):
    monkeypatch.setenv("CWS_TIME_LIMIT", "0")
    with pytest.raises(ExtractionTimeout):
        pdf.extract(SAMPLES / "task58_progress_report.pdf")


@pytest.mark.parametrize("name", ["r4-user-password.pdf", "libreoffice-writer-password.pdf"])
def test_encrypted_pdf(name):
    path = CORPUS / "pdf" / name
    if not path.exists():
        pytest.skip(f"robustness corpus absent: {CORPUS}")
    with pytest.raises(EncryptedDocument, match="password"):
        pdf.extract(path)


# -- layout on made-up geometry ------------------------------------------------------
# Each character is half the font size wide, a space 0.28 of it; lines are
# 13 points apart, paragraphs 24.

SIZE = 11.0


def _line(text: str, top: float, x0: float = 72.0, size: float = SIZE) -> list[Word]:
    words, x = [], x0
    for token in text.split():
        width = len(token) * size * 0.5
        words.append(Word(text=token, x0=x, top=top, x1=x + width, bottom=top + size, font="Body", size=size))
        x += width + size * 0.28
    return words


def _wrap(text: str, top: float, x0: float = 72.0, right: float = 520.0, size: float = SIZE) -> list[list[Word]]:
    """``text`` wrapped as a word processor wraps it between ``x0`` and ``right``."""
    lines, current = [], []
    for token in text.split():
        trial = " ".join(current + [token])
        if current and _line(trial, 0, x0, size)[-1].x1 > right:
            lines.append(" ".join(current))
            current = [token]
        else:
            current.append(token)
    lines.append(" ".join(current))
    return [_line(line, top + index * (size + 2), x0, size) for index, line in enumerate(lines)]


def _page(number: int, *lines: list[Word], tables=()) -> PageWords:
    words = [word for line in lines for word in line]
    return PageWords(number=number, words=words, tables=list(tables))


def _texts(blocks, role=Role.paragraph):
    return [block.text for block in blocks if block.role == role]


LONG = (
    "The Task Force worked on the analysis of the relevancy of those recommendations to the activities "
    "of the Committee and their priority considering the results of two surveys"
)


def test_lines_group_words_and_keep_a_superscript_on_its_line():
    words = _line("see the survey", 100) + [Word("3", 144.2, 98.5, 147.5, 105, "Body", 6.5)]
    lines = [line.settle() for line in group_lines(words, 1)]
    assert len(lines) == 1 and lines[0].text == "see the survey3"
    assert lines[0].is_superscript(lines[0].words[-1])


def test_paragraphs_split_on_spacing_labels_and_short_lines():
    page = _page(
        1,
        *_wrap(LONG + " ends here.", 100),  # three lines, then paragraph spacing
        *_wrap("1. A numbered paragraph.", 150),
        _line("(a) a labelled item", 163),  # a label opens a block even without spacing
        *_wrap(LONG + ".", 176),
        _line("Next paragraph without spacing", 215),  # "Next" would have fitted on the line above
    )
    assert _texts(blocks_from_pages([page])) == [
        LONG + " ends here.",
        "1. A numbered paragraph.",
        "(a) a labelled item",
        LONG + ".",
        "Next paragraph without spacing",
    ]


def test_line_wrap_hyphen_is_joined():
    page = _page(
        1,
        _line(LONG[:80] + " decision-", 100),
        _line("making frameworks and the decisionmaking rules of the " + LONG[:40] + " digi-", 113),
        _line("tal offices.", 126),
    )
    (text,) = _texts(blocks_from_pages([page]))
    # "decisionmaking" occurs in the document, so that hyphen goes; "digital" does not, so it stays
    assert "decisionmaking frameworks" in text and "digi-tal offices." in text


def test_running_header_and_page_counter_are_furniture_but_a_heading_is_not():
    pages = []
    for number in (1, 2, 3):
        header = [_line("CWS/99/1", 40), _line(f"page {number}", 53)] if number > 1 else []
        heading = [_line("BACKGROUND", 100)] if number == 2 else []
        pages.append(_page(number, *header, *heading, _line(f"Body text of page {number}.", 130)))
    blocks = blocks_from_pages(pages)
    assert _texts(blocks, Role.furniture) == ["CWS/99/1", "page 2", "CWS/99/1", "page 3"]
    assert _texts(blocks) == ["Body text of page 1.", "BACKGROUND", "Body text of page 2.", "Body text of page 3."]


def test_repeated_line_at_other_heights_is_not_furniture():
    pages = [_page(n, _line("Same words", 100 + 30 * n), _line(f"Body {n}.", 200)) for n in (1, 2)]
    assert _texts(blocks_from_pages(pages), Role.furniture) == []


def _moved(line: list[Word], top: float) -> list[Word]:
    return [Word(w.text, w.x0, top, w.x1, top + w.size, w.font, w.size) for w in line]


def test_paragraph_broken_by_the_page_break_is_joined():
    lines = _wrap(LONG + " and more.", 0)
    first = _page(1, *[_moved(line, 740 + 13 * index) for index, line in enumerate(lines[:-1])])
    second = _page(2, _line("page 2", 40), _moved(lines[-1], 100))
    blocks = blocks_from_pages([first, second])
    assert _texts(blocks) == [LONG + " and more."]
    assert blocks[-1].provenance.page == 1


def test_footnote_area_and_its_mark():
    body = _wrap(LONG + " go on here.", 100)
    last = body[0][-1]
    mark = Word("1", last.x1 + 0.2, 98.5, last.x1 + 3.5, 105, "Body", 6.5)
    page = _page(
        1,
        body[0] + [mark],
        *body[1:],
        _line("1 Such as the Global Identifier project", 760, size=9),
        _line("and others.", 770, size=9),
    )
    blocks = blocks_from_pages([page])
    (paragraph,) = [block for block in blocks if block.role == Role.paragraph]
    assert paragraph.text == LONG + " go on here."
    first_line = " ".join(word.text for word in body[0])
    assert [(m.number, m.offset) for m in paragraph.marks] == [(1, len(first_line))]
    (note,) = [block for block in blocks if block.role == Role.footnote]
    assert (note.footnote_number, note.text) == (1, "Such as the Global Identifier project and others.")


COLUMNS = [(70.0, 200.0), (200.0, 420.0), (420.0, 520.0)]


def _grid(top: float, heights: list[float]) -> TableGrid:
    rows, y = [], top
    for height in heights:
        rows.append(tuple((x0, y, x1, y + height) for x0, x1 in COLUMNS))
        y += height
    return TableGrid(bbox=(70.0, top, 520.0, y), rows=tuple(rows))


def _cell(text: str, top: float, column: int) -> list[list[Word]]:
    x0, x1 = COLUMNS[column]
    return _wrap(text, top, x0 + 5, x1 - 5, size=9)


ACTION = "(a) IP offices should provide a forum to discuss strategies and other issues of common interest."


def test_table_read_cell_by_cell_across_a_page_break():
    header = ["Recommendations", "Recommended Actions", "Related"]
    action_lines = _cell(ACTION, 145, 1)
    first = _page(
        1,
        *[line for column, name in enumerate(header) for line in _cell(name, 105, column)],
        *_cell("Recommendation 1:", 145, 0),
        *action_lines[:2],
        *_cell("R1, R2", 145, 2),
        tables=[_grid(100, [40, 40])],
    )
    rest = " ".join(word.text for line in action_lines[2:] for word in line)
    second = _page(
        2,
        *[line for column, name in enumerate(header) for line in _cell(name, 55, column)],
        *_cell(rest, 95, 1),  # the broken row goes on: its first cell is empty
        *_cell("Recommendation 2:", 135, 0),
        *_cell("(a) Share it.", 135, 1),
        tables=[_grid(50, [40, 40, 40])],
    )
    blocks = blocks_from_pages([first, second])
    cells = [(b.provenance.row, b.provenance.column, b.text) for b in blocks if b.role == Role.table_cell]
    assert cells == [
        (0, 0, "Recommendations"),
        (0, 1, "Recommended Actions"),
        (0, 2, "Related"),
        (1, 0, "Recommendation 1:"),
        (1, 1, ACTION),
        (1, 2, "R1, R2"),
        (2, 0, "Recommendation 2:"),
        (2, 1, "(a) Share it."),
    ]
    assert _texts(blocks, Role.furniture) == header


def test_tagged_structure_decides_paragraphs_and_artifacts():
    def tagged(words, element, artifact=False):
        return [Word(w.text, w.x0, w.top, w.x1, w.bottom, w.font, w.size, element, artifact) for w in words]

    page = _page(
        1,
        tagged(_line("Header of the file", 30), None, artifact=True),
        tagged(_line("First short", 100), 1),
        tagged(_line("paragraph.", 113), 1),  # geometry alone would cut after the short line
        *[tagged(line, 2) for line in _wrap(LONG, 126)],  # no spacing, yet a new element
    )
    blocks = blocks_from_pages([page])
    assert _texts(blocks) == ["First short paragraph.", LONG]
    assert _texts(blocks, Role.furniture) == ["Header of the file"]


def test_a_table_with_other_columns_after_a_page_break_is_a_new_table():
    first = _page(1, *_cell("Recommendation 1:", 105, 0), *_cell("(a) Act.", 105, 1), tables=[_grid(100, [40])])
    row = ((70.0, 50.0, 300.0, 90.0), (300.0, 50.0, 520.0, 90.0))
    two_columns = TableGrid(bbox=(70.0, 50.0, 520.0, 90.0), rows=(row,))
    second = _page(2, _line("lower case text", 55, x0=75, size=9), tables=[two_columns])
    blocks = [b for b in blocks_from_pages([first, second]) if b.role == Role.table_cell]
    assert [(b.provenance.table, b.provenance.row, b.text) for b in blocks] == [
        (0, 0, "Recommendation 1:"),
        (0, 0, "(a) Act."),
        (1, 0, "lower case text"),
    ]


def test_a_number_that_cannot_be_a_page_is_not_a_counter():
    page = _page(1, _line("2024", 40), _line("Annual figures of the office.", 80))
    assert _texts(blocks_from_pages([page])) == ["2024", "Annual figures of the office."]


def test_pdfium_backend_refuses_bad_input_with_the_same_errors(tmp_path):
    with pytest.raises(NoTextLayer, match="run OCR first"):
        pdf.extract(_write(tmp_path, "scan.pdf", _image_only_pdf()), backend="pdfium")
    data = (SAMPLES / "cws_12_22.pdf").read_bytes()
    with pytest.raises(CorruptDocument, match="damaged or truncated"):
        pdf.extract(_write(tmp_path, "cut.pdf", data[: len(data) // 2]), backend="pdfium")
    with pytest.raises(TooLarge, match="7 pages; the limit is 3"):
        pdf.extract(SAMPLES / "cws_12_22.pdf", max_pages=3, backend="pdfium")
    source = pdf.extract(_write(tmp_path, "hello.pdf", text_pdf()), backend="pdfium")
    assert [block.text for block in source.blocks] == ["Hello from a hand-made PDF"]


def test_pdfium_backend_refuses_an_encrypted_pdf():
    path = CORPUS / "pdf" / "r4-user-password.pdf"
    if not path.exists():
        pytest.skip(f"robustness corpus absent: {CORPUS}")
    with pytest.raises(EncryptedDocument, match="password"):
        pdf.extract(path, backend="pdfium")
