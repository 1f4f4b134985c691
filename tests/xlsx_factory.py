"""Builds small XLSX workbooks from raw sheet XML, for odd and hostile cases (zipfile only).

    book(sheet_data, dimension=None, strings=(), ...) -> bytes

``sheet_data`` is the inside of ``<sheetData>``; the package carries every part a reader
needs (content types, package and workbook relationships), so a reader that refuses the
workbook refuses it for its cells, not for a missing part.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)


def book(
    sheet_data: str,
    *,
    dimension: str | None = None,
    strings: Sequence[str] = (),
    after_data: str = "",
    sheet_rels: str = "",
    date1904: bool = False,
    sheet_name: str = "Sheet1",
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A one-sheet workbook; ``after_data`` follows </sheetData> (merges, hyperlinks)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}" xmlns:r="{_RNS}">'
        f"{dim}<sheetData>{sheet_data}</sheetData>{after_data}</worksheet>"
    )
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    workbook = (
        f'<workbook xmlns="{NS}" xmlns:r="{_RNS}">{pr}<sheets>'
        f'<sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    rels = (
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}worksheet" '
        f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_REL}sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>'
    )
    sst = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    parts = {
        "[Content_Types].xml": _CT.encode(),
        "_rels/.rels": (
            f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_REL}officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": workbook.encode(),
        "xl/_rels/workbook.xml.rels": rels.encode(),
        "xl/sharedStrings.xml": f'<sst xmlns="{NS}">{sst}</sst>'.encode(),
        "xl/worksheets/sheet1.xml": sheet.encode(),
    }
    if sheet_rels:
        parts["xl/worksheets/_rels/sheet1.xml.rels"] = (
            f'<Relationships xmlns="{_PKG}">{sheet_rels}</Relationships>'
        ).encode()
    parts.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    return buf.getvalue()


def link_rel(rid: str, target: str) -> str:
    """A sheet relationship for an external hyperlink."""
    return (
        f'<Relationship Id="{rid}" Type="{_REL}hyperlink" Target="{escape(target)}" '
        'TargetMode="External"/>'
    )


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'
