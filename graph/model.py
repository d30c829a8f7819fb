"""Records that loaders produce and stores write: the graph model of graph-model.md in code.

The schema below is the single place that names labels, relationship types and
their properties. The embedded store derives its DDL from it, the Neo4j store its
constraints and indexes, and the parsers may only emit what it declares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

# --- node labels -----------------------------------------------------------

ORGANIZATION_LABELS: tuple[str, ...] = (
    "Committee",
    "Faction",
    "Party",
    "AdministrativeUnit",
    "ExternalOrganization",
)

_COMMON = {"id": "STRING", "name": "STRING", "sources": "STRING[]", "oparl_id": "STRING", "deleted": "BOOLEAN"}
_ORG = {
    "short_name": "STRING",
    "aliases": "STRING[]",
    "classification": "STRING",
    "start_date": "STRING",
    "end_date": "STRING",
    "website": "STRING",
}

NODE_PROPERTIES: dict[str, dict[str, str]] = {
    "Body": {**_COMMON, "short_name": "STRING", "ags": "STRING", "website": "STRING"},
    **{label: {**_COMMON, **_ORG} for label in ORGANIZATION_LABELS},
    "Person": {
        **_COMMON,
        "family_name": "STRING",
        "given_name": "STRING",
        "title": "STRING",
        "form_of_address": "STRING",
        "aliases": "STRING[]",
    },
    "LegislativeTerm": {**_COMMON, "start_date": "STRING", "end_date": "STRING"},
    "Paper": {
        **_COMMON,
        "reference": "STRING",
        "title": "STRING",
        "paper_type": "STRING",
        "kind": "STRING",
        "date": "STRING",
        "text": "STRING",
    },
    "Meeting": {
        **_COMMON,
        "date": "STRING",
        "end_date": "STRING",
        "public": "BOOLEAN",
        "number": "STRING",
        "location": "STRING",
        "cancelled": "BOOLEAN",
    },
    "AgendaItem": {
        **_COMMON,
        "number": "STRING",
        "title": "STRING",
        "public": "BOOLEAN",
        "order": "INT64",
        "result": "STRING",
    },
    "Decision": {
        **_COMMON,
        "outcome": "STRING",
        "unanimous": "BOOLEAN",
        "order": "INT64",
        "text": "STRING",
        "vote_text": "STRING",
        "yes_count": "INT64",
        "no_count": "INT64",
        "abstain_count": "INT64",
    },
    "Document": {
        **_COMMON,
        "uri": "STRING",
        "sha256": "STRING",
        "media_type": "STRING",
        "title": "STRING",
        "loaded_at": "STRING",
        "size": "INT64",
    },
}

NODE_LABELS: tuple[str, ...] = tuple(NODE_PROPERTIES)

# --- relationship types ------------------------------------------------------

_TEXT_REL = {"source": "STRING", "evidence": "STRING", "start": "INT64", "end": "INT64"}
_ACTORS = ("Person", *ORGANIZATION_LABELS)


def _pairs(sources: tuple[str, ...] | str, targets: tuple[str, ...] | str) -> tuple[tuple[str, str], ...]:
    sources = (sources,) if isinstance(sources, str) else sources
    targets = (targets,) if isinstance(targets, str) else targets
    return tuple((s, t) for s in sources for t in targets)


@dataclass(frozen=True)
class RelationshipType:
    name: str
    pairs: tuple[tuple[str, str], ...]
    properties: dict[str, str] = field(default_factory=dict)
    # Keyed types may hold several relationships between the same two nodes (a person's memberships
    # in one committee over several terms); `key` tells them apart and is part of the MERGE.
    keyed: bool = False


RELATIONSHIP_TYPES: dict[str, RelationshipType] = {
    r.name: r
    for r in (
        RelationshipType("PART_OF", _pairs((*ORGANIZATION_LABELS, "LegislativeTerm"), "Body"), _TEXT_REL),
        RelationshipType(
            "MEMBER_OF",
            _pairs("Person", ORGANIZATION_LABELS),
            {
                **_TEXT_REL,
                "role": "STRING",
                "start_date": "STRING",
                "end_date": "STRING",
                "voting_right": "BOOLEAN",
                "on_behalf_of": "STRING",
                "oparl_id": "STRING",
                "key": "STRING",
            },
            keyed=True,
        ),
        RelationshipType("SUBMITTED", _pairs(_ACTORS, "Paper"), _TEXT_REL),
        RelationshipType(
            "SIGNED",
            _pairs("Person", "Paper"),
            {**_TEXT_REL, "role": "STRING", "function": "STRING", "on_behalf_of": "STRING"},
        ),
        RelationshipType("ADDRESSED_TO", _pairs("Paper", ORGANIZATION_LABELS), _TEXT_REL),
        RelationshipType("AMENDS", _pairs("Paper", "Paper"), _TEXT_REL),
        RelationshipType("ANSWERS", _pairs("Paper", "Paper"), _TEXT_REL),
        RelationshipType("REFERENCES", _pairs("Paper", "Paper"), _TEXT_REL),
        RelationshipType("HELD_BY", _pairs("Meeting", ORGANIZATION_LABELS), _TEXT_REL),
        RelationshipType("HAS_ITEM", _pairs("Meeting", "AgendaItem"), {**_TEXT_REL, "order": "INT64"}),
        RelationshipType(
            "CONSULTED_AT",
            _pairs("Paper", "AgendaItem"),
            {
                **_TEXT_REL,
                "role": "STRING",
                "status": "STRING",
                "authoritative": "BOOLEAN",
                "oparl_id": "STRING",
                "key": "STRING",
            },
            keyed=True,
        ),
        RelationshipType("HAS_DECISION", _pairs("AgendaItem", "Decision"), _TEXT_REL),
        RelationshipType("ON", _pairs("Decision", "Paper"), _TEXT_REL),
        RelationshipType(
            "VOTED", _pairs(("Person", "Faction", "Party"), "Decision"), {**_TEXT_REL, "position": "STRING"}
        ),
        RelationshipType("SPOKE_ON", _pairs("Person", "AgendaItem"), {**_TEXT_REL, "on_behalf_of": "STRING"}),
        RelationshipType("MENTIONS", _pairs("Paper", _ACTORS), _TEXT_REL),
        RelationshipType("DURING", _pairs(("Meeting", "Paper"), "LegislativeTerm"), _TEXT_REL),
        RelationshipType(
            "EXTRACTED_FROM",
            _pairs(tuple(label for label in NODE_PROPERTIES if label != "Document"), "Document"),
            {"evidence": "STRING", "start": "INT64", "end": "INT64"},
        ),
    )
}

PAPER_KINDS = (
    "motion",
    "amendment",
    "inquiry",
    "answer",
    "agenda_proposal",
    "administration_proposal",
    "oral_motion",
    "resolution",
    "minutes",
    "other",
)
DECISION_OUTCOMES = (
    "adopted",
    "rejected",
    "recommended",
    "forwarded_without_recommendation",
    "referred",
    "noted",
    "withdrawn",
    "postponed",
)
VOTE_POSITIONS = ("yes", "no", "abstain")


def labels_of(label: str) -> list[str]:
    """All labels a node of this primary label carries (organisations also carry Organization)."""
    return ["Organization", label] if label in ORGANIZATION_LABELS else [label]


# --- records -------------------------------------------------------------------


class Evidence(BaseModel):
    """The exact text a fact was read from: `document text[start:end] == text`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    document_id: str
    start: int
    end: int
    text: str


