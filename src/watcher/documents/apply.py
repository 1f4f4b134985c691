"""Apply one county document to the archive: its text, its pages (searchable) and the 287(g)
cost figures in it, tied to the source's jurisdiction. One transaction per document.

A document whose bytes were already extracted for this source and URL is not read again. The
same figure republished in a later document is one figure (its fingerprint), counted in
``seen_in`` rather than stored twice.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import sqlite_utils

from watcher.config import Jurisdiction
from watcher.costs import CostFigure, scan_costs
from watcher.errors import ParseError
from watcher.formats.text import ExtractedText, extract_text
from watcher.progress import Progress
from watcher.store.archive import store_blob
from watcher.timestamps import iso


class PageProgressBar:
    """A progress bar (or log lines) for long PDFs only: most documents are a page or two."""

    LONG = 50

    def __init__(self, url: str) -> None:
        self.url = url
        self.bar: Progress | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < self.LONG:
                return
            self.bar = Progress(total, f"extracting {total} pages").__enter__()
            self.bar.done = done - 1 if done > 1 else 0
        self.bar.advance(self.url)

    def __enter__(self) -> PageProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@dataclass
class DocumentResult:
    url: str
    status: str  # extracted, no_mention, no_text, failed, unchanged
    document_id: int | None = None
    figures: int = 0
    new_figures: int = 0
    notes: list[str] = field(default_factory=list)


def apply_document(
    db: sqlite_utils.Database,
    *,
    source: str,
    url: str,
    content: bytes,
    content_type: str | None,
    jurisdiction: Jurisdiction,
    fetched_at: dt.datetime,
    doc_date: dt.date | None = None,
    title: str | None = None,
) -> DocumentResult:
    with db.atomic():
        digest = store_blob(db, content, fetched_at)
        seen = db.execute(
            "SELECT id, status, figure_count FROM documents WHERE source = ? AND url = ? "
            "AND sha256 = ?",
            [source, url, digest],
        ).fetchone()
        if seen:
            return DocumentResult(url, "unchanged", seen[0], seen[2])
        try:
            with PageProgressBar(url) as progress:
                text = extract_text(content, content_type=content_type, url=url, progress=progress)
        except ParseError as exc:
            doc_id = _insert_document(
                db,
                source,
                url,
                digest,
                jurisdiction,
                fetched_at,
                None,
                "failed",
                [str(exc)],
                title,
                doc_date,
            )
            return DocumentResult(url, "failed", doc_id, notes=[str(exc)])
        when = doc_date or text.date
        # scan_costs, not find_cost_figures: only the scan knows when a hostile page made the
        # figure search stop, and that note belongs on the document's record.
        scan = scan_costs(text, url=url, doc_date=when, home=jurisdiction.county)
        figures, notes = scan.figures, scan.notes
        status = _status(text, figures, notes)
        doc_id = _insert_document(
            db,
            source,
            url,
            digest,
            jurisdiction,
            fetched_at,
            text,
            status,
            notes,
            title or text.title,
            when,
            len(figures),
        )
        db.conn.executemany(
            "INSERT INTO document_pages (document_id, page, text) VALUES (?, ?, ?)",
            [(doc_id, number, page) for number, page in enumerate(text.pages, 1) if page.strip()],
        )
        new = sum(_store_figure(db, doc_id, figure, jurisdiction, fetched_at) for figure in figures)
        return DocumentResult(url, status, doc_id, len(figures), new, notes)


def _status(text: ExtractedText, figures: list[CostFigure], notes: list[str]) -> str:
    if figures:
        return "extracted"
    if text.scanned:
        return "no_text"
    return "no_mention" if any("no 287(g) mention" in note for note in notes) else "extracted"


def _insert_document(
    db: sqlite_utils.Database,
    source: str,
    url: str,
    digest: str,
    jurisdiction: Jurisdiction,
    fetched_at: dt.datetime,
    text: ExtractedText | None,
    status: str,
    notes: list[str],
    title: str | None,
    doc_date: dt.date | None,
    figure_count: int = 0,
) -> int:
    cursor = db.execute(
        "INSERT INTO documents (source, url, sha256, title, format, doc_date, pages, state, "
        "county, agency, status, notes, figure_count, fetched_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            source, url, digest, title, text.format if text else None, iso(doc_date),
            len(text.pages) if text else None, jurisdiction.state, jurisdiction.county,
            jurisdiction.agency, status, json.dumps(notes) if notes else None, figure_count,
            iso(fetched_at),
        ],
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def _store_figure(
    db: sqlite_utils.Database,
    doc_id: int,
    figure: CostFigure,
    jurisdiction: Jurisdiction,
    fetched_at: dt.datetime,
) -> bool:
    """Insert a figure, or count a republication of one already on file. True if new."""
    state, county, agency = jurisdiction.state, jurisdiction.county or "", jurisdiction.agency
    if figure.jurisdiction:
        # The text ties this figure to another place ("Mecklenburg County spent ..." in a Knox
        # County story): it must never reach the source's county's alerts. Its place is kept as
        # written, with no county, since the text rarely says which state that place is in.
        county, agency = "", None
    cursor = db.execute(
        "INSERT INTO cost_figures (fingerprint, state, county, agency, amount, kind, fiscal_year, "
        "period, sentence, url, page, doc_date, document_id, first_seen_at, amount_high, hedge, "
        "unit, fiscal_text, place, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (state, county, fingerprint) DO UPDATE SET seen_in = seen_in + 1",
        [
            figure.fingerprint, state, county, agency,
            float(figure.amount), figure.kind, figure.fiscal_year, figure.period,
            figure.sentence, figure.url, figure.page, iso(figure.doc_date), doc_id,
            iso(fetched_at),
            float(figure.amount_high) if figure.amount_high is not None else None,
            figure.hedge, figure.unit, figure.fiscal_text, figure.jurisdiction, figure.note,
        ],
    )  # fmt: skip
    del cursor
    # The row keeps the document that first showed the figure: new if that is this one.
    row = db.execute(
        "SELECT document_id FROM cost_figures WHERE state = ? AND county = ? AND fingerprint = ?",
        [state, county, figure.fingerprint],
    ).fetchone()
    return bool(row and row[0] == doc_id)
