"""A seventeenth labelled set for the cost extractor's accuracy test (issue 12): more ways of
saying who pays whom, written after the sixteenth set's fixes and scored before any change; the
comment above ``BATCH17`` gives its unseen score. Our own writing; no published text.
"""

from __future__ import annotations

from test_costs_documents_later import Labels

PASSIVE = """\
The 287(g) task force officers' salaries, about $318,000 this year, are being picked up by ICE
under the reimbursement terms, the sheriff said. The county is paying for the officers' new
rifles and radios, roughly $27,500, out of its own equipment budget.
"""
PASSIVE_LABELS: Labels = {"318000": "reimbursement", "27500": "cost"}

DEFICIT = """\
The jail loses money on every 287(g) detainee: it spends about $118 a day to hold each one and
gets back $79 from ICE. Across the year that gap came to about $412,000, the auditor said.
"""
DEFICIT_LABELS: Labels = {"118": "cost", "79": "per_diem", "412000": "net"}

OWED = """\
Quarterly 287(g) report. ICE still owes the county $96,250 for task force salaries from the last
quarter, on top of the $141,300 it has already paid this fiscal year.
"""
OWED_LABELS: Labels = {"96250": "reimbursement", "141300": "reimbursement"}

BUDGETED = """\
The 287(g) unit is budgeted at $602,000 for next year, and staff project $455,000 in offsetting
ICE revenue, leaving $147,000 for the general fund to cover.
"""
BUDGETED_LABELS: Labels = {"602000": "cost", "455000": "revenue", "147000": "net"}

GRANT_SPENT = """\
The sheriff spent $73,200 of the state's 287(g) grant on two transport vans and returned the
unspent $6,800 to the state. The county's new jail roof, finished in May, cost $210,000.
"""
GRANT_SPENT_LABELS: Labels = {"73200": "grant", "6800": "grant", "210000": None}

# Scored unseen, after the sixteenth set's fixes and before any change: recall 0.92 (11 of 12),
# kind accuracy 0.45 (5 of 11), none of 1 other figure reported. Misses by class: the passive
# ("are being picked up by ICE"); a clause after a colon ("loses money ...: it spends $118 a
# day"); a rate implied by the one before ("$118 a day ... gets back $79 from ICE"); "that
# gap"; "ICE still owes the county"; "on top of the $141,300"; "$73,200 of the state's grant";
# "the unspent $6,800".
BATCH17: dict[str, tuple[str, Labels]] = {
    "passive payer": (PASSIVE, PASSIVE_LABELS),
    "deficit per detainee": (DEFICIT, DEFICIT_LABELS),
    "owed": (OWED, OWED_LABELS),
    "budgeted and offset": (BUDGETED, BUDGETED_LABELS),
    "grant spent": (GRANT_SPENT, GRANT_SPENT_LABELS),
}
