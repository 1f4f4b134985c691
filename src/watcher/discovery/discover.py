"""`watcher discover`: propose an agenda portal for each county with an active agreement and no
watched portal. The registry's platform rows first; else the county's own site (from the .gov
list), following its agenda links and frames to a platform recognised by host or path. Each
candidate is verified by one listing request; every county's outcome is stored with its reason,
and one county's failure never stops the run."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
import sqlite_utils

from watcher.discovery.crawl import is_english, read_page, worth_following
from watcher.discovery.platforms import PlatformLink, recognise
from watcher.discovery.registry import Proposal, store_proposal
from watcher.discovery.verify import listing_url, verify
from watcher.errors import WatcherError
from watcher.fetch import FetchPolicy, NetPolicy, fetch
from watcher.places import county as county_by_fips
from watcher.places import name_key
from watcher.timestamps import now_iso

EXPLORING = NetPolicy(any_redirect_host=True)  # public hosts only

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    max_pages: int = 8  # pages of a county's own site per run
    max_homes: int = 2  # home pages tried per county (a county may have several domains)
    max_portals: int = 4  # candidates verified per county
    page_bytes: int = 2_000_000  # a bigger "home page" is refused while streaming
    listing_bytes: int = 5_000_000
    host_interval: float = 1.0  # seconds between two requests to one host


@dataclass(frozen=True)
class Target:
    fips: str
    state: str
    government: str
    agreements: int


@dataclass
class Attempt:
    target: Target
    outcome: str = "nothing"  # proposed, registry, nothing, failed
    reason: str = ""
    pages: int = 0
    portal_ids: list[int] = field(default_factory=list)


class Polite:
    """One request at a time (the caller is sequential), and a pause between two requests to
    the same host."""

    def __init__(self, client: httpx.Client, interval: float, sleep: Callable[[float], None]):
        self.client, self.interval, self.sleep = client, interval, sleep
        self.last: dict[str, float] = {}

    def get(self, url: str, cap: int) -> tuple[str, bytes]:
        host = urlsplit(url).hostname or ""
        wait = self.last.get(host, -1e9) + self.interval - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        try:
            policy = FetchPolicy(retries=0, max_bytes=cap, net=EXPLORING)
            fetched = fetch(self.client, url, policy=policy)
        finally:
            self.last[host] = time.monotonic()
        return fetched.final_url, fetched.content


def targets(
    db: sqlite_utils.Database,
    states: tuple[str, ...] = (),
    county: str | None = None,
    limit: int | None = None,
) -> list[Target]:
    """Counties with an active agreement and no watched portal, most agreements first."""
    rows = db.execute(
        "SELECT county_fips, state, COUNT(*) AS n FROM agreements "
        "WHERE list_kind = 'participating' AND status IN ('active', 'missing') "
        "AND county_fips IS NOT NULL AND county_fips NOT IN "
        "(SELECT county_fips FROM portals WHERE status = 'accepted' AND county_fips IS NOT NULL) "
        "GROUP BY county_fips, state ORDER BY n DESC, county_fips"
    ).fetchall()
    wanted = {s.upper() for s in states}
    out = []
    for fips, state, count in rows:
        entry = county_by_fips(fips)
        if entry is None or (wanted and state not in wanted):
            continue
        if county and name_key(county) not in (name_key(entry.name), name_key(entry.base_name)):
            continue
        out.append(Target(fips, state, entry.name, int(count)))
    return out[:limit] if limit else out


def discover(
    db: sqlite_utils.Database,
    client: httpx.Client,
    found: list[Target],
    *,
    limits: Limits | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Attempt]:
    limits = limits or Limits()
    polite = Polite(client, limits.host_interval, sleep)
    attempts = []
    for target in found:
        started = now_iso()
        try:
            attempt = _county(db, polite, target, limits)
        except Exception as exc:  # one county's surprise never stops the run
            log.exception("discovery failed for %s", target.government)
            attempt = Attempt(target, "failed", f"unexpected error: {type(exc).__name__}: {exc}")
        with db.atomic():
            db.execute(
                "INSERT INTO discovery_attempts (county_fips, state, government, started_at, "
                "outcome, reason, pages_fetched, portal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [target.fips, target.state, target.government, started, attempt.outcome,
                 attempt.reason[:2000], attempt.pages,
                 attempt.portal_ids[0] if attempt.portal_ids else None],
            )  # fmt: skip
        attempts.append(attempt)
    return attempts


def _county(db: sqlite_utils.Database, polite: Polite, target: Target, limits: Limits) -> Attempt:
    attempt = Attempt(target)
    rows = db.execute(
        "SELECT platform, url, client, evidence, status FROM portals WHERE county_fips = ? "
        "ORDER BY id",
        [target.fips],
    ).fetchall()
    rejected = {(r[0], r[1]) for r in rows if r[4] == "rejected"}
    listed = [
        (PlatformLink(r[0], r[1].rstrip("/"), r[2]), r[1], f"registry: {r[3]}")
        for r in rows
        if r[0] != "website" and r[4] != "rejected"
    ]
    verdicts = _check_all(db, polite, target, listed, rejected, limits, attempt)
    if any(verdicts):
        attempt.outcome, attempt.reason = "registry", "; ".join(verdicts)
        return attempt
    homes = [r[1] for r in rows if r[0] == "website" and r[4] != "rejected"]
    if not homes:
        attempt.reason = "no website of the county is known (.gov list or registry)"
        return attempt
    candidates, problems = _crawl(polite, homes[: limits.max_homes], limits, attempt)
    verdicts = _check_all(db, polite, target, candidates, rejected, limits, attempt)
    if any(verdicts):
        attempt.outcome, attempt.reason = "proposed", "; ".join(v for v in verdicts if v)
    elif problems or attempt.portal_ids:
        attempt.outcome = "failed"
        attempt.reason = "; ".join(problems + [r for r in attempt.reason.split("; ") if r])
    else:
        attempt.reason = f"no agenda platform linked from {attempt.pages} page(s) of {homes[0]}"
    return attempt


def _crawl(
    polite: Polite, homes: list[str], limits: Limits, attempt: Attempt
) -> tuple[list[tuple[PlatformLink, str, str]], list[str]]:
    found: dict[tuple[str, str], tuple[PlatformLink, str, str]] = {}
    problems: list[str] = []
    for home in homes:
        queue, seen = [home], {home}
        while queue and attempt.pages < limits.max_pages:
            url = queue.pop(0)
            try:
                final, body = polite.get(url, limits.page_bytes)
            except (WatcherError, httpx.HTTPError) as exc:
                problems.append(str(exc) if url in str(exc) else f"{url}: {exc}")
                continue
            finally:
                attempt.pages += 1
            page = read_page(body.decode("utf-8", "replace"), final)
            if not is_english(page.language):
                problems.append(f"{final}: the page is in another language ({page.language})")
                continue
            for link in page.links:
                platform = recognise(link.url)
                if platform is not None:
                    how = "framed in" if link.framed else "linked from"
                    found.setdefault(
                        (platform.platform, platform.base_url),
                        (platform, link.url, f"{how} {final}"),
                    )
                elif url == home and link.url not in seen and worth_following(link, final):
                    seen.add(link.url)
                    queue.append(link.url)
    return list(found.values()), problems


def _check_all(
    db: sqlite_utils.Database,
    polite: Polite,
    target: Target,
    candidates: list[tuple[PlatformLink, str, str]],
    rejected: set[tuple[str, str]],
    limits: Limits,
    attempt: Attempt,
) -> list[str]:
    """Verify each candidate with one listing request; store each as a proposal. Returns the
    verified ones' descriptions ('' for a failed one)."""
    out = []
    for link, url, evidence in candidates[: limits.max_portals]:
        if (link.platform, link.base_url) in rejected or (link.platform, url) in rejected:
            continue
        status, reason, when = _check(polite, link, url, target, limits)
        proposal = Proposal(
            government=target.government, state=target.state, county_fips=target.fips,
            platform=link.platform, url=link.base_url, client=link.client, evidence=evidence,
            confidence="high" if status == "verified" else "low", status=status,
            reason=None if status == "verified" else reason, verified_at=when,
        )  # fmt: skip
        with db.atomic():
            attempt.portal_ids.append(store_proposal(db, proposal))
        if status == "verified":
            out.append(f"{link.platform} {link.base_url}: {reason}")
        else:
            out.append("")
            attempt.reason = "; ".join(filter(None, [attempt.reason, f"{link.base_url}: {reason}"]))
    return out


def _check(
    polite: Polite, link: PlatformLink, url: str, target: Target, limits: Limits
) -> tuple[str, str, str | None]:
    try:
        _, body = polite.get(listing_url(link, url), limits.listing_bytes)
    except (WatcherError, httpx.HTTPError, ValueError) as exc:
        return "failed", f"the listing request failed: {exc}", None
    verdict = verify(link, body, target.government, target.state)
    return (
        ("verified" if verdict.ok else "failed"),
        verdict.reason,
        now_iso() if verdict.ok else None,
    )
