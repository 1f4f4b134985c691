"""A ninth labelled set for the cost extractor's accuracy test (issue 12), written after the
eighth set's fixes and scored before any further change; the comment above ``BATCH9`` gives
its unseen score. Our own writing in the shapes of real documents; no published text.
"""

from __future__ import annotations

from test_costs_documents_later import ELSEWHERE, Labels

SLIDE = """\
Slide 7 - 287(g) Task Force: FY26 at a glance
Cost: $412K | ICE reimbursement: $380K | Net to county: $32K
Slide 8 - Jail medical contract renewal: $1.6M
"""
SLIDE_LABELS: Labels = {
    "412000": "cost",
    "380000": "reimbursement",
    "32000": "net",
    "1600000": None,
}

ADVOCACY = """\
The county has spent at least $2.2 million on its 287(g) agreement since 2019 without any federal
reimbursement, the Immigrant Justice Coalition estimates in a report released Thursday. The group
notes that Harris County was spending about $675,000 a year on its own program before it withdrew
in 2017. The coalition's annual budget is $410,000.
"""
ADVOCACY_LABELS: Labels = {"2200000": "cost", "675000": "cost", "410000": None}

LEGISTAR_FISCAL = """\
File #: 26-0412   Type: Agenda Item   Status: Consent
Title: Approve Amendment 1 to the 287(g) Memorandum of Agreement (Jail Enforcement Model)

Fiscal Impact:
Total Cost: $84,300
Funding Source: ICE 287(g) reimbursement (100%)
County Share: none

File #: 26-0413   Type: Agenda Item   Status: Consent
Title: Approve a lease for the Probation Department annex, $3,950 per month
"""
LEGISTAR_LABELS: Labels = {"84300": "cost", "3950": None}

NEARLY = """\
The state has awarded Marion County nearly $1 million under its immigration enforcement grant
program to offset the costs of the sheriff's 287(g) work. The award, $962,417, covers jail beds
held for ICE at a little over $80 a day and the salaries of two transport deputies. Statewide,
lawmakers set aside $25 million for the program.
"""
NEARLY_LABELS: Labels = {
    "1000000": "grant",
    "962417": "grant",
    "80": "per_diem",
    "25000000": ELSEWHERE,
}

BUDGET_REQUEST = """\
For FY 2026-27 the Sheriff's Office requests $14.2 million, an increase of $610,000 over the current
year, of which $455,000 would fund four deputies for the 287(g) task force. ICE is expected to
repay most of the task force cost under the federal reimbursement terms that took effect in
October.
"""
BUDGET_REQUEST_LABELS: Labels = {"14200000": None, "610000": None, "455000": "cost"}

MATCH = """\
Item 9. Accept the Sheriff Immigration Law Enforcement Grant for the Sheriff's 287(g) program:
  • Grant amount: $100,000
  • Required county match (overtime): $12,500
  • Eligible uses: training, equipment, and task force overtime

Item 10. Approve the purchase of 40 election tabulators, $236,000.
"""
MATCH_LABELS: Labels = {"100000": "grant", "12500": "cost", "236000": None}

EDITORIAL = """\
ICE covered only $140,000 of the $390,000 the 287(g) program cost the county last year. The rest
came out of the sheriff's patrol budget, which is why response times slipped, according to the
deputies' union. The union's own contract talks involve a 3% raise worth about $1.1 million.
"""
EDITORIAL_LABELS: Labels = {"140000": "reimbursement", "390000": "cost", "1100000": None}

BED_PAYMENTS = """\
Under the new 287(g) agreement the jail will hold ICE detainees for up to 30 days, and the sheriff
expects the arrangement to bring in roughly $3 million a year in federal bed payments at $104 a
day. Renovating two housing pods for the detainees will cost about $850,000, paid from the jail
reserve.
"""
BED_LABELS: Labels = {"3000000": "revenue", "104": "per_diem", "850000": "cost"}

SOURCES_USES = """\
                          287(g) TASK FORCE - SOURCES AND USES
                                            FY 2026        FY 2027
  Sources of Funds
    Federal Reimbursement (ICE)           $498,000       $512,000
    Net County Cost (General Fund)         $22,000        $24,000
  Uses of Funds
    Personnel                             $455,000       $470,000
    Vehicles & Equipment                   $65,000        $66,000
"""
SOURCES_LABELS: Labels = {
    "498000": "reimbursement",
    "512000": "reimbursement",
    "22000": "net",
    "24000": "net",
    "455000": "cost",
    "470000": "cost",
    "65000": "cost",
    "66000": "cost",
}

WITHDRAWAL = """\
The sheriff ended the county's 287(g) agreement on Friday, saying the program had cost the office
$1.3 million over four years while ICE paid back less than a third of that. Ending it frees about
$320,000 a year for patrol. The county's jail bond, approved in 2019, still has $41 million
outstanding.
"""
WITHDRAWAL_LABELS: Labels = {"1300000": "cost", "320000": "cost", "41000000": None}

# Scored unseen, after the eighth set's fixes and before any other change: recall 0.62 (16 of
# 26; "nearly $1 million" is merged into "$962,417" as expected), kind accuracy 0.81 (13 of
# 16), 1 of 9 other figures reported. Misses by class: a title line above a header row of
# years lost (a whole "Sources of Funds / Uses of Funds" table missed); a department's whole
# request before "of which $X ... 287(g)"; "ICE covered $X of the $Y the program cost" (the
# payer of the first amount taken for the second's); a required county match read as grant; a
# sentence about another county's program; "Ending it frees $X".
BATCH9: dict[str, tuple[str, Labels]] = {
    "slide": (SLIDE, SLIDE_LABELS),
    "advocacy report": (ADVOCACY, ADVOCACY_LABELS),
    "legistar fiscal impact": (LEGISTAR_FISCAL, LEGISTAR_LABELS),
    "nearly a million": (NEARLY, NEARLY_LABELS),
    "budget request": (BUDGET_REQUEST, BUDGET_REQUEST_LABELS),
    "grant match bullets": (MATCH, MATCH_LABELS),
    "editorial": (EDITORIAL, EDITORIAL_LABELS),
    "bed payments": (BED_PAYMENTS, BED_LABELS),
    "sources and uses": (SOURCES_USES, SOURCES_LABELS),
    "withdrawal": (WITHDRAWAL, WITHDRAWAL_LABELS),
}
