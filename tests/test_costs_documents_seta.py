"""Set A of the independent examiner (issue 12): 28 documents written without reading the
extractor or its tests, handed over after scoring as development material (sets B and C stay
held out). Kept as the examiner wrote it, except this docstring and the comment on ``SETA``.

Its labels give a figure printed in parentheses by its absolute value; the accuracy test
compares this set's figures by absolute value (``ABSOLUTE``).

The examiner's score on main before issue 12's kind work: recall 0.75, kind accuracy 0.68, 3 of
108 other figures reported. Scored again on this branch after the seventh to ninth sets' fixes
and before any change made for it: recall 0.79 (79 of 100), kind accuracy 0.71 (56 of 79), 5 of
108 other figures reported.
"""

from __future__ import annotations

# ruff: noqa: E501  (the examiner's page is wider than our lines)

SETA: dict[str, tuple[str, dict[str, str | None]]] = {}
SETA_MERGED: set[tuple[str, str]] = set()

# Class: budget page as `pdftotext -layout` prints it; one 287(g) line item among neighbouring
# line items without periods, three fiscal-year columns, division totals, a REVENUES section
# with SCAAP / U.S. Marshals lines and an ICE 287(g) reimbursement line, "Net County Cost".
SETA["a01_layout_detention_division"] = (
    """\
                               COUNTY OF MERRILL, NORTH CAROLINA
                                 FY 2025-26 RECOMMENDED BUDGET                               Page 142

  SHERIFF'S OFFICE - DETENTION SERVICES                                    Fund 100     Dept 4320

                                               FY 2023-24        FY 2024-25        FY 2025-26
  EXPENDITURES                                     Actual           Adopted       Recommended

  Salaries - Detention Officers                 9,418,204         9,902,115        10,284,660
  Overtime - Detention                            711,036           640,000           655,000
  287(g) Jail Enforcement Unit                    588,912           602,440           631,870
  Inmate Medical Contract                       2,140,500         2,225,000         2,310,400
  Food Services                                   905,318           948,000           981,200
  Transport - Contract Services                   171,260           180,000           189,000
  Division Total                               13,935,230        14,497,555        15,052,130

  REVENUES
  Federal - SCAAP                                  94,117            90,000            85,000
  Federal - USMS Prisoner Housing               1,206,450         1,150,000         1,175,000
  ICE 287(g) Reimbursement                        214,880           240,000           268,500
  Jail Fees                                        61,905            60,500            62,000
  Total Revenues                                1,577,352         1,540,500         1,590,500

  Net County Cost                              12,357,878        12,957,055        13,461,630

  Highlights
  The recommended budget continues the 287(g) Jail Enforcement Unit at four deputies. Federal
  prisoner housing revenue is budgeted slightly higher on current U.S. Marshals populations.
""",
    {
        "9418204": None,
        "9902115": None,
        "10284660": None,
        "711036": None,
        "640000": None,
        "655000": None,
        "588912": "cost",
        "602440": "cost",
        "631870": "cost",
        "2140500": None,
        "2225000": None,
        "2310400": None,
        "905318": None,
        "948000": None,
        "981200": None,
        "171260": None,
        "180000": None,
        "189000": None,
        "13935230": None,
        "14497555": None,
        "15052130": None,
        "94117": None,
        "90000": None,
        "85000": None,
        "1206450": None,
        "1150000": None,
        "1175000": None,
        "214880": "reimbursement",
        "240000": "reimbursement",
        "268500": "reimbursement",
        "61905": None,
        "60500": None,
        "62000": None,
        "1577352": None,
        "1540500": None,
        "1590500": None,
        "12357878": None,
        "12957055": None,
        "13461630": None,
    },
)

