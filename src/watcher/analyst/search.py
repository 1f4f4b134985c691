"""Full-text search (SQLite FTS5) over the pages of county documents and agenda items.

What a person types is searched literally by default: every word must appear, ``"a phrase"``
stays a phrase and ``word*`` matches a prefix. FTS5's own syntax (OR, NEAR, ...) is available
with ``raw=True``; a malformed raw query is an :class:`AnalystError`, never a traceback.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from watcher.analyst.export import AnalystError

SNIPPET_TOKENS = 16
_TERM = re.compile(r'"([^"]*)"|(\S+)')

SEARCH_SQL = """
SELECT d.id AS document_id, d.url, d.title, d.state, d.county, d.agency, d.doc_date,
       p.page, snippet(document_pages_fts, 0, '[', ']', '…', ?) AS snippet,
       bm25(document_pages_fts) AS rank
FROM document_pages_fts
JOIN document_pages p ON p.rowid = document_pages_fts.rowid
JOIN documents d ON d.id = p.document_id
WHERE document_pages_fts MATCH ? AND (? IS NULL OR d.state = ?)
ORDER BY rank, d.id, p.page
LIMIT ?
"""


def fts_query(text: str) -> str:
    """The words of text as an FTS5 query that cannot be malformed: each term is quoted."""
    parts = []
    for match in _TERM.finditer(text):
        phrase, word = match.groups()
        prefix = False
        if phrase is None:
            prefix = len(word) > 1 and word.endswith("*")
            phrase = word.rstrip("*") if prefix else word
        # A term of punctuation only, such as "()", has no token FTS5 could match.
        if not re.search(r"\w", phrase):
            continue
        parts.append('"' + phrase.replace('"', '""') + '"' + ("*" if prefix else ""))
    if not parts:
        raise AnalystError(f"nothing to search for in {text!r}: give at least one word")
    return " ".join(parts)


def search_documents(
    conn: sqlite3.Connection,
    text: str,
    *,
    state: str | None = None,
    limit: int = 20,
    raw: bool = False,
) -> list[dict[str, Any]]:
    """Matching document pages, best first: url, title, state, county, page and a snippet."""
    query = text.strip() if raw else fts_query(text)
    if not query:
        raise AnalystError("nothing to search for: give at least one word")
    state = state.upper() if state else None
    try:
        cursor = conn.execute(SEARCH_SQL, [SNIPPET_TOKENS, query, state, state, limit])
        columns = [item[0] for item in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            raise AnalystError(f"the archive has no document text to search ({exc})") from None
        raise AnalystError(
            f"malformed full-text query {query!r} ({exc}); quote the words, or leave out "
            "--fts to search for them literally"
        ) from None
