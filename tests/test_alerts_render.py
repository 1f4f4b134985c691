"""Email rendering: subjects, both parts, cost figures, legal context, injection."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default as default_policy
from typing import Any

import pytest
from tests.smtp_server import make_event

from watcher.alerts.render import Renderer, build_message, event_subject, header_text

NOW = datetime(2025, 3, 10, 15, 0, tzinfo=UTC)


def _message(
    event: dict[str, Any], unsub: str = "https://w.example/unsubscribe/tok", base: str = ""
) -> Any:
    text, html = Renderer(base_url=base).event_parts(event, unsub)
    msg = build_message(
        subject=event_subject(event),
        text=text,
        html_body=html,
        to_addr="a@example.org",
        from_addr="alerts@example.org",
        message_id="<abc@example.org>",
        date_=NOW,
        unsubscribe_url=unsub,
    )
    return message_from_bytes(msg.data, policy=default_policy)


def _parts(msg: Any) -> tuple[str, str]:
    text = msg.get_body(preferencelist=("plain",)).get_content()
    html = msg.get_body(preferencelist=("html",)).get_content()
    return text, html


@pytest.mark.parametrize(
    ("kind", "prefix"),
    [
        ("new", "New 287(g) agreement: "),
        ("renewal", "287(g) agreement renewed: "),
        ("withdrawal", "287(g) agreement withdrawn: "),
        ("rename", "287(g) agency renamed: "),
        ("pending", "Pending 287(g) agreement: "),
        ("reinstated", "287(g) agreement reinstated: "),
    ],
)
def test_subject_names_event_and_place(kind: str, prefix: str) -> None:
    subject = event_subject(make_event(type=kind))
    assert subject == prefix + "Galveston County Sheriff's Office, TX - Task Force Model"


def test_body_has_what_when_link_costs_and_references() -> None:
    event = make_event(
        type="renewal", previous_signed="2020-01-15", previous_agency="Galveston Co. Sheriff"
    )
    text, html = _parts(_message(event))
    for part in (text, html):
        assert "renewed its 287(g) agreement under the Task Force Model" in part
        assert "March 10, 2025" in part  # when ICE's list showed it
        assert "January 15, 2020" in part and "Galveston Co. Sheriff" in part
        assert "$1,250,000" in part and "personnel" in part and "page 42" in part
        assert "https://galvestoncountytx.gov/budget2025.pdf" in part
        assert "$100,000" in part and "https://www.ice.gov/287g-funding" in part
        assert "not this agency's own costs" in part  # program figures are labelled as such
        assert "https://w.example/unsubscribe/tok" in part
    assert "https://www.ice.gov/doclib/287gMOA/galvestonTFM.pdf" in text
    assert '<a href="https://www.ice.gov/doclib/287gMOA/galvestonTFM.pdf"' in html
    # The first paragraph has the local figure.
    assert text.split("\r\n\r\n")[1].endswith("Local figure on file: $1,250,000 (personnel, 2025).")
    assert "no local cost" not in text.lower()


def test_no_local_costs_gives_the_program_figure_and_the_letter_page() -> None:
    event = make_event(
        cost_figures=[],
        agreement_id=12,
        records_request_hint="No local cost figures. watcher records-request --state TX",
    )
    text, html = _parts(_message(event, base="https://w.example"))
    first = text.split("\r\n\r\n")[1]
    assert first.endswith(
        "No local cost figure yet; closest program figure: "
        "ICE reimbursement per deputised officer: $100,000 per officer per year."
    )
    assert "https://w.example/agreements/12/records-request" in text
    assert '<a href="https://w.example/agreements/12/records-request"' in html
    assert '<a href="https://w.example/agreements/12"' in html
    for part in (text, html):
        assert "watcher records-request" not in part  # no command lines for readers
        assert part.lower().count("no local cost figure") == 1


def test_legal_context_paragraph() -> None:
    legal = {
        "text": "Texas requires sheriffs of certain counties to seek a 287(g) agreement.",
        "citation": "Tex. Gov't Code § 511.0071",
        "as_of": "2025-06-20",
        "disclaimer": "Background only; not legal advice.",
        "notable": True,
        "conflicts_with_mandate": False,
    }
    text, html = _parts(_message(make_event(legal_context=legal)))
    for part in (text, html):
        assert "Texas requires sheriffs" in part
        assert "Background only; not legal advice." in part
    assert "Texas law: Texas requires" not in text  # the state is not named twice
    assert "511.0071" in html and "June 20, 2025" in html


def test_missing_optional_fields_render() -> None:
    event = make_event(
        county=None, signed=None, moa_url=None, cost_figures=None, reference_figures=None
    )
    event.pop("source")
    text, html = _parts(_message(event))
    assert "No local cost figure yet." in text
    assert "The agreement" not in text and '<a href="None"' not in html


def test_unsubscribe_headers_rfc8058() -> None:
    msg = _message(make_event())
    assert msg["List-Unsubscribe"] == "<https://w.example/unsubscribe/tok>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert msg["Message-ID"] == "<abc@example.org>"


def test_agency_cannot_inject_markup_or_headers() -> None:
    evil = "Evil <script>alert(1)</script>\r\nBcc: victim@example.org\nX-Evil: 1"
    event = make_event(agency=evil, moa_url="javascript:alert(1)")
    msg = _message(event)
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert "\n" not in msg["Subject"] and "<script>" in msg["Subject"]
    _, html = _parts(msg)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html


def test_header_text_strips_controls() -> None:
    assert header_text("a\r\nb\x00c\u2028d\te") == "a b c d e"


def test_cached_parts_are_per_subscriber() -> None:
    renderer = Renderer()
    first = renderer.event_parts(make_event(), "https://w/unsubscribe/one")
    second = renderer.event_parts(make_event(), "https://w/unsubscribe/two&x")
    assert "unsubscribe/one" in first[0] and "unsubscribe/one" not in second[0]
    assert "two&amp;x" in second[1]


def test_digest_groups_by_state_and_type() -> None:
    events = [
        make_event(1, state="TX"),
        make_event(2, state="FL", agency="Collier County Sheriff"),
        make_event(3, state="TX", type="withdrawal", agency="Harris County"),
    ]
    subject, (text, html) = Renderer().digest_parts(
        events, cadence="daily", unsubscribe_url="https://w/unsubscribe/t"
    )
    assert subject == "287(g) daily digest: 3 changes (FL, TX)"
    assert text.index("===== Florida (FL)") < text.index("===== Texas (TX)")
    tx = text[text.index("===== Texas (TX)") :]
    assert tx.index("New 287(g) agreement") < tx.index("287(g) agreement withdrawn")
    assert ">Florida (FL)</h2>" in html and "https://w/unsubscribe/t" in html


def test_non_ascii_names_are_encoded() -> None:
    event = make_event(agency="Oficina del Sheriff de Doña Ana “County”")
    text, html = Renderer().event_parts(event, "https://w/u/t")
    out = build_message(
        subject=event_subject(event),
        text=text,
        html_body=html,
        to_addr="a@example.org",
        from_addr="Alertas Señal <alerts@example.org>",
        message_id="<m@example.org>",
        date_=NOW,
        unsubscribe_url="https://w/u/t",
    )
    assert out.data.isascii() and out.from_addr == "alerts@example.org"
    assert all(len(line) <= 998 for line in out.data.split(b"\r\n"))
    msg = message_from_bytes(out.data, policy=default_policy)
    assert msg["Subject"].startswith(
        "New 287(g) agreement: Oficina del Sheriff de Doña Ana “County”"
    )
    assert msg["From"].addresses[0].display_name == "Alertas Señal"
    assert "Doña Ana" in msg.get_body(preferencelist=("plain",)).get_content()


def _real_event(**overrides: Any) -> dict[str, Any]:
    """An event as enrich builds it: the shipped program figures and state law of Texas."""
    from watcher.alerts.enrich import _legal, agency_reference_dict, county_by_fips
    from watcher.costs.program import agency_figures

    event = make_event(agreement_id=12, **overrides)
    galveston = county_by_fips("48167")  # the agency-specific figures, as enrich picks them
    chosen = agency_figures(event["state"], event["agency"], event["support_type"], galveston)
    event["reference_figures"] = [agency_reference_dict(f) for f in chosen]
    event["legal_context"] = _legal(event)
    event["legal_context_es"] = _legal(event, "es")
    return event


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("costs", [True, False])
@pytest.mark.parametrize(
    "kind", ["new", "renewal", "withdrawal", "rename", "relabel", "pending", "reinstated"]
)
def test_a_single_event_reads_in_under_1500_characters(kind: str, costs: bool, lang: str) -> None:
    event = _real_event(
        type=kind,
        previous_agency="Galveston Co. Sheriff",
        previous_signed="2020-01-15",
        **({} if costs else {"cost_figures": []}),
    )
    # A real unsubscribe link: the site's address and a 43-character token.
    unsubscribe = "https://alerts.example.org/unsubscribe/" + "T" * 43
    renderer = Renderer(base_url="https://alerts.example.org", lang=lang)
    text, html = renderer.event_parts(event, unsubscribe)
    assert len(text) < 1500, text
    assert "(source: ice" not in text and ".:" not in text and ".:" not in html
    assert "watcher " not in text.replace("287(g) watcher", "")  # no command lines
    # At most three program figures, each one line with one link whose text is words.
    program = html[html.index("Program figures" if lang == "en" else "Cifras de programas") :]
    program = program[: program.index("</ul>")]
    assert 1 <= program.count("<li") <= 3
    assert program.count("<a ") == program.count("<li")
    assert not re.search(r">\s*https?://", html)  # no raw address as link text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "max-width:600px" in html


def test_model_names_read_as_words() -> None:
    text, _ = _parts(_message(make_event(support_type="Warrant Service Officer")))
    assert "under the Warrant Service Officer model." in text
    text, _ = _parts(_message(make_event(support_type="Jail Enforcement Model")))
    assert "under the Jail Enforcement Model." in text
