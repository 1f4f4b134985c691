"""A minimal, fast and defensive XLSX reader written directly on the OOXML parts.

Only what ICE's lists need: the first worksheet's cell values (shared strings with rich-text
runs, inline strings, numbers, booleans, errors) and its external hyperlinks. Styles are not
read: the caller knows which column holds dates and converts serials itself, honouring
``Sheet.date1904``.

Every failure (not a zip, truncated zip, oversized member, malformed XML, missing part) is
raised as :class:`~watcher.errors.ParseError` with a message that says what was wrong.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import posixpath
import re
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

CalamineWorkbook: Any  # tests set this to None to pin the pure-Python reader
try:
    from python_calamine import CalamineWorkbook
except ImportError:  # pragma: no cover - calamine is a dependency; the Python reader remains
    CalamineWorkbook = None

from watcher.errors import ParseError  # noqa: E402  (after the optional import above)

CellValue = str | float | bool | dt.date | None

MAX_MEMBER_BYTES = 64 * 1024 * 1024  # per decompressed zip member
MAX_ROWS = 1_048_576  # Excel's own limits: anything beyond is junk, not a sheet
MAX_COLS = 16_384
_CHUNK = 1 << 20

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_T, _R = _NS + "t", _NS + "r"
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")

# No entities, no network, no unbounded trees: the workbook comes from the web.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
)


@dataclass
class Sheet:
    """The first worksheet. ``rows[i][j]`` is the cell in sheet row ``i + 1``, column ``j``
    (0 = A); rows are padded so the index is the position. ``hyperlinks[(i, j)]`` is the
    external target of that cell's hyperlink."""

    name: str
    rows: list[list[CellValue]]
    hyperlinks: dict[tuple[int, int], str] = field(default_factory=dict)
    date1904: bool = False


def read_first_sheet(data: bytes) -> Sheet:
    """Read the first worksheet of an XLSX workbook given as bytes."""
    zf = _open_zip(data)
    with zf:
        names = {n.lower(): n for n in zf.namelist()}
        workbook = _xml(zf, names, "xl/workbook.xml")
        wb_rels = _rels(zf, names, "xl/_rels/workbook.xml.rels")
        sheet_name, sheet_path = _first_sheet(workbook, wb_rels)
        real = names.get(sheet_path.lower())
        if real is None:
            raise ParseError(f"not an xlsx workbook: worksheet {sheet_path} is missing")
        sheet = _sheet_text(_read_member(zf, real))
        rows = _calamine_rows(data, zf, sheet_name) or _read_rows(
            sheet, _shared_strings(zf, names, wb_rels)
        )
        links = _hyperlinks(zf, names, sheet, sheet_path, rows)
    pr = workbook.find(_NS + "workbookPr")
    date1904 = pr is not None and pr.get("date1904", "").lower() in ("1", "true")
    return Sheet(name=sheet_name, rows=rows, hyperlinks=links, date1904=date1904)


def _calamine_rows(data: bytes, zf: zipfile.ZipFile, sheet_name: str) -> list[list[CellValue]]:
    """Cell values read by calamine (Rust), several times faster than any Python scan.

    Only after every member was checked against the size cap, so calamine never inflates a
    bomb; on any surprise the caller falls back to the pure-Python reader, whose errors are
    the clear ones. Row i of the result is sheet row i + 1, as the hyperlink refs expect.
    """
    future = _PREFETCHED.pop(data, None)
    name, values = future.result() if future is not None else _calamine_first_sheet(data, zf)
    if name != sheet_name or not values:
        return []
    # With skip_empty_area=False the values start at A1, so indexes are sheet positions.
    # Empty cells are '' to calamine and None to the rest of the parser.
    return [[None if v == "" else v for v in row] for row in values]


def _calamine_first_sheet(
    data: bytes, zf: zipfile.ZipFile | None = None
) -> tuple[str | None, list[list[Any]]]:
    if CalamineWorkbook is None:
        return None, []
    try:
        zf = zf or zipfile.ZipFile(io.BytesIO(data))
        if any(info.file_size > MAX_MEMBER_BYTES for info in zf.infolist()):
            return None, []
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        values = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        return str(book.sheet_names[0]), values
    except Exception:  # calamine's own error types vary by version: fall back, never crash
        return None, []


_PREFETCHED: dict[bytes, Future[tuple[str | None, list[list[Any]]]]] = {}
_PREFETCHER: ThreadPoolExecutor | None = None


