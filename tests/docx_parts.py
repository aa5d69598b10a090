"""Small hand-written DOCX packages for the DOCX tests: only the parts a test needs."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:mc="{MC_NS}"'
_REL_TYPES = {
    "styles": "styles.xml",
    "numbering": "numbering.xml",
    "footnotes": "footnotes.xml",
    "endnotes": "endnotes.xml",
    "settings": "settings.xml",
    "comments": "comments.xml",
    "header": "header1.xml",
}


def p(text: str = "", num: int | None = None, ilvl: int | None = None, style: str | None = None, extra: str = "") -> str:
    """A paragraph with optional direct numbering (numId, ilvl) and style."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None or ilvl is not None:
        level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        number = f'<w:numId w:val="{num}"/>' if num is not None else ""
        props += f"<w:numPr>{level}{number}</w:numPr>"
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{props}</w:pPr>{run}{extra}</w:p>"


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, inner: str = "") -> str:
    """One numbering level."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text)}"/>{inner}</w:lvl>'
    )


def numbering(abstracts: dict[int, str], nums: dict[int, tuple[int, str]]) -> str:
    """numbering.xml from abstractNum id → levels and numId → (abstractNum id, overrides)."""
    parts = [f'<w:abstractNum w:abstractNumId="{key}">{levels}</w:abstractNum>' for key, levels in abstracts.items()]
    parts += [
        f'<w:num w:numId="{key}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>'
        for key, (abstract, overrides) in nums.items()
    ]
    return f'<w:numbering {_NS}>{"".join(parts)}</w:numbering>'


def style(style_id: str, ppr: str = "", based_on: str | None = None, kind: str = "paragraph", name: str | None = None) -> str:
    """One style element."""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name or style_id}"/>{base}'
        f"<w:pPr>{ppr}</w:pPr></w:style>"
    )


def styles(*items: str) -> str:
    return f'<w:styles {_NS}>{"".join(items)}</w:styles>'


def write_docx(path: Path, body: str, **parts: str) -> Path:
    """A .docx at ``path`` whose body is ``body``; ``parts`` name related parts
    (styles, numbering, footnotes, endnotes, settings, comments, header) by their XML."""
    rels = "".join(
        f'<Relationship Id="rId{index}" Type="{R_NS}/{kind}" Target="{_REL_TYPES[kind]}"/>'
        for index, kind in enumerate(parts, start=1)
    )
    relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
        )
        package.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{relationships}"><Relationship Id="rId1" '
            f'Type="{R_NS}/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        package.writestr("word/_rels/document.xml.rels", f'<Relationships xmlns="{relationships}">{rels}</Relationships>')
        package.writestr("word/document.xml", f'<w:document {_NS}><w:body>{body}</w:body></w:document>')
        for kind, xml in parts.items():
            package.writestr(f"word/{_REL_TYPES[kind]}", xml)
    return path


def wrap(root: str, content: str) -> str:
    """A part's root element ``w:<root>`` around ``content``, with the namespaces."""
    return f"<w:{root} {_NS}>{content}</w:{root}>"
