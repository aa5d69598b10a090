"""The WIPO symbol grammar, table-driven: each line a text as WIPO or a converter
prints it and the symbols a person reads in it (normalized form, kind, the words
the match covers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.symbols import _grammar, find_symbols, grammar_matches, parse_symbol

FOUND = [
    # documents, spaced as printed
    ("as proposed in document CWS/2/1 PROV. Some", [("CWS/2/1 PROV.", "document", "CWS/2/1 PROV.")]),
    ("reproduced in document CWS/1/10 Prov. Rev. with", [("CWS/1/10 PROV. Rev.", "document", "CWS/1/10 Prov. Rev.")]),
    ("(See documents SCIT/SDWG/11/11 and SCIT/SDWG/11/14.)", [
        ("SCIT/SDWG/11/11", "document", "SCIT/SDWG/11/11"),
        ("SCIT/SDWG/11/14", "document", "SCIT/SDWG/11/14"),
    ]),
    ("the PCT Working Group (PCT/WG/4/17)", [("PCT/WG/4/17", "document", "PCT/WG/4/17")]),
    ("see document PCT/MIA/18/5 Rev.2", [("PCT/MIA/18/5 Rev.2", "document", "PCT/MIA/18/5 Rev.2")]),
    ("the Assemblies (A/62/1)", [("A/62/1", "document", "A/62/1")]),
    ("document WO/GA/58/9 Corr.", [("WO/GA/58/9 Corr.", "document", "WO/GA/58/9 Corr.")]),
    ("document CWS/9/25 Add. 1", [("CWS/9/25 Add.1", "document", "CWS/9/25 Add. 1")]),
    ("the reconvened session (CWS/4BIS/16)", [("CWS/4BIS/16", "document", "CWS/4BIS/16")]),
    ("document WIPO/GRTKF/IC/40/5", [("WIPO/GRTKF/IC/40/5", "document", "WIPO/GRTKF/IC/40/5")]),
    ("a body not in the list: SCP/30/5", [("SCP/30/5", "document", "SCP/30/5")]),
    ("CWS/7/29 Prov. page 2", [("CWS/7/29 PROV.", "document", "CWS/7/29 Prov.")]),
    # glued by converters
    ("documentCWS/2/13", [("CWS/2/13", "document", "CWS/2/13")]),
    ("documentWO/GA/43/16 and", [("WO/GA/43/16", "document", "WO/GA/43/16")]),
    ("/ ECWS/5/22 PROV.", [("CWS/5/22 PROV.", "document", "CWS/5/22 PROV.")]),
    ("E CWS/7/29 PROV. ORIGINAL: ENGLISH", [("CWS/7/29 PROV.", "document", "CWS/7/29 PROV.")]),
    ("DOCUMENTCWS/2/13", [("CWS/2/13", "document", "CWS/2/13")]),
    ("paragraphs52 and53of CWS/1/10.)", [("CWS/1/10", "document", "CWS/1/10")]),
    ("CWS/5/22PROV.", [("CWS/5/22 PROV.", "document", "CWS/5/22PROV.")]),
    # circulars in every spelling
    ("in response to Circular C.CWS.180 and", [("C.CWS.180", "circular", "Circular C.CWS.180")]),
    ("C. CWS 180", [("C.CWS.180", "circular", "C. CWS 180")]),
    ("Circular C.CWS 74", [("C.CWS.74", "circular", "Circular C.CWS 74")]),
    ("circularC.CWS.151", [("C.CWS.151", "circular", "circularC.CWS.151")]),
    ("C.SCIT.2578", [("C.SCIT.2578", "circular", "C.SCIT.2578")]),
    # standards with parts
    ("the ST.10/C Task Force", [("ST.10/C", "standard", "ST.10/C")]),
    ("WIPO Standards ST.7/F and ST.96.", [("ST.7/F", "standard", "ST.7/F"), ("ST.96", "standard", "ST.96")]),
    ("a revision of WIPO Standard ST.67 and", [("ST.67", "standard", "ST.67")]),
    ("StandardST.26", [("ST.26", "standard", "ST.26")]),
    # mixed, in order
    ("ST.36 (see CWS/3/4 and C.CWS.12)", [
        ("ST.36", "standard", "ST.36"),
        ("CWS/3/4", "document", "CWS/3/4"),
        ("C.CWS.12", "circular", "C.CWS.12"),
    ]),
]

NOT_SYMBOLS = [
    "approved at CWS/9.",  # a session, not a document
    "on 10/12/2020",
    "ATR/PI, ATR/TM, ATR/ID",
    "E/5/22",  # a one-letter body that is not WIPO's
    "the CWS Review of the",
    "Mr. C. Smith",
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_find_symbols(text, expected):
    found = [(m.symbol.normalized, m.kind, text[m.start : m.end]) for m in find_symbols(text)]
    assert found == expected


@pytest.mark.parametrize("text", NOT_SYMBOLS)
def test_not_symbols(text):
    assert find_symbols(text) == []


PARTS = [
    # text, body, session, number, suffixes, base
    ("CWS/5/22 PROV.", "CWS", "5", 22, ("PROV.",), "CWS/5/22"),
    ("WO/GA/43/16", "WO/GA", "43", 16, (), "WO/GA/43/16"),
    ("CWS/1/10 Prov. Rev.", "CWS", "1", 10, ("PROV.", "Rev."), "CWS/1/10"),
    ("CWS/4BIS/16", "CWS", "4BIS", 16, (), "CWS/4BIS/16"),
    ("Circular C.CWS 74", "CWS", None, 74, (), "C.CWS.74"),
    ("ST.10/C", "ST", None, 10, (), "ST.10/C"),
]


@pytest.mark.parametrize("text, body, session, number, suffixes, base", PARTS)
def test_parse_symbol_parts(text, body, session, number, suffixes, base):
    symbol = parse_symbol(text)
    assert (symbol.body, symbol.session, symbol.number, symbol.suffixes, symbol.base) == (
        body,
        session,
        number,
        suffixes,
        base,
    )


def test_reconvened_session_is_its_own():
    symbol = parse_symbol("CWS/4BIS/16")
    assert symbol.session_number == 4 and symbol.reconvened
    assert not parse_symbol("CWS/4/16").reconvened


def test_standard_part():
    assert parse_symbol("ST.10/C").part == "C"
    assert parse_symbol("ST.96").part is None


@pytest.mark.parametrize("text", ["CWS/5/22 and more", "see CWS/5/22", "CWS/5/22, CWS/5/23", "", "Task No. 18"])
def test_parse_symbol_refuses_other_text(text):
    assert parse_symbol(text) is None


def test_diff_reads_one_written_form_of_the_symbol(draft):
    """The diff compares symbols by the grammar: a spelling of the same suffix is no change."""
    from pipeline.diff import diff_documents

    old = draft.model_copy(deep=True)
    new = draft.model_copy(deep=True)
    old.metadata.symbol, new.metadata.symbol = "CWS/5/22 Prov.", "CWS/5/22 PROV."
    assert not [f for f in diff_documents(old, new).metadata if f.field == "symbol"]
    new.metadata.symbol = "CWS/5/22 Rev."
    assert [f.field for f in diff_documents(old, new).metadata if f.field == "symbol"] == ["symbol"]


_ROOT = Path(__file__).resolve().parents[1]
_REAL_TEXTS = sorted((_ROOT / "samples").glob("*.txt")) + sorted((_ROOT / "samples" / "converted").rglob("*.*"))
_CWS_REAL = _ROOT.parent / "shared" / "corpus" / "cws-real"


def _lines_of_real_documents() -> list[str]:
    paths = _REAL_TEXTS + (sorted(_CWS_REAL.glob("*.txt")) if _CWS_REAL.is_dir() else [])
    return [line for path in paths if path.is_file() for line in path.read_text(errors="replace").splitlines()]


def test_every_symbol_the_grammar_finds_holds_the_anchor_that_screens_texts():
    # The anchor only skips texts; were it to miss a symbol's form, that symbol would be lost.
    grammar = _grammar()
    texts = [text for text, _ in FOUND] + _lines_of_real_documents()
    matched = [match.group() for text in texts for match in grammar.pattern.finditer(text)]
    assert len(matched) > 200
    assert [symbol for symbol in matched if not grammar.anchor.search(symbol)] == []


def test_the_grammar_run_from_the_anchors_finds_what_it_finds_over_the_whole_text():
    # find_symbols runs the grammar only from where a match can start (before
    # the capitals and slashes of a body, or "Circular " before "C."); it must
    # find the very matches the grammar finds when tried at every position.
    grammar = _grammar()
    glued_and_spaced = [
        "Circular   C.CWS.180 of", "CircularC. CWS 74", "CIRCULAR\nC. CWS 9", "DOCUMENTCWS/11/28", "ECWS/11/28",
        "CWS/4BIS/3 and WO/GA/58/9 Rev. 2", "ST.10/C then ST. 96 and St.3", "Mr. C. Smith and CWS/1/2",
        "05/27/2016 at SCIT/SDWG/11/11", "C.CWS/5/2", "A/B/C/D/E/F/12/3",
    ]
    texts = [text for text, _ in FOUND] + NOT_SYMBOLS + glued_and_spaced + _lines_of_real_documents()
    texts += [" ".join(texts[index : index + 5]) for index in range(0, len(texts), 5)]  # several per text
    found = 0
    for text in texts:
        expected = [match.span() for match in grammar.pattern.finditer(text)]
        assert [match.span() for match in grammar_matches(text, grammar)] == expected, text
        found += len(expected)
    assert found > 400
