"""Held-out set D for the cost-figure extractor (issue 12).

Written by an independent examiner without reading the extractor or its tests; never scored
by its author. Places, people and numbers are invented or altered; wording is paraphrased
from the styles of real budget books, agenda items, minutes, fiscal notes and local news.

Labels: every dollar amount -> kind of a local 287(g) figure, None (not 287(g)), or
"elsewhere" (another place's 287(g) figure, a state program's total or bracket, a national
total or national program terms). MERGED holds the hedged/rounded repeat of money said twice.

General judgement calls (also noted per document):
  * ICE paying the county back for salaries/vehicles/equipment = reimbursement, even when the
    line sits under a REVENUES heading, unless the text itself calls it revenue (the Texas
    "Certification of Revenue" items are labelled revenue).
  * A per-day rate is per_diem only when the text ties it to the 287(g) agreement; IGSA,
    U.S. Marshals and "housing agreement" rates are None.
  * A state agency's own cost in a fiscal note about its own 287(g) agreement is local (cost);
    other states' appropriations are "elsewhere".
  * A 287(g) program's own total row (under a heading naming the program) is a cost figure;
    the division/department total is None.
"""

from __future__ import annotations

DOCUMENTS: dict[str, tuple[str, dict[str, str | None]]] = {}

# Class: budget page as `pdftotext -layout` prints it (Georgia county, sheriff detention
# division; several fiscal-year columns, account codes, FTE rows, division total).
DOCUMENTS["d01_ga_layout_detention_division"] = (
    """                           HALL RIDGE COUNTY, GEORGIA
                       FY 2026 PROPOSED OPERATING BUDGET                               Page 214

 SHERIFF - DETENTION DIVISION                                          Fund 100   Dept 3326

                                         FY 2024        FY 2025        FY 2026
 Account   Description                    Actual        Adopted       Proposed
 511100    Regular Salaries             9,412,880      9,806,400     10,215,600
 511300    Overtime                       688,214        540,000        575,000
 511310    Overtime - 287(g) Unit         142,770        150,000        168,000
 511320    Salaries - 287(g) Unit       1,288,540      1,344,900      1,402,650
 521200    Medical Services             2,105,660      2,250,000      2,400,000
 522100    Food Services                1,011,415      1,060,000      1,095,000
 531100    Inmate Transport Contract      214,000        225,000        236,250
           Division Total              14,863,479     15,376,300     16,092,500

 Authorized FTE                            148.00         152.00         156.00
   of which 287(g) Unit                     18.00          18.00          19.00

 Performance Measures                     FY 2024        FY 2025        FY 2026
 Average daily population                   1,904          1,962          2,010
 Detainers lodged (287(g))                    611            640            655
""",
    {
        "142770": "cost",
        "150000": "cost",
        "168000": "cost",
        "1288540": "cost",
        "1344900": "cost",
        "1402650": "cost",
        "9412880": None,
        "9806400": None,
        "10215600": None,
        "688214": None,
        "540000": None,
        "575000": None,
        "2105660": None,
        "2250000": None,
        "2400000": None,
        "1011415": None,
        "1060000": None,
        "1095000": None,
        "214000": None,
        "225000": None,
        "236250": None,
        "14863479": None,
        "15376300": None,
        "16092500": None,
    },
)

# Class: budget page, `pdftotext -layout`, REVENUES / EXPENDITURES sections (Texas county
# sheriff). Judgement: the REVENUES line "ICE 287(g) Task Force Reimb" is reimbursement.
DOCUMENTS["d02_tx_layout_rev_exp"] = (
    """ MATAGORDA BEND COUNTY                                      FY 2025-26 ADOPTED BUDGET
 DEPARTMENT 560 - SHERIFF

 REVENUES                                          FY 2023-24     FY 2024-25     FY 2025-26
                                                       Actual        Amended        Adopted
 4330-10   SCAAP Award                                 41,622         38,000         35,000
 4330-20   Prisoner Housing - USMS                    912,450        880,000        905,000
 4330-45   ICE 287(g) Task Force Reimb                      -              -        257,500
 4610-00   Sheriff Fees                               118,309        121,000        124,500
           Total Revenues                           1,072,381      1,039,000      1,322,000

 EXPENDITURES
 5101-00   Salaries - Sworn                         6,904,118      7,210,450      7,488,900
 5101-45   Salaries - 287(g) TFO                            -              -        198,700
 5105-45   Overtime - 287(g) TFO                            -              -         49,675
 5140-00   Retirement/FICA                          1,622,045      1,704,300      1,779,050
 5410-00   Vehicles                                   310,000        295,000        342,000
           Total Expenditures                       8,836,163      9,209,750      9,858,325
""",
    {
        "257500": "reimbursement",
        "198700": "cost",
        "49675": "cost",
        "41622": None,
        "38000": None,
        "35000": None,
        "912450": None,
        "880000": None,
        "905000": None,
        "118309": None,
        "121000": None,
        "124500": None,
        "1072381": None,
        "1039000": None,
        "1322000": None,
        "6904118": None,
        "7210450": None,
        "7488900": None,
        "1622045": None,
        "1704300": None,
        "1779050": None,
        "310000": None,
        "295000": None,
        "342000": None,
        "8836163": None,
        "9209750": None,
        "9858325": None,
    },
)

