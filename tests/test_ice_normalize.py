"""Pure field helpers: states, names and keys, models, SIGNED dates and MOA links."""

from __future__ import annotations

import datetime as dt

import pytest

from watcher.ice.parse.normalize import (
    agency_key,
    agency_type,
    clean_agency,
    clean_county,
    clean_url,
    parse_signed,
    split_models,
    state_code,
    support_model,
)

D = dt.date


@pytest.mark.parametrize(
    ("raw", "code", "flag"),
    [
        ("ALABAMA", "AL", None),
        ("LOUISIANA ", "LA", None),
        ("AlABAMA", "AL", None),
        ("DELAWARE**", "DE", None),
        ("Iowa†", "IA", None),
        ("TX", "TX", None),
        ("District of Columbia", "DC", None),
        ("PUERTO RICO", "PR", None),
        ("GUAM", "GU", None),
        ("U.S. Virgin Islands", "VI", None),
        ("Northern Mariana Islands", "MP", None),
        ("American Samoa", "AS", None),
        ("WEST VIRGINIA", "WV", None),
        ("VIRGINIA", "VA", None),
        ("UTAHJ", "UT", "state_repaired:UTAHJ"),
        ("MCHIGAN", "MI", "state_repaired:MCHIGAN"),
        ("WEST VIRIGINIA", "WV", "state_repaired:WEST VIRIGINIA"),
        ("Total", None, "state_unknown:TOTAL"),
        ("", None, "state_unknown:"),
    ],
)
def test_state_code(raw: str, code: str | None, flag: str | None) -> None:
    assert state_code(raw) == (code, flag)


def test_agency_cleaning_and_keys() -> None:
    assert clean_agency("Lee County\u00a0Sheriff’s  Office ") == "Lee County Sheriff's Office"
    assert clean_agency("\u2002Polk\u202fCounty\t") == "Polk County"
    assert agency_key("Lee County Sheriff’s Office") == agency_key("LEE COUNTY SHERIFFS OFFICE ")
    assert agency_key("Ft. Myers Police Department") == "ft myers police department"
    assert agency_key("Ft. Myers Police Department") != agency_key("Fort Myers Police Department")
    assert agency_key("Idaho State Police") != agency_key("Idaho State Police Department")
    assert agency_key("Indiatlantic Police Department") != agency_key(
        "Indialantic Police Department"
    )


@pytest.mark.parametrize(
    ("raw", "model", "flag"),
    [
        ("Jail Enforcement Model", "Jail Enforcement Model", None),
        ("Jail Enforcement Model ", "Jail Enforcement Model", None),
        ("Task Force Model ", "Task Force Model", None),
        ("Warrant Service Officer", "Warrant Service Officer", None),
        ("Warrant Service Office", "Warrant Service Officer",
         "model_variant:Warrant Service Office"),
        ("Warrant Services Officer ", "Warrant Service Officer",
         "model_variant:Warrant Services Officer"),
        ("Task Force Officer ", "Task Force Model", "model_variant:Task Force Officer"),
        ("Jail Enforcement", "Jail Enforcement Model", "model_variant:Jail Enforcement"),
        ("Task Force", "Task Force Model", "model_variant:Task Force"),
        ("JEM", "Jail Enforcement Model", "model_variant:JEM"),
        ("TFM", "Task Force Model", "model_variant:TFM"),
        ("WSO", "Warrant Service Officer", "model_variant:WSO"),
        ("JEO", "Jail Enforcement Model", "model_legacy:JEO"),
        ("TFO", "Task Force Model", "model_legacy:TFO"),
        ("Jail Enforcment Model ", "Jail Enforcement Model",
         "model_repaired:Jail Enforcment Model"),
        ("Something Else", "Something Else", "model_unknown:Something Else"),
        ("", "Unknown", "model_unknown:"),
    ],
)  # fmt: skip
def test_support_model(raw: str, model: str, flag: str | None) -> None:
    assert support_model(raw) == (model, flag)


def test_split_models_only_splits_known_codes() -> None:
    assert split_models("JEO/TFO") == ["JEO", "TFO"]
    assert split_models("Jail Enforcement Model") == ["Jail Enforcement Model"]
    assert split_models("Sheriff & Jail") == ["Sheriff & Jail"]


