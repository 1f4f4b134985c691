"""Text out of county documents (PDF, HTML, plain text, CSV, XLSX), bounded in time and memory.

Every reader returns pages of plain text plus notes on anything the reader could not do
(scanned pages, truncation), so a document with no figures can be told apart from one whose
figures could not be read. Documents that cannot be read at all raise ParseError.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from watcher.errors import ParseError

PageProgress = Callable[[int, int], None]  # (pages done, pages in all)

Format = Literal["pdf", "html", "text", "xlsx", "csv"]

DEFAULT_MAX_PAGES = 2000
DEFAULT_MAX_CHARS = 10_000_000  # ~3,000 pages of dense budget-book text
DEFAULT_MAX_MARKUP_BYTES = 8_000_000  # HTML/CSV/text bytes read before parsing
DEFAULT_TIME_BUDGET = 120.0  # seconds for one PDF; checked between pages

_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4"),
        *("h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section"),
        *("table", "tbody", "thead", "tfoot", "tr", "ul", "caption", "title"),
    }
)
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "head")


@dataclass
class ExtractedText:
    """A document's text. ``pages[i]`` is PDF page ``i + 1``, or sheet ``i + 1`` of a
    workbook; HTML, text and CSV have one page. ``notes`` say what could not be read."""

    pages: list[str]
    format: Format
    notes: list[str] = field(default_factory=list)
    title: str | None = None
    date: dt.date | None = None
    pages_without_text: list[int] = field(default_factory=list)  # 1-based, PDFs only

    @property
    def scanned(self) -> bool:
        """True when no page has a text layer: figures may exist but cannot be read."""
        return bool(self.pages) and len(self.pages_without_text) == len(self.pages)


def extract_text(
    data: bytes,
    *,
    content_type: str | None,
    url: str,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_markup_bytes: int = DEFAULT_MAX_MARKUP_BYTES,
    time_budget: float = DEFAULT_TIME_BUDGET,
    progress: PageProgress | None = None,
) -> ExtractedText:
    """Read ``data`` as whatever it is: the bytes decide first, then the content type, then
    the URL's extension (servers often label PDFs ``application/octet-stream``).

    ``progress(done, total)`` is called as PDF pages are read (a budget book of 500 pages
    deserves a progress bar).
    """
    fmt = sniff_format(data, content_type=content_type, url=url)
    if fmt in ("html", "text") and _promises_pdf(content_type, url):
        # A login or error page served at the PDF's address: reading it as "no 287(g) mention"
        # would hide that the document itself was never seen.
        raise ParseError(
            f"expected a PDF ({'Content-Type' if _pdf_type(content_type) else 'the URL'} says "
            f"so) but got {'an HTML page' if fmt == 'html' else 'plain text'}: probably an "
            "error or login page"
        )
    if fmt == "pdf":
        result = _read_pdf(
            data, max_pages=max_pages, max_chars=max_chars, budget=time_budget, progress=progress
        )
    elif fmt == "xlsx":
        result = _read_xlsx(data)
    else:
        notes: list[str] = []
        if len(data) > max_markup_bytes:
            notes.append(f"truncated to the first {max_markup_bytes:,} of {len(data):,} bytes")
            data = data[:max_markup_bytes]
        # Controls out before parsing: lxml refuses to build text nodes that hold them.
        text = _CONTROLS.sub("", _decode(data))
        if fmt != "csv":
            text = _fix_char_per_line(text)
        if fmt == "html":
            result = _read_html(text)
        elif fmt == "csv":
            result = _read_csv(text)
        else:
            result = ExtractedText(pages=[text], format="text", title=_first_line_title(text))
        result.notes[:0] = notes
    # A labelled date in the text ("Meeting Date: ...") is the document's own; file metadata
    # (PDF CreationDate, HTML meta) is often a re-save; a bare date in the text is a last resort.
    _strip_controls(result)
    head = "\n".join(result.pages[:2])[:20_000]
    result.date = (
        document_date_from_text(head, labelled_only=True)
        or result.date
        or document_date_from_text(head)
    )
    return result


# Control characters but tab and newline, DEL, C1 and bidi overrides: they carry no text and
# could drive a terminal or reorder what a reader sees when the text is printed.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _strip_controls(result: ExtractedText) -> None:
    result.pages = [_CONTROLS.sub("", page) for page in result.pages]
    result.notes = [_CONTROLS.sub("", note) for note in result.notes]
    if result.title is not None:
        result.title = _CONTROLS.sub("", result.title)


def _pdf_type(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() in (
        "application/pdf",
        "application/x-pdf",
    )


def _promises_pdf(content_type: str | None, url: str) -> bool:
    return _pdf_type(content_type) or url.lower().split("?")[0].split("#")[0].endswith(".pdf")


def sniff_format(data: bytes, *, content_type: str | None, url: str) -> Format:
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ParseError("legacy OLE document (.xls/.doc): not read; ask for PDF, XLSX or HTML")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    ctype = (content_type or "").split(";")[0].strip().lower()
    path = url.split("?")[0].split("#")[0].lower()
    if stripped.startswith(b"<"):
        return "html"  # also the HTML error page a server sends in place of a CSV
    if ctype == "text/csv" or path.endswith(".csv"):
        return "csv"
    if b"\x00" in head:
        raise ParseError(f"binary document of type {ctype or 'unknown'}: no text to read")
    if ctype in ("application/pdf", "application/x-pdf") or path.endswith(".pdf"):
        raise ParseError("labelled as a PDF but has no %PDF header: corrupt or an error page")
    if "html" in ctype or path.endswith((".htm", ".html", ".aspx", ".cfm")):
        return "html"
    return "text"


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:  # the byte cap cut the last character in half
            return data.decode("utf-8-sig", errors="ignore")
        # County sites still serve Windows-1252.
        return data.decode("cp1252", errors="replace")


def _first_line_title(text: str) -> str | None:
    match = re.search(r"^title:\s*['\"]?(.+?)['\"]?\s*$", text[:5000], re.M)
    if match:
        return match.group(1)
    for line in text[:5000].splitlines():
        line = line.strip().lstrip("#").strip()
        if line and line != "---":
            return line[:200]
    return None


# --- Dates ------------------------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE_FORMS = (
    ("ymd", r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    ("mdy_name", _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"),
    ("dmy_name", r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})"),
    ("mdy", r"(\d{1,2})/(\d{1,2})/(\d{4})"),
)
_DATE_RE = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _DATE_FORMS), re.I)
_DATE_LABEL = re.compile(
    r"\b(?:meeting\s+date|date\s+of\s+meeting|agenda\s+date|date|dated|adopted(?:\s+on)?|"
    r"approved(?:\s+on)?|held\s+on)\s*[:\-]?\s*$",
    re.I,
)


def document_date_from_text(text: str, *, labelled_only: bool = False) -> dt.date | None:
    """The document's date: the first date after a label ("Date:", "Meeting Date",
    "Adopted") or, unless ``labelled_only``, the first plausible date at all."""
    first: dt.date | None = None
    for match in _DATE_RE.finditer(text):
        date = _to_date(match)
        if date is None:
            continue
        if _DATE_LABEL.search(text[max(0, match.start() - 40) : match.start()]):
            return date
        first = first or date
    return None if labelled_only else first


def _to_date(match: re.Match[str]) -> dt.date | None:
    groups = [g for g in match.groups() if g is not None][1:]
    kind = match.lastgroup
    try:
        if kind == "ymd":
            y, m, d = (int(g) for g in groups)
        elif kind == "mdy_name":
            m, d, y = _MONTHS[groups[0][:3].lower()], int(groups[1]), int(groups[2])
        elif kind == "dmy_name":
            d, m, y = int(groups[0]), _MONTHS[groups[1][:3].lower()], int(groups[2])
        else:
            m, d, y = (int(g) for g in groups)
        date = dt.date(y, m, d)
    except (ValueError, KeyError):
        return None
    return date if 1990 <= date.year <= 2100 else None


# --- PDF --------------------------------------------------------------------------------------


def _read_pdf(
    data: bytes,
    *,
    max_pages: int,
    max_chars: int,
    budget: float,
    progress: PageProgress | None = None,
) -> ExtractedText:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ParseError(_pdf_failure(data, str(exc))) from exc
    try:
        total = len(pdf)
        title, meta_date = _pdf_metadata(pdf)
        result = ExtractedText(pages=[], format="pdf", title=title, date=None)
        fast = _pdftotext_pages(data, min(total, max_pages), max_chars=max_chars, budget=budget)
        if fast is not None:
            _take_pages(result, fast, total, max_pages=max_pages, max_chars=max_chars)
            if progress is not None:
                progress(len(result.pages), min(total, max_pages))
        else:
            _read_pdf_pages(
                pdf,
                result,
                total,
                max_pages=max_pages,
                max_chars=max_chars,
                budget=budget,
                progress=progress,
            )
    finally:
        pdf.close()
    if b"%%EOF" not in data[-2048:]:
        result.notes.append("no %%EOF marker: the file looks truncated; text may be incomplete")
    empty = result.pages_without_text
    if empty:
        label = "scanned PDF" if len(empty) == len(result.pages) else "partly scanned PDF"
        shown = ", ".join(map(str, empty[:20])) + (" ..." if len(empty) > 20 else "")
        result.notes.append(
            f"{label}: no text layer on {len(empty)} of {len(result.pages)} pages ({shown}); "
            "figures there cannot be read without OCR"
        )
    result.date = meta_date
    return result


def _pdftotext_pages(data: bytes, pages: int, *, max_chars: int, budget: float) -> list[str] | None:
    """Page texts from poppler's pdftotext, when it is installed: about 3x faster than
    pdfium's text pages on long budget books. None (use pdfium) on any trouble."""
    binary = shutil.which("pdftotext")
    if binary is None or pages == 0:
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as source:
        source.write(data)
        source.flush()
        try:
            done = subprocess.run(
                [binary, "-q", "-enc", "UTF-8", "-eol", "unix", "-l", str(pages), source.name, "-"],
                capture_output=True, timeout=budget, check=False,
            )  # fmt: skip
        except (OSError, subprocess.TimeoutExpired):
            return None
    if done.returncode != 0 or len(done.stdout) > 4 * max_chars:
        return None
    # One form feed after each page: a page's own text never holds one.
    texts = done.stdout.decode("utf-8", "replace").split("\f")
    return texts[:pages] if len(texts) >= pages else None


