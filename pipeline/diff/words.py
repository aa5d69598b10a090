"""Word-level diff of two texts, blind to layout noise, with a semantic cleanup.

Texts are cut into tokens (words and punctuation marks), each carrying the
whitespace before it so that the segments put back together give the original
text. Tokens are compared by a key in which quote styles are unified and hyphens
inside words dropped, so line wrapping, line-end hyphenation and “curly” versus
"straight" quotes never count as changes; capitalisation and punctuation do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from pipeline.diff.model import Op, Segment

# A word may hold inner apostrophes and hyphens; "AI- powered" (a hyphen left by
# a line break) is one word, as it would be without the break.
_TOKEN = re.compile(r"\s*(\w+(?:(?:-\s*|['‘’])\w+)*|[^\w\s])")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})
_HYPHEN_GAP = re.compile(r"-\s*")


@dataclass(frozen=True)
class Token:
    text: str  # as printed, with the whitespace before it
    key: str  # what is compared


def tokens(text: str) -> list[Token]:
    """The words and punctuation marks of ``text``."""
    return [Token(match.group(0), _key(match.group(1))) for match in _TOKEN.finditer(text)]


@lru_cache(maxsize=1 << 16)
def comparison_key(text: str) -> str:
    """``text`` as compared: the keys of its tokens, joined by single spaces."""
    return " ".join(map(_key, _TOKEN.findall(text)))


def _key(word: str) -> str:
    return _HYPHEN_GAP.sub("", word.translate(_QUOTES))


def diff_words(old: str, new: str) -> tuple[list[Segment], float]:
    """The segments turning ``old`` into ``new`` and their similarity (0..1)."""
    old_tokens, new_tokens = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, [t.key for t in old_tokens], [t.key for t in new_tokens], autojunk=False)
    runs: list[tuple[str, list[Token], list[Token]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        runs.append(("equal" if tag == "equal" else "edit", old_tokens[i1:i2], new_tokens[j1:j2]))
    total = len(old_tokens) + len(new_tokens)
    matched = sum(len(new_run) for kind, _, new_run in runs if kind == "equal")
    similarity = 1.0 if total == 0 else round(2 * matched / total, 4)
    runs = _cleanup_semantic(runs)
    return [_segment(kind, old_run, new_run) for kind, old_run, new_run in runs], similarity


def _cleanup_semantic(runs):
    """Absorb short equalities squeezed between edits into the edits around them.

    The rule of diff-match-patch's semantic cleanup: an equality no longer than
    the edits on either side of it is noise ("the" kept between two rewritten
    clauses), so the two edits and the equality become one replacement.
    """
    changed = True
    while changed:
        changed = False
        for index in range(1, len(runs) - 1):
            kind, old_run, new_run = runs[index]
            before, after = runs[index - 1], runs[index + 1]
            if kind != "equal" or before[0] != "edit" or after[0] != "edit":
                continue
            size = _chars(new_run)
            if size <= _edit_size(before) and size <= _edit_size(after):
                merged = ("edit", before[1] + old_run + after[1], before[2] + new_run + after[2])
                runs[index - 1 : index + 2] = [merged]
                changed = True
                break
    return runs


def _chars(run: list[Token]) -> int:
    return sum(len(token.key) for token in run)


def _edit_size(run) -> int:
    return max(_chars(run[1]), _chars(run[2]))


def _segment(kind: str, old_run: list[Token], new_run: list[Token]) -> Segment:
    old_text = "".join(token.text for token in old_run)
    new_text = "".join(token.text for token in new_run)
    if kind == "equal":
        return Segment(op=Op.equal, old=old_text, new=new_text)
    if not old_run:
        return Segment(op=Op.insert, new=new_text)
    if not new_run:
        return Segment(op=Op.delete, old=old_text)
    return Segment(op=Op.replace, old=old_text, new=new_text)


def redline(
    segments: list[Segment],
    kept: Callable[[str], str],
    deleted: Callable[[str], str],
    inserted: Callable[[str], str],
    between: str = "",
) -> str:
    """Segments written inline: kept words through ``kept``, changed words
    (stripped) through ``deleted`` and ``inserted``, ``between`` the two halves of
    a replacement. Spacing follows the texts."""
    out = []
    for segment in segments:
        if segment.op == Op.equal:
            text = segment.new
            if segment.old[:1].isspace() and not text[:1].isspace():
                text = " " + text  # kept run after a deletion at the very start
            out.append(kept(text))
            continue
        changed = segment.old or segment.new
        halves = [
            deleted(segment.old.strip()) if segment.old else "",
            inserted(segment.new.strip()) if segment.new else "",
        ]
        out.append((" " if changed[:1].isspace() else "") + between.join(filter(None, halves)))
    return "".join(out).strip()