# Class: budget table as plain `pdftotext` (no -layout) prints it: one cell per line, then a
# narrative paragraph with a reimbursement; a kerning artifact "$455 ,000". Calendar-year budget.
SETA["a02_plain_pdftotext_enforcement_bureau"] = (
    """\
Sheriff's Office - Enforcement Bureau
2026 Adopted Budget
Program Summary

Program
2025 Budget
2026 Adopted

Patrol
$7,015,900
$7,240,300

Criminal Investigations
$2,204,000
$2,290,500

287(g) Task Force (TFM)
$412,600
$498,300

Marine and Rural Patrol
$618,250
$633,900

Bureau Total
$10,250,750
$10,663,000

Budget Notes
The 2026 adopted budget adds two deputies to the 287(g) Task Force, bringing the unit to six.
Salary and benefit costs of the unit are expected to be fully reimbursed by ICE, and
reimbursement revenue is budgeted at $455 ,000 in the Sheriff's special revenue fund.
Patrol increases reflect the negotiated step plan.
""",
    {
        "7015900": None,
        "7240300": None,
        "2204000": None,
        "2290500": None,
        "412600": "cost",
        "498300": "cost",
        "618250": None,
        "633900": None,
        "10250750": None,
        "10663000": None,
        "455000": "reimbursement",
    },
)

# Class: Texas commissioners court agenda (Legistar style): certification of revenue for the
# DHS ICE 287(g) Task Force, said twice with the same exact figure, then unrelated items:
# Ice Miller LLP bond counsel and a per-mile transport contract.
SETA["a03_agenda_tx_certification_of_revenue"] = (
    """\
COMMISSIONERS COURT OF BRAZOS BEND COUNTY
REGULAR MEETING - MONDAY, MARCH 9, 2026 - 9:30 A.M.

File #: 26-0412     Type: Budget Item     Status: Consent Agenda

Title
Consideration of the Certification of Revenue in the amount of $137,500 as certified by the
County Auditor for the DHS ICE 287(g) Task Force, Constable Precinct 3, and appropriation of
the same.

Department: County Auditor

Fiscal Impact
Increases the revenue and expenditure budgets of Fund 2301 (Law Enforcement Grants) by
$137,500. No General Fund match.

Background
Constable Precinct 3 entered into a Task Force Model agreement with U.S. Immigration and
Customs Enforcement in November 2025. Reimbursable costs under the agreement include one
patrol vehicle and equipment for five credentialed deputies.

File #: 26-0413     Type: Contract     Status: Consent Agenda

Title
Consideration of payment to Ice Miller LLP for bond counsel services related to the Series
2026 Certificates of Obligation in the amount of $42,180.

File #: 26-0414     Type: Contract     Status: Consent Agenda

Title
Consideration of renewal of the inmate transport agreement with Lone Star Prisoner Transport,
LLC at a rate of $2.35 per loaded mile, not to exceed $74,000 for the contract year.
""",
    {"137500": "revenue", "42180": None, "2.35": None, "74000": None},
)

# Class: agenda item creating 287(g) positions (2008 style) with a FISCAL IMPACT section:
# starting salaries, annual cost, start-up cost, partial-year funding; whole sheriff budget.
SETA["a04_agenda_positions_fiscal_impact"] = (
    """\
BOARD OF COMMISSIONERS AGENDA ITEM
Meeting Date: March 24, 2008
Item No. 9

SUBJECT: Sheriff's Office - Positions for the 287(g) Program

ACTION REQUESTED: Approve the creation of seven (7) positions in the Sheriff's Office, six
Deputy Sheriff I and one Sergeant, to staff a 287(g) Jail Enforcement program in partnership
with U.S. Immigration and Customs Enforcement (ICE), effective April 1, 2008.

BACKGROUND: The Sheriff has signed a Memorandum of Agreement with ICE under Section 287(g) of
the Immigration and Nationality Act. Designated immigration officers will screen arrestees at
booking. The starting salary for a Deputy Sheriff I is $34,410 and for a Sergeant is $42,976.
The Sheriff's FY 2007-08 budget is $21.7 million.

FISCAL IMPACT: The annual cost of the seven positions, including salaries, benefits and one
vehicle, is $361,920. One-time start-up costs for radios, equipment and two computer
workstations total $48,300. ICE provides the four-week training course at no cost to the
County and pays for the data connection. Funding for the first half of FY 2008-09 ($180,960)
is included in the recommended budget; start-up costs will come from General Fund contingency.

RECOMMENDATION: Approve.
""",
    {
        "34410": "cost",
        "42976": "cost",
        "21700000": None,
        "361920": "cost",
        "48300": "cost",
        "180960": "cost",
    },
)