# Class: budget-book program page as plain `pdftotext` prints it (one cell per line),
# North Carolina county. The 287(g) program's own figures sit under its heading; the next
# program on the page (Inmate Programs) is not 287(g). Includes the "$19 ,000" artefact.
DOCUMENTS["d03_nc_plain_program_page"] = (
    """Sheriff's Office
Immigration Enforcement (287(g)) Program
Program Description
The 287(g) Jail Enforcement Model unit screens persons booked into the detention center
and processes immigration detainers under the agreement with U.S. Immigration and
Customs Enforcement.
Budget Summary
FY 2024
Actual
FY 2025
Budget
FY 2026
Approved
Personnel
812,440
856,300
901,115
Operating
44,905
52,000
61,250
Total
857,345
908,300
962,365
Budget Highlights
The FY 2026 approved budget adds $19 ,000 for replacement of the unit's fingerprint
scanners.
Inmate Programs
Program Description
Provides GED instruction, substance abuse counseling and chaplaincy services.
FY 2024
Actual
FY 2025
Budget
FY 2026
Approved
Personnel
233,118
240,900
251,400
Operating
71,644
74,000
77,500
Total
304,762
314,900
328,900
""",
    {
        "812440": "cost",
        "856300": "cost",
        "901115": "cost",
        "44905": "cost",
        "52000": "cost",
        "61250": "cost",
        "857345": "cost",
        "908300": "cost",
        "962365": "cost",
        "19000": "cost",
        "233118": None,
        "240900": None,
        "251400": None,
        "71644": None,
        "74000": None,
        "77500": None,
        "304762": None,
        "314900": None,
        "328900": None,
    },
)

# Class: agenda item with a FISCAL IMPACT section (Texas commissioners court, constable's
# certification of revenue) plus an unrelated item after it. Judgement: the vehicle and
# per-deputy amounts are called reimbursement in the text; the certified total is revenue.
DOCUMENTS["d04_tx_agenda_certification"] = (
    """COMMISSIONERS COURT - REGULAR MEETING - MARCH 9, 2026
COUNTY AUDITOR

26-114  Consider and take action on the Certification of Revenue in the amount of
$145,000 as certified by the County Auditor for the DHS ICE 287(g) Task Force, Constable
Precinct 3, and appropriation of the same.

BACKGROUND: Constable Precinct 3 entered into a Task Force Model agreement on
November 18, 2025. The amount reflects federal reimbursement of $100,000 toward one
patrol vehicle and $7,500 for each of six credentialed deputies.

FISCAL IMPACT: Increase revenue line 2360-4331 and appropriate to 2360-5730 (vehicles)
and 2360-5240 (equipment). No county match.

26-115  Consider and take action on renewal of the inmate transport agreement with
Gulf Coast Secure Transport, LLC, in an amount not to exceed $84,300 for FY 2026.
FISCAL IMPACT: Budgeted in 0560-5410.
""",
    {"145000": "revenue", "100000": "reimbursement", "7500": "reimbursement", "84300": None},
)

# Class: consent agenda with unrelated items (Indiana county). Traps: Ice Miller LLP,
# Ice House Road, SCAAP, claims docket.
DOCUMENTS["d05_in_consent_agenda"] = (
    """BOARD OF COMMISSIONERS - CONSENT AGENDA - JANUARY 20, 2026

1. Approve engagement letter with Ice Miller LLP as bond counsel for the 2026 jail
   improvement bonds, fees not to exceed $38,500.
2. Award contract for resurfacing of Ice House Road (CR 400 N to SR 32) to Milestone
   Contractors, $612,880.
3. Accept reimbursement from U.S. Immigration and Customs Enforcement in the amount of
   $61,412.37 for overtime of deputies assigned under the county's 287(g) agreement,
   October through December 2025.
4. Accept FY 2025 State Criminal Alien Assistance Program (SCAAP) award, $22,190.
5. Approve claims docket dated January 16, 2026, totaling $1,204,553.18.
""",
    {"38500": None, "612880": None, "61412.37": "reimbursement", "22190": None, "1204553.18": None},
)

# Class: staff report (Minnesota county) with cost, reimbursement and net in one section,
# and the sheriff's whole budget as a trap.
DOCUMENTS["d06_mn_staff_report"] = (
    """STAFF REPORT
To: County Board of Commissioners
From: County Administrator
Subject: Sheriff's Office 287(g) Task Force Model Agreement - Budget Impact
Meeting date: February 10, 2026

The Sheriff's Office signed a Task Force Model agreement with ICE in 2025. Two deputies
have completed the federal training and will be assigned to the unit.

Budget impact. Staff estimates the 2026 cost of the two positions at $248,900, made up
of $231,600 in salaries and benefits and $17,300 in overtime. Under the federal program
announced last fall, ICE is expected to reimburse $236,200 of that amount, leaving a net
county cost of approximately $12,700 for the year. For context, the Sheriff's Office 2026
adopted budget is $38.4 million.

Recommendation: receive the report; no action required.
""",
    {
        "248900": "cost",
        "231600": "cost",
        "17300": "cost",
        "236200": "reimbursement",
        "12700": "net",
        "38400000": None,
    },
)

