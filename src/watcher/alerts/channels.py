"""Chat channels a subscription may name instead of an email address: which services, how a
channel URL is checked before anything is stored, and how its secrets come from the environment.

A channel URL is stored as written, with every secret as a ``{env:WATCHER_NAME}`` placeholder,
so the private file never holds a token in clear; :func:`resolve` fills the placeholders when a
message is sent. Slack, Microsoft Teams (a Power Automate workflow), Discord, Telegram, Signal
(a signal-cli REST server), WhatsApp (through Twilio), Matrix and Apprise's plain ``json://``
are sent by Apprise; ``webhook+https://`` is watcher's own JSON webhook, signed with
HMAC-SHA256 (see :mod:`watcher.alerts.chat`).
"""

from __future__ import annotations

import functools
import os
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from watcher.alerts.models import SubscriptionError

# scheme -> the service it reaches
APPRISE_SCHEMES = {
    "slack": "slack",
    "workflow": "teams",
    "workflows": "teams",
    "discord": "discord",
    "tgram": "telegram",
    "signal": "signal",
    "signals": "signal",
    "twilio": "whatsapp",
    "matrix": "matrix",
    "matrixs": "matrix",
    "json": "json",
    "jsons": "json",
}
WEBHOOK_SCHEMES = ("webhook+https", "webhook+http")
# Services whose plain https:// webhook addresses Apprise understands, by their one real host.
_HTTPS_HOSTS = {"hooks.slack.com": "slack", "discord.com": "discord", "discordapp.com": "discord"}
_PLACEHOLDER = re.compile(r"\{env:([A-Z][A-Z0-9_]*)\}")
# A run that reads like a token or key: long, and letters mixed with digits. Phone numbers
# (digits only), host names and room names do not match.
_TOKEN_LIKE = re.compile(r"(?=[A-Za-z0-9_\-]*[0-9])(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{20,}")
MAX_URL = 2000
PROBE_TIMEOUT = 10.0


class ChannelError(SubscriptionError):
    """A channel URL that cannot be used; the message says why and what to write instead."""


@dataclass(frozen=True)
class Channel:
    url: str  # as stored: placeholders, never secrets
    service: str  # slack, teams, discord, telegram, signal, whatsapp, matrix, json, webhook


def is_channel(address: str) -> bool:
    return "://" in address


def kinds() -> str:
    schemes = sorted({*APPRISE_SCHEMES, *WEBHOOK_SCHEMES})
    return ", ".join(f"{scheme}://" for scheme in schemes)


def resolve(url: str, environ: Mapping[str, str] | None = None) -> str:
    """The URL with each ``{env:NAME}`` replaced by that environment variable's value."""
    env = os.environ if environ is None else environ

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if not name.startswith("WATCHER_"):
            raise ChannelError(f"{{env:{name}}}: secrets come from variables named WATCHER_...")
        if not env.get(name):
            raise ChannelError(f"the environment variable {name} named in the channel is not set")
        return env[name]

    return _PLACEHOLDER.sub(value, url)


def _secret_in_clear(url: str) -> str | None:
    """What looks like a secret written out in the URL (placeholders removed), if anything."""
    bare = _PLACEHOLDER.sub("", url)
    parts = urlsplit(bare)
    if parts.password:
        return "a password"
    found = _TOKEN_LIKE.search(f"{parts.netloc}/{parts.path}?{parts.query}")
    return f"{found.group(0)[:4]}..." if found else None


def parse_channel(url: str, environ: Mapping[str, str] | None = None) -> Channel:
    """Check a channel URL; raise ChannelError naming the problem. Nothing is sent."""
    url = url.strip()
    if len(url) > MAX_URL or any(ch.isspace() for ch in url):
        raise ChannelError("a channel URL is one line without spaces, at most 2,000 characters")
    scheme = url.split("://", 1)[0].lower()
    if scheme in ("https", "http"):
        scheme, url = _native_webhook(url)
    if scheme not in APPRISE_SCHEMES and scheme not in WEBHOOK_SCHEMES:
        raise ChannelError(f"unknown channel scheme {scheme}://: use one of {kinds()}")
    secret = _secret_in_clear(url)
    if secret is not None:
        raise ChannelError(
            f"the channel URL holds a secret in clear ({secret}): put it in an environment "
            "variable and write {env:WATCHER_NAME} in its place"
        )
    resolved = resolve(url, environ)
    if scheme in WEBHOOK_SCHEMES:
        webhook_target(resolved)  # raises when the secret or the address is missing
        return Channel(url, "webhook")
    service = APPRISE_SCHEMES[scheme]
    if service == "whatsapp":
        _check_whatsapp(resolved)
    if load_apprise().instantiate(resolved) is None:
        raise ChannelError(f"{scheme}:// URL is not one Apprise can use: check its parts")
    return Channel(url, service)