def _take_pages(
    result: ExtractedText, texts: list[str], total: int, *, max_pages: int, max_chars: int
) -> None:
    chars = 0
    for index, text in enumerate(texts):
        text = _fix_char_per_line(text[: max(0, max_chars - chars)])
        chars += len(text)
        result.pages.append(text)
        if not text.strip():
            result.pages_without_text.append(index + 1)
        if chars >= max_chars:
            result.notes.append(f"stopped at page {index + 1} of {total}: {max_chars:,} chars")
            return
    if total > max_pages:
        result.notes.append(f"truncated to the first {max_pages} of {total} pages")


def _read_pdf_pages(
    pdf: Any,
    result: ExtractedText,
    total: int,
    *,
    max_pages: int,
    max_chars: int,
    budget: float,
    progress: PageProgress | None = None,
) -> None:
    started = time.monotonic()
    chars = 0
    for index in range(min(total, max_pages)):
        if time.monotonic() - started >= budget:
            result.notes.append(f"stopped after {index} of {total} pages: {budget:.0f}s budget")
            return
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            try:
                count = textpage.count_chars()
                # A single page can hold a pathological amount of text; read only what fits.
                text = textpage.get_text_range(0, min(count, max_chars - chars)) if count else ""
            finally:
                textpage.close()
        finally:
            page.close()
        chars += len(text)
        text = _fix_char_per_line(text.replace("\r\n", "\n").replace("\r", "\n"))
        result.pages.append(text)
        if not text.strip():
            result.pages_without_text.append(index + 1)
        if progress is not None:
            progress(index + 1, min(total, max_pages))
        if chars >= max_chars:
            result.notes.append(f"stopped at page {index + 1} of {total}: {max_chars:,} chars")
            return
    if total > max_pages:
        result.notes.append(f"truncated to the first {max_pages} of {total} pages")