def prefetch(data: bytes) -> None:
    """Start reading a workbook's cell values in a background thread.

    calamine releases the GIL, so a backfill reads the next list while Python applies this
    one. At most a couple are held: an unclaimed one is dropped, never read twice.
    """
    global _PREFETCHER
    if CalamineWorkbook is None or not data.startswith(b"PK"):
        return
    if _PREFETCHER is None:
        _PREFETCHER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xlsx-prefetch")
    while len(_PREFETCHED) >= 2:
        _PREFETCHED.pop(next(iter(_PREFETCHED))).cancel()
    _PREFETCHED[data] = _PREFETCHER.submit(_calamine_first_sheet, data)


def _open_zip(data: bytes) -> zipfile.ZipFile:
    if not data:
        raise ParseError("not an xlsx workbook: the body is empty")
    if not data.startswith(b"PK"):
        head = data[:15].decode("utf-8", "replace").strip()
        raise ParseError(f"not an xlsx workbook: body starts with {head!r}")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ParseError(f"truncated workbook: {exc} ({len(data)} bytes)") from exc


def _read_member(zf: zipfile.ZipFile, name: str) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > MAX_MEMBER_BYTES:
        raise ParseError(
            f"workbook member {name} declares {info.file_size} bytes, over the "
            f"{MAX_MEMBER_BYTES}-byte cap (zip bomb?)"
        )
    chunks: list[bytes] = []
    total = 0
    try:
        with zf.open(info) as fh:
            # Read in chunks: a lying header must not make us inflate gigabytes first.
            while chunk := fh.read(_CHUNK):
                total += len(chunk)
                if total > MAX_MEMBER_BYTES:
                    raise ParseError(
                        f"workbook member {name} decompresses past the "
                        f"{MAX_MEMBER_BYTES}-byte cap (zip bomb?)"
                    )
                chunks.append(chunk)
    except ParseError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
        raise ParseError(f"truncated workbook: cannot read {name}: {exc}") from exc
    except Exception as exc:  # zlib.error and friends: the member is corrupt
        raise ParseError(f"truncated workbook: cannot read {name}: {exc}") from exc
    return b"".join(chunks)


def _xml(zf: zipfile.ZipFile, names: dict[str, str], path: str) -> Any:
    real = names.get(path.lower())
    if real is None:
        raise ParseError(f"not an xlsx workbook: part {path} is missing")
    try:
        return etree.fromstring(_read_member(zf, real), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"malformed workbook: {path} is not well-formed XML: {exc}") from exc


# Excel's own attribute order, scanned in one C pass; anything else takes the general pattern.
_REL_EXCEL = re.compile(r'<Relationship Id="([^"]*)" Type="(?:[^"]*/)?([^"/]*)" Target="([^"]*)"')
_REL = re.compile(
    r'<(?:\w+:)?Relationship\b(?=[^>]*?\sId="([^"]*)")(?=[^>]*?\sType="(?:[^"]*/)?([^"/]*)")?'
    r'(?=[^>]*?\sTarget="([^"]*)")?'
)


def _rels(zf: zipfile.ZipFile, names: dict[str, str], path: str) -> dict[str, tuple[str, str]]:
    """rId -> (type suffix, target) for a .rels part; empty when the part is absent.

    A flat list of empty elements, scanned with a pattern: the sheet's hyperlink rels run to
    hundreds of kilobytes and a tree costs several milliseconds.
    """
    real = names.get(path.lower())
    if real is None:
        return {}
    return _rels_of(_sheet_text(_read_member(zf, real)))


# Consecutive ICE lists mostly carry the very same links part (84 distinct among 374 lists of
# 2025): parse each text once. Callers only read the dict.
@functools.lru_cache(maxsize=8)
def _rels_of(text: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    found = _REL_EXCEL.findall(text)
    if len(found) != text.count("<Relationship "):
        found = _REL.findall(text)
    for rid, kind, target in found:
        out[rid] = (kind, _unescape(target))
    return out


def _resolve(base_dir: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base_dir, target))


def _first_sheet(workbook: Any, rels: dict[str, tuple[str, str]]) -> tuple[str, str]:
    sheet = workbook.find(f"{_NS}sheets/{_NS}sheet")
    if sheet is None:
        raise ParseError("not an xlsx workbook: xl/workbook.xml lists no sheet")
    rid = sheet.get(_NS_R + "id", "")
    if rid not in rels:
        raise ParseError(f"not an xlsx workbook: sheet relationship {rid!r} is missing")
    return sheet.get("name", ""), _resolve("xl", rels[rid][1])


