"""How the references stage hands text to spaCy: only units that can hold a
mention (and the pre-filter loses none), each label's patterns only where its
screen passes (and the screened ruler loses nothing), long units in pieces,
spaCy imported only when the pipeline is built."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from pipeline.api import extract_document
from pipeline.references.find import find
from pipeline.references.nlp import lexicon, may_hold_mention, pipeline
from pipeline.references.tokens import HitToken, sentence_starts
from pipeline.references.units import text_units
from pipeline.symbols import find_symbols
from tests.conftest import ROOT, SEED_TEXTS, SHARED, annotated_sentence

find_module = importlib.import_module("pipeline.references.find")  # the package exports the function of that name
REAL = SHARED / "corpus" / "cws-real"
INPUTS = [*SEED_TEXTS.values(), *(sorted(REAL.glob("*.txt")) if REAL.is_dir() else [])]


def _found(hits):
    return [(hit.label, hit.unit.id, hit.start, hit.end) for hit in hits]


def _with_sentences(doc):
    """``doc`` with spaCy's own sentencizer run over it (the pipeline has none)."""
    from spacy.pipeline import Sentencizer

    return Sentencizer()(doc)


@pytest.mark.parametrize("path", INPUTS, ids=lambda path: path.stem)
def test_prefilter_finds_the_same_mentions(path):
    units = list(text_units(extract_document(path)))
    screened = find(units)
    assert screened, "a document with no mention proves nothing"
    assert _found(screened) == _found(find(units, screen=False))


def test_prefilter_skips_units_without_a_symbol_keyword_or_name(draft):
    units = list(text_units(draft))
    spared = [unit for unit in units if not may_hold_mention(unit.text)]
    assert spared, "the seed has text units that can hold no mention"
    assert not find(spared, screen=False)


def test_prefilter_skips_digits_that_no_pattern_reads():
    """A log line full of numbers, but with no symbol, month, keyword or name."""
    text = "05/27/16 13:45 Booked 2016-0012345, bail $5,000, cell 12B; released 14:02."
    assert not may_hold_mention(text)
    assert not find([find_module.Unit("p1", text, "p1", "", 1)], screen=False)


@pytest.mark.parametrize(
    "text",
    ["see paragraph 4", "the para 4", "Côte d’Ivoire", "Republic of Korea", "on May 3, 2016", "at CWS/5 it", "ST.26 applies", "the present document", "Task No. 3"],
)
def test_prefilter_keeps_what_a_pattern_reads(text):
    assert may_hold_mention(text)
    assert find([find_module.Unit("p1", text, "p1", "", 1)], screen=False)


def test_every_label_has_a_screen():
    screens = lexicon()["rule_screens"]
    assert set(pipeline().get_pipe("entity_ruler").token_patterns) == set(screens["text"]) | set(screens["symbols"])


@pytest.mark.parametrize("path", INPUTS, ids=lambda path: path.stem)
def test_screened_ruler_finds_what_the_plain_ruler_finds(path):
    """Each label's patterns run only where its screen passes; spaCy's own ruler
    with every pattern run everywhere finds the same entities."""
    from spacy.pipeline import EntityRuler

    nlp = pipeline()
    screened = nlp.get_pipe("entity_ruler")
    plain = EntityRuler(nlp, "plain", phrase_matcher_attr="NORM")
    plain.add_patterns(screened.patterns)
    units = list(text_units(extract_document(path)))
    for unit in units:
        doc = nlp.make_doc(unit.text)
        expected = [(ent.label_, ent.start, ent.end) for ent in plain(nlp.make_doc(unit.text)).ents]
        assert [(ent.label_, ent.start, ent.end) for ent in screened(doc).ents] == expected, unit.id


def test_long_paragraph_is_read_in_pieces(monkeypatch):
    """A paragraph longer than spaCy's max_length is read whole, never refused;
    mentions keep their offsets in the paragraph, even past a cut. (spaCy's
    limit is lowered to 100,000 characters so that the test stays short: a
    1.6 MB paragraph against the default 1,000,000 goes the same way.)"""
    monkeypatch.setattr(pipeline(), "max_length", 100_000)
    sentence = "The CWS noted paragraph 5 of document CWS/1/3 and Task No. 18. "
    repeats = 160_000 // len(sentence) + 1
    text = sentence * repeats
    document = annotated_sentence(text)
    assert len(document.references) == repeats
    last = document.references[-1]
    assert text[last.mention.start : last.mention.end] == "paragraph 5 of document CWS/1/3"
    assert last.mention.start == (repeats - 1) * len(sentence) + sentence.index("paragraph")
    assert len(document.tasks[0].mentions) == repeats


def test_pieces_cut_between_sentences():
    unit = find_module.Unit("p1", "One sentence here. " * 10, "p1", "", 1)
    pieces = list(find_module._pieces(unit, size=50))
    assert "".join(text for _, text, _ in pieces) == unit.text
    assert all(text.endswith(". ") for _, text, _ in pieces[:-1])
    assert [offset for _, _, offset in pieces] == [sum(len(t) for _, t, _ in pieces[:i]) for i in range(len(pieces))]


