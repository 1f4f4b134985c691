"""Shared test helpers: paths to the real public documents in ../shared (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """Path to a real document under ../shared; skips the test with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the real ICE and county documents live in ../shared")
    return path


# Fixtures shared by several test modules, defined beside the helpers they drive.
from http_server import http_server  # noqa: E402, F401
from smtp_server import smtp_server  # noqa: E402, F401
