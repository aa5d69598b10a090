"""Build DOCX and PDF renditions of the four seed texts (``make samples``).

Each seed text is read by the project's own text path (``extractors.text`` and
``pipeline.structure``), so every rendition holds exactly the seed's words, and
is written as a WIPO-style Word document: a header block, body paragraphs
numbered by Word automatic numbering (numbering.xml; the number is not in the
text), headings in heading styles, the annex recommendation table as a real Word
table whose header row repeats on each page, real footnotes (a footnotes.xml part
written with lxml), running headers from page 2 and the annex in a new section.
LibreOffice (installed here when missing) converts each DOCX to PDF.

Only facts stated in a seed text or in the seeds' README go into the header
block; see samples/README.md for what each header holds and why.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.blocks import Block, Role  # noqa: E402
from extractors.text import extract  # noqa: E402
from pipeline.footnotes import recover_footnotes  # noqa: E402
from pipeline.labels import parse_label  # noqa: E402
from pipeline.model import Annex, Document  # noqa: E402
from pipeline.structure import TABLE_COLUMNS, build_document  # noqa: E402

SAMPLES = ROOT / "samples"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'
FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
_TABLE_HEADER = re.compile(rf"^(?:\s*(?:{'|'.join(map(re.escape, TABLE_COLUMNS))}))+\s*$")


@dataclass(frozen=True)
class Header:
    """The header block of one rendition: only facts the seed or its README states
    (the DATE of the WIPO-layout rendition is the one exception, see samples/README.md)."""

    symbol: str | None
    lines: tuple[str, ...]  # committee, session, title, "prepared by" lines
    running: str  # running header's first line ("" when the symbol is unknown)
    seed: str | None = None  # the seed text it renders, when not the rendition's own stem
    logo: tuple[str, ...] = ("WIPO",)  # logo lines above the header
    date: str | None = None  # "DATE: …" line under the symbol
    symbol_in_table: bool = False  # symbol, ORIGINAL and DATE in the right cell of a table


HEADERS = {
    # Seed 000: its symbol is not in the text, so the header has none.
    "task58_progress_report": Header(
        None,
        (
            "Committee on WIPO Standards (CWS)",
            "Twelfth Session",
            "PROGRESS REPORT OF THE ICT STRATEGY TASK FORCE ON TASK NO. 58",
            "Document prepared by the ICT Strategy Task Force",
        ),
        "",
    ),
    "cws_12_22": Header(
        "CWS/12/22",
        (
            "Committee on WIPO Standards (CWS)",
            "Twelfth Session",
            "PROPOSAL FOR REVISED RECOMMENDATIONS ON ICT AND IP ADMINISTRATION",
            "Document prepared by the ICT Strategy Task Force",
        ),
        "CWS/12/22",
    ),
    "wo_ga_58_9": Header(
        "WO/GA/58/9",
        ("WIPO General Assembly", "Fifty-Eighth Session", "REPORT ON THE COMMITTEE ON WIPO STANDARDS"),
        "WO/GA/58/9",
    ),
    # The circular's own heading (symbol, date, "Re:") is part of its text.
    "c_cws_151": Header(None, (), "C. CWS 151"),
    # CWS/12/22 laid out as WIPO's own files are: the logo line "WIPO E", the
    # organization's name under it, the symbol block in a table cell, a DATE line
    # and the session's place and dates (from seed 002), all in the body.
    "cws_12_22_wipo_layout": Header(
        "CWS/12/22",
        (
            "Committee on WIPO Standards (CWS)",
            "Twelfth Session",
            "Geneva, September 16 to 19, 2024",
            "PROPOSAL FOR REVISED RECOMMENDATIONS ON ICT AND IP ADMINISTRATION",
            "Document prepared by the ICT Strategy Task Force",
        ),
        "CWS/12/22",
        seed="cws_12_22",
        logo=("WIPO E", "WORLD INTELLECTUAL PROPERTY ORGANIZATION"),
        date="DATE: AUGUST 2, 2024",
        symbol_in_table=True,
    ),
}


# -- what to write: a plan of operations read from the parsed seed ----------------


@dataclass
class Op:
    """One thing to write: a paragraph of some kind, a table, a section break."""

    kind: str  # heading, numbered, item, plain, url, annex, page_break, table
    text: str = ""
    marks: list[tuple[int, int]] = field(default_factory=list)  # (footnote number, offset)
    level: int = 1
    marker: str = ""  # list item marker as printed: "a)", "(a)", "·"
    restart: bool = False  # numbered paragraph that restarts the count at 1
    annex: Annex | None = None


def plan(doc: Document, blocks: list[Block]) -> list[Op]:
    """The rendition's content in reading order, from the seed's blocks and model."""
    sections = {s.provenance.line_start: s for s in doc.sections}
    paragraphs = {p.provenance.line_start: p for p in doc.paragraphs}
    annex_paragraphs = {p.provenance.line_start: p for a in doc.annexes for p in a.paragraphs}
    items = {i.provenance.line_start: i for p in [*paragraphs.values(), *annex_paragraphs.values()] for i in p.items}
    contents = {c.provenance.line_start for c in doc.content} | {
        c.provenance.line_start for a in doc.annexes for c in a.content
    }
    annexes = {a.provenance.line_start: a for a in doc.annexes}
    left_out = {u.provenance.line_start for u in doc.unclassified}
    ends_table = set(sections) | set(paragraphs) | set(annex_paragraphs) | contents | set(annexes)
    first_numbered = {a.id: min((p.provenance.line_start for p in a.paragraphs), default=None) for a in doc.annexes}

    ops: list[Op] = []
    annex: Annex | None = None
    in_table = False
    for block in blocks:
        line = block.provenance.line_start
        if block.role == Role.footnote or line in left_out:
            continue
        if in_table and line not in ends_table:
            continue
        in_table = False
        marks = [(mark.number, mark.offset) for mark in block.marks]
        if line in annexes:
            annex = annexes[line]
            ops.append(Op("annex" if annex.number == 1 else "page_break", annex=annex))
            if annex.title:
                ops.append(Op("heading", block.text, marks, level=1))
                continue
        if annex and annex.table_columns and _TABLE_HEADER.match(block.text):
            ops.append(Op("table", annex=annex, marks=marks))
            in_table = True
        elif line in sections:
            ops.append(Op("heading", block.text, marks, level=sections[line].level))
        elif line in paragraphs or line in annex_paragraphs:
            text, marks = _without_label(block, marks)
            restart = annex is not None and line == first_numbered[annex.id]
            ops.append(Op("numbered", text, marks, restart=restart))
        elif line in items:
            text, marks = _without_label(block, marks)
            ops.append(Op("item", text, marks, marker=items[line].marker))
        elif re.match(r"^https?://\S+$", block.text):
            ops.append(Op("url", block.text))
        else:
            ops.append(Op("plain", block.text, marks))
    return ops


def _without_label(block: Block, marks: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The block's text without its typed label ("7. ", "(a) ", "· "), marks shifted."""
    label = parse_label(block.text)
    if not label:
        return block.text, marks
    shift = len(block.text) - len(label.rest)
    return label.rest, [(number, offset - shift) for number, offset in marks]


