"""Writes small, valid PDFs by hand so the tests need no third-party PDF writer.

Each page is a list of text lines drawn in Helvetica; an empty page list draws a filled
rectangle instead, which is what a scanned page looks like to a text extractor (marks on the
page, no text layer). The xref table carries real byte offsets, so strict readers accept it.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

PageLines = Sequence[str]


def _escape(text: str) -> bytes:
    raw = text.encode("latin-1", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content_stream(lines: PageLines) -> bytes:
    if not lines:
        # A grey box and no text operators: a page image in all but name.
        return b"q 0.5 g 36 36 540 720 re f Q\n"
    parts = [b"BT /F1 10 Tf 13 TL 40 760 Td"]
    for line in lines:
        parts.append(b"(" + _escape(line) + b") Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts) + b"\n"


def _pdf_string(text: str) -> bytes:
    return b"(" + _escape(text) + b")"


def make_pdf(
    pages: Sequence[PageLines],
    *,
    title: str | None = None,
    creation_date: str | None = None,
    encrypted: bool = False,
    compress: bool = False,
) -> bytes:
    """A PDF with one page per item of ``pages``; each item is that page's lines of text.

    ``creation_date`` is a PDF date string such as ``"D:20260216090000"``. ``encrypted`` adds
    a Standard security handler whose user password is not empty, so no reader can open the
    file without it (the /O and /U entries match no password). ``compress`` Flate-encodes the
    content streams, as real producers do.
    """
    objects: list[bytes] = []  # object n is objects[n - 1]
    page_count = len(pages)
    first_page_obj = 4
    kids = " ".join(f"{first_page_obj + 2 * i} 0 R" for i in range(page_count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {page_count} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, lines in enumerate(pages):
        content_obj = first_page_obj + 2 * i + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_obj} 0 R >>".encode()
        )
        stream = _content_stream(lines)
        extra = b""
        if compress:
            stream = zlib.compress(stream)
            extra = b" /Filter /FlateDecode"
        objects.append(
            b"<< /Length "
            + str(len(stream)).encode()
            + extra
            + b" >>\nstream\n"
            + stream
            + b"\nendstream"
        )
    info_ref = b""
    if title is not None or creation_date is not None:
        info = b"<<"
        if title is not None:
            info += b" /Title " + _pdf_string(title)
        if creation_date is not None:
            info += b" /CreationDate " + _pdf_string(creation_date)
        objects.append(info + b" >>")
        info_ref = f" /Info {len(objects)} 0 R".encode()
    encrypt_ref = b""
    if encrypted:
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /O <"
            + b"11" * 32
            + b"> /U <"
            + b"22" * 32
            + b"> /P -44 >>"
        )
        encrypt_ref = f" /Encrypt {len(objects)} 0 R".encode()
    return _assemble(objects, info_ref + encrypt_ref)


def _assemble(objects: list[bytes], trailer_extra: bytes) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R".encode()
        + trailer_extra
        + b" /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\n"
        + f"startxref\n{xref_at}\n%%EOF\n".encode()
    )
    return bytes(out)


def filler_lines(page_number: int, count: int = 50) -> list[str]:
    """Plausible budget-book prose with no dollar figures, for padding and benchmarks."""
    return [
        f"Page {page_number} line {n}: the department continues its operations within the "
        f"adopted appropriation and reports performance measures for the year."
        for n in range(count)
    ]
