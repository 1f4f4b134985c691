"""``boarddocs``: a BoardDocs site (``https://go.boarddocs.com/{state}/{site}/Board.nsf/``).

Without ``committee_id`` a pass reads the site's ``XML-ActiveMeetings`` feed (meetings with
their agenda items in one answer; malformed in the wild, read leniently). With it, the
committee's ``BD-GetMeetingsList`` and each recent meeting's ``BD-GetAgenda``.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urljoin

from watcher.agendas import Meeting, boarddocs
from watcher.errors import WatcherError
from watcher.fetch import fetch
from watcher.sources.agenda import AgendaPass, newest_date
from watcher.sources.base import SourceContext, SourceResult


def run_boarddocs(ctx: SourceContext) -> SourceResult:
    agenda = AgendaPass(ctx, "boarddocs")
    root = boarddocs.board_root(str(ctx.source.url))
    if not ctx.source.committee_id:
        url = urljoin(root, "XML-ActiveMeetings")
        content = agenda.listing_page(url)
        if content is None:
            return agenda.finish(None)
        listing = boarddocs.parse_xml_feed(content, url, now=agenda.now)
        agenda.record(agenda.chosen(listing))
        return agenda.finish(newest_date(listing.meetings))
    url = urljoin(root, "BD-GetMeetingsList?open")
    agenda.pace(url)
    answer = fetch(
        ctx.client, url, policy=ctx.policy, sleep=ctx.sleep,
        data={"current_committee_id": ctx.source.committee_id},
    )  # fmt: skip
    body = ctx.source.jurisdiction.agency if ctx.source.jurisdiction else None
    listing = boarddocs.parse_meetings_list(
        answer.content, url, body=body or "Board", now=agenda.now
    )
    chosen = agenda.chosen(listing)
    agenda.record(_with_agenda(agenda, root, meeting) for meeting in chosen)
    return agenda.finish(newest_date(listing.meetings))


def _with_agenda(agenda: AgendaPass, root: str, meeting: Meeting) -> Meeting:
    url = urljoin(root, "BD-GetAgenda?open")
    agenda.pace(url)
    form = {"id": meeting.source_id, "current_committee_id": agenda.ctx.source.committee_id or ""}
    try:
        answer = fetch(
            agenda.ctx.client, url, policy=agenda.ctx.policy, sleep=agenda.ctx.sleep, data=form
        )
        items = boarddocs.parse_agenda(answer.content, url)
    except WatcherError as exc:
        agenda.result.problems.append(f"{url} ({meeting.source_id}): {exc}")
        return meeting
    return replace(meeting, documents=meeting.documents + items)
