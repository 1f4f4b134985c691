"""Languages: English and Spanish. Messages live in gettext catalogs (Babel's .po files under
``locale/``, read when first needed, so there is no build step); dates and money are written
the way each language writes them (Babel's CLDR data, United States variants).

May import ``errors`` only.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Callable
from datetime import date
from importlib import resources
from io import BytesIO

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency

from watcher.errors import WatcherError

LANGUAGES = {"en": "English", "es": "Español"}
DEFAULT = "en"
_LOCALES = {"en": "en_US", "es": "es_US"}
DOMAIN = "watcher"


class UnsupportedLanguage(WatcherError, ValueError):
    """A language code watcher has no translation for."""


def check_lang(code: str | None) -> str:
    """The language code, lower-cased; raise UnsupportedLanguage naming the choices."""
    lang = (code or DEFAULT).strip().lower()
    if lang not in LANGUAGES:
        choices = ", ".join(f"{key} ({name})" for key, name in LANGUAGES.items())
        raise UnsupportedLanguage(f"unsupported language {code!r}: choose {choices}")
    return lang


def catalog_text(lang: str) -> bytes:
    """The .po file of a language (the source of truth the tests check)."""
    path = resources.files("watcher").joinpath(f"locale/{lang}/LC_MESSAGES/{DOMAIN}.po")
    return path.read_bytes()


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The gettext translations of ``lang`` (English is the messages' own language)."""
    lang = check_lang(lang)
    if lang == DEFAULT:
        return gettext.NullTranslations()
    catalog = read_po(BytesIO(catalog_text(lang)), locale=_LOCALES[lang], domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def gettext_for(lang: str) -> Callable[[str], str]:
    return translations(lang).gettext


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; translated where it is shown."""
    return message


def format_day(day: date, lang: str) -> str:
    """ "March 10, 2025" / "10 de marzo de 2025"."""
    return str(format_date(day, format="long", locale=_LOCALES[check_lang(lang)]))


def format_money(value: float, lang: str) -> str:
    """Whole dollars when the amount is whole or large, cents otherwise: "$1,250,000"."""
    whole = float(value).is_integer() or abs(value) >= 1000
    pattern = "¤#,##0" if whole else "¤#,##0.00"
    return str(
        format_currency(
            value, "USD", format=pattern, locale=_LOCALES[check_lang(lang)], currency_digits=False
        )
    )


def template_functions(lang: str) -> dict[str, Callable[..., str]]:
    """``_`` and ``ngettext`` for templates rendered outside Jinja's i18n extension, with its
    "newstyle" keyword formatting: ``_("Page %(page)s", page=2)``."""
    words = translations(lang)

    def gettext_(message: str, **values: object) -> str:
        text = words.gettext(message)
        return text % values if values else text

    def ngettext_(singular: str, plural: str, n: int, **values: object) -> str:
        return words.ngettext(singular, plural, n) % {"num": n, **values}

    return {"_": gettext_, "ngettext": ngettext_}
