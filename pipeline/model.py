"""The document model: the public contract that the JSON and XML outputs carry.

Every class here is a pydantic model; the JSON Schema in ``schemas/`` is generated
from ``Document`` and the XSD is written by hand to describe the same shape.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)

    def model_post_init(self, context: object, /) -> None:
        # Every field counts as set: no output depends on which fields were given
        # and which defaulted. One set per class, holding every field name (so
        # assigning a field leaves it as it is), spares a set per instance: half
        # of a long document's model.
        object.__setattr__(self, "__pydantic_fields_set__", _every_field(type(self)))


@cache
def _every_field(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


def empty_list(description: str | None = None):  # noqa: ANN201 - what pydantic's Field returns
    """A list field's default: a new empty list per instance (pydantic deep-copies
    a ``[]`` default for every instance, a cost across a long document's model),
    still given as ``"default": []`` in the JSON Schema."""
    return Field(default_factory=list, description=description, json_schema_extra={"default": []})


class Provenance(_Model):
    """Where a piece of text came from in its source file.

    Text files give a line range; DOCX files give the paragraph index in the body
    (and table coordinates for cells); PDF files give the page and bounding box.
    """

    line_start: int | None = Field(None, description="First source line (1-based), text files")
    line_end: int | None = Field(None, description="Last source line (1-based, inclusive), text files")
    paragraph_index: int | None = Field(None, description="Index of the paragraph in the DOCX body (0-based)")
    table: int | None = Field(None, description="Index of the table in the source (0-based)")
    row: int | None = Field(None, description="Table row (0-based)")
    column: int | None = Field(None, description="Table column (0-based)")
    page: int | None = Field(None, description="Page number (1-based), PDF files")
    bbox: list[float] | None = Field(
        None, description="x0, top, x1, bottom in PDF points, PDF files", min_length=4, max_length=4
    )

    def merged(self, other: Provenance) -> Provenance:
        """The span covering both ``self`` and ``other`` (first page/paragraph kept)."""
        if self.line_start is not None and other.line_end is not None:
            return self.model_copy(update={"line_end": max(other.line_end, self.line_end or 0)})
        if self.bbox and other.bbox and self.page == other.page:
            box = [
                min(self.bbox[0], other.bbox[0]),
                min(self.bbox[1], other.bbox[1]),
                max(self.bbox[2], other.bbox[2]),
                max(self.bbox[3], other.bbox[3]),
            ]
            return self.model_copy(update={"bbox": box})
        return self


class DocumentKind(str, Enum):
    """The kinds of the CWS document series; pipeline/data/kinds.json says how each is recognised."""

    working_document = "working_document"
    draft_report = "draft_report"
    report = "report"
    summary_by_the_chair = "summary_by_the_chair"
    circular = "circular"
    general_assembly_report = "general_assembly_report"
    task_list = "task_list"
    unknown = "unknown"


class Session(_Model):
    """A session of a WIPO body."""

    number: int | None = Field(None, description="1 or more; the number of a reconvened session (4 for 4BIS)")
    ordinal: str | None = Field(None, description='Ordinal word, e.g. "twelfth" (1 to 99 only)')
    reconvened: bool = Field(
        False, description='A reconvened session, a session of its own ("reconvened fourth session", CWS/4BIS)'
    )
    year: int | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    place: str | None = Field(None, description='Where it met, e.g. "Geneva"')


class Metadata(_Model):
    symbol: str | None = Field(None, description='Document symbol, e.g. "CWS/12/22" or "C.CWS.151"')
    symbol_inferred: bool = Field(False, description="True when the symbol comes from the file name, not the text")
    committee: str | None = Field(None, description='Body the document belongs to, e.g. "CWS" or "WO/GA"')
    session: Session | None = None
    date: dt.date | None = None
    original_language: str | None = None
    title: str | None = None
    prepared_by: str | None = Field(None, description='e.g. "the ICT Strategy Task Force"')
    kind: DocumentKind = DocumentKind.unknown
    provenance: Provenance | None = Field(None, description="Where the header block stands in the source")


class Source(_Model):
    file_name: str
    format: str = Field(description="text, docx or pdf")
    flavour: str | None = Field(None, description="For text: which earlier conversion it came from (docx, pdf, markdown)")
    sha256: str
    replaced_characters: int = Field(
        0, description="Characters that were not valid text (lone surrogates, control characters, non-characters), now U+FFFD"
    )


class ListItem(_Model):
    """An item of a list inside a paragraph: "a) note the content…", "· to review…"."""

    id: str
    label: str | None = Field(None, description='Normalized label ("a", "ii"); null for a bullet')
    marker: str = Field(description='The marker as printed: "(a)", "a)", "·", "−"')
    text: str
    footnotes: list[int] = empty_list()
    provenance: Provenance


class NumberSource(str, Enum):
    printed = "printed"  # the number stands in the text as it continues the sequence
    inferred = "inferred"  # no number was printed (a converter dropped it): taken from the sequence
    renumbered = "renumbered"  # the printed number does not continue the sequence (a list restarting at "1.")


class Paragraph(_Model):
    """A numbered paragraph (body or annex)."""

    id: str
    number: int = Field(description="The true number: the place of the paragraph in its sequence")
    printed_number: str | None = Field(
        None, description='The number as printed ("7.", "7.To" gives "7.", "7"); null when none was printed'
    )
    number_source: NumberSource = Field(
        NumberSource.printed, description="Whether the number was printed, inferred, or renumbered from the sequence"
    )
    text: str = Field(description="The paragraph's own text, up to its first list item")
    items: list[ListItem] = empty_list()
    section: str | None = Field(None, description="id of the innermost section holding it")
    footnotes: list[int] = empty_list()
    provenance: Provenance


class ContentKind(str, Enum):
    paragraph = "paragraph"
    salutation = "salutation"
    closing = "closing"
    signature = "signature"
    image_description = "image_description"
    url = "url"
    editorial_note = "editorial_note"


class ContentBlock(_Model):
    """Unnumbered text: a circular's paragraphs, an annex's introduction, "[Annex follows]"."""

    id: str
    kind: ContentKind
    text: str
    section: str | None = None
    footnotes: list[int] = empty_list()
    provenance: Provenance


class Section(_Model):
    id: str
    title: str
    level: int
    parent: str | None = None
    annex: str | None = Field(None, description="id of the annex holding it; null in the main body")
    agenda_item: int | None = Field(None, description='Number of the agenda item it opens ("Agenda Item 3: …")')
    paragraphs: list[str] = empty_list("ids of the numbered paragraphs directly under it")
    provenance: Provenance


class Annex(_Model):
    id: str
    number: int
    title: str | None = None
    symbol: str | None = Field(None, description="Symbol of an annexed document, where the text names it")
    table_columns: list[str] = empty_list("Header row of the annex's recommendation table")
    paragraphs: list[Paragraph] = empty_list()
    content: list[ContentBlock] = empty_list()
    provenance: Provenance


class Item(_Model):
    """A roman sub-item of a recommended action: "i. development of …"."""

    id: str
    label: str
    text: str
    footnotes: list[int] = empty_list()
    provenance: Provenance


class Action(_Model):
    """A lettered recommended action: "(a) IP offices should …"."""

    id: str
    label: str
    text: str
    items: list[Item] = empty_list()
    footnotes: list[int] = empty_list()
    provenance: Provenance


class Recommendation(_Model):
    id: str
    number: int
    annex: str | None = None
    text: str = Field(description="The recommendation's statement")
    actions: list[Action] = empty_list()
    related_recs: list[str] | None = Field(None, description='Related 40 RECs, e.g. ["R1", "R2"]')
    related_recs_note: str | None = Field(None, description='e.g. "Not applicable as this is new"')
    related_recs_provenance: Provenance | None = Field(
        None, description="Where the related RECs or their note stand (the table's last column)"
    )
    footnotes: list[int] = empty_list("Footnotes anchored in the statement")
    provenance: Provenance


class TaskEntry(_Model):
    """One entry of a task list ("Task No. 18"), its fields as printed."""

    number: str = Field(description='Task number: "18", or "33/3" for a sub-task')
    description: str | None = None
    task_leader: str | None = None
    task_force: str | None = None
    scheduled_actions: str | None = None
    provenance: Provenance


class AnchorKind(str, Enum):
    paragraph = "paragraph"
    list_item = "list_item"
    content = "content"
    recommendation = "recommendation"
    action = "action"
    item = "item"
    table_header = "table_header"


class FootnoteAnchor(_Model):
    kind: AnchorKind
    target: str = Field(description="id of the paragraph, recommendation, action, item or annex holding the mark")


class Footnote(_Model):
    number: int
    text: str
    anchors: list[FootnoteAnchor] = empty_list("Where its mark stands; empty if no mark was found")
    provenance: Provenance


class FurnitureKind(str, Enum):
    running_header = "running_header"
    page_number = "page_number"


class Furniture(_Model):
    """Page furniture dropped from the text on purpose: a running header or page number."""

    text: str
    kind: FurnitureKind
    provenance: Provenance


class Unclassified(_Model):
    """Text the parser could not place: kept, never dropped."""

    text: str
    reason: str
    provenance: Provenance


class Mention(_Model):
    """Where something is named: the words as written and their character span."""

    text: str
    unit: str = Field(
        description="id of the text unit whose text the span indexes: a paragraph, list item, content block, "
        'section or annex title, recommendation, action, item, or footnote ("fn2")'
    )
    paragraph: str | None = Field(
        None, description="id of the numbered paragraph, content block or recommendation holding the unit"
    )
    start: int = Field(description="Offset of the first character in the unit's text")
    end: int = Field(description="Offset just after the last character")


class ReferenceKind(str, Enum):
    document = "document"
    circular = "circular"
    paragraph = "paragraph"
    annex = "annex"


class Direction(str, Enum):
    above = "above"
    below = "below"


class Reference(_Model):
    """A pointer in the text to a document, a circular, paragraphs or an annex."""

    id: str
    kind: ReferenceKind
    mention: Mention
    document: str | None = Field(
        None, description='Target document symbol ("CWS/6/34", "C.CWS.180"); null when the text names none'
    )
    paragraphs: list[int] = empty_list("Paragraph numbers, ranges expanded")
    items: list[str] = empty_list('Items of the paragraph named: ["c"] for "paragraph 8 (c)"')
    annex: str | None = Field(
        None, description='The annex the paragraphs are in, as named: "Annex I" of "paragraph 29 of Annex I"'
    )
    note: str | None = Field(
        None,
        description='Why a range was not expanded: "paragraphs 10 to 2" runs backwards and a range wider than 200 '
        "paragraphs keeps only its two ends",
    )
    direction: Direction | None = Field(None, description='"above" or "below" where the text says so')
    internal: bool = Field(description="True when it points into this document")
    inherited: bool = Field(False, description='The document comes from an enclosing "of document X" phrase')
    targets: list[str] = empty_list("ids of what it points at in this document")
    dangling: str | None = Field(None, description="Why an internal reference points at nothing")


class SessionRelation(str, Enum):
    named = "named"
    current = "current"
    next = "next"
    previous = "previous"
    same = "same"


class SessionMention(_Model):
    mention: Mention
    relation: SessionRelation = Field(description='"named" for "its sixth session"; the others are relative')
    number: int | None = Field(None, description="Session number; null when a relative mention cannot be resolved")
    year: int | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None


class SessionRecord(Session):
    """One session of a body and what the text says about it."""

    body: str = Field(
        description='The body whose session it is, by its symbol prefix: "CWS", "WO/GA", "SCIT/SDWG", "PCT/WG", "PCT/MIA"'
    )
    current: bool = Field(False, description="The session this document is for")
    paragraphs: list[str] = empty_list("ids of the paragraphs that speak of it, in document order")
    mentions: list[SessionMention] = empty_list()


class TaskChange(str, Enum):
    created = "created"
    revised = "revised"
    proposed = "proposed"


class TaskDescription(_Model):
    text: str = Field(description="The quoted description")
    change: TaskChange
    session: int | None = Field(None, description="Session at which it was created, revised or proposed")
    mention: Mention = Field(description="Where the quotation opens")


class Task(_Model):
    number: int
    part: int | None = Field(None, description='Sub-task number: 3 of "Task No. 33/3"')
    descriptions: list[TaskDescription] = empty_list("Description history, in document order")
    mentions: list[Mention] = empty_list()

    @property
    def label(self) -> str:
        """The task as WIPO writes it: "18", "33/3"."""
        return f"{self.number}/{self.part}" if self.part is not None else str(self.number)


class NamedEntity(_Model):
    """A task force, member state or WIPO standard, with every place it is named."""

    name: str = Field(description="Canonical name")
    aliases: list[str] = empty_list("Other names the text uses for it")
    mentions: list[Mention] = empty_list()


class DateMention(_Model):
    mention: Mention
    value: str = Field(description="ISO 8601 date or month (YYYY-MM-DD or YYYY-MM)")
    end: str | None = Field(None, description="Last day of a range")


class Document(_Model):
    """One CWS document, as structured data."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    metadata: Metadata
    sections: list[Section] = empty_list()
    paragraphs: list[Paragraph] = empty_list()
    content: list[ContentBlock] = empty_list()
    annexes: list[Annex] = empty_list()
    recommendations: list[Recommendation] = empty_list()
    task_list: list[TaskEntry] = empty_list("Entries of a task list, one per task")
    footnotes: list[Footnote] = empty_list()
    unclassified: list[Unclassified] = empty_list()
    furniture: list[Furniture] = empty_list()
    references: list[Reference] = empty_list()
    sessions: list[SessionRecord] = empty_list()
    tasks: list[Task] = empty_list()
    task_forces: list[NamedEntity] = empty_list()
    member_states: list[NamedEntity] = empty_list()
    standards: list[NamedEntity] = empty_list()
    dates: list[DateMention] = empty_list()

    def paragraph(self, number: int) -> Paragraph:
        """The main-body paragraph with this number (KeyError if absent)."""
        for paragraph in self.paragraphs:
            if paragraph.number == number:
                return paragraph
        raise KeyError(number)

    def recommendation(self, number: int) -> Recommendation:
        """The recommendation with this number (KeyError if absent)."""
        for recommendation in self.recommendations:
            if recommendation.number == number:
                return recommendation
        raise KeyError(number)
