"""Shared fixtures: both real stores (a Neo4j started from Maven jars, the embedded store in a temp dir)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

sys.path.insert(0, str(Path(__file__).parent))


def _unavailable(reason: str) -> None:
    # In CI a test that needs Neo4j must fail, never skip, when Neo4j cannot start.
    if IN_CI:
        pytest.fail(f"Neo4j is required in CI: {reason}", pytrace=False)
    pytest.skip(f"Neo4j not available: {reason}")


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    uri = os.environ.get("RATSGRAPH_NEO4J_URI")
    if uri:
        yield uri
        return
    from neo4j_server import start_neo4j_test_server

    try:
        server = start_neo4j_test_server()
    except Exception as exc:  # any failure to start is reported the same way
        _unavailable(str(exc))
        return
    try:
        yield server.uri
    finally:
        server.stop()


def _clear(store) -> None:
    with store._driver.session(database=store.database) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture
def neo4j_store(neo4j_uri: str):
    from ratsgraph.graph.store.neo4j import Neo4jStore

    store = Neo4jStore(
        neo4j_uri,
        user=os.environ.get("RATSGRAPH_NEO4J_USER"),
        password=os.environ.get("RATSGRAPH_NEO4J_PASSWORD"),
        database=os.environ.get("RATSGRAPH_NEO4J_DATABASE"),
    )
    store.ensure_schema()
    _clear(store)
    yield store
    store.close()


@pytest.fixture
def embedded_store(tmp_path: Path):
    from ratsgraph.graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "graph.lbug", buffer_pool_mb=1024)
    store.ensure_schema()
    yield store
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request):
    """Each test that takes `store` runs on both engines."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS
