"""Both PDF backends give the same model: block for block on every sample PDF,
model for model on the robustness corpus, where every file on which they differ
is listed below with the reason (a new difference, or a listed one that went
away, fails the test)."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from extractors import pdf
from pipeline.errors import CwsError
from pipeline.structure import build_document
from tests.cross_format import SAMPLES, STEMS, without_provenance

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "robustness" / "pdf"

_ROTATED = (
    "rotated or vertical text: PDFium gives the characters in the order the file draws them along"
    " their baseline; pdfplumber sorts them by their position on the page, which scrambles them"
)
_NO_SPACES = (
    "the file draws no space characters (or PDFium does not report them): PDFium infers word"
    " breaks from its own spacing rule, pdfplumber from gaps over 3 points, so words split or"
    " join differently"
)
_DAMAGED = "damaged file: the two libraries repair it differently and recover different text"

DIFFERENCES = {
    "175.pdf": _DAMAGED + " (PDFium finds its page and an image, pdfplumber no page at all)",
    "Seige_of_Vicksburg_Sample_OCR.pdf": _NO_SPACES + " (OCR text layer)",
    "chelsea_pdta.pdf": "text drawn at font size 1 and scaled by the text matrix, with superscripts"
    " (\"1er\") in other text objects: pdfplumber joins characters of neighbouring objects into one"
    " word, PDFium keeps each object's run",
    "f1040nr.pdf": "a form of overlapping text objects: pdfplumber interleaves their characters by"
    " position (\"FDepartmentInternalorm\"), PDFium keeps each object's text whole",
    "federal-register-2020-17221.pdf": _ROTATED + " (the vertical margin notes)",
    "indirect-rotation.pdf": _ROTATED,
    "issue-1113-evil-xobjects.pdf": "form objects drawing the same text many times over at almost"
    " the same place: the backends order the overlapping copies differently",
    "issue-297-example.pdf": _DAMAGED + " (PDFium finds an empty page, pdfplumber none)",
    "issue-449-vertical.pdf": _ROTATED,
    "issue-791-non-unicode-cmap.pdf": "a font without a usable ToUnicode map: pdfminer decodes it"
    " from the font's encoding (\"Peněžní prostředky\"), PDFium gives the glyph codes"
    " (\"3HQČåQ\") — the one case where pdfplumber reads better",
    "missing_xref_trailer.pdf": _DAMAGED + " (PDFium rebuilds the cross-reference table and reads"
    " all four pages, pdfminer two)",
    "naacl06-shinyama.pdf": _NO_SPACES + " (LaTeX output: PDFium reads \"New York University\","
    " pdfplumber \"NewYorkUniversity\")",
    "nics-background-checks-2015-11-rotated.pdf": _ROTATED,
    "r4-aes-v2-no-key-length.pdf": _NO_SPACES + " (one word split over two lines by a line break)",
    "r6-empty-password.pdf": _NO_SPACES + " (one word split over two lines by a line break)",
    "r6-user-password.pdf": "AES-256 with a user password: pdfminer opens it with the empty"
    " password, PDFium asks for the password (EncryptedDocument)",
    "table-curves-example.pdf": "a table ruled with curves: pdfplumber turns curve objects into"
    " rules, PDFium's reader only straight paths and boxes, so the cells differ",
    "zen_of_python_corrupted.pdf": _DAMAGED,
}


def _comparable(block):
    provenance = block.provenance
    return (
        block.role,
        block.text,
        block.marks,
        block.footnote_number,
        (provenance.page, provenance.table, provenance.row, provenance.column),
    )


@pytest.mark.parametrize("stem", STEMS)
def test_both_backends_give_the_same_blocks_from_each_sample(stem):
    pdfium = pdf.extract(SAMPLES / f"{stem}.pdf", backend="pdfium").blocks
    pdfplumber = pdf.extract(SAMPLES / f"{stem}.pdf", backend="pdfplumber").blocks
    assert [_comparable(block) for block in pdfium] == [_comparable(block) for block in pdfplumber]
    for one, other in zip(pdfium, pdfplumber):
        assert all(abs(a - b) < 1.5 for a, b in zip(one.provenance.bbox, other.provenance.bbox))


def _outcome(path: Path, backend: str):
    """The model (provenance aside) or the type of the error; no time limit, as
    pdfplumber on the 125-page file can near the default one on a busy machine."""
    try:
        source = pdf.extract(path, backend=backend, time_limit=3600)
        return without_provenance(build_document(source).model_dump(mode="json"))
    except CwsError as error:
        return type(error).__name__


def test_both_backends_give_the_same_model_from_the_corpus_or_the_difference_is_listed():
    files = sorted(CORPUS.glob("*.pdf"))
    if not files:
        pytest.skip(f"robustness corpus absent: {CORPUS}")
    with ProcessPoolExecutor(max_workers=2) as pool:  # pdfplumber takes most of the time
        pdfium = list(pool.map(_outcome, files, ["pdfium"] * len(files)))
        pdfplumber = list(pool.map(_outcome, files, ["pdfplumber"] * len(files)))
    differing = {path.name for path, one, other in zip(files, pdfium, pdfplumber) if one != other}
    assert differing == set(DIFFERENCES)


def test_the_cli_chooses_the_backend():
    import json

    from click.testing import CliRunner

    from pipeline.cli import main

    path = str(SAMPLES / "c_cws_151.pdf")
    outputs = {}
    for backend in ("pdfium", "pdfplumber"):
        result = CliRunner().invoke(main, ["extract", "--pdf-backend", backend, path])
        assert result.exit_code == 0, result.output
        outputs[backend] = without_provenance(json.loads(result.output))
    assert outputs["pdfium"] == outputs["pdfplumber"]
    refused = CliRunner().invoke(main, ["extract", "--pdf-backend", "pdfminer", path])
    assert refused.exit_code == 2 and "pdfminer" in refused.output
