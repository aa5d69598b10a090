"""Alignment by content and move detection (longest increasing subsequence)."""

from __future__ import annotations

from pipeline.diff.align import align

TEXTS = [f"IP offices should take measure number {word} with care" for word in "abcdefgh"]


def test_one_insertion_moves_nothing():
    alignment = align(TEXTS, ["A brand new recommendation on cloud services", *TEXTS])
    assert alignment.added == [0]
    assert alignment.pairs == [(i, i + 1) for i in range(8)]
    assert not alignment.moved


def test_one_element_taken_to_the_front_is_the_only_move():
    new = [TEXTS[6], *TEXTS[:6], TEXTS[7]]
    alignment = align(TEXTS, new)
    assert alignment.moved == {(6, 0)}


def test_reworded_element_pairs_by_similarity_not_position():
    reworded = TEXTS[2].replace("with care", "with great care")
    new = [TEXTS[0], TEXTS[1], TEXTS[3], reworded, *TEXTS[4:]]
    alignment = align(TEXTS, new)
    assert (2, 3) in alignment.pairs and (3, 2) in alignment.pairs
    assert len(alignment.moved) == 1


def test_duplicates_pair_in_order():
    alignment = align(["same text", "same text", "other"], ["same text", "same text"])
    assert alignment.pairs == [(0, 0), (1, 1)] and alignment.removed == [2]


def test_unrelated_texts_stay_unpaired():
    alignment = align(["Recommendations on data cleaning of names"], ["A survey on the implementation plan"])
    assert (alignment.pairs, alignment.removed, alignment.added) == ([], [0], [0])


def test_reading_order_puts_removed_after_their_old_predecessor():
    alignment = align(["one a", "two b", "three c"], ["one a", "three c", "four d"])
    assert alignment.reading_order() == [(0, 0), (1, None), (2, 1), (None, 2)]