# Class: local news paragraph with cost, reimbursement and net in one paragraph, a 287(g)
# per-diem sentence, and the jail's whole operating budget.
SETA["a05_news_cost_reimbursed_net_per_diem"] = (
    """\
Jail board ends 287(g) program after cost review

DALTON RIDGE - Running the jail's immigration screening program cost Pell County $318,400 in
the fiscal year that ended June 30, according to figures the sheriff's office gave the
regional jail board Tuesday. ICE reimbursed about $127,000 of that, leaving the county to
cover roughly $191,400.

The federal agency also paid the jail $79 for each day a person was held under the 287(g)
agreement while waiting to be transferred to federal custody, a rate that has not changed
since 2017.

Board members voted 5-2 to end the agreement at the end of the month. Chairman Lyle Fentress
said the savings were small next to the jail's $31.8 million operating budget but that the
board "could not justify the net cost any longer."
""",
    {
        "318400": "cost",
        "127000": "reimbursement",
        "191400": "net",
        "79": "per_diem",
        "31800000": None,
    },
)

# Class: news story comparing the local estimate with another county and a statewide total
# (ELSEWHERE), plus the county's whole general fund.
SETA["a06_news_other_county_and_statewide"] = (
    """\
Harlan sheriff weighs joining federal immigration program

HARLAN - Sheriff Dee Markham told county commissioners Monday that he wants to sign a 287(g)
Task Force Model agreement with ICE this spring. Two deputies assigned to the work would cost
about $236,000 a year in salary and benefits, he said, most of which ICE now repays under the
terms it announced last fall.

Commissioners pointed to neighboring Briar County, which joined in 2019. Briar officials said
the program cost that county $1.2 million last year, well above early estimates. Statewide,
local agencies were reimbursed $14.6 million by ICE in the first six months of the new
payment terms, according to the state sheriffs' association.

Harlan County's general fund budget is $64 million. Commissioners took no action.
""",
    {
        "236000": "cost",
        "1200000": "elsewhere",
        "14600000": "elsewhere",
        "64000000": None,
    },
)

# Class: bulleted state grant item (Florida SBIE) with a lead-in "as follows:", cents, a
# per-officer amount, the statewide program total (ELSEWHERE, "$250 Million"), and an
# unrelated Byrne JAG item on the same agenda.
SETA["a07_bulleted_state_grant_award"] = (
    """\
AGENDA ITEM 6.C
Accept State Board of Immigration Enforcement Grant Award - Sheriff's Office

The Sheriff's Office has been awarded $742,317.75 from the Local Law Enforcement Immigration
Grant Program administered by the State Board of Immigration Enforcement, for costs incurred
under the Sheriff's 287(g) agreements from July 1, 2025 through December 31, 2025. The award
is allocated as follows:

  - Detention bed costs (IGP-B): $401,200
  - Transportation of detainees (IGP-C): $88,640
  - 287(g) training travel and lodging (IGP-D): $57,900
  - Bonuses for Designated Immigration Officers (IGP-E): $24,000, at $1,000 per officer
  - Equipment, including rapid-ID devices (IGP-G): $170,577.75

The Legislature funded the grant program at $250 Million statewide in the 2025 special
session. No county match is required.

AGENDA ITEM 6.D
Accept FY2025 Edward Byrne Memorial Justice Assistance Grant - $46,213 for body-worn camera
replacement. Budget amendment attached.
""",
    {
        "742317.75": "grant",
        "401200": "grant",
        "88640": "grant",
        "57900": "grant",
        "24000": "grant",
        "1000": "grant",
        "170577.75": "grant",
        "250000000": "elsewhere",
        "46213": None,
    },
)

# Class: per-diem trap: U.S. Marshals IGA and an ICE IGSA detention rate in a document that
# also names the Sheriff's 287(g) agreement, which the item says is separate and unpaid.
SETA["a08_per_diem_usms_igsa_trap"] = (
    """\
CONSENT AGENDA

14. Approve Modification No. 3 to the Intergovernmental Agreement with the United States
    Marshals Service, raising the detention rate from $81 to $88 per prisoner per day,
    effective October 1, 2025.

15. Approve an Intergovernmental Service Agreement with U.S. Immigration and Customs
    Enforcement for detention beds at $97 per detainee per day, with a guaranteed minimum of
    25 beds. Estimated annual revenue: $885,000.
    Staff note: this detention agreement is separate from the Sheriff's 287(g) Warrant
    Service Officer agreement, which carries no per-diem or reimbursement.
""",
    {"81": None, "88": None, "97": None, "885000": None},
)