def _native_webhook(url: str) -> tuple[str, str]:
    """A service's own https:// webhook address, checked to be on that service's host."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host in _HTTPS_HOSTS:
        return _HTTPS_HOSTS[host], url  # the service's name is its Apprise scheme too
    if "slack" in host or parts.path.startswith("/services/"):
        raise ChannelError(f"a Slack webhook must be on hooks.slack.com, not {host or 'no host'}")
    if "discord" in host or parts.path.startswith("/api/webhooks/"):
        raise ChannelError(f"a Discord webhook must be on discord.com, not {host or 'no host'}")
    raise ChannelError(
        f"{host or 'that address'} is no chat service watcher knows; for your own JSON "
        "endpoint write webhook+https://... with ?secret={env:WATCHER_NAME}"
    )


def _check_whatsapp(url: str) -> None:
    # twilio:// also sends SMS; a WhatsApp channel names only WhatsApp numbers ("w:+1...").
    targets = [part for part in urlsplit(url).path.split("/") if part]
    if not targets or not all(t.lower().startswith(("w:", "whatsapp:")) for t in targets):
        raise ChannelError("a WhatsApp channel through Twilio names its numbers as w:+15551234567")


def webhook_target(resolved: str) -> tuple[str, bytes]:
    """(the https address to POST to, the HMAC key) of a resolved webhook+https:// URL."""
    scheme, rest = resolved.split("://", 1)
    parts = urlsplit(f"{scheme.removeprefix('webhook+')}://{rest}")
    query = parse_qsl(parts.query, keep_blank_values=True)
    secrets = [value for key, value in query if key == "secret"]
    if len(secrets) != 1 or len(secrets[0]) < 16:
        raise ChannelError(
            "a webhook needs ?secret={env:WATCHER_NAME}, a key of at least 16 characters"
        )
    if not parts.hostname:
        raise ChannelError("a webhook URL needs a host")
    kept = urlencode([(key, value) for key, value in query if key != "secret"])
    target = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", kept, ""))
    return target, secrets[0].encode()


def post_address(resolved: str) -> str | None:
    """Where a JSON channel posts (webhook or Apprise json://), for the redirect check."""
    scheme = resolved.split("://", 1)[0].lower()
    if scheme in WEBHOOK_SCHEMES:
        return webhook_target(resolved)[0]
    if scheme in ("json", "jsons"):
        parts = urlsplit(resolved)
        web = "https" if scheme == "jsons" else "http"
        return urlunsplit((web, parts.netloc.rpartition("@")[2], parts.path or "/", "", ""))
    return None


def probe(channel: Channel, client: httpx.Client, environ: Mapping[str, str] | None = None) -> None:
    """Ping a JSON endpoint once: refuse it when it is down or redirects to another host."""
    address = post_address(resolve(channel.url, environ))
    if address is None:
        return
    try:
        answer = client.post(address, json={"type": "ping", "from": "watcher"})
    except httpx.HTTPError as exc:
        raise ChannelError(f"cannot reach {urlsplit(address).netloc}: {exc}") from None
    if answer.is_redirect:
        target = urlsplit(str(answer.next_request.url if answer.next_request else ""))
        if target.hostname != urlsplit(address).hostname:
            raise ChannelError(
                f"the webhook redirects to another host ({target.hostname or 'unknown'}); "
                "give the final address"
            )


def probe_client() -> httpx.Client:
    return httpx.Client(timeout=PROBE_TIMEOUT, follow_redirects=False)


@functools.cache
def load_apprise() -> Any:
    """Apprise's class, its plugins loaded once with their import-time DeprecationWarnings
    (imghdr on Python 3.11/3.12) silenced: they are Apprise's, not ours to fix."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import apprise

        apprise.Apprise.instantiate("json://localhost")
    return apprise.Apprise