def mark_offset(text: str, number: int, blocks: list[Block]) -> int | None:
    """Where footnote ``number``'s mark stands in ``text``, found from the words
    before the mark in the seed block that carried it; None if not in ``text``."""
    for block in blocks:
        for mark in block.marks:
            if mark.number == number:
                before = block.text[max(0, mark.offset - 30) : mark.offset].strip()
                position = text.find(before)
                if before and position >= 0:
                    return position + len(before)
    return None


# -- numbering.xml ------------------------------------------------------------------

PARAGRAPH_LIST, BULLET_LIST, ACTION_LIST = 1, 2, 3


def _lvl(ilvl: int, fmt: str, text: str, left: int, hanging: int, suffix: str = "tab") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
    )


class Numbering:
    """The numbering definitions of one rendition, built as numIds are asked for."""

    def __init__(self, letter_marker: str, bullet: str):
        letter_text = re.sub("[a-z]", "%2", letter_marker, count=1) if letter_marker else "%2)"
        self.abstracts = [
            f'<w:abstractNum w:abstractNumId="{PARAGRAPH_LIST}"><w:multiLevelType w:val="hybridMultilevel"/>'
            + _lvl(0, "decimal", "%1.", 567, 567)
            + _lvl(1, "lowerLetter", letter_text, 1134, 567)
            + _lvl(2, "lowerRoman", "%3.", 1701, 567)
            + "</w:abstractNum>",
            f'<w:abstractNum w:abstractNumId="{BULLET_LIST}"><w:multiLevelType w:val="singleLevel"/>'
            + _lvl(0, "bullet", bullet, 1134, 567)
            + "</w:abstractNum>",
            f'<w:abstractNum w:abstractNumId="{ACTION_LIST}"><w:multiLevelType w:val="hybridMultilevel"/>'
            + _lvl(0, "lowerLetter", "(%1)", 425, 425)
            + _lvl(1, "lowerRoman", "%2.", 850, 425)
            + "</w:abstractNum>",
        ]
        self.nums: list[str] = []
        self.paragraphs = self.add(PARAGRAPH_LIST)
        self.bullets = self.add(BULLET_LIST)

    def add(self, abstract: int, restart_levels: tuple[int, ...] = ()) -> int:
        """A new numId on ``abstract``; ``restart_levels`` start again at 1 (startOverride)."""
        num_id = len(self.nums) + 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="1"/></w:lvlOverride>'
            for level in restart_levels
        )
        self.nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>')
        return num_id

    def install(self, document) -> None:
        root = document.part.numbering_part.element
        for child in list(root):
            root.remove(child)
        for xml in self.abstracts + self.nums:
            root.append(parse_xml(xml.replace(">", f" {NSDECL}>", 1)))


