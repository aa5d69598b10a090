"""Odd and hostile PDF files, built byte by byte: each ends in a model or one of
the documented errors, within the limits, from either backend."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from extractors import pdf, pdf_streams
from extractors.pdf_blocks import blocks_from_pages
from extractors.pdf_budget import Budget
from extractors.pdf_lines import group_lines
from extractors.pdf_words import PageWords, Word
from pipeline.boundary import deadline
from pipeline.errors import CorruptDocument, ExtractionTimeout, TooLarge
from tests.pdf_files import HELVETICA, deep_page_tree_pdf, pdf_from_objects, text_pdf, tiny_words_pdf

BACKENDS = ["pdfium", "pdfplumber"]


def _write(tmp_path: Path, data: bytes, name: str = "odd.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_page_tree_thousands_of_levels_deep_is_refused(tmp_path, backend):
    # pdfplumber fails building its page list here, and closing the file built
    # it again, raising the library's error in place of the typed one.
    path = _write(tmp_path, deep_page_tree_pdf(5000))
    with pytest.raises(CorruptDocument, match="damaged"):
        pdf.extract(path, backend=backend)


MEDIA_BOXES = {
    "names": b"[/a /b /c /d]",
    "a 400-digit number": b"[0 0 " + b"9" * 400 + b" 842]",
    "too few numbers": b"[0 0 595]",
    "a name among numbers": b"[0 0 -1e5 nan]",
    "huge": b"[0 0 100000000000 100000000000]",
}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("box", MEDIA_BOXES, ids=list(MEDIA_BOXES))
def test_an_odd_media_box_gives_the_text_or_a_typed_error(tmp_path, backend, box):
    path = _write(tmp_path, text_pdf(media_box=MEDIA_BOXES[box]))
    try:
        source = pdf.extract(path, backend=backend)
    except CorruptDocument as error:
        assert "damaged" in str(error)
    else:
        assert [block.text for block in source.blocks] == ["Hello from a hand-made PDF"]


def test_pdfium_reads_past_an_odd_media_box(tmp_path):
    # PDFium falls back to a default page size where the box is unusable.
    for box in MEDIA_BOXES.values():
        source = pdf.extract(_write(tmp_path, text_pdf(media_box=box)))
        assert [block.text for block in source.blocks] == ["Hello from a hand-made PDF"]


def _bomb_pdf(megabytes: int) -> bytes:
    """A page whose content stream inflates to ``megabytes`` MB of spaces after its text."""
    packer = zlib.compressobj(9)
    packed = packer.compress(b"BT /F1 12 Tf 72 720 Td (Bomb) Tj ET\n")
    packed += b"".join(packer.compress(b" " * 2**20) for _ in range(megabytes)) + packer.flush()
    content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            content,
            HELVETICA,
        ]
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_stream_inflating_past_the_limit_is_refused_before_reading(tmp_path, backend, monkeypatch):
    monkeypatch.setenv("CWS_MAX_PDF_STREAM_BYTES", "2M")
    with pytest.raises(TooLarge, match="inflates past 2 MB; refusing"):
        pdf.extract(_write(tmp_path, _bomb_pdf(8)), backend=backend)
    # under the limit the same kind of file is read
    assert [block.text for block in pdf.extract(_write(tmp_path, _bomb_pdf(1)), backend=backend).blocks] == ["Bomb"]


def test_the_stream_measure_stops_at_the_limit_and_ignores_other_data():
    data = memoryview(zlib.compress(b"x" * 10_000_000))
    assert 1_000_000 < pdf_streams.inflated_size(data, 0, 1_000_000) <= 1_000_000 + 2**20
    assert pdf_streams.inflated_size(memoryview(b"\xff\xd8 a JPEG, not zlib"), 0, 100) == 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_page_over_the_character_limit_is_refused_before_it_is_read(tmp_path, backend, monkeypatch):
    monkeypatch.setenv("CWS_MAX_CHARS_PER_PAGE", "1000")
    with pytest.raises(TooLarge, match="page 1 holds 2,000 characters; the limit is 1,000 .CWS_MAX_CHARS_PER_PAGE."):
        pdf.extract(_write(tmp_path, tiny_words_pdf(2000)), backend=backend)


def test_a_page_of_200000_tiny_words_is_read_within_the_budget(tmp_path, monkeypatch):
    # The default limit refuses such a page at once; allowed, it is read in time
    # (it used to run past the time limit: the layout was quadratic and unbudgeted).
    path = _write(tmp_path, tiny_words_pdf(200_000))
    with pytest.raises(TooLarge, match="200,000 characters"):
        pdf.extract(path)
    monkeypatch.setenv("CWS_MAX_CHARS_PER_PAGE", "300000")
    source = pdf.extract(path, time_limit=100)
    assert sum(block.text.count("x") for block in source.blocks) == 200_000


def test_the_time_budget_covers_the_layout():
    words = [Word(text="word", x0=72.0, top=100.0, x1=90.0, bottom=110.0, font="F", size=10.0)]
    expired = Budget(-1.0, "late.pdf", 10, 100_000)
    with pytest.raises(ExtractionTimeout, match="laying out page 1"):
        blocks_from_pages([PageWords(number=1, words=words)], expired)


def test_line_grouping_is_one_pass_over_a_very_long_line():
    # 30,000 words on one line: the line's extent is kept, not recomputed per word
    # (which took minutes: the time budget itself never came into play).
    words = [Word(text="w", x0=index * 0.01, top=100.0, x1=index * 0.01 + 0.01, bottom=101.0) for index in range(30_000)]
    with deadline(20, "long line"):
        lines = group_lines(words, 1)
    assert len(lines) == 1 and len(lines[0].words) == 30_000
