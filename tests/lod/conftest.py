"""Fixtures of the LOD tests: the small batch in an embedded store, and an app with the LOD router."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from lodbatch import BASE, small_batch  # noqa: E402


@pytest.fixture
def lod_store(embedded_store):
    embedded_store.write(small_batch())
    return embedded_store


@pytest.fixture
def client(lod_store, monkeypatch):
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from ratsgraph.api.lod import router
    from ratsgraph.graph.settings import Settings

    app = FastAPI()
    app.state.store = lod_store
    app.state.settings = Settings(base_uri=BASE)
    app.include_router(router)
    return TestClient(app)
