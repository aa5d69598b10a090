"""The PDF renditions of the four seeds (samples/<stem>.pdf, made from the DOCX
renditions by LibreOffice) give the same model as the seed texts.

The texts lack the WIPO header block that the renditions carry, so the PDF's
metadata is the more complete one: every field the text states must agree, and
the PDF may state more. Everything else is compared whole, provenance aside.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors import read_source
from extractors.blocks import Role
from pipeline.structure import build_document
from tests.cross_format import COMPARED, PRINTING, SAMPLES, STEMS, without_provenance


@pytest.fixture(scope="module")
def sources():
    return {stem: read_source(SAMPLES / f"{stem}.pdf") for stem in STEMS}


@pytest.fixture(scope="module")
def models(sources):
    return {
        stem: {"txt": build_document(read_source(SAMPLES / f"{stem}.txt")), "pdf": build_document(sources[stem])}
        for stem in STEMS
    }


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("part", COMPARED)
def test_pdf_gives_the_text_model(models, stem, part):
    text = models[stem]["txt"].model_dump(mode="json")[part]
    pdf = models[stem]["pdf"].model_dump(mode="json")[part]
    assert without_provenance(pdf, PRINTING) == without_provenance(text, PRINTING)


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_metadata_agrees_with_the_text_and_may_say_more(models, stem):
    text = models[stem]["txt"].metadata.model_dump(mode="json", exclude={"provenance"})
    pdf = models[stem]["pdf"].metadata.model_dump(mode="json", exclude={"provenance"})
    for field, value in text.items():
        if value is None or field == "symbol_inferred":  # the text lacks the header that states the symbol
            continue
        if field == "title":  # the rendition's header sets the title in capitals
            assert pdf[field].casefold() == value.casefold()
        else:
            assert pdf[field] == value, field


def test_pdf_header_block_is_read(models):
    # Read by a person from page 1 of samples/cws_12_22.pdf.
    metadata = models["cws_12_22"]["pdf"].metadata
    assert metadata.symbol == "CWS/12/22" and not metadata.symbol_inferred
    assert metadata.original_language == "English"
    assert metadata.title == "PROPOSAL FOR REVISED RECOMMENDATIONS ON ICT AND IP ADMINISTRATION"
    assert metadata.prepared_by == "ICT Strategy Task Force"


def test_unclassified_outline_of_the_text_is_not_in_the_pdf(models):
    # The PDF-to-text conversion of CWS/12/22 repeated three headings after the
    # annex (samples/README.md); the rendition has no such outline.
    assert [item.text for item in models["cws_12_22"]["txt"].unclassified] == [
        "SUMMARY",
        "BACKGROUND",
        "PROPOSAL FOR REVISED RECOMMENDATIONS",
    ]
    for stem in STEMS:
        assert models[stem]["pdf"].unclassified == []


def _units(document):
    """(kind, text) of every paragraph, list item, content block, recommendation,
    action and item, in the body and the annexes."""
    paragraphs = list(document.paragraphs) + [p for annex in document.annexes for p in annex.paragraphs]
    content = list(document.content) + [c for annex in document.annexes for c in annex.content]
    for paragraph in paragraphs:
        yield "paragraph", paragraph.text
        for item in paragraph.items:
            yield "list item", item.text
    for block in content:
        yield "content", block.text
    for recommendation in document.recommendations:
        yield "recommendation", recommendation.text
        for action in recommendation.actions:
            yield "action", action.text
            for item in action.items:
                yield "item", item.text


# Running headers seen on the rendered pages: the symbol over "page N" or
# "Annex, page N"; the annex table's header row (its cell names side by side or
# the last one, which the body never uses); page counters.
_FURNITURE = re.compile(
    r"\bpage \d+\b|Annex, page|Recommendations Recommended Actions|Recommended Actions Related|Related 40 RECs"
)


@pytest.mark.parametrize("stem", STEMS)
def test_no_furniture_or_footnote_text_inside_units(models, stem):
    document = models[stem]["pdf"]
    footnote_texts = [footnote.text for footnote in document.footnotes]
    assert all(footnote_texts)
    for kind, text in _units(document):
        assert not _FURNITURE.search(text), f"{kind}: {text}"
        assert not any(note[:40] in text for note in footnote_texts), f"{kind}: {text}"
        assert not re.fullmatch(r"\d{1,3}", text.split()[-1] if text.split() else ""), f"{kind}: {text}"


# Read by a person from the rendered pages of samples/cws_12_22.pdf: pages 2 and 3
# carry "CWS/12/22" over "page N"; the annex starts on page 4 without a header;
# pages 5 to 7 carry "CWS/12/22" over "Annex, page N" and the repeated header row.
CWS_12_22_FURNITURE = {
    2: ["CWS/12/22", "page 2"],
    3: ["CWS/12/22", "page 3"],
    5: ["CWS/12/22", "Annex, page 2", "Recommendations", "Recommended Actions", "Related 40 RECs"],
    6: ["CWS/12/22", "Annex, page 3", "Recommendations", "Recommended Actions", "Related 40 RECs"],
    7: ["CWS/12/22", "Annex, page 4", "Recommendations", "Recommended Actions", "Related 40 RECs"],
}


def test_furniture_of_cws_12_22_is_exactly_the_running_headers(sources):
    found: dict[int, list[str]] = {}
    for block in sources["cws_12_22"].blocks:
        if block.role == Role.furniture:
            found.setdefault(block.provenance.page, []).append(block.text)
    assert found == CWS_12_22_FURNITURE


def test_footnotes_are_linked_to_their_marks(models):
    # CWS/12/22: footnote 1 hangs on the header cell "Related 40 RECs" of the
    # annex table, footnote 2 on "cooperative projects" in Recommendation 6 (a).
    document = models["cws_12_22"]["pdf"]
    first, second = document.footnotes
    assert first.text.startswith("40 Recommendations from the Meeting on ICT Strategy")
    assert [anchor.kind.value for anchor in first.anchors] == ["table_header"]
    assert second.text.startswith("such as the Global Identifier project")
    assert [(anchor.kind.value, anchor.target) for anchor in second.anchors] == [("action", "rec6.a")]
    action = document.recommendation(6).actions[0]
    assert "cooperative projects that the CWS approved" in action.text


def test_row_broken_across_pages_stays_one_recommendation(models):
    # Recommendation 2's action (c) starts at the bottom of page 4 and ends at the
    # top of page 5 in a row fragment with empty first and last cells.
    recommendation = models["cws_12_22"]["pdf"].recommendation(2)
    action = recommendation.actions[2]
    assert action.label == "c"
    assert action.text.endswith("forum to discuss ICT strategies and other ICT issues considered to be of "
                                "common interest, including their evaluation and updates, among IP offices.")
    assert recommendation.related_recs_note == "Not applicable as this is new"
    assert models["cws_12_22"]["pdf"].recommendation(3).text.startswith("IP offices should ensure that a data")


@pytest.mark.parametrize("stem", STEMS)
def test_every_block_has_page_and_box(sources, stem):
    for block in sources[stem].blocks:
        provenance = block.provenance
        assert provenance.page is not None and provenance.page >= 1
        x0, top, x1, bottom = provenance.bbox
        assert x0 <= x1 and top <= bottom


def test_model_units_carry_pdf_provenance(models):
    document = models["cws_12_22"]["pdf"]
    units = [document.paragraph(1)] + [a for r in document.recommendations for a in r.actions] + document.footnotes
    assert all(unit.provenance.page and unit.provenance.bbox for unit in units)
    assert document.recommendation(1).provenance.page == 4


# tests/fixtures/cws_12_22_tagged.pdf: samples/cws_12_22.docx exported as a
# tagged PDF by LibreOffice 7.4:
#   soffice --headless --convert-to \
#     'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}' cws_12_22.docx
TAGGED = Path(__file__).resolve().parent / "fixtures" / "cws_12_22_tagged.pdf"


def test_tagged_pdf_structure_is_used():
    from extractors.pdf import read_pages
    from extractors.pdf_budget import Budget

    pages = list(read_pages(TAGGED.read_bytes(), TAGGED.name, Budget(60, TAGGED.name, 20, 100_000)))
    words = [word for page in pages for word in page.words]
    assert sum(word.element is not None for word in words) > len(words) / 2
    # the running headers are marked as artifacts by the file itself
    assert {word.text for word in words if word.artifact} >= {"CWS/12/22", "Annex,", "page"}


@pytest.mark.parametrize("part", COMPARED)
def test_tagged_pdf_gives_the_text_model(models, part):
    tagged = build_document(read_source(TAGGED)).model_dump(mode="json")[part]
    text = models["cws_12_22"]["txt"].model_dump(mode="json")[part]
    assert without_provenance(tagged, PRINTING) == without_provenance(text, PRINTING)
