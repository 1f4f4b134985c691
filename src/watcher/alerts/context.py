"""An event as a reader sees it, in English or Spanish: clean, pre-formatted values for the
email, chat and web templates (which stay free of logic about missing fields)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

from watcher.alerts.models import EVENT_HEADLINES
from watcher.alerts.wording import (
    lead_figure,
    model_phrase,
    place,
    program_lines,
    state_name,
)
from watcher.i18n import N_, format_day, format_money, gettext_for

_WHAT = {
    "new": N_("{agency} ({place}) signed a 287(g) agreement under {model}."),
    "renewal": N_("{agency} ({place}) renewed its 287(g) agreement under {model}."),
    "withdrawal": N_(
        "{agency} ({place}) no longer appears on ICE's list of 287(g) agreements under {model}."
    ),
    "rename": N_("ICE now lists {previous} ({place}) as {agency}, under {model}."),
    "relabel": N_(
        "ICE corrected its listing: the agreement under {model} it listed as {previous} is now "
        "listed as {agency} ({place}). The agreement itself did not change."
    ),
    "pending": N_(
        "{agency} ({place}) appears on ICE's list of pending 287(g) agreements under {model}."
    ),
    "reinstated": N_(
        "{agency} ({place}) is back on ICE's list of 287(g) agreements under {model}, after "
        "having been withdrawn."
    ),
}
_OTHER = N_("{agency} ({place}): a change to its 287(g) agreement ({model}).")
_AGENDA = N_("{agency} ({place}) has an item about 287(g) on the agenda of its meeting of {date}.")
_DOCUMENT_KINDS = {
    "agenda": N_("Agenda"),
    "packet": N_("Agenda packet"),
    "minutes": N_("Minutes"),
    "item": N_("Agenda item"),
    "attachment": N_("Attachment"),
}
# The kinds of local figure cost extraction finds, worded for readers.
_KINDS = {
    "cost": N_("cost"),
    "revenue": N_("revenue"),
    "reimbursement": N_("reimbursement"),
    "grant": N_("grant"),
    "per_diem": N_("per diem"),
    "unknown": N_("amount"),
}


def safe_url(value: object) -> str | None:
    # Only web links become links; "javascript:" and friends are shown as nothing at all.
    text = str(value or "").strip()
    return text if re.match(r"https?://[^\s<>\"]+$", text, re.IGNORECASE) else None


def date_text(value: object, lang: str = "en") -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        day = (
            date.fromisoformat(text)
            if len(text) == 10
            else datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        )
    except ValueError:
        return text  # "2026-01", "n.d.": as precise as the source is
    return format_day(day, lang)


def money(value: object, lang: str = "en") -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value) if value not in (None, "") else ""
    return format_money(float(value), lang)


def _dicts(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, list | tuple):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _cost(item: Mapping[str, Any], lang: str) -> dict[str, Any]:
    _ = gettext_for(lang)
    kind = str(item.get("kind") or "")
    return {
        "amount": money(item.get("amount"), lang),
        "kind": _(_KINDS[kind]) if kind in _KINDS else kind.replace("_", " "),
        "fiscal_year": item.get("fiscal_year") or "",
        "period": item.get("period") or "",
        "sentence": " ".join(str(item.get("sentence") or "").split()),
        "url": safe_url(item.get("url")),
        "raw_url": str(item.get("url") or ""),
        "page": item.get("page") or "",
        "doc_date": date_text(item.get("doc_date"), lang),
    }


def _legal(value: object, lang: str) -> dict[str, Any] | None:
    if not isinstance(value, Mapping) or not value.get("text"):
        return None
    _ = gettext_for(lang)
    return {
        "text": str(value.get("text")),
        "citation": str(value.get("citation") or ""),
        "as_of": date_text(value.get("as_of"), lang),
        "disclaimer": str(value.get("disclaimer") or _("This is information, not legal advice.")),
        "notable": bool(value.get("notable")),
        "conflicts_with_mandate": bool(value.get("conflicts_with_mandate")),
    }


def _links(event: Mapping[str, Any], base_url: str, lang: str) -> dict[str, str]:
    """The agency's page and its records-request letter on the web site (in the language)."""
    base = base_url + ("/es" if lang == "es" else "")
    agreement = event.get("agreement_id")
    if agreement:
        page = f"{base}/agreements/{agreement}"
        return {"agency_url": page, "letter_url": f"{page}/records-request"}
    query = urlencode({"state": event.get("state") or "", "agency": event.get("agency") or ""})
    if event.get("type") == "agenda_item":  # no event page: the state's upcoming agenda items
        return {
            "agency_url": f"{base}/states/{event.get('state') or ''}#agenda",
            "letter_url": f"{base}/records-request?{query}",
        }
    return {
        "agency_url": f"{base}/events/{event.get('id')}",
        "letter_url": f"{base}/records-request?{query}",
    }


