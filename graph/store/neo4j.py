"""Neo4j through the official driver: UNWIND batches in write transactions, named reads in read transactions."""

from __future__ import annotations

from typing import Any

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import ServiceUnavailable
from ratsgraph.graph.errors import QueryError, StoreUnavailable
from ratsgraph.graph.model import GraphBatch
from ratsgraph.graph.store import statements
from ratsgraph.graph.store.base import WriteSummary, check_written, edge_rows, node_rows, plain
from ratsgraph.queries import get_query

ENGINE = "neo4j"


class Neo4jStore:
    engine = ENGINE

    def __init__(
        self,
        uri: str,
        *,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        timeout_s: float | None = None,
    ):
        auth = (user or "neo4j", password) if password else None
        # neo4j:// URIs route: writes go to the leader, read transactions to followers.
        self._driver = GraphDatabase.driver(uri, auth=auth, max_transaction_retry_time=30.0)
        self.database = database
        self.timeout_s = timeout_s
        self.uri = uri
        try:
            self._driver.verify_connectivity()
        except (ServiceUnavailable, OSError, ValueError) as exc:
            self._driver.close()
            raise StoreUnavailable(f"cannot reach Neo4j at {uri}: {exc}") from exc

    def _session(self, access: str) -> neo4j.Session:
        return self._driver.session(database=self.database, default_access_mode=access)

    def ensure_schema(self) -> None:
        with self._session(neo4j.WRITE_ACCESS) as session:
            for statement in statements.neo4j_schema():
                session.run(statement).consume()

    def write(self, batch: GraphBatch) -> WriteSummary:
        nodes, edges = node_rows(batch), edge_rows(batch)
        summary = WriteSummary()

        def work(tx: neo4j.ManagedTransaction) -> None:
            for label, rows in nodes.items():
                tx.run(statements.merge_nodes(label, ENGINE), rows=rows).consume()
            for (rel, src, dst), rows in edges.items():
                written = tx.run(statements.merge_edges(rel, src, dst, ENGINE), rows=rows).single()
                check_written(rel, src, dst, rows, written["written"] if written else 0)

        with self._session(neo4j.WRITE_ACCESS) as session:
            # execute_write retries the whole transaction on transient errors (deadlocks, leader switches).
            session.execute_write(work)
        for label, rows in nodes.items():
            summary.by_label[label] = len(rows)
            summary.nodes += len(rows)
        for (rel, _, _), rows in edges.items():
            summary.by_type[rel] = summary.by_type.get(rel, 0) + len(rows)
            summary.edges += len(rows)
        return summary

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        query = get_query(name, ENGINE)
        if query.mode != "read":
            raise QueryError(f"{name} is a {query.mode} query; use run_write")
        return self._run(name, query.text, params, neo4j.READ_ACCESS)

    def run_write(self, name: str, **params: Any) -> list[dict[str, Any]]:
        query = get_query(name, ENGINE)
        return self._run(name, query.text, params, neo4j.WRITE_ACCESS)

    def cypher(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._run("cypher", text, params or {}, neo4j.READ_ACCESS)

    def _run(self, name: str, text: str, params: dict[str, Any], access: str) -> list[dict[str, Any]]:
        # The metadata names the query in SHOW TRANSACTIONS and query.log.
        @neo4j.unit_of_work(metadata={"app": "ratsgraph", "query": name}, timeout=self.timeout_s)
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [{k: plain(v) for k, v in record.items()} for record in tx.run(text, params)]

        try:
            with self._session(access) as session:
                if access == neo4j.READ_ACCESS:
                    return session.execute_read(work)
                return session.execute_write(work)
        except neo4j.exceptions.CypherSyntaxError as exc:
            raise QueryError(str(exc)) from exc

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {row["label"]: row["count"] for row in self.read("count_nodes")}
        rels = {row["type"]: row["count"] for row in self.read("count_relationships")}
        return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}

    def close(self) -> None:
        self._driver.close()
