"""The spaCy pipeline: blank English, a sentencizer and one entity ruler whose
patterns are data (``patterns/entities.jsonl`` and the phrase lists of
``patterns/lexicon.json``). No trained model is needed; spaCy is imported only
when the pipeline is first built.

The tokenizer reads the text as printed, without rewriting it: every WIPO symbol
(``pipeline.symbols``) is one token, whatever is glued to it, and words a
converter joined are split where a letter meets a digit ("paragraphs52",
"and53of", "No.18") or a lower-case letter meets a capital ("TheCWS",
"TaskNo."). Tokens keep their exact character offsets; their norm folds case
and apostrophe styles, which the phrase lists are matched on.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.references.names import fold, fold_marks
from pipeline.symbols import find_symbols

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PATTERNS = Path(__file__).resolve().parent / "patterns"


@cache
def lexicon() -> dict:
    """The word lists and small rules of ``patterns/lexicon.json``."""
    return json.loads((PATTERNS / "lexicon.json").read_text(encoding="utf-8"))


@cache
def pipeline() -> Language:
    """The rule-based pipeline, built once per process."""
    import spacy
    from spacy.tokens import Token

    Token.set_extension("symbol", default=None, force=True)
    nlp = spacy.blank("en")
    words = lexicon()
    # Keep abbreviations such as "No." whole, so that they end no sentence.
    for abbreviation in words["abbreviations"]:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    infixes = [*nlp.Defaults.infixes, *words["joined_word_splits"]]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.tokenizer = SymbolTokenizer(nlp.tokenizer)
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "NORM"})
    ruler.add_patterns(_token_patterns() + _phrase_patterns())
    return nlp


class SymbolTokenizer:
    """spaCy's tokenizer around the WIPO symbols: each symbol one token carrying
    its kind and parsed ``Symbol``; the rest tokenized with apostrophes folded
    (so "D'ivoire" and "d’Ivoire" split alike), at unchanged offsets."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        folded = fold_marks(text)
        words: list[str] = []
        spaces: list[bool] = []
        symbols = {}
        position = 0
        for match in find_symbols(text):
            self._words(text, folded, position, match.start, words, spaces)
            symbols[len(words)] = match
            words.append(text[match.start : match.end])
            spaces.append(False)
            position = match.end
        self._words(text, folded, position, len(text), words, spaces)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token in doc:
            token.norm_ = fold(token.text)
        for index, match in symbols.items():
            # A norm no word has lets the patterns match a symbol's kind cheaply.
            doc[index].norm_ = f"SYMBOL_{match.kind.upper()}"
            doc[index]._.symbol = match.symbol
        return doc

    def _words(self, text: str, folded: str, start: int, end: int, words: list[str], spaces: list[bool]) -> None:
        if start < end and folded[start] == " " and words:
            spaces[-1] = True
            start += 1
        if start >= end:
            return
        for token in self.tokenizer(folded[start:end]):
            begin = start + token.idx
            words.append(text[begin : begin + len(token.text)])
            spaces.append(bool(token.whitespace_))


def token_symbol(token, *kinds: str):
    """The ``Symbol`` the token is, when it is one of ``kinds``; else None."""
    symbol = token._.symbol
    return symbol if symbol is not None and symbol.kind in kinds else None


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


def prefilter() -> re.Pattern:
    """What a text must contain to hold any mention: a digit, a keyword, a name."""
    return _prefilter()


@cache
def _prefilter() -> re.Pattern:
    words = lexicon()
    names = [*member_state_names(), *map(fold, words["bodies"]), *map(fold, words["not_member_states"])]
    alternatives = [*words["prefilter"], *(re.escape(name.split()[0]) for name in names)]
    return re.compile("|".join(sorted(set(alternatives), key=len, reverse=True)))