# Class: news about a 287(g) per-diem paid by ICE for people held under the agreement, with
# the year's payments as revenue and the unit's cost; cents in the rate.
SETA["a09_news_287g_per_diem_revenue"] = (
    """\
How much does the 287(g) unit bring in? Less than it costs, records show

Under the county's 287(g) jail agreement, ICE pays the county $68.50 a day to hold people
flagged by the unit until federal agents pick them up. Those payments brought the county
$402,715 in revenue last year, according to the auditor's office.

The four-deputy unit itself costs about $410,000 a year in salaries and benefits, Chief Deputy
Ray Okafor said, so the program "comes out close to even, not ahead."
""",
    {"68.50": "per_diem", "402715": "revenue", "410000": "cost"},
)

# Class: state fiscal note (LBB style): parenthesized negative figures, a five-year table,
# "biennium ending June 30, 2028", grant amounts of the state's own program, admin cost, and
# another state's program total (ELSEWHERE).
SETA["a10_state_fiscal_note"] = (
    """\
LEGISLATIVE FISCAL OFFICE
FISCAL NOTE, 2027 REGULAR SESSION
February 18, 2027

IN RE: HB 1142 by Arliss (relating to agreements between sheriffs and U.S. Immigration and
Customs Enforcement under Section 287(g) of the Immigration and Nationality Act), As Introduced

Estimated Two-year Net Impact to General Revenue Related Funds for HB 1142, As Introduced: a
negative impact of ($2,310,000) through the biennium ending June 30, 2028.

General Revenue-Related Funds, Five-Year Impact:

     Fiscal Year      Probable Net Positive/(Negative) Impact to General Revenue
        2027                    ($1,265,000)
        2028                    ($1,045,000)
        2029                    ($1,062,000)

Fiscal Analysis
The bill would require the sheriff of each county that operates a jail to request a 287(g)
agreement. The Department of Public Safety would add six positions to coordinate training and
data systems for participating sheriffs. The bill would also create a grant program for
participating sheriffs, with awards of up to $60,000 for a county under 100,000 population and
up to $110,000 for a larger county, subject to appropriation. The Comptroller estimates
administrative costs of $185,000 in fiscal year 2027 to run the grant program, included above.

Comparable legislation in Florida appropriated $250 million for a local grant program in 2025.

Local Government Impact
Costs to counties would depend on the model chosen and cannot be determined.
""",
    {
        "2310000": "cost",
        "1265000": "cost",
        "1045000": "cost",
        "1062000": "cost",
        "60000": "grant",
        "110000": "grant",
        "185000": "cost",
        "250000000": "elsewhere",
    },
)

# Class: board minutes: a 287(g) budget amendment and the sheriff's report of ICE
# reimbursements, among other motions (ambulance contract, Ice House Road paving).
SETA["a11_minutes_budget_amendment"] = (
    """\
MINUTES OF THE BOARD OF COUNTY COMMISSIONERS
Regular Session, January 20, 2026

Commissioner Vance moved to approve Budget Amendment 26-14 in the amount of $96,500 to fund
overtime for the Sheriff's 287(g) Task Force through September 30, to be reimbursed by ICE.
Commissioner Ortiz seconded. Sheriff Paul Greer reported that ICE had reimbursed $212,380 to
the County since October under the agreement and that claims are filed monthly. Motion carried
4-1, Commissioner Hale opposed.

Commissioner Ortiz moved to approve the five-year ambulance services contract with Tri-County
EMS in the amount of $1,140,000 per year. Seconded by Commissioner Vance. Motion carried 5-0.

Commissioner Hale moved to award the Ice House Road resurfacing project to Dunmore Paving,
the low bidder at $312,000. Seconded. Motion carried 5-0.
""",
    {
        "96500": "cost",
        "212380": "reimbursement",
        "1140000": None,
        "312000": None,
    },
)

