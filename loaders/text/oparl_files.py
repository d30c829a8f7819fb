"""The document parser as the OParl importer's file-text hook.

`ratsgraph load <OParl dump or URL>` hands each file text (OParl `File.text`, or a sidecar text)
to `OParlFileTexts`. The text is parsed with a council reference made of the body's OWN
organisations (`CouncilReference.from_organizations`), so that the factions and committees it
names resolve to the OParl nodes, never to new ones; curated reference data of the same council
(found by AGS or OParl body URL) only adds spellings, and factions when the body lists none.
What the text says about "this paper" lands on the OParl Paper the file belongs to, its meeting
and agenda items on the OParl Meeting and AgendaItems (matched by date and number), and its
first decision per item on the item's OParl Decision. The Document node is part of the batch.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from ratsgraph.graph.ids import body_id
from ratsgraph.graph.model import Edge, GraphBatch, Node, Problem
from ratsgraph.graph.reference import CouncilReference, bundled_for
from ratsgraph.graph.resolve import resolve_persons
from ratsgraph.loaders.document import document_from_bytes

# Kinds of the text that may stand for the OParl paper the file belongs to.
_SAME_PAPER = {
    "motion": {"motion", "agenda_proposal", "amendment", "resolution"},
    "amendment": {"amendment", "motion"},
    "inquiry": {"inquiry"},
    "agenda_proposal": {"agenda_proposal", "motion"},
    "administration_proposal": {"administration_proposal", "other"},
    "answer": {"answer"},
}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class OParlFileTexts:
    """Callable hook: (text, uri, FileTextContext) -> GraphBatch; problems collect in `problems`."""

    wants_context = True

    def __init__(self, clock: Callable[[], str] = _now, supplement: bool = True):
        self.clock = clock
        self.supplement = supplement
        self.problems: list[Problem] = []
        self.documents = 0
        self._references: dict[tuple, CouncilReference] = {}

    def reference(self, context: Any) -> CouncilReference:
        orgs = sorted((o for o in context.organizations if o.get("name") or o.get("short_name")), key=lambda o: o["id"])
        key = (context.body_key, tuple((o["id"], o.get("name"), o.get("short_name")) for o in orgs))
        ref = self._references.get(key)
        if ref is None:
            body = context.body or {}
            extra = None
            if self.supplement:
                extra = bundled_for(ags=body.get("ags"), oparl_body=body.get("oparl_id"))
                if extra is None:
                    extra = next((bundled_for(oparl_body=o["oparl_id"]) for o in orgs if o.get("oparl_id")), None)
            ref = CouncilReference.from_organizations(
                context.body_key,
                body.get("name") or context.body_key,
                orgs,
                short_name=body.get("short_name"),
                ags=body.get("ags"),
                website=body.get("website"),
                supplement=extra,
            )
            self._references[key] = ref
        return ref

    def __call__(self, text: str, uri: str, context: Any = None) -> GraphBatch:
        from ratsgraph.loaders.text import parse_document

        if context is None:
            raise TypeError("OParlFileTexts needs the import's FileTextContext")
        doc = document_from_bytes(text.encode("utf-8"), uri, "text/plain")
        council = self.reference(context)
        assert body_id(council.key) == body_id(context.body_key)
        result = parse_document(doc, council)
        self.problems.extend(result.problems)
        (batch,), more = resolve_persons([result.batch], [], council)
        self.problems.extend(more)
        mapping = _id_mapping(batch, result.paper, context)
        batch = _rewrite(batch, mapping)
        answer = _answers_owner(batch, result.paper, mapping, context)
        if answer is not None:
            batch.edges.append(answer)
        self.documents += 1
        return GraphBatch(nodes=[doc.node(self.clock()), *batch.nodes], edges=batch.edges)


def _id_mapping(batch: GraphBatch, paper: str | None, context: Any) -> dict[str, str]:
    """Text node id -> OParl node id, for the nodes that are the same thing."""
    mapping: dict[str, str] = {}
    nodes = {n.id: n for n in batch.nodes}
    owner_label, owner_id = context.owner or (None, None)
    if paper and owner_label == "Paper" and paper in nodes:
        kind = nodes[paper].props.get("kind")
        if context.owner_kind is None or context.owner_kind in _SAME_PAPER.get(kind or "", {kind}):
            mapping[paper] = owner_id
    if context.meeting:
        meeting_id, date = context.meeting
        for n in batch.nodes:
            if n.label == "Meeting" and date and n.props.get("date") == date:
                mapping[n.id] = meeting_id
    items: dict[str, str] = {}
    for e in batch.edges:
        if e.type == "HAS_ITEM" and e.source in mapping:
            number = nodes[e.target].props.get("number")
            if number and str(number) in context.items:
                items[e.target] = context.items[str(number)]
    mapping.update(items)
    for e in batch.edges:
        if e.type == "HAS_DECISION" and e.source in items and nodes[e.target].props.get("order") == 1:
            decision = context.decisions.get(items[e.source])
            if decision:
                mapping[e.target] = decision
    return mapping


# Properties the OParl node already has and the text must not overwrite (the text adds, not replaces).
_OPARL_OWNED = {"name", "title", "reference", "paper_type", "kind", "date", "public", "number", "order"}


def _answers_owner(batch: GraphBatch, paper: str | None, mapping: dict[str, str], context: Any) -> Edge | None:
    """A statement of the administration filed with a motion or inquiry answers it."""
    if not paper or paper in mapping or not context.owner or context.owner[0] != "Paper":
        return None
    node = next((n for n in batch.nodes if n.id == paper), None)
    if node is None or node.props.get("kind") != "answer" or not node.evidence:
        return None
    if context.owner_kind not in ("inquiry", "motion", "amendment", "agenda_proposal"):
        return None
    return Edge(
        type="ANSWERS",
        source=paper,
        source_label="Paper",
        target=context.owner[1],
        target_label="Paper",
        evidence=node.evidence[0],
    )


def _rewrite(batch: GraphBatch, mapping: dict[str, str]) -> GraphBatch:
    nodes: list[Node] = []
    for n in batch.nodes:
        new = mapping.get(n.id)
        if new is None:
            nodes.append(n)
            continue
        props = {k: v for k, v in n.props.items() if k not in _OPARL_OWNED}
        nodes.append(n.model_copy(update={"id": new, "props": props}))
    edges: list[Edge] = []
    seen: set[tuple] = set()
    for e in batch.edges:
        src, tgt = mapping.get(e.source, e.source), mapping.get(e.target, e.target)
        key = (e.type, src, tgt, tuple(sorted(e.props.items())))
        if key in seen:
            continue
        seen.add(key)
        edges.append(e.model_copy(update={"source": src, "target": tgt}))
    return GraphBatch(nodes=nodes, edges=edges)
