"""A sixteenth labelled set for the cost extractor's accuracy test (issue 12), written in the
examiner's manner after all the other fixes and scored before any change; the comment above
``BATCH16`` gives its unseen score, the last estimate of this work. Our own writing.
"""

from __future__ import annotations

from test_costs_documents_later import ELSEWHERE, Labels

# Class: a budget page with FTE and dollars in one table, the 287(g) line named, a SCAAP line.
MIXED_TABLE = """\
                       SHERIFF - DETENTION BUREAU            FY 2026 Recommended
  Line                                          FTE                 Amount
  Detention Officers                          112.00            $8,904,600
  287(g) Jail Enforcement Officers              3.00              $231,750
  SCAAP-funded overtime                                           $41,000
  Bureau Total                                115.00            $9,177,350
"""
MIXED_TABLE_LABELS: Labels = {
    "8904600": None,
    "231750": "cost",
    "41000": None,
    "9177350": None,
}

# Class: minutes of a budget workshop where two people state the program's cost and repayment.
WORKSHOP = """\
Budget Workshop - Sheriff. Chief Deputy Lane said the 287(g) unit will need $46,000 more for
overtime next year. Finance Director Ames said ICE repaid the county $203,400 in the last
twelve months and is expected to repay about the same next year. Commissioner Ruiz asked that
the jail's $2.1 million medical contract be rebid.
"""
WORKSHOP_LABELS: Labels = {"46000": "cost", "203400": "reimbursement", "2100000": None}

# Class: a news story with the net, the per-diem in cents and another state's program total.
NEWS_NET_RATE = """\
After ICE's payments, the 287(g) program cost Carter County a net $84,600 last year, the
treasurer said. ICE also pays the jail $66.25 a day for each person held for pickup. Georgia
lawmakers, by comparison, set aside $10 million for their own local immigration grants.
"""
NEWS_NET_RATE_LABELS: Labels = {"84600": "net", "66.25": "per_diem", "10000000": ELSEWHERE}

# Class: an agenda item for a 287(g) vehicle purchase whose fiscal line says it is reimbursed.
VEHICLE_ITEM = """\
12. Approve the purchase of one 2026 Ford Explorer Police Interceptor for the Sheriff's 287(g)
Task Force from Hometown Ford, $52,418.
Fiscal Impact: Reimbursable in full by ICE under the Task Force Model agreement.

13. Approve the purchase of two mowers for Parks, $23,900.
Fiscal Impact: $23,900 from the Parks equipment line.
"""
VEHICLE_LABELS: Labels = {"52418": "cost", "23900": None}

# Class: a state report's table of grants by county with the home county's row.
GRANT_ROWS = """\
Leon County Sheriff's Office - 287(g) state grant received

The Sheriff's Office received its share of the state's 287(g) grant on March 2:
  Leon County Sheriff's Office ........ $148,200
The statewide total of the round was $6.4 million.
"""
GRANT_ROWS_LABELS: Labels = {"148200": "grant", "6400000": ELSEWHERE}

# Scored unseen, after all the other fixes and before any change: recall 0.86 (6 of 7), kind
# accuracy 1.00 (6 of 6), 1 of 7 other figures reported. Misses: a row with a dotted leader
# ("Office ........ $148,200"); "Georgia lawmakers, by comparison, set aside $10 million".
BATCH16: dict[str, tuple[str, Labels]] = {
    "mixed fte table": (MIXED_TABLE, MIXED_TABLE_LABELS),
    "budget workshop": (WORKSHOP, WORKSHOP_LABELS),
    "news net and rate": (NEWS_NET_RATE, NEWS_NET_RATE_LABELS),
    "vehicle item": (VEHICLE_ITEM, VEHICLE_LABELS),
    "grant rows": (GRANT_ROWS, GRANT_ROWS_LABELS),
}