# Class: staff report on ending a 287(g) program: annual cost and cumulative cost
# ("$7.9-million"), the jail's whole budget and a SCAAP award.
SETA["a12_staff_report_withdrawal"] = (
    """\
STAFF REPORT
To: Board of Supervisors
From: County Administrator
Subject: Termination of the Sheriff's 287(g) Memorandum of Agreement

Summary
The Sheriff has notified ICE that the County will end its 287(g) agreement effective June 30.
Ending the program frees approximately $684,000 a year in salary and benefit costs for the nine
deputies assigned to it; they will be reassigned to housing units now covered by overtime.
Since the program began in 2012 the County has spent an estimated $7.9-million on it.

Budget context
The recommended jail budget for next year is $23.6 million. The County's federal SCAAP award
for the last reporting period was $212,000 and is not affected by this decision.

Recommendation
Receive and file.
""",
    {
        "684000": "cost",
        "7900000": "cost",
        "23600000": None,
        "212000": None,
    },
)

# Class: news: the same money said twice ("close to $1M" and the exact award), the award's
# parts, and a statewide cumulative total (ELSEWHERE).
SETA["a13_news_same_money_twice_grant"] = (
    """\
Sheriff's office to get close to $1M in state immigration money

Coral County's sheriff's office will be repaid for much of its 287(g) work under a state grant
approved Thursday.

The State Board of Immigration Enforcement approved $986,412 for the Coral County Sheriff's
Office, covering $512,000 for detention beds, $301,870 for 287(g) training travel and lodging,
and $172,542 for equipment such as license plate readers.

Statewide, the board has awarded more than $21 million to local agencies since September.
""",
    {
        "1000000": "grant",
        "986412": "grant",
        "512000": "grant",
        "301870": "grant",
        "172542": "grant",
        "21000000": "elsewhere",
    },
)
SETA_MERGED.add(("a13_news_same_money_twice_grant", "1000000"))

# Class: table rows separated by " | " in a budget office memo (mid-year adjustments).
SETA["a14_pipe_table_midyear_memo"] = (
    """\
MEMORANDUM
TO: Finance Committee
FROM: Office of Management and Budget
RE: FY25-26 Mid-Year Budget Adjustments - Sheriff

The following adjustments are requested for the Sheriff's Office. Lines 1 through 3 relate to
the 287(g) Task Force Model agreement signed in August.

| Line | Description | Account | FY25-26 Adjustment |
| 1 | 287(g) Task Force overtime | 4410-5120 | $44,800 |
| 2 | Task force vehicle upfit (287(g)) | 4410-5745 | $19,650 |
| 3 | ICE 287(g) reimbursement revenue | 4410-4331 | $64,450 |
| 4 | Jail medical contract increase | 4320-5310 | $212,900 |
| 5 | SCAAP award (FFY 2025) | 4320-4335 | $57,318 |

Net effect of lines 1-3 on the General Fund is zero.
""",
    {
        "44800": "cost",
        "19650": "cost",
        "64450": "reimbursement",
        "212900": None,
        "57318": None,
    },
)

# Class: meeting summary with a range of cost per position and per-unit reimbursement terms
# ("$7,500 per credentialed deputy", "about $100,000 for a vehicle").
SETA["a15_summary_range_and_per_unit"] = (
    """\
Court approves two task force deputy positions

The Commissioners Court on Monday added two full-time deputy positions for the sheriff's
287(g) task force. The sheriff's office estimated each position will cost $78,000 to $86,000 a
year with benefits. The program manager told the court that ICE covers the full salary of
each deputy and overtime up to 25 percent. A pending federal reimbursement of $215,000 includes
about $100,000 for a vehicle and roughly $7,500 per credentialed deputy, he said.

The county will advance payroll each month and be repaid by ICE.
""",
    {
        "78000": "cost",
        "215000": "reimbursement",
        "100000": "reimbursement",
        "7500": "reimbursement",
    },
)

# Class: news with national 287(g) spending (ELSEWHERE), the local first-year estimate, and the
# county's SCAAP money.
SETA["a16_news_national_context"] = (
    """\
Greer County signs on to 287(g)

Greer County commissioners voted 3-0 on Tuesday to let the sheriff enter a 287(g) Jail
Enforcement Model agreement. The sheriff's office put the first-year cost at $150,000, mostly
for overtime while two detention officers attend training.

The program has grown and shrunk with federal priorities. ICE's spending on 287(g) nationwide
rose from about $5 million in fiscal 2006 to $68 million in fiscal 2011, then fell for years.

The county receives about $45,000 a year in SCAAP funds for jailing non-citizens, which is not
affected by the vote.
""",
    {
        "150000": "cost",
        "5000000": "elsewhere",
        "68000000": "elsewhere",
        "45000": None,
    },
)

