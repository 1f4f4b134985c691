"""Agenda platforms: the meeting data model and one pure parser per platform.

Owns: :mod:`.models` (Meeting, MeetingDocument, Listing) and the parsers for Legistar, CivicPlus
AgendaCenter, Granicus ViewPublisher, IQM2, NovusAgenda, CivicClerk, BoardDocs and PrimeGov.
Every parser is a pure function on the bytes of one response (plus the URL it came from): no
network, no archive. Wrong content raises :class:`watcher.errors.ParseError` naming what was
expected; a listing that is genuinely empty is an empty :class:`Listing`.

May import: the standard library, bs4/lxml and :mod:`watcher.errors`. Nothing else in watcher.
"""

from __future__ import annotations

from .models import DocKind, Listing, Meeting, MeetingDocument, Status

__all__ = ["DocKind", "Listing", "Meeting", "MeetingDocument", "Status"]
