"""The third to fifth labelled sets for the cost extractor's accuracy test: each was written
and scored before any rule change, and its comment says how the rules did on it unseen.
"""

from __future__ import annotations

# Amount in digits -> its kind when it is a local 287(g) figure; None when it is not one;
# ELSEWHERE when it is another place's (a state program's total, a national total): reporting
# it is right only with that place as its jurisdiction.
Labels = dict[str, str | None]
ELSEWHERE = "elsewhere"


# A third set, also scored unseen first: recall 0.82, kind accuracy 0.67, 3 of 9 other figures
# reported (a money section under an agenda item, state and national totals, a negated bullet).
AGENDA_SECTIONS = """\
ITEM 12. Sheriff - Amendment No. 2 to the 287(g) Memorandum of Agreement with U.S. Immigration
and Customs Enforcement (Warrant Service Officer model).

FISCAL IMPACT:
Year one personnel costs are $19 ,000 in training overtime and $3,412.50 in travel, both paid
from the Sheriff's FY2026 adopted budget.

RECOMMENDATION:
Approve the amendment and authorize the Chair to sign.

ITEM 13. Fleet - Purchase of six patrol sedans from the state contract, $271,638.
"""
AGENDA_SECTIONS_LABELS: Labels = {"19000": "cost", "3412.50": "cost", "271638": None}

HTML_TABLE = """\
Sheriff's Office grants summary
Grant | FY 2025 | FY 2026
DHS ICE 287(g) Task Force reimbursement | $118,250 | $302,500
Byrne JAG | $41,700 | $39,900
SCAAP | $22,015 | $19,880
"""
HTML_TABLE_LABELS: Labels = {
    "118250": "reimbursement",
    "302500": "reimbursement",
    "41700": None,
    "39900": None,
    "22015": None,
    "19880": None,
}

STATE_PROGRAM = """\
The Sheriff's Office will apply to Florida's $250 Million Local Law Enforcement Immigration Grant
Program, created for agencies with 287(g) agreements. Sheriff Mays said the office expects to ask
for about $640,000 to cover bed space and 287(g) overtime. Nationwide, ICE spent $68.3 million on
287(g) agreements in fiscal 2011, according to a federal audit.
"""
STATE_PROGRAM_LABELS: Labels = {"250000000": ELSEWHERE, "640000": "grant", "68300000": ELSEWHERE}

MILLIONS = """\
County Manager's budget message, page 14. The 287(g) jail unit, which the sheriff
staffs with 14 detention officers, will cost $3.2-million in the coming year, up from $2.9
million. Federal reimbursement under the agreement is projected at ($862,000), shown as a
negative expenditure. The detention center's utilities will rise to $1.05 million.
"""
MILLIONS_LABELS: Labels = {
    "3200000": "cost",
    "2900000": "cost",
    "-862000": "reimbursement",
    "1050000": None,
}

BULLET_NEWS = """\
What the 287(g) agreement costs the county, by the numbers:
- $712,000: salaries for the eight deputies assigned to the task force
- $55,000: the one-time cost of the vehicles and radios
- $7,500: what ICE repays per credentialed deputy each year
- $1.9 million: the jail's yearly food contract, which is not part of the program
"""
BULLET_NEWS_LABELS: Labels = {
    "712000": "cost",
    "55000": "cost",
    "7500": "reimbursement",
    "1900000": None,
}

BATCH3: dict[str, tuple[str, Labels]] = {
    "agenda sections": (AGENDA_SECTIONS, AGENDA_SECTIONS_LABELS),
    "html table": (HTML_TABLE, HTML_TABLE_LABELS),
    "state program": (STATE_PROGRAM, STATE_PROGRAM_LABELS),
    "millions": (MILLIONS, MILLIONS_LABELS),
    "bullet news": (BULLET_NEWS, BULLET_NEWS_LABELS),
}

