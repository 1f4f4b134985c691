"""``civicplus``: a CivicPlus (CivicEngage) site's Agenda Center.

The configured URL is the site (``https://www.nashcountync.gov/``): a pass reads
``/AgendaCenter/Search/?term=&CIDs=all&startDate=...&endDate=...`` for the meetings from
``lookback_days`` ago to 90 days ahead. A URL that already points into ``/AgendaCenter`` is read
as given. Requests to the site are two seconds apart unless ``min_interval`` says otherwise:
CivicPlus blocks clients that hurry.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode, urljoin

from watcher.agendas import civicplus
from watcher.sources.agenda import AgendaPass, newest_date
from watcher.sources.base import SourceContext, SourceResult

AHEAD = dt.timedelta(days=90)


def run_civicplus(ctx: SourceContext) -> SourceResult:
    agenda = AgendaPass(ctx, "civicplus")
    url = listing_url(str(ctx.source.url), agenda.now.date(), ctx.source.lookback_days)
    content = agenda.listing_page(url)
    if content is None:
        return agenda.finish(None)
    listing = civicplus.parse_agenda_center(content, url, now=agenda.now)
    chosen = agenda.chosen(listing)
    agenda.record(chosen)
    return agenda.finish(newest_date(listing.meetings))


def listing_url(site: str, today: dt.date, lookback_days: int) -> str:
    if "/agendacenter" in site.lower():
        return site
    start = today - dt.timedelta(days=lookback_days)
    query = {
        "term": "",
        "CIDs": "all",
        "startDate": start.strftime("%m/%d/%Y"),
        "endDate": (today + AHEAD).strftime("%m/%d/%Y"),
        "dateRange": "",
        "dateSelector": "",
    }
    # Relative to the configured URL, so a site served under a path prefix keeps it.
    root = site if site.endswith("/") else site + "/"
    return urljoin(root, "AgendaCenter/Search/") + "?" + urlencode(query)
