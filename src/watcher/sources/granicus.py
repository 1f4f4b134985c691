"""``granicus``: the Granicus family, one kind with a ``variant`` read from the URL unless set:

- ``viewpublisher``: ``.../ViewPublisher.php?view_id=N`` (any site template; a bare
  ``https://{site}.granicus.com/`` reads ``view_id=1``);
- ``rss``: ``.../ViewPublisherRSS.php?view_id=N&mode=agendas`` (or ``mode=minutes``);
- ``iqm2``: ``https://{site}.iqm2.com/Citizens/Calendar.aspx``;
- ``novusagenda``: ``https://{site}.novusagenda.com/agendapublic/meetingsgeneral.aspx``.

The page is fetched conditionally: an unchanged page costs one request and nothing else.
"""

from __future__ import annotations

from watcher.agendas import Listing, granicus, iqm2, novusagenda
from watcher.errors import ConfigError
from watcher.sources.agenda import AgendaPass, newest_date
from watcher.sources.base import SourceContext, SourceResult


def variant_of(url: str, configured: str = "auto") -> str:
    if configured != "auto":
        return configured
    lowered = url.lower()
    if "viewpublisherrss.php" in lowered:
        return "rss"
    if "viewpublisher.php" in lowered:
        return "viewpublisher"
    if ".iqm2.com" in lowered or "/citizens/" in lowered:
        return "iqm2"
    if "novusagenda" in lowered or "/agendapublic" in lowered:
        return "novusagenda"
    if ".granicus.com" in lowered:
        return "viewpublisher"  # a site's root: its first view, as discovery proposes it
    raise ConfigError(
        f"{url}: cannot tell which Granicus product this is; set variant: viewpublisher, rss, "
        "iqm2 or novusagenda"
    )


def run_granicus(ctx: SourceContext) -> SourceResult:
    url = str(ctx.source.url)
    variant = variant_of(url, ctx.source.variant)
    if variant == "viewpublisher" and "viewpublisher" not in url.lower():
        url = url.rstrip("/") + "/ViewPublisher.php?view_id=1"
    agenda = AgendaPass(ctx, "granicus")
    content = agenda.listing_page(url)
    if content is None:
        return agenda.finish(None)
    listing = _parse(variant, content, url, agenda)
    agenda.record(agenda.chosen(listing))
    return agenda.finish(newest_date(listing.meetings))


def _parse(variant: str, content: bytes, url: str, agenda: AgendaPass) -> Listing:
    if variant == "rss":
        return granicus.parse_rss(content, url, now=agenda.now)
    if variant == "iqm2":
        return iqm2.parse_calendar(content, url, now=agenda.now)
    if variant == "novusagenda":
        return novusagenda.parse_meetings(content, url, now=agenda.now)
    return granicus.parse_view_publisher(content, url, now=agenda.now)
