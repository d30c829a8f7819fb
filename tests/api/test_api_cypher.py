"""/cypher for researchers: reads run, everything else is refused, and the graph is unchanged afterwards."""

from __future__ import annotations

import pytest

from ratsgraph.graph.store.readonly import QueryRefused, check_read_only

REFUSED = [
    "CREATE (n:Person {id: 'x', name: 'x'}) RETURN n",
    "MERGE (n:Person {id: 'dortmund/person/reppin-udo'}) RETURN n.id",
    "MATCH (n:Paper) DELETE n",
    "MATCH (n:Paper) DETACH DELETE n",
    "MATCH (n:Paper) SET n.title = 'hacked' RETURN n.id",
    "MATCH (n:Paper) REMOVE n.title RETURN n.id",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "LOAD FROM 'file:///etc/passwd' RETURN *",
    "COPY Paper FROM 'papers.csv'",
    "CALL dbms.components() YIELD name RETURN name",
    "CALL dbms.security.createUser('x', 'y', false)",
    "CALL apoc.cypher.runWrite('CREATE (n)', {}) YIELD value RETURN value",
    "RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) RETURN count(n)', {}) AS n",
    "CALL db.createLabel('Evil')",
    "CALL timeout=1",
    "CREATE INDEX evil FOR (n:Paper) ON (n.title)",
    "DROP INDEX search",
    "DROP TABLE Paper",
    "ALTER TABLE Paper ADD evil STRING",
    "CREATE CONSTRAINT evil FOR (n:Paper) REQUIRE n.title IS UNIQUE",
    "INSTALL httpfs",
    "ATTACH 'other.lbug' AS other (dbtype lbug)",
    "EXPORT DATABASE '/tmp/evil'",
    "BEGIN TRANSACTION",
    "CHECKPOINT",
    "MATCH (n:Paper) FOREACH (x IN [1] | SET n.title = 'x')",
    "MATCH (n:Paper) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS RETURN 1",
    # hidden writes: keywords split by comments, a second statement after a string or comment trick
    "MATCH (n:Paper) RETURN n.id /* harmless */; MATCH (n) DETACH DELETE n",
    "MATCH (n:Paper) WHERE n.title = 'a;b' RETURN n.id; CREATE (x:Person {id: 'y'})",
    "MATCH (n:Paper) RETURN n.id // comment\n SET n.title = 'x'",
    "MATCH (n:Paper) WHERE n.title <> '/*' SET n.title = 'x' RETURN '*/'",
    'MATCH (n:Paper) WITH n, "it\'s" AS s SET n.title = s RETURN n.id',
    "mAtCh (n:Paper) sEt n.title = 'x'",
    "USE system SHOW USERS",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "",
    "   ",
]

ALLOWED = [
    "MATCH (n:Paper) RETURN n.id AS id ORDER BY id",
    "MATCH (n:Paper) WHERE n.title CONTAINS 'CREATE' RETURN n.id // DELETE in a comment is fine",
    "MATCH (n:Paper {id: $id}) RETURN n.reference AS reference",
    "MATCH (p:Paper)-[r:SUBMITTED]-(a) RETURN r.start AS start, r.`end` AS `end`, a.`set` IS NULL AS x",
]


@pytest.mark.parametrize("query", REFUSED)
def test_guard_refuses(query):
    with pytest.raises(QueryRefused):
        check_read_only(query)


@pytest.mark.parametrize("query", ALLOWED)
def test_guard_lets_reads_through(query):
    assert check_read_only(query) == query


