"""Held-out evaluation set C for the watcher cost-figure extractor (issue 12).

Written by an independent examiner from the classes in issue 12, the research notes
(shared/notes/costs.md) and the README "Cost figures" section, without reading the
extractor's code or tests. Places, people and numbers are invented; wording is modelled
on (never copied from) real budget books, agenda items, minutes, fiscal notes and news.

Labels: every dollar amount in a document's text -> kind of a local 287(g) figure
("cost", "revenue", "reimbursement", "grant", "per_diem", "net"), None (not a 287(g)
figure), or "elsewhere" (another place's / a state program total / a national 287(g)
figure). Table cells printed without "$" in budget pages are dollar amounts and are
labelled too. A range is labelled by its low end. MERGED lists the hedged/rounded repeat
of money the document also states exactly (the exact one is the kept figure).
"""

from __future__ import annotations

DOCUMENTS: dict[str, tuple[str, dict[str, str | None]]] = {}
MERGED: set[tuple[str, str]] = set()


# ---------------------------------------------------------------------------
# Class: budget page as `pdftotext -layout` prints it (division page, three
# fiscal-year columns, REVENUES / EXPENDITURES sections, division totals).
# The 287(g) unit has its own revenue and expense lines; every other line
# (USMS housing, SCAAP, commissary, detention salaries, totals) is not 287(g).
# Judgement: "ICE 287(g) Salary Reimbursement" under REVENUES is labelled
# reimbursement (its own words), not revenue.
# ---------------------------------------------------------------------------
DOCUMENTS["layout_harlow_detention"] = (
    """
                                HARLOW COUNTY, NORTH CAROLINA
                          FY 2025-26 ADOPTED BUDGET  -  PUBLIC SAFETY                     Page 142

  SHERIFF - DETENTION DIVISION                                              Fund 110 / Dept 4320

                                                   FY 2023-24        FY 2024-25        FY 2025-26
                                                       Actual           Adopted           Adopted
  REVENUES
    Federal Inmate Housing - USMS                   1,284,110         1,350,000         1,410,000
    SCAAP Award                                        52,318            50,000            48,000
    ICE 287(g) Salary Reimbursement                         -                 -           371,900
    Jail Fees & Commissary                            211,907           205,000           215,500
                                                ------------      ------------      ------------
    Total Revenues                                  1,548,335         1,605,000         2,045,400

  EXPENDITURES
    Salaries - Detention Officers                   6,902,441         7,118,300         7,402,900
    Salaries - 287(g) Unit                            301,250           322,800           386,400
    Overtime - 287(g) Unit                             41,775            38,000            44,600
    Overtime - General                                 512,064           460,000           475,000
    Inmate Medical Contract                         1,930,220         2,010,000         2,116,000
    Food Service                                      688,415           702,500           731,250
    Prisoner Transport Contract                       143,880           150,000           157,500
                                                ------------      ------------      ------------
    Division Total                                 10,520,045        10,801,600        11,313,650

  FULL-TIME EQUIVALENTS                                 118.00            118.00            123.00
  Note: FY 2025-26 adds five deputy positions to the 287(g) Jail Enforcement Model unit.
""",
    {
        "1284110": None,
        "1350000": None,
        "1410000": None,
        "52318": None,
        "50000": None,
        "48000": None,
        "371900": "reimbursement",
        "211907": None,
        "205000": None,
        "215500": None,
        "1548335": None,
        "1605000": None,
        "2045400": None,
        "6902441": None,
        "7118300": None,
        "7402900": None,
        "301250": "cost",
        "322800": "cost",
        "386400": "cost",
        "41775": "cost",
        "38000": "cost",
        "44600": "cost",
        "512064": None,
        "460000": None,
        "475000": None,
        "1930220": None,
        "2010000": None,
        "2116000": None,
        "688415": None,
        "702500": None,
        "731250": None,
        "143880": None,
        "150000": None,
        "157500": None,
        "10520045": None,
        "10801600": None,
        "11313650": None,
    },
)


# ---------------------------------------------------------------------------
# Class: budget book narrative page as `pdftotext -layout` prints it: a
# "Budget Highlights" bullet list (one bullet about 287(g), the rest other
# items) and a small position-change table.
# ---------------------------------------------------------------------------
DOCUMENTS["layout_pembroke_highlights"] = (
    """
  PEMBROKE COUNTY                                                  FY 2026 Recommended Budget
  Sheriff's Office                                                                 Section 7-4

  BUDGET HIGHLIGHTS

    •   Adds four Detention Officer I positions to staff the 287(g) Jail Enforcement Model
        unit at booking ($248,760 including benefits); ICE is expected to reimburse salaries
        and benefits under the agreement signed in September 2025
    •   Replaces six patrol vehicles ($342,000) through the Vehicle Replacement Fund
    •   Increases the inmate medical services contract by $96,500 (3.8%)
    •   Continues the School Resource Officer agreement with the Board of Education,
        which reimburses $1,118,400 of deputy costs
    •   Reduces overtime by $75,000 through shift realignment

  POSITION CHANGES                      FTE        Salary & Benefits
    Detention Officer I (287(g))        4.00                 248,760
    Telecommunicator II                 2.00                 131,220
    Evidence Technician                 1.00                  64,905
    Total                               7.00                 444,885

  The Sheriff's Office total recommended budget is $41,806,230, an increase of 4.1%.
""",
    {
        "248760": "cost",
        "342000": None,
        "96500": None,
        "1118400": None,
        "75000": None,
        "131220": None,
        "64905": None,
        "444885": None,
        "41806230": None,
    },
)


# ---------------------------------------------------------------------------
# Class: budget page as plain `pdftotext` (no -layout) prints it: each cell on
# its own line, headings before the numbers. The whole block sits under a
# heading naming the 287(g) program. Judgement: the program's own "Total" is a
# 287(g) cost figure (it is the unit's total, not the department's); the
# department total further down is not.
# ---------------------------------------------------------------------------
DOCUMENTS["plain_tolliver_program_page"] = (
    """Tolliver County Sheriff's Office
Program Budget Detail
Program: Immigration Enforcement - 287(g) Task Force Model
Program Description
Deputies designated under the County's 287(g) agreement with U.S. Immigration and Customs Enforcement
locate and arrest persons named in ICE administrative warrants. The program began in FY 2025.
Expenditure Category
FY 2025 Actual
FY 2026 Budget
Personnel Services
412,650
438,900
Operating Supplies
18,215
21,000
Vehicles & Equipment
-
64,000
Program Total
430,865
523,900
Funding Sources
ICE reimbursement (salaries, benefits, overtime)
297,400
410,300
General Fund
133,465
113,600
Sheriff's Office - all programs
FY 2026 Budget
27,415,880
""",
    {
        "412650": "cost",
        "438900": "cost",
        "18215": "cost",
        "21000": "cost",
        "64000": "cost",
        "430865": "cost",
        "523900": "cost",
        "297400": "reimbursement",
        "410300": "reimbursement",
        # General Fund share = what the county pays after ICE's reimbursement.
        # Judgement: labelled net (the text does not say "net", but it is the
        # county's remaining cost of the program).
        "133465": "net",
        "113600": "net",
        "27415880": None,
    },
)


