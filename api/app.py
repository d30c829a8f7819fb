"""FastAPI application factory."""

from __future__ import annotations

from fastapi import FastAPI

from ratsgraph import __version__
from ratsgraph.graph.store import open_store


def create_app(engine: str | None = None) -> FastAPI:
    app = FastAPI(title="ratsgraph", version=__version__)
    app.state.store = open_store(engine=engine)

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok", "engine": app.state.store.engine}

    return app
