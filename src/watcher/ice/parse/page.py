"""ICE's 287(g) landing page: the workbook links on it, or the agreement tables it carried
before February 2025 (read into plain grids here; :mod:`watcher.ice.parse.workbook` maps them)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from watcher.ice.parse import normalize as nz
from watcher.ice.parse.headers import ICE_BASE, Links, header_fields

MAX_SPAN = 50  # a rowspan="100000" must not become a hundred thousand rows
_WORDS = ("participating", "pending")
_DRUPAL = "file-download/download/public"


def _soup(html: str | bytes) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def find_workbook_links(html: str | bytes, base_url: str) -> dict[str, str]:
    """Absolute workbook URLs keyed ``participating`` / ``pending`` (first link of each).

    The keys are hints for logging: ICE has swapped the files' contents, so the parser
    decides the kind from the headers. Empty when the page links no workbook.
    """
    found: dict[str, str] = {}
    fallback: str | None = None
    for a in _soup(html).find_all("a", href=True):
        href = _clean_href(str(a["href"]))
        path = unquote(urlsplit(href).path).lower().rstrip("\"' ")
        if not (path.endswith((".xlsx", ".xls")) or _DRUPAL in path):
            continue
        url = urljoin(base_url, href)
        text = nz.clean_text(a.get_text(" ")).lower()
        word = next((w for w in _WORDS if w in path.rsplit("/", 1)[-1]), None)
        word = word or next((w for w in _WORDS if w in text), None)
        if word is not None:
            found.setdefault(word, url)
        elif "287(g)" in text or "287g" in path:
            fallback = fallback or url
    if "participating" not in found and fallback is not None:
        found["participating"] = fallback
    return found


def _clean_href(href: str) -> str:
    # Names saved from Content-Disposition sometimes carry a trailing quote.
    return re.sub(r"(?:%22|[\"'])+$", "", href.strip())


def page_has_agreement_table(html: str | bytes) -> bool:
    """True when the page carries an agreement table (the pre-2025 layout)."""
    for table in _soup(html).find_all("table"):
        for tr in table.find_all("tr", limit=10):
            cells = [c.get_text(" ") for c in tr.find_all(["th", "td"])]
            if header_fields(cells) is not None:
                return True
    return False


def page_tables(html: str | bytes, base_url: str = ICE_BASE) -> list[list[list[tuple[str, Links]]]]:
    """Every <table> as a grid of (cell text, links) with row- and colspans expanded."""
    return [_grid(t, base_url) for t in _soup(html).find_all("table")]


def _grid(table: Any, base_url: str) -> list[list[tuple[str, Links]]]:
    grid: list[list[tuple[str, Links]]] = []
    pending: dict[int, tuple[int, tuple[str, Links]]] = {}  # column -> (rows left, cell)
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # a nested table's row
        row: list[tuple[str, Links]] = []
        cells = iter(tr.find_all(["th", "td"], recursive=False))
        col = 0
        while True:
            if col in pending:
                left, cell = pending[col]
                row.append(cell)
                pending.pop(col) if left <= 1 else pending.__setitem__(col, (left - 1, cell))
                col += 1
                continue
            td = next(cells, None)
            if td is None:
                break
            cell = _cell(td, base_url)
            rowspan, colspan = _span(td, "rowspan"), _span(td, "colspan")
            for _ in range(colspan):
                if rowspan > 1:
                    pending[col] = (rowspan - 1, cell)
                row.append(cell)
                col += 1
        grid.append(row)
    return grid


def _span(td: Any, name: str) -> int:
    try:
        return max(1, min(int(str(td.get(name, "1")).strip() or 1), MAX_SPAN))
    except ValueError:
        return 1


def _cell(td: Any, base_url: str) -> tuple[str, Links]:
    links = tuple(
        (nz.clean_text(a.get_text(" ")), urljoin(base_url, _clean_href(str(a["href"]))))
        for a in td.find_all("a", href=True)
        if not str(a["href"]).strip().lower().startswith(("#", "mailto:", "javascript:"))
    )
    return nz.clean_text(td.get_text(" ")), links