# ---------------------------------------------------------------------------
# Class: agenda item (Texas commissioners court) with FISCAL IMPACT section:
# certification of revenue for the 287(g) Task Force, with its parts.
# ---------------------------------------------------------------------------
DOCUMENTS["agenda_bexley_certification"] = (
    """BEXLEY COUNTY COMMISSIONERS COURT
Regular Meeting - Monday, March 9, 2026
Agenda Item 26-0309-14 (Consent - County Auditor)

Consideration and action on the Certification of Revenue in the amount of $197,500 as
certified by the County Auditor for the DHS ICE 287(g) Task Force (Sheriff's Office) and
appropriation of the same.

BACKGROUND:
The Commissioners Court approved the Sheriff's 287(g) Task Force Model agreement on
November 17, 2025. Under the agreement ICE reimburses the County for one task force
vehicle, and pays a reimbursement of $7,500 per credentialed deputy for equipment and
information technology. Thirteen deputies have completed training.

FISCAL IMPACT:
Revenue to line 010-5510-4331 (Federal Reimbursement - 287(g)): vehicle $100,000; deputy
equipment 13 x $7,500 = $97,500. Total $197,500. Expenditures of the same amount are
appropriated to the Sheriff's capital and supplies lines. No General Fund impact.

RECOMMENDED ACTION: Approve.
""",
    {
        # Certification of Revenue: the text calls it revenue.
        "197500": "revenue",
        "7500": "reimbursement",
        # Judgement: the vehicle amount is ICE's reimbursement for the vehicle.
        "100000": "reimbursement",
        "97500": "reimbursement",
    },
)


# ---------------------------------------------------------------------------
# Class: consent agenda with unrelated items. Traps: Ice Miller LLP bond
# counsel, Ice House Road, SCAAP, JAG, deicing salt, a transport contract.
# One item is 287(g) (budget amendment recognising ICE reimbursement and
# overtime expense).
# ---------------------------------------------------------------------------
DOCUMENTS["consent_marlow_agenda"] = (
    """MARLOW COUNTY BOARD OF COMMISSIONERS
CONSENT AGENDA - January 20, 2026

C-1  Approve engagement of Ice Miller LLP as bond counsel for the 2026 General Obligation
     Refunding Bonds; fee not to exceed $68,000, payable from bond proceeds.

C-2  Award bid for resurfacing of Ice House Road (CR 214) from SR 9 to Old Mill Lane to
     Tri-County Paving, Inc. in the amount of $1,286,442.10.

C-3  Accept and appropriate the FY 2025 State Criminal Alien Assistance Program (SCAAP)
     award to the Sheriff's Office in the amount of $41,883.

C-4  Accept the Edward Byrne Memorial Justice Assistance Grant (JAG) of $27,614 for
     in-car camera replacement; no local match required.

C-5  Budget Amendment BA-26-031, Sheriff's Office: recognize $84,320 in ICE reimbursement
     under the 287(g) Task Force Model agreement for the October-December 2025 quarter and
     appropriate $84,320 to overtime and fringe benefits. The overtime was worked by task
     force officers on ICE-directed operations; the quarter's overtime and fringe costs
     totaled $91,066, leaving $6,746 for the County after reimbursement.

C-6  Renew the annual contract for deicing salt with Seaboard Minerals at $94.25 per ton,
     estimated annual cost $212,000.

C-7  Approve agreement with Secure Transit LLC for extradition and prisoner transport
     services at $1.85 per mile plus $42 per hour for the second officer.
""",
    {
        "68000": None,
        "1286442.10": None,
        "41883": None,
        "27614": None,
        "84320": "reimbursement",
        "91066": "cost",
        "6746": "net",
        "94.25": None,
        "212000": None,
        "1.85": None,
        "42": None,
    },
)


# ---------------------------------------------------------------------------
# Class: bulleted grant item (Florida county agenda, state immigration grant).
# The state program's total is "elsewhere"; the county's award and its
# categories are local grant figures. The hedged repeat ("nearly $613,000")
# is MERGED with the exact award.
# Judgement: the bed-days category (IGP-B) pays for beds used for 287(g)
# detainees; it is a grant to the county and labelled grant, not per_diem.
# ---------------------------------------------------------------------------
DOCUMENTS["grant_osprey_sbie"] = (
    """OSPREY COUNTY BOARD OF COUNTY COMMISSIONERS
Agenda Item 9.C - Meeting of December 9, 2025

SUBJECT: Acceptance of State Board of Immigration Enforcement Local Law Enforcement
Immigration Grant Program (IGP) award - Osprey County Sheriff's Office

SUMMARY: The State Board of Immigration Enforcement has awarded the Sheriff's Office
$612,418.25 from the FY25-26 Local Law Enforcement Immigration Grant Program for costs of
the Sheriff's 287(g) Jail Enforcement Model and Task Force Model agreements. The statewide
program was funded at $250 million by the Legislature in February 2025. The award covers:

   •  IGP-B  Detention beds (287(g) detainees, July-September 2025):   $301,560.00
   •  IGP-D  287(g) training travel and lodging:                      $88,904.25
   •  IGP-E  Designated Immigration Officer bonuses (up to $1,000 per officer, 46 officers):   $46,000.00
   •  IGP-G  Equipment (mobile biometric devices, two transport vans):   $175,954.00

FISCAL IMPACT: Budget resolution increasing Fund 101 revenues and expenditures by
$612,418.25. Nearly $613,000 in state funds with no local match. The Sheriff's Office
FY 2025-26 operating budget of $96.4 million is unchanged.

RECOMMENDATION: Accept the award and adopt the budget resolution.
""",
    {
        "612418.25": "grant",
        "250000000": "elsewhere",
        "301560.00": "grant",
        "88904.25": "grant",
        "1000": "grant",
        "46000.00": "grant",
        "175954.00": "grant",
        "613000": "grant",
        "96400000": None,
    },
)
MERGED.add(("grant_osprey_sbie", "613000"))


