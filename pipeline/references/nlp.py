"""The spaCy pipeline: blank English and one entity ruler whose
patterns are data (``patterns/entities.jsonl`` and the phrase lists of
``patterns/lexicon.json``), each label's patterns screened (``ruler``). No
trained model is needed; spaCy is imported only when the pipeline is first built.

The tokenizer reads the text as printed, without rewriting it: every WIPO symbol
(``pipeline.symbols``) is one token, whatever is glued to it, and words a
converter joined are split where a letter meets a digit ("paragraphs52",
"and53of", "No.18") or a lower-case letter meets a capital ("TheCWS",
"TaskNo."). Tokens keep their exact character offsets; their norm folds case
and apostrophe styles, which the phrase lists are matched on.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pipeline.references.names import fold, fold_marks
from pipeline.references.spacy_import import import_spacy
from pipeline.references.tokens import KeptTokens
from pipeline.symbols import find_symbols

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PATTERNS = Path(__file__).resolve().parent / "patterns"
# A token's string (its hash) and offset, or offset, length and trailing space,
# as spaCy's attribute names: read in one array per doc (Doc.to_array), not
# through a Token per token.
_STRING_AND_START = ["ORTH", "IDX"]
_START_LENGTH_SPACE = ["IDX", "LENGTH", "SPACY"]
_KEPT_KEYS = 200_000  # distinct token strings whose keys are remembered before starting afresh


@cache
def lexicon() -> dict:
    """The word lists and small rules of ``patterns/lexicon.json``."""
    return json.loads((PATTERNS / "lexicon.json").read_text(encoding="utf-8"))


@cache
def pipeline() -> Language:
    """The rule-based pipeline, built once per process."""
    spacy = import_spacy()
    from spacy.tokens import Doc

    importlib.import_module("pipeline.references.ruler")  # registers the screened ruler's factory

    Doc.set_extension("kept", default=None, force=True)  # the tokenizer's KeptTokens: one look-up per doc
    nlp = spacy.blank("en")
    words = lexicon()
    # Keep abbreviations such as "No." whole, so that they end no sentence.
    for abbreviation in words["abbreviations"]:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    infixes = [*nlp.Defaults.infixes, *words["joined_word_splits"]]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.tokenizer = SymbolTokenizer(nlp.tokenizer)
    # No sentencizer: a hit's sentence is told from the kept tokens by its rule (``tokens``).
    rules = nlp.add_pipe("screened_entity_ruler", name="entity_ruler", config={"phrase_matcher_attr": "NORM"})
    rules.add_patterns(_token_patterns() + _phrase_patterns())
    return nlp


class SymbolTokenizer:
    """spaCy's tokenizer around the WIPO symbols: each symbol one token carrying
    its kind and parsed ``Symbol``; the rest tokenized with apostrophes folded
    (so "D'ivoire" and "d’Ivoire" split alike), at unchanged offsets. What it
    read is kept on the doc as one ``KeptTokens`` (``doc._.kept``: each token's
    text, norm, offset and symbol, the text itself and, where the pre-filter
    read them, the labels whose text screens it passes), so that the ruler and
    the hits read them without a spaCy ``Token`` per token, and with one look
    through spaCy's extension objects per doc."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self._keys: dict[int, tuple[str, str]] = {}  # a token string's hash: its text and norm

    def __call__(self, text: str) -> Doc:
        return self.screened(text, Screening(None, find_symbols(text)))

    def screened(self, text: str, screens: Screening) -> Doc:
        """The doc of ``text``, whose symbols and passed text screens
        ``screens`` gives (the labels kept as ``text_labels``; None leaves
        them to the ruler)."""
        folded = fold_marks(text)
        if not screens.symbols and folded == text:
            return self.plain(text, screens.labels)
        return self.pieced(text, folded, screens.symbols, screens.labels)

    def pieced(self, text: str, folded: str, matches: list, labels: frozenset[str] | None = None) -> Doc:
        """The doc of ``text`` tokenized piece by piece around its symbols
        (``matches``), the pieces read in ``folded``, its marks folded;
        ``labels`` its passed text screens, where read."""
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        starts: list[int] = []
        symbols = {}
        position = 0
        for match in matches:
            self._words(text, folded, position, match.start, (words, spaces, starts))
            symbols[len(words)] = match
            words.append(text[match.start : match.end])
            spaces.append(False)
            starts.append(match.start)
            position = match.end
        self._words(text, folded, position, len(text), (words, spaces, starts))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        keys = self._token_keys(doc.to_array("ORTH").tolist())
        for index, match in symbols.items():
            # A norm no word has lets the patterns match a symbol's kind cheaply.
            norm = doc[index].norm_ = f"SYMBOL_{match.kind.upper()}"
            keys[index] = (words[index], norm)
        symbols_by_token = {index: match.symbol for index, match in symbols.items()}
        doc._.kept = KeptTokens(text, keys, starts, symbols_by_token, labels)
        return doc

    def plain(self, text: str, labels: frozenset[str] | None = None) -> Doc:
        """The doc of a text without symbols or marks to fold: spaCy's tokens
        as they are (what ``pieced`` would make of it, one doc sooner)."""
        doc = self.tokenizer(text)
        strings, starts = doc.to_array(_STRING_AND_START).T.tolist()
        doc._.kept = KeptTokens(text, self._token_keys(strings), starts, text_labels=labels)
        return doc

    def _token_keys(self, strings: list[int]) -> list[tuple[str, str]]:
        """The text and norm of each token, by its string's hash; a new
        string's lexeme gets its folded norm (it depends on the text alone, so
        it is set once per string, not once per token)."""
        keys = self._keys
        if len(keys) > _KEPT_KEYS:
            keys.clear()
        return [keys.get(string) or self._new_key(string) for string in strings]

    def _new_key(self, string: int) -> tuple[str, str]:
        text = self.vocab.strings[string]
        norm = self.vocab[text].norm_ = fold(text)
        key = self._keys[string] = (text, norm)
        return key

    def _words(self, text: str, folded: str, start: int, end: int, tokens: tuple[list, list, list]) -> None:
        """Tokenize ``text[start:end]`` onto ``tokens``: the words, whether a
        space follows each, and where each starts."""
        words, spaces, starts = tokens
        if start < end and folded[start] == " " and words:
            spaces[-1] = True
            start += 1
        if start >= end:
            return
        for idx, length, space in self.tokenizer(folded[start:end]).to_array(_START_LENGTH_SPACE).tolist():
            begin = start + idx
            words.append(text[begin : begin + length])
            spaces.append(bool(space))
            starts.append(begin)


