"""Views over the archive for the questions analysts ask (documented in docs/schema.md).

Their SQL is frozen in the archive's migrations (``watcher/store/migrations/0004_views.sql``);
a change to a view is a new migration. Every view reads only what the archive observed: dates
are the archive's (``first_seen_at`` is when a list first showed an agreement), never guesses.
"""

from __future__ import annotations

VIEW_NAMES = (
    "current_agreements",
    "agreement_timeline",
    "event_costs",
    "costs_by_jurisdiction_year",
    "monthly_counts",
)
