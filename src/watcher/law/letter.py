"""A ready-to-send public-records request for a 287(g) agreement's costs, under the state's law.

The wording follows the sample request in the research notes (§ 4) and its filling rules:
statute and deadline named, grant programs named where the state runs one, the residency limit
stated where the law has one, and a placeholder wherever watcher does not know the answer.
"""

from __future__ import annotations

from datetime import date

from watcher.law.context import DISCLAIMER
from watcher.law.data import StateLaw, get_state_law

AGENCY_PLACEHOLDER = "[AGENCY NAME]"
NAME_PLACEHOLDER = "[YOUR NAME]"

RECORDS = (
    "The agreement. The 287(g) Memorandum of Agreement(s) with U.S. Immigration and Customs "
    "Enforcement (ICE), and every addendum, amendment, renewal, suspension or termination notice, "
    "including the model(s) covered (Jail Enforcement, Warrant Service Officer, Task Force).",
    "Designated officers. A roster of the employees designated, nominated or certified under the "
    "agreement, with job titles and the dates they were trained and certified. If names must be "
    "redacted, I still ask for titles and counts.",
    "Payroll and overtime. Payroll records, or a report from your payroll system, showing regular "
    "pay, overtime and benefits paid to those officers, and any time or pay coded to the 287(g) "
    "program, immigration enforcement or ICE, by pay period or by month.",
    "Jail bed-days. Records of the number of people held for ICE under the agreement or on ICE "
    "detainers, the jail bed-days attributable to the agreement, the daily rate charged, the "
    "invoices sent to ICE or any other federal agency for holding them, and your most recent "
    "calculation of the jail's cost per inmate per day.",
    "Training, travel and equipment. Records of the costs of 287(g) training, travel and lodging, "
    "and of vehicles, computers, phones or other equipment bought or assigned for the program.",
    "Reimbursements and grants. Records of all money received or applied for because of the "
    "agreement, from ICE, DHS or the state: reimbursements of salaries, benefits and overtime; "
    "performance or incentive awards; equipment or vehicle funds; and state grants for "
    "immigration enforcement{grant}. Please include applications, award letters and deposit "
    "records.",
    "Budget and accounting. The budget lines, account or fund codes, budget amendments, revenue "
    "certifications and board or commission agenda items that relate to the agreement.",
    "ICE instructions on records requests. Any instruction, guidance or correspondence from ICE "
    "or DHS about how to answer public records requests concerning the agreement, and your "
    "correspondence with ICE, DHS or the state about the cost, funding or reimbursement of the "
    "agreement.",
)


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _deadline_phrase(entry: StateLaw) -> str:
    deadline = entry.records.deadline
    where = f" ({deadline.section})" if deadline.section else ""
    if deadline.kind == "business_days":
        return f"requires a response within {deadline.days} business days{where}"
    if deadline.kind == "calendar_days" and deadline.basis_stated:
        return f"requires a response within {deadline.days} calendar days{where}"
    if deadline.kind == "calendar_days":
        return f"requires a response within {deadline.days} days{where}"
    if deadline.kind == "none":
        return (
            f"requires a response within a reasonable time; it sets no fixed number of days{where}"
        )
    return "sets a deadline for a response"


def _state_items(entry: StateLaw) -> list[str]:
    """Requests that follow from the state's 287(g) law: compliance records or termination."""
    p = entry.participation
    if p.category == "mandated":
        return [
            "State requirement. Records of any request or application to ICE made to meet the "
            f"state requirement in {p.citation}, ICE's answers, and any report made to the "
            "state about it."
        ]
    if p.category == "banned" and p.confirmed:
        return [
            "Termination. Records of the ending of any such agreement under "
            f"{p.citation}, including notices sent to ICE and their dates."
        ]
    return []


def _timing(entry: StateLaw) -> str:
    records = entry.records
    text = (
        f"Timing. The {records.name} {_deadline_phrase(entry)}. If you need more time, please "
        "tell me when I can expect each part, and release records as they are ready."
    )
    if entry.code == "TX":
        # The notes' filling rule: name the Attorney General step, the one firm Texas deadline.
        text += (
            " If you intend to withhold any record, the Act requires you to ask the Attorney "
            "General for a ruling within 10 business days (§ 552.301)."
        )
    return text


def _sender_notes(entry: StateLaw) -> list[str]:
    records = entry.records
    notes = [
        f"Deadline as summarised in watcher's notes: {records.deadline.text}.",
        "Send a copy of items 3 to 7 to the county finance or auditor's office as well.",
        "The agreement and ICE's payments can also be requested from ICE under the federal "
        "Freedom of Information Act (5 U.S.C. § 552).",
    ]
    if records.citation_from_general_knowledge:
        notes.append(
            f"The citation {records.citation} comes from general reference sources, not the "
            "statute itself; check it."
        )
    if records.caveat:
        notes.append(records.caveat)
    notes.append(f"Who the law reaches: {records.covers_sheriff}.")
    notes.append(f"Fees: {records.fees}.")
    notes.append(f"Facts last checked {_long_date(entry.last_checked)}. {DISCLAIMER}")
    return notes


def records_request_letter(
    *, agency: str | None, state: str, requester_name: str | None = None, today: date
) -> str:
    """A plain-text request letter; bracketed placeholders mark what the sender must fill in.

    Raises UnknownStateError for a state not in the table.
    """
    entry = get_state_law(state)
    records = entry.records
    agency_name = (agency or "").strip() or AGENCY_PLACEHOLDER
    name = (requester_name or "").strip() or NAME_PLACEHOLDER
    law = f"{records.name} ({records.citation})"
    grant = f", including {records.grant_program}" if records.grant_program else ""
    items = [item.format(grant=grant) for item in RECORDS] + _state_items(entry)

    lines = [
        name,
        "[YOUR ADDRESS]",
        "[YOUR E-MAIL]",
        "",
        _long_date(today),
        "",
        f"To: Public records officer, {agency_name}",
        "",
        f"Re: Public records request under the {law}: costs of the 287(g) agreement with ICE",
        "",
        f"Under the {law}, I ask for copies of the following records for the period from "
        "[START DATE] to the date you process this request:",
        "",
    ]
    lines += [f"{number}. {item}" for number, item in enumerate(items, start=1)]
    lines += [
        "",
        "Format. Please send electronic copies (PDF, or spreadsheets where the records exist in "
        "that form) by e-mail. A summary or report from an existing system is fine.",
        "",
        _timing(entry),
        "",
        "Withholding. If you withhold or redact anything, please cite the specific exemption for "
        "each item and release the rest. Payroll, budget, invoice and grant records are your "
        f"office's own records under the {records.name}; an agreement with ICE cannot override it.",
        "",
        "Fees. Please tell me in advance if fees will exceed $[AMOUNT]. I ask for a waiver or "
        "reduction because this request concerns the use of public money and is not for "
        "commercial use.",
        "",
    ]
    if records.residency:
        lines += [
            f"Residency. {records.residency}. [STATE THAT YOU MEET THIS REQUIREMENT, OR HAVE "
            "SOMEONE WHO DOES FILE THIS REQUEST]",
            "",
        ]
    lines += ["Thank you.", "", name, "", "---", "Notes for the sender (delete before sending):"]
    lines += [f"- {note}" for note in _sender_notes(entry)]
    return "\n".join(lines) + "\n"
