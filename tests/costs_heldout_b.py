"""Held-out set B for the cost-figure extractor (issue 12, item 1).

Written by the independent examiner without reading the extractor or its test documents. It
was written after set A had been scored once on main's extractor (see BASELINE.txt); set B
follows the same classes and labelling rules as set A and was not shaped to those results. All places,
people and numbers are invented or changed; the wording is modelled on the kinds of county
budget books, agenda items, minutes, staff reports, state fiscal notes, press releases and local
news that print 287(g) money, never copied.

labels: amount (plain decimal string; a range's low end; a figure printed in parentheses is
labelled by its absolute value) -> kind for a local 287(g) figure, None for a dollar figure
that is not a 287(g) figure, "elsewhere" for another place's 287(g) figure.
MERGED: the non-kept copy of money said twice in one document.
"""

from __future__ import annotations

DOCUMENTS: dict[str, tuple[str, dict[str, str | None]]] = {}
MERGED: set[tuple[str, str]] = set()

# Class: budget request page as `pdftotext -layout` prints it, four fiscal-year columns, the
# 287(g) unit as one expenditure category spelled "287g", a repeated value in one row, a total,
# and an FTE table below (numbers that are not dollars).
DOCUMENTS["b01_layout_four_columns_fte"] = (
    """\
                                      OKANEE COUNTY, GEORGIA
                                 FISCAL YEAR 2026 BUDGET REQUEST

SHERIFF - JAIL OPERATIONS (Cost Center 3326)

                                       2024           2025           2026           2026
Expenditure Category                 Actual        Adopted      Requested    Recommended

Personal Services                11,204,318     11,876,400     12,640,120     12,402,775
Immigration Enf Unit (287g)         912,447        948,300      1,061,880      1,010,650
Operating Expenses                3,318,906      3,402,500      3,611,040      3,560,200
Inmate Medical                    2,874,100      2,960,000      3,104,000      3,104,000
Capital Outlay                      188,250        140,000        265,000        180,000
Total                            18,498,021     19,327,200     20,682,040     20,257,625

Authorized Positions (FTE)
Detention Officers                   162.00         164.00         170.00         166.00
287g Deputies                         12.00          12.00          14.00          13.00
""",
    {
        "11204318": None,
        "11876400": None,
        "12640120": None,
        "12402775": None,
        "912447": "cost",
        "948300": "cost",
        "1061880": "cost",
        "1010650": "cost",
        "3318906": None,
        "3402500": None,
        "3611040": None,
        "3560200": None,
        "2874100": None,
        "2960000": None,
        "3104000": None,
        "188250": None,
        "140000": None,
        "265000": None,
        "180000": None,
        "18498021": None,
        "19327200": None,
        "20682040": None,
        "20257625": None,
    },
)

# Class: budget-book "highlights" bullets: one bullet about the 287(g) Task Force with its cost
# and the ICE reimbursement that offsets it, other bullets about other changes.
DOCUMENTS["b02_budget_highlights_bullets"] = (
    """\
SHERIFF'S OFFICE - FY 2026-27 BUDGET HIGHLIGHTS

  * Adds $212,400 for three deputies assigned to the 287(g) Task Force, offset by $165,000 in
    anticipated ICE reimbursement
  * Increases the inmate food services contract by $86,300 for the new vendor rate
  * Reduces fleet replacement by $140,000 by extending patrol vehicle life to 110,000 miles
  * Funds the 3% cost-of-living adjustment approved countywide ($1.1M across all departments)
""",
    {"212400": "cost", "165000": "reimbursement", "86300": None, "140000": None, "1100000": None},
)

# Class: Georgia-style agenda requests, one per item: a quarterly 287(g) reimbursement with
# cents, a medical contract, and a deicing-salt bid ("ICE" false friend).
DOCUMENTS["b03_agenda_requests_deicing_trap"] = (
    """\
BOARD OF COMMISSIONERS - BUSINESS SESSION - JANUARY 21, 2026

2026-0041  Request to accept reimbursement from U.S. Immigration and Customs Enforcement for the
           Sheriff's 287(g) Program in the amount of $58,612.40 for the first quarter of federal
           fiscal year 2026, and to amend the budget accordingly.
2026-0042  Request approval to renew the Inmate Medical Services contract with Meridian Correctional
           Health for one year in the amount of $3,912,000.
2026-0043  Award of bid for bulk deicing salt to Carolina Salt Supply, $71,250, for the Department
           of Transportation.
""",
    {"58612.40": "reimbursement", "3912000": None, "71250": None},
)

