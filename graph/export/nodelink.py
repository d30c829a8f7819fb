"""networkx node-link JSON, the interchange format of graph-model.md."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from ratsgraph.graph.model import labels_of
from ratsgraph.graph.store.base import GraphStore

PAGE = 2000
# Relationships are read by the page of their source nodes; a node has a few to a few dozen,
# so a smaller page of sources keeps a page of relationships near PAGE rows.
SOURCE_PAGE = 500


def _node_rows(store: GraphStore, page: int = PAGE) -> Iterator[dict[str, Any]]:
    """Every node, page by page in id order. Keyset paging (ids after the last one seen), not SKIP:
    the engine never sorts more than one page, so memory stays flat however big the graph is."""
    after = ""
    while True:
        rows = store.read("export_nodes", after=after, limit=page)
        yield from rows
        if len(rows) < page:
            return
        after = rows[-1]["id"]


def source_id_pages(store: GraphStore, page: int = SOURCE_PAGE) -> Iterator[list[str]]:
    """Node ids in id order, a page at a time: the relationships are read by the pages of their source."""
    after = ""
    while True:
        ids = [row["id"] for row in store.read("node_ids", after=after, limit=page)]
        if ids:
            yield ids
        if len(ids) < page:
            return
        after = ids[-1]


def iter_nodes(store: GraphStore) -> Iterator[dict[str, Any]]:
    """Nodes as node-link dicts; properties a node does not have are left out, not written as null."""
    for row in _node_rows(store):
        props = {k: v for k, v in (row["props"] or {}).items() if v is not None and k != "id"}
        yield {"id": row["id"], "labels": labels_of(row["label"]), **props}


def iter_links(store: GraphStore) -> Iterator[dict[str, Any]]:
    for ids in source_id_pages(store):
        yield from _links(store.read("export_relationships", source_ids=ids))


def _links(rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
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


def write_node_link(store: GraphStore, out: IO[str], graph_attrs: dict[str, Any] | None = None) -> tuple[int, int]:
    """The same JSON as `node_link`, written node by node: memory stays at a page, not the graph."""
    head = {"directed": True, "multigraph": True, "graph": graph_attrs or {}}
    out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "nodes": [')
    counts = [0, 0]
    for index, items in enumerate((iter_nodes(store), iter_links(store))):
        if index:
            out.write('], "links": [')
        for item in items:
            out.write(("\n" if not counts[index] else ",\n") + json.dumps(item, ensure_ascii=False))
            counts[index] += 1
    out.write("]}\n")
    return counts[0], counts[1]


def to_networkx(data: dict[str, Any]):
    """The export as a networkx MultiDiGraph, for analysis."""
    import networkx as nx

    graph = nx.MultiDiGraph(**data.get("graph", {}))
    for node in data["nodes"]:
        graph.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for link in data["links"]:
        graph.add_edge(link["source"], link["target"], key=link["type"], **link)
    return graph
