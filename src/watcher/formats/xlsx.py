"""The one XLSX reader: calamine (Rust) for cell values, a scan of the sheet XML for hyperlinks.

Only what ICE's lists and county spreadsheets need: the first worksheet's cell values and its
external hyperlinks (calamine does not expose them). Dates come back as ``datetime`` where the
cell is date-formatted, numbers as floats; ``Sheet.date1904`` tells the caller how to read a
serial kept as a plain number.

Before calamine sees the bytes, every zip member is checked against size and ratio caps and
the sheet's extent against the caller's :class:`SheetCaps` (calamine allocates the whole
range from A1 densely, and an allocation failure aborts the process). Every failure (not a
zip, truncated zip, oversized member or sheet, malformed XML, missing part) is raised as
:class:`~watcher.errors.ParseError` with a message that says what was wrong.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import posixpath
import re
import threading
import zipfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook

from watcher.errors import ParseError
from watcher.formats.xlsx_extent import DOCUMENT_CAPS, SheetCaps, check_extent

CellValue = str | float | bool | dt.date | dt.time | dt.timedelta

MAX_MEMBER_BYTES = 64 * 1024 * 1024  # per decompressed zip member
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all members together
MAX_RATIO = 400  # deflate tops out near 1000:1; real sheets inflate 5-50 times
_RATIO_FLOOR = 1024 * 1024  # small members may be as repetitive as they like
MAX_ROWS = 1_048_576  # Excel's own limits: anything beyond is junk, not a sheet
MAX_COLS = 16_384
_CHUNK = 1 << 20

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")

# No entities, no network, no unbounded trees: the workbook comes from the web.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
)


@dataclass
class Sheet:
    """The first worksheet. ``rows[i][j]`` is the cell in sheet row ``i + 1``, column ``j``
    (0 = A); every row is as wide as the used range, and an empty cell is ``""`` (calamine's
    own form: converting a list's 10,000 cells would cost more than reading them).
    ``hyperlinks[(i, j)]`` is the external target of that cell's hyperlink (read-only: shared
    between workbooks with the same links)."""

    name: str
    rows: list[list[CellValue]]
    hyperlinks: dict[tuple[int, int], str] = field(default_factory=dict)
    date1904: bool = False


def read_first_sheet(data: bytes, caps: SheetCaps = DOCUMENT_CAPS) -> Sheet:
    """Read the first worksheet of an XLSX workbook given as bytes.

    The zip members and the sheet's extent are checked against the caps before any cell is
    read: nothing a workbook declares can make the reader allocate past them.
    """
    claimed = _PREFETCHED.pop(data, None)
    if claimed is not None and claimed[0] == caps:
        checked, future = claimed[1], claimed[2]
        with checked.zf:
            return _finish(checked, caps, _values(future.result))
    checked = _check(data, caps)
    with checked.zf:
        return _finish(checked, caps, _values(lambda: _calamine_sheet(data, checked.name)))


@dataclass
class _Checked:
    """A workbook whose members and sheet extent passed the checks: calamine may read it."""

    zf: zipfile.ZipFile
    names: dict[str, str]
    workbook: Any
    name: str  # the first sheet's, by workbook.xml
    path: str
    sheet: str  # the worksheet part's text


def _check(data: bytes, caps: SheetCaps) -> _Checked:
    zf = _open_zip(data)
    try:
        _check_members(zf)
        names = {n.lower(): n for n in zf.namelist()}
        workbook = _xml(zf, names, "xl/workbook.xml")
        wb_rels = _rels(zf, names, "xl/_rels/workbook.xml.rels")
        sheet_name, sheet_path = _first_sheet(workbook, wb_rels)
        real = names.get(sheet_path.lower())
        if real is None:
            raise ParseError(f"not an xlsx workbook: worksheet {sheet_path} is missing")
        sheet = _sheet_text(_read_member(zf, real))
        start, end, prefix = _sheet_data(sheet)
        check_extent(sheet, start, end, prefix, caps)
    except BaseException:
        zf.close()
        raise
    return _Checked(zf, names, workbook, sheet_name, sheet_path, sheet)


def _finish(checked: _Checked, caps: SheetCaps, rows: list[list[CellValue]]) -> Sheet:
    links = _hyperlinks(checked.zf, checked.names, checked.sheet, checked.path, rows, caps)
    pr = checked.workbook.find(_NS + "workbookPr")
    date1904 = pr is not None and pr.get("date1904", "").lower() in ("1", "true")
    return Sheet(name=checked.name, rows=rows, hyperlinks=links, date1904=date1904)


def _sheet_data(sheet: str) -> tuple[int, int, str]:
    """(start, end) of the sheetData section and the worksheet's namespace prefix."""
    start, end = sheet.find("sheetData"), sheet.rfind("sheetData")
    m = _PREFIX.search(sheet, 0, 4096)
    if start < 0 or m is None:
        raise ParseError("malformed workbook: the worksheet has no sheetData")
    return start, end, m.group(1) or ""


def _check_members(zf: zipfile.ZipFile) -> None:
    """Declared sizes and ratios of every member, before calamine inflates any of them.

    The parts read here are also inflated in capped chunks (a lying header cannot pass).
    """
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise ParseError(
                f"workbook member {info.filename} declares {info.file_size} bytes, over the "
                f"{MAX_MEMBER_BYTES}-byte cap ({MAX_TOTAL_BYTES} in all; zip bomb?)"
            )
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * info.compress_size:
            raise ParseError(
                f"workbook member {info.filename} inflates {info.file_size} bytes from "
                f"{info.compress_size}, over the {MAX_RATIO}:1 cap (zip bomb?)"
            )


