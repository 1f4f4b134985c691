"""A tenth labelled set for the cost extractor's accuracy test (issue 12), written after the
fixes for set A and scored before any further change; the comment above ``BATCH10`` gives its
unseen score. Our own writing in the shapes of real documents, traps first; no published text.
"""

from __future__ import annotations

from test_costs_documents_later import ELSEWHERE, Labels

DEPARTMENT_PAGE = """\
                              CITY OF ASHFORD - POLICE DEPARTMENT
                                   FY 2026-27 PROPOSED BUDGET

  DIVISION / PROGRAM                           FY 2025-26          FY 2026-27
                                                  Adopted            Proposed
  PATROL DIVISION
    Salaries and Benefits                        8,412,300          8,790,150
    Vehicle Replacement                            640,000            655,000
  INVESTIGATIONS DIVISION
    Salaries and Benefits                        2,905,400          3,011,870
    287(g) Task Force Officers (2)                 171,600            182,950
  SUPPORT SERVICES
    Records and Property                           488,020            501,300
    Training (all sworn staff)                     126,500            131,000
  DEPARTMENT TOTAL                              12,573,820         13,072,270
"""
DEPARTMENT_LABELS: Labels = {
    "8412300": None,
    "8790150": None,
    "640000": None,
    "655000": None,
    "2905400": None,
    "3011870": None,
    "171600": "cost",
    "182950": "cost",
    "488020": None,
    "501300": None,
    "126500": None,
    "131000": None,
    "12573820": None,
    "13072270": None,
}

HEADLINE_OTHER = """\
Sheriff's 287(g) push draws crowd

More than 80 people packed Tuesday's commission meeting in Lyle County to speak about the
sheriff's request to join ICE's 287(g) program. The sheriff estimates the Warrant Service
Officer model would cost the county about $38,000 a year in overtime.

In other business, commissioners approved a $1.2 million contract to repave Mill Creek Road
and heard that the new animal shelter will cost $3.4 million. The library board asked for
$75,000 to extend weekend hours.
"""
HEADLINE_LABELS: Labels = {"38000": "cost", "1200000": None, "3400000": None, "75000": None}

TX_ITEM = """\
26-233-0504-C  Sheriff
Consideration of a budget amendment to recognize revenue of $287,500 from the U.S. Department
of Homeland Security for the Sheriff's 287(g) Task Force (reimbursement of officer salaries,
October 2025 - March 2026) and to appropriate the same to salaries and benefits.

26-234-0504-C  Road & Bridge Precinct 2
Consideration of the purchase of a 2026 Caterpillar 12M3 motor grader from Holt Cat through
the BuyBoard cooperative, $412,880.
"""
TX_ITEM_LABELS: Labels = {"287500": "revenue", "412880": None}

NEWS_TWO_PROGRAMS = """\
The sheriff's office now earns money from ICE in two ways. Under a detention contract that
predates the 287(g) agreement, ICE pays $92 a day for each detainee, which brought in $1.9
million last year. Under the 287(g) task force agreement, ICE reimbursed $338,000 in deputy
salaries over the same period, county records show.
"""
TWO_PROGRAMS_LABELS: Labels = {"92": None, "1900000": None, "338000": "reimbursement"}

MINUTES_MOTIONS = """\
7. 287(g) agreement - Sheriff. Sheriff Tate asked the board to approve overtime of up to
$24,000 for deputies attending the ICE training academy in Charleston. Commissioner Webb asked
whether the county would get that money back; the sheriff said ICE pays for the training itself
but not for overtime. Motion to approve by Webb, second by Ruiz. Passed 3-2.

8. Solid waste. Motion to approve the annual landfill tipping fee of $41.50 per ton. Passed
5-0.
"""
MINUTES_MOTIONS_LABELS: Labels = {"24000": "cost", "41.50": None}

LEGISLATIVE_SUMMARY = """\
Bill analysis - HB 2207 (287(g) participation grants)

Summary: Creates a grant program in the Department of Public Safety to pay participating
sheriffs up to $75,000 a year for 287(g) training and equipment. The department estimates the
program would cost the state $4.8 million in fiscal 2027, including $310,000 for two grant
administrators. Nationally, 24 states have enacted similar laws.
"""
LEGISLATIVE_LABELS: Labels = {"75000": "grant", "4800000": "cost", "310000": "cost"}

