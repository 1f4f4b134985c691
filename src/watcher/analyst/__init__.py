"""The archive as an analyst's tool: views, full-text search, exports, read-only queries."""
