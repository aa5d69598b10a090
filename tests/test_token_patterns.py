"""The token pattern matcher finds what spaCy's Matcher finds: every (label,
start, end) a pattern matches, all lengths of ``?``, ``*`` and ``+`` included.
Cases worked out by hand, then random token strings checked against spaCy's
own Matcher, then the patterns it refuses. The compiled walk
(``_token_patterns.c``) and its Python twin (``python_matches``) give the same
matches, in the same order, on all of these and on every token of the sample
and corpus texts with the real patterns. (The whole corpus is checked against
spaCy's entity ruler in ``test_reference_pipeline.py``.)"""

from __future__ import annotations

import random
import sys

import pytest

from pipeline.api import extract_document
from pipeline.references import token_patterns
from pipeline.references.nlp import pipeline
from pipeline.references.token_patterns import TokenPatterns
from pipeline.references.units import text_units
from tests.conftest import SHARED, SEED_TEXTS

REAL = SHARED / "corpus" / "cws-real"
INPUTS = [*SEED_TEXTS.values(), *(sorted(REAL.glob("*.txt")) if REAL.is_dir() else [])]


@pytest.fixture(autouse=True)
def _compiled_built():
    try:
        from pipeline.references._token_patterns import Matcher  # noqa: F401
    except ImportError:
        pytest.fail("pipeline/references/_token_patterns.c was not compiled at install time")


def _keys(text: str) -> list[tuple[str, str]]:
    return [(word, word.lower()) for word in text.split()]


def _both(compiled: TokenPatterns, keys, labels) -> list[tuple[str, int, int]]:
    """The compiled walk's matches, held to the Python twin's."""
    found = compiled.matches(keys, labels)
    assert found == compiled.python_matches(keys, labels), keys
    return found


def _matches(patterns: dict, text: str, labels=None) -> set[tuple[str, int, int]]:
    compiled = TokenPatterns(patterns)
    return set(_both(compiled, _keys(text), labels if labels is not None else patterns))


CASES = [
    # pattern, text, expected (start, end) of label "L", worked out by hand
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}], "a b", {(0, 1), (0, 2)}),
    ([{"LOWER": "x", "OP": "+"}, {"LOWER": "y"}], "x x y", {(0, 3), (1, 3)}),
    ([{"LOWER": "a"}, {"LOWER": "x", "OP": "*"}, {"LOWER": "b"}], "a x x b a b", {(0, 4), (4, 6)}),
    ([{"LOWER": "the", "OP": "?"}, {"LOWER": "annex"}], "see the annex", {(1, 3), (2, 3)}),
    ([{"LOWER": "the", "OP": "?"}, {"LOWER": "annex"}], "annex annex", {(0, 1), (1, 2)}),
    ([{"TEXT": {"REGEX": "^[A-Z]"}}], "Abc abc ABC", {(0, 1), (2, 3)}),
    ([{"LOWER": "abc"}], "Abc abc ABC", {(0, 1), (1, 2), (2, 3)}),
    ([{"ORTH": "abc"}], "Abc abc ABC", {(1, 2)}),
    ([{"LOWER": {"IN": ["no", "no."]}}, {"TEXT": {"REGEX": r"^\d+$"}}], "Task No. 58 and no 3 or No x", {(1, 3), (4, 6)}),
    ([{"TEXT": {"REGEX": "^[A-Z]"}, "LOWER": {"NOT_IN": ["the"]}, "OP": "+"}, {"LOWER": "force"}], "The Name Task force", {(1, 4), (2, 4)}),
    ([{"LOWER": "a", "OP": "?"}], "b a b", {(1, 2)}),  # where it matches no token it is no match
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}], "a b b", {(0, 1), (0, 2), (0, 3)}),
]


@pytest.mark.parametrize("pattern, text, expected", CASES, ids=[case[1] for case in CASES])
def test_matches_worked_out_by_hand(pattern, text, expected):
    assert _matches({"L": [pattern]}, text) == {("L", start, end) for start, end in expected}


def test_norm_is_read_from_the_key():
    compiled = TokenPatterns({"DOC": [[{"LOWER": "document"}, {"NORM": "SYMBOL_DOCUMENT"}]]})
    keys = [("document", "document"), ("CWS/6/34", "SYMBOL_DOCUMENT"), ("document", "document"), ("CWS/6/34", "cws/6/34")]
    assert _both(compiled, keys, ["DOC"]) == [("DOC", 0, 2)]


def test_labels_share_first_elements_and_are_told_apart():
    patterns = {
        "SHORT": [[{"LOWER": "the"}, {"LOWER": "annex"}]],
        "LONG": [[{"LOWER": "the"}, {"LOWER": "annex"}, {"LOWER": "of"}]],
    }
    text = "the annex of it"
    assert _matches(patterns, text) == {("SHORT", 0, 2), ("LONG", 0, 3)}
    assert _matches(patterns, text, ["LONG"]) == {("LONG", 0, 3)}
    assert _matches(patterns, text, []) == set()