# Class: revenue detail page as `pdftotext -layout` prints it, with account numbers, the
# ICE 287(g) reimbursement row among other intergovernmental rows, a footnoted SB 8 grant row,
# and a total.
SETA["a17_layout_revenue_detail"] = (
    """\
GENERAL FUND REVENUE DETAIL                                               FISCAL YEAR 2026
LAVERNE COUNTY, TEXAS

                                                         FY 2025         FY 2025         FY 2026
Account    Description                                    Budget       Estimated         Adopted

INTERGOVERNMENTAL REVENUE
3310-10    Federal - SCAAP                                38,000          41,266          40,000
3310-22    Federal - ICE 287(g) Task Force Reimb         175,000         262,500         300,000
3310-30    Federal - USMS Housing                        410,000         386,240         395,000
3340-15    State - Sheriff Immigration Enf Grant (1)           -               -         100,000
3340-40    State - Indigent Defense Grant                 61,400          63,870          64,000
           Total Intergovernmental                       684,400         753,876         899,000

(1) SB 8 grant for sheriffs participating in a 287(g) agreement; first award expected March
2026.
""",
    {
        "38000": None,
        "41266": None,
        "40000": None,
        "175000": "reimbursement",
        "262500": "reimbursement",
        "300000": "reimbursement",
        "410000": None,
        "386240": None,
        "395000": None,
        "100000": "grant",
        "61400": None,
        "63870": None,
        "64000": None,
        "684400": None,
        "753876": None,
        "899000": None,
    },
)

# Class: consent agenda with one sentence per item: 287(g) vehicles (cost), an ICE
# performance award (revenue), a JAG grant, Ice House Road, and a no-amount 287(g) item.
SETA["a18_consent_agenda_mixed"] = (
    """\
CONSENT AGENDA - FEBRUARY 10, 2026

C-1  Approve the purchase of two patrol vehicles for the Sheriff's 287(g) Task Force Model unit
     from Capital Fleet Sales, $118,460, reimbursable by ICE.
C-2  Accept and appropriate revenue of $6,750 from U.S. Immigration and Customs Enforcement in
     287(g) Task Force performance awards for the quarter ended December 31, 2025.
C-3  Accept the FY2025 Justice Assistance Grant (JAG) award of $28,914 for the Sheriff's Office
     drug interdiction unit.
C-4  Approve change order No. 2 for the Ice House Road culvert replacement, $33,275.
C-5  Ratify the Sheriff's Warrant Service Officer agreement with ICE; no fiscal impact.
""",
    {"118460": "cost", "6750": "revenue", "28914": None, "33275": None},
)

# Class: news: the jail's total federal housing revenue (trap) beside the 287(g) unit's own
# reimbursement and cost.
SETA["a19_news_jail_revenue_trap"] = (
    """\
Federal inmates pay the jail's bills, but the ICE unit does not

The county jail took in $3.4 million last year from housing federal inmates for the U.S.
Marshals Service and ICE, Finance Director Carla Benning said. That money comes through
detention contracts, not the 287(g) agreement.

The 287(g) program itself brought in $265,000 in federal reimbursement for deputy salaries,
far less than the $610,000 the unit costs to run, Benning said.
""",
    {"3400000": None, "265000": "reimbursement", "610000": "cost"},
)

# Class: audit report of a 287(g) program: incremental cost over several fiscal years and per
# year, its parts, the detention center budget and an IGSA per-diem rate (trap).
SETA["a20_audit_report_incremental_cost"] = (
    """\
INDEPENDENT ACCOUNTANTS' REPORT ON THE SHERIFF'S 287(g) PROGRAM
Fiscal Years 2021 through 2024

Results
Incremental costs of the 287(g) program to the Sheriff's Office from July 1, 2020 through
June 30, 2024 were $52,310 in total, or $13,078 per year. They consisted of:

   Training overtime and fringe benefits             $31,880
   Fuel and use of County vehicles                    $9,120
   Meals and lodging during training                 $11,310

We identified no reimbursements or cost recoveries from ICE for these costs.

Other matters
The Detention Center's budget for fiscal year 2024 was $17.9 million. Separately from the
287(g) agreement, ICE paid the County $83 per detainee per day under an Intergovernmental
Service Agreement; that agreement was outside the scope of this engagement.
""",
    {
        "52310": "cost",
        "13078": "cost",
        "31880": "cost",
        "9120": "cost",
        "11310": "cost",
        "17900000": None,
        "83": None,
    },
)