def test_reads_run_and_return_columns_and_rows(client):
    response = client.post("/cypher", json={"query": "MATCH (n:Paper) RETURN n.id AS id ORDER BY id"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"] == ["id"]
    assert [r["id"] for r in body["rows"]][0] == "dortmund/paper/07035-17"
    assert body["truncated"] is False and body["row_count"] == 4
    with_params = client.post(
        "/cypher",
        json={"query": "MATCH (n:Paper {id: $id}) RETURN n.reference AS r", "params": {"id": PAPER_ID}},
    )
    assert with_params.json()["rows"] == [{"r": "26309-22-E1"}]
    by_get = client.get("/cypher", params={"query": "MATCH (n:Person) RETURN count(*) AS n"})
    assert by_get.json()["rows"] == [{"n": 3}]
    nodes = client.post("/cypher", json={"query": f"MATCH (n:Paper {{id: '{PAPER_ID}'}}) RETURN n"}).json()
    assert nodes["rows"][0]["n"]["reference"] == "26309-22-E1"


PAPER_ID = "dortmund/paper/26309-22-e1"


def test_every_refused_query_is_refused_and_the_graph_is_unchanged(client, sample_store):
    before = sample_store.counts()
    titles = sample_store.cypher("MATCH (n:Paper) RETURN n.id AS id, n.title AS t ORDER BY id")
    for query in REFUSED:
        response = client.post("/cypher", json={"query": query}) if query.strip() else client.get("/cypher")
        assert response.status_code in (403, 422), (query, response.status_code, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert set(response.json()) >= {"type", "title", "status", "detail"}
    assert sample_store.counts() == before
    assert sample_store.cypher("MATCH (n:Paper) RETURN n.id AS id, n.title AS t ORDER BY id") == titles
    assert client.get("/health").json()["status"] == "ok"


def test_the_store_refuses_a_write_even_past_the_guard(sample_store, monkeypatch):
    """The second line of defence: EXPLAIN on Neo4j, the read-only transaction on the embedded store."""
    import importlib

    module = importlib.import_module(type(sample_store).__module__)
    monkeypatch.setattr(module, "check_read_only", lambda text: text)
    before = sample_store.counts()
    for query in (
        "CREATE (n:Person {id: 'x', name: 'x'}) RETURN n.id",
        "MATCH (n:Paper) SET n.title = 'hacked' RETURN n.id",
        "MATCH (n:Paper) DETACH DELETE n",
    ):
        with pytest.raises(QueryRefused):
            sample_store.cypher_readonly(query)
    assert sample_store.counts() == before


def test_a_syntax_error_is_a_400_problem(client):
    response = client.post("/cypher", json={"query": "MATCH (n RETURN n"})
    assert response.status_code == 400
    assert response.json()["title"] == "Query failed"


def test_an_expensive_cartesian_product_times_out_and_the_server_stays_healthy(client, sample_store):
    before = sample_store.counts()
    query = (
        "MATCH (a), (b), (c), (d), (e), (f) WHERE a.id + b.id + c.id + d.id + e.id + f.id <> 'x' RETURN count(*) AS n"
    )
    response = client.post("/cypher", json={"query": query})
    assert response.status_code == 408, response.text
    assert response.json()["title"] == "Query timed out"
    assert client.get("/health").json()["status"] == "ok"
    assert client.get(f"/papers/{PAPER_ID}").status_code == 200
    assert sample_store.counts() == before


def test_large_results_are_capped_and_marked_truncated(sample_store):
    from fastapi.testclient import TestClient

    from ratsgraph.api.app import create_app

    app = create_app(store=sample_store, cypher_max_rows=100)
    with TestClient(app) as client:
        body = client.post("/cypher", json={"query": "MATCH (a), (b), (c) RETURN a.id, b.id, c.id"}).json()
    assert body["row_count"] == 100 and body["truncated"] is True


def test_allowed_procedures_run(client, sample_store):
    query = (
        "CALL db.labels() YIELD label RETURN label"
        if sample_store.engine == "neo4j"
        else "CALL show_tables() RETURN name"
    )
    assert client.post("/cypher", json={"query": query}).status_code == 200


def test_token_protects_the_endpoint_when_configured(sample_store):
    from fastapi.testclient import TestClient

    from ratsgraph.api.app import create_app
    from ratsgraph.graph.settings import Settings

    app = create_app(store=sample_store, settings=Settings(cypher_token="s3cret"))
    query = {"query": "RETURN 1 AS one"}
    with TestClient(app) as client:
        missing = client.post("/cypher", json=query)
        wrong = client.post("/cypher", json=query, headers={"Authorization": "Bearer nope"})
        right = client.post("/cypher", json=query, headers={"Authorization": "Bearer s3cret"})
        other = client.get("/papers")
    assert missing.status_code == 401 and wrong.status_code == 401
    assert missing.headers["content-type"] == "application/problem+json"
    assert right.status_code == 200 and right.json()["rows"] == [{"one": 1}]
    assert other.status_code == 200
