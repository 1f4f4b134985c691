"""A seventh labelled set for the cost extractor's accuracy test, written for issue 12 (item 1
and 2) and scored before any rule change; the comment above ``BATCH7`` says how the rules did
on it unseen.

Each document is our own writing in a class of real document: plain ``pdftotext`` output of a
budget table (printed from a PDF we built, both the row-by-row and the column-by-column shapes
it takes), a program fund page with REVENUES and EXPENDITURES over three fiscal-year columns, a
budget amendment form, agenda items with FISCAL IMPACT, consent items, minutes, a state fiscal
note, news paragraphs with cost, reimbursement, grant, net, revenue and per-diem in one place,
a letter with amounts in words, and the direction of money ("ICE pays the county $X a day",
"the county pays ..."). No published text is copied.
"""

from __future__ import annotations

from test_costs_documents_later import ELSEWHERE, Labels

# Who pays whom: ICE paying the county a day rate is per-diem, the county paying its deputies is
# cost, "that check" from ICE is a reimbursement.
DIRECTION = """\
Under the 287(g) agreement signed in January, ICE pays Dorsey County $85 for each day a detainee
is held in the county jail past the 48-hour hold. The county pays its three task force deputies
a combined $214,600 a year, and ICE repays the county for their salaries each quarter, Finance
Director Amy Clark said. Last quarter that check came to $51,300. The county also pays $12,000 a
year for the secure video link the program requires.
"""
DIRECTION_LABELS: Labels = {
    "85": "per_diem",
    "214600": "cost",
    "51300": "reimbursement",
    "12000": "cost",
}

# Plain `pdftotext` (no -layout) of a budget table: every cell on its own line, rows in order.
PLAIN_ROWS = (
    "BRANTLEY COUNTY, GEORGIA - ADOPTED BUDGET 2025\nOrg 4410 - Sheriff Corrections\n\n"
    "FY 2024 Actual\n\nFY 2025 Budget\n\nJail Medical Services\n\n1,402,118\n\n1,455,000\n\n"
    "287(g) Detention Deputies (4)\n\n301,776\n\n318,900\n\nInmate Food Services\n\n688,240\n\n"
    "702,000\n\nCorrections Total\n\n9,874,410\n\n10,112,650\n\n\x0c"
)
PLAIN_ROWS_LABELS: Labels = {
    "1402118": None,
    "1455000": None,
    "301776": "cost",
    "318900": "cost",
    "688240": None,
    "702000": None,
    "9874410": None,
    "10112650": None,
}

# Plain `pdftotext` of a table with sections: labels first, then each column of figures.
PLAIN_COLUMNS = (
    "SHERIFF - DETENTION\nLine item\nREVENUES\nFederal Inmate Housing - USMS\n"
    "ICE 287(g) Task Force Reimbursement\nCommissary Commissions\nEXPENDITURES\n"
    "287(g) Task Force Salaries and Benefits\nDetention Officers\n\nFY 2025\n\nFY 2026\n\n"
    "1,180,000\n264,000\n71,300\n\n1,210,000\n297,500\n73,000\n\n281,650\n5,906,400\n\n"
    "305,200\n6,080,000\n\n\x0c"
)
PLAIN_COLUMNS_LABELS: Labels = {
    "1180000": None,
    "1210000": None,
    "264000": "reimbursement",
    "297500": "reimbursement",
    "71300": None,
    "73000": None,
    "281650": "cost",
    "305200": "cost",
    "5906400": None,
    "6080000": None,
}

FUND_PAGE = """\
                    JAIL ENFORCEMENT (287(g)) PROGRAM - FUND 2715

                                  FY 2024-25     FY 2025-26     FY 2026-27
                                      Actual        Adopted      Requested
  REVENUES
    ICE Reimbursements               340,000        402,000        455,000
    Interest Earnings                  1,140          1,000          1,000
  EXPENDITURES
    Salaries & Benefits              351,930        372,500        421,700
    Training Travel                   14,025         16,000         18,500
    Vehicle Lease                     22,980         23,500         26,800
  NET COUNTY COST                     47,795          9,000         11,000
"""
FUND_PAGE_LABELS: Labels = {
    "340000": "reimbursement",
    "402000": "reimbursement",
    "455000": "reimbursement",
    "1140": "revenue",
    "1000": "revenue",
    "351930": "cost",
    "372500": "cost",
    "421700": "cost",
    "14025": "cost",
    "16000": "cost",
    "18500": "cost",
    "22980": "cost",
    "23500": "cost",
    "26800": "cost",
    "47795": "net",
    "9000": "net",
    "11000": "net",
}

