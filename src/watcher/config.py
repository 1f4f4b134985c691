"""sources.yaml: one typed model, validated at load, unknown keys rejected.

``load_config`` turns every validation problem into one short :class:`ConfigError` that names
the file, the source and the key, so ``watcher`` can print it and exit 2.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from apscheduler.triggers.cron import CronTrigger
from pydantic import (
    AfterValidator,
    AnyHttpUrl,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from watcher.errors import ConfigError

DEFAULT_CONFIG = "sources.yaml"
DEFAULT_DB = "watcher.db"
DEFAULT_SCHEDULE = "0 */4 * * *"
LEGISTAR_API = "https://webapi.legistar.com/v1"
# The URLs that name their Granicus product (sources/granicus.py reads the same signs).
GRANICUS_URL = re.compile(
    r"viewpublisher|\.granicus\.com|\.iqm2\.com|/citizens/|novusagenda|/agendapublic", re.I
)
STATE_CODE = re.compile(r"^[A-Z]{2}$")


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class SmtpConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    host: str
    port: int = 587
    starttls: bool = True
    tls: bool = False  # implicit TLS (port 465); exclusive with starttls
    username_env: str | None = None
    password_env: str | None = None
    timeout: float = 30.0


class AlertsConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: str = Field(alias="from")
    operator: str | None = None
    smtp: SmtpConfig | None = None
    outbox_dir: str = "outbox"
    base_url: str = "http://localhost:8000"
    digest_time: str = "07:00"
    weekly_day: str = "mon"
    failure_threshold: int = Field(default=3, ge=1)

    @field_validator("digest_time")
    @classmethod
    def _hh_mm(cls, value: str) -> str:
        match = re.fullmatch(r"(\d{1,2}):(\d{2})", value)
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            raise ValueError(f"digest_time must be HH:MM, got {value!r}")
        return value

    @field_validator("weekly_day")
    @classmethod
    def _weekday(cls, value: str) -> str:
        day = value.strip().lower()[:3]
        if day not in _WEEKDAYS:
            raise ValueError(f"weekly_day must be one of {', '.join(_WEEKDAYS)}, got {value!r}")
        return day

    @field_validator("base_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")


def _check_cron(expr: str) -> str:
    try:
        CronTrigger.from_crontab(expr)
    except ValueError as exc:
        raise ValueError(f"not a cron expression ({exc})") from None
    return expr


def _check_state(code: str) -> str:
    code = code.strip().upper()
    if not STATE_CODE.match(code):
        raise ValueError("expected a two-letter state code such as TX")
    return code


Cron = Annotated[str, AfterValidator(_check_cron)]
StateCode = Annotated[str, AfterValidator(_check_state)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Jurisdiction(Strict):
    state: StateCode
    county: str | None = None
    agency: str | None = None


class SourceConfig(Strict):
    """One entry under ``sources:``. Kind-specific keys are optional with defaults."""

    name: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    kind: Literal[
        "ice_287g", "document", "document_index",
        "legistar", "civicplus", "granicus", "civicclerk", "boarddocs", "primegov",
    ]  # fmt: skip
    url: AnyHttpUrl
    schedule: Cron = DEFAULT_SCHEDULE
    enabled: bool = True
    jurisdiction: Jurisdiction | None = None
    # document_index: which links on the page to follow (regular expression on href or text)
    link_pattern: str | None = None
    max_documents: int = Field(default=50, ge=1, le=10_000)
    # legistar: the client name in webapi.legistar.com/v1/{client}, and the API token of a
    # client that requires one; calendar_url is the website's Calendar.aspx, read when the
    # API is closed (default https://{client}.legistar.com/Calendar.aspx).
    client: str | None = None
    token: str | None = None
    calendar_url: AnyHttpUrl | None = None
    # granicus: which Granicus product the URL is (auto: read from the URL)
    variant: Literal["auto", "viewpublisher", "rss", "iqm2", "novusagenda"] = "auto"
    # boarddocs: the committee whose meetings to list (BD-GetMeetingsList); without it the
    # site's XML-ActiveMeetings feed is read
    committee_id: str | None = None
    # agenda platforms: how far back a pass looks, how many meetings and documents it takes,
    # and the least time between two requests to one host (None: the platform's default)
    lookback_days: int = Field(default=45, ge=0, le=3660)
    max_meetings: int = Field(default=100, ge=1, le=10_000)
    min_interval: float | None = Field(default=None, ge=0, le=600)
    # Hosts a redirect may lead to (any other host is refused): e.g. [www.ice.gov]
    allow_redirect_hosts: list[str] = Field(default_factory=list)

    @field_validator("link_pattern")
    @classmethod
    def _pattern_compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a regular expression ({exc})") from None
        return value

    @model_validator(mode="before")
    @classmethod
    def _legistar_default_url(cls, data: Any) -> Any:
        # One line per county: `kind: legistar` + `client:` is enough.
        if isinstance(data, dict) and data.get("kind") == "legistar" and "url" not in data:
            return {**data, "url": LEGISTAR_API}
        return data

    @model_validator(mode="after")
    def _kind_needs(self) -> SourceConfig:
        if self.kind != "ice_287g" and self.jurisdiction is None:
            raise ValueError(f"a {self.kind} source needs jurisdiction: {{state, county}}")
        if (
            self.kind == "granicus"
            and self.variant == "auto"
            and not GRANICUS_URL.search(str(self.url))
        ):
            raise ValueError(
                "cannot tell which Granicus product the url is; set variant: viewpublisher, "
                "rss, iqm2 or novusagenda"
            )
        if self.kind == "legistar" and not self.client:
            raise ValueError("a legistar source needs client: (the Legistar client name)")
        return self


class DetectionConfig(Strict):
    """Rules that protect readers from false alarms (see README, 'How changes are detected')."""

    withdrawal_after: int = Field(default=3, ge=1, le=100)
    # In states whose law mandates participation a disappearance is more often a glitch.
    mandate_withdrawal_after: int = Field(default=6, ge=1, le=100)
    # ...and the absences must span this many days: ICE posts two or three lists a day.
    withdrawal_min_days: float = Field(default=3, ge=0, le=60)
    withdrawal_after_by_state: dict[StateCode, Annotated[int, Field(ge=1, le=100)]] = Field(
        default_factory=dict
    )
    min_row_share: float = Field(default=0.7, gt=0, le=1)
    # ICE's pending list is a queue that drains in batches (80 -> 20 rows in a day is normal),
    # and its disappearances never alert, so no floor applies to it unless one is set.
    min_row_share_pending: float | None = Field(default=None, gt=0, le=1)
    # The ceiling: growth by both this share and this many rows at once, or any list over
    # max_rows, is held as a suspicious publication until the operator accepts it.
    max_row_growth_share: float = Field(default=0.5, gt=0)
    max_row_growth: int = Field(default=200, ge=0)
    max_rows: int = Field(default=50_000, ge=1)


class FetchConfig(Strict):
    timeout: float = Field(default=30.0, gt=0, le=600)
    retries: int = Field(default=3, ge=0, le=10)
    backoff: float = Field(default=2.0, ge=0, le=300)
    max_bytes: int = Field(default=50 * 1024 * 1024, ge=1024)
    # Seconds for one whole fetch (connect, headers, body, retries): a server that trickles
    # a byte at a time cannot hold the archive lock past it.
    deadline: float = Field(default=300.0, gt=0, le=3600)
    # Seconds for all the fetches of one source (an index page and its documents), so the
    # slowest source cannot hold the archive lock past it either.
    source_deadline: float = Field(default=1800.0, gt=0, le=86400)


class Config(Strict):
    contact: str = "unset@example.org"
    sources: list[SourceConfig]
    detection: DetectionConfig = DetectionConfig()
    fetch: FetchConfig = FetchConfig()
    failure_threshold: int = Field(default=3, ge=1, le=100)
    alerts: AlertsConfig | None = None
    feeds_dir: str | None = None  # `watcher serve` refreshes Atom feeds here when set

    @property
    def base_dir(self) -> Path:
        """Relative paths (outbox, feeds) are relative to the working directory, as the
        archive's default is: a container's volume, a systemd WorkingDirectory."""
        return Path.cwd()

    @model_validator(mode="after")
    def _unique_names(self) -> Config:
        seen: set[str] = set()
        for source in self.sources:
            if source.name in seen:
                raise ValueError(f"two sources are named {source.name!r}")
            seen.add(source.name)
        return self

    def source(self, name: str) -> SourceConfig:
        for source in self.sources:
            if source.name == name:
                return source
        known = ", ".join(s.name for s in self.sources)
        raise ConfigError(f"no source named {name!r} (known: {known})")


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    return Path(explicit or os.environ.get("WATCHER_CONFIG") or DEFAULT_CONFIG)


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    return Path(explicit or os.environ.get("WATCHER_DB") or DEFAULT_DB)


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate a sources.yaml file; raise ConfigError with one clear message."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file (set --config or WATCHER_CONFIG)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping with a 'sources' list at the top")
    try:
        config = Config.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_describe(exc, raw)}") from None
    return config


def _describe(exc: ValidationError, raw: dict[str, Any]) -> str:
    """The first error as 'source 'ice', key 'schedul': unknown key'."""
    error = exc.errors()[0]
    loc = list(error["loc"])
    where: list[str] = []
    if len(loc) >= 2 and loc[0] == "sources" and isinstance(loc[1], int):
        sources = raw.get("sources") or []
        name = sources[loc[1]].get("name") if isinstance(sources[loc[1]], dict) else None
        where.append(f"source {name!r}" if name else f"source #{loc[1] + 1}")
        loc = loc[2:]
    if loc:
        where.append("key " + repr(".".join(str(part) for part in loc)))
    message = {
        "extra_forbidden": "unknown key",
        "missing": "required key is missing",
    }.get(error["type"], error["msg"])
    message = message.removeprefix("Value error, ")
    more = len(exc.errors()) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return (", ".join(where) + ": " if where else "") + message + suffix