# Class: board minutes (North Carolina, 2008 style), positions for the jail 287(g) unit;
# an unrelated fire-truck item. Judgement: starting salaries are per-position costs.
DOCUMENTS["d07_nc_minutes_positions"] = (
    """MINUTES OF THE BOARD OF COMMISSIONERS
March 24, 2008

Item 9. Sheriff's Office - 287(g) Positions. Sheriff Dale Whitmore asked the board to add
three detention positions to staff the jail's 287(g) unit beginning July 1. Finance
Director Anne Coble said the positions would cost about $112,000 a year; a starting
detention deputy earns $34,150 and a sergeant $42,020. Commissioner Rhyne moved approval;
the motion carried 6-1, Commissioner Lutz opposed.

Item 10. Fire Services. The board approved purchase of a tanker for the Crowders Creek
station at $298,000 from the capital reserve.
""",
    {"112000": "cost", "34150": "cost", "42020": "cost", "298000": None},
)

# Class: bulleted grant item (Florida county commission accepting a state immigration grant
# for the sheriff's 287(g) work). The statewide appropriation is "elsewhere".
DOCUMENTS["d08_fl_bulleted_grant"] = (
    """AGENDA ITEM 7.C
Title: Acceptance of State Board of Immigration Enforcement Grant - Sheriff's Office

Summary: The Sheriff's Office, a 287(g) partner agency, has been awarded $872,416.55 under
the Local Law Enforcement Immigration Grant Program for costs incurred from March through
August 2025, as follows:

  - Detention beds (IGP-B): $541,300.00
  - 287(g) training travel and lodging (IGP-D): $198,640.20
  - Detainee transport (IGP-C): $37,905.35
  - Overtime for Designated Immigration Officers: $94,571.00

The Legislature funded the statewide program at $250 million in Special Session C. No
local match is required. The award will be recorded in Fund 1410, cost center 3187.

Recommended action: Approve and authorize the Chair to sign the grant agreement.
""",
    {
        "872416.55": "grant",
        "541300": "grant",
        "198640.20": "grant",
        "37905.35": "grant",
        "94571": "grant",
        "250000000": "elsewhere",
    },
)

# Class: news paragraph with cost + reimbursement + net cost and a 287(g) per-day rate
# (Virginia regional jail); the jail's operating budget is a trap.
DOCUMENTS["d09_va_news_net"] = (
    """The Blue Ridge Regional Jail Authority voted 5-2 on Thursday to end its 287(g)
agreement with Immigration and Customs Enforcement, closing a program the jail has run
since 2008.

According to a staff memo, the program cost the jail $312,000 in the fiscal year that ended
June 30. ICE reimbursed about $128,000, leaving a net cost of roughly $184,000 for the five
member localities. Under the agreement, ICE paid the jail $86 for each day a person was held
awaiting transfer to federal custody.

Superintendent Carla Nunn said the savings were small compared with the jail's $42 million
operating budget but that the board had to weigh "the trust of the community."
""",
    {
        "312000": "cost",
        "128000": "reimbursement",
        "184000": "net",
        "86": "per_diem",
        "42000000": None,
    },
)

# Class: news paragraph citing other jurisdictions (Tennessee county story with North
# Carolina and Nashville comparisons, and a national figure).
DOCUMENTS["d10_tn_news_elsewhere"] = (
    """Hamilton County commissioners questioned Sheriff Ray Colter on Wednesday about the
cost of his office's 287(g) program, which assigns nine corrections officers to screen
inmates for immigration status. Budget director Lee Pham put the annual cost at
$684,500 in salaries and benefits, plus $23,900 for training travel that ICE does not
cover.

Critics pointed to other counties. Mecklenburg County, N.C., spent an estimated $5.3
million on its program before the sheriff there ended it in 2018, and Davidson County
freed roughly $730,000 a year in salaries when it left the program in 2012. Nationally,
Congress gave ICE $29.8 billion last year for officers, removals and 287(g) agreements.
""",
    {
        "684500": "cost",
        "23900": "cost",
        "5300000": "elsewhere",
        "730000": "elsewhere",
        "29800000000": "elsewhere",
    },
)

# Class: per-diem sentences (South Carolina detention center contracts): U.S. Marshals and
# IGSA rates are NOT 287(g); only the rate the text ties to the 287(g) agreement is.
# Judgement: IGSA transport hourly rate is None.
DOCUMENTS["d11_sc_per_diem_contracts"] = (
    """DETENTION CENTER - FEDERAL HOUSING AGREEMENTS (Council Briefing, April 2025)

The detention center houses federal prisoners under three arrangements. The U.S. Marshals
Service pays $82 per prisoner per day under its intergovernmental agreement. ICE pays $97
per detainee per day under the separate Intergovernmental Service Agreement (IGSA), plus
$33.54 per hour for guard and transport services.

Under the 287(g) Jail Enforcement Model agreement, ICE pays the county $65 per day for
each inmate held on a 287(g) detainer beyond the 48-hour hold period.

Federal housing revenue for FY 2024 was $3,118,407.
""",
    {"82": None, "97": None, "33.54": None, "65": "per_diem", "3118407": None},
)

