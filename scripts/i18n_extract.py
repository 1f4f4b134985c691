#!/usr/bin/env python3
"""Extract watcher's messages (Python and templates) with Babel and merge them into the Spanish
catalog, keeping the translations already there: `python scripts/i18n_extract.py`. New messages
come in with an empty msgstr, which tests/test_i18n.py reports until they are translated."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

SRC = Path(__file__).resolve().parents[1] / "src" / "watcher"
PO = SRC / "locale" / "es" / "LC_MESSAGES" / "watcher.po"
METHODS = [
    ("**.py", "python"),
    ("**/templates/**.html", "jinja2.ext:babel_extract"),
    ("**/templates/**.txt", "jinja2.ext:babel_extract"),
]
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
OPTIONS = {"**/templates/**": {"trimmed": "false"}}


def extracted() -> Catalog:
    catalog = Catalog(locale="es", domain="watcher", project="watcher")
    for filename, lineno, message, _comments, _context in extract_from_dir(
        SRC, METHODS, keywords=KEYWORDS, options_map=OPTIONS
    ):
        catalog.add(message, locations=[(filename, lineno)])
    return catalog


def main() -> int:
    template = extracted()
    if PO.exists():
        with PO.open("rb") as handle:
            catalog = read_po(handle, locale="es")
    else:
        PO.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(locale="es", domain="watcher", project="watcher")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    with PO.open("wb") as handle:
        write_po(handle, catalog, omit_header=False, sort_output=True, width=100)
    missing = [m.id for m in catalog if m.id and not m.string]
    print(f"{len(catalog)} messages, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