def _program_links(
    programs: list[dict[str, Any]], base_url: str, lang: str
) -> list[dict[str, Any]]:
    # The plain-text part names each source through the site's short redirect
    # (/figures/ID), so a 190-character press-release address does not fill a phone screen.
    for line in programs:
        line["short_url"] = f"{base_url}/figures/{line['id']}" if line["id"] else line["url"]
        line["source_date"] = date_text(line["source_date"], lang)
    return programs


def _previous_county(event: Mapping[str, Any]) -> str:
    """A relabel's former county (ICE corrected agency and county at once)."""
    detail = event.get("detail")
    if event.get("type") != "relabel" or not isinstance(detail, Mapping):
        return ""
    return str(detail.get("previous_county") or "")


def legal_for(event: Mapping[str, Any], lang: str) -> object:
    """The state-law summary in the reader's language (Spanish events carry their own)."""
    if lang != "en" and isinstance(event.get(f"legal_context_{lang}"), Mapping):
        return event[f"legal_context_{lang}"]
    return event.get("legal_context")


def _agenda(event: Mapping[str, Any], lang: str) -> dict[str, Any] | None:
    """An agenda item's meeting, item and documents (None for ICE list events)."""
    if event.get("type") != "agenda_item":
        return None
    _ = gettext_for(lang)
    documents = [
        {
            "kind": _(_DOCUMENT_KINDS.get(str(d.get("kind")), N_("Attachment"))),
            "url": safe_url(d.get("url")),
            "page": d.get("page"),
        }
        for d in _dicts(event.get("documents"))
    ]
    return {
        "body": str(event.get("body") or event.get("agency") or ""),
        "meeting_date": date_text(event.get("meeting_date"), lang),
        "upcoming": bool(event.get("upcoming")),
        "item_number": str(event.get("item_number") or ""),
        "title": str(event.get("title") or ""),
        "vote": str(event.get("vote") or ""),
        "meeting_url": safe_url(event.get("meeting_url")),
        "documents": documents,
    }


def event_context(event: Mapping[str, Any], base_url: str = "", lang: str = "en") -> dict[str, Any]:
    """Clean, pre-formatted values of one event in ``lang``."""
    _ = gettext_for(lang)
    base_url = base_url.rstrip("/")
    kind = str(event.get("type") or "")
    agency = str(event.get("agency") or _("Unknown agency"))
    state = str(event.get("state") or "")
    model = str(event.get("support_type") or "")
    previous = str(event.get("previous_agency") or "")
    costs = [_cost(item, lang) for item in _dicts(event.get("cost_figures"))]
    programs = _program_links(
        program_lines(_dicts(event.get("reference_figures")), state, lambda v: money(v, lang), _),
        base_url,
        lang,
    )
    observed = date_text(event.get("observed_at"), lang)
    where = place(str(event.get("county") or ""), state, agency, lang)
    former_county = _previous_county(event)
    was = f"{previous} ({former_county})" if former_county else previous
    what = _(_WHAT.get(kind, _OTHER)).format(
        agency=agency,
        place=where,
        model=model_phrase(model, lang),
        previous=was or _("an agency"),
    )
    when = _("ICE's list showed this on {date}.").format(date=observed) if observed else ""
    agenda = _agenda(event, lang)
    if agenda is not None:
        what = _(_AGENDA).format(agency=agency, place=where, date=agenda["meeting_date"])
        when = ""
    legal = _legal(legal_for(event, lang), lang)
    name = state_name(state, lang)
    # "Texas law: Texas law (SB 8) requires..." would say it twice.
    named = bool(legal and name and legal["text"].startswith((name, f"La ley de {name}")))
    headline = _(EVENT_HEADLINES.get(kind, N_("287(g) agreement change")))
    return {
        **_links(event, base_url, lang),
        "lang": lang,
        "lede": " ".join(part for part in (what, when, lead_figure(costs, programs, _)) if part),
        "programs": programs,
        # The first paragraph names the closest program figure when no local one is on file;
        # the plain-text list then gives one more (with a local figure, the closest), so a
        # single alert stays under 1,500 characters; the HTML part lists all three.
        "more_programs": programs[1:2] if not costs else programs[:1],
        "state_name": name,
        "law_label": "" if named else _("{state} law: ").format(state=name),
        "place": where,
        "id": event.get("id"),
        "type": kind,
        "headline": headline,
        "agency": agency,
        "state": state,
        "county": str(event.get("county") or ""),
        "support_type": model,
        "what": what,
        "observed": observed,
        "source": str(event.get("source") or ""),
        "signed": date_text(event.get("signed"), lang),
        "previous_signed": date_text(event.get("previous_signed"), lang),
        "previous_agency": previous,
        "moa_url": safe_url(event.get("moa_url")),
        "raw_moa_url": str(event.get("moa_url") or ""),
        "costs": costs,
        "agenda": agenda,
        "legal": legal,
    }
