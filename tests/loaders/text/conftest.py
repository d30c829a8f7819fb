"""Helpers for the parser tests: parse a short excerpt and ask what the graph says."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pytest

from ratsgraph.graph.model import Edge, Node, Problem
from ratsgraph.graph.reference import CouncilReference, load_council
from ratsgraph.graph.resolve import resolve_persons
from ratsgraph.loaders.document import SourceDocument
from ratsgraph.loaders.text import parse_document


def document(text: str, name: str = "excerpt.txt") -> SourceDocument:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return SourceDocument(
        id=f"doc/{sha[:16]}", uri=name, sha256=sha, media_type="text/plain", text=text, size=len(text.encode())
    )


@dataclass
class Parsed:
    doc: SourceDocument
    nodes: list[Node]
    edges: list[Edge]
    problems: list[Problem]

    def of(self, label: str) -> list[Node]:
        return [n for n in self.nodes if n.label == label]

    def node(self, node_id: str) -> Node:
        return next(n for n in self.nodes if n.id == node_id)

    def names(self, label: str) -> set[str]:
        return {n.props["name"] for n in self.of(label)}

    def rels(self, type_: str) -> list[Edge]:
        return [e for e in self.edges if e.type == type_]

    def pairs(self, type_: str, **props) -> set[tuple[str, str]]:
        """(source name, target name) of each relationship of this type with these properties."""
        by_id = {n.id: n for n in self.nodes}
        out = set()
        for e in self.rels(type_):
            if all(e.props.get(k) == v for k, v in props.items()):
                src, tgt = by_id[e.source], by_id[e.target]
                out.add((_key(src), _key(tgt)))
        return out

    def decisions(self) -> list[Node]:
        return sorted(self.of("Decision"), key=lambda n: n.id)

    def votes(self, decision: Node) -> dict[str, str]:
        by_id = {n.id: n for n in self.nodes}
        return {_key(by_id[e.source]): e.props["position"] for e in self.rels("VOTED") if e.target == decision.id}

    def on(self, decision: Node) -> list[Node]:
        by_id = {n.id: n for n in self.nodes}
        return [by_id[e.target] for e in self.rels("ON") if e.source == decision.id]


def _key(node: Node) -> str:
    """A short handle for assertions: short name of organisations, reference of papers, name otherwise."""
    if node.label == "Paper" and node.props.get("reference"):
        return node.props["reference"]
    if node.label in ("Faction", "Committee") and node.props.get("short_name"):
        return node.props["short_name"]
    if node.label == "Meeting":
        return f"{node.id.split('/')[-2]}@{node.props['date']}"
    return node.props.get("name", node.id)


@pytest.fixture(scope="session")
def council() -> CouncilReference:
    return load_council("dortmund")


@pytest.fixture
def parse(council):
    def run(text: str, resolve: bool = True) -> Parsed:
        doc = document(text)
        result = parse_document(doc, council)
        batch, problems = result.batch, list(result.problems)
        if resolve:
            (batch,), more = resolve_persons([batch], [], council)
            problems += more
        for n in batch.nodes:
            for ev in n.evidence:
                assert text[ev.start : ev.end] == ev.text
        for e in batch.edges:
            if e.evidence:
                assert text[e.evidence.start : e.evidence.end] == e.evidence.text
        return Parsed(doc, batch.nodes, batch.edges, problems)

    return run