# ---------------------------------------------------------------------------
# Class: news paragraphs with cost + reimbursement + net in one paragraph, a
# 287(g) per-day rate, the jail's whole budget, and another county's figure.
# ---------------------------------------------------------------------------
DOCUMENTS["news_riverbend_jail_board"] = (
    """Regional jail board votes to end immigration agreement

The Riverbend Regional Jail Authority voted 5-2 on Thursday to end its 287(g) agreement with
U.S. Immigration and Customs Enforcement when the current fiscal year closes June 30.

Superintendent Dana Whitlock told the board the program cost the jail $312,400 last year,
mostly for three officers assigned to screen inmates at intake. ICE reimbursed about $121,000
of that, leaving a net cost of roughly $191,400 for the five member localities. ICE paid the
jail $86 a day for each person held on an immigration detainer while awaiting transfer.

The jail's overall operating budget is $38.2 million. Board member Luis Arriaga noted that
neighboring Fairmont County's sheriff spent $1.1 million on his own 287(g) unit last year
"and got far less back from the federal government."
""",
    {
        "312400": "cost",
        "121000": "reimbursement",
        "191400": "net",
        "86": "per_diem",
        "38200000": None,
        "1100000": "elsewhere",
    },
)


# ---------------------------------------------------------------------------
# Class: news story on a program's end (Tennessee-style): freed salaries,
# cumulative cost, per-day revenue from ICE under 287(g), annual revenue in a
# fiscal year written out, and a U.S. Marshals rate that is not 287(g).
# ---------------------------------------------------------------------------
DOCUMENTS["news_calder_program_ends"] = (
    """Sheriff ends 287(g) program, moves nine deputies to patrol

CALDER CITY - Sheriff Ray Dunmore announced Monday that his office will leave the federal
287(g) program on Oct. 1, ending an eleven-year arrangement under which jail deputies
checked the immigration status of everyone booked into the county jail.

Dunmore said leaving the program frees nine deputies whose salaries, about $612,000 a year,
were paid entirely by local taxpayers. The program has cost the county more than $4 million
since it began in 2014, according to figures from the county finance office.

The program also brought in money. ICE paid the county $58 per day for each detainee held
for pickup, and the sheriff's office booked $702,315 in that revenue in fiscal 2023-24.
Finance director Carla Ames said that money "never came close to covering the deputies."

The jail will keep housing federal prisoners for the U.S. Marshals Service, which pays
$71 a day per inmate, Dunmore said.
""",
    {
        "612000": "cost",
        "4000000": "cost",
        "58": "per_diem",
        "702315": "revenue",
        "71": None,
    },
)


# ---------------------------------------------------------------------------
# Class: state grant program news (Texas SB 8 sheriff grant). The county's own
# award is a local grant; the other population brackets are the state
# program's terms for other counties ("elsewhere"); the sheriff's whole budget
# is not 287(g).
# Judgement: other brackets labelled "elsewhere" (a state program's figures
# that are not this county's).
# ---------------------------------------------------------------------------
DOCUMENTS["news_lampasas_sb8_grant"] = (
    """County gets first state check for immigration work

Dorado County has received a $100,000 grant from the state comptroller's new Sheriff
Immigration Law Enforcement Grant Program, created by Senate Bill 8, which requires sheriffs
who run a jail to seek a 287(g) agreement with ICE.

Grants are set by county population: up to $80,000 for counties under 100,000 residents,
$120,000 for counties of 500,000 to 999,999, and $140,000 for the largest counties. Dorado,
with about 212,000 residents, falls in the $100,000 bracket.

Sheriff Elena Quiroz said the grant will pay for two Warrant Service Officers' training and
equipment. ICE separately reimbursed the county $143,250 for the two deputies' salaries and
benefits from October through March, she said. The sheriff's office budget this year is
$14.6 million.
""",
    {
        "100000": "grant",
        "80000": "elsewhere",
        "120000": "elsewhere",
        "140000": "elsewhere",
        "143250": "reimbursement",
        "14600000": None,
    },
)


# ---------------------------------------------------------------------------
# Class: per-diem agenda item for an IGSA / U.S. Marshals detention contract
# (NOT 287(g)). 287(g) is mentioned only to say it has no budget effect here.
# Every figure is None.
# ---------------------------------------------------------------------------
DOCUMENTS["agenda_keller_igsa"] = (
    """KELLER COUNTY BOARD OF SUPERVISORS - STAFF REPORT
Item 22 - Amendment No. 3 to Intergovernmental Service Agreement with U.S. Immigration and
Customs Enforcement for housing of federal detainees

RECOMMENDED ACTION: Approve Amendment No. 3 raising the detention per-diem rate under the
IGSA from $92 to $109.50 per detainee per day, effective February 1, 2026.

DISCUSSION: The Sheriff houses ICE detainees under an IGSA first executed in 2009, and U.S.
Marshals Service prisoners under a separate Intergovernmental Agreement at $81 per day. The
Sheriff's Office estimates the County's fully loaded cost at $104.75 per inmate-day. Guard
and transport services for detainees moved to the ICE field office are billed at $38.50 per
hour per officer.

The Sheriff's Office also holds a 287(g) Warrant Service Officer agreement with ICE; that
agreement is separate from the IGSA and is not affected by this amendment.

FISCAL IMPACT: Based on an average daily population of 64 ICE detainees, the new rate is
projected to add $408,800 in federal housing revenue in FY 2025-26, for total IGSA revenue
of about $2.5 million.
""",
    {
        "92": None,
        "109.50": None,
        "81": None,
        "104.75": None,
        "38.50": None,
        "408800": None,
        "2500000": None,
    },
)


# ---------------------------------------------------------------------------
# Class: per-diem sentence for 287(g) holds and a per-day cost range, in a
# sheriff's annual report (staff report style).
# Judgement: the county's per-day cost range for holding the 287(g)
# detainees is labelled cost (low end "71").
# ---------------------------------------------------------------------------
DOCUMENTS["report_wexford_holds"] = (
    """Wexford County Sheriff's Office - 2025 Annual Report to the Board (excerpt)

Immigration Enforcement Unit. The unit operates under the Office's 287(g) Jail Enforcement
Model agreement with ICE. In 2025 designated immigration officers screened 4,212 bookings and
lodged 388 detainers. Under the agreement ICE reimburses the jail $94.50 for each day a
detainee is held past local release while awaiting ICE pickup; holding those detainees costs
the jail $71 to $76 a day. The Office billed ICE $52,731 for 558 such detainee-days.

Jail Operations. The jail's average daily population was 611. The Office received $318,200
from the State Criminal Alien Assistance Program, and commissary sales produced $402,118.
""",
    {
        "94.50": "per_diem",
        "71": "cost",
        # billed to ICE for the 287(g) holds: ICE paying for the county's costs.
        # Judgement: labelled reimbursement (the text says "billed ICE").
        "52731": "reimbursement",
        "318200": None,
        "402118": None,
    },
)


