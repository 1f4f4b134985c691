"""The `alerts:` section of sources.yaml, and the sender it describes."""

from __future__ import annotations

import os
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from watcher.alerts.smtp import OutboxDirSender, Sender, SmtpSender
from watcher.errors import ConfigError

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


def _secret(name: str | None, what: str) -> str | None:
    if name is None:
        return None
    value = os.environ.get(name)
    if value is None:
        raise ConfigError(f"alerts.smtp.{what}: environment variable {name} is not set")
    return value


def sender_from_config(cfg: AlertsConfig, *, base_dir: Path) -> Sender:
    """SMTP when configured (secrets from the environment), else .eml files in outbox_dir."""
    if cfg.smtp is None:
        outbox = Path(cfg.outbox_dir)
        return OutboxDirSender(outbox if outbox.is_absolute() else base_dir / outbox)
    smtp = cfg.smtp
    # starttls defaults to true, so an explicit `tls: true` means implicit TLS alone.
    starttls = smtp.starttls and not smtp.tls
    return SmtpSender(
        host=smtp.host,
        port=smtp.port,
        starttls=starttls,
        tls=smtp.tls,
        username=_secret(smtp.username_env, "username_env"),
        password=_secret(smtp.password_env, "password_env"),
        timeout=smtp.timeout,
    )
