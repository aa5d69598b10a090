"""The spaCy pipeline: blank English, a sentencizer and one entity ruler whose
patterns are data (``patterns/entities.jsonl`` and the phrase lists of
``patterns/lexicon.json``). No trained model is needed."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

PATTERNS = Path(__file__).resolve().parent / "patterns"


@cache
def lexicon() -> dict:
    """The word lists and small rules of ``patterns/lexicon.json``."""
    return json.loads((PATTERNS / "lexicon.json").read_text(encoding="utf-8"))


@cache
def pipeline() -> Language:
    """The rule-based pipeline, built once per process."""
    nlp = spacy.blank("en")
    # Keep document symbols such as "WO/GA/40/19" in one token.
    nlp.tokenizer.token_match = re.compile(lexicon()["symbol_token"]).match
    # ... and abbreviations such as "No." whole, so that they end no sentence.
    for abbreviation in lexicon()["abbreviations"]:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_token_patterns() + _phrase_patterns())
    return nlp


def _token_patterns() -> list[dict]:
    lines = (PATTERNS / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _phrase_patterns() -> list[dict]:
    words = lexicon()
    patterns = [{"label": "MEMBER_STATE", "pattern": name} for name in words["member_states"]]
    patterns += [{"label": "OTHER_NAME", "pattern": name} for name in words["not_member_states"]]
    patterns += [{"label": "BODY", "pattern": name} for name in words["bodies"]]
    return patterns