# ---------------------------------------------------------------------------
# Class: state fiscal note (Texas LBB style) for a bill expanding a 287(g)
# grant program. The state is the document's own government: its cost lines
# are labelled cost. The county example in the Local Government Impact section
# is another place's figure ("elsewhere").
# Judgement: state administrative cost in a state fiscal note = local cost
# (the note's own jurisdiction). Parenthesised negatives are labelled by
# absolute value.
# ---------------------------------------------------------------------------
DOCUMENTS["fiscal_note_hb2714"] = (
    """LEGISLATIVE BUDGET BOARD
Austin, Texas

FISCAL NOTE, 89TH LEGISLATIVE REGULAR SESSION
April 14, 2025

IN RE: HB2714 by Kessler (Relating to grants to sheriffs who enter into agreements under
Section 287(g) of the federal Immigration and Nationality Act.), As Introduced

Estimated Two-year Net Impact to General Revenue Related Funds for HB2714, As Introduced: a
negative impact of ($1,126,000) through the biennium ending August 31, 2027.

Fiscal Year      Probable Net Positive/(Negative) Impact to General Revenue Related Funds
2026             ($604,000)
2027             ($522,000)
2028             ($522,000)
2029             ($522,000)
2030             ($522,000)

Fiscal Analysis
The bill would require the Comptroller to administer a grant program for sheriffs that enter
into a 287(g) agreement. The Comptroller estimates 4.0 FTEs to administer the grants, at a
cost of $82,000 in fiscal year 2026 for one-time information technology work. The cost of the
grants themselves is indeterminate and would depend on appropriations.

Local Government Impact
Costs to counties would vary. Hood County reported that two deputies assigned to a 287(g)
task force would cost about $185,000 per year, before any federal reimbursement.

Source Agencies: 304 Comptroller of Public Accounts
LBB Staff: JMc, SD, KK
""",
    {
        "1126000": "cost",
        "604000": "cost",
        "522000": "cost",
        "82000": "cost",
        "185000": "elsewhere",
    },
)


# ---------------------------------------------------------------------------
# Class: minutes of a commissioners court (Texas), with a 287(g) position
# item among ordinary business (bills, a road named Ice House, a tax refund).
# ---------------------------------------------------------------------------
DOCUMENTS["minutes_garza_court"] = (
    """MINUTES OF THE COMMISSIONERS COURT OF GARZA COUNTY, TEXAS
REGULAR SESSION - NOVEMBER 24, 2025

Present: County Judge Ben Tillery; Commissioners Ortiz, Mahler, Pruitt and Vance.

Item 4. Motion by Commissioner Ortiz, second by Commissioner Pruitt, to approve payment of
bills in the amount of $1,284,455.12. Carried 5-0.

Item 7. Sheriff Holt presented a request to create two full-time deputy positions for the
287(g) Task Force. He stated the two positions would cost $164,380 a year in salary and
benefits, and that ICE reimburses 100 percent of salary and benefits plus overtime up to 25
percent of salary. The county will carry the payroll and bill ICE monthly. Auditor Lynn Farr
said the county should expect about $41,000 in reimbursement each quarter, and asked that a
separate budget line be created for 287(g) reimbursement. Commissioner Vance asked about the
vehicle; the sheriff said the task force vehicle, roughly $96,000 fully equipped, will be
purchased and reimbursed by ICE. Motion by Commissioner Mahler, second by Commissioner Vance,
to create the positions and the budget line. Carried 4-1, Commissioner Pruitt opposed.

Item 9. Motion to approve a change order of $46,200 for the culvert replacement on Ice House
Road (Precinct 3). Carried 5-0.

Item 11. Motion to approve a property tax refund of $5,612.40 to Caprock Gin Co. Carried 5-0.
""",
    {
        "1284455.12": None,
        "164380": "cost",
        "41000": "reimbursement",
        # Judgement: the vehicle's price is a cost the county pays first; the
        # sentence also says ICE reimburses it. Labelled cost (the amount is the
        # purchase price).
        "96000": "cost",
        "46200": None,
        "5612.40": None,
    },
)


# ---------------------------------------------------------------------------
# Class: staff report (California board of supervisors) with a Net County Cost
# section; adds custody specialists for immigration enforcement functions under
# the 287(g) MOA; SCAAP is mentioned as a hoped-for side effect (not 287(g)).
# Judgement: "Net County Cost" is labelled net although nothing offsets it
# (the text calls it net).
# ---------------------------------------------------------------------------
DOCUMENTS["staff_report_sierra_vista"] = (
    """REPORT/RECOMMENDATION TO THE BOARD OF SUPERVISORS
OF SIERRA VISTA COUNTY, CALIFORNIA
AND RECORD OF ACTION

August 12, 2008

FROM: SHERIFF-CORONER

SUBJECT: ADDITION OF SIX SHERIFF'S CUSTODY SPECIALIST POSITIONS - 287(g) MEMORANDUM OF
AGREEMENT WITH U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT

RECOMMENDATION: Approve the addition of six (6) Sheriff's Custody Specialists to perform
immigration screening functions at the West Valley Detention Center under the 287(g)
Memorandum of Agreement, at an annual cost of $371,220, plus estimated backfill costs of
$29,460 while the specialists attend the five-week ICE training course.

BACKGROUND INFORMATION: Identifying foreign-born inmates at booking is also expected to raise
the County's State Criminal Alien Assistance Program (SCAAP) claim by an estimated $85,000
per year; SCAAP is a separate Department of Justice program.

FINANCIAL IMPACT: Net County Cost of $400,680 in 2008-09. The Sheriff-Coroner's 2008-09
final budget of $412.7 million includes no other appropriation for this purpose.

REVIEWED BY COUNTY COUNSEL: KLR 08/04/08
""",
    {
        "371220": "cost",
        "29460": "cost",
        "85000": None,
        "400680": "net",
        "412700000": None,
    },
)


# ---------------------------------------------------------------------------
# Class: news story on Florida state immigration grant awards: the local
# county's award and categories (grant), the statewide cumulative total and
# another county's award (elsewhere), hedged repeat of the local award MERGED.
# ---------------------------------------------------------------------------
DOCUMENTS["news_manatee_bay_awards"] = (
    """Sheriff's office collects state money for ICE work

The Manatee Bay County Sheriff's Office will receive $734,120.50 from the state's immigration
enforcement grant program, according to award letters released this week, bringing the
office's state grant money for its 287(g) partnership with ICE to more than $1.1 million
since May.

The largest share, $402,900, is for jail beds used by people held for ICE under the
287(g) agreement. Another $188,000 covers training and travel for deputies attending the
four-week 287(g) course, and $97,000 pays bonuses of $1,000 to deputies who took part in
task force operations. The rest, $46,220.50, goes to overtime.

Statewide, the board has now awarded about $27 million to 61 agencies. Neighboring Coral
County received $1.2 million in the same round. Sheriff Pete Lawler said the more than
$734,000 "makes the county whole" for the program's first year.
""",
    {
        "734120.50": "grant",
        "1100000": "grant",
        "402900": "grant",
        "188000": "grant",
        "97000": "grant",
        "1000": "grant",
        "46220.50": "grant",
        "27000000": "elsewhere",
        "1200000": "elsewhere",
        "734000": "grant",
    },
)
MERGED.add(("news_manatee_bay_awards", "734000"))


