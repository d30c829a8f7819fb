"""FastAPI application factory: the JSON API over the graph store, plus the pages and Linked Data routers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import ORJSONResponse

from ratsgraph import __version__
from ratsgraph.api.errors import install_error_handlers
from ratsgraph.api.routes import cypher, decisions, meetings, meta, organizations, papers, persons, search
from ratsgraph.graph.settings import Settings
from ratsgraph.graph.store import GraphStore, open_store
from ratsgraph.graph.store.readonly import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS

log = logging.getLogger("ratsgraph.api")

DESCRIPTION = """
A knowledge graph of a city council: persons, organisations, papers, meetings, decisions and votes,
each fact with the evidence text and the source document it was read from.

Ids contain slashes (`dortmund/paper/26309-22-e1`) and are used as they are in paths:
`/papers/dortmund/paper/26309-22-e1`. Lists take `limit` (at most 500) and `offset` and answer
`{items, limit, offset, next_offset}`. Errors are `application/problem+json`.
"""


def _open(engine: str | None, settings: Settings) -> GraphStore:
    engine = engine or settings.store
    # The API only reads: open an existing embedded store read-only, so a loader may hold it for writing.
    read_only = engine in ("embedded", "ladybug") and settings.embedded_path.exists()
    store = open_store(settings, engine=engine, read_only=read_only)
    if not read_only:
        store.ensure_schema()
    return store


def create_app(
    engine: str | None = None,
    store: GraphStore | None = None,
    *,
    settings: Settings | None = None,
    cypher_timeout_ms: int = DEFAULT_TIMEOUT_MS,
    cypher_max_rows: int = DEFAULT_MAX_ROWS,
) -> FastAPI:
    """The API on `store` if given (tests inject one; it is not closed), else on the store the settings name."""
    settings = settings or Settings()
    owned = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            app.state.store.close()

    app = FastAPI(
        title="ratsgraph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs",
        openapi_url="/openapi.json",
        # orjson serialises the nested life-cycle answers several times faster than the standard encoder.
        default_response_class=ORJSONResponse,
    )
    app.state.settings = settings
    app.state.store = store if store is not None else _open(engine, settings)
    app.state.cypher_limits = {"timeout_ms": cypher_timeout_ms, "max_rows": cypher_max_rows}

    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type"],
        )
    install_error_handlers(app)
    for module in (meta, persons, organizations, papers, meetings, decisions, search, cypher):
        app.include_router(module.router)
    _include_optional(app, "ratsgraph.api.pages.router")
    _include_optional(app, "ratsgraph.api.lod")
    return app


def _include_optional(app: FastAPI, module_name: str) -> None:
    """Routers other parts of the project deliver (network pages, Linked Data), when they are installed."""
    import importlib

    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        log.info("not serving %s: %s", module_name, exc)
        return
    router = getattr(module, "router", None)
    if router is not None:
        app.include_router(router)
