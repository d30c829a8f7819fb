"""One JSON error shape for every error the API returns: RFC 9457 problem details.

`{"type": ..., "title": ..., "status": ..., "detail": ...}` as `application/problem+json`, for
404s, validation errors (with the offending fields under `errors`), refused queries and
unexpected failures alike. Responses never carry stack traces; unexpected errors are logged.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ratsgraph.graph.errors import QueryError, QueryNotFound, StoreUnavailable
from ratsgraph.graph.store.readonly import QueryRefused, QueryTimedOut

log = logging.getLogger("ratsgraph.api")

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://ratsgraph.example.org/problems/"

_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    408: "Request timeout",
    413: "Content too large",
    422: "Invalid request",
    500: "Internal server error",
    503: "Service unavailable",
}


class ApiProblem(Exception):
    """Raise from a route to answer with a problem document."""

    def __init__(self, status: int, detail: str, *, kind: str | None = None, title: str | None = None, **extra: Any):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.kind = kind
        self.title = title
        self.extra = extra


def problem(
    status: int, detail: str, *, kind: str | None = None, title: str | None = None, **extra: Any
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + kind if kind else "about:blank",
        "title": title or _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        **extra,
    }
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def not_found(what: str, id: str) -> ApiProblem:
    return ApiProblem(404, f"no {what} with id {id!r}", kind="not-found")


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiProblem)
    async def _api_problem(_: Request, exc: ApiProblem) -> JSONResponse:
        return problem(exc.status, exc.detail, kind=exc.kind, title=exc.title, **exc.extra)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "Error")
        return problem(exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(part) for part in err.get("loc", ())], "msg": err.get("msg", ""), "type": err.get("type", "")}
            for err in exc.errors()
        ]
        where = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors)
        return problem(422, where or "the request is not valid", kind="validation", errors=errors)

    @app.exception_handler(QueryRefused)
    async def _refused(_: Request, exc: QueryRefused) -> JSONResponse:
        return problem(403, str(exc), kind="query-refused", title="Query refused")

    @app.exception_handler(QueryTimedOut)
    async def _timeout(_: Request, exc: QueryTimedOut) -> JSONResponse:
        return problem(408, str(exc), kind="query-timeout", title="Query timed out")

    @app.exception_handler(QueryNotFound)
    async def _query_not_found(_: Request, exc: QueryNotFound) -> JSONResponse:
        log.error("named query missing: %s", exc)
        return problem(500, "the server lacks a query it needs", kind="internal")

    @app.exception_handler(QueryError)
    async def _query_error(_: Request, exc: QueryError) -> JSONResponse:
        # Raised by named queries (a server bug) and by researchers' Cypher (their mistake): the
        # /cypher route turns its own errors into 400 before they get here.
        log.error("query failed: %s", exc)
        return problem(500, "a query failed on the graph store", kind="internal")

    @app.exception_handler(StoreUnavailable)
    async def _unavailable(_: Request, exc: StoreUnavailable) -> JSONResponse:
        log.error("store unavailable: %s", exc)
        return problem(503, "the graph store is not available", kind="store-unavailable")

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return problem(500, "an unexpected error occurred", kind="internal")