# ---------------------------------------------------------------------------
# Class: news story (Georgia) about the 287(g) unit's share of a sheriff's
# budget: hedged annual amount, cumulative amount, whole-budget trap, SCAAP.
# ---------------------------------------------------------------------------
DOCUMENTS["news_gilmer_unit_budget"] = (
    """How much does Brandt County's 287(g) unit cost? Nobody keeps a separate tally

The Brandt County Sheriff's Office sets aside roughly $2.3 million a year in its operating
budget for the 21 deputies assigned to its 287(g) unit, according to budget documents the
office provided. That is a small slice of the sheriff's $118 million budget.

Since the unit began in 2010, the county has spent more than $19 million on it, the office
estimated. The sheriff's office does not track the program's overtime separately.

The county also received $412,000 last year from the federal State Criminal Alien Assistance
Program, which partly repays jails for holding people without legal status; that money is not
tied to 287(g).
""",
    {
        "2300000": "cost",
        "118000000": None,
        "19000000": "cost",
        "412000": None,
    },
)


# ---------------------------------------------------------------------------
# Class: budget revenue detail as `pdftotext -layout` prints it (Texas
# county, calendar-year budget), with a sub-heading naming the 287(g) Task
# Force; other intergovernmental lines (USMS, SCAAP, JAG, a state jail
# standards grant) are not 287(g).
# Judgement: the SB 8 line sits under the 287(g) heading and is the state
# grant for the sheriff's 287(g) participation: grant.
# ---------------------------------------------------------------------------
DOCUMENTS["layout_concho_revenue_detail"] = (
    """
 CONCHO COUNTY, TEXAS                          2026 ADOPTED BUDGET                    REVENUE DETAIL
 FUND 010 GENERAL FUND          DEPARTMENT 560 SHERIFF

 ACCOUNT      DESCRIPTION                               2024 ACTUAL     2025 BUDGET     2026 ADOPTED
 010-560-3310 USMS PRISONER HOUSING                         886,410         900,000         925,000
 010-560-3312 SCAAP                                          31,207          30,000          30,000
 010-560-3318 BJA JAG - BYRNE                                14,950          15,000          15,000

              287(g) TASK FORCE
 010-560-3320   ICE REIMB - SALARIES & BENEFITS                   -         210,000         318,750
 010-560-3321   ICE REIMB - VEHICLE & EQUIPMENT                   -         107,500         122,500
 010-560-3325   STATE SB 8 SHERIFF GRANT                          -               -          80,000

 010-560-3340 JAIL COMMISSARY COMMISSIONS                    61,884          60,000          62,500
 010-560-3390 MISC REIMBURSEMENTS                             9,118           8,000           8,000
                                                         ----------      ----------      ----------
              TOTAL SHERIFF REVENUE                       1,003,569       1,330,500       1,561,750
""",
    {
        "886410": None,
        "900000": None,
        "925000": None,
        "31207": None,
        "30000": None,
        "14950": None,
        "15000": None,
        "210000": "reimbursement",
        "318750": "reimbursement",
        "107500": "reimbursement",
        "122500": "reimbursement",
        "80000": "grant",
        "61884": None,
        "60000": None,
        "62500": None,
        "9118": None,
        "8000": None,
        "1003569": None,
        "1330500": None,
        "1561750": None,
    },
)


# ---------------------------------------------------------------------------
# Class: budget amendment request form as plain `pdftotext` prints it (labels
# and values on separate lines), increasing revenue and expense for 287(g)
# task force overtime; another unrelated line in the same form.
# ---------------------------------------------------------------------------
DOCUMENTS["plain_halsey_budget_amendment"] = (
    """HALSEY COUNTY
BUDGET AMENDMENT REQUEST
BA No.
26-117
Department
Sheriff
Date
02/03/2026
Reason for Request
Recognize federal reimbursement received from ICE under the 287(g) Task Force Model agreement
and appropriate the same for task force overtime and fuel.
Account
Description
Increase
Decrease
101-3311-420
Federal Revenue - ICE 287(g) Reimbursement
58,940.00
101-3311-512
Overtime - 287(g) Task Force
51,200.00
101-3311-541
Fuel - 287(g) Task Force
7,740.00
101-3100-535
Uniforms - Patrol (transfer, not part of the program)
3,500.00
101-3100-512
Overtime - Patrol
3,500.00
Approved by Board of Commissioners
""",
    {
        "58940.00": "reimbursement",
        "51200.00": "cost",
        "7740.00": "cost",
        "3500.00": None,
    },
)


# ---------------------------------------------------------------------------
# Class: news paragraphs with an amount in words, a "$412K" form, a hedged
# estimate, and an unrelated jail construction figure in "$3.4-million" form.
# ---------------------------------------------------------------------------
DOCUMENTS["news_okefenee_words"] = (
    """Commission split on sheriff's ICE partnership

At Tuesday's budget workshop, Sheriff Clay Odom said the 287(g) program would cost the county
about one-point-two million dollars in its first full year, most of it for eight jail
positions. He said ICE sent $412K in reimbursements last year for deputies' overtime, and
expects at least $450,000 this year.

Commissioner Rita Vann said the figures should be weighed against the $3.4-million jail
roof and HVAC project the board approved in the spring. "We are being asked to carry a
federal program on a county budget," she said.
""",
    {
        "1200000": "cost",
        "412000": "reimbursement",
        "450000": "reimbursement",
        "3400000": None,
    },
)


# ---------------------------------------------------------------------------
# Class: news on an independent audit (Maryland style): net incremental cost
# in total and per year, no reimbursement, the detention center's budget and
# the IGSA per-day rate (not 287(g)).
# ---------------------------------------------------------------------------
DOCUMENTS["news_carroll_audit"] = (
    """Audit puts Sheriff's 287(g) costs at about $8,200 a year

An independent audit of the Linden County Sheriff's Office's participation in the 287(g)
program found a net incremental cost of $41,212 over five fiscal years, from FY2020 through
FY2024, or $8,242 a year. Under a different overtime assumption the net cost would rise to
$93,480, or $18,696 a year, auditors wrote.

The costs were mainly training overtime, fuel, and meals and lodging while officers attended
the ICE course. Auditors found no reimbursement from ICE for the program.

The detention center's annual budget is $17.1 million. Separately, ICE pays the county $85 per
day for each detainee under an intergovernmental service agreement, which the audit did not
examine.
""",
    {
        "41212": "net",
        "8242": "net",
        "93480": "net",
        "18696": "net",
        "8200": "net",
        "17100000": None,
        "85": None,
    },
)
MERGED.add(("news_carroll_audit", "8200"))