def _pdf_failure(data: bytes, message: str) -> str:
    lowered = message.lower()
    if "password" in lowered or b"/Encrypt" in data[-4096:]:
        return "encrypted PDF: it needs a password to open, so its text cannot be read"
    if b"%%EOF" not in data[-2048:]:
        return f"truncated PDF ({len(data):,} bytes, no %%EOF marker): {message}"
    return f"corrupt PDF: {message}"


def _pdf_metadata(pdf: Any) -> tuple[str | None, dt.date | None]:
    try:
        meta = pdf.get_metadata_dict()
    except Exception:  # pdfium raises plain errors on broken Info dicts; metadata is optional
        return None, None
    title = (meta.get("Title") or "").strip() or None
    match = re.match(r"D:(\d{4})(\d{2})(\d{2})", meta.get("CreationDate") or "")
    date = None
    if match:
        try:
            date = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            date = None
    return title, date


def _fix_char_per_line(text: str) -> str:
    """Laserfiche WebLink pages put one character per line (a blank line between words);
    rejoin them, or no phrase can match."""
    lines = text.split("\n", 2000)[:2000]  # sample the head: cheap on huge documents
    filled = [line for line in lines if line.strip()]
    if len(filled) < 20 or sum(len(line.strip()) == 1 for line in filled) < 0.6 * len(filled):
        return text
    joined = "".join(line.strip() if line.strip() else " " for line in text.split("\n"))
    return re.sub(r" {2,}", " ", joined)