# Class: table as plain `pdftotext` prints it when the column of row names comes out first and
# the column of amounts after it (no -layout): the 287(g) row is matched to its amount only by
# position.
DOCUMENTS["b04_plain_pdftotext_columns_apart"] = (
    """\
Sheriff's Office Revenue Estimates
FY 2026

Source
Federal Prisoner Housing (USMS)
287(g) Reimbursement - ICE
SCAAP
Inmate Phone Commissions
Total

FY 2026 Estimate
$1,412,000
$318,000
$66,500
$92,750
$1,889,250
""",
    {"1412000": None, "318000": "reimbursement", "66500": None, "92750": None, "1889250": None},
)

# Class: news paragraph with hedged cost, reimbursement and net ("the ICE program" named
# indirectly), another county's budgeted amount (ELSEWHERE), and the jail's budget.
DOCUMENTS["b05_news_hedged_cost_reimb_net"] = (
    """\
Review puts price of jail immigration program at $2.4M

TULLY - Since the sheriff signed the 287(g) agreement in 2019, the ICE program has cost Renner
County nearly $2.4 million in salaries, overtime and training, according to a review by the
county finance office released Monday. Federal payments covered about $1.1 million, leaving a
net cost to local taxpayers of roughly $1.3 million over six years.

By comparison, neighboring Dunmore County budgets $2 million a year for its larger unit.
Renner's jail budget this year is $14.8 million.
""",
    {
        "2400000": "cost",
        "1100000": "reimbursement",
        "1300000": "net",
        "2000000": "elsewhere",
        "14800000": None,
    },
)

# Class: news on a withdrawal: "at least" cost, an advocates' higher estimate (a second,
# different figure for the program's cost), a 287(g) per-diem, and the sheriff's whole budget.
DOCUMENTS["b06_news_withdrawal_estimates"] = (
    """\
Sheriff ends jail immigration program, shifts deputies to overtime posts

The sheriff said Tuesday he will end the county's participation in the 287(g) program at the
end of the month. The eight deputies assigned to the unit cost at least $540,000 a year in
salary, money he will redirect to jail overtime and patrol. Immigrant advocates have put the
program's cost at more than $1 million a year, counting booking delays.

ICE had paid the county $61.50 a day for inmates held for pickup under the program. The
sheriff's office operates on a $612 million budget.
""",
    {"540000": "cost", "1000000": "cost", "61.50": "per_diem", "612000000": None},
)

# Class: news about a state grant award with a bulleted breakdown, the amount requested, and the
# statewide total (ELSEWHERE).
DOCUMENTS["b07_news_grant_bullets"] = (
    """\
State repays Dixon County Sheriff's Office for immigration enforcement costs

The Dixon County Sheriff's Office will receive $874,530 from the State Board of Immigration
Enforcement for work under its 287(g) agreements, the board decided Wednesday. The sheriff had
requested just over $1 million. The award breaks down as:

  * $497,210 for housing detainees
  * $268,004 for 287(g) training
  * $71,416 for transport
  * $37,900 for overtime

Statewide, the board has now approved about $24.6 million in awards to local agencies.
""",
    {
        "874530": "grant",
        "1000000": "grant",
        "497210": "grant",
        "268004": "grant",
        "71416": "grant",
        "37900": "grant",
        "24600000": "elsewhere",
    },
)

# Class: Texas agenda: acceptance of the state sheriff grant tied to 287(g), the program's
# bracket for other counties (ELSEWHERE), an Operation Lone Star grant and a budget amendment.
DOCUMENTS["b08_agenda_tx_sheriff_grant"] = (
    """\
COMMISSIONERS COURT AGENDA - APRIL 13, 2026

14. Consider and take action to accept the Sheriff Immigration Law Enforcement Grant from the
    Texas Comptroller of Public Accounts in the amount of $100,000 for the Sheriff's Office,
    awarded to sheriffs that participate in a 287(g) agreement with ICE, and authorize the
    County Judge to sign the grant agreement. No local match is required. Under the program,
    counties of one million or more may receive up to $140,000.

15. Consider and take action to accept an Operation Lone Star grant award of $1,250,000 for
    border security overtime and equipment.

16. Consider approval of a budget amendment moving $18,300 from Contingency to Sheriff -
    Vehicle Repair.
""",
    {"100000": "grant", "140000": "elsewhere", "1250000": None, "18300": None},
)

