"""DOCX extractor: the body of a Word document as blocks, read with lxml.

Reads the main document part in reading order: paragraphs, tables (cell by cell,
row by row, nested tables and merged cells included), content controls
(``w:sdt``) and text boxes. Each block carries the number Word's automatic
numbering prints before it (``label``), a role hint (heading from the outline
level of its style, table cell, list item), footnote marks, and its provenance
(paragraph index in the document, and table, row and grid column for cells).
Headers, footers and comments are separate parts and are not read; tracked
changes read as accepted.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from extractors.blocks import Block, FootnoteMark, Role, SourceDocument
from extractors.docx_footnotes import Notes, first_number
from extractors.docx_numbering import Numbering
from extractors.docx_styles import W, Styles, heading_level, w_int, w_val
from extractors.docx_text import MC, inline_text
from extractors.files import ZIP_MAGIC, read_bytes, require_format, sha256_hex
from pipeline import limits
from pipeline.errors import CorruptDocument, EmptyDocument, EncryptedDocument, TooLarge, UnsupportedFormat
from pipeline.model import Provenance

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1024 * 1024
_RATIO_CHECKED_FROM = 16 * 1024 * 1024  # small packages of plain XML may compress very well
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_STRICT_NAMESPACES = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ),
}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
_CONTAINERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo", f"{W}smartTag"}
_OTHER_OFFICE_PARTS = {"xl/workbook.xml": "an Excel workbook", "ppt/presentation.xml": "a PowerPoint presentation"}


def extract(path: Path) -> SourceDocument:
    """Read a .docx file into blocks; typed errors for bad input."""
    data = read_bytes(path)
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise EncryptedDocument("this Word document is password-protected; save it without a password", str(path))
        raise UnsupportedFormat("this is a Word 97-2003 (.doc) file; save it as .docx first", str(path))
    if path.name.startswith("~$") and not data.startswith(ZIP_MAGIC):
        raise UnsupportedFormat("this is Word's lock file for an open document, not a document", str(path))
    require_format(path, data, "zip")
    package = _Package(data, path)
    document = package.main_part()
    body = document.find(f"{W}body")
    if body is None:
        raise CorruptDocument("word/document.xml has no body", str(path))
    styles = Styles(package.related("styles"))
    notes = Notes(package.related("footnotes"), package.related("endnotes"), first_number(package.related("settings"), body))
    reader = _BodyReader(Numbering(package.related("numbering"), styles), styles, notes)
    reader.container(body, None)
    blocks = reader.blocks + notes.blocks()
    if not any(block.text for block in blocks):
        raise EmptyDocument("the document opens but holds no text", str(path))
    return SourceDocument(file_name=path.name, format="docx", sha256=sha256_hex(data), blocks=blocks)


class _Package:
    """The parts of an OPC package, found through its relationships."""

    def __init__(self, data: bytes, path: Path):
        self.path = path
        self.limits = limits.current()
        self.compressed_size = len(data)
        self.inflated = 0  # bytes inflated so far, over all parts
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.names = set(self.zip.namelist())
        except (zipfile.BadZipFile, ValueError, OSError) as error:
            raise CorruptDocument(f"not a readable ZIP package ({error}); the file is damaged or truncated", str(path)) from None
        self.main_name = self._main_name()
        self.relationships = self._relationships(self.main_name)

    def _main_name(self) -> str:
        targets = [target for kind, target in self._relationships("").items() if kind == "officeDocument"]
        name = targets[0] if targets else "word/document.xml"
        if name not in self.names:
            for other, described in _OTHER_OFFICE_PARTS.items():
                if other in self.names:
                    raise UnsupportedFormat(f"this is {described}, not a Word document", str(self.path))
            raise UnsupportedFormat("a ZIP file without word/document.xml: not a Word document", str(self.path))
        return name

    def _relationships(self, part: str) -> dict[str, str]:
        """Relationship type (last path segment) → target part name, for ``part``."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels_name not in self.names:
            return {}
        found: dict[str, str] = {}
        for rel in self._parse(rels_name).iter(f"{_REL}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.setdefault(kind, name)
        return found

    def main_part(self) -> etree._Element:
        return self._parse(self.main_name)

    def related(self, kind: str) -> etree._Element | None:
        """The main part's related part of this type (styles, numbering, footnotes…), if any."""
        name = self.relationships.get(kind)
        return self._parse(name) if name in self.names else None

    def _parse(self, name: str) -> etree._Element:
        data = self._inflate(name)
        for strict, transitional in _STRICT_NAMESPACES.items():  # Strict OOXML: same vocabulary
            data = data.replace(strict, transitional)
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as error:
            if "Excessive depth" in str(error):  # libxml2's own bound, 256 levels
                raise self._too_deep(name) from None
            raise CorruptDocument(f"{name} is not well-formed XML ({error})", str(self.path)) from None
        if root.xpath(_deeper_than(self.limits.max_nesting)):
            raise self._too_deep(name)
        return root

    def _too_deep(self, name: str) -> TooLarge:
        return TooLarge(
            f"{name} nests elements over {self.limits.max_nesting} levels deep (CWS_MAX_NESTING); refusing", str(self.path)
        )

    def _inflate(self, name: str) -> bytes:
        """The part's bytes, counted while inflating: the sizes a ZIP header claims
        are not trusted, so a bomb stops at the limit, not after it."""
        info = self.zip.getinfo(name)
        if info.flag_bits & 0x1:
            raise EncryptedDocument(f"{name} is encrypted; save the document without a password", str(self.path))
        chunks = []
        size = 0
        try:
            with self.zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    self.inflated += len(chunk)
                    self._check_sizes(name, size)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as error:
            raise CorruptDocument(f"cannot unpack {name} ({error})", str(self.path)) from None
        return b"".join(chunks)

    def _check_sizes(self, name: str, size: int) -> None:
        limit = self.limits
        where = str(self.path)
        if size > limit.max_xml_part:
            raise TooLarge(f"{name} unpacks to over {limit.max_xml_part:,} bytes (CWS_MAX_XML_PART); refusing", where)
        if self.inflated > limit.max_docx_uncompressed:
            raise TooLarge(
                f"the package unpacks to over {limit.max_docx_uncompressed:,} bytes (CWS_MAX_DOCX_UNCOMPRESSED); refusing",
                where,
            )
        if self.inflated > _RATIO_CHECKED_FROM and self.inflated > limit.max_docx_ratio * self.compressed_size:
            raise TooLarge(
                f"the package unpacks to over {limit.max_docx_ratio} times its size (CWS_MAX_DOCX_RATIO): "
                "a ZIP bomb; refusing",
                where,
            )


def _deeper_than(levels: int) -> str:
    """An XPath true when an element lies more than ``levels`` below the root:
    one step per level, each node visited once."""
    return "boolean(" + "*/" * levels + "*)"


class _BodyReader:
    """Walks the body in reading order, numbering paragraphs as Word does."""

    def __init__(self, numbering: Numbering, styles: Styles, notes: Notes):
        self.numbering = numbering
        self.styles = styles
        self.notes = notes
        self.blocks: list[Block] = []
        self.paragraph_count = 0
        self.table_count = 0

    def container(self, element: etree._Element, cell: tuple[int, int, int] | None) -> None:
        """Paragraphs and tables of a body, cell, content control or text box."""
        for child in element:
            if child.tag == f"{W}p":
                self.paragraph(child, cell)
            elif child.tag == f"{W}tbl":
                self.table(child)
            elif child.tag in _CONTAINERS:
                self.container(child, cell)
            elif child.tag == f"{MC}AlternateContent":
                chosen = child.find(f"{MC}Choice")
                if chosen is not None:
                    self.container(chosen, cell)

    def table(self, table: etree._Element) -> None:
        index = self.table_count
        self.table_count += 1
        for row_index, row in enumerate(_children(table, "tr")):
            if row.find(f"{W}trPr/{W}del") is not None:
                continue
            column = 0
            for cell in _children(row, "tc"):
                self.container(cell, (index, row_index, column))
                column += max(1, w_int(cell.find(f"{W}tcPr/{W}gridSpan"), 1))

    def paragraph(self, paragraph: etree._Element, cell: tuple[int, int, int] | None) -> None:
        index = self.paragraph_count
        self.paragraph_count += 1
        content = inline_text(paragraph)
        deleted = paragraph.find(f"{W}pPr/{W}rPr/{W}del") is not None and not content.text
        numbered = None if deleted else self.numbering.label(paragraph)  # a deleted paragraph is not counted
        table, row, column = cell or (None, None, None)
        provenance = Provenance(paragraph_index=index, table=table, row=row, column=column)
        marks = []
        for kind, note_id, offset in content.references:
            number = self.notes.number(kind, note_id, provenance)
            if number is not None:
                marks.append(FootnoteMark(number=number, offset=offset))
        if content.text:
            outline = self._outline_level(paragraph)
            label, level = (numbered[0] or None, numbered[1] + 1) if numbered else (None, None)
            if cell:
                role = Role.table_cell
            elif outline is not None:
                role, level = Role.heading, outline + 1
            else:
                role = Role.list_item if label else Role.paragraph
            self.blocks.append(
                Block(text=content.text, provenance=provenance, role=role, label=label, level=level, marks=tuple(marks))
            )
        for box in content.boxes:
            self.container(box, cell)

    def _outline_level(self, paragraph: etree._Element) -> int | None:
        own = paragraph.find(f"{W}pPr/{W}outlineLvl")
        if own is not None:
            return heading_level(own)
        return self.styles.outline_level(w_val(paragraph.find(f"{W}pPr/{W}pStyle")))


def _children(element: etree._Element, name: str):
    """Children named ``w:name``, also those wrapped in content controls or custom XML."""
    for child in element:
        if child.tag == f"{W}{name}":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, name)
