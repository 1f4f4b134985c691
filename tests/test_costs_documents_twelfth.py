"""A twelfth labelled set for the cost extractor's accuracy test (issue 12), written after the
eleventh set's fixes, traps inside reports and tables about the program, and scored before any
further change; the comment above ``BATCH12`` gives its unseen score. Our own writing; no
published text.
"""

from __future__ import annotations

from test_costs_documents_later import Labels

# Class: a staff report titled for the program whose background paragraph names other federal
# money and other officers' overtime.
REPORT_OTHER_MONEY = """\
STAFF REPORT
Subject: Renewal of the Sheriff's 287(g) Warrant Service Officer agreement

Summary
Renewing the agreement has no new cost. Overtime for the four designated officers is budgeted
at $14,500 a year within the Sheriff's existing appropriation.

Background
The Sheriff's Office also received a $50,000 federal Justice Assistance Grant this year for body
cameras, and patrol overtime across the office ran $1.2 million over budget after the flood.
Officers' pay rises 3 percent in July under the union contract, about $640,000.
"""
REPORT_OTHER_LABELS: Labels = {
    "14500": "cost",
    "50000": None,
    "1200000": None,
    "640000": None,
}

# Class: minutes where a 287(g) item is followed by a federal item about something else.
MINUTES_FEDERAL = """\
Item 4. Sheriff's 287(g) Task Force. The board accepted $92,300 from ICE as reimbursement for
task force overtime from January through March.

Item 5. FEMA reimbursement. The board accepted $418,000 in federal reimbursement for debris
removal after the October storm.
"""
MINUTES_FEDERAL_LABELS: Labels = {"92300": "reimbursement", "418000": None}

# Class: news with a headline naming the program and a paragraph about the jail's whole
# finances that points back only loosely.
NEWS_JAIL_FINANCES = """\
County's 287(g) unit costs more than ICE repays, audit finds

The sheriff's 287(g) unit cost $512,000 last fiscal year, and ICE repaid $371,000 of it, the
county auditor reported Wednesday.

The jail itself ran a $2.3 million deficit, largely because of medical costs, the auditor said.
Federal prisoner housing brought in $3.1 million, down from $3.6 million.
"""
NEWS_JAIL_LABELS: Labels = {
    "512000": "cost",
    "371000": "reimbursement",
    "2300000": None,
    "3100000": None,
    "3600000": None,
}

# Class: a layout table with the program's rows and an "Other Federal" row under REVENUES.
LAYOUT_OTHER_FEDERAL = """\
                     SHERIFF'S OFFICE - FEDERAL FUNDS SUMMARY         FY 2026 Adopted
  REVENUES
    ICE 287(g) Task Force Reimbursement                                      412,000
    Other Federal - HIDTA                                                    155,000
    Other Federal - Byrne JAG                                                 38,400
  EXPENDITURES
    287(g) Task Force Overtime                                               103,000
    HIDTA Task Force Overtime                                                155,000
"""
LAYOUT_OTHER_LABELS: Labels = {
    "412000": "reimbursement",
    "155000": None,
    "38400": None,
    "103000": "cost",
}

# Class: a per-diem stated as an ICE payment for holds, and the sheriff's estimate of the jail's
# extra cost per hold under the agreement.
HOLDS = """\
Under the 287(g) jail agreement ICE pays $50 for each detainee held past release for pickup,
the sheriff said, but each hold costs the jail about $75 in staff time, so the county absorbs
the difference of roughly $25 a hold.
"""
HOLDS_LABELS: Labels = {"50": "reimbursement", "75": "cost", "25": "net"}

# Scored unseen, after the eleventh set's fixes and before any other change: recall 1.00 (9 of
# 9), kind accuracy 0.89 (8 of 9), 4 of 9 other figures reported. Misses by class: paragraphs
# under a title naming the program counted on generic words ("federal", "officers") though
# nothing in them is about the program (a JAG grant, a union raise, federal prisoner housing);
# "absorbs the difference of $25" (net).
BATCH12: dict[str, tuple[str, Labels]] = {
    "report with other money": (REPORT_OTHER_MONEY, REPORT_OTHER_LABELS),
    "minutes federal items": (MINUTES_FEDERAL, MINUTES_FEDERAL_LABELS),
    "news jail finances": (NEWS_JAIL_FINANCES, NEWS_JAIL_LABELS),
    "layout other federal": (LAYOUT_OTHER_FEDERAL, LAYOUT_OTHER_LABELS),
    "holds": (HOLDS, HOLDS_LABELS),
}