# Class: state fiscal note (Idaho-style) on a bill requiring the state Department of
# Correction to enter a 287(g) agreement; parenthesised negatives, biennium wording.
# Judgement: the state agency's own cost is the source's own (local) cost; Florida's
# appropriation is "elsewhere".
DOCUMENTS["d12_id_fiscal_note"] = (
    """FISCAL NOTE
H0418 - Department of Correction; 287(g) agreement

This bill directs the Department of Correction to enter into a 287(g) Jail Enforcement
Model agreement with U.S. Immigration and Customs Enforcement for all reception and
diagnostic units.

                                   FY 2027          FY 2028
General Fund                     ($418,600)       ($392,150)
FTP                                    4.00             4.00

The Department estimates General Fund costs of $418,600 in the first year, including
one-time equipment and training costs, and $392,150 each year after for four full-time
positions. Federal reimbursement under the agreement is estimated at $310,000 per year
beginning in FY 2028 and is not reflected above. By comparison, Florida appropriated
$250.7 million for its state immigration grant program in 2025.
""",
    {"418600": "cost", "392150": "cost", "310000": "reimbursement", "250700000": "elsewhere"},
)

# Class: sheriff's press release (Texas), state SB 8 grant; statewide brackets "elsewhere";
# the sheriff's general fund budget is a trap.
DOCUMENTS["d13_tx_sheriff_press_release"] = (
    """FOR IMMEDIATE RELEASE
Bastrop Hills County Sheriff's Office
March 23, 2026

SHERIFF'S OFFICE RECEIVES STATE GRANT FOR 287(g) PARTNERSHIP

Sheriff Tom Ruelas announced today that the Sheriff's Office has received a $100,000 grant
from the Comptroller's Sheriff Immigration Law Enforcement Grant Program, created by Senate
Bill 8, to support its 287(g) agreement with ICE. Grants under the program range from
$80,000 for the smallest counties to $140,000 for the most populous.

The grant will buy two license plate reader trailers at $38,750 each for the 287(g) task
force, with the rest going to training. "Not one dollar of this comes out of our $21.6
million general fund budget," Ruelas said.
""",
    {
        "100000": "grant",
        "80000": "elsewhere",
        "140000": "elsewhere",
        "38750": "cost",
        "21600000": None,
    },
)

# Class: audit finding (Maryland county, independent accountants). Judgement: the audit fee
# is not a 287(g) figure (None); the IGSA rate is None.
DOCUMENTS["d14_md_audit_finding"] = (
    """FINDING 3 - INCREMENTAL COST OF THE 287(g) PROGRAM

Condition: The Sheriff's Office does not track 287(g) program costs separately. Using
payroll, fleet and travel records for FY2016 through FY2020, we estimate the net
incremental cost of the program to the County at $41,226 for the period, or about $8,245
per year. Under an alternative assumption that all training overtime was caused by the
program, the net incremental cost would be $83,910 ($16,782 per year). We identified no
reimbursements from ICE for 287(g) activities.

Other matters: ICE paid the County $85 per detainee per day under the Intergovernmental
Service Agreement during the period; this revenue is outside the scope of this finding.
The Adult Detention Center budget for FY2020 was $16.2 million. The fee for this
engagement was $19,950.
""",
    {
        "41226": "net",
        "8245": "net",
        "83910": "net",
        "16782": "net",
        "85": None,
        "16200000": None,
        "19950": None,
    },
)

# Class: city police department council memo (Texas city, Task Force Model). Judgement:
# ICE's quarterly performance awards quoted as national terms are "elsewhere".
DOCUMENTS["d15_tx_city_pd_memo"] = (
    """CITY COUNCIL MEMORANDUM
TO: Mayor and Council
FROM: Chief of Police Dana Morales
DATE: October 28, 2025
RE: 287(g) Task Force Model agreement - Police Department

The Police Department requests authorization to assign four officers to the 287(g) Task
Force Model. Under the federal program effective October 1, ICE will reimburse the full
salary and benefits of each trained officer, estimated at $356,800 for the four officers
in FY 2026, and overtime up to 25 percent of salary. ICE has also indicated it will
reimburse $100,000 toward a dedicated vehicle and $7,500 per credentialed officer for
equipment.

Nationally, ICE pays quarterly performance awards of $500 to $1,000 per task force officer
based on locating rates.

FISCAL IMPACT: The City will advance payroll of approximately $29,700 per month and seek
reimbursement monthly. No budget amendment is required at this time.
""",
    {
        "356800": "reimbursement",
        "100000": "reimbursement",
        "7500": "reimbursement",
        "500": "elsewhere",
        "29700": "cost",
    },
)

# Class: local news (radio transcript style) with amounts in words; the jail's budget in
# digits is a trap.
DOCUMENTS["d16_ok_radio_words"] = (
    """[Transcript, KXOK Morning Report]
County commissioners got their first look Monday at what the jail's 287(g) program has
cost. The sheriff's finance officer told the board the county spent one-point-seven
million dollars on the program last year, mostly detention officer salaries, and got back
about four hundred thousand dollars from ICE. The jail's overall budget is $9.8 million.
""",
    {"1700000": "cost", "400000": "reimbursement", "9800000": None},
)

# Class: news paragraph (Florida) with a hedge and the exact figure for the same money
# (MERGED), "$490K" and "$21 million" for other agencies/statewide ("elsewhere"),
# "$3.2-million" trap (jail expansion, not 287(g)).
DOCUMENTS["d17_fl_news_same_money"] = (
    """PERRY BAY - The Madison Shoals County Sheriff's Office will get nearly $1M from the
state to cover what it spent helping ICE under its 287(g) agreement, the State Board of
Immigration Enforcement announced Tuesday.

The award, $968,412 in all, includes $601,290 for detention beds, $288,115 for 287(g)
training travel, $44,870 for transport and $34,137 for overtime. Hillsborough County
received $490K in the same round, bringing the statewide total to $21 million.

The money is separate from the sheriff's $3.2-million jail expansion approved last spring.
""",
    {
        "1000000": "grant",
        "968412": "grant",
        "601290": "grant",
        "288115": "grant",
        "44870": "grant",
        "34137": "grant",
        "490000": "elsewhere",
        "21000000": "elsewhere",
        "3200000": None,
    },
)

