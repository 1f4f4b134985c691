"""English and Spanish: every message has both (the catalog is checked against what the code
and templates use), dates and money per language, a Spanish subscriber's alerts, digest and
confirmation, the web page under /es/, and a refused language code that stores nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from click.testing import CliRunner
from starlette.testclient import TestClient

from test_web_helpers import build_archive, deliver_all, emails, make_config, queue_alerts, text_of
from watcher.alerts.models import SubscriptionError
from watcher.alerts.render import Renderer
from watcher.alerts.subscriptions import get_subscriber, subscribe
from watcher.cli import cli
from watcher.i18n import UnsupportedLanguage, catalog_text, check_lang, format_day, format_money
from watcher.store.archive import open_archive
from watcher.web import create_app

SRC = Path(__file__).resolve().parents[1] / "src" / "watcher"
METHODS = [
    ("**.py", "python"),
    ("**/templates/**.html", "jinja2.ext:babel_extract"),
    ("**/templates/**.txt", "jinja2.ext:babel_extract"),
]
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{\w+\}|%\(\w+\)s")


def used_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        SRC, METHODS, keywords=KEYWORDS, options_map={"**/templates/**": {"trimmed": "false"}}
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def spanish() -> Catalog:
    return read_po(BytesIO(catalog_text("es")), locale="es")


def test_every_message_has_both_languages() -> None:
    used = used_messages()
    assert len(used) > 200
    catalog = spanish()
    entries = {m.id[0] if isinstance(m.id, tuple) else m.id: m for m in catalog if m.id}
    assert sorted(used - entries.keys()) == [], "run scripts/i18n_extract.py and translate"
    assert sorted(entries.keys() - used) == [], "catalog entries no code uses"
    for msgid, entry in entries.items():
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        assert all(strings), f"untranslated: {msgid!r}"
        assert not entry.fuzzy, f"fuzzy: {msgid!r}"
        for text in strings:
            wanted = set(PLACEHOLDER.findall(msgid)) - {"%(num)s"}
            assert wanted <= set(PLACEHOLDER.findall(text)), f"placeholders of {msgid!r}"


def test_dates_and_money_per_language() -> None:
    day = dt.date(2025, 3, 10)
    assert format_day(day, "en") == "March 10, 2025"
    assert format_day(day, "es") == "10 de marzo de 2025"
    assert format_money(1_250_000, "en") == "$1,250,000"
    assert format_money(7.5, "es") == "$7.50"  # United States Spanish writes dollars this way
    assert check_lang("ES") == "es"
    with pytest.raises(UnsupportedLanguage, match="unsupported language 'fr': choose en"):
        check_lang("fr")


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "w.db")


def test_unsupported_language_is_refused_and_nothing_stored(tmp_path: Path, db_file: Path) -> None:
    db = open_archive(db_file)
    with pytest.raises(SubscriptionError, match="unsupported language 'pt'"):
        subscribe(db, "ana@example.org", lang="pt")
    assert get_subscriber(db, "ana@example.org") is None
    db.close()
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - {name: ice, kind: ice_287g, url: https://www.ice.gov/287g}\n"
    )
    args = ["--config", str(tmp_path / "sources.yaml"), "--db", str(db_file), "subscribe"]
    refused = CliRunner().invoke(cli, [*args, "ana@example.org", "--lang", "klingon"])
    assert refused.exit_code == 2 and "unsupported language 'klingon'" in refused.output
    accepted = CliRunner().invoke(cli, [*args, "ana@example.org", "--lang", "es"])
    assert accepted.exit_code == 0, accepted.output
    db = open_archive(db_file)
    found = get_subscriber(db, "ana@example.org")
    assert found is not None and found.lang == "es"
    db.close()


def test_a_spanish_subscriber_gets_spanish_alerts(tmp_path: Path, db_file: Path) -> None:
    config = make_config(tmp_path / "outbox")
    db = open_archive(db_file)
    subscribe(db, "ana@example.org", states=["TX"], types=["new"], lang="es")
    subscribe(db, "bob@example.org", states=["TX"], types=["new"])
    db.close()
    assert queue_alerts(config, db_file) == 2
    deliver_all(db_file, tmp_path / "outbox")
    by_to = {str(m["To"]): m for m in emails(tmp_path / "outbox")}
    ana, bob = by_to["ana@example.org"], by_to["bob@example.org"]
    assert str(ana["Subject"]).startswith("Nuevo acuerdo 287(g): Galveston County Sheriff")
    assert str(bob["Subject"]).startswith("New 287(g) agreement: Galveston County Sheriff")
    text = text_of(ana)
    assert "firmó un acuerdo 287(g) bajo el Task Force Model" in text
    assert "La lista de ICE lo mostró el 10 de marzo de 2025." in text
    assert "Cifra local registrada: $302,500" in text
    assert "La ley de Texas" in text and "Esto es información, no asesoramiento legal." in text
    assert "/es/agreements/" in text and "Darse de baja:" in text
    html = ana.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
    assert '<html lang="es">' in html and "Detalles" in html
    assert "signed a 287(g)" in text_of(bob) and "/es/" not in text_of(bob)


def test_spanish_digest_subject_counts_in_spanish() -> None:
    from smtp_server import make_event

    renderer = Renderer(lang="es")
    subject, (text, _) = renderer.digest_parts(
        [make_event(1), make_event(2, state="FL")], cadence="weekly", unsubscribe_url="https://u"
    )
    assert subject == "Resumen 287(g) semanal: 2 cambios (FL, TX)"
    assert "===== Florida (FL) =====" in text
    one, _ = renderer.digest_parts([make_event(1)], cadence="daily", unsubscribe_url="https://u")
    assert one == "Resumen 287(g) diario: 1 cambio (TX)"


@pytest.fixture
def client(tmp_path: Path, db_file: Path) -> Iterator[TestClient]:
    with TestClient(create_app(make_config(tmp_path / "outbox"), db_file)) as test_client:
        yield test_client


def test_the_web_page_in_spanish(client: TestClient) -> None:
    home = client.get("/es/")
    assert home.status_code == 200
    assert '<html lang="es">' in home.text and "Cambios recientes en acuerdos 287(g)" in home.text
    assert 'href="/es/states"' in home.text and 'hreflang="en">English</a>' in home.text
    state = client.get("/es/states/NM")
    assert "Acuerdos 287(g) en Nuevo México (NM)" in state.text
    texas = client.get("/es/states/TX").text
    assert "La ley de Texas" in texas and "asesoramiento legal" in texas
    english = client.get("/states/TX").text
    assert "287(g) agreements in Texas (TX)" in english and 'hreflang="es">Español</a>' in english
    missing = client.get("/es/events/999999")
    assert missing.status_code == 404 and "Cambio no encontrado" in missing.text
    forged = client.get("/es/confirm/not-a-real-token")
    assert forged.status_code == 400 and "Enlace no válido" in forged.text
    assert "Este enlace de confirmación no es válido. Copie el enlace completo" in forged.text


def test_spanish_web_subscription_confirms_in_spanish(tmp_path: Path, client: TestClient) -> None:
    form = client.get("/es/subscribe")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert token and 'id="lang-es" name="lang" value="es" checked' in form.text
    sent = client.post(
        "/es/subscribe",
        data={"csrf_token": token.group(1), "email": "ana@example.org", "states": "TX"},
    )
    assert sent.status_code == 200 and "Revise su correo" in sent.text
    deliver_all(client.app.state.web.db_file, tmp_path / "outbox")  # type: ignore[attr-defined]
    (message,) = emails(tmp_path / "outbox")
    assert str(message["Subject"]) == "Confirme su suscripción a las alertas 287(g)"
    body = text_of(message)
    assert "Estados: Texas (TX)" in body and "Idioma: Español" in body
    assert "/es/confirm/" in body
    bad = client.post(
        "/es/subscribe",
        data={"csrf_token": token.group(1), "email": "x", "states": "ZZ", "lang": "fr"},
    )
    assert bad.status_code == 400
    assert "Hay 3 problemas" in bad.text
    assert 'id="error-email"' in bad.text and 'id="error-states"' in bad.text
    assert 'id="error-lang"' in bad.text
