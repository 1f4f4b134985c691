"""Reading a county's own site for its agenda portal: links and frames of a page (a pure
parser), and which of them a crawl follows ("Agendas", "Minutes", "Commissioners Court",
"Board of Supervisors" ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

FOLLOW = re.compile(
    r"agenda|minutes|meetings?\b|commissioners'?\s*court|board\s+of\s+(?:county\s+)?"
    r"(?:supervisors|commissioners)|county\s+commission|fiscal\s+court|quorum\s+court|"
    r"police\s+jury|county\s+council",
    re.I,
)
MAX_LINKS = 5_000  # a page with more is not a county's home page we can read politely


@dataclass(frozen=True)
class Link:
    url: str
    text: str
    framed: bool  # an <iframe>/<frame> source rather than an <a href>


@dataclass(frozen=True)
class Page:
    links: tuple[Link, ...]
    language: str | None  # the <html lang> attribute, lower case


class _Parser(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[Link] = []
        self.language: str | None = None
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html" and values.get("lang"):
            self.language = values["lang"].strip().lower()
        elif tag == "base" and values.get("href"):
            self.base = urljoin(self.base, values["href"])
        elif tag == "a" and values.get("href"):
            self._href, self._text = values["href"], []
        elif tag in ("iframe", "frame") and values.get("src"):
            self._add(values["src"], values.get("title", ""), framed=True)

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self._add(self._href, " ".join("".join(self._text).split()), framed=False)
            self._href = None

    def _add(self, target: str, text: str, *, framed: bool) -> None:
        if len(self.links) >= MAX_LINKS:
            return
        url = urljoin(self.base, target.strip())
        if urlsplit(url).scheme in ("http", "https"):
            self.links.append(Link(url.split("#")[0], text[:200], framed))


def read_page(html: str, base_url: str) -> Page:
    parser = _Parser(base_url)
    parser.feed(html)
    parser.close()
    return Page(tuple(parser.links), parser.language)


def same_site(url: str, home: str) -> bool:
    """Same registrable-looking domain: www.co.x.tx.us and agendas.co.x.tx.us are one site."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    root = (urlsplit(home).hostname or "").removeprefix("www.")
    return bool(host) and (host == root or host.endswith("." + root) or root.endswith("." + host))


def worth_following(link: Link, home: str) -> bool:
    return same_site(link.url, home) and bool(FOLLOW.search(f"{link.text} {link.url}"))


def is_english(language: str | None) -> bool:
    return language is None or language.startswith("en")