# Class: board minutes (Ohio county) with Ice Miller LLP and jail per-diem revenue traps.
DOCUMENTS["d18_oh_minutes_ice_miller"] = (
    """BOARD OF COUNTY COMMISSIONERS - SESSION OF FEBRUARY 3, 2026

Resolution 26-041, approving an engagement of Ice Miller LLP as special counsel for the
jail levy, fees not to exceed $45,000. Adopted 3-0.

Sheriff's annual report. Sheriff Paula Greer reported that jail per diem revenue from the
U.S. Marshals totaled $1,406,220 in 2025. She said the 287(g) program cost $64,815 in
training overtime in the 2025 operating budget, and that ICE reimbursed $58,300 of it
under the new federal terms.
""",
    {"45000": None, "1406220": None, "64815": "cost", "58300": "reimbursement"},
)

# Class: local news (Wyoming county), ICE stipends under a 287(g) agreement; the daily
# housing rate is under a separate agreement and is a trap. Judgement: stipends for
# transport/equipment/IT paid by ICE are reimbursement.
DOCUMENTS["d19_wy_news_stipends"] = (
    """ROCK SPRINGS - Sheriff Ed Halvorsen told commissioners Tuesday that ICE has paid the
county $142,500 in stipends under its 287(g) task force agreement to cover transport,
equipment and computer upgrades.

Separately, under a housing agreement unrelated to 287(g), the daily rate ICE pays to hold
its detainees in the county jail rose from $61.57 to $115.
""",
    {"142500": "reimbursement", "61.57": None, "115": None},
)

# Class: table rows (HTML table converted with " | "), Florida county report listing state
# immigration grant awards to 287(g) partner agencies in its region. The county's own
# sheriff's row is local; other agencies' rows are "elsewhere".
DOCUMENTS["d20_fl_pipe_table"] = (
    """Marion Oaks County - Grants Office Quarterly Report, Q1 FY 2025-26
287(g) partner agencies - state immigration grant awards, Region 3

Agency | Category | Award
Marion Oaks County Sheriff's Office | IGP-B Detention beds | $212,400.00
Marion Oaks County Sheriff's Office | IGP-G Equipment | $88,615.40
Levy Point County Sheriff's Office | IGP-B Detention beds | $143,250.00
City of Ocklawaha Police Department | IGP-E Officer bonuses | $17,000.00

Other grants this quarter
Agency | Program | Award
Marion Oaks County Sheriff's Office | Edward Byrne JAG | $46,720.00
Marion Oaks County Fire Rescue | SAFER | $1,180,300.00
""",
    {
        "212400": "grant",
        "88615.40": "grant",
        "143250": "elsewhere",
        "17000": "elsewhere",
        "46720": None,
        "1180300": None,
    },
)

# Class: budget amendment with account codes (North Carolina); revenue and expenditure
# lines of the 287(g) reimbursement; an unrelated line in the same amendment.
DOCUMENTS["d21_nc_budget_amendment"] = (
    """BUDGET AMENDMENT NO. 2026-14                         Fiscal Year 2025-26

Purpose: To recognize reimbursement from U.S. Immigration and Customs Enforcement for
salaries of detention officers assigned to the 287(g) Task Force, and to appropriate the
same; and to increase inmate medical.

Account          Description                          Increase      Decrease
1004310-433010   ICE 287(g) Reimbursement               88,450
1004310-512100   Salaries - 287(g) Task Force           66,300
1004310-518100   FICA/Retirement - 287(g) Task Force    22,150
1004320-521900   Inmate Medical                         41,000
1001990-599000   Fund Balance Appropriated                             41,000
""",
    {"88450": "reimbursement", "66300": "cost", "22150": "cost", "41000": None},
)

# Class: local news (Utah county) on a proposal it declined; hedged local estimate, another
# county's figure "elsewhere".
DOCUMENTS["d22_ut_news_declined"] = (
    """PROVO - Utah Valley County commissioners shelved a proposal Wednesday for the sheriff's
office to join ICE's 287(g) program after the county auditor estimated it would cost about
$450,000 a year to staff, mostly in jail deputies' time.

Supporters noted that Weber Canyon County, which signed an agreement last year, expects ICE
to reimburse nearly all of its $310,000 in annual costs. The commission's next budget
session is March 4.
""",
    {"450000": "cost", "310000": "elsewhere"},
)

# Class: news (Tennessee) on ending a jail program: local cost, revenue, a 287(g) per-day
# rate and a range. Judgement: "$61 to $68 a day" paid by ICE for 287(g) detainees is
# per_diem (label the low end).
DOCUMENTS["d23_tn_news_end_program"] = (
    """Sheriff Daniel Hoyt said Monday his office will end its 287(g) agreement on Oct. 1,
freeing 10 deputies and about $640,000 a year in local salaries. The county has spent
roughly $3.1 million on the program since 2008.

The program also brought money in: ICE paid the county $61 to $68 a day for each inmate
held for the agency, and the jail booked $775,420 in revenue from those stays in fiscal
2008-09, before the program was scaled back. The sheriff's total budget this year is
$71.5 million.
""",
    {"640000": "cost", "3100000": "cost", "61": "per_diem", "775420": "revenue", "71500000": None},
)

