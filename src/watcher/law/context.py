"""The legal context an alert carries: one sentence on the state's law, one on the event.

The wording comes from the shipped table; what the notes could not confirm is worded as
unconfirmed, never as settled law. Alerts add the citation, the as-of date and the disclaimer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from watcher.i18n import N_, format_day, gettext_for
from watcher.law.data import (
    Participation,
    StateLaw,
    UnknownStateError,
    get_state_law,
    has_state_law,
    load_table,
)

DISCLAIMER = N_("This is information, not legal advice.")
EVENT_TYPES = ("new", "renewal", "withdrawal", "rename", "relabel", "pending", "reinstated")
# Events that put an agreement on the list: notable where the law bans agreements.
APPEARING = frozenset({"new", "renewal", "pending", "reinstated"})
THIN = "the notes rest on thin sources, so check before relying on this"
RENAMED = "A renamed entry is most likely the same agreement under a new name"
RELABELED = "ICE corrected how it lists this agreement; the agreement itself did not change"

MANDATED = {
    "new": "A new agreement is how an agency meets that duty.",
    "renewal": "Renewing keeps the agency in line with that duty.",
    "withdrawal": "A withdrawal would conflict with that mandate, so this may be a change in "
    "ICE's list rather than a real withdrawal.",
    "rename": f"{RENAMED}; the duty still applies.",
    "relabel": f"{RELABELED}; the duty still applies.",
    "pending": "A pending agreement is a step toward meeting that duty.",
    "reinstated": "A reinstated agreement brings the agency back in line with that duty.",
}
PARTIAL_NEW = "A 287(g) agreement is one way a parish jail can meet that duty."
APPROVAL = {
    "new": "A new agreement needs {approval}.",
    "renewal": "A renewal may also need {approval}.",
    "withdrawal": "{who_can_end}.",
    "rename": f"{RENAMED}.",
    "relabel": f"{RELABELED}.",
    "pending": "A pending agreement would need {approval} before it can start.",
    "reinstated": "A reinstated agreement may need {approval}, like a new one.",
}
BANNED = {
    "new": "A new agreement here {conflict}.",
    "renewal": "A renewal {conflict}.",
    "withdrawal": "Ending the agreement {in_line}.",
    "rename": "An agreement listed here under any name {conflict}.",
    "relabel": "An agreement listed here under any name {conflict}.",
    "pending": "A pending agreement {conflict}.",
    "reinstated": "A reinstated agreement {conflict}.",
}
LOCAL = {
    "new": "Joining is a local decision, made by {decider}.",
    "renewal": "Renewing is a local decision, made by {decider}.",
    "withdrawal": "{who_can_end}.",
    "rename": f"{RENAMED}.",
    "relabel": f"{RELABELED}.",
    "pending": "Whether to join is a local decision, made by {decider}.",
    "reinstated": "Rejoining is a local decision, made by {decider}.",
}
RESTRICTED = {
    "new": "A new agreement would have to work within those limits.",
    "renewal": "A renewed agreement would have to work within those limits.",
    "pending": "A pending agreement would have to work within those limits.",
    "reinstated": "A reinstated agreement would have to work within those limits.",
}


@dataclass(frozen=True)
class LegalContext:
    state: str
    event_type: str
    text: str  # law_sentence + " " + event_sentence
    law_sentence: str
    event_sentence: str
    citation: str
    as_of: date
    disclaimer: str
    category: str  # mandated, approval, banned, local
    notable: bool  # an agreement appearing in a state that bans them
    conflicts_with_mandate: bool  # a withdrawal in a state that mandates participation
    uncertain: bool  # the notes could not confirm part of what the text relies on
    sources: tuple[str, ...]  # URLs behind the participation facts

    def render(self) -> str:
        """Plain-text block for an alert: the sentences, the citation and date, the disclaimer."""
        return f"{self.text} Law: {self.citation} (as of {_fmt(self.as_of)}). {self.disclaimer}"

    def to_dict(self) -> dict[str, str | bool | None]:
        """What an alert carries as its ``legal_context`` (JSON-ready)."""
        return {
            "text": self.text,
            "citation": self.citation,
            "as_of": self.as_of.isoformat(),
            "disclaimer": self.disclaimer,
            "notable": self.notable,
            "conflicts_with_mandate": self.conflicts_with_mandate,
            "category": self.category,
            "uncertain": self.uncertain,
        }


def _fmt(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _compliance(p: Participation, on: date) -> str | None:
    if p.compliance_date is None:
        return None
    when = _fmt(p.compliance_date)
    if not p.compliance_date_confirmed:
        return f"compliance is reportedly due by {when} (a date the notes could not confirm)"
    if on >= p.compliance_date:
        return f"compliance was due {when}"
    return f"compliance is due by {when}"


def law_sentence(entry: StateLaw, on: date | None = None) -> str:
    """One sentence on the state's 287(g) law, hedged where the notes are unsure."""
    p = entry.participation
    if p.detail == "none" and p.confidence == "L":
        opening = (
            f"The notes found no {entry.name} law that requires or bars 287(g) agreements, "
            "but their sources are thin"
        )
    else:
        opening = f"{p.subject} {p.rule}"
    duty = [c for c in (_compliance(p, on or entry.last_checked), p.enforcement) if c]
    clauses = [" and ".join(duty)] if duty else []
    if p.note:
        clauses.append(p.note)
    if p.caveat:
        clauses.append(p.caveat)
    elif p.confidence == "L" and p.detail != "none":
        clauses.append(THIN)
    return "; ".join([opening, *clauses]) + "."