# ---------------------------------------------------------------------------
# Class: minutes (board of supervisors) on withdrawing from 287(g): savings in
# deputy salaries (= the program's cost), and the backfill of lost IGSA
# detention revenue (not 287(g)). Parenthesised negative in the budget
# adjustment table.
# ---------------------------------------------------------------------------
DOCUMENTS["minutes_alder_withdrawal"] = (
    """ALDER COUNTY BOARD OF SUPERVISORS - ACTION MINUTES - JULY 22, 2025

Item D.6  Sheriff's Office - termination of 287(g) Jail Enforcement Model agreement

Undersheriff Moreno reported that ending the 287(g) agreement will return five deputies to
jail housing units and save approximately $540,000 a year in salaries and benefits charged to
the program. Supervisor Kwan asked whether the change affects the jail's detention contract
with ICE; staff answered that the separate detention contract (IGSA) ends September 30, and
that the board will be asked to backfill $1,250,000 in lost federal housing revenue from AB 109
fund balance.

Budget adjustment approved (FY 2025-26):
   287(g) unit - salaries and benefits                 ($540,000)
   Housing units - salaries and benefits                 $540,000
   Federal detention revenue (IGSA)                   ($1,250,000)
   AB 109 fund balance transfer in                     $1,250,000

AYES: Kwan, Delgado, Pryor, Ostrander. NOES: Banning. Motion carried.
""",
    {
        # The same $540,000 appears as savings, as the 287(g) unit's negative
        # adjustment and as the housing units' positive one; one key, cost.
        # Judgement: the housing-unit line is the same money moved, not a
        # separate figure.
        "540000": "cost",
        "1250000": None,
    },
)


# ---------------------------------------------------------------------------
# Class: news (Knox-style): local figure plus another county's, a state
# program total and a national total, "$250 Million" and "$68.3 million" forms.
# ---------------------------------------------------------------------------
DOCUMENTS["news_sevier_comparison"] = (
    """Commissioners weigh joining 287(g): what it has cost elsewhere

Ridgeline County Sheriff Tom Ashby told commissioners Monday that joining the 287(g) Task
Force Model would cost his office about $287,500 the first year for three deputies and a
vehicle, before reimbursement from ICE, which he estimated at $210,000. That would leave
the county $77,500 to cover.

Other counties' experience varies. Carver County, two hours east, spent $1.9 million on its
jail-based 287(g) unit over four years before ending it in 2019. Florida set aside $250 Million
for its state grant program for local agencies that work with ICE. Nationally, ICE's
budget for 287(g) grew from about $5 million in 2006 to $68.3 million in 2011.
""",
    {
        "287500": "cost",
        "210000": "reimbursement",
        "77500": "net",
        "1900000": "elsewhere",
        "250000000": "elsewhere",
        "5000000": "elsewhere",
        "68300000": "elsewhere",
    },
)


# ---------------------------------------------------------------------------
# Class: bulleted grant/award item (Legistar style) accepting ICE quarterly
# performance awards and reimbursements for the 287(g) Task Force.
# Judgement: ICE's quarterly performance awards are labelled grant (an award
# received, not repayment of a cost); the salary repayment is reimbursement.
# ---------------------------------------------------------------------------
DOCUMENTS["legistar_brazos_awards"] = (
    """File #: 26-0412   Type: Resolution (Consent)   Status: Agenda Ready
Title: Accept and appropriate Fiscal Year 2026 second-quarter payments from U.S. Immigration and
Customs Enforcement under the Sheriff's 287(g) Task Force Model agreement ($186,015)

BUDGET IMPACT
Increase in federal revenue and associated expense. No additional County funds.

BUDGET ORDINANCE IMPACT
Increase revenue and expense in the General Fund by $186,015 as follows:
  - Salary and benefits reimbursement, 14 task force officers: $158,265
  - Overtime reimbursement (capped at 25% of salary): $17,250
  - Quarterly performance awards, 14 officers at $750 (80-89% locating rate): $10,500

BACKGROUND
Beginning October 1, 2025, ICE reimburses participating agencies for the salary and benefits of
trained 287(g) officers and pays quarterly performance awards per eligible task force officer.
""",
    {
        # Judgement: the item total is both "federal revenue" and the sum of
        # reimbursements and awards; labelled revenue (its own line's word).
        "186015": "revenue",
        "158265": "reimbursement",
        "17250": "reimbursement",
        "750": "grant",
        "10500": "grant",
    },
)


# ---------------------------------------------------------------------------
# Class: table rows with " | " separators (HTML budget portal export): one
# row is the 287(g) unit, the others are other divisions and a total.
# ---------------------------------------------------------------------------
DOCUMENTS["table_cobalt_portal"] = (
    """Cobalt County Open Budget - Sheriff's Office - Expenditures by Division

Division | FY 2024 Actual | FY 2025 Adopted | FY 2026 Adopted
Patrol Operations | $18,402,116 | $19,005,300 | $19,880,450
Criminal Investigations | $6,117,902 | $6,340,000 | $6,512,775
287(g) Immigration Enforcement Unit | $1,486,230 | $1,552,900 | $1,618,340
Detention Operations | $31,664,085 | $32,410,000 | $33,902,610
Court Security | $2,208,440 | $2,275,000 | $2,301,950
Total | $59,878,773 | $61,583,200 | $64,216,125

Figures include salaries, benefits and operating costs. The 287(g) unit has 17 sworn positions.
""",
    {
        "18402116": None,
        "19005300": None,
        "19880450": None,
        "6117902": None,
        "6340000": None,
        "6512775": None,
        "1486230": "cost",
        "1552900": "cost",
        "1618340": "cost",
        "31664085": None,
        "32410000": None,
        "33902610": None,
        "2208440": None,
        "2275000": None,
        "2301950": None,
        "59878773": None,
        "61583200": None,
        "64216125": None,
    },
)