def _calamine_sheet(data: bytes, sheet_name: str) -> CalamineSheet:
    """calamine's parse of the sheet (in Rust, without the GIL), once the caps were checked.

    The first sheet by workbook.xml, where the hyperlinks are read, whatever calamine's own
    order.
    """
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    if book.sheet_names[:1] == [sheet_name]:
        return book.get_sheet_by_index(0)
    return book.get_sheet_by_name(sheet_name)


def _values(sheet: Callable[[], CalamineSheet]) -> list[list[CellValue]]:
    """The sheet's cell values: row i is sheet row i + 1 and column j is column j (from A1, as
    the hyperlink refs expect); rows are as wide as the used range, and an empty cell is ''.
    """
    try:
        values: list[list[CellValue]] = sheet().to_python(skip_empty_area=False)
    except (CalamineError, ValueError, IndexError) as exc:
        raise ParseError(f"malformed workbook: the cell reader refused it: {exc}") from exc
    return values


_PREFETCHED: dict[bytes, tuple[SheetCaps, _Checked, Future[CalamineSheet]]] = {}
_PREFETCHER: ThreadPoolExecutor | None = None


def prefetch(data: bytes, caps: SheetCaps = DOCUMENT_CAPS) -> None:
    """Check a workbook now and let calamine parse its sheet in a background thread.

    calamine's parse runs in Rust without the GIL, so a backfill parses the next list while
    Python applies this one; everything that needs the GIL (the checks, turning the parsed
    sheet into Python values, the hyperlinks) stays in the caller's thread, where it does not
    contend with the caller for the GIL. A workbook that fails the checks is not prefetched
    (reading it again raises the same error). At most a couple are held: an unclaimed one is
    dropped, never read twice.
    """
    global _PREFETCHER
    if not data.startswith(b"PK"):
        return
    try:
        checked = _check(data, caps)
    except ParseError:
        return
    if _PREFETCHER is None:
        _PREFETCHER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xlsx-prefetch")
    while len(_PREFETCHED) >= 2:
        _, dropped, future = _PREFETCHED.pop(next(iter(_PREFETCHED)))
        future.cancel()
        dropped.zf.close()
    future = _PREFETCHER.submit(_calamine_sheet, data, checked.name)
    _PREFETCHED[data] = (caps, checked, future)


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
    info = zf.getinfo(real)
    # The links part repeats from list to list: known by its checksum and sizes, it need not
    # even be inflated again (zipfile checks the CRC against the bytes when it does inflate).
    key = (info.CRC, info.file_size, info.compress_size)
    found = _RELS_BY_CRC.get(key)
    if found is None:
        found = _rels_of(_sheet_text(_read_member(zf, real)))
        _remember(_RELS_BY_CRC, key, found, 16)
    return found


_RELS_BY_CRC: dict[tuple[int, int, int], dict[str, tuple[str, str]]] = {}
_MEMO_LOCK = threading.Lock()  # workbooks may be read from several threads at once


def _remember(memo: dict[Any, Any], key: Any, value: Any, size: int) -> None:
    with _MEMO_LOCK:
        if len(memo) >= size:
            memo.pop(next(iter(memo)), None)
        memo[key] = value


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


_PREFIX = re.compile(r"<(\w+:)?worksheet[\s>]")


def _unescape(text: str) -> str:
    if "&" in text:
        # Nearly every '&' in a link target is '&amp;': replace that in C, unescape the rest.
        plain = text.replace("&amp;", "&")
        text = plain if "&" not in text.replace("&amp;", "") else html.unescape(text)
    if "_x" in text:
        text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


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
    caps: SheetCaps,
) -> dict[tuple[int, int], str]:
    start = sheet.find("hyperlinks", sheet.rfind("sheetData"))
    if start < 0:
        return {}
    end = sheet.find("hyperlinks>", start + 10)
    end = len(sheet) if end < 0 else end
    # Counted only when the section is long enough to hold more than the cap.
    count = 0 if (end - start) // 10 <= caps.cells else sheet.count("<hyperlink", start, end)
    if count > caps.cells:
        raise ParseError(
            f"sheet too large: it has {count:,} hyperlinks, over the cap of {caps.cells:,} "
            f"for {caps.what}"
        )
    folder, base = posixpath.split(sheet_path)
    rels = _rels(zf, names, posixpath.join(folder, "_rels", base + ".rels"))
    single = _cell_links(sheet[start:end])
    if single is not None:
        return _targets(single, rels)
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


# (id(single), id(rels)) -> (single, rels, targets); holding the inputs keeps their ids unique.
_TARGETS: dict[tuple[int, int], tuple[object, object, dict[tuple[int, int], str]]] = {}


def _targets(
    single: dict[tuple[int, int], str], rels: dict[str, tuple[str, str]]
) -> dict[tuple[int, int], str]:
    """(row, col) -> target. Both inputs are memoised, so lists with the same links get the
    very same dict (callers only read it), and the parser can key on it."""
    found = _TARGETS.get((id(single), id(rels)))
    if found is not None:
        return found[2]
    out = {ref: rels[rid][1].strip() for ref, rid in single.items() if rid in rels}
    # Participating and pending lists alternate: keep a few.
    _remember(_TARGETS, (id(single), id(rels)), (single, rels, out), 8)
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
