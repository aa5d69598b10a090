"""Whitespace normalization: the fast pattern behaves as the plain definition."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.textnorm import REPLACEMENT, join_line, join_lines, normalize_space, valid_text, vocabulary

# The definition: every run of spaces of any kind becomes one plain space.
_ANY_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen and the zero-width characters
_ALPHABET = "ab. \t\u00a0\u2003\u202f\u3000" + _INVISIBLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a  b", "a b"),
        ("a\u00a0b", "a b"),
        ("a \u00a0\tb", "a b"),
        ("a b", "a b"),
        ("  a\u3000", "a"),
        ("soft\u00adhyphen", "softhyphen"),
        ("a\tb", "a b"),
        (" plain ascii, one space each \n", "plain ascii, one space each"),
        ("", ""),
    ],
)
def test_normalize_space_cases(text, expected):
    assert normalize_space(text) == expected


@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_normalize_space_is_the_plain_definition(text):
    without_invisible = "".join(character for character in text if character not in _INVISIBLE)
    assert normalize_space(text) == _ANY_SPACE_RUN.sub(" ", without_invisible).strip()


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["decision-", "making is"], "decisionmaking is"),  # the joined word occurs in the document
        (["machine-", "readable"], "machine-readable"),  # it does not: the hyphen stays
        (["the CWS-", "Members"], "the CWS- Members"),  # a capital after the hyphen: two words
        (["page 2 -", "next"], "page 2 - next"),  # no letter before the hyphen
        (["  one ", "", " two\u00a0 lines "], "one two lines"),
        (["-", "x"], "- x"),
        ([], ""),
    ],
)
def test_join_lines_cases(lines, expected):
    assert join_lines(lines, frozenset({"decisionmaking"})) == expected


@given(st.text(alphabet="aZ-é2", min_size=1, max_size=8), st.text(alphabet="aZ-é2", min_size=1, max_size=8))
def test_join_line_is_the_plain_definition(joined, line):
    """The hyphen rule as first written, a search of the whole text before the line."""
    words = frozenset({"aa", "za"})
    end, start = re.search(r"([A-Za-z]+)-$", joined), re.match(r"^([a-z]+)", line)
    if end and start:
        expected = joined[:-1] + line if (end.group(1) + start.group(1)).lower() in words else joined + line
    else:
        expected = f"{joined} {line}"
    assert join_line(joined, line, words) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Machine-", "readable DATA"], {"machine", "readable", "data"}),
        (["two", "lines"], {"two", "lines"}),  # lines never run into one word
        (["İstanbul", "\u212aelvin"], {"stanbul", "elvin"}),  # lower-cased after the search: no ASCII made up
        (["naïve café"], {"na", "ve", "caf"}),
        ([], set()),
    ],
)
def test_vocabulary_cases(texts, expected):
    assert vocabulary(texts) == expected


@given(st.lists(st.text(alphabet="aZİK\u212a -ıé", max_size=12), max_size=5))
def test_vocabulary_is_the_plain_definition(texts):
    assert vocabulary(texts) == {word.lower() for text in texts for word in re.findall("[A-Za-z]+", text)}


@pytest.mark.parametrize(
    ("text", "replaced"),
    [
        ("plain text, printable throughout", 0),
        ("a\x00b\x1fc", 2),
        ("line\nbreak and\ttab", 0),  # not printable, yet valid text
        ("lone \ud800 surrogate", 1),
        ("non-characters \ufdd0 \uffff \U0010ffff", 3),
        ("soft\u00adhyphen\u200b", 0),
    ],
)
def test_valid_text_replaces_only_what_json_and_xml_cannot_carry(text, replaced):
    cleaned, count = valid_text(text)
    assert count == replaced == cleaned.count(REPLACEMENT)
    assert len(cleaned) == len(text)