# Class: budget narrative (Georgia county sheriff) with the whole operating budget trap.
DOCUMENTS["d24_ga_budget_narrative"] = (
    """SHERIFF'S OFFICE - FY 2026 BUDGET NARRATIVE

The Sheriff's Office FY 2026 operating budget totals $118.7 million. Within it, the
Sheriff sets aside about $2.1 million for the 287(g) unit's eighteen deputies, covering
salaries and benefits. The county has spent more than $16 million on the unit since it was
created in 2009, when the Board funded $1.4 million in added personnel after holding the
money in contingency for fourteen months.

Fleet replacement ($1.9 million) and the new records management system ($640,000) are
funded in the capital budget.
""",
    {
        "118700000": None,
        "2100000": "cost",
        "16000000": "cost",
        "1400000": "cost",
        "1900000": None,
        "640000": None,
    },
)

# Class: agenda item (Florida sheriff) accepting state bonus money for Designated
# Immigration Officers; per-unit amount is local (this county's deputies). The statute's
# cap is restated as the county's rate, so it is labelled grant (judgement call).
DOCUMENTS["d25_fl_dio_bonus"] = (
    """CONSENT ITEM 14
Accept $26,000 from the State Board of Immigration Enforcement for bonus payments to 26
Sheriff's Office deputies serving as Designated Immigration Officers under the 287(g) Task
Force Model, at $1,000 each as provided in s. 908.1033, F.S.

Fiscal Impact: Revenue and expenditure of $26,000 in Fund 115; no General Fund impact.

CONSENT ITEM 15
Approve purchase of two ambulances for Fire Rescue from Ten-8 Fire Equipment, $689,412.
""",
    {"26000": "grant", "1000": "grant", "689412": None},
)

# Class: budget page, `pdftotext -layout`, Mountain West county (Idaho): lines under a
# "287(g) PROGRAM" heading do not repeat the name; the PATROL lines below are not 287(g).
DOCUMENTS["d26_id_layout_heading"] = (
    """ CANYON RIDGE COUNTY SHERIFF                                     FY 2026 BUDGET REQUEST

                                          FY 2025          FY 2026
                                         Approved          Request
 287(g) PROGRAM
   Salaries                               176,300          183,350
   Benefits                                70,520           74,900
   Training Travel                         12,400           13,600
   Program Total                          259,220          271,850
 PATROL
   Salaries                             2,914,000        3,006,450
   Vehicle Fuel                           188,000          201,500
   Patrol Total                         3,102,000        3,207,950

 FTE: 287(g) Program 2.0; Patrol 31.0
""",
    {
        "176300": "cost",
        "183350": "cost",
        "70520": "cost",
        "74900": "cost",
        "12400": "cost",
        "13600": "cost",
        "259220": "cost",
        "271850": "cost",
        "2914000": None,
        "3006450": None,
        "188000": None,
        "201500": None,
        "3102000": None,
        "3207950": None,
    },
)

# Class: Alabama county commission work-session minutes, transport contract and jail
# revenue traps beside a 287(g) item with reimbursement and net.
DOCUMENTS["d27_al_work_session"] = (
    """WORK SESSION - JUNE 12, 2025

Chief Deputy Lorna Pike presented the jail's 287(g) report for the first half of the
fiscal year. Costs for the two corrections officers assigned to the program were $96,240;
ICE reimbursed $71,800, so the net cost to the county was $24,440.

The commission also discussed the inmate transport contract with Southern Prisoner
Transport ($132,000 a year) and noted that jail housing revenue from ICE under the IGSA
reached $2.7 million, up from $2.2 million last year.
""",
    {
        "96240": "cost",
        "71800": "reimbursement",
        "24440": "net",
        "132000": None,
        "2700000": None,
        "2200000": None,
    },
)

# Class: report/recommendation to a board (Nevada county, Legistar style) with a FINANCIAL
# IMPACT section; "Net County Cost" appears as a phrase with no amount (trap); a USMS
# task force reimbursement in the next item is not 287(g).
DOCUMENTS["d28_nv_report_recommendation"] = (
    """REPORT/RECOMMENDATION TO THE BOARD OF COUNTY COMMISSIONERS
January 27, 2026
FROM: Sheriff Mark Ostrander
SUBJECT: Reimbursement Agreement with U.S. Immigration and Customs Enforcement - 287(g)
Task Force Model

RECOMMENDATION(S)
1. Approve the reimbursement agreement with U.S. Immigration and Customs Enforcement for
salary, benefits and overtime of Sheriff's Office personnel assigned to the 287(g) Task
Force Model, in an amount not to exceed $684,250, for October 1, 2025 through September
30, 2026.
2. Authorize the Comptroller to post budget adjustments as detailed below.

FINANCIAL IMPACT
Approval of this item will not result in the use of General Fund dollars (Net County Cost).
ICE will reimburse the Department monthly. Budget adjustments: increase Salaries and
Benefits by $612,900 and Overtime by $71,350, offset by federal reimbursement.

SUBJECT: Reimbursement Agreement with the U.S. Marshals Service - Regional Fugitive Task
Force, overtime in an amount not to exceed $95,000.
""",
    {"684250": "reimbursement", "612900": "cost", "71350": "cost", "95000": None},
)