def test_a_match_is_given_once_when_two_patterns_find_it():
    patterns = {"L": [[{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}], [{"LOWER": "a"}, {"LOWER": "b"}]]}
    compiled = TokenPatterns(patterns)
    assert sorted(_both(compiled, _keys("a b"), ["L"])) == [("L", 0, 1), ("L", 0, 2)]


RANDOM_PATTERNS = {
    "A": [[{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"LOWER": "c"}]],
    "B": [[{"LOWER": {"IN": ["a", "b"]}, "OP": "+"}, {"LOWER": "c"}]],
    "C": [[{"LOWER": "c", "OP": "?"}, {"TEXT": {"REGEX": "^[A-Z]$"}}, {"LOWER": {"NOT_IN": ["a"]}, "OP": "*"}, {"ORTH": "d"}]],
    "D": [[{"LOWER": "a"}], [{"LOWER": "a"}, {"LOWER": "a"}]],
    "E": [[{"LOWER": "b", "OP": "*"}, {"LOWER": "a", "OP": "?"}, {"LOWER": "d"}]],
}


def test_random_texts_match_as_spacy_matcher_matches():
    """Seeded random strings over a small alphabet, so that the patterns meet
    each other often; spaCy's Matcher is the reference."""
    import spacy
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab
    matcher = Matcher(vocab)
    for label, patterns in RANDOM_PATTERNS.items():
        matcher.add(label, patterns)
    compiled = TokenPatterns(RANDOM_PATTERNS)
    generator = random.Random(20261203)
    found = 0
    for _ in range(400):
        words = [generator.choice("a b c d A B C".split()) for _ in range(generator.randint(1, 12))]
        doc = Doc(vocab, words=words)
        expected = {(vocab.strings[key], start, end) for key, start, end in matcher(doc)}
        assert set(_both(compiled, [(word, word.lower()) for word in words], RANDOM_PATTERNS)) == expected, words
        found += len(expected)
    assert found > 400, "the random strings must give the patterns something to match"


def test_tokens_forgotten_past_the_limit_are_asked_again(monkeypatch):
    """Past ``_KEPT`` distinct tokens both twins start afresh and match as before."""
    monkeypatch.setattr(token_patterns, "_KEPT", 3)
    compiled = TokenPatterns(RANDOM_PATTERNS)
    generator = random.Random(7)
    for _ in range(50):
        words = [generator.choice("a b c d A B C e f g".split()) for _ in range(generator.randint(1, 12))]
        _both(compiled, [(word, word.lower()) for word in words], RANDOM_PATTERNS)
    assert len(compiled._tokens) <= 3 + 12


def test_threads_sharing_one_matcher_get_each_their_own_matches(monkeypatch):
    """The compiled walk asks Python for answers mid-walk, where another thread
    may come in and make the matcher start afresh: each thread must still get
    what it gets alone."""
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setattr(token_patterns, "_KEPT", 3)
    compiled = TokenPatterns(RANDOM_PATTERNS)
    generator = random.Random(11)
    texts = [[generator.choice("a b c d A B C e f g".split()) for _ in range(12)] for _ in range(2000)]
    reference = TokenPatterns(RANDOM_PATTERNS)
    alone = [reference.python_matches([(w, w.lower()) for w in words], RANDOM_PATTERNS) for words in texts]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads taking turns within each walk: without the lock this crashed
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            shared = list(pool.map(lambda words: compiled.matches([(w, w.lower()) for w in words], RANDOM_PATTERNS), texts))
    finally:
        sys.setswitchinterval(interval)
    assert shared == alone


@pytest.mark.parametrize("path", INPUTS, ids=lambda path: path.stem)
def test_the_twins_agree_on_every_text_with_the_real_patterns(path):
    """Every unit of the text, tokenized as the pipeline does, every label wanted
    and each label alone: the same matches in the same order."""
    nlp = pipeline()
    ruler = nlp.get_pipe("entity_ruler")
    compiled = TokenPatterns(ruler.token_patterns)
    labels = list(ruler.token_patterns)
    found = 0
    for unit in text_units(extract_document(path)):
        keys = nlp.tokenizer(unit.text)._.kept.keys
        found += len(_both(compiled, keys, labels))
        for label in labels:
            _both(compiled, keys, [label])
    assert found > 0 or path.stat().st_size < 2000, "a CWS text holds something the patterns match"


@pytest.mark.parametrize(
    "spec, message",
    [
        ({"LOWER": "a", "OP": "!"}, "operator '!'"),
        ({"LOWER": "a", "OP": "{2}"}, "operator '{2}'"),
        ({"POS": "NOUN"}, "attribute 'POS'"),
        ({"LENGTH": {">=": 2}}, "attribute 'LENGTH'"),
        ({"LOWER": {"FUZZY": "a"}}, "LOWER"),
        ({"OP": "?"}, "tests nothing"),
    ],
)
def test_unsupported_patterns_are_refused_by_name(spec, message):
    with pytest.raises(ValueError, match=message.replace("{", r"\{").replace("?", r"\?")):
        TokenPatterns({"L": [[spec]]})
