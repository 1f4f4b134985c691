"""The exceptions watcher raises, as one tree.

WatcherError
├── ConfigError          sources.yaml (or the environment) is invalid; exit code 2
├── FetchError           a document could not be fetched
│   ├── TransientFetchError   worth retrying: connection errors, timeouts, 429, 5xx
│   └── ResponseTooLarge      the body passed the configured size cap
├── ParseError           a document was fetched but is not what it should be
└── ArchiveError         the SQLite archive cannot be used (newer schema, unwritable, locked)
"""

from __future__ import annotations


class WatcherError(Exception):
    """Base class of every error watcher raises on purpose."""


class ConfigError(WatcherError):
    """The configuration is invalid. The message names the file, the source and the key."""


class FetchError(WatcherError):
    """A document could not be fetched."""


class TransientFetchError(FetchError):
    """A failure that may succeed on retry (connection error, timeout, 429, 5xx)."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after  # seconds the server asked us to wait (Retry-After)


class ResponseTooLarge(FetchError):
    """The response body passed the size cap."""


class ParseError(WatcherError):
    """A document is not in a layout watcher can read."""


class ArchiveError(WatcherError):
    """The archive cannot be opened or written."""
