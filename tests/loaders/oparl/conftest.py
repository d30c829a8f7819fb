"""Fixtures of the OParl loader tests: corpus paths and a live local OParl server."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from oparl_test_server import ServerState, serve_dump  # noqa: E402

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
HUERTGENWALD = CORPUS / "huertgenwald-oparl"
HUERTGENWALD_BASE = "https://sdnetrim.kdvz-frechen.de/rim4220/webservice/oparl/v1.0/"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"corpus folder missing: {path}")
    return path


@pytest.fixture(scope="session")
def huertgenwald() -> Path:
    return _need(HUERTGENWALD)


@pytest.fixture(scope="session")
def corpus() -> Path:
    return _need(CORPUS)


@pytest.fixture()
def oparl_server(huertgenwald: Path) -> Iterator[ServerState]:
    with serve_dump(huertgenwald, HUERTGENWALD_BASE) as state:
        yield state
