"""Read-only Cypher for researchers: POST /cypher {"query", "params"} or GET /cypher?query=...

Guarded three ways (see graph/store/readonly.py): a parser-level refusal of writes, file access,
schema and admin commands and of procedures outside an allow-list; on Neo4j an EXPLAIN that
must report a read-only query, then a READ transaction; on the embedded store a read-only
transaction. Every query has a time limit and a row cap. An optional bearer token
(RATSGRAPH_CYPHER_TOKEN) protects the endpoint.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Query, Request
from pydantic import BaseModel, Field

from ratsgraph.api.deps import StoreDep
from ratsgraph.api.errors import ApiProblem
from ratsgraph.graph.errors import QueryError
from ratsgraph.graph.store.readonly import MAX_QUERY_CHARS, QueryRefused, QueryTimedOut

router = APIRouter(tags=["cypher"])


class CypherRequest(BaseModel):
    query: str = Field(min_length=1, max_length=MAX_QUERY_CHARS, description="One read-only Cypher query.")
    params: dict[str, Any] = Field(default_factory=dict, description="Query parameters ($name).")


def _authorize(request: Request, authorization: str | None) -> None:
    token = request.app.state.settings.cypher_token
    if not token:
        return
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiProblem(401, "this endpoint needs 'Authorization: Bearer <token>'", kind="unauthorized")


def _run(request: Request, store, query: str, params: dict[str, Any]) -> dict[str, Any]:
    limits = request.app.state.cypher_limits
    try:
        result = store.cypher_readonly(query, params, timeout_ms=limits["timeout_ms"], max_rows=limits["max_rows"])
    except (QueryRefused, QueryTimedOut):
        raise
    except QueryError as exc:
        raise ApiProblem(400, str(exc), kind="query-error", title="Query failed") from exc
    return {
        "columns": result.columns,
        "rows": result.rows,
        "row_count": len(result.rows),
        "truncated": result.truncated,
        "max_rows": limits["max_rows"],
        "engine": store.engine,
    }


@router.post("/cypher", summary="Run a read-only Cypher query")
def cypher_post(
    request: Request,
    store: StoreDep,
    body: Annotated[CypherRequest, Body()],
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    _authorize(request, authorization)
    return _run(request, store, body.query, body.params)


@router.get("/cypher", summary="Run a read-only Cypher query (no parameters)")
def cypher_get(
    request: Request,
    store: StoreDep,
    query: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)],
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    _authorize(request, authorization)
    return _run(request, store, query, {})