AGENDA_FISCAL = """\
AGENDA ITEM 7
Title: Accept the 287(g) Task Force Model reimbursement agreement and amend the FY2026 budget

FISCAL IMPACT:
Approval increases Sheriff's Office revenue by $276,000 and appropriates the same amount for two
deputy positions, a patrol vehicle and equipment. The county will front payroll costs of
approximately $11,500 per pay period until federal funds arrive. There is no net cost to the
General Fund.

Staff recommends approval.

AGENDA ITEM 8
Title: Award of bid for jail kitchen renovation to Ridgeline Builders, $642,000.
"""
AGENDA_FISCAL_LABELS: Labels = {"276000": "revenue", "11500": "cost", "642000": None}

MIXED_NEWS = """\
The numbers behind Pike County's ICE partnership

Pike County has spent $1.46 million on its 287(g) program since it began in 2022, mostly on the
salaries of five detention deputies, according to records obtained by the Ledger. Over the same
period the federal government reimbursed $610,000, and a state immigration enforcement grant
added another $250,000. That leaves county taxpayers covering about $600,000. The jail also
collects $79 a day for every ICE detainee it houses, which brought in $1.1 million last year,
money the sheriff says keeps the jail budget in the black.
"""
MIXED_NEWS_LABELS: Labels = {
    "1460000": "cost",
    "610000": "reimbursement",
    "250000": "grant",
    "600000": "net",
    "79": "per_diem",
    "1100000": "revenue",
}

MINUTES_VERBS = """\
Commissioner Hale asked what the 287(g) program costs the county. Sheriff Dunn said the office
spends roughly $40,000 a year on training travel for it, which ICE has never paid for, and that
the federal government will send the county $7,500 for each deputy who completes the course.
Hale moved to approve the renewal of the agreement; seconded by Commissioner Ortiz. Carried 4-1.
The board then approved a $22,000 payment to Grady County for inmate transport.
"""
MINUTES_VERBS_LABELS: Labels = {"40000": "cost", "7500": "reimbursement", "22000": None}

STATE_NOTE = """\
FISCAL NOTE
SB 412 - Sheriffs; immigration enforcement agreements

The bill requires each sheriff who operates a jail to seek a 287(g) agreement with U.S.
Immigration and Customs Enforcement. The Department of Public Safety estimates state costs of
$2.3 million in FY 2027 for a grant program to offset local costs, with grants capped at $60,000
per county. Local costs are estimated at $35,000 to $90,000 per participating county for training
and overtime. Federal reimbursement is expected to offset an indeterminate portion of these costs.
"""
STATE_NOTE_LABELS: Labels = {"2300000": "cost", "60000": "grant", "35000": "cost"}

STAFF_RATES = """\
STAFF REPORT - Sheriff's Office request to join the 287(g) Warrant Service Officer program

Training is provided by ICE at no charge, but the Sheriff estimates travel, lodging and meals at
about $2,800 per deputy for the one-week course, or $16,800 for six deputies. Backfill overtime
while deputies attend is estimated at no more than $9,000. The Sheriff's Office FY 2026 budget of
$31.4 million is not otherwise affected.
"""
STAFF_RATES_LABELS: Labels = {
    "2800": "cost",
    "16800": "cost",
    "9000": "cost",
    "31400000": None,
}

HIGHLIGHTS = """\
FY 2026-27 Recommended Budget - Sheriff's Office highlights
• Adds two detention deputies for the 287(g) jail model ($158,400), largely offset by ICE
  reimbursement
• Replaces 14 patrol vehicles ($798,000)
• Increases the inmate medical contract by 4% ($61,900)
• Recognizes $150,000 in new federal revenue for the 287(g) positions
"""
HIGHLIGHTS_LABELS: Labels = {
    "158400": "cost",
    "798000": None,
    "61900": None,
    "150000": "revenue",
}

IGSA_AND_287G = """\
The jail houses federal detainees under two contracts. The U.S. Marshals Service pays $72 per day
under an intergovernmental agreement, and ICE pays $86 per day under the IGSA. Separately, under
the county's 287(g) agreement ICE reimburses the sheriff's office $4,000 a quarter for the
processing station's upkeep.
"""
IGSA_LABELS: Labels = {"72": None, "86": None, "4000": "reimbursement"}