def _text(node: Any) -> str:
    """Text of an <si> or <is>: a plain <t>, or rich-text runs <r><t>; phonetic <rPh> skipped."""
    parts: list[str] = []
    for child in node:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _R:
            t = child.find(_T)
            if t is not None:
                parts.append(t.text or "")
    text = "".join(parts)
    if "_x" in text:
        text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


def _shared_strings(
    zf: zipfile.ZipFile, names: dict[str, str], rels: dict[str, tuple[str, str]]
) -> list[str]:
    path = next((_resolve("xl", t) for k, t in rels.values() if k == "sharedStrings"), None)
    if path is None or path.lower() not in names:
        path = "xl/sharedStrings.xml"
        if path.lower() not in names:
            return []
    real = names[path.lower()]
    text = _sheet_text(_read_member(zf, real))
    found = _SI.findall(text)
    if len(found) == text.count("<si>"):  # Excel's own markup: one C pass
        return [_unescape(a or b) if not rich else _rich(rich) for a, b, rich in found]
    try:
        root = etree.fromstring(text.encode(), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"malformed workbook: {path} is not well-formed XML: {exc}") from exc
    return [_text(si) for si in root.iterchildren(_NS + "si")]


_SI = re.compile(
    r'<si>(?:<t>([^<]*+)</t>|<t xml:space="preserve">([^<]*+)</t>|((?:[^<]++|<(?!/?si>))*+))</si>'
)


def _rich(body: str) -> str:
    return _unescape("".join(_INLINE_T.findall(_PHONETIC.sub("", body))))


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


@functools.lru_cache(maxsize=65536)
def _split_ref(ref: str) -> tuple[int, int]:
    m = _CELL_REF.match(ref.replace("$", "").upper())
    if m is None:
        raise ParseError(f"malformed workbook: bad cell reference {ref!r}")
    row, col = int(m.group(2)) - 1, _col_index(m.group(1))
    if not (0 <= row < MAX_ROWS and 0 <= col < MAX_COLS):
        raise ParseError(f"malformed workbook: cell reference {ref!r} is out of range")
    return row, col


def _sheet_text(raw: bytes) -> str:
    """Decode a part scanned by pattern; DTDs are refused (no entity games)."""
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw[:4096]:
        raise ParseError("malformed workbook: a part declares a DTD or entities")
    encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ParseError(f"malformed workbook: a part is not valid text: {exc}") from exc