# Class: budget page, `pdftotext -layout`, revenue schedule of a Florida sheriff's special
# revenue fund: state grant, ICE performance awards (the text calls them revenue), and
# IGSA bed revenue and commissary as traps. Judgement: "Performance Awards" = revenue.
DOCUMENTS["d29_fl_layout_revenue_schedule"] = (
    """ SHERIFF'S OFFICE - FEDERAL AND STATE REVENUE SCHEDULE            FY 2025-26 BUDGET

 Source                                            FY 2024-25        FY 2025-26
                                                    Estimated           Adopted
 State Immigration Grant (287(g) IGP)               1,114,380           950,000
 ICE 287(g) Performance Award Revenue                  18,500            36,000
 ICE IGSA Bed Revenue                               2,406,115         2,580,000
 Inmate Commissary                                    311,902           320,000
 Total Federal and State Revenue                    3,850,897         3,886,000
""",
    {
        "1114380": "grant",
        "950000": "grant",
        "18500": "revenue",
        "36000": "revenue",
        "2406115": None,
        "2580000": None,
        "311902": None,
        "320000": None,
        "3850897": None,
        "3886000": None,
    },
)

# Class: news (Louisiana parish) with a 287(g) per-day rate written "$92/day", revenue
# from those stays, and a private detention contractor's rate (trap).
DOCUMENTS["d30_la_news_per_diem"] = (
    """Under its 287(g) agreement, the parish jail receives $92/day for each person held past
the 72-hour limit on an ICE detainer, Warden Troy Bergeron told the police jury. Those stays
brought in $514,300 in revenue last year, he said.

That rate is above the $78.50-a-day contract ICE signed with the private company that
runs the detention center near Jena, which is not part of the parish's program, plus a
$1.2 million yearly guarantee for a minimum of beds.
""",
    {"92": "per_diem", "514300": "revenue", "78.50": None, "1200000": None},
)

# Class: board minutes (Georgia county) receiving a quarterly 287(g) reimbursement report,
# with performance awards and a SCAAP line. Judgement: ICE's performance awards = revenue.
DOCUMENTS["d31_ga_minutes_quarterly"] = (
    """REGULAR MEETING OF THE BOARD OF COMMISSIONERS - FEBRUARY 17, 2026

7. Finance Report. Finance Director Tasha Rowe reported that the Sheriff's Office received
$184,950.60 in ICE reimbursements for the quarter ended December 31 under the 287(g) Task
Force agreement, together with performance award revenue of $9,750. The county also
received its SCAAP payment of $31,408 for the prior year. Commissioner Avery asked whether
the 287(g) money covered the unit's overtime; Ms. Rowe said overtime for the quarter was
$41,212.85 and was fully reimbursed.
""",
    {"184950.60": "reimbursement", "9750": "revenue", "31408": None, "41212.85": "cost"},
)

# Class: county annual financial report note (Florida) with expenditures, state grant and
# net cost of the program; a due-from line of another program as trap.
DOCUMENTS["d32_fl_acfr_note"] = (
    """NOTE 14 - IMMIGRATION ENFORCEMENT (287(g)) PROGRAM

During fiscal year 2024-25 the Sheriff incurred expenditures of $1,207,344 in connection
with the 287(g) Task Force Model, including detention, transport and equipment. The State
Board of Immigration Enforcement awarded grants of $883,120 toward those costs, resulting
in a net cost to the Sheriff's general fund of $324,224. At September 30, 2025 the
Sheriff reported $212,006 due from other governments, principally the Department of
Juvenile Justice.
""",
    {"1207344": "cost", "883120": "grant", "324224": "net", "212006": None},
)

# Class: op-ed / advocacy-style news (Colorado-adjacent county in Nebraska) citing figures
# from other places ("elsewhere") beside one local estimate.
DOCUMENTS["d33_ne_oped_elsewhere"] = (
    """Before the Platte River County board signs on, it should look at what 287(g) has cost
elsewhere. Saguaro County, Arizona, ran a $1.3 million deficit one year largely from
program overtime. Oconee Falls County, Georgia, was estimated to spend as much as $3.7
million a year. The city of Pine Bluffs' program cost up to $1.5 million annually before
it ended.

Here, Sheriff Joel Brandt's own request puts the first-year cost at $187,000 for two
deputies and training travel. The federal reimbursement program pays salaries, he says, but
not the $14,600 in travel the county would front.
""",
    {
        "1300000": "elsewhere",
        "3700000": "elsewhere",
        "1500000": "elsewhere",
        "187000": "cost",
        "14600": "cost",
    },
)

