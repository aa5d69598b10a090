"""Pair the elements of two versions by content, then find which pairs moved.

Pairing goes exact (same comparison key) → high similarity → positional
tie-break, never by number, so renumbered and reordered elements still pair. A
pair is moved when it falls outside the longest increasing subsequence of the
pairs' new positions taken in old order: one insertion shifts everything after it
but moves nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict, deque
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

SIMILAR = 70.0  # ratio (0..100) above which two elements anywhere are one element
SAME_SLOT = 45.0  # lower bar for the only leftovers between the same two pairs
_FIRST_CODE = 0xE000  # past the surrogates: room for a million distinct words


@dataclass(frozen=True)
class Alignment:
    """Pairs (old index, new index) and the leftovers of each side."""

    pairs: list[tuple[int, int]]
    removed: list[int]
    added: list[int]
    moved: frozenset[tuple[int, int]]

    def reading_order(self) -> list[tuple[int | None, int | None]]:
        """Pairs and leftovers in the new order, each removed element after the
        pair that preceded it in the old order."""
        old_to_new = dict(self.pairs)
        after: dict[int | None, list[int]] = defaultdict(list)
        anchor = None
        removed = set(self.removed)
        for old_index in range(max([*old_to_new, *removed], default=-1) + 1):
            if old_index in removed:
                after[anchor].append(old_index)
            elif old_index in old_to_new:
                anchor = old_to_new[old_index]
        new_to_old = {new: old for old, new in self.pairs}
        order: list[tuple[int | None, int | None]] = [(old, None) for old in after[None]]
        added = set(self.added)
        for new_index in range(max([*new_to_old, *added], default=-1) + 1):
            if new_index in added:
                order.append((None, new_index))
            elif new_index in new_to_old:
                order.append((new_to_old[new_index], new_index))
                order.extend((old, None) for old in after[new_index])
        return order


def align(old_keys: list[str], new_keys: list[str]) -> Alignment:
    """Align two sequences of comparison keys (normalized texts, words separated
    by single spaces)."""
    pairs = _exact_pairs(old_keys, new_keys)
    old_words, new_words = _word_codes(old_keys, new_keys)
    pairs += _similar_pairs(old_words, new_words, pairs)
    pairs += _same_slot_pairs(old_words, new_words, pairs)
    pairs.sort()
    removed, added = _leftovers(old_keys, new_keys, pairs)
    return Alignment(pairs, removed, added, moved=frozenset(pairs) - _increasing_subsequence(pairs))


def _word_codes(old_keys: list[str], new_keys: list[str]) -> tuple[list[str], list[str]]:
    """Each text as a string of one character per word, so that similarity is
    measured in words (and costs words, not letters, squared)."""
    codes: dict[str, str] = {}

    def encode(key: str) -> str:
        return "".join(codes.setdefault(word, chr(_FIRST_CODE + len(codes))) for word in key.split())

    return [encode(key) for key in old_keys], [encode(key) for key in new_keys]


def _exact_pairs(old_keys: list[str], new_keys: list[str]) -> list[tuple[int, int]]:
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for j, key in enumerate(new_keys):
        waiting[key].append(j)
    pairs = []
    for i, key in enumerate(old_keys):
        if waiting.get(key):
            pairs.append((i, waiting[key].popleft()))
    return pairs


def _similar_pairs(old_keys, new_keys, pairs) -> list[tuple[int, int]]:
    """Best-first greedy pairing of the leftovers above ``SIMILAR``; equal scores
    go to the pair whose relative positions are closest."""
    old_rest, new_rest = _leftovers(old_keys, new_keys, pairs)
    if not old_rest or not new_rest:
        return []
    scores = process.cdist(
        [old_keys[i] for i in old_rest],
        [new_keys[j] for j in new_rest],
        scorer=fuzz.ratio,
        score_cutoff=SIMILAR,
        workers=-1,
        dtype=np.float32,
    )
    rows, cols = np.nonzero(scores)
    old_pos = np.array(old_rest, dtype=float)[rows] / max(len(old_keys), 1)
    new_pos = np.array(new_rest, dtype=float)[cols] / max(len(new_keys), 1)
    order = np.lexsort((cols, rows, np.abs(old_pos - new_pos), -scores[rows, cols]))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    found = []
    for index in order:
        i, j = old_rest[rows[index]], new_rest[cols[index]]
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            found.append((i, j))
    return found


def _same_slot_pairs(old_keys, new_keys, pairs) -> list[tuple[int, int]]:
    """One old and one new leftover between the same two pairs: a rewrite of the
    same element when they are still somewhat alike."""
    old_rest, new_rest = _leftovers(old_keys, new_keys, pairs)
    bounds = sorted(_increasing_subsequence(pairs))  # increasing on both sides
    old_bounds = [old for old, _ in bounds]
    new_bounds = [new for _, new in bounds]
    slot_old: dict[int, list[int]] = defaultdict(list)
    slot_new: dict[int, list[int]] = defaultdict(list)
    for i in old_rest:
        slot_old[bisect_left(old_bounds, i)].append(i)
    for j in new_rest:
        slot_new[bisect_left(new_bounds, j)].append(j)
    found = []
    for slot, olds in slot_old.items():
        news = slot_new.get(slot, [])
        if len(olds) == 1 and len(news) == 1 and fuzz.ratio(old_keys[olds[0]], new_keys[news[0]]) >= SAME_SLOT:
            found.append((olds[0], news[0]))
    return found


def _leftovers(old_keys, new_keys, pairs) -> tuple[list[int], list[int]]:
    paired_old = {old for old, _ in pairs}
    paired_new = {new for _, new in pairs}
    return (
        [i for i in range(len(old_keys)) if i not in paired_old],
        [j for j in range(len(new_keys)) if j not in paired_new],
    )


def _increasing_subsequence(pairs: list[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    """The pairs of a longest subsequence, in old order, whose new indices increase."""
    ordered = sorted(pairs)
    tails: list[int] = []  # smallest new index ending an increasing run of each length
    tail_at: list[int] = []
    previous: list[int] = []
    for position, (_, new) in enumerate(ordered):
        length = bisect_left(tails, new)
        if length == len(tails):
            tails.append(new)
            tail_at.append(position)
        else:
            tails[length] = new
            tail_at[length] = position
        previous.append(tail_at[length - 1] if length else -1)
    kept = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        kept.add(ordered[position])
        position = previous[position]
    return frozenset(kept)
