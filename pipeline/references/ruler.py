"""The entity ruler, screened: spaCy's ruler, except that the token patterns of
a label run only over a text that passes the label's screen (``rule_screens``
of ``patterns/lexicon.json``: an ordinal before "session" for the session
patterns, a month name for dates, a document symbol for documents), and
matched by ``token_patterns`` over the words the tokenizer kept on the doc
instead of by spaCy's Matcher. It finds the same entities as the plain ruler
(held to it on every sample and corpus text) in a fraction of the time.

Imported only when the pipeline is built, as it imports spaCy.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from pipeline.references.nlp import lexicon, passed_text_screens
from pipeline.references.token_patterns import TokenPatterns


class ScreenedEntityRuler(EntityRuler):
    """An ``EntityRuler`` whose token patterns run per label, on screened docs,
    matched over the tokenizer's words (``token_patterns``) rather than by
    spaCy's Matcher, which finds the same matches at many times the cost."""

    def add_patterns(self, patterns: list[dict]) -> None:
        super().add_patterns(patterns)
        kinds = lexicon()["rule_screens"]["symbols"]
        self._symbol_labels = [(label, kinds[label]) for label in self.token_patterns if label in kinds]
        self._compiled = TokenPatterns(self.token_patterns)
        self._label_ids = {label: self.nlp.vocab.strings.add(label) for label in self.token_patterns}

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """As ``EntityRuler.match``, with only the token patterns of the labels
        whose screens the doc passes."""
        kept = doc._.kept
        labels = kept.text_labels
        if labels is None:  # not read by the pre-filter
            labels = passed_text_screens(kept.source)
        kinds = kept.symbol_kinds
        if kinds:
            labels = labels.union(label for label, kind in self._symbol_labels if kind in kinds)
        ids = self._label_ids
        matches = [(ids[label], start, end) for label, start, end in self._compiled.matches(kept.keys, labels)]
        matches += self.phrase_matcher(doc)
        found = {(match_id, start, end) for match_id, start, end in matches if start != end}
        return sorted(found, key=lambda match: (match[2] - match[1], -match[1]), reverse=True)

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int]]) -> None:
        """As ``EntityRuler.set_annotations``: the matches, longest first, kept
        where neither end falls on a token already taken. On a doc with no
        entities yet (the ruler is the pipeline's only entity step) spaCy's
        check of each match's tokens for an entity type never holds: skipped,
        as is marking every other token as outside an entity, which nothing
        reads (``Doc.ents`` is the same)."""
        if doc.ents or self.overwrite:
            super().set_annotations(doc, matches)
            return
        found, taken = [], set()
        for match_id, start, end in matches:
            if start not in taken and end - 1 not in taken:
                if match_id in self._ent_ids:
                    label, span_id = self._ent_ids[match_id]
                    found.append(Span(doc, start, end, label=label, span_id=span_id))
                else:
                    found.append(Span(doc, start, end, label=match_id))
                taken.update(range(start, end))
        doc.set_ents(found, default="unmodified")


@Language.factory("screened_entity_ruler", default_config={"phrase_matcher_attr": None})
def make_screened_entity_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None) -> ScreenedEntityRuler:
    """The factory ``nlp.add_pipe("screened_entity_ruler")`` builds the ruler with."""
    return ScreenedEntityRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr)

