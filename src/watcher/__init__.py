"""watcher: follows ICE's 287(g) lists and county cost documents, and alerts on changes."""

__all__ = ["__version__"]
__version__ = "0.1.0"
