"""Hypothesis strategies that mutate real inputs, and the rule every result obeys.

Text: lines of the seed texts deleted, duplicated, or with labels, huge numbers
and control characters inserted. DOCX: the body XML of a seed DOCX mutated
element by element (deleted, duplicated, attributes set to odd values, odd
symbols and deep nesting inserted). PDF: the objects of a hand-made PDF mutated
(numbers replaced by odd ones, objects dropped or swapped, the page tree nested).

``check_file`` is the rule: a valid model (JSON and XML validate against the
committed schemas) or a documented ``CwsError`` that is neither an internal
error nor a timeout.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree

from pipeline.api import extract_document, render
from pipeline.errors import CwsError, ExtractionTimeout, InternalError
from pipeline.schemas import validate_json, validate_xml
from pipeline.textnorm import valid_text
from tests.hand_pdf import FONT, pdf_from_objects, stream, text_content

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED_LINES = {path.name: path.read_text(encoding="utf-8").splitlines() for path in sorted(SAMPLES.glob("*.txt"))}
SEED_DOCX = SAMPLES / "c_cws_151.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

LABELS = ["1.", "12.", "(a)", "(iv)", "•", "ANNEX", "ANNEX II", "Recommendation 3:", "R1 and R2", "[Annex follows]",
          "[End of document]", "CWS/12/22", "[footnoteRef:1]", "[1: A note.]", "paragraphs 10 to 2", "Twelfth Session"]
ODD_CHARACTERS = ["\x00", "\x01", "\x0b", "\x1b[0m", "\ufffe", "\uffff", "\ufdd0", "\u200b", "\u00ad", "\U0010ffff", "\t"]
ODD_VALUES = ["-1", "0", "9" * 12, "9" * 5000, "1e400", "nan", "", " ", "abc", "²", "%1%2%3%4%5%6%7%8%9", "D800"]
ODD_PDF_NUMBERS = [b"-1", b"0", b"99999999999", b"9" * 400 + b".0", b"1e400", b"/Name", b"()", b"[]", b"null"]


def huge_number() -> st.SearchStrategy[str]:
    return st.integers(min_value=1, max_value=5000).map(lambda digits: "9" * digits)


_INSERT = st.one_of(st.sampled_from(LABELS), huge_number(), st.sampled_from(ODD_CHARACTERS))


@st.composite
def mutated_text(draw) -> str:
    """A window of a seed text with lines deleted, duplicated and inserted."""
    lines = draw(st.sampled_from(sorted(SEED_LINES)).map(SEED_LINES.get))
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    lines = list(lines[start : start + draw(st.integers(1, 80))])
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["delete", "duplicate", "insert line", "insert inline"]))
        if action == "delete" and lines:
            del lines[min(at, len(lines) - 1)]
        elif action == "duplicate" and lines:
            line = lines[min(at, len(lines) - 1)]
            lines[at:at] = [line] * draw(st.integers(1, 50))
        elif action == "insert line":
            lines.insert(at, draw(_INSERT))
        elif lines:
            index = min(at, len(lines) - 1)
            cut = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:cut] + draw(_INSERT) + lines[index][cut:]
    return "\n".join(lines) + "\n"


@st.composite
def mutated_docx(draw) -> bytes:
    """The seed DOCX with its document.xml mutated element by element."""
    with zipfile.ZipFile(SEED_DOCX) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    elements = list(root.iter(f"{W}p", f"{W}r", f"{W}t", f"{W}tbl", f"{W}tc", f"{W}numPr", f"{W}pStyle", f"{W}ilvl"))
    for _ in range(draw(st.integers(1, 8))):
        element = draw(st.sampled_from(elements))
        parent = element.getparent()
        action = draw(st.sampled_from(["delete", "duplicate", "attribute", "text", "symbol", "nest"]))
        if action == "delete" and parent is not None and element in parent:
            parent.remove(element)
        elif action == "duplicate" and parent is not None and element in parent:
            for _ in range(draw(st.integers(1, 20))):
                parent.insert(parent.index(element), etree.fromstring(etree.tostring(element)))
        elif action == "attribute":
            element.set(f"{W}val", draw(st.sampled_from(ODD_VALUES)))
        elif action == "text" and element.tag == f"{W}t":  # XML cannot hold controls: those come as symbols
            element.text = (element.text or "") + valid_text(draw(_INSERT))[0].replace("\ufffd", "")
        elif action == "symbol":
            symbol = etree.SubElement(element, f"{W}sym")
            symbol.set(f"{W}char", draw(st.sampled_from(ODD_VALUES + ["110000", "DFFF", "F0B7", "0009"])))
        elif action == "nest" and parent is not None and element in parent:
            holder = element
            for _ in range(draw(st.integers(1, 150))):
                wrapper = etree.Element(f"{W}sdt")
                content = etree.SubElement(wrapper, f"{W}sdtContent")
                holder.getparent().replace(holder, wrapper)
                content.append(holder)
                holder = wrapper
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


_NUMBER = re.compile(rb"(?<![/\w.])-?\d+(?:\.\d+)?(?![\w.])")


@st.composite
def mutated_pdf(draw) -> bytes:
    """A hand-made one-page PDF with its objects mutated."""
    lines = draw(st.sampled_from(sorted(SEED_LINES)).map(SEED_LINES.get))[:40]
    content = text_content(*(line.encode("latin-1", "replace").decode("latin-1") for line in lines))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content),
        FONT,
    ]
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(objects) - 1))
        action = draw(st.sampled_from(["number", "drop", "swap", "truncate", "nest", "content"]))
        if action == "number":
            numbers = list(_NUMBER.finditer(objects[index]))
            if numbers:
                hit = draw(st.sampled_from(numbers))
                value = draw(st.sampled_from(ODD_PDF_NUMBERS))
                objects[index] = objects[index][: hit.start()] + value + objects[index][hit.end() :]
        elif action == "drop":
            objects[index] = b"null"
        elif action == "swap":
            other = draw(st.integers(0, len(objects) - 1))
            objects[index], objects[other] = objects[other], objects[index]
        elif action == "truncate":
            objects[index] = objects[index][: draw(st.integers(0, len(objects[index])))]
        elif action == "nest":
            depth = draw(st.integers(1, 3000))
            first = len(objects) + 1
            for level in range(depth):
                target = first + level + 1 if level < depth - 1 else 3
                objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % target)
            objects[0] = b"<< /Type /Catalog /Pages %d 0 R >>" % first
        else:
            ops = draw(st.lists(st.sampled_from([b"BT", b"ET", b"(x) Tj", b"1 0 0 1 0 0 Tm", b"/F1 0 Tf", b"q", b"Q",
                                                 b"9999999 TL", b"T*", b"[(a) -99999 (b)] TJ", b"1e400 0 Td"]),
                                max_size=200))
            objects[3] = stream(content + b"\n" + b"\n".join(ops))
    return pdf_from_objects(objects)


def check_file(path: Path) -> str:
    """'read' or the name of the typed refusal, after checking the rule."""
    try:
        document = extract_document(path)
    except CwsError as error:
        assert not isinstance(error, (InternalError, ExtractionTimeout)), str(error)
        assert "\n" not in str(error)
        return type(error).__name__
    validate_json(render(document, "json"), str(path))
    validate_xml(render(document, "xml"), str(path))
    return "read"
