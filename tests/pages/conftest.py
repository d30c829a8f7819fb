"""A real uvicorn server with the pages router over a store holding the council sample, and headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from pages.council_sample import sample_batch

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve `app` with uvicorn on a free 127.0.0.1 port in a thread; yields the base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def pages_app(store) -> FastAPI:
    from ratsgraph.api.pages.router import router

    app = FastAPI()
    app.state.store = store
    app.include_router(router)
    return app


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def served(request, tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(engine, base URL) of a live server over each store, loaded with the council sample."""
    if request.param == "embedded":
        from ratsgraph.graph.store.embedded import EmbeddedStore

        store = EmbeddedStore(tmp_path_factory.mktemp("pages") / "graph.lbug", buffer_pool_mb=1024)
    else:
        from ratsgraph.graph.store.neo4j import Neo4jStore

        uri = request.getfixturevalue("neo4j_uri")
        store = Neo4jStore(
            uri,
            user=os.environ.get("RATSGRAPH_NEO4J_USER"),
            password=os.environ.get("RATSGRAPH_NEO4J_PASSWORD"),
            database=os.environ.get("RATSGRAPH_NEO4J_DATABASE"),
        )
        with store._driver.session(database=store.database) as session:
            session.run("MATCH (n) DETACH DELETE n").consume()
    store.ensure_schema()
    store.write(sample_batch())
    try:
        with live_server(pages_app(store)) as base_url:
            yield request.param, base_url
    finally:
        store.close()


def _chromium_path() -> str | None:
    return os.environ.get("RATSGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright; in CI a missing Chromium fails the test, never skips it."""
    path = _chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        if IN_CI:
            pytest.fail(f"playwright is required in CI: {exc}", pytrace=False)
        pytest.skip(f"playwright not installed: {exc}")
    if path is None:
        if IN_CI:
            pytest.fail("Chromium is required in CI (apt-get install chromium)", pytrace=False)
        pytest.skip("Chromium not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
