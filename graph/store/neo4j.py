"""Neo4j through the official driver: UNWIND batches in write transactions, named reads in read transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from ratsgraph.graph.errors import QueryError, StoreUnavailable
from ratsgraph.graph.model import GraphBatch
from ratsgraph.graph.store import statements
from ratsgraph.graph.store.base import WriteSummary, check_written, edge_rows, node_rows, plain
from ratsgraph.graph.store.readonly import (
    DEFAULT_MAX_ROWS,
    DEFAULT_TIMEOUT_MS,
    QueryRefused,
    QueryTimedOut,
    ReadResult,
    check_read_only,
)
from ratsgraph.queries import get_query

ENGINE = "neo4j"

# A dead or unreachable server must fail a call in bounded time, not hang a load or an API worker:
# a TCP connect gives up after CONNECTION_TIMEOUT_S, waiting for a pooled connection after
# ACQUISITION_TIMEOUT_S, and managed transactions (execute_read/execute_write) stop retrying
# transient errors (leader switch, deadlock, lost connection) after MAX_RETRY_TIME_S. A server
# killed mid-transaction resets the socket, so the running call fails at once and is retried
# until MAX_RETRY_TIME_S; tests/hardening/test_faults.py measures it. After such a failure the
# store checks connectivity once before the next call, so a load of many documents against a
# dead server fails each remaining one at once (StoreUnavailable) instead of MAX_RETRY_TIME_S each.
CONNECTION_TIMEOUT_S = 5.0
ACQUISITION_TIMEOUT_S = 30.0
MAX_RETRY_TIME_S = 10.0


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
        connection_timeout_s: float = CONNECTION_TIMEOUT_S,
        acquisition_timeout_s: float = ACQUISITION_TIMEOUT_S,
        max_retry_time_s: float = MAX_RETRY_TIME_S,
    ):
        auth = (user or "neo4j", password) if password else None
        # neo4j:// URIs route: writes go to the leader, read transactions to followers.
        self._driver = GraphDatabase.driver(
            uri,
            auth=auth,
            connection_timeout=connection_timeout_s,
            connection_acquisition_timeout=acquisition_timeout_s,
            max_transaction_retry_time=max_retry_time_s,
            # Named queries ask for properties that not every node has (the model is sparse): the server's
            # "unknown property" notices would otherwise be logged for nearly every call.
            notifications_disabled_categories=["UNRECOGNIZED"],
        )
        self._bookmarks = GraphDatabase.bookmark_manager()
        self.database = database
        self.timeout_s = timeout_s
        self.uri = uri
        self._unreachable = False
        try:
            self._driver.verify_connectivity()
        except (ServiceUnavailable, OSError, ValueError) as exc:
            self._driver.close()
            raise StoreUnavailable(f"cannot reach Neo4j at {uri}: {exc}") from exc

    @contextmanager
    def _reachable(self) -> Iterator[None]:
        """Lost connections as StoreUnavailable; after one, fail fast until the server answers again."""
        if self._unreachable:
            try:
                self._driver.verify_connectivity()
            except (ServiceUnavailable, SessionExpired, OSError) as exc:
                raise StoreUnavailable(f"Neo4j at {self.uri} is unreachable: {exc}") from exc
            self._unreachable = False
        try:
            yield
        except (ServiceUnavailable, SessionExpired) as exc:
            self._unreachable = True
            raise StoreUnavailable(f"lost the connection to Neo4j at {self.uri}: {exc}") from exc

    def _session(self, access: str) -> neo4j.Session:
        # One bookmark manager for all sessions: on a cluster, a read routed to a follower waits
        # until that follower has the writes this store made (causal consistency).
        return self._driver.session(
            database=self.database, default_access_mode=access, bookmark_manager=self._bookmarks
        )

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

        with self._reachable(), self._session(neo4j.WRITE_ACCESS) as session:
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

    def read_many(self, calls: list[tuple[str, dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        """Several named reads in ONE read transaction: one round of BEGIN/COMMIT for a whole API answer."""
        queries = []
        for name, _ in calls:
            query = get_query(name, ENGINE)
            if query.mode != "read":
                raise QueryError(f"{name} is a {query.mode} query; use run_write")
            queries.append(query.text)

        @neo4j.unit_of_work(
            metadata={"app": "ratsgraph", "query": "+".join(n for n, _ in calls)}, timeout=self.timeout_s
        )
        def work(tx: neo4j.ManagedTransaction) -> list[list[dict[str, Any]]]:
            return [
                [{k: plain(v) for k, v in record.items()} for record in tx.run(text, params)]
                for text, (_, params) in zip(queries, calls, strict=True)
            ]

        with self._reachable(), self._session(neo4j.READ_ACCESS) as session:
            return session.execute_read(work)

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
            with self._reachable(), self._session(access) as session:
                if access == neo4j.READ_ACCESS:
                    return session.execute_read(work)
                return session.execute_write(work)
        except neo4j.exceptions.CypherSyntaxError as exc:
            raise QueryError(str(exc)) from exc

    def cypher_readonly(
        self,
        text: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        max_rows: int = DEFAULT_MAX_ROWS,
    ) -> ReadResult:
        """A researcher's query: guarded, EXPLAINed (read-only plans only), in a READ transaction, bounded."""
        check_read_only(text)
        params = params or {}
        metadata = {"app": "ratsgraph", "query": "cypher_readonly"}
        try:
            with self._reachable(), self._session(neo4j.READ_ACCESS) as session:
                # An explicit transaction: a managed one would retry a timed-out query.
                with session.begin_transaction(metadata=metadata, timeout=timeout_ms / 1000) as tx:
                    query_type = tx.run("EXPLAIN " + text, params).consume().query_type
                    if query_type != "r":
                        raise QueryRefused(f"the query is of type {query_type!r}; only read queries ('r') may run")
                    result = tx.run(text, params)
                    columns = list(result.keys())
                    rows: list[dict[str, Any]] = []
                    truncated = False
                    for record in result:
                        if len(rows) >= max_rows:
                            truncated = True
                            break
                        rows.append({k: _graph_value(v) for k, v in record.items()})
                    tx.rollback()
        except neo4j.exceptions.Neo4jError as exc:
            code = exc.code or ""
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise QueryTimedOut(f"the query ran longer than {timeout_ms / 1000:g} s and was stopped") from exc
            if code.startswith("Neo.ClientError.Security") or "AccessMode" in code or "ForbiddenOnReadOnly" in code:
                raise QueryRefused(exc.message or code) from exc
            raise QueryError(exc.message or str(exc)) from exc
        except (ValueError, OverflowError) as exc:  # the driver cannot send a parameter (an int beyond 64 bits)
            raise QueryError(f"invalid parameter: {exc}") from exc
        return ReadResult(columns, rows, truncated)

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {row["label"]: row["count"] for row in self.read("count_nodes")}
        rels = {row["type"]: row["count"] for row in self.read("count_relationships")}
        return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}

    def close(self) -> None:
        self._driver.close()


def _graph_value(value: Any) -> Any:
    """Driver graph objects to plain values: a node or relationship as its properties, a path as a list."""
    if isinstance(value, neo4j.graph.Node | neo4j.graph.Relationship):
        return plain(dict(value.items()))
    if isinstance(value, neo4j.graph.Path):
        items: list[Any] = [value.start_node]
        for rel in value.relationships:
            items += [rel, rel.end_node]
        return [_graph_value(v) for v in items]
    if isinstance(value, list | tuple):
        return [_graph_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _graph_value(v) for k, v in value.items()}
    return plain(value)