# ---------------------------------------------------------------------------
# Class: staff report with awkward amount forms ("$19 ,000" from a PDF text
# layer, "$3.2-million", a parenthesised negative) and the program named
# indirectly ("the immigration enforcement unit", "the federal program") in a
# report that names 287(g).
# ---------------------------------------------------------------------------
DOCUMENTS["staff_report_dunmore_midyear"] = (
    """CITY OF DUNMORE - POLICE DEPARTMENT
MID-YEAR BUDGET REVIEW, FY 2025-26 - STAFF REPORT

1. 287(g) Task Force. The Department entered a 287(g) Task Force Model agreement with ICE in
June 2025. The immigration enforcement unit's overtime appropriation is reduced by ($86,500)
because ICE now reimburses overtime directly. Training travel for the unit came in at $19 ,000,
below the $24,000 budgeted. Under the federal program the City expects $266,400 in salary
reimbursement for the current fiscal year, which ends June 30.

2. Public Safety Building. The $3.2-million roof replacement at the Public Safety Building is
on schedule; the remaining contingency is $140,500.

3. Fleet. Fourteen marked units will be replaced in FY 2026-27 at an estimated $1.02 million.
""",
    {
        "86500": "cost",
        "19000": "cost",
        "24000": "cost",
        "266400": "reimbursement",
        "3200000": None,
        "140500": None,
        "1020000": None,
    },
)


# ---------------------------------------------------------------------------
# Class: news with the same money said twice ("close to $1M" and the exact
# figure), a "$1M" form, and a transport contract that is not 287(g).
# ---------------------------------------------------------------------------
DOCUMENTS["news_taylor_close_to_1m"] = (
    """State repays Palmer County close to $1M for immigration work

The Palmer County Sheriff's Office will get close to $1M from the state to cover costs tied to
its 287(g) agreement with federal immigration authorities.

The award, $968,430 in all, breaks down to $611,200 for jail beds used by ICE detainees held
under the agreement, $298,115 for 287(g) training, $41,800 for transport and $17,315 for
overtime, according to the sheriff's office.

The sheriff's office separately pays a private contractor about $260,000 a year to move
inmates between the county jail and state prisons; that contract is not part of the award.
""",
    {
        "1000000": "grant",
        "968430": "grant",
        "611200": "grant",
        "298115": "grant",
        "41800": "grant",
        "17315": "grant",
        "260000": None,
    },
)
MERGED.add(("news_taylor_close_to_1m", "1000000"))


# ---------------------------------------------------------------------------
# Class: consent agenda (Georgia county) with unrelated items: JAG, jail
# medical, a transport contract, a renewal "with no fiscal impact", and one
# 287(g) vehicle purchase with its own amount.
# ---------------------------------------------------------------------------
DOCUMENTS["consent_hollis_agenda"] = (
    """HOLLIS COUNTY BOARD OF COMMISSIONERS
REGULAR MEETING AGENDA - FEBRUARY 17, 2026

CONSENT AGENDA
 a. Approval of minutes of the February 3, 2026 regular meeting.
 b. Sheriff's Office - acceptance of FY 2025 Byrne JAG award, $38,412, for body-worn cameras.
 c. Sheriff's Office - renewal of the jail medical services agreement with Coastal Correctional
    Health, annual cost $2,906,000, a 4% increase.
 d. Sheriff's Office - renewal of the 287(g) Memorandum of Agreement with U.S. Immigration and
    Customs Enforcement. No fiscal impact.
 e. Sheriff's Office - purchase of two pursuit-rated SUVs for the 287(g) unit from state
    contract, $118,920, funded from the Sheriff's FY 2026 capital budget.
 f. Public Works - Ice House Road bridge deck repair, change order No. 2, $22,740.
 g. Finance - renewal of audit services with Mauldin & Ward, $74,500.
""",
    {
        "38412": None,
        "2906000": None,
        "118920": "cost",
        "22740": None,
        "74500": None,
    },
)


# ---------------------------------------------------------------------------
# Class: budget page as `pdftotext -layout` prints it, program-style with a
# per-unit rate line and a performance-measure block (Virginia regional jail);
# the 287(g) lines name it, including a per-day revenue line.
# Judgement: "ICE per diem - 287(g) holds" revenue line gives the yearly
# revenue from the per-day rate: labelled revenue; the rate itself "@ $84/day"
# is per_diem.
# ---------------------------------------------------------------------------
DOCUMENTS["layout_blue_ridge_jail"] = (
    """
  BLUE RIDGE REGIONAL JAIL AUTHORITY                         FY 2026 OPERATING BUDGET
  Program: Intake & Classification

                                              FY 2024         FY 2025         FY 2026
                                               Actual          Budget        Proposed
  Revenue
    Member jurisdiction per diems           8,412,330       8,650,000       8,910,000
    ICE per diem - 287(g) holds @ $84/day      96,684         101,000          99,500
    Compensation Board (state)              3,120,442       3,180,000       3,244,000
  Expenditure
    Intake officers                         1,907,515       1,962,000       2,035,800
    287(g) screening officers (3)             218,940         226,500         234,150
    Classification software                    48,600          51,000          53,550

  Performance measures                        FY 2024         FY 2025         FY 2026
    Bookings processed                         11,846          12,100          12,300
    287(g) detainers lodged                       214             230             230
    Cost per booking                           $161.03         $162.15         $165.51
""",
    {
        "8412330": None,
        "8650000": None,
        "8910000": None,
        "84": "per_diem",
        "96684": "revenue",
        "101000": "revenue",
        "99500": "revenue",
        "3120442": None,
        "3180000": None,
        "3244000": None,
        "1907515": None,
        "1962000": None,
        "2035800": None,
        "218940": "cost",
        "226500": "cost",
        "234150": "cost",
        "48600": None,
        "51000": None,
        "53550": None,
        "161.03": None,
        "162.15": None,
        "165.51": None,
    },
)


# ---------------------------------------------------------------------------
# Class: news on federal detention contracts (IGSA and U.S. Marshals) where
# 287(g) is mentioned: the detention budget increase, per-day rates and the
# transport hourly rate are not 287(g); only the 287(g) officers' cost is.
# ---------------------------------------------------------------------------
DOCUMENTS["news_haw_river_contracts"] = (
    """Commissioners sign off on federal jail contracts

Haw River County commissioners voted 4-1 Monday to increase the detention center's budget by
$2,614,300 for the rest of fiscal 2025-26 so the jail can take federal detainees again under
two contracts: one with ICE at $128 per detainee per day and one with the U.S. Marshals
Service at $84.50 a day. ICE will also pay $31.75 an hour for transport officers.

County manager Heather Lyle called the contracts "basically a wash," since the jail expects
federal payments of $2.7 million a year against the added staffing.

Those contracts are separate from the sheriff's 287(g) agreement, under which four jail
officers trained by ICE check the immigration status of people booked into the jail. Those
four positions cost the county $229,880 a year, and no federal money covers them, Sheriff Ted
Marsh said.
""",
    {
        "2614300": None,
        "128": None,
        "84.50": None,
        "31.75": None,
        "2700000": None,
        "229880": "cost",
    },
)


