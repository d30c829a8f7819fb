"""Every named read query gives the same answer on Neo4j and on the embedded store.

The same data goes into both stores (the hand-built sample graph, and the five seed documents once
the text parser can load them); then each query runs with each of its `// example:` parameters on
both. Rows are compared as lists when the query orders them (ORDER BY), else as sorted lists.
Inside values, maps are compared without their null entries (a missing property and a null column
are the same fact), and lists are sorted only when the query's `returns` header says they are
unordered. This is the guard against silent differences between the two Cypher dialects.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sample import sample_batch

from ratsgraph.queries import all_queries, get_query, query_names

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"

# Queries whose answers differ between the engines by design, and what is compared instead.
ENGINE_DEPENDENT = {
    # Neo4j ranks with its Lucene full-text index, the embedded store matches substrings and scores 1.0:
    # the same nodes must be found, in any order and with any score.
    "search": {"ignore_columns": {"score"}, "ignore_order": True},
}


def _canonical(value: Any, unordered_lists: bool) -> Any:
    if isinstance(value, dict):
        return {k: _canonical(v, unordered_lists) for k, v in sorted(value.items()) if v is not None}
    if isinstance(value, list):
        items = [_canonical(v, unordered_lists) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True)) if unordered_lists else items
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def normalise(name: str, rows: list[dict[str, Any]]) -> list[Any]:
    shared = all_queries()[(name, None)]
    rule = ENGINE_DEPENDENT.get(name, {})
    ordered = all(
        re.search(r"\bORDER\s+BY\b", get_query(name, engine).text, re.IGNORECASE) for engine in ("neo4j", "ladybug")
    ) and not rule.get("ignore_order")
    unordered_lists = "unordered" in shared.returns.lower()
    out = []
    for row in rows:
        row = {k: v for k, v in row.items() if k not in rule.get("ignore_columns", set())}
        # Top-level columns keep their nulls: a column that is null on one engine and absent on the other differs.
        out.append({k: _canonical(v, unordered_lists) if isinstance(v, dict | list) else v for k, v in row.items()})
    if not ordered:
        out.sort(key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return out


def _load(store, dataset: str) -> None:
    if dataset == "sample":
        store.write(sample_batch())
    else:
        from ratsgraph.loaders.batch import load_documents

        report = load_documents(sorted(SEEDS.iterdir()), store, clock=lambda: "2026-01-01T00:00:00+00:00")
        assert report.documents == 5


@pytest.fixture(scope="module", params=["sample", "seeds"])
def both_stores(request, neo4j_uri, tmp_path_factory):
    """The same data in an embedded store and in Neo4j, for the whole module (the queries only read)."""
    import os

    from ratsgraph.graph.store.embedded import EmbeddedStore
    from ratsgraph.graph.store.neo4j import Neo4jStore

    embedded = EmbeddedStore(tmp_path_factory.mktemp(f"parity-{request.param}") / "graph.lbug", buffer_pool_mb=1024)
    embedded.ensure_schema()
    neo4j = Neo4jStore(
        neo4j_uri,
        user=os.environ.get("RATSGRAPH_NEO4J_USER"),
        password=os.environ.get("RATSGRAPH_NEO4J_PASSWORD"),
        database=os.environ.get("RATSGRAPH_NEO4J_DATABASE"),
    )
    neo4j.ensure_schema()
    with neo4j._driver.session(database=neo4j.database) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    try:
        _load(embedded, request.param)
        _load(neo4j, request.param)
        yield {"ladybug": embedded, "neo4j": neo4j}
    finally:
        embedded.close()
        neo4j.close()


def test_both_stores_hold_the_same_graph(both_stores):
    assert both_stores["ladybug"].counts() == both_stores["neo4j"].counts()


@pytest.mark.parametrize("name", query_names("read"))
def test_named_query_gives_the_same_answer_on_both_engines(both_stores, name):
    examples = all_queries()[(name, None)].examples
    assert examples, f"{name}.cypher has no '// example:' line"
    for params in examples:
        answers = {engine: normalise(name, store.read(name, **params)) for engine, store in both_stores.items()}
        assert answers["ladybug"] == answers["neo4j"], f"{name} with {params} differs between the engines"
