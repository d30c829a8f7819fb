"""Fixtures for the API tests: a store (both engines) with the hand-built sample graph, and a client on it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sample import sample_batch  # noqa: E402


@pytest.fixture
def sample_store(store):
    store.write(sample_batch())
    return store


@pytest.fixture
def client(sample_store):
    from fastapi.testclient import TestClient

    from ratsgraph.api.app import create_app

    app = create_app(store=sample_store, cypher_timeout_ms=2000)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
