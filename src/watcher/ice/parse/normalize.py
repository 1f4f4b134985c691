"""Pure helpers that turn ICE's cell values into clean, comparable fields.

Decisions (documented here because the detector depends on them):

* An unknown STATE never raises: :func:`state_code` returns ``None`` and the parser skips the
  row with a warning. A near miss (``UTAHJ``, ``MCHIGAN``) is repaired by close match and
  flagged ``state_repaired:<raw>``.
* Old model codes: ``JEO`` (jail enforcement officer) -> Jail Enforcement Model and ``TFO``
  (task force officer) -> Task Force Model, flagged ``model_legacy:<raw>``. An unknown support
  type keeps its cleaned text as the model, flagged ``model_unknown:<raw>``; it never raises.
* SIGNED: a real date or serial is clean (``signed_raw`` stays ``None``); text keeps its raw
  form in ``signed_raw``. Repairs are flagged ``signed_repaired:<raw>``; unparseable text gives
  ``None`` and ``signed_unparsed:<raw>``; years outside 2002 .. as-of year + 1 are kept and
  flagged ``signed_implausible:<raw>``.

Everything here is memoised: the same names, states and dates recur in every list.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

from watcher.ice.models import MODELS
from watcher.states import STATE_NAMES

# ICE's spellings beyond the names in watcher.states.
_STATE_ALIASES: dict[str, str] = {
    "VIRGIN ISLANDS": "VI",
    "US VIRGIN ISLANDS": "VI",
    "WASHINGTON DC": "DC",
    "WASHINGTON D.C.": "DC",
    "COMMONWEALTH OF THE NORTHERN MARIANA ISLANDS": "MP",
}
STATES: dict[str, str] = {
    **{name.upper(): code for code, name in STATE_NAMES.items()},
    **_STATE_ALIASES,
}
_CODES = frozenset(STATES.values())

_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_FOOTNOTE = re.compile(r"[\s*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰\d]+$")
_KEY_DROP = re.compile(r"[^\w&]+")
# Control characters (a workbook's _x001B_ decodes to ESC), DEL, C1 and bidi overrides: they
# mean nothing in a name and could drive a terminal or forge text when printed.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NA = frozenset({"", "#N/A", "N/A", "#NA", "NA", "-", "—", "NONE", "NULL"})


@functools.lru_cache(maxsize=16384)
def clean_text(value: str) -> str:
    """Unicode spaces -> one space, curly quotes -> straight, control characters dropped."""
    value = unicodedata.normalize("NFKC", value).translate(_QUOTES)
    return CONTROL.sub("", _SPACES.sub(" ", value)).strip()


def clean_agency(value: str) -> str:
    return clean_text(value)


@functools.lru_cache(maxsize=16384)
def agency_key(name: str) -> str:
    """Case-, space- and apostrophe-folded name. Punctuation becomes a space, so only
    spellings that read the same merge (``Sheriff’s`` = ``Sheriffs``); ``Ft. Myers`` and
    ``Fort Myers`` stay apart for the detector to pair as a rename."""
    folded = clean_text(name).casefold().replace("'", "")
    return " ".join(_KEY_DROP.sub(" ", folded).split())


@functools.lru_cache(maxsize=1024)
def state_code(raw: str) -> tuple[str | None, str | None]:
    """(two-letter code, flag) for a STATE cell; (None, flag) when it is no state."""
    text = clean_text(raw).upper()
    name = _FOOTNOTE.sub("", text).strip(" .,")
    if name in STATES:
        return STATES[name], None
    if name in _CODES:
        return name, None
    compact = name.replace(".", "").replace(" ", "")
    if len(compact) == 2 and compact in _CODES:
        return compact, None
    near = difflib.get_close_matches(name, list(STATES), n=2, cutoff=0.8)
    if near and (len(near) == 1 or STATES[near[0]] == STATES[near[1]]):
        return STATES[near[0]], f"state_repaired:{text}"
    return None, f"state_unknown:{text}"


_MODEL_ALIASES: dict[str, str] = {
    "jail enforcement model": MODELS[0],
    "jail enforcement": MODELS[0],
    "jem": MODELS[0],
    "task force model": MODELS[1],
    "task force": MODELS[1],
    "task force officer": MODELS[1],
    "tfm": MODELS[1],
    "warrant service officer": MODELS[2],
    "warrant service officers": MODELS[2],
    "warrant services officer": MODELS[2],
    "warrant service office": MODELS[2],
    "warrant service": MODELS[2],
    "wso": MODELS[2],
}
_LEGACY = {"jeo": MODELS[0], "tfo": MODELS[1]}


@functools.lru_cache(maxsize=1024)
def support_model(raw: str) -> tuple[str, str | None]:
    """(canonical model, flag) for a SUPPORT TYPE cell. Never raises."""
    text = clean_text(raw)
    folded = " ".join(re.sub(r"[^a-z ]+", " ", text.casefold()).split())
    if folded in _MODEL_ALIASES:
        model = _MODEL_ALIASES[folded]
        return model, None if folded == model.casefold() else f"model_variant:{text}"
    if folded in _LEGACY:
        return _LEGACY[folded], f"model_legacy:{text}"
    near = difflib.get_close_matches(folded, [m.casefold() for m in MODELS], n=1, cutoff=0.85)
    if near:
        return _MODEL_ALIASES[near[0]], f"model_repaired:{text}"
    return text or "Unknown", f"model_unknown:{text}"


def split_models(raw: str) -> list[str]:
    """Old fact sheets put two codes in one cell (``JEO/TFO``): one row per model."""
    parts = [p for p in re.split(r"\s*(?:/|&|,|\+|\band\b)\s*", clean_text(raw)) if p]
    if len(parts) > 1 and all(support_model(p)[1] is None or p.casefold() in _LEGACY
                              for p in parts):  # fmt: skip
        return parts
    return [raw]


_AGENCY_TYPES = {
    "county": "County",
    "municipality": "Municipality",
    "muncipality": "Municipality",
    "municipal": "Municipality",
    "city": "Municipality",
    "state agency": "State Agency",
    "state": "State Agency",
}


@functools.lru_cache(maxsize=256)
def agency_type(raw: str) -> str | None:
    """TYPE cell -> County / Municipality / State Agency (variants folded), else cleaned."""
    text = clean_text(raw)
    if text.upper() in _NA:
        return None
    return _AGENCY_TYPES.get(text.casefold(), text)


@functools.lru_cache(maxsize=8192)
def clean_county(raw: str) -> str | None:
    text = clean_text(raw)
    return None if text.upper() in _NA else text


# ---------------------------------------------------------------- dates

_EPOCH_1900 = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 after Lotus's leap-year bug
_EPOCH_1904 = dt.date(1904, 1, 1)
_ISO = re.compile(r"^(\d{4,5})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_MDY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4,5})$")
_MD_Y = re.compile(r"^(\d{1,2})/(\d{1,2})(\d{4})$")  # 05/082025: the second slash missing
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_TEXT_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d-%b-%y", "%d-%b-%Y")
_DATE_TOKEN = re.compile(r"\d{1,5}[/.-]\d{1,2}[/.-]?\d{2,5}")


class Signed(NamedTuple):
    date: dt.date | None
    raw: str | None  # the cell as text when it was text
    flags: tuple[str, ...]


def parse_signed(value: object, *, max_year: int, date1904: bool = False) -> Signed:
    """SIGNED cell (date, datetime, Excel serial or text) -> date, with repairs flagged.

    ``max_year`` is the as-of year + 1: later years are typos, and so are years before 2002,
    when the first 287(g) agreement was signed.
    """
    if value is None or isinstance(value, bool):
        return Signed(None, None, ("signed_missing",))
    if isinstance(value, dt.datetime):
        return _window(value.date(), None, (), max_year)
    if isinstance(value, dt.date):
        return _window(value, None, (), max_year)
    if isinstance(value, int | float):
        day = _serial(float(value), date1904)
        if day is None:
            return Signed(None, str(value), (f"signed_unparsed:{value}",))
        return _window(day, None, (), max_year)
    text = clean_text(str(value))
    if not text:
        return Signed(None, None, ("signed_missing",))
    day, flags = _parse_text(text, max_year, date1904)
    if day is None:
        return Signed(None, text, flags)
    return _window(day, text, flags, max_year)


def _window(day: dt.date, raw: str | None, flags: tuple[str, ...], max_year: int) -> Signed:
    if 2002 <= day.year <= max_year:
        return Signed(day, raw, flags)
    fixed = _fix_year(str(day.year), max_year)
    if fixed is not None:  # a real date cell typed 5025-07-07
        try:
            repaired = day.replace(year=fixed)
        except ValueError:  # 29 February
            repaired = None
        if repaired is not None:
            return Signed(repaired, raw, (*flags, f"signed_repaired:{raw or day.isoformat()}"))
    return Signed(day, raw, (*flags, f"signed_implausible:{raw or day.isoformat()}"))


def _serial(value: float, date1904: bool) -> dt.date | None:
    if not 1 <= value < 2_958_466:  # 9999-12-31
        return None
    return (_EPOCH_1904 if date1904 else _EPOCH_1900) + dt.timedelta(days=int(value))


@functools.lru_cache(maxsize=4096)
def _parse_text(text: str, max_year: int, date1904: bool) -> tuple[dt.date | None, tuple[str, ...]]:
    repaired = (f"signed_repaired:{text}",)
    if _SERIAL.match(text):
        return _serial(float(text), date1904), repaired
    if m := _ISO.match(text):
        y, mo, d = m.group(1), int(m.group(2)), int(m.group(3))
        return _build(y, mo, d, text, max_year, False)
    if m := _MDY.match(text):
        y = m.group(3)
        y = str(2000 + int(y)) if len(y) == 2 else y
        return _build(y, int(m.group(1)), int(m.group(2)), text, max_year, False)
    if m := _MD_Y.match(text):
        return _build(m.group(3), int(m.group(1)), int(m.group(2)), text, max_year, True)
    for fmt in _TEXT_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date(), ()
        except ValueError:
            continue
    return _several(text, max_year)


def _several(text: str, max_year: int) -> tuple[dt.date | None, tuple[str, ...]]:
    """A cell naming several dates (``DATES SIGNED`` in the fact sheets): the latest wins."""
    found = [_parse_text(t, max_year, False)[0] for t in _DATE_TOKEN.findall(text)]
    days = [d for d in found if d is not None]
    if not days:
        return None, (f"signed_unparsed:{text}",)
    flags = (f"signed_multiple:{text}",) if len(days) > 1 else (f"signed_repaired:{text}",)
    return max(days), flags


def _build(
    year: str, month: int, day: int, text: str, max_year: int, repaired: bool
) -> tuple[dt.date | None, tuple[str, ...]]:
    fixed = _fix_year(year, max_year)
    if fixed is not None:
        repaired = True
    y = fixed if fixed is not None else int(year)
    if month > 12 >= day:  # day and month swapped
        month, day, repaired = day, month, True
    try:
        result = dt.date(y, month, day)
    except ValueError:
        return None, (f"signed_unparsed:{text}",)
    return result, (f"signed_repaired:{text}",) if repaired else ()


def _fix_year(year: str, max_year: int) -> int | None:
    """A typed year that cannot be right, repaired when exactly one fix is plausible:
    ``20026`` -> 2026 (a doubled digit), ``5025`` -> 2025 (a wrong first digit)."""
    if len(year) == 4 and 2002 <= int(year) <= max_year + 50:
        return None
    candidates: set[int] = set()
    if len(year) == 5:
        # A doubled keystroke first (20026), then any single extra digit.
        doubled = {int(year[:i] + year[i + 1 :]) for i in range(4) if year[i] == year[i + 1]}
        plausible = {y for y in doubled if 2002 <= y <= max_year}
        if len(plausible) == 1:
            return plausible.pop()
        candidates = {int(year[:i] + year[i + 1 :]) for i in range(5)}
    elif len(year) == 4:
        candidates = {int("2" + year[1:]), int("20" + year[2:])}
    plausible = {y for y in candidates if 2002 <= y <= max_year}
    return plausible.pop() if len(plausible) == 1 else None


# ---------------------------------------------------------------- links

_URL = re.compile(r"https?://[^\s<>\"']+", re.I)
_WAYBACK = re.compile(r"^https?://(?:web\.)?archive\.org/web/\d+[a-z_]*/(.+)$", re.I)
_PENDING = re.compile(r"\bpending\b", re.I)


@functools.lru_cache(maxsize=16384)
# Memoised: the same link recurs in many distinct raw rows, and unwrapping parses it.
@functools.lru_cache(maxsize=16384)
def clean_url(target: str | None, text: str | None = None) -> str | None:
    """MOA/ADDENDUM link: the hyperlink target, else a bare URL in the cell text; SafeLinks
    and Wayback wrappers removed. ``link pending`` and link-less ``link | addendum`` -> None."""
    url = CONTROL.sub("", target or "").strip()
    if not url and text and not _PENDING.search(text):
        m = _URL.search(clean_text(text))
        url = m.group(0) if m else ""
    for _ in range(4):  # wrappers can nest (a SafeLink to a Wayback copy)
        unwrapped = _unwrap(url)
        if unwrapped == url:
            break
        url = unwrapped
    if not url.lower().startswith(("http://", "https://")):
        return None
    return url


def _unwrap(url: str) -> str:
    if m := _WAYBACK.match(url):
        inner = m.group(1)
        return inner if inner.lower().startswith("http") else "http://" + inner
    parts = urlsplit(url)
    if (parts.hostname or "").endswith("safelinks.protection.outlook.com"):
        inner_urls = parse_qs(parts.query).get("url")
        if inner_urls:
            return inner_urls[0].strip()
    return url