# Class: regional jail minutes with three per-day rates: member charge and U.S. Marshals
# (not 287(g)), the ICE rate under the 287(g) agreement, its yearly total, and officers' salaries.
DOCUMENTS["b09_minutes_three_per_day_rates"] = (
    """\
REGIONAL JAIL AUTHORITY - MINUTES OF THE JULY 17, 2019 MEETING

Superintendent Hale reported that the per-day charge to member jurisdictions will rise to $62
on July 1. The Marshals Service continues to pay $78/day for federal prisoners. Under the
Authority's 287(g) agreement, ICE reimburses $84 for each day a person is held awaiting transfer
to ICE custody; those payments totaled $196,224 last fiscal year.

Mr. Dorsey asked whether the program covers its costs. The Superintendent said the salaries of
the 287(g) officers, about $402,000 a year, are carried by the Authority.
""",
    {"62": None, "78": None, "84": "per_diem", "196224": "reimbursement", "402000": "cost"},
)

# Class: state fiscal note with a multi-year table (revenue = federal reimbursement,
# expenditures, net impact in parentheses), a per-officer cost assumption.
DOCUMENTS["b10_state_fiscal_note_table"] = (
    """\
GENERAL ASSEMBLY OF THE STATE OF CAROLINE
LEGISLATIVE FISCAL NOTE

Bill Number:   Senate Bill 441 (Second Edition)
Short Title:   State Corrections 287(g) Unit.
Sponsors:      Senators Poole and Haddad

FISCAL IMPACT
                                     FY 2026-27       FY 2027-28       FY 2028-29
State Impact
  General Fund Revenues                 120,000          940,000          968,200
  General Fund Expenditures           1,840,000        1,360,000        1,400,800
  NET STATE IMPACT                  (1,720,000)        (420,000)        (432,600)
  Positions (cumulative)                   12.0             12.0             12.0

ASSUMPTIONS AND METHODOLOGY
The bill directs the Department of Adult Correction to enter a 287(g) Task Force Model agreement
and staff a unit of 12 officers, at an average salary and benefit cost of $98,600 per officer.
Revenues are federal reimbursement of officer salaries under the agreement, assumed to begin
late in the first year. Start-up costs in FY 2026-27 include vehicles and training travel.
""",
    {
        "120000": "reimbursement",
        "940000": "reimbursement",
        "968200": "reimbursement",
        "1840000": "cost",
        "1360000": "cost",
        "1400800": "cost",
        "1720000": "net",
        "420000": "net",
        "432600": "net",
        "98600": "cost",
    },
)

# Class: commissioners' minutes with amounts in words, one local, one tied to another county.
DOCUMENTS["b11_minutes_words_elsewhere"] = (
    """\
MINUTES - BOARD OF COMMISSIONERS WORK SESSION, OCTOBER 6, 2025

Sheriff Cole reviewed his request to join the 287(g) Task Force Model. He said the unit would
cost roughly seven hundred thousand dollars a year for eight deputies, and that under the new
federal terms ICE would pay back nearly all of it. Commissioner Ames said she had heard a figure
of one-point-five million dollars from the state association; the Sheriff said that figure was
for Rowan County's larger unit. No action was taken.
""",
    {"700000": "cost", "1500000": "elsewhere"},
)

# Class: staff report with a tab-separated cost table for the 287(g) Task Force: cost lines,
# totals, ICE reimbursement in parentheses and Net County Cost, two fiscal years.
DOCUMENTS["b12_staff_report_tab_table"] = (
    "STAFF REPORT - 287(g) TASK FORCE MODEL: ESTIMATED COSTS\n"
    "\n"
    "The Sheriff requests approval of four Task Force Officer positions under the 287(g) Task\n"
    "Force Model agreement signed on September 9, 2025. Table 1 shows the estimated costs and\n"
    "the ICE reimbursement expected under the federal terms in effect since October 1, 2025.\n"
    "\n"
    "Table 1. Estimated costs of the 287(g) Task Force\n"
    "Cost category\tFY 2025-26\tFY 2026-27\n"
    "Salaries & benefits (4 TFOs)\t$392,480\t$404,255\n"
    "Vehicles (2)\t$118,000\t-\n"
    "Training travel\t$14,600\t$6,000\n"
    "Total cost\t$525,080\t$410,255\n"
    "Less: ICE reimbursement\t($386,200)\t($398,900)\n"
    "Net County Cost\t$138,880\t$11,355\n"
    "\n"
    "Vehicles are not reimbursed in the first year.\n",
    {
        "392480": "cost",
        "404255": "cost",
        "118000": "cost",
        "14600": "cost",
        "6000": "cost",
        "525080": "cost",
        "410255": "cost",
        "386200": "reimbursement",
        "398900": "reimbursement",
        "138880": "net",
        "11355": "net",
    },
)

