"""sources.yaml validation: one clear message naming the file, the source and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from watcher.config import load_config
from watcher.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    return path


def test_shipped_sources_yaml_is_valid() -> None:
    config = load_config(REPO / "sources.yaml")
    ice = config.source("ice")
    assert ice.kind == "ice_287g"
    assert str(ice.url) == "https://www.ice.gov/identify-and-arrest/287g"


def test_minimal_config_gets_defaults(tmp_path: Path) -> None:
    config = load_config(
        write(tmp_path, "sources:\n  - {name: ice, kind: ice_287g, url: https://www.ice.gov/x}\n")
    )
    source = config.sources[0]
    assert source.schedule == "0 */4 * * *"
    assert config.detection.withdrawal_after == 3
    assert config.detection.min_row_share == 0.7


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "sources:\n  - {name: ice, kind: ice_287g, url: https://x.org, schedul: '* * * * *'}\n",
            "sources.yaml: source 'ice', key 'schedul': unknown key",
        ),
        ("sources:\n  - {name: ice, kind: ice_287g, url: not-a-url}\n", "source 'ice', key 'url'"),
        (
            "sources:\n  - {name: ice, kind: ice_287g, url: https://x.org, "
            "schedule: 'every day'}\n",
            "source 'ice', key 'schedule': not a cron expression",
        ),
        ("sources:\n  - {name: ice, kind: rss, url: https://x.org}\n", "source 'ice', key 'kind'"),
        (
            "sources:\n  - {kind: ice_287g, url: https://x.org}\n",
            "source #1, key 'name': required key is missing",
        ),
        (
            "sources:\n  - {name: g, kind: document, url: https://x.org/a.pdf}\n",
            "source 'g': a document source needs jurisdiction",
        ),
        (
            "sources:\n  - {name: g, kind: document, url: https://x.org/a.pdf, "
            "jurisdiction: {state: Texas}}\n",
            "source 'g', key 'jurisdiction.state'",
        ),
        ("detection: {withdrawal_after: many}\nsources: []\n", "key 'detection.withdrawal_after'"),
        ("[1, 2]\n", "expected a mapping"),
        ("sources: [\n", "not valid YAML"),
    ],
)
def test_bad_config_names_file_source_and_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(tmp_path / "sources.yaml"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "nope.yaml")


def test_duplicate_source_names(tmp_path: Path) -> None:
    text = (
        "sources:\n  - {name: ice, kind: ice_287g, url: https://x.org}\n"
        "  - {name: ice, kind: ice_287g, url: https://y.org}\n"
    )
    with pytest.raises(ConfigError, match="two sources are named 'ice'"):
        load_config(write(tmp_path, text))
