"""The GraphStore interface and what both engines share: turning a GraphBatch into rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Protocol

from ratsgraph.graph.errors import RatsgraphError
from ratsgraph.graph.model import (
    NODE_PROPERTIES,
    RELATIONSHIP_TYPES,
    Edge,
    GraphBatch,
    validate_edge,
    validate_node,
)


class DanglingEdge(RatsgraphError):
    """A batch names an edge endpoint that exists nowhere; the whole batch is rolled back."""


@dataclass
class WriteSummary:
    nodes: int = 0
    edges: int = 0
    by_label: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)


class GraphStore(Protocol):
    """One interface, two engines: Neo4j over Bolt and the embedded store."""

    engine: str

    def ensure_schema(self) -> None: ...

    def write(self, batch: GraphBatch) -> WriteSummary:
        """Write a batch idempotently in one transaction: all of it or nothing."""
        ...

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a named read query and return plain values."""
        ...

    def read_many(self, calls: list[tuple[str, dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        """Run several named read queries together (one transaction where the engine has them)."""
        ...

    def run_write(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a named write query (mode: write) in a write transaction."""
        ...

    def counts(self) -> dict[str, dict[str, int]]: ...

    def close(self) -> None: ...


def _merge_props(old: dict[str, Any], new: dict[str, Any], types: dict[str, str]) -> dict[str, Any]:
    merged = dict(old)
    for key, value in new.items():
        if value is None:
            continue
        if types.get(key, "").endswith("[]"):
            current = list(merged.get(key) or [])
            merged[key] = current + [v for v in value if v not in current]
        elif merged.get(key) is None:
            merged[key] = value
    return merged


def node_rows(batch: GraphBatch) -> dict[str, list[dict[str, Any]]]:
    """Rows per label, one per id (repeated nodes merged), every declared property present."""
    merged: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for node in batch.nodes:
        validate_node(node)
        types = NODE_PROPERTIES[node.label]
        props = {k: v for k, v in node.props.items() if v is not None}
        sources = sorted({e.document_id for e in node.evidence})
        if sources and "sources" in types:
            props["sources"] = list(props.get("sources") or []) + [
                s for s in sources if s not in (props.get("sources") or [])
            ]
        table = merged[node.label]
        table[node.id] = _merge_props(table.get(node.id, {"id": node.id}), props, types)
    rows: dict[str, list[dict[str, Any]]] = {}
    for label, by_id in merged.items():
        names = NODE_PROPERTIES[label]
        rows[label] = [{name: row.get(name) for name in names} for _, row in sorted(by_id.items())]
    return rows


def _evidence_edges(batch: GraphBatch) -> list[Edge]:
    """EXTRACTED_FROM from every node to each Document it was read from, with the first evidence there."""
    first: dict[tuple[str, str], Edge] = {}
    for node in batch.nodes:
        for ev in node.evidence:
            key = (node.id, ev.document_id)
            if key not in first:
                first[key] = Edge(
                    type="EXTRACTED_FROM",
                    source=node.id,
                    source_label=node.label,
                    target=ev.document_id,
                    target_label="Document",
                    props={"evidence": ev.text, "start": ev.start, "end": ev.end},
                )
    return list(first.values())


def edge_rows(batch: GraphBatch) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Rows per (type, source label, target label), one per endpoint pair (first evidence wins).

    Endpoints travel as `from_id`/`to_id`, because `source` is a relationship property (the Document id).
    """
    merged: dict[tuple[str, str, str], dict[tuple[str, str, str], dict[str, Any]]] = defaultdict(dict)
    for edge in [*batch.edges, *_evidence_edges(batch)]:
        validate_edge(edge)
        rel = RELATIONSHIP_TYPES[edge.type]
        types = rel.properties
        props = {k: v for k, v in edge.props.items() if v is not None}
        if edge.evidence is not None:
            ev = edge.evidence
            for key, value in (("source", ev.document_id), ("evidence", ev.text), ("start", ev.start), ("end", ev.end)):
                if key in types:
                    props.setdefault(key, value)
        if rel.keyed:
            # Without an explicit key, the OParl id keeps distinct memberships apart; text facts share "".
            props["key"] = str(props.get("key") or props.get("oparl_id") or "")
        group = merged[(edge.type, edge.source_label, edge.target_label)]
        pair = (edge.source, edge.target, props.get("key", ""))
        group[pair] = _merge_props(group.get(pair, {}), props, types)
    rows: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for key, by_pair in merged.items():
        names = RELATIONSHIP_TYPES[key[0]].properties
        rows[key] = [
            {"from_id": a, "to_id": b, **{n: row.get(n) for n in names}} for (a, b, _), row in sorted(by_pair.items())
        ]
    return rows


def check_written(rel: str, source_label: str, target_label: str, rows: list[dict[str, Any]], written: int) -> None:
    """An edge to a node that is neither in the batch nor in the store would vanish without a word: refuse it."""
    if written != len(rows):
        raise DanglingEdge(
            f"{rel} from {source_label} to {target_label}: {len(rows) - written} of {len(rows)} edges "
            "name a node that does not exist"
        )


def plain(value: Any) -> Any:
    """Driver values to JSON-friendly Python: Decimal sums to int/float, temporal values to ISO strings."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()
    return value