# A fourth set, scored unseen first: recall 1.00, kind accuracy 0.90, 1 of 8 other figures
# reported (a restatement "$38,657, or $8,995 per year" lost its kind; a fund balance).
BUDGET_IMPACT = """\
26-114-0413-C Constable Precinct 4 - Certification of Revenue for the DHS ICE 287(g) Task Force
and appropriation of the same.

BUDGET IMPACT:
Fund   Org     Account   Description                          Amount
100    31050   43190     Federal Grants - ICE 287(g)        $152,500
100    31050   51110     Salaries - Deputy Constables        $52,500
100    31050   54510     Vehicle                            $100,000

26-115-0413-C Road & Bridge - Purchase of a motor grader, $318,400.
"""
BUDGET_IMPACT_LABELS: Labels = {
    "152500": "grant",
    "52500": "cost",
    "100000": "cost",
    "318400": None,
}

FORUM = """\
Sheriff Alvarez defended the 287(g) agreement at Tuesday's forum. "We spend about $90,000 a year
on it, and ICE covers most of that," he said. Opponents said the true figure is higher once jail
time is counted. The county's new courthouse annex, also discussed Tuesday, will cost $38 million.
"""
FORUM_LABELS: Labels = {"90000": "cost", "38000000": None}

AUDIT = """\
Net incremental cost to the Sheriff's Office for participation in the 287(g) program for FY2015
through FY2019 totaled $38,657, or $8,995 per year on average. No reimbursements from ICE were
identified. The audit itself cost the county $19,739, and the Adult Detention Center's budget was
$15.7 million.
"""
AUDIT_LABELS: Labels = {"38657": "net", "8995": "net", "19739": None, "15700000": None}

COURT_ORDER = """\
WHEREAS, under the Task Force Model agreement the County will receive reimbursement of up to $25
per hour of overtime worked by designated officers; and WHEREAS, the County's general fund
balance is $14,250,000;
"""
COURT_ORDER_LABELS: Labels = {"25": "reimbursement", "14250000": None}

JEM_PER_DIEM = """\
ICE will pay the county a per diem of $97.50 for each detainee housed under the 287(g) Jail
Enforcement Model agreement. The jail's average daily cost per inmate is $112.40.
"""
JEM_LABELS: Labels = {"97.50": "per_diem", "112.40": None}

CSV_ROWS = """\
Line Item | FY 2025-26 Budget | FY 2026-27 Budget
287(g) Warrant Service Officer overtime | FY 2025-26 Budget: 54000 | FY 2026-27 Budget: 56500
Inmate transport | FY 2025-26 Budget: 210000 | FY 2026-27 Budget: 222000
"""
CSV_LABELS: Labels = {"54000": "cost", "56500": "cost", "210000": None, "222000": None}

BATCH4: dict[str, tuple[str, Labels]] = {
    "budget impact table": (BUDGET_IMPACT, BUDGET_IMPACT_LABELS),
    "forum quote": (FORUM, FORUM_LABELS),
    "audit": (AUDIT, AUDIT_LABELS),
    "court order": (COURT_ORDER, COURT_ORDER_LABELS),
    "jem per diem": (JEM_PER_DIEM, JEM_LABELS),
    "csv rows": (CSV_ROWS, CSV_LABELS),
}

# A fifth set, scored unseen first: recall 1.00, kind accuracy 0.88, 2 of 8 other figures
# reported (a total written before its 287(g) part; "the Marshals pay $81").
NARRATIVE = """\
Department Overview. The Sheriff's Office provides patrol, investigations, court security and
detention services to 212,000 residents. Patrol answered 48,000 calls in 2025. The office's fleet
of 96 vehicles is replaced on a seven-year cycle at about $410,000 a year. In 2024 the office
entered a 287(g) agreement under the Warrant Service Officer model; three detention deputies
were trained at no cost to the county, and overtime for the program is budgeted at $22,500.
Court security screening equipment will be replaced in 2027 at a cost of $140,000. The jail's
medical contract renews in March at $1,310,000 a year. Training for all sworn staff is budgeted
at $95,000.
"""
NARRATIVE_LABELS: Labels = {
    "410000": None,
    "22500": "cost",
    "140000": None,
    "1310000": None,
    "95000": None,
}

FEDERAL_FUNDS = """\
The sheriff's office received $2.4 million in federal funds last year, including about $600,000
tied to the 287(g) program, according to the county's annual financial report.
"""
FEDERAL_LABELS: Labels = {"2400000": None, "600000": "revenue"}

