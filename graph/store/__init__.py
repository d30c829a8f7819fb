"""Graph stores: `open_store()` picks the engine the settings name."""

from __future__ import annotations

from ratsgraph.graph.errors import StoreUnavailable
from ratsgraph.graph.settings import Settings
from ratsgraph.graph.store.base import GraphStore, WriteSummary

DEFAULT_NEO4J_PASSWORDS = {"neo4j", "password", "test", "changeme"}


def open_store(settings: Settings | None = None, *, engine: str | None = None, read_only: bool = False) -> GraphStore:
    settings = settings or Settings()
    engine = engine or settings.store
    if engine == "neo4j":
        from ratsgraph.graph.store.neo4j import Neo4jStore

        if settings.environment != "development" and settings.neo4j_password in DEFAULT_NEO4J_PASSWORDS:
            raise StoreUnavailable("refusing a default Neo4j password outside development (RATSGRAPH_NEO4J_PASSWORD)")
        return Neo4jStore(
            settings.neo4j_uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
        )
    if engine in ("embedded", "ladybug"):
        from ratsgraph.graph.store.embedded import EmbeddedStore

        return EmbeddedStore(settings.embedded_path, read_only=read_only, buffer_pool_mb=settings.embedded_buffer_mb)
    raise StoreUnavailable(f"unknown store {engine!r} (embedded or neo4j)")


__all__ = ["GraphStore", "WriteSummary", "open_store"]