# Class: minutes with amounts written in words: a reimbursement estimate for the program and
# the county's share, and an unrelated shortfall.
SETA["a21_minutes_amounts_in_words"] = (
    """\
COMMISSIONERS COURT - MINUTES OF DECEMBER 8, 2025

Item 12. Sheriff Dunaway presented the Task Force Model 287(g) agreement. He said the agreement
would bring in about one-point-three million dollars in federal reimbursement over three years,
and that the county's own share, mostly fuel and training travel, would be under fifty thousand
dollars a year. Commissioner Pruitt moved to approve; seconded by Commissioner Lang. Carried 4-0.

Item 13. Commissioner Lang noted the road and bridge fund's two-point-one million dollar
shortfall and asked the auditor for options before the January workshop. No action.
""",
    {"1300000": "reimbursement", "50000": "cost", "2100000": None},
)

# Class: news on ending a program: unit salaries (cost), an ICE overtime repayment, and a
# transport contract that was never part of the program (trap).
SETA["a22_news_end_program_transport_trap"] = (
    """\
Sheriff pulls out of 287(g), moves deputies back to patrol

The three deputies assigned to the sheriff's 287(g) unit, whose salaries total about $214,000 a
year, will return to road patrol on March 1, Sheriff Ana Quist said Friday. The office received
$61,200 from ICE last year to cover overtime under the agreement.

The county will keep its $142,000-a-year contract with Secure Transit Services to move inmates
between jails, which was never part of the program, Quist said.
""",
    {"214000": "cost", "61200": "reimbursement", "142000": None},
)

# Class: staff report with "the current fiscal year, which ends June 30": cost, ICE
# reimbursements and the net cost to the General Fund; the sheriff's whole appropriation.
SETA["a23_staff_report_current_fy_net"] = (
    """\
BOARD OF SUPERVISORS - STAFF REPORT
Agenda Item 7: Quarterly report on the Sheriff's 287(g) unit

In the current fiscal year, which ends June 30, the 287(g) unit is projected to spend $276,350
on salaries, overtime and training travel. ICE reimbursements are projected at $198,000, for a
projected net cost to the General Fund of $78,350.

For context, the Sheriff's total General Fund appropriation this year is $41,906,200.

FISCAL IMPACT: None; informational report.
""",
    {"276350": "cost", "198000": "reimbursement", "78350": "net", "41906200": None},
)

# Class: budget page as `pdftotext -layout` prints it, where the rows under a heading naming
# the program do not name it themselves ("Regular Salaries"), with the program's own revenue
# and net rows, followed by another program's section with the same row names.
SETA["a24_layout_program_heading_sections"] = (
    """\
DEPARTMENT 4410 - SHERIFF / SPECIAL OPERATIONS                           2026 ADOPTED BUDGET

                                                            2025              2026
                                                          Budget           Adopted

287(g) PROGRAM (TASK FORCE MODEL)
 Expenditures
   Regular Salaries                                      455,760           498,216
   Overtime                                               52,000            61,500
   Total Expenditures                                    507,760           559,716
 Revenues
   Federal Reimbursement - DHS/ICE                       448,000           512,300
 Net Program Cost                                         59,760            47,416

COURT SECURITY
   Regular Salaries                                    1,164,300         1,201,870
   Overtime                                               41,000            42,500
   Contract Screening Services                           224,640           233,626
   Program Total                                       1,429,940         1,477,996

   Department Expenditures                             1,937,700         2,037,712
""",
    {
        "455760": "cost",
        "498216": "cost",
        "52000": "cost",
        "61500": "cost",
        "507760": "cost",
        "559716": "cost",
        "448000": "reimbursement",
        "512300": "reimbursement",
        "59760": "net",
        "47416": "net",
        "1164300": None,
        "1201870": None,
        "41000": None,
        "42500": None,
        "224640": None,
        "233626": None,
        "1429940": None,
        "1477996": None,
        "1937700": None,
        "2037712": None,
    },
)

