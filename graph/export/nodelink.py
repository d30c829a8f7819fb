"""networkx node-link JSON, the interchange format of graph-model.md."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ratsgraph.graph.model import labels_of
from ratsgraph.graph.store.base import GraphStore

PAGE = 5000


def _pages(store: GraphStore, name: str) -> Iterator[dict[str, Any]]:
    skip = 0
    while True:
        rows = store.read(name, skip=skip, limit=PAGE)
        yield from rows
        if len(rows) < PAGE:
            return
        skip += PAGE


def iter_nodes(store: GraphStore) -> Iterator[dict[str, Any]]:
    """Nodes as node-link dicts; properties a node does not have are left out, not written as null."""
    for row in _pages(store, "export_nodes"):
        props = {k: v for k, v in (row["props"] or {}).items() if v is not None and k != "id"}
        yield {"id": row["id"], "labels": labels_of(row["label"]), **props}


def iter_links(store: GraphStore) -> Iterator[dict[str, Any]]:
    for row in _pages(store, "export_relationships"):
        props = {k: v for k, v in (row["props"] or {}).items() if v is not None}
        # `source` and `target` name the endpoints in node-link JSON; the Document id moves to `source_document`.
        if "source" in props:
            props["source_document"] = props.pop("source")
        yield {"source": row["source"], "target": row["target"], "type": row["type"], **props}


def node_link(store: GraphStore, graph_attrs: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "directed": True,
        "multigraph": True,
        "graph": graph_attrs or {},
        "nodes": list(iter_nodes(store)),
        "links": list(iter_links(store)),
    }


def to_networkx(data: dict[str, Any]):
    """The export as a networkx MultiDiGraph, for analysis."""
    import networkx as nx

    graph = nx.MultiDiGraph(**data.get("graph", {}))
    for node in data["nodes"]:
        graph.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for link in data["links"]:
        graph.add_edge(link["source"], link["target"], key=link["type"], **link)
    return graph
