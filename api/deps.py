"""Dependencies the routes share: the store, pagination, and shaping rows into facts with evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from ratsgraph.graph.store.base import GraphStore

MAX_LIMIT = 500
MAX_OFFSET = 2_000  # Neo4j overflows on SKIP near 2**63 (a 500); Ladybug 0.22 segfaults on ORDER BY .. SKIP > ~5,000
DEFAULT_LIMIT = 50


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


StoreDep = Annotated[GraphStore, Depends(get_store)]


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int

    def params(self) -> dict[str, int]:
        """Parameters for a named query: one row more than asked, to know whether a next page exists."""
        return {"skip": self.offset, "limit": self.limit + 1}

    def wrap(self, rows: list[dict[str, Any]]) -> dict[str, Any]:
        more = len(rows) > self.limit
        return {
            "items": rows[: self.limit],
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": self.offset + self.limit if more else None,
        }


def get_page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"Rows to skip, at most {MAX_OFFSET}.")] = 0,
) -> Page:
    return Page(limit, offset)


PageDep = Annotated[Page, Depends(get_page)]

EVIDENCE_COLUMNS = ("evidence", "source", "source_uri", "evidence_start", "evidence_end")

_EVIDENCE = {
    "evidence": "text",
    "source": "document_id",
    "source_uri": "uri",
    "evidence_start": "start",
    "evidence_end": "end",
}


def fact(row: dict[str, Any]) -> dict[str, Any]:
    """A row as a fact: its own columns plus `evidence` {text, document_id, uri, start, end} (null when none)."""
    out = {k: v for k, v in row.items() if k not in _EVIDENCE}
    evidence = {name: row.get(col) for col, name in _EVIDENCE.items()}
    out["evidence"] = evidence if evidence["text"] is not None or evidence["document_id"] is not None else None
    return out


def facts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [fact(row) for row in rows]


def one(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    return rows[0] if rows else None


def evidence_rows(store: GraphStore, node_id: str) -> list[dict[str, Any]]:
    """The documents a node was read from, with the text and offsets."""
    return evidence_of(store.read("node_evidence", node_id=node_id))


def evidence_of(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the node_evidence query as evidence facts."""
    return [
        {
            "text": r["evidence"],
            "document_id": r["document_id"],
            "uri": r["uri"],
            "title": r["title"],
            "start": r["evidence_start"],
            "end": r["evidence_end"],
        }
        for r in rows
    ]


def sort_rows(rows: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """Sort rows of an unordered (UNION) query by keys; nulls first."""
    return sorted(rows, key=lambda r: tuple((r.get(k) is not None, r.get(k) or "") for k in keys))
