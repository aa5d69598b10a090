"""The layout fed page by page: a settled line keeps its measures and lets go of
the words no later step reads; the counts over the whole file run as pages come."""

from __future__ import annotations

from extractors.blocks import Role
from extractors.pdf_blocks import DocumentLayout, blocks_from_pages
from extractors.pdf_layout import WordTally
from extractors.pdf_lines import group_lines
from extractors.pdf_words import PageWords, Word

MEASURES = ("page", "x0", "x1", "top", "bottom", "box", "size", "text", "body_text", "font", "artifact", "element", "first_width")


def _words(text: str, top: float, size: float = 11.0, font: str = "Body") -> list[Word]:
    words, x = [], 72.0
    for token in text.split():
        width = len(token) * size * 0.5
        words.append(Word(text=token, x0=x, top=top, x1=x + width, bottom=top + size, font=font, size=size))
        x += width + size * 0.28
    return words


def _measures(words: list[Word], settle: bool) -> tuple[dict, list[Word]]:
    (line,) = group_lines(words, 1)
    if settle:
        line = line.settle()
    return {name: getattr(line, name) for name in MEASURES}, line.words


def test_a_settled_line_measures_as_before_and_keeps_no_words():
    words = _words("a line of plain words", 100) + [Word("*", 200, 97, 203, 104, "Body", 6.0)]
    before, _ = _measures(words, settle=False)
    after, kept = _measures(words, settle=True)
    assert after == before and after["body_text"] == "a line of plain words"
    assert after["first_width"] == words[0].x1 - words[0].x0
    assert list(kept) == []


def test_a_line_with_a_number_keeps_its_words_for_the_footnote_steps():
    words = _words("see the survey", 100) + [Word("3", 144.2, 98.5, 147.5, 105, "Body", 6.5)]
    _, kept = _measures(words, settle=True)
    assert [word.text for word in kept] == ["see", "the", "survey", "3"]


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
    (most,) = group_lines(_words("ab", 100, size=9.0) + [Word("cdef", 90, 100, 110, 111, "Body", 11.04)], 1)
    (tie,) = group_lines(_words("ab", 100, size=9.0) + [Word("cd", 90, 100, 110, 111, "Body", 11.0)], 1)
    assert (most.size, tie.size) == (11.0, 9.0)