CONSENT = """\
C-7. Approve budget amendment BA-26-041 transferring $85,000 from Contingency to Sheriff -
287(g) Overtime.
C-8. Approve budget amendment BA-26-042 transferring $12,000 from Contingency to Parks -
Seasonal Staff.
"""
CONSENT_LABELS: Labels = {"85000": "cost", "12000": None}

LETTER = """\
Since joining the 287(g) program in 2019, our deputies have processed 1,470 people at a total
cost of $212,000, roughly $35,000 a year. By comparison, the jail spends $9.8 million a year on
detention overall.
"""
LETTER_LABELS: Labels = {"212000": "cost", "35000": "cost", "9800000": None}

SCAAP_AND = """\
The county received $68,685 in SCAAP funds and $122,500 through its 287(g) task force last
year. Under the agreement, ICE pays $92 a day for each detainee, while the Marshals pay $81.
"""
SCAAP_AND_LABELS: Labels = {"68685": None, "122500": "revenue", "92": "per_diem", "81": None}

BATCH5: dict[str, tuple[str, Labels]] = {
    "long narrative": (NARRATIVE, NARRATIVE_LABELS),
    "federal funds": (FEDERAL_FUNDS, FEDERAL_LABELS),
    "consent items": (CONSENT, CONSENT_LABELS),
    "letter": (LETTER, LETTER_LABELS),
    "scaap and 287g": (SCAAP_AND, SCAAP_AND_LABELS),
}


# A sixth set, written and scored after all the fixes above, unseen: recall 0.88, kind accuracy
# 0.71 (5 of 7; "Federal revenue offset" was first labelled a reimbursement, then revenue as
# written), no other figure reported. Misses: "Detention Officer" lines had no kind, "ICE sends
# back perhaps $400,000", "That is a $900,000 hole" (then a comparison figure came in).
BUDGET_BOOK = """\
                                   SHERIFF'S OFFICE
                         Summary of Changes - FY 2026-27 Recommended

  Position / Item                                   FTE        FY 2026-27
  Deputy Sheriff (Patrol) - 4 new                   4.0          $388,640
  Detention Officer - 287(g) Task Force - 3 new     3.0          $246,930
  Federal revenue offset (ICE 287(g))                           ($246,930)
  Body-worn camera licenses                                       $74,500
  Net change, Sheriff's Office                                   $463,140
"""
BUDGET_BOOK_LABELS: Labels = {
    "388640": None,
    "246930": "cost",
    "-246930": "revenue",
    "74500": None,
    "463140": None,
}

TV_NEWS = """\
Since the Carver County Sheriff's Office signed on to the 287(g) program last spring, the agency
has spent just under $57,000 on training and travel, records show. The state has paid back about
$41,000 of that through its immigration grant. The sheriff's office also bought a $15,000 drone
for search-and-rescue work this year.
"""
TV_NEWS_LABELS: Labels = {"57000": "cost", "41000": "reimbursement", "15000": None}

RESOLUTION = """\
RESOLUTION 2026-118. BE IT RESOLVED that the Board of Commissioners accepts $140,000 from the
Sheriff Immigration Law Enforcement Grant Program for the Sheriff's 287(g) jail enforcement
activities, and amends the FY2026 budget accordingly. BE IT FURTHER RESOLVED that $6,500 be
transferred from the jail maintenance line to the elevator repair project.
"""
RESOLUTION_LABELS: Labels = {"140000": "grant", "6500": None}

OPINION = """\
The county says the 287(g) unit pays for itself. It does not. Deputies assigned to it cost
taxpayers $1.3 million a year; ICE sends back perhaps $400,000. That is a $900,000 hole, larger
than the $650,000 the library system lost this year.
"""
OPINION_LABELS: Labels = {
    "1300000": "cost",
    "400000": "reimbursement",
    "900000": "net",
    "650000": None,
}

BATCH6: dict[str, tuple[str, Labels]] = {
    "budget book changes": (BUDGET_BOOK, BUDGET_BOOK_LABELS),
    "tv news": (TV_NEWS, TV_NEWS_LABELS),
    "resolution": (RESOLUTION, RESOLUTION_LABELS),
    "opinion": (OPINION, OPINION_LABELS),
}