def _event_sentence(p: Participation, event_type: str) -> str:
    if p.category == "mandated":
        if p.detail == "partial_mandate" and event_type in ("withdrawal", "new"):
            return f"{p.who_can_end}." if event_type == "withdrawal" else PARTIAL_NEW
        if event_type == "withdrawal" and p.detail == "mandated_reasonable_attempt":
            return MANDATED["withdrawal"].replace(
                "would conflict with that mandate", "would probably undercut that duty"
            )
        return MANDATED[event_type]
    if p.category == "banned":
        if p.confirmed:
            conflict, in_line = "appears to conflict with that law", "is in line with that law"
        else:
            conflict = "may conflict with that law if it is in force as a ban, which the notes "
            conflict += "could not confirm"
            in_line = "would be in line with that law if it is in force"
        return BANNED[event_type].format(conflict=conflict, in_line=in_line)
    if p.category == "approval":
        return APPROVAL[event_type].format(approval=p.approval, who_can_end=p.who_can_end)
    if p.detail == "restricted" and event_type in RESTRICTED:
        return RESTRICTED[event_type]
    return LOCAL[event_type].format(decider=p.decider, who_can_end=p.who_can_end)


# The short summary other languages get: built from the table's category, citation and
# dates only (the table's own wording is English prose), so it is less detailed than English.
_SHORT_LAW = {
    "mandated": N_(
        "{state} law ({citation}) requires 287(g) agreements of some or all of its agencies."
    ),
    "approval": N_(
        "In {state}, a 287(g) agreement needs an approval the state's law sets ({citation})."
    ),
    "banned": N_("{state} law ({citation}) bars 287(g) agreements."),
    "banned_unconfirmed": N_(
        "{state} law ({citation}) may bar 287(g) agreements; "
        "the notes could not confirm it is in force."
    ),
    "local": N_(
        "{state} has no state law that requires or bars 287(g) agreements; the decision is local."
    ),
}
_SHORT_DUE = N_("Compliance is due by {date}.")
_SHORT_EVENT = {
    ("mandated", "appearing"): N_("This agreement is in line with that duty."),
    ("mandated", "withdrawal"): N_(
        "A withdrawal would conflict with that duty, so this may be a change in ICE's list "
        "rather than a real withdrawal."
    ),
    ("approval", "appearing"): N_("It needs that approval before it can start."),
    ("approval", "withdrawal"): N_(
        "Who can end it depends on the state's law and the agreement itself."
    ),
    ("banned", "appearing"): N_("This agreement appears to conflict with that law."),
    ("banned_unconfirmed", "appearing"): N_(
        "This agreement may conflict with that law if it is in force."
    ),
    ("banned", "withdrawal"): N_("Ending the agreement is in line with that law."),
    ("local", "appearing"): N_(
        "The decision is made locally, by the sheriff or the local government."
    ),
    ("local", "withdrawal"): N_("The agency or its local government can end the agreement."),
}
_SHORT_RENAME = N_("A renamed entry is most likely the same agreement under a new name.")


