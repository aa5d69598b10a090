"""References, sessions, tasks and named things in a document's text.

Three stages, as in eyecite: ``find`` runs a rule-based spaCy pipeline (blank
English, patterns kept as data in ``patterns/``) over every text unit;
``resolve`` and its siblings turn the matches into model records and point the
internal references at paragraph ids; ``annotate`` fills the document's fields.
"""

from __future__ import annotations

from pipeline.model import Document
from pipeline.references.entities import date_mentions, member_states, standards, task_forces
from pipeline.references.find import find
from pipeline.references.resolve import references
from pipeline.references.sessions import own_session, session_mentions, session_records
from pipeline.references.tasks import tasks
from pipeline.references.units import text_units


def annotate(document: Document) -> None:
    """Fill ``references``, ``sessions``, ``tasks``, ``task_forces``,
    ``member_states``, ``standards`` and ``dates`` of ``document`` from its text."""
    units = list(text_units(document))
    hits = find(units)
    own = own_session(hits, document)
    located = session_mentions(hits, document, own)
    document.references = references(hits, document)
    document.sessions = session_records(located, document, own)
    document.tasks = tasks(hits, units, located)
    document.task_forces = task_forces(hits)
    document.member_states = member_states(hits)
    document.standards = standards(hits)
    document.dates = date_mentions(hits)