# Class: news comparing a local estimate with two other places and a statewide total
# (all ELSEWHERE).
DOCUMENTS["b13_news_three_other_places"] = (
    """\
Lanier sheriff's immigration plan draws crowd

LANIER - Sheriff Otis Brandt's plan to join the 287(g) program would cost about $96,000 in
overtime the first year, he told commissioners Thursday.

Opponents pointed to Carver County, which spent about $4 million a year on its program before
ending it in 2018, and to Metro Davis, where ending the program freed $700,000 a year in deputy
salaries. The state sheriffs' association says ICE reimbursed member agencies $31.2 million last
year.
""",
    {"96000": "cost", "4000000": "elsewhere", "700000": "elsewhere", "31200000": "elsewhere"},
)

# Class: "significant budget changes" list as `pdftotext -layout` prints it: line items without
# periods, one 287(g) cost line and one 287(g) revenue offset in parentheses, a net total.
DOCUMENTS["b14_layout_budget_changes"] = (
    """\
SHERIFF'S OFFICE
SIGNIFICANT BUDGET CHANGES                                                     FY 2026-27

  Add 2.0 FTE Deputy Sheriff - 287(g) Task Force                                  184,220
  Add 1.0 FTE Detention Nurse                                                      97,410
  Vehicle replacement (3 units)                                                   171,000
  Reduce contract transport                                                       (38,500)
  287(g) Task Force revenue (ICE)                                                (176,000)
  Net Change to General Fund                                                      238,130
""",
    {
        "184220": "cost",
        "97410": None,
        "171000": None,
        "38500": None,
        "176000": "revenue",
        "238130": None,
    },
)

# Class: agenda with a 287(g) item that has no fiscal impact, beside items with amounts
# (body cameras, Ice Miller LLP disclosure fee): no local 287(g) figure at all.
DOCUMENTS["b15_agenda_no_fiscal_impact"] = (
    """\
AGENDA ITEM 11
Subject: Renewal of 287(g) Warrant Service Officer Memorandum of Agreement
Fiscal Impact: None. There is no cost to the County; ICE provides training at no charge.

AGENDA ITEM 12
Subject: Purchase of 140 body-worn cameras and five-year storage plan
Fiscal Impact: $212,000 from the Sheriff's capital budget.

AGENDA ITEM 13
Subject: Continuing disclosure services agreement with Ice Miller LLP
Fiscal Impact: Annual fee of $4,500, General Fund - Finance.
""",
    {"212000": None, "4500": None},
)

# Class: news with a 287(g) per-diem written "$92/day", a revenue range, and an unrelated
# "$3.2-million" unit budget.
DOCUMENTS["b16_news_per_diem_range"] = (
    """\
Jail to be paid for ICE holds under new agreement

Under the 287(g) jail agreement approved Tuesday, ICE will pay $92/day for each detainee the
unit holds beyond 48 hours, bringing in an estimated $250,000 to $300,000 in revenue a year,
Jail Administrator Pete Rios said. The jail's booking unit, which costs about $3.2-million a
year to run and will absorb the screening work, needs no new staff, he said.
""",
    {"92": "per_diem", "250000": "revenue", "3200000": None},
)

# Class: news with "K" shorthand in headline and text and the award's parts.
DOCUMENTS["b17_news_k_shorthand"] = (
    """\
Hillcrest County sheriff gets $490K for immigration work

The Hillcrest County Sheriff's Office received $490K from the state's immigration grant program,
including $320K for nine months of detaining people under its 287(g) agreement. The rest, about
$170,000, covers transport and 287(g) training, a spokeswoman said.
""",
    {"490000": "grant", "320000": "grant", "170000": "grant"},
)

