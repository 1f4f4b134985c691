"""Agenda portals of the jurisdictions with 287(g) agreements: the registry of known portals
(seeded from public lists and the configured sources), discovery from a county's own site
(recognising platforms by host and path, verifying by one listing request), and coverage (which
agreements have a watched portal and a local cost figure).

May import ``config``, ``errors``, ``fetch``, ``store``, ``places``, ``ice`` (the agreements'
counties) and ``agendas`` (the platforms' parsers, when present); never ``sources`` (accepted
portals are handed to the runtime as source configurations), the runtime, ``web`` or ``cli``.
"""
