"""The words that say what money is: its kind, what it is spent on, its period.

Shared by ``kinds`` (which decides a figure's kind) and anything that needs the same
vocabulary. Pure data; imports nothing from the rest of the package.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = [
    "KIND_WORDS",
    "NET",
    "OBJECT_WORDS",
    "PERIOD_WORDS",
    "PER_DIEM_BEFORE",
    "Kind",
    "Period",
]

Kind = Literal["cost", "revenue", "reimbursement", "grant", "per_diem", "net", "unknown"]
Period = Literal["annual", "monthly", "quarterly", "daily", "one-time"]
_I = re.I

NET = re.compile(
    r"\bnet\b(?!\s+(?:[\w/()-]+\s+){0,3}impact\s+(?:to|on)\b)|\bleaving\b|\bleft\s+(?:the\s+)?(?:county|city|taxpayers|sheriff)|out[\s-]of[\s-]pocket"
    r"|\bafter\s+(?:the\s+)?(?:federal\s+)?reimburse\w*|\bbottom\s+line\b|unreimbursed"
    r"|\bhole\b|\bgap\b|\bshortfall\b|\bleaves\b|\blos(?:es|e|ing)\b|\bin\s+the\s+red\b|\bsurplus\b|\bthe\s+difference\b"
    r"|\b(?:cut|cuts|reduc\w+|lower\w*)\s+(?:[\w']+\s+){0,3}?costs?\s+to\b",
    _I,
)
# Words that say which way money moves; they decide before the nouns below.
KIND_WORDS: tuple[tuple[re.Pattern[str], Kind], ...] = (
    (
        re.compile(
            r"\bgrants?\s+revenues?\b|\bgrants?\b|(?<!performance )\bawards?(?:ed)?\b|\bsub-?award",
            _I,
        ),
        "grant",
    ),
    (
        re.compile(
            r"\breimburs\w*\s+revenues?\b|\breimburs\w*|\breimb\b|\b(?:ICE|DHS)\s+payments?\b|\bstipends?\b|\brecover(?:y|ies|ed)\b|\bpaid\s+back\b|\brepa(?:id|ys?|ying)\b"
            r"|\b(?:sends?|sent|gives?|gave)\s+back\b|\brefund\w*"
            r"|\bpay\s+back\b|\b(?:bill|invoice)(?:s|d|ed|ing)?\s+(?:to\s+)?(?:ICE|DHS|the\s+federal)",
            _I,
        ),
        "reimbursement",
    ),
    (
        re.compile(
            r"(?<!general )\brevenues?\b(?!\s+(?:related\s+)?funds?\b)|\bincome\b|\breceipts?\b"
            r"|\breceiv\w+|\bgenerat\w+|\bbr(?:ing|ought)\s+in\b|\bperformance\s+awards?\b"
            r"|\bbillings\b",
            _I,
        ),
        "revenue",
    ),
    (
        re.compile(
            r"\bcosts?\b|\bcosting\b|\bexpen\w+|\bspen[dt]\w*|\bbudget(?:s|ary)?\b|\bdeficit\b"
            r"|\bnegative\s+impact\b|\bnet\s+(?:[\w/()-]+\s+){0,3}impact\s+(?:to|on)\b"  # a fund's
            r"|\b(?:county|local)(?:'s\s+own|\s+own|)\s+share\b"
            r"|\bfloat(?:s|ed|ing)\b|\bfront(?:s|ed|ing)\b|\babsorb(?:s|ed|ing)?\b"
            r"|\b(?:county|local|cash|required)\s+match\b|\bmatching\s+funds\b|\bfrees?\b|\bfreed\b"
            r"|\bpurchase\w*|\bpa(?:y|id)\s+for\b|\bcharges?\b|\bfunding\s+for\b",
            _I,
        ),
        "cost",
    ),
)
# What money is spent on: a budget line's kind when nothing above decides.
OBJECT_WORDS: tuple[tuple[re.Pattern[str], Kind], ...] = (
    (
        re.compile(
            r"\bsalar\w+|\bovertime\b|\bpositions?\b|\bbenefits\b|\bwages\b|\bpersonnel\b"
            r"|\bFICA\b|\bretirement\b|\bpension\b|\binsurance\b"
            r"|\bequipment\b|\bvehicles?\b|\bfuel\b|\bsupplies\b|\btraining\b|\bdeput(?:y|ies)\b"
            r"|\bofficers?\b|\bFTEs?\b|\bstaff(?:ing)?\b",
            _I,
        ),
        "cost",
    ),
)
PERIOD_WORDS: tuple[tuple[re.Pattern[str], Period], ...] = (
    (re.compile(r"\bone[\s-]time\b|\bstart[\s-]?up\b|\bnon[\s-]?recurring\b", _I), "one-time"),
    (
        re.compile(
            r"\bannual(?:ly|ized)?\b|\bper\s+(?:year|annum)\b|\b(?:a|each|every)\s+year\b"
            r"|\byearly\b|/\s*(?:yr|year)\b|(?<!non-)(?<!non)\brecurring\b",
            _I,
        ),
        "annual",
    ),
    (
        re.compile(r"\bmonthly\b|\b(?:per|a|each|every)\s+month\b|/\s*mo(?:nth)?\b", _I),
        "monthly",
    ),
    (
        re.compile(r"\bquarterly\b|\b(?:per|a|each|every)\s+quarter\b", _I),
        "quarterly",
    ),
)
PER_DIEM_BEFORE = re.compile(r"\bper[\s-]diem\b|\bdaily\s+rate\b|\bbed[\s-]day", _I)
