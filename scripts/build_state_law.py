"""Build src/watcher/data/state_law.json from the research notes in ../shared/notes.

Run by hand when the notes change: ``python scripts/build_state_law.py``. Neither the package
nor the tests need this script: the JSON it writes is committed as data.

The notes' tables give the facts, their source keys and the confidence; the source list (§ 7)
gives each source's title, address and date. What the tables cannot give (the short wording an
alert uses, a deadline as a number of days, which facts are unconfirmed) is written below, per
state, from the notes' text and their list of uncertainties (§ 6).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
NOTES = REPO.parent / "shared" / "notes" / "state_law.md"
OUT = REPO / "src" / "watcher" / "data" / "state_law.json"
CHECKED = "2026-11-28"  # the notes: "all stored copies consulted 2026-11-28"

LOCAL_RULE = "has no state law that requires or bars 287(g) agreements"
DEFAULT_END = {
    "local": "Leaving is the signing agency's decision",
    "banned": "No agreement may exist under that law",
}
DETAINER_ONLY = "it requires detainer compliance, but joining 287(g) stays voluntary"

# Wording per state that is not the default "local decision". Keys: category (mandated,
# approval, banned, local), detail (the notes' finer category), subject, rule, caveat (hedged
# clause for what the notes could not confirm), note (settled context), enforcement,
# compliance_date (+ _confirmed), confirmed (False: the law itself is unconfirmed), approval,
# decider, who_can_end.
PARTICIPATION: dict[str, dict[str, Any]] = {
    "TX": dict(
        category="mandated",
        detail="mandated",
        subject="Texas law (SB 8, 2025)",
        rule="requires the sheriff of every county that operates a jail to request and "
        "enter a 287(g) agreement",
        compliance_date="2026-12-01",
        enforcement="the attorney general enforces it",
        who_can_end="From 1 Dec 2026 the attorney general may sue a sheriff who does not comply",
    ),
    "FL": dict(
        category="mandated",
        detail="state_approval_to_terminate",
        subject="Florida law (Fla. Stat. § 908.11)",
        rule="requires every sheriff or chief correctional officer who runs a county jail "
        "to have a written 287(g) agreement",
        compliance_date="2023-01-01",
        enforcement="ending one needs the State Board of Immigration Enforcement's approval",
        who_can_end="Only the State Board of Immigration Enforcement can approve ending "
        "the agreement",
    ),
    "GA": dict(
        category="mandated",
        detail="mandated",
        subject="Georgia law (O.C.G.A. § 35-1-17)",
        rule="requires local agencies to seek a 287(g) agreement, and to seek one again "
        "every year while none is in effect",
        enforcement="officials who do not comply face a misdemeanor and loss of state funds",
        who_can_end="A sheriff without an agreement must re-apply every year",
    ),
    "AR": dict(
        category="mandated",
        detail="mandated",
        subject="Arkansas law (Act 654 of 2025)",
        rule="requires every sheriff who runs a detention center to apply to and take part "
        "in ICE's Warrant Service Officer program (or the Jail Enforcement Model)",
        caveat="the notes did not verify its penalty provisions",
        who_can_end="A sheriff with a jail must take part; the penalty for leaving was not "
        "verified",
    ),
    "TN": dict(
        category="mandated",
        detail="mandated",
        subject="Tennessee law (Pub. Ch. 1015 of 2026)",
        rule="requires the sheriff of each county to enter a 287(g) agreement",
        compliance_date="2027-01-01",
        compliance_date_confirmed=False,
        enforcement="any termination must be reported to the governor and the legislature",
        who_can_end="Once the mandate applies the sheriff may not withdraw, and the county "
        "commission has no say in the sheriff's agreement",
    ),
    "MS": dict(
        category="mandated",
        detail="mandated_reasonable_attempt",
        subject="Mississippi law (SB 2114, 2026)",
        rule="requires each county agency that runs a jail to make a reasonable attempt to "
        "enter a 287(g) agreement and to report quarterly",
        compliance_date="2026-10-01",
        caveat="the notes did not verify how the duty is enforced",
        who_can_end="Withdrawing would probably undercut the statutory duty; the "
        "enforcement mechanism was not verified",
    ),
    "LA": dict(
        category="mandated",
        detail="partial_mandate",
        subject="Louisiana law (Act 314 of 2024, La. R.S. 33:84)",
        rule="requires each parish jail to hold an agreement with a federal immigration "
        "agency to house people held on detainers, and a 287(g) agreement is one "
        "form that complies",
        who_can_end="A 287(g) agreement may be ended if the jail keeps another compliant "
        "housing agreement, though the notes did not verify how SB 15 (2025) "
        "bears on that",
    ),
    "CA": dict(
        category="banned",
        detail="prohibited",
        subject="California law (SB 54, the California Values Act)",
        rule="bars local agencies from deputizing officers for immigration enforcement, so "
        "no 287(g) agreement may exist",
    ),
    "CT": dict(
        category="banned",
        detail="prohibited",
        subject="Connecticut law (the TRUST Act, C.G.S. § 54-192h)",
        rule="limits cooperation with ICE, and ICE and press reports count Connecticut "
        "among states that prohibit 287(g) agreements",
        caveat="the notes did not verify the exact 287(g) clause",
    ),
    "DE": dict(
        category="banned",
        detail="prohibited",
        subject="Delaware law (HB 182, 2025)",
        rule="bars agencies from entering, modifying, renewing or extending 287(g) "
        "agreements, and existing ones had to end by 13 Aug 2025",
    ),
    "IL": dict(
        category="banned",
        detail="prohibited",
        subject="Illinois law (the TRUST Act, 5 ILCS 805)",
        rule="generally bars state and local law enforcement from taking part in "
        "immigration enforcement, including 287(g) agreements",
    ),
    "MD": dict(
        category="banned",
        detail="prohibited",
        subject="Maryland law (HB 444 / SB 245, 2026)",
        rule="bars state and local governments and sheriffs from entering immigration "
        "enforcement agreements and required existing ones to end",
        caveat="sources disagree on whether they had to end immediately or by 1 Jul 2026",
    ),
    "NJ": dict(
        category="banned",
        detail="prohibited",
        subject="New Jersey law (P.L. 2026, c. 5)",
        rule="bars state, county and local law enforcement from entering, modifying, "
        "renewing or extending 287(g) agreements",
    ),
    "NM": dict(
        category="banned",
        detail="prohibited",
        subject="New Mexico law (HB 9, the Immigrant Safety Act of 2026)",
        rule="ends 287(g) agreements and bars public bodies from immigration-detention agreements",
    ),
    "OR": dict(
        category="banned",
        detail="prohibited",
        subject="Oregon law (ORS 181A.820 and HB 3265 of 2021)",
        rule="bars public bodies and officers from entering immigration-enforcement "
        "agreements or using resources for immigration enforcement",
    ),
    "WA": dict(
        category="banned",
        detail="prohibited",
        subject="Washington law (the Keep Washington Working Act, 2019)",
        rule="bans 287(g) agreements and ICE jail-bed contracts",
    ),
    "ME": dict(
        category="banned",
        detail="prohibited_unconfirmed",
        confirmed=False,
        subject="Maine's LD 1971 (5 M.R.S. ch. 337-E)",
        rule="limits the role of state, county and local officers in civil immigration enforcement",
        caveat="whether it bans 287(g) agreements, and whether it took effect in Jan 2026 "
        "or about mid-July 2026, is disputed and the notes could not confirm it",
        who_can_end="Whether a Maine agency could keep an agreement is unclear",
    ),
    "HI": dict(
        category="banned",
        detail="prohibited_unconfirmed",
        confirmed=False,
        subject="Hawaii's SB 2057 (2026)",
        rule="would bar any state or county agency from entering a 287(g) agreement",
        caveat="it passed in conference, but the notes could not confirm enactment",
        who_can_end="No agreements exist in Hawaii",
    ),
    "VT": dict(
        category="approval",
        detail="state_approval_to_enter",
        subject="Vermont law (S.79 of 2017 and S.44 of 2025)",
        rule="bars any state, county or municipal agency from entering a 287(g) agreement "
        "without the Governor's approval",
        approval="the Governor's approval",
        who_can_end="Ending an agreement needs no approval",
    ),
    "MN": dict(
        category="approval",
        detail="county_board_approval",
        subject="An opinion of Minnesota's Attorney General (12 Dec 2025)",
        rule="says only the county board, not the sheriff, can enter a 287(g) agreement",
        caveat="the opinion is not binding law and some sheriffs contest it",
        approval="the county board's approval, according to that opinion",
        decider="the county board (per the Attorney General)",
        who_can_end="According to the Attorney General the county board controls the "
        "contract, which some sheriffs contest",
    ),
    "MA": dict(
        category="approval",
        detail="state_approval_to_enter",
        subject="Massachusetts Executive Order 650 (29 Jan 2026)",
        rule="bars executive-branch agencies from entering a new 287(g) agreement unless "
        "the Secretary of Public Safety certifies a public-safety need, and limits "
        "such agreements to 12 months",
        caveat="the notes could not establish whether it binds elected sheriffs",
        approval="a public-safety certification if the agency is in the executive branch",
        who_can_end="Withdrawal is a local or agency decision",
    ),
    "VA": dict(
        category="approval",
        detail="restricted_conditions",
        subject="Virginia law (SB 783, 2026 Acts ch. 1028)",
        rule="bars agencies and localities from entering a 287(g) agreement unless it is "
        "in writing and contains state-set conditions",
        caveat="its effective date (presumably 1 Jul 2026) and whether it reaches existing "
        "agreements were not confirmed, and it expires on 30 Jun 2028",
        approval="to be in writing and to contain the state-set conditions",
        who_can_end="Leaving is a local decision, and agreements that lack the conditions "
        "may not continue",
    ),
    "CO": dict(
        detail="restricted",
        subject="Colorado law (HB19-1124 and HB23-1100)",
        rule="does not expressly ban 287(g) agreements, but a 2024 appeals-court ruling "
        "held that an agreement cannot authorize detentions state law forbids",
        caveat="sources disagree on whether to count Colorado as a ban state",
        who_can_end="Leaving is a local decision; an agreement that relies on detaining "
        "people is largely unusable under state law",
    ),
    "DC": dict(
        detail="restricted",
        subject="District of Columbia law (the Sanctuary Values Amendment Act of 2020)",
        rule="restricts cooperation with ICE, and no 287(g) agreements exist there",
        caveat="the outcome of 2025 efforts in Congress and the Mayor's budget to repeal it "
        "was not confirmed",
        who_can_end="No agreements exist in the District",
    ),
    "NY": dict(
        detail="pending",
        confirmed=False,
        subject="New York's proposed ban on 287(g)",
        rule="passed the Assembly inside the budget on 21 May 2026",
        caveat="the notes could not confirm final enactment",
        decider="the sheriff, or the county executive where a county police department signs",
        who_can_end="Leaving is a local decision today, made by the sheriff or the "
        "county executive",
    ),
    "KS": dict(
        note="HB 2372 (2026) lets a sheriff sign without county-commission approval",
        decider="the sheriff alone",
        who_can_end="The sheriff alone decides; the county commission cannot force a withdrawal",
    ),
    "IN": dict(note=DETAINER_ONLY + " (SB 76, 2026)"),
    "IA": dict(note=DETAINER_ONLY + " (Iowa Code ch. 27A)"),
    "OK": dict(note=DETAINER_ONLY + " (57 O.S. § 16a)"),
    "NH": dict(
        note="HB 511 / SB 62 (2025) bans sanctuary policies, but joining 287(g) stays voluntary"
    ),
    "MO": dict(caveat="a 2026 bill to require sheriffs to join (HB 2134) had an unknown outcome"),
    "NV": dict(caveat="a pending ACLU suit argues that Nevada law bars 287(g) agreements"),
    "PA": dict(
        caveat="ACLU-PA says municipal police need their governing body's approval, which "
        "is disputed",
        decider="the sheriff, or for municipal police possibly their governing body",
        who_can_end="Leaving is the sheriff's decision, or for municipal police their "
        "governing body's",
    ),
    "NC": dict(
        caveat="a 2025 bill (SB 153) requiring state agencies to join was vetoed, and the "
        "override status is uncertain"
    ),
    "WV": dict(
        caveat="a 2026 bill to require participation (HB 5477) was introduced, with an "
        "unknown outcome"
    ),
    "AZ": dict(
        caveat="A.R.S. § 11-1051 bars local policies that limit immigration enforcement "
        "(a citation from the researcher's knowledge, not a retrieved source)"
    ),
}

# (kind, days, section, basis_stated). kind: business_days, calendar_days, none, unverified.
# basis_stated=False: the notes give "N days" without saying business or calendar days.
DEADLINES: dict[str, tuple[str, int | None, str | None, bool]] = {
    "AK": ("business_days", 10, "2 AAC 96.325", True),
    "AL": ("none", None, None, True),
    "AR": ("business_days", 3, "§ 25-19-105(e)", True),
    "AZ": ("none", None, "A.R.S. § 39-121.01(D)(1)", True),
    "CA": ("calendar_days", 10, "§ 7922.535", True),
    "CO": ("business_days", 3, "§ 24-72-203(3)(b)", True),
    "CT": ("business_days", 4, "§ 1-206(a)", True),
    "DC": ("business_days", 15, "§ 2-532(c)", True),
    "DE": ("business_days", 15, "§ 10003(h)", True),
    "FL": ("none", None, "§ 119.07(1)(c)", True),
    "GA": ("business_days", 3, "§ 50-18-71(b)(1)(A)", True),
    "HI": ("business_days", 10, "HAR § 2-71-13", True),
    "IA": ("calendar_days", 20, "§ 22.8(4)", True),
    "ID": ("business_days", 3, "§ 74-103", True),
    "IL": ("business_days", 5, "5 ILCS 140/3", True),
    "IN": ("calendar_days", 7, "IC 5-14-3-9", False),
    "KS": ("business_days", 3, "K.S.A. 45-218(d)", True),
    "KY": ("business_days", 5, "KRS 61.880(1)", True),
    "LA": ("calendar_days", 3, "R.S. 44:33(B)", False),
    "MA": ("business_days", 10, "c. 66 § 10(b)", True),
    "MD": ("calendar_days", 30, "§ 4-203", False),
    "ME": ("business_days", 5, "§ 408-A(3)", True),
    "MI": ("business_days", 5, "MCL 15.235(2)", True),
    "MN": ("none", None, "§ 13.03 subd. 2", True),
    "MO": ("business_days", 3, "RSMo 610.023.3", True),
    "MS": ("business_days", 7, "§ 25-61-5", True),
    "MT": ("none", None, "MCA 2-6-1006", True),
    "NC": ("none", None, "§ 132-6(a)", True),
    "ND": ("none", None, "N.D.C.C. § 44-04-18", True),
    "NE": ("business_days", 4, "§ 84-712(4)", True),
    "NH": ("business_days", 5, "RSA 91-A:4, IV", True),
    "NJ": ("business_days", 7, "47:1A-5(i)", True),
    "NM": ("business_days", 3, "§ 14-2-8", True),
    "NV": ("business_days", 5, "NRS 239.0107", True),
    "NY": ("business_days", 5, "§ 89(3)(a)", True),
    "OH": ("none", None, "149.43(B)(1)", True),
    "OK": ("none", None, "§ 24A.5", True),
    "OR": ("business_days", 5, "ORS 192.329", True),
    "PA": ("business_days", 5, "§ 67.901", True),
    "RI": ("business_days", 10, "§ 38-2-3(e)", True),
    "SC": ("business_days", 10, "§ 30-4-30(C)", True),
    "SD": ("unverified", None, None, True),
    "TN": ("business_days", 7, "§ 10-7-503(a)(2)(B)", True),
    "TX": ("business_days", 10, "§ 552.221(d)", True),
    "UT": ("business_days", 10, "§ 63G-2-204", True),
    "VA": ("business_days", 5, "§ 2.2-3704(B)", True),
    "VT": ("business_days", 3, "§ 318", True),
    "WA": ("business_days", 5, "RCW 42.56.520", True),
    "WI": ("none", None, "§ 19.35(4)(a)", True),
    "WV": ("business_days", 5, "§ 29B-1-3(d)", True),
    "WY": ("calendar_days", 30, "§ 16-4-202", True),
}

# From the notes § 3 "Residency limits" and § 6.16; Georgia, New Hampshire and New Jersey are
# "generally treated as open to anyone today", so they carry no limit here.
RESIDENCY: dict[str, tuple[str, list[str]]] = {
    "AL": (
        "An Attorney General opinion (2018-030) says only Alabama citizens may request",
        ["ROT"],
    ),
    "AR": ("Only Arkansas citizens have a statutory right to request (§ 25-19-105(a)(1))", ["ROT"]),
    "DE": (
        "The statute says 'citizen' (the Attorney General reads it as Delaware citizens), "
        "though a federal appeals court struck a residency limit in Lee v. Minner (2006)",
        ["ROT", "BPWHO"],
    ),
    "KY": (
        "The requester must be a Kentucky resident or a qualifying business or news outlet "
        "(KRS 61.870(10))",
        ["AFPF"],
    ),
    "PA": ("The requester must be a U.S. resident", ["BPWHO"]),
    "TN": ("The statutory right is limited to Tennessee citizens", ["ROT"]),
    "VA": ("The right is limited to Virginia citizens and in-state media", ["ROT"]),
}

RECORDS_CAVEATS: dict[str, str] = {
    "SD": "The deadline is not verified: an older Ballotpedia snapshot says there is no limit, "
    "while SDCL 1-27-37 may set 10 business days.",
    "WY": "A 2026 bill would cut the release period to 10 days; its enactment is unconfirmed.",
    "AK": "The 10 working days bind state executive agencies; municipalities may set their own "
    "rules.",
}
RECORDS_ALL_CAVEAT = "Verify the deadline against the statute before a letter goes out."

GRANTS = {
    "FL": "the Local Law Enforcement Immigration Grant Program (State Board of Immigration "
    "Enforcement / FDLE)",
    "TX": "the Sheriff Immigration Law Enforcement Grant (Comptroller)",
    "TN": "grants from the Department of Safety's immigration enforcement division (CIED)",
    "MS": "Glacier Act grants, if funded",
}


def table_rows(text: str, heading: str) -> list[list[str]]:
    """The body rows of the first Markdown table after ``heading``."""
    block = text.split(heading, 1)[1]
    rows: list[list[str]] = []
    for line in block.splitlines():
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] in {"State", ""} or set(cells[0]) <= {"-"}:
            continue
        rows.append(cells)
    return rows


def parse_sources(text: str) -> dict[str, dict[str, str]]:
    section = text.split("## 7. Sources", 1)[1].split("## 8.", 1)[0]
    pattern = re.compile(r"^- \*\*\[([A-Z0-9]+)\]\*\* (.+?) (https?://\S+) — (.+)$", re.M)
    return {
        key: {
            "title": title.rstrip(". "),
            "url": url,
            "published": date.split(" ")[0],
            "consulted": CHECKED,
        }
        for key, title, url, date in pattern.findall(section)
    }


def keys_in(cell: str) -> list[str]:
    return re.findall(r"\[([A-Z0-9]+)\]", cell)


def participation(code: str, name: str, row: list[str]) -> dict[str, Any]:
    _, raw_category, citation, effective, requires, withdraw, sources, conf = row
    extra = dict(PARTICIPATION.get(code, {}))
    category = extra.pop("category", "local")
    out: dict[str, Any] = {
        "category": category,
        "detail": extra.pop("detail", "none"),
        "notes_category": raw_category,
        "subject": extra.pop("subject", name),
        "rule": extra.pop("rule", LOCAL_RULE),
        "caveat": extra.pop("caveat", None),
        "note": extra.pop("note", None),
        "confirmed": extra.pop("confirmed", True),
        "enforcement": extra.pop("enforcement", None),
        "compliance_date": extra.pop("compliance_date", None),
        "compliance_date_confirmed": extra.pop("compliance_date_confirmed", True),
        "approval": extra.pop("approval", None),
        "decider": extra.pop("decider", "the signing agency (usually the sheriff)"),
        "who_can_end": extra.pop("who_can_end", None) or DEFAULT_END[category],
        "citation": citation,
        "effective": effective,
        "requirement": requires,
        "withdrawal_notes": withdraw,
        "confidence": conf,
        "sources": keys_in(sources),
    }
    if extra:
        raise SystemExit(f"{code}: unknown overlay keys {sorted(extra)}")
    return out


def records(code: str, row: list[str], known: dict[str, dict[str, str]]) -> dict[str, Any]:
    _, law, citation, deadline, covers, fees, sources = row
    kind, days, section, basis = DEADLINES[code]
    guide = re.search(r"\(ref\): (https?://\S+)", sources)
    keys = keys_in(sources)
    if guide:
        key = f"RCFP-{code}"
        known[key] = {
            "title": f"RCFP Open Government Guide, state page for {code} (cited for "
            "reference; not read)",
            "url": guide.group(1),
            "published": "n.d.",
            "consulted": CHECKED,
        }
        keys.append(key)
    residency, residency_sources = RESIDENCY.get(code, (None, []))
    return {
        "name": law,
        "citation": citation.replace("*(ref)*", "").strip(),
        "citation_from_general_knowledge": "*(ref)*" in citation,
        "deadline": {
            "text": deadline,
            "kind": kind,
            "days": days,
            "section": section,
            "basis_stated": basis,
        },
        "residency": residency,
        "residency_sources": residency_sources,
        "covers_sheriff": covers,
        "fees": fees,
        "grant_program": GRANTS.get(code),
        "caveat": RECORDS_CAVEATS.get(code, RECORDS_ALL_CAVEAT),
        "confidence": "L" if code in {"SD", "WY"} else "M",
        "sources": keys,
    }


def build(text: str) -> dict[str, Any]:
    known = parse_sources(text)
    table_b = {
        re.search(r"\((\w\w)\)", r[0]).group(1): r  # type: ignore[union-attr]
        for r in table_rows(text, "## 3. Table B")
    }
    states: dict[str, Any] = {}
    for row in table_rows(text, "## 2. Table A"):
        name, code = re.fullmatch(r"(.+) \((\w\w)\)", row[0]).groups()  # type: ignore[union-attr]
        states[code] = {
            "code": code,
            "name": name,
            "last_checked": CHECKED,
            "participation": participation(code, name, row),
            "records": records(code, table_b[code], known),
        }
    used = {
        k
        for s in states.values()
        for part in ("participation", "records")
        for k in s[part]["sources"] + s[part].get("residency_sources", [])
    }
    missing = used - known.keys()
    if missing or len(states) != 51:
        raise SystemExit(f"{len(states)} states; unknown source keys: {sorted(missing)}")
    return {
        "schema_version": 1,
        "description": "287(g) participation law and public-records law for the 50 states and "
        "DC, converted from watcher's research notes (prepared 2026-11-28). "
        "Information, not legal advice.",
        "as_of": CHECKED,
        "sources": {k: known[k] for k in sorted(used)},
        "states": dict(sorted(states.items())),
    }


def main() -> int:
    data = build(NOTES.read_text(encoding="utf-8"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: {len(data['states'])} states")
    return 0


if __name__ == "__main__":
    sys.exit(main())
