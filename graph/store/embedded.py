"""The embedded default store: LadybugDB in a directory on disk, no server.

Ladybug has a typed schema (one table per label, generated from the model),
one label per node and its own Cypher dialect; named queries that cannot be
shared have a `queries/ladybug/` variant. Organisations carry the Organization
label only in Neo4j: here they are the union of the five organisation tables,
and the export adds the label back.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import ladybug

from ratsgraph.graph.errors import QueryError, StoreUnavailable
from ratsgraph.graph.model import NODE_PROPERTIES, RELATIONSHIP_TYPES, GraphBatch
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

ENGINE = "ladybug"


class EmbeddedStore:
    engine = ENGINE

    def __init__(
        self,
        path: Path | str,
        *,
        read_only: bool = False,
        query_timeout_ms: int | None = None,
        buffer_pool_mb: int = 1024,
    ):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.read_only = read_only
        self._buffer_pool_mb = buffer_pool_mb
        self._query_timeout_ms = query_timeout_ms
        # A connection serves one statement at a time; the API calls it from several threads.
        self._lock = threading.RLock()
        self._open()

    def _open(self) -> None:
        try:
            self._db = ladybug.Database(
                str(self.path), read_only=self.read_only, buffer_pool_size=self._buffer_pool_mb * 1024 * 1024
            )
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as exc:
            raise StoreUnavailable(f"cannot open the embedded store at {self.path}: {exc}") from exc
        if self._query_timeout_ms:
            self._conn.set_query_timeout(self._query_timeout_ms)
        self._files = self._file_signature()
        self._checked = time.monotonic()

    def _file_signature(self) -> tuple:
        def sig(path: Path) -> tuple[int, int] | None:
            try:
                st = path.stat()
            except OSError:
                return None
            return st.st_mtime_ns, st.st_size

        return sig(self.path), sig(self.path.with_name(self.path.name + ".wal"))

    def _fresh(self) -> None:
        """A read-only store (the API's) sees what a loader in another process wrote since it opened:
        when the store's files changed, it opens them again (checked at most once a second)."""
        if not self.read_only or time.monotonic() - self._checked < 1.0:
            return
        self._checked = time.monotonic()
        if self._file_signature() != self._files:
            self._conn.close()
            self._db.close()
            self._open()

    # -- plumbing -------------------------------------------------------------

    def _execute(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self._conn.execute(text, params or {})
        results = result if isinstance(result, list) else [result]
        rows: list[dict[str, Any]] = []
        for res in results:
            columns = res.get_column_names()
            while res.has_next():
                rows.append({c: plain(v) for c, v in zip(columns, res.get_next(), strict=True)})
        return rows

    # -- GraphStore -------------------------------------------------------------

    def ensure_schema(self) -> None:
        with self._lock:
            for ddl in statements.ladybug_ddl():
                self._execute(ddl)
            for table in (*NODE_PROPERTIES, *RELATIONSHIP_TYPES):
                existing = {row["name"] for row in self._execute(f"CALL table_info('{table}') RETURN *")}
                for alter in statements.ladybug_add_columns(table, existing):
                    self._execute(alter)

    def write(self, batch: GraphBatch) -> WriteSummary:
        summary = WriteSummary()
        nodes, edges = node_rows(batch), edge_rows(batch)
        with self._lock:
            self._execute("BEGIN TRANSACTION")
            try:
                for label, rows in nodes.items():
                    rows = self._unite_lists(label, rows)
                    self._execute(statements.merge_nodes(label, ENGINE), {"rows": rows})
                    summary.by_label[label] = len(rows)
                    summary.nodes += len(rows)
                for (rel, src, dst), rows in edges.items():
                    written = self._execute(statements.merge_edges(rel, src, dst, ENGINE), {"rows": rows})
                    check_written(rel, src, dst, rows, written[0]["written"] if written else 0)
                    summary.by_type[rel] = summary.by_type.get(rel, 0) + len(rows)
                    summary.edges += len(rows)
                self._execute("COMMIT")
            except BaseException:
                try:
                    self._execute("ROLLBACK")
                except RuntimeError:
                    pass  # an engine error has already rolled the transaction back; keep its message
                raise
        return summary

    def _unite_lists(self, label: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Lists (sources, aliases) grow by union with what is stored; computed here, not in Cypher."""
        names = statements.list_properties_of(label)
        if not names:
            return rows
        stored = {
            row["id"]: row
            for row in self._execute(statements.read_list_properties(label), {"ids": [r["id"] for r in rows]})
        }
        united = []
        for row in rows:
            old = stored.get(row["id"])
            if old:
                row = dict(row)
                for name in names:
                    current = list(old.get(name) or [])
                    row[name] = current + [v for v in (row.get(name) or []) if v not in current]
            united.append(row)
        return united

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        with self._lock:
            self._fresh()
            return self._read(name, params)

    def _read(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        query = get_query(name, ENGINE)
        if query.mode != "read":
            raise QueryError(f"{name} is a {query.mode} query; use run_write")
        return self._cypher(query.text, params)

    def read_many(self, calls: list[tuple[str, dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        """Several named reads under one hold of the connection, so a writer cannot slip in between."""
        with self._lock:
            self._fresh()
            return [self._read(name, params) for name, params in calls]

    def run_write(self, name: str, **params: Any) -> list[dict[str, Any]]:
        query = get_query(name, ENGINE)
        return self.cypher(query.text, params)

    def cypher(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self._lock:
            self._fresh()
            return self._cypher(text, params)

    def _cypher(self, text: str, params: dict[str, Any] | None) -> list[dict[str, Any]]:
        try:
            return self._execute(text, params)
        except RuntimeError as exc:
            raise QueryError(str(exc)) from exc

    def cypher_readonly(
        self,
        text: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        max_rows: int = DEFAULT_MAX_ROWS,
    ) -> ReadResult:
        """A researcher's query: guarded, in a read-only transaction, with a time limit and a row cap.

        Ladybug has no EXPLAIN query type, so the parser-level guard carries more weight here; the
        read-only transaction refuses any write that slips through it.
        """
        check_read_only(text)
        with self._lock:
            self._fresh()
            self._conn.set_query_timeout(timeout_ms)
            try:
                self._execute("BEGIN TRANSACTION READ ONLY")
                try:
                    result = self._conn.execute(text, params or {})
                    if isinstance(result, list):  # several statements: the guard should have refused them
                        raise QueryRefused("only one statement per request")
                    columns = list(result.get_column_names())
                    rows: list[dict[str, Any]] = []
                    truncated = False
                    while result.has_next():
                        if len(rows) >= max_rows:
                            truncated = True
                            break
                        rows.append({c: plain(v) for c, v in zip(columns, result.get_next(), strict=True)})
                    result.close()
                finally:
                    try:
                        self._execute("ROLLBACK")
                    except RuntimeError:
                        pass  # a failed statement has already ended the transaction
            except (RuntimeError, ValueError) as exc:  # ValueError: parameters Ladybug cannot bind
                message = str(exc)
                if "interrupted" in message.lower() or "timeout" in message.lower():
                    raise QueryTimedOut(f"the query ran longer than {timeout_ms / 1000:g} s and was stopped") from exc
                if "read-only" in message.lower() or "read only" in message.lower():
                    raise QueryRefused(message) from exc
                raise QueryError(message) from exc
            finally:
                # 0 switches the limit off again: named queries keep running as before.
                self._conn.set_query_timeout(0)
        return ReadResult(columns, rows, truncated)

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {row["label"]: row["count"] for row in self.read("count_nodes")}
        rels = {row["type"]: row["count"] for row in self.read("count_relationships")}
        return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            self._db.close()