# --- HTML -------------------------------------------------------------------------------------


def _read_html(text: str) -> ExtractedText:
    from lxml import etree
    from lxml import html as lxml_html

    # lxml refuses str input that declares an encoding; we already decoded it.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if not text.strip():
        return ExtractedText(pages=[""], format="html", notes=["empty HTML document"])
    parser = lxml_html.HTMLParser()
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"unreadable HTML: {exc}") from exc
    # libxml2 stops at a resource limit (elements nested 256 deep) and keeps what it had:
    # everything after that point would be lost without a word.
    fatal = [e for e in parser.error_log if e.level_name == "FATAL"]
    if fatal:
        raise ParseError(f"HTML the parser had to give up on: {fatal[0].message}")
    title_el = root.find(".//title")
    title = title_el.text_content().strip() if title_el is not None else None
    meta_date = _html_meta_date(root)
    for el in list(root.iter(*_DROP_TAGS)):
        el.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
        elif el.tag in ("td", "th"):
            el.tail = " | " + (el.tail or "")
    body = root.text_content()
    body = re.sub(r"[ \t\u00a0]+", " ", body)
    body = re.sub(r" ?\| ?\n", "\n", body)
    body = re.sub(r"\n\s*\n\s*(\n\s*)+", "\n\n", body).strip()
    return ExtractedText(pages=[body], format="html", title=title or None, date=meta_date)


def _html_meta_date(root: Any) -> dt.date | None:
    names = ("date", "dc.date", "dcterms.date", "article:published_time", "pubdate")
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key in names:
            match = re.match(r"(\d{4})-(\d{2})-(\d{2})", meta.get("content") or "")
            if match:
                try:
                    return dt.date(*(int(g) for g in match.groups()))
                except ValueError:
                    continue
    return None


# --- Tables (CSV, XLSX) -----------------------------------------------------------------------


def render_rows(rows: Iterable[Sequence[object]]) -> str:
    """One line per row, cells joined by " | ". Data cells carry their column header
    ("FY 2025-26 Budget: 302500") so a figure keeps its year and kind once the row is cut
    out of the table."""
    header: list[str] | None = None
    lines: list[str] = []
    for row in rows:
        cells = [_cell_text(c) for c in row]
        if not any(cells):
            continue
        if (
            header is None
            and sum(bool(c) for c in cells) >= 2
            and not any(_is_number(c) for c in cells)
        ):
            header = cells
            lines.append(" | ".join(c for c in cells if c))
            continue
        out = []
        for i, cell in enumerate(cells):
            if not cell:
                continue
            name = header[i] if header is not None and i < len(header) else ""
            out.append(f"{name}: {cell}" if name and _is_number(cell) else cell)
        lines.append(" | ".join(out))
    return "\n".join(lines)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    return " ".join(str(value).split())


def _is_number(cell: str) -> bool:
    return bool(re.fullmatch(r"[-(]?\$?[\d,]+(\.\d+)?\)?", cell))


def _read_csv(text: str) -> ExtractedText:
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    notes: list[str] = []
    rows: list[list[str]] = []
    try:
        rows.extend(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        notes.append(f"CSV read stopped at row {len(rows) + 1}: {exc}")
    return ExtractedText(pages=[render_rows(rows)], format="csv", notes=notes)


def _read_xlsx(data: bytes) -> ExtractedText:
    from watcher.formats.xlsx_book import read_sheets
    from watcher.formats.xlsx_extent import DOCUMENT_CAPS

    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ParseError(f"corrupt or truncated ZIP/XLSX file: {exc}") from exc
    if "xl/workbook.xml" not in names:
        raise ParseError("a ZIP archive that is not an XLSX workbook (DOCX and others not read)")
    notes: list[str] = []
    # One page per worksheet, so a figure's page is its sheet; each sheet's cells are let go
    # once rendered.
    sheets = [(name, render_rows(rows)) for name, rows in read_sheets(data, DOCUMENT_CAPS, notes)]
    return ExtractedText(
        pages=[text for _, text in sheets], format="xlsx", notes=notes, title=sheets[0][0] or None
    )
