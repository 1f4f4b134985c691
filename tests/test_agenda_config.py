"""Agenda sources in sources.yaml: one entry per government, bad keys caught at load."""

from __future__ import annotations

from pathlib import Path

import pytest

from watcher.config import load_config
from watcher.errors import ConfigError
from watcher.sources.granicus import variant_of


def write(tmp_path: Path, entry: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(f"sources:\n  - {entry}\n")
    return path


def test_legistar_needs_only_its_client(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "{name: galveston-county, kind: legistar, client: galvestoncountytx, "
        "jurisdiction: {state: TX, county: Galveston}}",
    )
    (source,) = load_config(path).sources
    assert str(source.url) == "https://webapi.legistar.com/v1"
    assert (source.lookback_days, source.max_meetings, source.min_interval) == (45, 100, None)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "{name: nash, kind: civicplus, jurisdiction: {state: NC, county: Nash}}",
            "source 'nash', key 'url': required key is missing",
        ),
        (
            "{name: nash, kind: civicplus, url: 'https://www.nashcountync.gov/'}",
            "source 'nash': a civicplus source needs jurisdiction: {state, county}",
        ),
        (
            "{name: x, kind: legistar, jurisdiction: {state: TX}}",
            "source 'x': a legistar source needs client:",
        ),
        (
            "{name: x, kind: granicus, url: 'https://x.granicus.com/', variant: iqm3, "
            "jurisdiction: {state: TX}}",
            "source 'x', key 'variant': Input should be 'auto', 'viewpublisher', 'rss', 'iqm2' "
            "or 'novusagenda'",
        ),
        (
            "{name: x, kind: granicus, url: 'https://x.example/meetings', "
            "jurisdiction: {state: TX}}",
            "source 'x': cannot tell which Granicus product the url is; set variant:",
        ),
        (
            "{name: x, kind: novus, url: 'https://x.example/', jurisdiction: {state: TX}}",
            "source 'x', key 'kind': Input should be",
        ),
        (
            "{name: x, kind: civicplus, url: 'https://x.example/', min_interval: -1, "
            "jurisdiction: {state: TX}}",
            "source 'x', key 'min_interval': Input should be greater than or equal to 0",
        ),
    ],
)
def test_bad_entries_fail_at_load_with_one_line(tmp_path: Path, entry: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, entry))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_granicus_variant_from_the_url() -> None:
    assert variant_of("https://x.granicus.com/ViewPublisher.php?view_id=3") == "viewpublisher"
    assert variant_of("https://x.granicus.com/ViewPublisherRSS.php?view_id=3&mode=agendas") == "rss"
    assert variant_of("http://hanfordca.iqm2.com/Citizens/Calendar.aspx") == "iqm2"
    assert variant_of("https://dinuba.novusagenda.com/agendapublic/") == "novusagenda"
    assert variant_of("https://x.example/agendas", "iqm2") == "iqm2"
    assert variant_of("https://county.granicus.com/") == "viewpublisher"  # as discovery proposes
    with pytest.raises(ConfigError, match="set variant"):
        variant_of("https://x.example/agendas")
