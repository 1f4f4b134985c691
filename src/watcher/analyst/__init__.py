"""The archive as an analyst's tool: view names, full-text search, exports, read-only queries.

May import ``errors`` and ``store``; it reads the archive and never writes to it.
"""