def _num_pr(element, num_id: int, ilvl: int) -> None:
    """Number a paragraph (``w:p``) or a paragraph style (``w:style``) with ``num_id``."""
    ppr = element.get_or_add_pPr()
    ppr.insert_element_before(
        parse_xml(f'<w:numPr {NSDECL}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'),
        "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr",
    )


# -- the Word document -----------------------------------------------------------------


class Rendition:
    """A WIPO-style Word document being written."""

    def __init__(self, doc: Document, blocks: list[Block], header: Header):
        self.doc = doc
        self.blocks = blocks
        self.header = header
        self.word = new_docx()
        items = [item for p in doc.paragraphs for item in p.items]
        letters = [item.marker for item in items if item.label]
        bullets = [item.marker for item in items if not item.label]
        self.numbering = Numbering(letters[0] if letters else "", bullets[0] if bullets else "·")
        self.footnote_ids: dict[int, int] = {}  # seed footnote number → Word footnote id, in reference order
        self._styles()

    def _styles(self) -> None:
        styles = self.word.styles
        normal = styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(11)
        normal.paragraph_format.space_after = Pt(11)
        for name in ("Heading 1", "Heading 2"):
            style = styles[name]
            style.element.get_or_add_rPr().remove_all("w:rFonts")  # the template's theme fonts
            style.font.name = "Arial"
            style.font.size = Pt(11)
            style.font.bold = True
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.font.italic = name == "Heading 2"
            style.paragraph_format.space_before = Pt(12)
        numbered = styles.add_style("Numbered Paragraph", WD_STYLE_TYPE.PARAGRAPH)
        numbered.base_style = normal
        _num_pr(numbered.element, self.numbering.paragraphs, 0)
        note = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = normal
        note.font.size = Pt(9)
        note.paragraph_format.space_after = Pt(0)
        reference = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        reference.font.superscript = True

    # -- content

    def write(self, ops: list[Op]) -> None:
        self._header_block()
        for op in ops:
            getattr(self, f"_write_{op.kind}")(op)
        self._running_headers()
        self._footnotes_part()
        self.numbering.install(self.word)
        self._core_properties()

    def _header_block(self) -> None:
        for index, text in enumerate(self.header.logo):
            self._line(text, bold=True, size=20 if index == 0 else 9)
        if self.header.symbol:
            symbol_lines = [self.header.symbol, "ORIGINAL: ENGLISH"] + ([self.header.date] if self.header.date else [])
            container = self._symbol_cell() if self.header.symbol_in_table else self.word
            for index, text in enumerate(symbol_lines):
                self._line(text, bold=index == 0, align=WD_ALIGN_PARAGRAPH.RIGHT, container=container)
        for index, text in enumerate(self.header.lines):
            self._line(text, bold=index == 0 or text.isupper(), size=14 if index == 0 else 11)

    def _symbol_cell(self):
        """The right cell of a borderless two-column table, its left cell empty."""
        table = self.word.add_table(rows=1, cols=2)
        table.autofit = False
        for cell, width in zip(table.rows[0].cells, (Cm(10.5), Cm(6))):
            cell.width = width
        cell = table.rows[0].cells[1]
        cell._tc.remove(cell.paragraphs[0]._p)
        return cell

    def _line(self, text: str, bold: bool = False, size: int = 11, align=None, container=None) -> None:
        paragraph = (container or self.word).add_paragraph()
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)
        if align is not None:
            paragraph.alignment = align

    def _write_heading(self, op: Op) -> None:
        self._runs(self.word.add_paragraph(style=f"Heading {min(op.level, 2)}"), op.text, op.marks)

    def _write_numbered(self, op: Op) -> None:
        paragraph = self.word.add_paragraph(style="Numbered Paragraph")
        if op.restart:  # a later part numbered from 1 again: a numId restarting the count
            _num_pr(paragraph._p, self.numbering.add(PARAGRAPH_LIST, restart_levels=(0,)), 0)
        self._runs(paragraph, op.text, op.marks)

    def _write_item(self, op: Op) -> None:
        paragraph = self.word.add_paragraph()
        label = parse_label(f"{op.marker} x")
        if label and label.value:  # a lettered item: level 2 of the paragraph list
            _num_pr(paragraph._p, self.numbering.paragraphs, 1)
        else:
            _num_pr(paragraph._p, self.numbering.bullets, 0)
        self._runs(paragraph, op.text, op.marks)

    def _write_plain(self, op: Op) -> None:
        paragraph = self.word.add_paragraph()
        if op.text.startswith("["):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self._runs(paragraph, op.text, op.marks)

    def _write_url(self, op: Op) -> None:
        paragraph = self.word.add_paragraph()
        rel_id = self.word.part.relate_to(op.text, RT.HYPERLINK, is_external=True)
        paragraph._p.append(
            parse_xml(
                f'<w:hyperlink {NSDECL} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
                f' r:id="{rel_id}"><w:r><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'
                f"<w:t>{escape(op.text)}</w:t></w:r></w:hyperlink>"
            )
        )

    def _write_annex(self, op: Op) -> None:
        self.word.add_section(WD_SECTION.NEW_PAGE)

    def _write_page_break(self, op: Op) -> None:
        self.word.add_paragraph()._p.append(parse_xml(f'<w:r {NSDECL}><w:br w:type="page"/></w:r>'))

    def _write_table(self, op: Op) -> None:
        annex = op.annex
        columns = annex.table_columns
        recommendations = [r for r in self.doc.recommendations if r.annex == annex.id]
        table = self.word.add_table(rows=1 + len(recommendations), cols=len(columns))
        table.style = self.word.styles["Table Grid"]
        widths = [Cm(5), Cm(8.5), Cm(3)] if len(columns) == 3 else [Cm(6), Cm(10.5)]
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = width
            for cell in column.cells:
                cell.width = width
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {NSDECL}/>"))
        end = -1
        for cell, name in zip(header.cells, columns):
            start, end = end + 1, end + 1 + len(name)  # where the name stands in "A B C"
            marks = [(number, len(name)) for number, offset in op.marks if start < offset <= end]
            self._runs(cell.paragraphs[0], name, marks, bold=True)
        for row, recommendation in zip(table.rows[1:], recommendations):
            self._recommendation_row(row.cells, recommendation)

    def _recommendation_row(self, cells, recommendation) -> None:
        statement = cells[0]
        self._runs(statement.paragraphs[0], f"Recommendation {recommendation.number}:", [], bold=True)
        self._runs(statement.add_paragraph(), recommendation.text, self._table_marks(recommendation))
        num_id = self.numbering.add(ACTION_LIST, restart_levels=(0, 1))
        for index, action in enumerate(recommendation.actions):
            paragraph = cells[1].paragraphs[0] if index == 0 else cells[1].add_paragraph()
            _num_pr(paragraph._p, num_id, 0)
            self._runs(paragraph, action.text, self._table_marks(action))
            for item in action.items:
                paragraph = cells[1].add_paragraph()
                _num_pr(paragraph._p, num_id, 1)
                self._runs(paragraph, item.text, self._table_marks(item))
        if len(cells) > 2:
            related = recommendation.related_recs_note or _related_text(recommendation.related_recs or [])
            self._runs(cells[2].paragraphs[0], related, [])

    def _table_marks(self, unit) -> list[tuple[int, int]]:
        marks = []
        for number in unit.footnotes:
            offset = mark_offset(unit.text, number, self.blocks)
            marks.append((number, len(unit.text) if offset is None else offset))
        return marks

    def _runs(self, paragraph, text: str, marks: list[tuple[int, int]], bold: bool = False) -> None:
        """``text`` as runs, with a footnote reference run at each mark's offset."""
        position = 0
        for number, offset in sorted(marks, key=lambda mark: mark[1]):
            paragraph.add_run(text[position:offset]).bold = bold or None
            self._footnote_reference(paragraph, number)
            position = offset
        paragraph.add_run(text[position:]).bold = bold or None

    def _footnote_reference(self, paragraph, number: int) -> None:
        word_id = self.footnote_ids.setdefault(number, len(self.footnote_ids) + 1)
        paragraph._p.append(
            parse_xml(
                f'<w:r {NSDECL}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:id="{word_id}"/></w:r>'
            )
        )

    # -- parts and section properties

    def _footnotes_part(self) -> None:
        if not self.footnote_ids:
            return
        texts = {footnote.number: footnote.text for footnote in self.doc.footnotes}
        w = f"{{{W_NS}}}"
        root = etree.Element(f"{w}footnotes", nsmap={"w": W_NS})
        for word_id, kind, child in ((-1, "separator", "separator"), (0, "continuationSeparator", "continuationSeparator")):
            note = etree.SubElement(root, f"{w}footnote", {f"{w}type": kind, f"{w}id": str(word_id)})
            etree.SubElement(etree.SubElement(etree.SubElement(note, f"{w}p"), f"{w}r"), f"{w}{child}")
        for number, word_id in self.footnote_ids.items():
            note = etree.SubElement(root, f"{w}footnote", {f"{w}id": str(word_id)})
            paragraph = etree.SubElement(note, f"{w}p")
            etree.SubElement(etree.SubElement(paragraph, f"{w}pPr"), f"{w}pStyle", {f"{w}val": "FootnoteText"})
            mark_run = etree.SubElement(paragraph, f"{w}r")
            etree.SubElement(etree.SubElement(mark_run, f"{w}rPr"), f"{w}rStyle", {f"{w}val": "FootnoteReference"})
            etree.SubElement(mark_run, f"{w}footnoteRef")
            text_run = etree.SubElement(paragraph, f"{w}r")
            run_text = etree.SubElement(text_run, f"{w}t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
            run_text.text = f" {texts[number]}"
        blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, self.word.part.package)
        self.word.part.relate_to(part, RT.FOOTNOTES)
        first_number = min(self.footnote_ids)
        if first_number != 1:  # the seed's footnotes start later: numStart in the section says so
            for section in self.word.sections:
                section._sectPr.insert_element_before(
                    parse_xml(f'<w:footnotePr {NSDECL}><w:numStart w:val="{first_number}"/></w:footnotePr>'),
                    "w:endnotePr", "w:type", "w:pgSz", "w:pgMar",
                )

    def _running_headers(self) -> None:
        for index, section in enumerate(self.word.sections):
            section.page_width, section.page_height = Cm(21), Cm(29.7)
            section.left_margin, section.right_margin = Cm(2.5), Cm(2)
            section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
            section.different_first_page_header_footer = True
            header = section.header
            header.is_linked_to_previous = False
            section.first_page_header.is_linked_to_previous = False
            paragraph = header.paragraphs[0]
            if self.header.running:
                paragraph.add_run(self.header.running)
                paragraph = header.add_paragraph()
            paragraph.add_run("Annex, page " if index else "page ")
            paragraph._p.append(
                parse_xml(f'<w:fldSimple {NSDECL} w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>')
            )
            paragraph.paragraph_format.space_after = Pt(11)
            if index:  # the annex counts its own pages
                section._sectPr.insert_element_before(
                    parse_xml(f'<w:pgNumType {NSDECL} w:start="1"/>'),
                    "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
                    "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
                )

    def _core_properties(self) -> None:
        properties = self.word.core_properties
        properties.author = "samples/build.py"
        properties.last_modified_by = "samples/build.py"
        properties.title = next((line for line in self.header.lines if line.isupper()), self.doc.metadata.title or "")
        properties.created = properties.modified = FIXED_TIME.replace(tzinfo=None)
        properties.revision = 1

    def save(self, path: Path) -> None:
        buffer = io.BytesIO()
        self.word.save(buffer)
        path.write_bytes(_fixed_zip(buffer.getvalue()))


