"""Health and statistics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ratsgraph import __version__
from ratsgraph.api.deps import StoreDep
from ratsgraph.api.errors import ApiProblem

router = APIRouter(tags=["meta"])


@router.get("/health", summary="Is the API up and does the store answer?")
def health(store: StoreDep) -> dict[str, Any]:
    try:
        store.read("ping")
    except Exception as exc:  # any failure of the store means unhealthy
        raise ApiProblem(503, "the graph store does not answer", kind="store-unavailable") from exc
    return {"status": "ok", "engine": store.engine, "version": __version__}


@router.get("/stats", summary="Node and relationship counts")
def stats(store: StoreDep) -> dict[str, Any]:
    counts = store.counts()
    return {
        "engine": store.engine,
        "nodes": counts["nodes"],
        "relationships": counts["relationships"],
        "total_nodes": sum(counts["nodes"].values()),
        "total_relationships": sum(counts["relationships"].values()),
    }