WORDS_LETTER = """\
To the editor: The sheriff says the 287(g) program costs "next to nothing." The county's own
budget shows more than half a million dollars for the unit's salaries this year, and the
commissioners added two hundred thousand dollars for its overtime in March. Meanwhile the county
cut $350,000 from the library.
"""
WORDS_LETTER_LABELS: Labels = {"500000": "cost", "200000": "cost", "350000": None}

DAILY_LOSS = """\
Each ICE detainee costs the county about $112 a day to house, the auditor found, but ICE pays only
$81 a day under the 287(g) jail agreement, so the county loses roughly $31 a day on each one, more
than $400,000 last year.
"""
DAILY_LOSS_LABELS: Labels = {"112": "cost", "81": "per_diem", "31": "net", "400000": "net"}

AMENDMENT_FORM = """\
BUDGET AMENDMENT REQUEST                                              BA-2026-019
Department: Sheriff           Purpose: 287(g) Task Force reimbursement, second quarter

Account              Description                              Increase       Decrease
100-2100-331.45      Federal Revenue - ICE 287(g)               88,416
100-2100-511.20      Overtime                                   61,050
100-2100-552.10      Vehicle Fuel                               27,366
"""
AMENDMENT_LABELS: Labels = {"88416": "revenue", "61050": "cost", "27366": "cost"}

STATE_GRANT_NEWS = """\
The Texas comptroller's office has sent $100,000 to the Brazos County Sheriff's Office under the
state's Sheriff Immigration Law Enforcement Grant, the first payment for its 287(g) work. Brazos
County will use it for two transport vans. Statewide, the program has paid out $14.2 million so
far. Neighboring Grimes County received $80,000.
"""
STATE_GRANT_LABELS: Labels = {"100000": "grant", "14200000": ELSEWHERE, "80000": "grant"}

CONSENT_LIST = """\
CONSENT AGENDA
a. Receive and file the Treasurer's report for October.
b. Approve a budget transfer of $18,250 within the Sheriff's 287(g) cost center from Supplies to
Overtime.
c. Accept $95,000 from U.S. Immigration and Customs Enforcement as reimbursement for 287(g) task
force salaries for July through September and amend the budget accordingly.
d. Approve the purchase of a used dump truck for Road and Bridge, $64,500.
"""
CONSENT_LIST_LABELS: Labels = {"18250": "cost", "95000": "reimbursement", "64500": None}

# Scored unseen, before any rule change: recall 0.46 (27 of 59), kind accuracy 0.81 (22 of 27),
# none of 22 other figures reported, one figure misread ("deputies ($158,400)" as a negative).
# Misses by class: plain `pdftotext` tables (labels and figures on separate lines) gave nothing;
# rows under a title block with a layout row or over a year-header row lost the title; a report's
# paragraphs under a title naming 287(g) were not about it; direction ("the county pays $12,000"
# cost, "has sent $100,000 to the Sheriff's Office under the ... Grant" grant, "costs the county
# $112 a day" cost, not a per-diem); "loses $31 a day, more than $400,000" net; "that check".
BATCH7: dict[str, tuple[str, Labels]] = {
    "direction of money": (DIRECTION, DIRECTION_LABELS),
    "plain pdftotext rows": (PLAIN_ROWS, PLAIN_ROWS_LABELS),
    "plain pdftotext columns": (PLAIN_COLUMNS, PLAIN_COLUMNS_LABELS),
    "program fund page": (FUND_PAGE, FUND_PAGE_LABELS),
    "agenda fiscal impact": (AGENDA_FISCAL, AGENDA_FISCAL_LABELS),
    "mixed news": (MIXED_NEWS, MIXED_NEWS_LABELS),
    "minutes verbs": (MINUTES_VERBS, MINUTES_VERBS_LABELS),
    "state fiscal note 2": (STATE_NOTE, STATE_NOTE_LABELS),
    "staff report rates": (STAFF_RATES, STAFF_RATES_LABELS),
    "budget highlights": (HIGHLIGHTS, HIGHLIGHTS_LABELS),
    "igsa and 287g": (IGSA_AND_287G, IGSA_LABELS),
    "amounts in words letter": (WORDS_LETTER, WORDS_LETTER_LABELS),
    "daily loss": (DAILY_LOSS, DAILY_LOSS_LABELS),
    "amendment form": (AMENDMENT_FORM, AMENDMENT_LABELS),
    "state grant news": (STATE_GRANT_NEWS, STATE_GRANT_LABELS),
    "consent list": (CONSENT_LIST, CONSENT_LIST_LABELS),
}
