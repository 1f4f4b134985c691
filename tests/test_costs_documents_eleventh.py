"""An eleventh labelled set for the cost extractor's accuracy test (issue 12), written after the
tenth set's fixes in the examiner's manner (one class per document, traps beside the 287(g)
money) and scored before any further change; the comment above ``BATCH11`` gives its unseen
score. Our own writing; no published text.
"""

from __future__ import annotations

from test_costs_documents_later import ELSEWHERE, Labels

# Class: layout budget page with two programs under one division, a REVENUES section whose 287(g)
# line is called a "Federal Grant", and a net row.
LAYOUT_TWO_PROGRAMS = """\
                         ORANGE HILL COUNTY, GEORGIA - FY 2026 BUDGET
  SHERIFF - JAIL OPERATIONS                                         Cost Center 3300

                                           FY 2024          FY 2025          FY 2026
                                            Actual           Budget          Adopted
  EXPENDITURES
    Detention Officers                    6,114,902        6,402,000        6,688,500
    287(g) Jail Unit - Salaries             366,710          381,900          402,450
    287(g) Jail Unit - Training              12,880           15,000           15,000
    Medical Services                      1,720,455        1,802,000        1,866,300
  REVENUES
    Federal Grant - 287(g) (ICE)            120,000          150,000          180,000
    SCAAP                                    66,214           60,000           60,000
    Inmate Telephone Commissions            210,330          205,000          205,000
"""
LAYOUT_TWO_LABELS: Labels = {
    "6114902": None,
    "6402000": None,
    "6688500": None,
    "366710": "cost",
    "381900": "cost",
    "402450": "cost",
    "12880": "cost",
    "15000": "cost",
    "1720455": None,
    "1802000": None,
    "1866300": None,
    "120000": "grant",
    "150000": "grant",
    "180000": "grant",
    "66214": None,
    "60000": None,
    "210330": None,
    "205000": None,
}

# Class: news with a sheriff's cost estimate in words, an ICE promise, and the county's debt.
NEWS_WORDS = """\
Commissioners delay vote on immigration partnership

PINE BLUFF - The sheriff told commissioners Monday that joining ICE's 287(g) program would cost
roughly three hundred thousand dollars in its first year, most of it for two new detention
officers. ICE has promised to repay the officers' salaries, he said, which would cut the
county's cost to about $60,000. The county still owes $14 million on its jail bonds.
"""
NEWS_WORDS_LABELS: Labels = {"300000": "cost", "60000": "net", "14000000": None}

# Class: a Legistar agenda item whose fiscal section lists revenue and expense accounts on lines.
ACCOUNT_LINES = """\
Agenda Item 14
Approve a budget amendment recognizing 287(g) Task Force reimbursements from U.S. Immigration
and Customs Enforcement for the second quarter.

Fiscal Impact:
Revenue account 101-2201-4420 (ICE 287(g) reimbursement): $73,640
Expense account 101-2201-5110 (Overtime): $58,900
Expense account 101-2201-5410 (Fuel): $14,740

Agenda Item 15
Approve the annual software maintenance agreement with Tyler Technologies, $96,115.
"""
ACCOUNT_LINES_LABELS: Labels = {
    "73640": "reimbursement",
    "58900": "cost",
    "14740": "cost",
    "96115": None,
}

# Class: a per-diem in a 287(g) jail agreement, said as "per inmate day", and the jail's cost.
PER_INMATE_DAY = """\
Jail Administrator's monthly report, page 3. Under the 287(g) jail agreement the county bills
ICE $74.25 per inmate day for people held on immigration detainers; October billings totaled
$48,190. The jail's own cost per inmate day is $96.10 under the current budget.
"""
PER_INMATE_DAY_LABELS: Labels = {"74.25": "per_diem", "48190": "revenue", "96.10": None}

# Class: a statewide report with a local line and other counties' lines in a pipe table.
STATE_TABLE = """\
Statewide 287(g) reimbursements received, first half of FY 2026 (Sheriffs' Association report)
County | Agreements | Reimbursed
Harmon | 2 | $184,300
Dale | 1 | $66,950
Statewide total | 41 | $3,912,400
"""
STATE_TABLE_LABELS: Labels = {
    "184300": "reimbursement",
    "66950": "reimbursement",
    "3912400": ELSEWHERE,
}

# Class: minutes with a withdrawal, money saved, and the program's lost revenue.
MINUTES_WITHDRAWAL = """\
Item 6. Termination of 287(g) agreement. Sheriff Cole reported that he has ended the jail's
287(g) agreement effective June 30. The county will lose about $210,000 a year in ICE
reimbursements but will no longer pay $265,000 a year for the three detention officers assigned
to the program, he said. Commissioner Fry moved to accept the report. Carried 5-0.

Item 7. Approve the 2026 holiday schedule. Carried 5-0.
"""
MINUTES_WITHDRAWAL_LABELS: Labels = {"210000": "reimbursement", "265000": "cost"}

# Class: staff memo with a per-position cost range and per-unit equipment.
POSITION_MEMO = """\
MEMO - Sheriff's request for 287(g) Task Force positions

Each Task Force Officer position costs between $81,000 and $93,500 a year with benefits,
depending on step. Equipment per officer (radio, body camera, rifle) is $9,850, a one-time cost.
ICE reimburses salary and benefits; equipment is eligible for the state's 287(g) grant of up to
$100,000 per agency.
"""
POSITION_MEMO_LABELS: Labels = {"81000": "cost", "9850": "cost", "100000": "grant"}

# Scored unseen, after the tenth set's fixes and before any other change: recall 1.00 (22 of
# 22), kind accuracy 0.77 (17 of 22), none of 14 other figures reported. Misses by class: "cut
# the county's cost to $X" (net); a rate "per inmate day" billed to ICE (a per-diem) and the
# month's billings of it (revenue); "lose $X a year in ICE reimbursements" (what is lost is a
# reimbursement, not a net loss); "but will no longer pay $X" (the county's subject before).
BATCH11: dict[str, tuple[str, Labels]] = {
    "layout two programs": (LAYOUT_TWO_PROGRAMS, LAYOUT_TWO_LABELS),
    "news in words": (NEWS_WORDS, NEWS_WORDS_LABELS),
    "account lines": (ACCOUNT_LINES, ACCOUNT_LINES_LABELS),
    "per inmate day": (PER_INMATE_DAY, PER_INMATE_DAY_LABELS),
    "state table": (STATE_TABLE, STATE_TABLE_LABELS),
    "minutes withdrawal": (MINUTES_WITHDRAWAL, MINUTES_WITHDRAWAL_LABELS),
    "position memo": (POSITION_MEMO, POSITION_MEMO_LABELS),
}