# Class: news with a renegotiated per-diem for people held under the 287(g) agreement (old
# and new rate, cents), housing revenue, an ICE reimbursement, a hedged projection ("up to"),
# and the jail's whole budget.
SETA["a25_news_per_diem_renegotiated"] = (
    """\
Jail's ICE rate nearly doubles

ROCK RIVER - The county will be paid $115 a day for each person it holds for ICE under the
detention terms of its 287(g) agreement, up from $58.25, after Sheriff Mae Lund renegotiated
the rate this month.

Since October the arrangement has brought in about $344,800 in housing revenue, Undersheriff
Tom Bale told commissioners Tuesday, and ICE separately reimbursed $157,500 for transport vans,
equipment and computer lines. Bale said the jail could take in up to $3 million a year if the
beds fill. The jail's annual budget is $9.2 million.
""",
    {
        "115": "per_diem",
        "58.25": "per_diem",
        "344800": "revenue",
        "157500": "reimbursement",
        "3000000": "revenue",
        "9200000": None,
    },
)

# Class: revenue-by-source page as `pdftotext -layout` prints it: two 287(g) revenue rows
# among fee rows, and a total.
SETA["a26_layout_revenue_by_source"] = (
    """\
SHERIFF'S OFFICE                                                  REVENUE BY SOURCE
                                                        FY 2025           FY 2026
                                                         Actual          Proposed
REVENUES
  287(g) Task Force - ICE                               233,750           365,000
  287(g) Performance Awards                               9,500            18,000
  Jail Commissary Commissions                           148,615           150,000
  Civil Process Fees                                     72,340            74,000
  Bond and Booking Fees                                  38,925            39,500
  Total Revenues                                        503,130           646,500
""",
    {
        "233750": "revenue",
        "365000": "revenue",
        "9500": "revenue",
        "18000": "revenue",
        "148615": None,
        "150000": None,
        "72340": None,
        "74000": None,
        "38925": None,
        "39500": None,
        "503130": None,
        "646500": None,
    },
)

# Class: news paragraph with a multi-year cost, ICE payments, the net cost, a 287(g) per-diem
# and the per-diem revenue of one fiscal year, plus the sheriff's whole budget request.
SETA["a27_news_three_year_net"] = (
    """\
What the 287(g) unit has cost Tolland County

Over the past three years the county spent $1.46 million on the sheriff's 287(g) unit,
according to payroll and overtime records obtained by the Ledger. ICE payments offset $512,300
of that, for a net cost of $947,700.

The federal agency paid $61 a day for each inmate held on a 287(g) detainer awaiting pickup,
which produced revenue of $218,986 in the fiscal year that ended in June.

The sheriff's budget request for next year is $44.2 million, up 6 percent.
""",
    {
        "1460000": "cost",
        "512300": "reimbursement",
        "947700": "net",
        "61": "per_diem",
        "218986": "revenue",
        "44200000": None,
    },
)

# Class: agenda items with a FISCAL IMPACT section giving cost, ICE reimbursement and Net
# County Cost; the next item is a CBP per-bed per-day MOU unrelated to 287(g).
SETA["a28_agenda_fiscal_impact_ncc"] = (
    """\
AGENDA ITEM 31
Approve Amendment I to the 287(g) Jail Enforcement Model agreement with U.S. Immigration and
Customs Enforcement, adding one Correctional Officer position to the program.

FISCAL IMPACT:
The total cost of the three Correctional Officer positions assigned to the program in FY
2025-26 is $248,900. ICE will reimburse $186,675 of salaries under the reimbursement terms in
effect since October 1, 2025. The Net County Cost (NCC) is $62,225 and is included in the
Sheriff-Coroner's FY 2025-26 Adopted Budget (Org 3111).

AGENDA ITEM 32
Approve a Memorandum of Understanding with U.S. Customs and Border Protection for temporary
detention of federal arrestees at $125 per bed, per day, a firm-fixed per-diem rate, with
estimated revenue of $310,000 in FY 2025-26. This agreement is not related to Item 31.
""",
    {
        "248900": "cost",
        "186675": "reimbursement",
        "62225": "net",
        "125": None,
        "310000": None,
    },
)
