"""The SQLite archive: opening it (WAL, busy timeout), its frozen migrations (one SQL file per
version) and the queries every stage shares (events, agreements).

May import ``errors`` and ``timestamps`` only: the schema never depends on feature code.
"""
