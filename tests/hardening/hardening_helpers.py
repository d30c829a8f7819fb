"""Shared helpers of the hardening tests: graph fingerprints, paths, the CI rule for Neo4j."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"

VOLATILE = {"loaded_at"}


def canonical_export(store) -> dict[str, Any]:
    """The node-link export in a canonical order, without the volatile `loaded_at`."""
    from ratsgraph.graph.export.nodelink import node_link

    data = node_link(store)
    nodes = sorted(({k: v for k, v in n.items() if k not in VOLATILE} for n in data["nodes"]), key=lambda n: n["id"])
    links = sorted(
        data["links"],
        key=lambda r: (r["source"], r["type"], r["target"], str(r.get("key", "")), json.dumps(r, sort_keys=True)),
    )
    return {"nodes": nodes, "links": links}


def fingerprint(store) -> tuple[dict[str, dict[str, int]], str]:
    """Node and relationship counts and a SHA-256 over the canonical export."""
    export = canonical_export(store)
    blob = json.dumps(export, sort_keys=True, ensure_ascii=False, default=str).encode()
    return store.counts(), hashlib.sha256(blob).hexdigest()


def neo4j_unavailable(reason: str) -> None:
    """In CI a test that needs Neo4j fails when Neo4j cannot start; elsewhere it is skipped."""
    import os

    import pytest

    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"Neo4j is required in CI: {reason}", pytrace=False)
    pytest.skip(f"Neo4j not available: {reason}")