# Class: schedule of grant-funded programs as `pdftotext -layout` prints it: one 287(g) row
# (a reimbursable agreement) among SCAAP, JAG and VOCA rows, match column and total.
DOCUMENTS["b18_layout_grant_schedule"] = (
    """\
SCHEDULE OF GRANT-FUNDED PROGRAMS - SHERIFF                                   FY 2026

Program                                     Grantor             Award     Local Match
State Criminal Alien Assistance (SCAAP)     DOJ/BJA            52,114               -
Justice Assistance Grant                    DOJ/BJA            31,780               -
287(g) Task Force Reimbursable Agmt         DHS/ICE           240,000               -
Victim Services (VOCA)                      State OVS         118,400          29,600
Total                                                         442,294          29,600
""",
    {
        "52114": None,
        "31780": None,
        "240000": "reimbursement",
        "118400": None,
        "29600": None,
        "442294": None,
    },
)

# Class: Ice Miller / transport contract traps inside a story that names 287(g), with the
# program's own cost.
DOCUMENTS["b19_news_ice_miller_transport"] = (
    """\
Commissioners approve jail deals, delay vote on ICE unit

Commissioners on Monday approved a $1.8 million inmate transport contract with Keystone
Prisoner Services and paid Ice Miller $27,500 for work on the county's pension bond, but put off
a vote on the sheriff's 287(g) Jail Enforcement Model request. The sheriff says the two
detention deputies it needs would cost $131,000 a year.
""",
    {"1800000": None, "27500": None, "131000": "cost"},
)

# Class: news about litigation and compliance costs from immigration sweeps (not the 287(g)
# agreement) beside the cost of a continuing 287(g) jail unit.
DOCUMENTS["b20_news_litigation_not_287g"] = (
    """\
County to spend $31.5 million more on court-ordered sheriff reforms

The county will spend $31.5 million this fiscal year to comply with a federal court order that
grew out of the sheriff's immigration sweeps more than a decade ago, bringing the total since
2008 to about $318 million. Supervisors said the costs stem from the profiling ruling, not from
the jail's current 287(g) screening unit, which continues under a separate agreement and costs
about $1.1 million a year.
""",
    {"31500000": None, "318000000": None, "1100000": "cost"},
)

# Class: minutes where one sentence names SCAAP and 287(g) money side by side, and the jail's
# U.S. Marshals revenue.
DOCUMENTS["b21_minutes_scaap_and_287g_one_sentence"] = (
    """\
FINANCE COMMITTEE - MINUTES, NOVEMBER 12, 2025

Finance Director Ruiz said the County expects $74,300 in SCAAP funds and $128,000 in 287(g)
reimbursements this year. The jail's U.S. Marshals housing revenue is running ahead of budget
at $2.2 million. Committee members asked for a quarterly report.
""",
    {"74300": None, "128000": "reimbursement", "2200000": None},
)

# Class: county auditor memo: an imputed cost for space used by 287(g) officers, the sheriff's
# federal grants and a possible grant loss.
DOCUMENTS["b22_auditor_memo_imputed_space"] = (
    """\
OFFICE OF THE COUNTY AUDITOR
MEMORANDUM

To:      Commissioners Court
Re:      Costs to the County of ICE presence at the Joint Processing Center

The County provides about 160 square feet of office space at the Joint Processing Center to
officers working under the Sheriff's 287(g) agreement. At the County's standard lease rate, the
space is valued at $3,840 a year. No other County cost of the program was identified.

The Sheriff's Office manages $6.2 million in federal grants. Ending the agreement would not put
those grants at risk; the $1.9 million loss discussed in the press refers to a state
victim-services grant under review for unrelated reasons.
""",
    {"3840": "cost", "6200000": None, "1900000": None},
)

# Class: sheriff's press release: reimbursements to date with cents, quarterly performance
# awards received (revenue), and an unrelated federal program.
DOCUMENTS["b23_press_release_reimbursed"] = (
    """\
FOR IMMEDIATE RELEASE
Sheriff's 287(g) Task Force marks first six months

The Sheriff's Office has received $431,906.22 in reimbursements from ICE for Task Force Officer
salaries and overtime in fiscal year 2026 to date. The twelve officers also earned $12,000 in
quarterly performance awards, the top award of $1,000 each.

The Office also received $22,850 this year from the federal Bulletproof Vest Partnership.
""",
    {"431906.22": "reimbursement", "12000": "revenue", "1000": "revenue", "22850": None},
)