def _token_patterns() -> list[dict]:
    lines = (PATTERNS / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _phrase_patterns() -> list[dict]:
    words = lexicon()
    patterns = [
        {"label": "MEMBER_STATE", "pattern": spelling, "id": name}
        for name, spellings in member_state_spellings().items()
        for spelling in spellings
    ]
    patterns += [{"label": "OTHER_NAME", "pattern": name} for name in words["not_member_states"]]
    patterns += [{"label": "BODY", "pattern": name} for name in words["bodies"]]
    return patterns


@cache
def member_state_spellings() -> dict[str, list[str]]:
    """Each member state's name and every spelling of it the lexicon knows."""
    states = lexicon()["member_states"]
    return {name: [name, *aliases] for name, aliases in states.items()}


@cache
def member_state_names() -> dict[str, str]:
    """The canonical name of each folded spelling."""
    return {fold(spelling): name for name, spellings in member_state_spellings().items() for spelling in spellings}


class Screening(NamedTuple):
    """What the screens made of a text: the labels whose text screens it
    passes and its symbols (``find_symbols``), read once for the pre-filter,
    the tokenizer and the ruler (``labels`` None where no screen was read)."""

    labels: frozenset[str] | None
    symbols: list


def screening(text: str) -> Screening | None:
    """The screens' reading of ``text``; None when no pattern can match in it:
    it passes no label's screen, holds no symbol and no known name."""
    labels = passed_text_screens(text)
    symbols = find_symbols(text)
    if labels or symbols or _names().search(_squeezed(fold(text))) is not None:
        return Screening(labels, symbols)
    return None


def may_hold_mention(text: str) -> bool:
    """False when no pattern can match in ``text`` (``screening``)."""
    return screening(text) is not None


def passed_text_screens(text: str) -> frozenset[str]:
    """The labels whose text screens ``text`` passes."""
    folded = text.casefold()
    return frozenset(label for label, screen in text_screens().items() if screen.passes(text, folded))


@dataclass(frozen=True)
class TextScreen:
    """What a text must hold for a label's patterns to match in it: the word
    ``needs`` (case folded; "" for none) and a match of ``pattern``."""

    pattern: re.Pattern
    needs: str

    def passes(self, text: str, folded: str) -> bool:
        """Whether ``text`` (``folded`` is its ``casefold()``) passes the screen."""
        return self.needs in folded and self.pattern.search(text) is not None


@cache
def text_screens() -> dict[str, TextScreen]:
    """The text screens of ``rule_screens``, by label."""
    screens = lexicon()["rule_screens"]
    needs = screens["text_needs"]
    return {label: TextScreen(re.compile(pattern), needs.get(label, "")) for label, pattern in screens["text"].items()}


@cache
def _names() -> re.Pattern:
    """Every phrase pattern, folded and without spaces: the tokens of a match
    stand in the text one after another, at most whitespace between them."""
    words = lexicon()
    names = [*member_state_names(), *map(fold, words["bodies"]), *map(fold, words["not_member_states"])]
    return re.compile(_trie_pattern({_squeezed(name) for name in names}))


def _trie_pattern(words: set[str]) -> str:
    """One regular expression matching any of ``words``, shared prefixes
    factored out (an alternation of hundreds of words is tried word by word)."""
    heads: dict[str, set[str]] = {}
    for word in words:
        heads.setdefault(word[:1], set()).add(word[1:])
    branches = []
    for head, tails in sorted(heads.items()):
        if not head:
            continue  # the empty word: its prefix alone matches, made optional by the caller
        rest = _trie_pattern(tails)
        optional = "?" if "" in tails else ""
        branches.append(re.escape(head) + (f"(?:{rest}){optional}" if rest else ""))
    return "|".join(branches)


def _squeezed(text: str) -> str:
    """``text`` without whitespace (str.split's whitespace is the regex ``\\s``'s)."""
    return "".join(text.split())