# Class: Texas commissioners court minutes: SB 8 grant bracket of this county (a state
# program's bracket -> "elsewhere"), the award actually received (grant), and budget line
# creation for 287(g) reimbursement with an amount (reimbursement), plus an unrelated item.
DOCUMENTS["d34_tx_court_minutes_sb8"] = (
    """COMMISSIONERS COURT MINUTES - APRIL 6, 2026

Item 12. Sheriff Wade Kasper reported that the county, with a 2020 population of 236,410,
falls in the Comptroller's second bracket, grants of up to $100,000 under Senate Bill 8. The county's award letter, received March 30, is for $97,450 for the 2026 grant
period. Motion by Commissioner Ybarra to accept the award and create budget line
110-560-4335 for 287(g) reimbursement, with an estimated $218,600 in ICE reimbursement for
the remainder of the fiscal year. Carried 5-0.

Item 13. Approve purchase of a motor grader for Precinct 2 from Holt Cat, $356,900.
""",
    {"100000": "elsewhere", "97450": "grant", "218600": "reimbursement", "356900": None},
)

# Class: consent agenda (Oklahoma county) with ICE 287(g) performance award (revenue) and
# salary reimbursement, beside a purchase order to "Ice House Tire & Auto" (trap).
DOCUMENTS["d35_ok_consent_awards"] = (
    """BOARD OF COUNTY COMMISSIONERS - AGENDA - MONDAY, MAY 4, 2026
Consent Docket
a. Accept quarterly performance award revenue of $6,000 from U.S. Immigration and Customs
   Enforcement for the Sheriff's 287(g) task force officers, January-March 2026, and deposit
   to Sheriff Service Fee Fund.
b. Accept reimbursement of $52,480.16 from ICE for task force officer salaries and benefits
   under the 287(g) agreement, same period.
c. Approve blanket purchase order to Ice House Tire & Auto for fleet tires, $5,000.
d. Approve transfer of $18,250 from Highway District 2 to District 3 for bridge repair.
""",
    {"6000": "revenue", "52480.16": "reimbursement", "5000": None, "18250": None},
)

# Class: grant program detail (Florida sheriff budget workshop): a state-grant per-day bed
# rate tied to 287(g) holds is per_diem; the IGSA rate for beds sublet to ICE is not.
DOCUMENTS["d36_fl_igp_bed_rate"] = (
    """BUDGET WORKSHOP - SHERIFF'S OFFICE - JULY 15, 2025

Detention. Under category IGP-B of the state immigration grant, the Sheriff is reimbursed
$106 per detainee per day for beds used for 287(g) holds awaiting ICE pickup. Through June
the Sheriff has billed $318,000 under IGP-B. Beds rented to ICE under the IGSA, at $120
per day, are budgeted separately as jail revenue of $1,750,000.
""",
    {"106": "per_diem", "318000": "grant", "120": None, "1750000": None},
)

# Class: budget page, `pdftotext -layout` (Wyoming county): expense, parenthesised
# reimbursement and net county cost of the 287(g) task force; neighbour lines not 287(g).
DOCUMENTS["d37_wy_layout_net"] = (
    """ SWEETWATER FORKS COUNTY - SHERIFF - FY 2026 BUDGET HEARING SUMMARY

                                              FY 2025             FY 2026
                                               Actual             Request
 287(g) Task Force  Expense                   244,880             261,400
                    ICE Reimbursement        (231,770)           (248,300)
                    Net County Cost            13,110              13,100
 Search and Rescue  Expense                    58,420              61,000
 Jail Operations    Expense                 4,906,215           5,118,900
""",
    {
        "244880": "cost",
        "261400": "cost",
        "231770": "reimbursement",
        "248300": "reimbursement",
        "13110": "net",
        "13100": "net",
        "58420": None,
        "61000": None,
        "4906215": None,
        "5118900": None,
    },
)

# Class: news (Georgia county) with a hedged repeat of the exact budget figure (MERGED),
# "-million" and capital-M forms as traps.
DOCUMENTS["d38_ga_news_hedge_repeat"] = (
    """MARIETTA RIDGE - Commissioners will spend close to $2.5M next year on the sheriff's
287(g) jail unit, which screens every person booked for immigration status.

The adopted FY2027 line for the unit is $2,468,310, up from $2,301,775 this year, mainly
for two added deputies. The unit's cost is small beside the $4.6-million rise in the
jail's medical contract and the $250 Million justice center bond voters approved in 2024.
""",
    {"2500000": "cost", "2468310": "cost", "2301775": "cost", "4600000": None, "250000000": None},
)

# Class: agenda (Texas commissioners court, two revenue certifications for 287(g) task
# forces and one unrelated certification of revenue).
DOCUMENTS["d39_tx_agenda_two_certifications"] = (
    """COUNTY AUDITOR
a. Consider and act on the Certification of Revenue in the amount of $182,500 as certified
   by the County Auditor for the DHS ICE 287(g) Task Force - Sheriff's Office, and
   appropriation of the same.
b. Consider and act on the Certification of Revenue in the amount of $115,000 as certified
   by the County Auditor for the DHS ICE 287(g) Task Force - Constable Precinct 4, and
   appropriation of the same.
c. Consider and act on the Certification of Revenue in the amount of $67,340 as certified
   by the County Auditor for the Texas Department of Emergency Management Hazard
   Mitigation Grant, and appropriation of the same.
""",
    {"182500": "revenue", "115000": "revenue", "67340": None},
)

MERGED: set[tuple[str, str]] = {
    # "nearly $1M" is the rounded repeat of the exact $968,412 award.
    ("d17_fl_news_same_money", "1000000"),
    # "close to $2.5M" is the rounded repeat of the FY2027 line of $2,468,310.
    ("d38_ga_news_hedge_repeat", "2500000"),
}
