"""Settings from the environment (prefix RATSGRAPH_). Secrets come only from here."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RATSGRAPH_", extra="ignore")

    store: str = Field("embedded", pattern="^(embedded|neo4j)$")
    data_dir: Path = Path(user_data_dir("ratsgraph"))
    council: str = "dortmund"
    # LadybugDB's page cache; a load touches pages of every table, so small pools fill up early.
    embedded_buffer_mb: int = 2048
    neo4j_uri: str = "bolt://localhost:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    environment: str = "development"
    base_uri: str = "https://ratsgraph.example.org"
    cypher_token: str | None = None
    cors_origins: str = ""

    @property
    def embedded_path(self) -> Path:
        return self.data_dir / "graph.lbug"