def test_importing_the_references_does_not_import_spacy():
    code = "import sys, pipeline.references, pipeline.cli; assert 'spacy' not in sys.modules, 'spacy imported'"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_match_of_a_text_screen_holds_the_word_it_needs():
    # A screen's word only skips texts; were a match to lack it, the label's patterns would not run there.
    from pipeline.references.nlp import text_screens

    texts = [line for path in INPUTS for line in path.read_text(errors="replace").splitlines()]
    texts += ["the present  Document", "TASKS NUMBER 5", "Paras. 3", "ANNEXES TO", "11th)   SESSION", "task\nforces:"]
    checked = 0
    for label, screen in text_screens().items():
        for text in texts:
            for match in screen.pattern.finditer(text):
                checked += 1
                assert screen.needs in match.group().casefold(), (label, match.group())
    assert checked > 200


@pytest.mark.parametrize("path", INPUTS[:4], ids=lambda path: path.stem)
def test_hit_tokens_are_what_spacy_reads(path):
    """A hit's tokens and sentence are read from what the tokenizer and the
    sentencizer's rule tell, not from spaCy's tokens and spans; they must
    say what spaCy's tokens and its sentencizer's spans say."""
    nlp = pipeline()
    units = [unit for unit in text_units(extract_document(path)) if may_hold_mention(unit.text)]
    compared = 0
    for unit in units:
        doc = _with_sentences(nlp(unit.text))
        for span in doc.ents:
            kept = doc._.kept
            read = kept.read(span.start, span.end)
            assert read == tuple(
                HitToken(t.text, t.lower_, t.idx, t.is_digit, doc._.kept.symbols.get(t.i)) for t in span
            ), unit.id
            assert all(token.symbol.kind == find_symbols(token.text)[0].kind for token in read if token.symbol), unit.id
            assert kept.sentence(span.start) == (span.sent.start_char, span.sent.end_char), unit.id
            compared += len(read)
    assert compared > 50


@pytest.mark.parametrize("path", INPUTS[:4], ids=lambda path: path.stem)
def test_a_text_without_symbols_gets_the_doc_the_pieced_path_makes(path):
    """Texts with no symbol and no mark to fold skip the piece-by-piece
    tokenizing; their docs must be the same token for token."""
    tokenizer = pipeline().tokenizer
    compared = 0
    for unit in text_units(extract_document(path)):
        text = unit.text
        plain, pieced = tokenizer.plain(text), tokenizer.pieced(text, text, [])
        assert [(t.text, t.whitespace_, t.idx, t.norm_) for t in plain] == [
            (t.text, t.whitespace_, t.idx, t.norm_) for t in pieced
        ], unit.id
        assert (plain._.kept.keys, plain._.kept.starts) == (pieced._.kept.keys, pieced._.kept.starts)
        assert plain._.kept.source == pieced._.kept.source == plain.text == text
        compared += len(plain)
    assert compared > 300


@pytest.mark.parametrize(
    "text",
    ["See paragraph 5. The Committee noted it! Did it? Yes.", "One sentence without an end", "A. B. C", "Dr. No. 5 of CWS/11/28. Next."],
)
def test_a_hit_sentence_is_spacy_span_sent_for_every_span(text):
    # Every span, those crossing a sentence's end included: Span.sent gives the
    # sentence of the span's first token.
    doc = _with_sentences(pipeline()(text))
    kept = doc._.kept
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            sentence = doc[start:end].sent
            assert kept.sentence(start) == (sentence.start_char, sentence.end_char), (start, end)


SENTENCE_CASES = [
    "See paragraph 5. The Committee noted it! Did it? Yes.",
    'He said "No." Then left.',  # a quote between the period and the next word
    "Wait... what?! Really.",  # enders in a row
    "End.  Two spaces before this one.",  # a whitespace token after the period
    "(see CWS/11/28.) Next one.",  # a bracket closing after the period
    "…",  # only punctuation
    "First。Second",  # a full stop of another script, glued to the next word
    "No. 5 and Nos. 6",  # abbreviations the tokenizer keeps whole end nothing
    "A.",
    "",
]


@pytest.mark.parametrize("text", SENTENCE_CASES)
def test_sentence_starts_are_spacy_sentencizer_s(text):
    doc = _with_sentences(pipeline()(text))
    expected = [token.i for token in doc if token.is_sent_start] or [0]
    assert sentence_starts(doc._.kept.keys) == expected


@pytest.mark.parametrize("path", INPUTS, ids=lambda path: path.stem)
def test_sentence_starts_are_spacy_sentencizer_s_on_every_unit(path):
    nlp = pipeline()
    compared = 0
    for unit in text_units(extract_document(path)):
        doc = _with_sentences(nlp(unit.text))
        assert sentence_starts(doc._.kept.keys) == [token.i for token in doc if token.is_sent_start], unit.id
        compared += len(doc)
    assert compared > 300


@pytest.mark.parametrize("path", INPUTS[:4], ids=lambda path: path.stem)
def test_the_ruler_sets_the_entities_spacy_ruler_would(path):
    """The screened ruler's own ``set_annotations`` skips spaCy's per-token check
    for earlier entities on a fresh doc; the entities, labels and ids must be spaCy's."""
    from spacy.pipeline import EntityRuler

    nlp = pipeline()
    ruler = nlp.get_pipe("entity_ruler")
    compared = 0
    for unit in text_units(extract_document(path)):
        ours, theirs = nlp.make_doc(unit.text), nlp.make_doc(unit.text)
        matches = ruler.match(ours)
        ruler.set_annotations(ours, matches)
        EntityRuler.set_annotations(ruler, theirs, matches)
        assert [(e.start, e.end, e.label_, e.id_) for e in ours.ents] == [
            (e.start, e.end, e.label_, e.id_) for e in theirs.ents
        ], unit.id
        compared += len(ours.ents)
    assert compared > 10