# ---------------------------------------------------------------------------
# Class: agenda item / budget request that names 287(g) once and then refers
# to it indirectly ("the ICE program", "designated immigration officers");
# includes processing-fee revenue and a whole-department figure.
# Judgement: the per-detainer processing fee that the text calls fee revenue
# is labelled revenue, and its yearly total revenue too.
# ---------------------------------------------------------------------------
DOCUMENTS["agenda_shenandoah_budget_request"] = (
    """CULPEPPER COUNTY BOARD OF SUPERVISORS
Agenda Item 12 - Sheriff's FY 2027 Budget Request: Immigration Enforcement

Summary: The Sheriff requests continued funding for the Office's participation in the 287(g)
program under its Memorandum of Agreement with ICE, and two additional designated immigration
officers.

Details:
The ICE program currently has four designated immigration officers. The two added designated
immigration officers would cost $139,640 in salary and benefits in FY 2027, and their training
travel to the ICE academy would cost $11,300. ICE pays the Office a processing fee of $25 for
each detainer served under the agreement; that fee revenue was $9,875 in FY 2025.

For context, the Sheriff's total FY 2027 request is $22,918,400, of which the jail accounts for
$13,006,750.

Staff recommendation: Refer to the April 2 budget work session.
""",
    {
        "139640": "cost",
        "11300": "cost",
        "25": "revenue",
        "9875": "revenue",
        "22918400": None,
        "13006750": None,
    },
)


# ---------------------------------------------------------------------------
# Class: city budget narrative as plain `pdftotext` prints it (lines wrapped
# mid-sentence, "2020 operating budget"), with the 287(g) program's costs and
# reimbursement and a police department total.
# ---------------------------------------------------------------------------
DOCUMENTS["plain_marston_city_budget"] = (
    """City of Marston
2020 Operating Budget
Police Department
Department Overview
The Police Department's 2020 operating budget is $9,814,220, an increase of $306,115 over
2019. The increase reflects contractual wage steps and two added dispatch positions.
Special Programs
287(g) Task Force. The Department's two task force officers
remain assigned to the 287(g) program in 2020. Their salaries and
benefits are budgeted at $171,460, and program training and travel
at $6,250. ICE reimburses overtime only; the 2020 operating budget
assumes $14,800 in overtime reimbursement, for a net cost to the
City of $162,910.
School Resource Officers. The Marston School District pays
$212,600 toward three school resource officers.
""",
    {
        "9814220": None,
        "306115": None,
        "171460": "cost",
        "6250": "cost",
        "14800": "reimbursement",
        "162910": "net",
        "212600": None,
    },
)


# ---------------------------------------------------------------------------
# Class: agenda item with FISCAL IMPACT for a 287(g) detainer-hold rate (the
# rate ICE pays per day for 287(g) detainees held past release), beside the
# jail's own cost per day and the U.S. Marshals rate (not 287(g)).
# Judgement: old and new 287(g) hold rates are both per_diem; the projected
# yearly income, which the text calls revenue, is revenue.
# ---------------------------------------------------------------------------
DOCUMENTS["agenda_cedar_hold_rate"] = (
    """CEDAR COUNTY BOARD OF COMMISSIONERS
AGENDA ITEM SUMMARY                                   Meeting Date: April 7, 2026

Item Title: Addendum No. 1 to the Sheriff's 287(g) Memorandum of Agreement - detainee hold
reimbursement rate

Requested Action: Approve Addendum No. 1, under which ICE will pay $97/day (up from $83/day)
for each detainee booked on a 287(g) detainer and held past local release awaiting ICE
custody.

Background: The jail's average cost is $118.40 per inmate per day. The U.S. Marshals Service
pays $80 a day for federal prisoners under a separate intergovernmental agreement, which this
addendum does not change.

FISCAL IMPACT: At last year's 1,460 hold days, the new 287(g) rate produces projected revenue
of $141,620 in FY 2025-26, an increase of $20,440.

Attachments: Addendum No. 1 (PDF); ICE rate letter dated March 2, 2026.
""",
    {
        "97": "per_diem",
        "83": "per_diem",
        "118.40": None,
        "80": None,
        "141620": "revenue",
        "20440": "revenue",
    },
)


# ---------------------------------------------------------------------------
# Class: budget page as `pdftotext -layout` prints it, a sheriff's revenue
# summary by source with "FY25-26"-style headers. One charges-for-services
# line is the 287(g) detainer hold fee (revenue); the rest are not 287(g).
# ---------------------------------------------------------------------------
DOCUMENTS["layout_cedar_revenues"] = (
    """
 CEDAR COUNTY SHERIFF                                        REVENUE SUMMARY BY SOURCE
                                              FY23-24          FY24-25          FY25-26
                                               ACTUAL          REVISED          ADOPTED
 REVENUES
   Intergovernmental
     USMS Federal Prisoner Housing            1,066,720        1,120,000        1,168,000
     State Inmate Housing Reimbursement         402,155          410,000          415,000
     SCAAP                                       17,926           18,000           18,000
   Charges for Services
     287(g) Detainer Hold Fees (ICE)            111,390          121,180          141,620
     Civil Process Fees                          88,214           90,000           92,500
     Inmate Telephone Commissions               140,022          135,000          132,000
   Total Revenues                             1,826,427        1,894,180        1,967,120
""",
    {
        "1066720": None,
        "1120000": None,
        "1168000": None,
        "402155": None,
        "410000": None,
        "415000": None,
        "17926": None,
        "18000": None,
        "111390": "revenue",
        "121180": "revenue",
        "141620": "revenue",
        "88214": None,
        "90000": None,
        "92500": None,
        "140022": None,
        "135000": None,
        "132000": None,
        "1826427": None,
        "1894180": None,
        "1967120": None,
    },
)


# ---------------------------------------------------------------------------
# Class: news with "$490K"/"$320K" forms, a hedge, a police department's
# request in a neighbouring county (another place: elsewhere), and the
# sheriff's whole budget.
# ---------------------------------------------------------------------------
DOCUMENTS["news_hillcrest_490k"] = (
    """Hillcrest sheriff lands $490K state immigration grant

The Hillcrest County Sheriff's Office received $490K in the latest round of state immigration
enforcement grants, including $320K for nine months of holding people detained under its 287(g)
agreement and nearly $92,000 for license-plate readers used by its task force officers.

The Bayview Police Department, across the line in Dunes County, which signed its own 287(g)
agreement in June, asked for $430K in the same round and is still waiting for a decision. The sheriff's office's annual budget is
about $212 million.
""",
    {
        "490000": "grant",
        "320000": "grant",
        "92000": "grant",
        "430000": "elsewhere",
        "212000000": None,
    },
)
