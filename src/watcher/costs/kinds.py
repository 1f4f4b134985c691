"""What one amount is, from the words around it: its kind and its period.

The words that decide are those of the amount's own clause: the text between it and the
amounts on either side ("cost $287,000 ... ICE reimbursed $116,000 ... net $171,000" gives three
kinds). Who pays whom comes first ("ICE pays the county $85 a day": per-diem; "the city pays
the county": revenue; "the county pays": cost; "has sent $100,000 to the Sheriff's Office
under the ... Grant": grant), then the clause's direction words (the noun a verb describes:
"reimbursement revenue is budgeted at" is a reimbursement), then a restatement or part of
the amount before, the sentences before for one that points back ("That check came to"), the
sentence, and a table row's heading and section. Pure functions; imports only
``watcher.costs.amounts``, ``words`` (the vocabulary) and ``totals`` (re-exported).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from watcher.costs.amounts import Amount
from watcher.costs.totals import is_total
from watcher.costs.words import (
    KIND_WORDS,
    NET,
    OBJECT_WORDS,
    PER_DIEM_BEFORE,
    PERIOD_WORDS,
    Kind,
    Period,
)

__all__ = [
    "LEAD_KINDS",
    "Kind",
    "Period",
    "is_total",
    "kind_of",
    "period_of",
]

_L = TypeVar("_L", bound=str)
_I = re.I

_COMMA = re.compile(r",|\((?!\s*g\s*\))", _I)  # not the bracket of "287(g)"
_CONJUNCTION = re.compile(r",|;|\band\b|\bplus\b|\bwhile\b|\bbut\b|\bwhereas\b", _I)
_REQUEST = re.compile(
    r"\b(?:ask(?:s|ed|ing)?\s+for|request\w*|appl(?:y|ies|ied)\s+for|seek\w*|expects?|expected)\b",
    _I,
)
# The other side paying: "ICE pays for", "the federal program also paid for", "the state covers".
_PAYER = re.compile(
    r"\b(?:ICE|DHS|(?:the\s+)?federal\s+(?:government|program|agency)|the\s+state"
    r"|state\s+(?:grant|program|board)|the\s+grant)\s+(?:\w+\s+){0,3}?(?:pa(?:ys|id)|pay|cover(?:s|ed)?"
    r"|funded|picks?\s+up|picked\s+up|offsets?|foots?|footed|cut|wrote|issued|sent|mailed|wired)"
    r"\b[^.;]{0,80}$",
    _I,
)
# The county's own side paying: "the county also pays", "we spend", "taxpayers cover".
_LOCAL_PAYER = re.compile(
    r"\b(?:county|city|sheriff(?:'s\s+office)?|office|department|jail|we|taxpayers|board)"
    r"\s+(?:(?!(?:is|was|are|were|be|been|gets?|got)\b)\w+\s+){0,2}?(?:pays?|paid|spends?|spent|covers?|covered|funds?|funded|fronts?"
    r"|advances?|absorbs?|shoulders?)\b(?![^.;]{0,40}\bback\b)[^.;]{0,60}$",
    _I,
)
# The local side being paid: "the city pays the county $45", "the office has been paid".
_PAID_LOCAL = re.compile(
    r"\b(?:pays?|paid|reimburses?|gives?|sends?|owes?|owed)\s+(?:the\s+)?(?:county|city|sheriff(?:'s\s+office)?"
    r"|jail|us|department)\b[^.;$]{0,40}$|\b(?:has|have|had|was|were|is|are|be)\s+(?:been\s+)?"
    r"paid\s+(?:\w+\s+){0,2}$",
    _I,
)
# Money handed to the local side: "has sent $100,000 to the Sheriff's Office".
_HANDED = re.compile(
    r"\b(?:sends?|sent|gives?|gave|paid|pays?|disburs\w+|wired|award\w*)\s+"
    r"(?:\w+\s+){0,2}$",
    _I,
)
_TO_LOCAL = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:to|for)\s+(?:the\s+)?(?:[A-Z]\w+\s+){0,3}(?:county|city|sheriff|office"
    r"|department|jail|constable)(?:'s)?\b(?!\s+(?:officers?|deputies|staff|employees))",
    _I,
)
# A sentence that points back ("That check came to $51,300.", "Grimes County received
# $80,000."): what the money is comes from the sentence before.
_POINTS_BACK = re.compile(
    r"^(?:\W*[\w'-]+[:,]?\s+){0,3}?(?:that|this|the|each|every)\s+(?:check|payment|money|amount|sum"
    r"|installment|award|transfer|bill)s?\b|^(?:\S+\s+){0,4}(?:received|receives|got|gets)\s+$"
    r"|\b(?:our|the|its|their)\s+(?:county's\s+|city's\s+)?share\b"
    r"|\b(?:remaining|rest\s+of|balance\s+of|remainder\s+of)\s+(?:the\s+)?$",
    _I,
)
# "including $623,055 for beds": a part of the amount before, and of its kind.
_PART_OF = re.compile(
    r"\b(?:including|includes|of\s+which|comprising|consisting\s+of)\b|:\s*$"
    r"|^\s*,?\s*or\s+(?:about\s+|roughly\s+)?$"  # "$38,657, or $8,995 per year": the same
    r"|\b(?:the\s+)?(?:remaining|unspent|leftover|rest\s+of|balance\s+of|remainder\s+of)\s+(?:the\s+)?$"
    r"|\bon\s+top\s+of\s+(?:the\s+)?$|\bcovering\s+$|,?\s*and\s+$|\(\s*$|\bmade\s+up\s+of\b"
    r"|,\s*(?:or\s+)?(?:(?:about|roughly|nearly|almost|more\s+than|over|some|just\s+(?:over"
    r"|under)|a\s+total\s+of)\s+)?$",  # "$31 a day on each one, more than $400,000"
    _I,
)
_APPROVED = re.compile(r"\b(?:approved|granted|allocated|awarded)\s+(?:\w+\s+){0,2}$", _I)
_FROM_PAYER = re.compile(
    r"^\W*(?:\w+\s+){0,2}?from\s+(?:the\s+)?(?:(?P<fed>ICE|DHS|U\.S\.\s+Immigration|federal"
    r"|Immigration\s+and\s+Customs)|(?P<state>state|comptroller))",
    _I,
)
# "up from $58.25": the earlier value of the same measure.
_EARLIER = re.compile(r"\b(?:up|down|rising|falling|increased|decreased|raised|cut)\s+from\s+$", _I)
_PAY_VERB = re.compile(
    r"^\W*(?:(?:will|would|could|must|also|still|no\s+longer|not|then)\s+)*(?:pay|spend)\s+$", _I
)
# A sentence whose subject is the local side: "The county ...", "The sheriff's office ...".
_LOCAL_SUBJECT = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:county|city|sheriff|sheriff's\s+office|office|jail|we)\b", _I
)
_BY_CONJUNCTION = re.compile(r"\b(?:and|but|while|whereas|plus)\b|;", _I)
_BY_PAYER = re.compile(
    r"^[^.;]{0,40}?\b(?:are|is|was|were|will\s+be|being|be)\s+(?:\w+\s+){0,2}?(?:paid|picked\s+up"
    r"|covered|reimbursed|funded|repaid)\s+(?:in\s+full\s+)?by\s+(?:the\s+)?(?:ICE|DHS|federal"
    r"|(?P<state>state))",
    _I,
)
_KIND_AFTER = re.compile(
    r"^\s*(?:(?:a|per|each)\s+(?:year|month|quarter)\s+)?(?:(?:in|of|as)\s+|(?:is|are|was|were|will\s+be|would\s+be)\s+)(?:[\w'()]+\s+){0,3}?"
    r"(?:reimburs|revenue|grant|award|stipend|costs?\b|net\b)",
    _I,
)
_RECEIVE = re.compile(r"\b(?:receiv\w*|gets?|got)\s+(?:\w+\s+){0,2}$", _I)
_FEDERAL_PAYER = re.compile(r"\b(?:ICE|DHS|federal\s+government|the\s+federal|feds)\b", _I)
_STATE_PAYER = re.compile(r"\b(?:the\s+state|comptroller|state\s+board)\b", _I)
_DAY_COST = re.compile(
    r"\bcosts?\b|\bcosting\b|\bspen[dt]s?\b|\bexpense\b|\bto\s+(?:house|hold|jail|feed)\b", _I
)
_INCOMING = re.compile(
    r"\bpa(?:ys?|id)\b|\breimburs|\brevenue|\breceiv|\bbring|\bbrought|\bcollect|\bper[\s-]diem", _I
)
# What a table's lead-in says its rows are: "The award is allocated as follows:".
LEAD_KINDS = KIND_WORDS[:2]


def kind_of(
    text: str,
    amount: Amount,
    before: str,
    after: str,
    *,
    previous: Kind | None,
    first: bool,
    fallback: Iterable[str] = (),
    prior: str = "",
) -> Kind:
    """The kind of ``amount`` (see ``_kind_of``). An award that only ICE is said to pay (a
    task force officer's quarterly award) is revenue: grants come from a state program."""
    kind = _kind_of(
        text, amount, before, after, previous=previous, first=first, fallback=fallback, prior=prior
    )
    context = " ".join([prior, text, *fallback])
    only_ice = _FEDERAL_PAYER.search(context) and not _STATE_PAYER.search(context)
    if kind == "grant" and only_ice and not re.search(r"\bgrant", context, _I):
        return "revenue"
    own = before if first else _CONJUNCTION.split(before)[-1]
    if kind == "unknown" and not re.search(r"\bsav(?:e|es|ed|ing|ings)\b", text, _I):
        # Nothing says which way the money goes but the actor of its clause: "ICE's check, $X".
        if _FEDERAL_PAYER.search(own):
            return "reimbursement"
        if _STATE_PAYER.search(own):
            return "grant"
    return kind


def _kind_of(
    text: str,
    amount: Amount,
    before: str,
    after: str,
    *,
    previous: Kind | None,
    first: bool,
    fallback: Iterable[str] = (),
    prior: str = "",
) -> Kind:
    """The kind of ``amount``, first rule that answers: a day rate (per-diem, unless the
    clause says it is what the county spends or loses); "net" in its clause; which way the
    money goes ("ICE pays for ...", "has sent $X to the Sheriff's Office": money in, "the
    county pays $X": cost); a direction word (reimbursed, revenue, grant, cost) in its own
    clause, grant or reimbursement beating plain revenue; a restatement or a part ("including
    $X for beds") takes the kind of the amount before; a sentence that points back ("That
    check came to $X") takes the words of the sentences before (``prior``); direction words
    in the sentence, then in ``fallback`` (a row's heading or section); money asked for from
    the grant named in ``prior``; then what the money is spent on (salaries, vehicles: cost)."""
    head = text[: amount.start]
    own = before if first else _CONJUNCTION.split(before)[-1]
    clause = own.rsplit(": ", 1)[-1]
    own = clause if len(clause.split()) >= 2 else own  # "The jail loses money ...: it spends"
    # Only words after the amount up to a comma are its own ("$89,975 in start-up costs");
    # past it they describe something else ("($862,000), shown as a negative expenditure").
    own_after = _COMMA.split(after, maxsplit=1)[0]
    found = _rate_kind(amount, before, head, own, own_after)
    # "will lose $210,000 a year in ICE reimbursements": what is lost says the kind.
    lost = _KIND_AFTER.match(own_after) and re.search(r"\blos(?:es|e|ing|t)\b", own, _I)
    if found is None and not lost and (_net(before) or NET.match(after.lstrip())):
        found = "net"
    found = found or _direction(text, head, own, after, before)
    if found:
        return found
    # Words just after the amount before ours are that amount's ("$167,500 in stipends ...
    # plus $370,600 in revenue"): ours start after the last conjunction.
    part = previous and previous != "per_diem" and _PART_OF.search(before)
    if previous and part and not _nearest(KIND_WORDS, own, "") and not _KIND_AFTER.match(own_after):
        return previous  # "including $310,000 for two grant administrators": the whole's kind
    found = _own_words(head, own, own_after, after, prior)
    if found:
        return found
    return _around(head, amount, (before, after), own, previous, fallback, prior)


def _own_words(head: str, own: str, own_after: str, after: str, prior: str) -> Kind | None:
    """The kind the amount's own clause names, and for money "received" or "brought in"
    what it is called or who paid it; a sentence pointing back takes the sentences before."""
    found = _nearest(KIND_WORDS, own, own_after, 60)
    if _KIND_AFTER.match(own_after):  # "$73,200 of the state's 287(g) grant"
        found = _nearest(KIND_WORDS, "", own_after, 60) or found
    if found == "revenue" and not re.search(r"\brevenue|\bperformance", f"{own} {own_after}", _I):
        # Money "brought in" or "received" is what it is called or who paid it: "$265,000 in
        # federal reimbursement", "received $61,200 from ICE".
        named = (k for p, k in KIND_WORDS[:2] if p.search(own) or p.search(own_after[:60]))
        source = _FROM_PAYER.match(after)
        paid: Kind | None = None
        if source:
            paid = "reimbursement" if source.group("fed") else "grant"
        found = next(named, None) or paid or found
    if prior and found in (None, "revenue") and not re.search(r"\brevenue", own, _I):
        said = _nearest(KIND_WORDS, "", own_after, 60) is not None  # "... in performance awards"
        back = _POINTS_BACK.search(head) or (found and not said and _RECEIVE.search(own))
        found = (_incoming(prior) or _nearest(KIND_WORDS, prior, "") if back else None) or found
    return found


def _around(
    head: str,
    amount: Amount,
    clause: tuple[str, str],
    own: str,
    previous: Kind | None,
    fallback: Iterable[str],
    prior: str,
) -> Kind:
    """The kind from around the clause: the amount before, the sentence, a row's heading and
    section, money asked of a grant, what the money is spent on."""
    before, after = clause
    own_after = _COMMA.split(after, maxsplit=1)[0]
    if previous and (
        _EARLIER.search(before) or (previous != "per_diem" and _PART_OF.search(before))
    ):
        return previous
    if previous == "per_diem" and amount.unit is None and not _nearest(KIND_WORDS, own, ""):
        return "revenue"  # "$74.25 per inmate day; October billings totaled $48,190"
    found = _nearest(KIND_WORDS, head, own_after, 60)
    if not found and amount.value < 0 and any(re.search(r"\bimpact\b", e, _I) for e in fallback):
        return "cost"  # a negative row under a fiscal note's "Five-Year Impact"
    for extra in fallback:
        # A heading's head noun decides: "awards under its reimbursement program" are grants.
        found = found or next((k for p, k in KIND_WORDS if p.search(extra)), None)
    return found or _asked_or_spent(head, before, after, prior, fallback)


def _incoming(text: str) -> Kind | None:
    """The grant or reimbursement named nearest the end of ``text``, if any."""
    best: tuple[int, Kind] | None = None
    for pattern, kind in KIND_WORDS[:2]:
        for m in pattern.finditer(text):
            if best is None or m.end() > best[0]:
                best = (m.end(), kind)
    return best[1] if best else None


def _asked_or_spent(
    head: str, before: str, after: str, prior: str, fallback: Iterable[str]
) -> Kind:
    if _REQUEST.search(head[-80:]) and prior:
        # "expects to ask for about $640,000": money asked of the grant or agreement named
        # in the sentences before (a budget request is not).
        asked = next((k for p, k in KIND_WORDS[:2] if p.search(prior)), None)
        if asked:
            return asked
    found = _nearest(OBJECT_WORDS, before, after) or _nearest(OBJECT_WORDS, head, "")
    for extra in fallback:
        found = found or _nearest(OBJECT_WORDS, extra, "")
    return found or "unknown"


def _rate_kind(amount: Amount, before: str, head: str, own: str, own_after: str) -> Kind | None:
    """A day rate is a per-diem paid to the jail, unless its own clause says the county spends
    it ("costs the county $112 a day to house") or loses it ("loses $31 a day")."""
    small = abs(amount.value) < 1000
    day = amount.unit == "day" or PER_DIEM_BEFORE.search(before if small else before[-40:])
    if not day and not (small and PER_DIEM_BEFORE.search(head)):
        return None  # "The daily rate ... rises to $96 on October 1 from $89 now."
    if _net(own):
        return "net"
    if amount.unit == "day" and _DAY_COST.search(f"{own} {own_after}"):
        return "per_diem" if _INCOMING.search(own) else "cost"
    return "per_diem"


def _direction(text: str, head: str, own: str, after: str, own_wide: str) -> Kind | None:
    """Which way the money goes, from who pays whom in the amount's clause."""
    if _PAYER.search(_BY_CONJUNCTION.split(own_wide)[-1][-120:]):
        return "grant" if KIND_WORDS[0][0].search(head) else "reimbursement"
    payer = _FEDERAL_PAYER.search(own) or _STATE_PAYER.search(own)
    handed = _HANDED.search(own) or (payer and _APPROVED.search(own))
    if (handed and _TO_LOCAL.match(after)) or _PAID_LOCAL.search(own):
        named = next((k for p, k in KIND_WORDS[:2] if p.search(text)), None)
        # Unnamed, it is what the payer gives: ICE reimburses, the state grants.
        by: Kind = "reimbursement" if payer and payer.re is _FEDERAL_PAYER else "grant"
        return named or (by if payer else "revenue")
    of_money = _KIND_AFTER.match(after)
    named = _nearest(KIND_WORDS[:2], "", after[:60]) if of_money else None
    if named:
        return named  # "spent $73,200 of the state's 287(g) grant": grant money
    passive = _BY_PAYER.match(after)
    if passive:  # "salaries, about $318,000, are being picked up by ICE"
        return "grant" if passive.group("state") else "reimbursement"
    if _LOCAL_PAYER.search(own):
        return "cost"
    if _PAY_VERB.search(own) and _LOCAL_SUBJECT.match(head):
        return "cost"  # "The county will lose ..., but will no longer pay $265,000"
    return None


def _net(before: str) -> bool:
    """ "net cost of", "a net bill of roughly", "net impact ... is": net, unless a word for
    a grant or a reimbursement is named between ("net, ICE reimbursed $X")."""
    hits = list(NET.finditer(before))
    if not hits:
        return False
    rest = before[hits[-1].end() :]
    return not any(p.search(rest) for p, kind in KIND_WORDS if kind in ("grant", "reimbursement"))


def period_of(text: str, amount: Amount, before: str, after: str, kind: Kind) -> Period | None:
    period = _nearest(PERIOD_WORDS, before, after) or _nearest(
        PERIOD_WORDS, text[: amount.start], ""
    )
    if period is None and kind == "per_diem":
        return "daily"
    return period


def _nearest(
    table: Iterable[tuple[re.Pattern[str], _L]], before: str, after: str, limit: int | None = None
) -> _L | None:
    after = after[:limit]
    best: tuple[float, _L] | None = None
    for pattern, label in table:
        for m in pattern.finditer(before):
            if best is None or len(before) - m.end() < best[0]:
                best = (len(before) - m.end(), label)
        hit = pattern.search(after)
        # Words right after a figure ("$89,975 start-up") bind tighter than words before.
        if hit and (best is None or hit.start() * 0.5 < best[0]):
            best = (hit.start() * 0.5, label)
    return best[1] if best else None