# Class: budget transfer form as `pdftotext -layout` prints it: the same money on the FROM and
# TO lines, a year-to-date 287(g) amount with cents, patrol salary savings.
DOCUMENTS["b24_layout_budget_transfer_form"] = (
    """\
BUDGET TRANSFER REQUEST                                              No. BT-2026-031
Department: Sheriff                                                  Date: 02/03/2026
Purpose: Cover 287(g) Task Force overtime pending ICE reimbursement

FROM Account          Description                                          Amount
100-4410-5110         Regular Salaries - Patrol                          $52,000

TO Account            Description                                          Amount
100-4415-5120         Overtime - 287(g) Task Force                       $52,000

Justification: 287(g) overtime through January 31 was $38,415.60. Patrol salary savings from
vacancies are $210,330 to date.
""",
    {"52000": "cost", "38415.60": "cost", "210330": None},
)

# Class: news with national program terms (ELSEWHERE range), a national ICE appropriation that
# is not a 287(g) figure, a local per-diem and a local revenue estimate.
DOCUMENTS["b25_news_national_terms_local_estimate"] = (
    """\
Should Pine County join? Here's what the federal money looks like

Congress gave ICE $29.8 billion in last year's reconciliation act for hiring, removals and
partnerships. Under the 287(g) terms ICE announced in September, participating agencies are
repaid officer salaries and can earn performance awards ranging from $500 to $1,000 per officer
each quarter.

Sheriff Lena Wirth estimates Pine County would receive $46,000 a year in those awards, and the
jail would be paid $88.75 a day for each person held on a 287(g) detainer.
""",
    {"29800000000": None, "500": "elsewhere", "46000": "revenue", "88.75": "per_diem"},
)

# Class: budget narrative with the same money said twice (hedged round figure and the exact
# figure), reimbursement and net.
DOCUMENTS["b26_budget_narrative_same_money"] = (
    """\
PUBLIC SAFETY - SHERIFF: PROGRAM NARRATIVE

The FY 2026-27 budget includes nearly $1.2 million for the 287(g) program, reflecting a full year
of the four-officer Task Force Model unit. Program costs of $1,187,640 cover salaries, benefits,
overtime and two vehicles. About $880,000 of that is expected to be reimbursed by ICE, leaving
roughly $307,640 to the County.
""",
    {"1200000": "cost", "1187640": "cost", "880000": "reimbursement", "307640": "net"},
)
MERGED.add(("b26_budget_narrative_same_money", "1200000"))

# Class: Texas certification of revenue for a constable's 287(g) Task Force with the budget
# amendment table as `pdftotext -layout` prints it (revenue line and the appropriations).
DOCUMENTS["b27_tx_certification_with_amendment_table"] = (
    """\
Agenda Item 26-88-0608-C
Requesting approval of the Certification of Revenue in the amount of $122,500 as certified by
the County Auditor for the DHS ICE 287(g) Task Force, Constable Precinct 2, and appropriation of
the same.

BUDGET AMENDMENT 26-118
Fund    Account       Description                                          Increase
2305    3311.40       Revenue - DHS ICE 287(g) Task Force                   122,500
2305    5740.10       Vehicles                                              100,000
2305    5310.25       Equipment - Task Force Deputies                        22,500
""",
    {"122500": "revenue", "100000": "cost", "22500": "cost"},
)

# Class: agenda item on a 287(g) detention-hold rate (per-diem with cents) and its expected
# revenue, the unchanged U.S. Marshals rate, and budgeted federal housing revenue (traps).
DOCUMENTS["b28_agenda_287g_hold_rate"] = (
    """\
ITEM 9: Amendment to the Sheriff's 287(g) Jail Enforcement Model Agreement - Detention Hold Rate

Summary: ICE agrees to pay $105.40 per detainee day for individuals held under the 287(g)
agreement after local charges are resolved, pending transfer. Staff anticipate $96,000 in
revenue from the new rate in the remainder of the fiscal year. The existing U.S. Marshals rate of
$89.50 per day is unchanged. The Sheriff's FY 2026 budget already includes $410,000 in estimated
federal housing revenue from the Marshals.
""",
    {"105.40": "per_diem", "96000": "revenue", "89.50": None, "410000": None},
)
