"""The layout fed page by page: a settled line keeps its measures and lets go of
the words no later step reads; the counts over the whole file run as pages come."""

from __future__ import annotations

import pytest

from extractors.blocks import Role
from extractors.pdf_blocks import DocumentLayout, blocks_from_pages
from extractors.pdf_layout import WordTally
from extractors.pdf_lines import (
    body_bottom,
    body_font,
    body_top,
    body_words,
    group_lines,
    join_words,
    line_size,
    most_common,
)
from extractors.pdf_words import PageWords, Word

MEASURES = ("page", "x0", "x1", "top", "bottom", "box", "size", "text", "body_text", "font", "artifact", "element", "first_width")


def _words(text: str, top: float, size: float = 11.0, font: str = "Body") -> list[Word]:
    words, x = [], 72.0
    for token in text.split():
        width = len(token) * size * 0.5
        words.append(Word(text=token, x0=x, top=top, x1=x + width, bottom=top + size, font=font, size=size))
        x += width + size * 0.28
    return words


def _settled(words: list[Word]):
    (line,) = group_lines(words, 1)
    return line.settle()


def _general_measures(words: list[Word]) -> dict:
    """A line's measures by the general functions, which find the body words
    whatever the sizes (the settled line takes most lines' in one pass)."""
    words = sorted(words, key=lambda word: word.x0)
    size = line_size(words)
    body = body_words(words, size)
    box = (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words), max(w.bottom for w in words))
    return {
        "page": 1, "x0": box[0], "x1": box[2], "top": body_top(words, body, box), "bottom": body_bottom(words, body, box),
        "box": box, "size": size, "text": join_words(words), "body_text": join_words(body), "font": body_font(body),
        "artifact": all(word.artifact for word in words), "element": most_common([word.element for word in words]),
        "first_width": words[0].x1 - words[0].x0,
    }


def _tagged(words: list[Word], elements: list, artifacts: list) -> list[Word]:
    return [
        word._replace(element=element, artifact=artifact) for word, element, artifact in zip(words, elements, artifacts)
    ]


LINES = {
    "plain": _words("a line of plain words", 100),
    "a mark": _words("a line of plain words", 100) + [Word("*", 200, 97, 203, 104, "Body", 6.0)],
    "two sizes": _words("ab", 100, size=9.0) + [Word("cdef", 90, 100, 110, 111, "Bold", 11.04)],
    "a longer word later": _words("ab abcd abcd", 100, font="Body") + [Word("abcdef", 300, 100, 320, 111, "Italic", 11.0)],
    "tiny, one word lower": [Word("a", 0, 10, 1, 10.06, "T", 0.06), Word("b", 2, 10.01, 3, 10.08, "T", 0.06)],
    "tagged": _tagged(_words("one two three", 100), [4, 5, 5], [True, True, True]),
    "tagged in part": _tagged(_words("one two three", 100), [None, 5, None], [True, False, True]),
}


@pytest.mark.parametrize("words", LINES.values(), ids=LINES.keys())
def test_a_settled_line_measures_as_the_general_functions_do(words):
    line = _settled(list(words))
    assert {name: getattr(line, name) for name in MEASURES} == _general_measures(words)


def test_a_settled_line_keeps_no_words_without_a_number():
    line = _settled(_words("a line of plain words", 100) + [Word("*", 200, 97, 203, 104, "Body", 6.0)])
    assert line.body_text == "a line of plain words" and line.text == "a line of plain words *"
    assert list(line.words) == []


KEPT_WORDS = [
    # (line, whether its words are kept): only a short number opening the line
    # (a footnote's) or a smaller number (a mark) needs them later.
    (_words("12 Document CWS/11/28 of 2023", 700, size=9.0), True),
    (_words("123 Document", 700), True),
    (_words("1234 participants attended", 100), False),
    (_words("12.", 100), False),  # a number alone: no footnote text follows
    (_words("12", 100), False),
    (_words("12. The Committee noted paragraphs 17 to 24", 100), False),
    (_words("in 2023 at its eleventh session", 100), False),
    (_words("survey", 100) + [Word("3", 120, 98.5, 123, 105, "Body", 6.5)], True),
    (_words("survey", 100) + [Word("*", 120, 98.5, 123, 105, "Body", 6.5)], False),
    (_words("survey", 100) + [Word("3", 120, 100, 126, 111, "Body", 10.0)], False),  # not smaller than the line
]


@pytest.mark.parametrize("words, kept", KEPT_WORDS, ids=[" ".join(w.text for w in words) for words, _ in KEPT_WORDS])
def test_a_line_keeps_its_words_only_where_a_footnote_number_or_mark_may_be(words, kept):
    line = _settled(words)
    assert (list(line.words) == words) is kept
    assert list(line.words) in ([], words)


def test_a_line_with_a_number_keeps_its_words_for_the_footnote_steps():
    words = _words("see the survey", 100) + [Word("3", 144.2, 98.5, 147.5, 105, "Body", 6.5)]
    line = _settled(words)
    assert [word.text for word in line.words] == ["see", "the", "survey", "3"]
    assert line.is_superscript(line.words[-1]) and not line.is_superscript(line.words[0])


def test_footnote_marks_and_footnotes_survive_the_words_let_go():
    body = _words("the survey results were discussed at length", 100)
    body.append(Word("1", body[-1].x1 + 0.5, 98.0, body[-1].x1 + 3.5, 104.0, "Body", 6.5))
    page = PageWords(number=1, words=body + _words("1 Document CWS/11/28.", 700, size=9.0))
    blocks = blocks_from_pages([page])
    (paragraph,) = [block for block in blocks if block.role == Role.paragraph]
    (note,) = [block for block in blocks if block.role == Role.footnote]
    assert paragraph.text == "the survey results were discussed at length"
    assert [mark.number for mark in paragraph.marks] == [1] and paragraph.marks[0].offset == len(paragraph.text)
    assert note.footnote_number == 1 and note.text == "Document CWS/11/28."


def test_the_tally_counts_as_pages_come():
    layout = DocumentLayout()
    layout.add(PageWords(number=1, words=_words("ab \ufffd\ufffd", 100, size=9.0)))
    layout.add(PageWords(number=2, words=_words("cd", 100, size=11.0), has_images=True))
    assert layout.page_count == 2 and layout.has_images
    tally = layout.tally
    assert (tally.words, tally.characters, tally.undecodable) == (3, 6, 2)
    assert tally.body_size == 9.0  # four characters at 9 pt, two at 11 pt


def test_the_body_size_on_a_tie_is_the_first_counted():
    tally = WordTally()
    tally.add(_words("ab", 100, size=12.0) + _words("cd", 120, size=10.0))
    assert tally.body_size == 12.0
    assert WordTally().body_size == 0.0


def test_a_line_takes_the_size_of_most_characters_and_the_first_on_a_tie():
    most = _settled(_words("ab", 100, size=9.0) + [Word("cdef", 90, 100, 110, 111, "Body", 11.04)])
    tie = _settled(_words("ab", 100, size=9.0) + [Word("cd", 90, 100, 110, 111, "Body", 11.0)])
    assert (most.size, tie.size) == (11.0, 9.0)