@functools.lru_cache(maxsize=4)
def _patterns(
    prefix: str,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Excel-order cell, any-order cell, row and cell patterns for one namespace prefix.

    Possessive quantifiers keep every scan linear: a malformed sheet with an unclosed
    element fails fast at the next sibling instead of backtracking over the whole part.
    """
    p = re.escape(prefix)
    body = rf"(?:/>|>((?:[^<]++|<(?!/{p}c>|{p}c[\s>/]))*+)</{p}c>)"
    excel = re.compile(
        rf'<{p}c r="([A-Z]{{1,3}})(\d{{1,7}})"(?: s="\d+")?(?: t="(\w+)")?'
        rf"(?:/>|>(<{p}v>[^<]*+</{p}v>|(?:[^<]++|<(?!/{p}c>|{p}c[\s>/]))*+)</{p}c>)"
    )
    fast = re.compile(
        rf"<{p}c(?=[\s/>])(?=[^>]*?\sr=\"([A-Z]{{1,3}})(\d{{1,7}})\")?(?=[^>]*?\st=\"(\w+)\")?[^>]*?{body}"
    )
    row = re.compile(
        rf"<{p}row\b([^>]*+)(?:/>|>((?:[^<]++|<(?!/{p}row>|{p}row[\s>/]))*+)</{p}row>)"
    )
    cell = re.compile(rf"<{p}c\b([^>]*?){body}")  # lazy: "/" may close the element
    return excel, fast, row, cell


_ATTR_R = re.compile(r'(?<![\w:])r="([^"]*)"')
_ATTR_T = re.compile(r'(?<![\w:])t="([^"]*)"')
_INLINE_T = re.compile(r"<(?:\w+:)?t(?:\s[^>]*+)?>([^<]*+)</(?:\w+:)?t>")
_PHONETIC = re.compile(r"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)
_PREFIX = re.compile(r"<(\w+:)?worksheet[\s>]")


def _unescape(text: str) -> str:
    if "&" in text:
        # Nearly every '&' in a link target is '&amp;': replace that in C, unescape the rest.
        plain = text.replace("&amp;", "&")
        text = plain if "&" not in text.replace("&amp;", "") else html.unescape(text)
    if "_x" in text:
        text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


_VALUE = re.compile(r"<(?:\w+:)?v(?:\s[^>]*+)?>([^<]*+)</(?:\w+:)?v>")


def _cell_value(t: str, body: str, strings: list[str]) -> CellValue:
    if t == "inlineStr":
        return _unescape("".join(_INLINE_T.findall(_PHONETIC.sub("", body))))
    if body.startswith("<v>") and body.endswith("</v>"):
        raw = body[3:-4]
    else:
        v = _VALUE.search(body)
        if v is None:
            return None
        raw = v.group(1)
    if t == "" or t == "n":
        try:
            return float(raw)
        except ValueError as exc:
            raise ParseError(f"malformed workbook: a numeric cell holds {raw[:40]!r}") from exc
    if t == "s":
        try:
            return strings[int(raw)]
        except (ValueError, IndexError) as exc:
            raise ParseError(
                f"malformed workbook: a cell points at missing shared string {raw[:20]!r}"
            ) from exc
    if t == "b":
        return raw.strip() in ("1", "true")
    return _unescape(raw)  # "str" (formula result), "e" (#N/A ...), "d" (ISO date text)


def _put(rows: list[list[CellValue]], r: int, c: int, value: CellValue) -> None:
    if not (0 <= r < MAX_ROWS and 0 <= c < MAX_COLS):
        raise ParseError("malformed workbook: a cell reference is out of range")
    if r >= len(rows):
        rows.extend([] for _ in range(r + 1 - len(rows)))
    cells = rows[r]
    if c >= len(cells):
        cells.extend([None] * (c + 1 - len(cells)))
    cells[c] = value


def _read_rows(sheet: str, strings: list[str]) -> list[list[CellValue]]:
    """Scan <sheetData> with regular expressions: a tree of 10,000 cells costs lxml more
    than the whole read is allowed to take, and the part's layout is machine-made."""
    start, end = sheet.find("sheetData"), sheet.rfind("sheetData")
    m = _PREFIX.search(sheet, 0, 4096)
    if start < 0 or m is None:
        raise ParseError("malformed workbook: the worksheet has no sheetData")
    prefix = m.group(1) or ""
    excel, fast, row_re, cell_re = _patterns(prefix)
    found = excel.findall(sheet, start, end)
    if len(found) != sheet.count(f"<{prefix}c ", start, end):
        found = fast.findall(sheet, start, end)  # attributes in another order or extra ones
        if any(not letters and body for letters, _, _, body in found):
            # A producer that omits cell references: place cells by position instead.
            return _read_rows_positional(sheet[start:end], strings, row_re, cell_re)
    try:
        return _place_cells(found, strings)
    except (ValueError, IndexError) as exc:
        raise ParseError(
            f"malformed workbook: bad cell value or shared-string index: {exc}"
        ) from exc


def _place_cells(
    found: list[tuple[str, str, str, str]], strings: list[str]
) -> list[list[CellValue]]:
    # Hot loop (10,000 cells in the biggest list): comprehension first, then few calls.
    values = [
        strings[int(body[3:-4])]
        if t == "s" and body[:3] == "<v>" and body[-4:] == "</v>"
        else _cell_value(t, body, strings)
        if body
        else None
        for _, _, t, body in found
    ]
    rows: list[list[CellValue]] = []
    cols: dict[str, int] = {}
    cells: list[CellValue] = []
    last_row = ""
    for (letters, row, _, _), value in zip(found, values, strict=True):
        if value is None or value == "":
            continue
        if row != last_row:
            r = int(row) - 1
            if not 0 <= r < MAX_ROWS:
                raise ParseError(f"malformed workbook: row {row} is out of range")
            if r >= len(rows):
                rows.extend([] for _ in range(r + 1 - len(rows)))
            cells, last_row = rows[r], row
        col = cols.get(letters)
        if col is None:
            col = cols[letters] = _col_index(letters)
            if col >= MAX_COLS:
                raise ParseError(f"malformed workbook: column {letters} is out of range")
        n = len(cells)
        if col == n:
            cells.append(value)
        elif col > n:
            cells.extend([None] * (col - n))
            cells.append(value)
        else:
            cells[col] = value
    return rows


def _read_rows_positional(
    data: str, strings: list[str], row_re: re.Pattern[str], cell_re: re.Pattern[str]
) -> list[list[CellValue]]:
    rows: list[list[CellValue]] = []
    for row_m in row_re.finditer(data):
        r_attr = _ATTR_R.search(row_m.group(1))
        index = int(r_attr.group(1)) - 1 if r_attr and r_attr.group(1).isdigit() else len(rows)
        _put(rows, index, 0, None)
        rows[index].clear()
        for cell_m in cell_re.finditer(row_m.group(2) or ""):
            attrs, body = cell_m.group(1), cell_m.group(2)
            ref, t = _ATTR_R.search(attrs), _ATTR_T.search(attrs)
            col = _split_ref(ref.group(1))[1] if ref else len(rows[index])
            value = _cell_value(t.group(1) if t else "n", body, strings) if body else None
            _put(rows, index, col, None if value == "" else value)
    return rows


_HYPERLINK = re.compile(r"<(?:\w+:)?hyperlink\b([^>]*+)>")
_HYPERLINK_EXCEL = re.compile(
    r'<hyperlink ref="([A-Z$]+[0-9$]+(?::[A-Z$]+[0-9$]+)?)" r:id="([^"]*)"'
)
_HYPERLINK_CELL = re.compile(r'<hyperlink ref="([A-Z]{1,3})([0-9]{1,7})" r:id="([^"]*)"')
_ATTR_REF = re.compile(r'(?<![\w:])ref="([^"]*)"')
_ATTR_RID = re.compile(r'\s\w+:id="([^"]*)"')


def _hyperlinks(
    zf: zipfile.ZipFile,
    names: dict[str, str],
    sheet: str,
    sheet_path: str,
    rows: list[list[CellValue]],
) -> dict[tuple[int, int], str]:
    start = sheet.find("hyperlinks", sheet.rfind("sheetData"))
    if start < 0:
        return {}
    end = sheet.find("hyperlinks>", start + 10)
    end = len(sheet) if end < 0 else end
    folder, base = posixpath.split(sheet_path)
    rels = _rels(zf, names, posixpath.join(folder, "_rels", base + ".rels"))
    single = _cell_links(sheet[start:end])
    if single is not None:
        return {ref: rels[rid][1].strip() for ref, rid in single.items() if rid in rels}
    max_row = len(rows)
    max_col = max((len(r) for r in rows), default=0)
    out: dict[tuple[int, int], str] = {}
    for ref, rid in _link_refs(sheet, start, end):
        if rid not in rels:
            continue  # location= links point inside the workbook
        target = rels[rid][1].strip()
        first, _, last = ref.partition(":")
        r0, c0 = _split_ref(first)
        if not last:
            out[(r0, c0)] = target
            continue
        r1, c1 = _split_ref(last)
        # Clip ranges to the used area: a ref like G1:G1048576 must not expand to a million.
        for r in range(r0, min(r1, max_row - 1) + 1):
            for c in range(c0, min(c1, max_col - 1) + 1):
                out[(r, c)] = target
    return out


@functools.lru_cache(maxsize=8)
def _cell_links(section: str) -> dict[tuple[int, int], str] | None:
    """(row, col) -> r:id in Excel's own markup, one cell per link; None for any other form.

    Memoised like the rels part: the links section repeats from list to list.
    """
    single = _HYPERLINK_CELL.findall(section)
    if len(single) != section.count("<hyperlink "):
        return None
    cols: dict[str, int] = {}
    return {
        (int(row) - 1, cols.get(letters) or cols.setdefault(letters, _col_index(letters))): rid
        for letters, row, rid in single
        if 0 < int(row) <= MAX_ROWS
    }


def _link_refs(sheet: str, start: int, end: int) -> list[tuple[str, str]]:
    """(ref, r:id) of each hyperlink; Excel's attribute order in one pass, else per element."""
    found: list[tuple[str, str]] = _HYPERLINK_EXCEL.findall(sheet, start, end)
    if len(found) == sheet.count("<hyperlink ", start, end):
        return found
    found = []
    for link in _HYPERLINK.finditer(sheet, start, end):
        rid, ref = _ATTR_RID.search(link.group(1)), _ATTR_REF.search(link.group(1))
        if rid is not None and ref is not None:
            found.append((ref.group(1), rid.group(1)))
    return found