def _related_text(recs: list[str]) -> str:
    """'R1, R2 and R3' as the tables print related RECs."""
    return recs[0] if len(recs) == 1 else f"{', '.join(recs[:-1])} and {recs[-1]}"


def _fixed_zip(data: bytes) -> bytes:
    """The package with fixed member timestamps, so a rebuild gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, date_time=ZIP_TIME), source.read(info.filename),
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# -- driving ------------------------------------------------------------------------------


def build_docx(stem: str) -> Path:
    """Write samples/<stem>.docx from its seed text (samples/<seed>.txt)."""
    header = HEADERS[stem]
    source = extract(SAMPLES / f"{header.seed or stem}.txt")
    doc = build_document(source)
    blocks = recover_footnotes([block for block in source.blocks if block.text or block.role == Role.footnote])
    rendition = Rendition(doc, blocks, header)
    rendition.write(plan(doc, blocks))
    target = SAMPLES / f"{stem}.docx"
    rendition.save(target)
    return target


def ensure_soffice() -> str:
    """The LibreOffice binary, installed with apt-get when missing."""
    found = shutil.which("soffice")
    if found:
        return found
    subprocess.run(["apt-get", "update"], check=True)
    for package in ("libreoffice-writer-nogui", "libreoffice-writer"):
        result = subprocess.run(
            ["apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=600", "--no-install-recommends", package]
        )
        if result.returncode == 0 and shutil.which("soffice"):
            return shutil.which("soffice")
    raise SystemExit("could not install LibreOffice (soffice)")


def convert_to_pdf(soffice: str, docx: Path) -> Path:
    """docx → PDF next to it, with a throw-away LibreOffice profile."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(docx.parent), str(docx)],
            check=True, timeout=300, capture_output=True,
        )
    return docx.with_suffix(".pdf")


def main() -> None:
    soffice = ensure_soffice()
    for stem in HEADERS:
        docx = build_docx(stem)
        pdf = convert_to_pdf(soffice, docx)
        print(f"{docx.name}  {pdf.name}")


if __name__ == "__main__":
    main()
