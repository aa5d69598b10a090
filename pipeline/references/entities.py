"""Named things: task forces, member states, WIPO standards and dates."""

from __future__ import annotations

import re

from pipeline.model import DateMention, Mention, NamedEntity
from pipeline.references.dates import iso_dates
from pipeline.references.find import Hit
from pipeline.references.names import fold
from pipeline.references.nlp import lexicon, member_state_names
from pipeline.references.tokens import symbol_of_kind

_LIST_ENTRY = re.compile(r"[^,;.]+")
_CONJUNCTION = re.compile(r"^(?:and|or)\s+")


def member_states(hits: list[Hit]) -> list[NamedEntity]:
    """One entity per member state, under its canonical name, whatever the
    spelling ("Republic Of Korea", "Côte d’Ivoire", "Czech Republic")."""
    names = member_state_names()
    return _group(
        ((hit.text, hit.mention()) for hit in hits if hit.label == "MEMBER_STATE"),
        {hit.text: names[fold(hit.text)] for hit in hits if hit.label == "MEMBER_STATE"},
    )


def standards(hits: list[Hit]) -> list[NamedEntity]:
    """One entity per WIPO standard, as "ST.10/C", wherever a symbol names it
    (also inside a longer mention: "the ST.10/C Task Force")."""
    named = []
    for hit in hits:
        for token in hit.tokens:
            if symbol_of_kind(token.symbol, "standard"):
                start = hit.offset + token.idx
                end = start + len(token.text)
                mention = Mention(text=token.text, unit=hit.unit.id, paragraph=hit.unit.paragraph, start=start, end=end)
                named.append((token.symbol.normalized, mention))
    return _group(named)


def task_forces(hits: list[Hit]) -> list[NamedEntity]:
    """Task forces named as such ("the ICT Strategy Task Force") or listed after
    "the following 12 Task Forces:", under their canonical names."""
    named: list[tuple[str, Mention]] = []
    for hit in hits:
        if hit.label == "TASK_FORCE":
            named.append((hit.text, hit.mention()))
        elif hit.label == "TASK_FORCE_LIST":
            named.extend(_listed(hit))
    return _group(named, lexicon()["task_force_aliases"])


def date_mentions(hits: list[Hit]) -> list[DateMention]:
    """Every readable date, as ISO 8601."""
    return [
        DateMention(mention=hit.mention(), value=value, end=end)
        for hit in hits
        if hit.label == "DATE"
        for value, end in iso_dates(hit.text)
    ]


def _listed(hit: Hit) -> list[tuple[str, Mention]]:
    """The names of the enumeration that follows ``hit`` up to the end of its sentence."""
    unit = hit.unit
    sentence_end = hit.sentence_end
    entries = []
    for match in _LIST_ENTRY.finditer(unit.text, hit.end, sentence_end):
        entry = match.group().strip()
        entry = _CONJUNCTION.sub("", entry)
        if not entry:
            continue
        start = unit.text.index(entry, match.start())
        mention = Mention(
            text=entry, unit=unit.id, paragraph=unit.paragraph, start=start, end=start + len(entry)
        )
        entries.append((f"{entry} Task Force", mention))
    return entries


def _group(named, aliases: dict[str, str] | None = None) -> list[NamedEntity]:
    aliases = aliases or {}
    entities: dict[str, NamedEntity] = {}
    for written, mention in named:
        name = aliases.get(written, written)
        entity = entities.setdefault(name, NamedEntity(name=name))
        if written != name and written not in entity.aliases:
            entity.aliases.append(written)
        entity.mentions.append(mention)
    return list(entities.values())
