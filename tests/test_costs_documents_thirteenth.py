"""A thirteenth labelled set for the cost extractor's accuracy test (issue 12), written after the
twelfth set's fixes with new ways of saying who pays whom and tables whose columns are kinds,
and scored before any further change; the comment above ``BATCH13`` gives its unseen score.
Our own writing; no published text.
"""

from __future__ import annotations

from test_costs_documents_later import Labels

# Class: a table whose columns, not rows, say the kind.
KIND_COLUMNS = """\
287(g) PROGRAM COST RECOVERY BY YEAR

  Fiscal Year          Program Cost       ICE Reimbursement        Net County Cost
  FY 2024                  $401,250                $288,900               $112,350
  FY 2025                  $436,800                $351,200                $85,600
"""
KIND_COLUMNS_LABELS: Labels = {
    "401250": "cost",
    "288900": "reimbursement",
    "112350": "net",
    "436800": "cost",
    "351200": "reimbursement",
    "85600": "net",
}

# Class: idioms for who pays.
IDIOMS = """\
Sheriff Banks said the federal government foots the bill for the 287(g) officers' salaries,
about $240,000 a year, but the county is on the hook for roughly $31,000 in vehicle and fuel
costs. ICE cut the county a check for $58,750 in March, the first payment under the agreement.
The county also set aside $12 million this year for a new courthouse.
"""
IDIOMS_LABELS: Labels = {
    "240000": "reimbursement",
    "31000": "cost",
    "58750": "reimbursement",
    "12000000": None,
}

# Class: a budget-neutral amendment: the appropriation and the offsetting federal revenue.
NEUTRAL = """\
Resolution 26-41 amends the Sheriff's FY 2026 budget to appropriate $125,400 for 287(g) task
force overtime and equipment, offset by an equal amount of federal revenue from ICE, so the
amendment is budget neutral. It also moves $9,000 from the jail's food line to its laundry line.
"""
NEUTRAL_LABELS: Labels = {"125400": "cost", "9000": None}

# Class: news where the county credits ICE money and a state senator's statewide claim.
CREDITED = """\
The 287(g) unit's ICE payments, $173,400 last year, were credited to the general fund rather
than the sheriff's budget, the finance director said. State Sen. Rita Vale said the program
saves taxpayers statewide more than $20 million a year, a figure the director called unproven.
"""
CREDITED_LABELS: Labels = {"173400": "reimbursement", "20000000": "elsewhere"}

# Scored unseen, after the twelfth set's fixes and before any other change: recall 1.00 (11 of
# 11), kind accuracy 0.36 (4 of 11), none of 3 other figures reported. Misses by class: a
# table whose column headers are the kinds ("Program Cost", "ICE Reimbursement", "Net County
# Cost"); idioms of paying ("the federal government foots the bill", "ICE cut the county a
# check"); "ICE payments" as a noun.
BATCH13: dict[str, tuple[str, Labels]] = {
    "kind columns": (KIND_COLUMNS, KIND_COLUMNS_LABELS),
    "idioms": (IDIOMS, IDIOMS_LABELS),
    "budget neutral": (NEUTRAL, NEUTRAL_LABELS),
    "credited": (CREDITED, CREDITED_LABELS),
}
