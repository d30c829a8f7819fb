"""Small subgraphs around one node, hop by hop, with the facts and evidence a page shows on a click."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ratsgraph.graph.store.base import GraphStore

# Each hop names, per label of a node found in the hop before, the relationship types to follow from it.
Steps = list[dict[str, tuple[str, ...]]]

PAPER_LIFECYCLE: Steps = [
    {"Paper": ("AMENDS", "ANSWERS", "REFERENCES", "CONSULTED_AT", "ON", "SUBMITTED", "SIGNED", "ADDRESSED_TO")},
    {"AgendaItem": ("HAS_ITEM", "HAS_DECISION"), "Decision": ("HAS_DECISION", "VOTED")},
    {"Meeting": ("HELD_BY",), "Decision": ("VOTED",), "AgendaItem": ("HAS_ITEM",)},
    {"Meeting": ("HELD_BY",)},
]
PERSON_EGO: Steps = [
    {"Person": ("MEMBER_OF", "SIGNED", "SUBMITTED", "VOTED", "SPOKE_ON", "MENTIONS")},
    {"Paper": ("SIGNED", "SUBMITTED")},
]


@dataclass
class Subgraph:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> {"label", "name"}
    edges: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)  # (source, type, target) -> props
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> non-null properties
    evidence: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # id -> evidence rows


def _clean(props: dict[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (props or {}).items() if v is not None and v != []}


def expand(store: GraphStore, start: str, steps: Steps, *, max_nodes: int = 250) -> Subgraph | None:
    """The subgraph reached from `start` by following `steps`; None if the start node does not exist."""
    found = store.read("page_nodes", ids=[start])
    if not found:
        return None
    sub = Subgraph()
    sub.nodes[start] = {"label": found[0]["label"], "name": found[0]["props"].get("name")}
    frontier = {start}
    for step in steps:
        types = sorted({t for label_types in step.values() for t in label_types})
        ids = sorted(n for n in frontier if sub.nodes[n]["label"] in step)
        if not ids or not types:
            break
        new: set[str] = set()
        rows = store.read("page_edges", ids=ids, types=types)
        # The embedded store returns these rows unordered; sort so pages and caps are deterministic.
        for row in sorted(rows, key=lambda r: (r["source"], r["type"], r["target"])):
            # A row qualifies when the end that lies in the frontier may follow this type.
            ends = [(row["source"], row["source_label"]), (row["target"], row["target_label"])]
            if not any(node in frontier and row["type"] in step.get(label, ()) for node, label in ends):
                continue
            for node, label in ends:
                if node not in sub.nodes:
                    if len(sub.nodes) >= max_nodes:
                        break
                    name = row["source_name"] if node == row["source"] else row["target_name"]
                    sub.nodes[node] = {"label": label, "name": name}
                    new.add(node)
            else:
                sub.edges[(row["source"], row["type"], row["target"])] = _clean(row["props"])
        frontier = new
    add_facts(store, sub)
    return sub


def add_facts(store: GraphStore, sub: Subgraph) -> None:
    """Fill in each node's properties and evidence (from EXTRACTED_FROM)."""
    ids = sorted(sub.nodes)
    for row in store.read("page_nodes", ids=ids):
        sub.facts[row["id"]] = _clean(row["props"])
        sub.nodes[row["id"]].setdefault("label", row["label"])
    for row in store.read("page_evidence", ids=ids):
        sub.evidence.setdefault(row["node_id"], []).append(
            {k: row[k] for k in ("document_id", "uri", "evidence", "start", "end")}
        )