def _short_text(entry: StateLaw, event_type: str, on: date, lang: str) -> tuple[str, str]:
    _ = gettext_for(lang)
    p = entry.participation
    key = "banned_unconfirmed" if p.category == "banned" and not p.confirmed else p.category
    name = _(entry.name)
    first = _(_SHORT_LAW[key]).format(state=name, citation=p.citation)
    if p.category == "mandated" and p.compliance_date is not None and on < p.compliance_date:
        first += " " + _(_SHORT_DUE).format(date=format_day(p.compliance_date, lang))
    if event_type in ("rename", "relabel"):
        return first, _(_SHORT_RENAME)
    moment = "withdrawal" if event_type == "withdrawal" else "appearing"
    second = _SHORT_EVENT.get((key, moment)) or _SHORT_EVENT[("banned", moment)]
    return first, _(second)


def legal_context(
    state: str, event_type: str, *, on: date | None = None, lang: str = "en"
) -> LegalContext:
    """Legal context for one event in one state, in ``lang`` (English: the table's wording;
    another language: the short summary of the category, citation and dates).

    ``on`` is the event's date; it decides whether a compliance date is past ("was due") or
    still ahead ("is due by"). Without it the entry's last-checked date is used.
    Raises UnknownStateError for a state not in the table, ValueError for an unknown event type.
    """
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}: expected one of {EVENT_TYPES}")
    entry = get_state_law(state)
    p = entry.participation
    if lang == "en":
        first, second = law_sentence(entry, on), _event_sentence(p, event_type)
    else:
        first, second = _short_text(entry, event_type, on or entry.last_checked, lang)
    table = load_table()
    return LegalContext(
        state=entry.code,
        event_type=event_type,
        text=f"{first} {second}",
        law_sentence=first,
        event_sentence=second,
        citation=p.citation,
        as_of=entry.last_checked,
        disclaimer=gettext_for(lang)(DISCLAIMER),
        category=p.category,
        notable=p.category == "banned" and p.confirmed and event_type in APPEARING,
        conflicts_with_mandate=event_type == "withdrawal" and p.mandates_participation,
        uncertain=p.uncertain,
        sources=tuple(table.sources[key].url for key in p.sources),
    )


def withdrawal_debounce(
    state: str, default: int, overrides: dict[str, int], mandate_default: int
) -> int:
    """How many consecutive absences from ICE's list make a withdrawal in ``state``.

    An explicit per-state override wins. Otherwise states whose law mandates participation get
    the stricter of ``mandate_default`` and ``default``, because there a disappearance is more
    often a glitch in ICE's list than a real withdrawal. Every other state, and a territory the
    table does not cover, gets ``default``. A code that is not two letters raises
    UnknownStateError.
    """
    for name, value in (("default", default), ("mandate_default", mandate_default)):
        if value < 1:
            raise ValueError(f"{name} must be at least 1, got {value}")
    code = state.strip().upper()
    by_state = {key.strip().upper(): value for key, value in overrides.items()}
    if code in by_state:
        if by_state[code] < 1:
            raise ValueError(f"the debounce override for {code} must be at least 1")
        return by_state[code]
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise UnknownStateError(
            f"cannot pick a withdrawal debounce for {state!r}: expected a two-letter state "
            "code such as TX"
        )
    if not has_state_law(code):
        # Territories ICE lists (PR, GU...) have no entry: no state mandate, so the default.
        return default
    entry = get_state_law(code)
    if entry.participation.mandates_participation:
        return max(mandate_default, default)
    return default
