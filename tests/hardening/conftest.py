"""The hardening tests import their helpers (hardening_helpers) and the synthetic council (benchmarks/)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "benchmarks"))
sys.path.insert(0, str(HERE))

import os  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

SEEDS = HERE.parents[0] / "fixtures" / "seeds"


def _seed(store) -> None:
    from ratsgraph.loaders.batch import load_documents

    report = load_documents([SEEDS], store)
    assert report.ok, report.problems


@pytest.fixture(scope="module")
def seeded_embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    from ratsgraph.graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path_factory.mktemp("seeded") / "graph.lbug", buffer_pool_mb=1024)
    store.ensure_schema()
    _seed(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def seeded_neo4j(neo4j_uri: str) -> Iterator:
    from ratsgraph.graph.store.neo4j import Neo4jStore

    store = Neo4jStore(
        neo4j_uri,
        user=os.environ.get("RATSGRAPH_NEO4J_USER"),
        password=os.environ.get("RATSGRAPH_NEO4J_PASSWORD"),
        database=os.environ.get("RATSGRAPH_NEO4J_DATABASE"),
    )
    store.ensure_schema()
    with store._driver.session(database=store.database) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    _seed(store)
    yield store
    store.close()


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def seeded_store(request: pytest.FixtureRequest):
    """The five seeds loaded, once per module and engine (the tests only read)."""
    return request.getfixturevalue(f"seeded_{request.param}")