class Node(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    id: str
    props: dict[str, Any]
    evidence: tuple[Evidence, ...] = ()


class Edge(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str
    source: str
    source_label: str
    target: str
    target_label: str
    props: dict[str, Any] = {}
    evidence: Evidence | None = None


class Problem(BaseModel):
    """Something a loader could not do or could not decide; goes into the load report."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    kind: str
    message: str
    candidates: tuple[str, ...] = ()


@dataclass
class GraphBatch:
    """Nodes and edges to write together, in one transaction."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def extend(self, other: GraphBatch) -> None:
        self.nodes.extend(other.nodes)
        self.edges.extend(other.edges)


def validate_node(node: Node) -> None:
    """Refuse labels and properties the schema does not declare: a typo would be a silent loss."""
    allowed = NODE_PROPERTIES.get(node.label)
    if allowed is None:
        raise ValueError(f"unknown node label {node.label!r}")
    unknown = set(node.props) - set(allowed)
    if unknown:
        raise ValueError(f"{node.label} has undeclared properties {sorted(unknown)}")


def validate_edge(edge: Edge) -> None:
    rel = RELATIONSHIP_TYPES.get(edge.type)
    if rel is None:
        raise ValueError(f"unknown relationship type {edge.type!r}")
    if (edge.source_label, edge.target_label) not in rel.pairs:
        raise ValueError(f"{edge.type} does not connect {edge.source_label} to {edge.target_label}")
    unknown = set(edge.props) - set(rel.properties)
    if unknown:
        raise ValueError(f"{edge.type} has undeclared properties {sorted(unknown)}")