def test_agency_type_and_county() -> None:
    assert agency_type("County ") == "County"
    assert agency_type("Muncipality ") == "Municipality"
    assert agency_type("State") == "State Agency"
    assert agency_type("#NA") is None
    assert clean_county("#N/A") is None
    assert clean_county("N/A") is None
    assert clean_county("   ") is None
    assert clean_county("Sweetwater County ") == "Sweetwater County"


@pytest.mark.parametrize(
    ("raw", "date", "flags"),
    [
        ("2016-06-08", D(2016, 6, 8), ()),
        ("06/08/2016", D(2016, 6, 8), ()),
        ("6/8/16", D(2016, 6, 8), ()),
        ("06-08-16", D(2016, 6, 8), ()),
        ("June 8, 2016", D(2016, 6, 8), ()),
        ("05/082025", D(2025, 5, 8), ("signed_repaired:05/082025",)),
        ("7/72025", D(2025, 7, 7), ("signed_repaired:7/72025",)),
        ("8/282025", D(2025, 8, 28), ("signed_repaired:8/282025",)),
        ("5/31/20026", D(2026, 5, 31), ("signed_repaired:5/31/20026",)),
        ("5025-07-07", D(2025, 7, 7), ("signed_repaired:5025-07-07",)),
        ("45922", D(2025, 9, 22), ("signed_repaired:45922",)),
        ("3/1/2008; 6/1/2009", D(2009, 6, 1), ("signed_multiple:3/1/2008; 6/1/2009",)),
        ("1999-01-05", D(1999, 1, 5), ("signed_implausible:1999-01-05",)),
        ("2031-01-01", D(2031, 1, 1), ("signed_implausible:2031-01-01",)),
        ("soon", None, ("signed_unparsed:soon",)),
        ("02/30/2025", None, ("signed_unparsed:02/30/2025",)),
    ],
)
def test_signed_text(raw: str, date: dt.date | None, flags: tuple[str, ...]) -> None:
    result = parse_signed(raw, max_year=2026)
    assert (result.date, result.raw, result.flags) == (date, raw, flags)


def test_signed_cells_that_are_dates_or_serials() -> None:
    assert parse_signed(45922.0, max_year=2026) == (D(2025, 9, 22), None, ())
    assert parse_signed(45922, max_year=2026) == (D(2025, 9, 22), None, ())
    assert parse_signed(44460.0, max_year=2026, date1904=True) == (D(2025, 9, 22), None, ())
    assert parse_signed(dt.datetime(2025, 7, 7, 0, 0), max_year=2026).date == D(2025, 7, 7)
    assert parse_signed(D(5025, 7, 7), max_year=2026) == (
        D(2025, 7, 7), None, ("signed_repaired:5025-07-07",),
    )  # fmt: skip
    assert parse_signed(None, max_year=2026) == (None, None, ("signed_missing",))
    assert parse_signed(" ", max_year=2026) == (None, None, ("signed_missing",))
    assert parse_signed(-5.0, max_year=2026).flags == ("signed_unparsed:-5.0",)


MOA = "https://www.ice.gov/doclib/287gMOA/AlachuaCoSO_WSO_MOA_02242025.pdf"


@pytest.mark.parametrize(
    ("target", "text", "url"),
    [
        (MOA, "link", MOA),
        (MOA + " ", "link ", MOA),
        (
            "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2F"
            "doclib%2F287gMOA%2FAlachuaCoSO_WSO_MOA_02242025.pdf&data=05%7C02%7CERO287g%40ice"
            ".dhs.gov%7C&sdata=abc&reserved=0",
            "link",
            MOA,
        ),
        (None, "https://web.archive.org/web/20210113002027/" + MOA, MOA),
        ("https://web.archive.org/web/20210113002027id_/" + MOA, "link", MOA),
        (None, "link pending", None),
        (None, "Link Pending ", None),
        (None, "link\u00a0|\u00a0addendum", None),
        (None, "", None),
        (None, None, None),
        ("mailto:ERO287g@ice.dhs.gov", "link", None),
    ],
)
def test_clean_url(target: str | None, text: str | None, url: str | None) -> None:
    assert clean_url(target, text) == url