PER_OFFICER = """\
Under ICE's new terms, each task force officer who meets the locating rate earns the agency a
quarterly award of $1,000; Sheriff Boone said his nine 287(g) officers brought in $27,000 in
awards in the first two quarters. The office also expects ICE to repay about $68,500 a month in
their salaries.
"""
# The $1,000 is ICE's term for every agency (national), as the examiner labels such terms; first
# labelled a local revenue.
PER_OFFICER_LABELS: Labels = {"1000": ELSEWHERE, "27000": "revenue", "68500": "reimbursement"}

REVENUE_TABLE_PLAIN = (
    "SHERIFF - SPECIAL REVENUE FUND 214\nRevenue Source\n\nFY 2025 Actual\n\nFY 2026 Budget\n\n"
    "Forfeiture Proceeds\n\n41,200\n\n35,000\n\n287(g) Reimbursement - ICE\n\n256,440\n\n"
    "310,000\n\nInterest\n\n2,115\n\n2,000\n\nTotal Fund Revenue\n\n299,755\n\n347,000\n"
)
REVENUE_PLAIN_LABELS: Labels = {
    "41200": None,
    "35000": None,
    "256440": "reimbursement",
    "310000": "reimbursement",
    "2115": None,
    "2000": None,
    "299755": None,
    "347000": None,
}

STAFF_COSTS = """\
FISCAL IMPACT
Joining the 287(g) Jail Enforcement Model requires no new positions. The Sheriff estimates
one-time costs of $18,400 for two booking workstations and network work, and annual costs of
about $6,200 for the secure line to ICE. ICE provides the software and training at no charge.
Estimated reimbursement: none.

ALTERNATIVES
The Board could decline the agreement. The Sheriff's Office would then continue to honor
detainers as it does now, at an estimated cost of $52,000 a year in extra jail days.
"""
STAFF_COSTS_LABELS: Labels = {"18400": "cost", "6200": "cost", "52000": None}

OTHER_COUNTY_NEWS = """\
Bay County's sheriff said Thursday that the county's 287(g) unit cost $402,000 last year and
that ICE repaid $366,000 of it. In neighboring Gulf County, which joined in 2024, the sheriff
reported spending $120,000 with no reimbursement yet. Bay County's jail budget is $28 million.
"""
OTHER_COUNTY_LABELS: Labels = {
    "402000": "cost",
    "366000": "reimbursement",
    "120000": "cost",
    "28000000": None,
}

STATE_TOTAL = """\
The state's 287(g) grant program has now paid $21.4 million to 61 agencies, the State Board of
Immigration Enforcement reported. Our county's share was $312,000, which the sheriff used for
bed space and transport.
"""
STATE_TOTAL_LABELS: Labels = {"21400000": ELSEWHERE, "312000": "grant"}

# Scored unseen, after the fixes for set A and before any other change: recall 0.90 (18 of 20),
# kind accuracy 0.83 (15 of 18), 3 of 28 other figures reported. Misses by class: a detention
# contract named in contrast to the 287(g) agreement ("that predates the 287(g) agreement");
# "including $310,000 for two grant administrators" (a part's purpose is not its kind); ICE's
# quarterly awards per officer read as a grant; "the sheriff reported spending $120,000" taken
# for a whole budget; a state program's total paid "to 61 agencies"; "Our county's share".
BATCH10: dict[str, tuple[str, Labels]] = {
    "department page": (DEPARTMENT_PAGE, DEPARTMENT_LABELS),
    "headline and other business": (HEADLINE_OTHER, HEADLINE_LABELS),
    "texas item": (TX_ITEM, TX_ITEM_LABELS),
    "two ice programs": (NEWS_TWO_PROGRAMS, TWO_PROGRAMS_LABELS),
    "minutes motions": (MINUTES_MOTIONS, MINUTES_MOTIONS_LABELS),
    "legislative summary": (LEGISLATIVE_SUMMARY, LEGISLATIVE_LABELS),
    "per officer awards": (PER_OFFICER, PER_OFFICER_LABELS),
    "plain revenue table": (REVENUE_TABLE_PLAIN, REVENUE_PLAIN_LABELS),
    "staff costs": (STAFF_COSTS, STAFF_COSTS_LABELS),
    "other county news": (OTHER_COUNTY_NEWS, OTHER_COUNTY_LABELS),
    "state total": (STATE_TOTAL, STATE_TOTAL_LABELS),
}
