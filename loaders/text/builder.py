"""Collects the nodes, edges and problems of one document, each with its evidence.

Offsets handed in are cleaned-text offsets; the builder maps them back to the original text,
so that `doc.text[ev.start:ev.end] == ev.text` always holds. Persons are collected as mentions
and turned into nodes at the end, when all spellings of the document are known.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from ratsgraph.graph.ids import organization_id, person_id
from ratsgraph.graph.model import Edge, Evidence, GraphBatch, Node, Problem
from ratsgraph.graph.normalize import fold as _fold_uncached
from ratsgraph.graph.reference import CouncilReference
from ratsgraph.graph.resolve import PersonRecord, cluster_persons
from ratsgraph.loaders.document import SourceDocument
from ratsgraph.loaders.text.cleanup import CleanText
from ratsgraph.loaders.text.organizations import OrgMention
from ratsgraph.loaders.text.persons import PersonMention

fold = lru_cache(maxsize=1 << 16)(_fold_uncached)

_LIST_PROPS = ("aliases",)


class Builder:
    def __init__(self, doc: SourceDocument, clean: CleanText, council: CouncilReference):
        self.doc = doc
        self.clean = clean
        self.council = council
        self._props: dict[str, dict[str, Any]] = {}
        self._labels: dict[str, str] = {}
        self._evidence: dict[str, dict[tuple[int, int], Evidence]] = {}
        self.edges: dict[tuple, Edge] = {}
        self.problems: list[Problem] = []
        self._problem_keys: set[tuple] = set()
        self.persons: list[PersonMention] = []
        self._org_ids: dict[str, str] = {}
        self._quoted: dict[tuple[int, int], Evidence | None] = {}

    # --- evidence ----------------------------------------------------------------------------

    def evidence(self, start: int, end: int) -> Evidence | None:
        key = (start, end)
        if key in self._quoted:  # the same span quoted again (several facts of one sentence)
            return self._quoted[key]
        s, e, text = self.clean.quote(start, end)
        ev = Evidence(document_id=self.doc.id, start=s, end=e, text=text) if e > s else None
        self._quoted[key] = ev
        return ev

    # --- nodes and edges ---------------------------------------------------------------------

    def node(self, label: str, node_id: str, props: dict[str, Any], span: tuple[int, int] | None = None) -> str:
        """Add or enrich a node; None values are left out, lists are merged, first value wins."""
        ev = self.evidence(*span) if span else None
        old = self._props.get(node_id)
        if old is None:
            old = self._props[node_id] = {"sources": [self.doc.id]}
            self._labels[node_id] = label
            self._evidence[node_id] = {}
        for k, v in props.items():
            if v is None:
                continue
            if k in _LIST_PROPS:
                old[k] = _union(old.get(k) or [], v)
            elif k not in old or old[k] in (None, "", []):
                old[k] = v
        if ev:
            self._evidence[node_id].setdefault((ev.start, ev.end), ev)
        return node_id

    def update(self, node_id: str, **props: Any) -> None:
        """Overwrite properties of a node already added (for facts read after it was made)."""
        self._props[node_id].update({k: v for k, v in props.items() if v is not None})

    def props_of(self, node_id: str) -> dict[str, Any]:
        return self._props[node_id]

    def has_node(self, node_id: str) -> bool:
        return node_id in self._props

    def label_of(self, node_id: str) -> str:
        if node_id.startswith("@person:"):
            return "Person"
        return self._labels[node_id]

    def edge(self, type_: str, source: str, target: str, span: tuple[int, int] | None = None, **props: Any) -> None:
        props = {k: v for k, v in props.items() if v is not None}
        key = (type_, source, target, tuple(sorted(props.items())))
        if key in self.edges:
            return
        ev = self.evidence(*span) if span else None
        self.edges[key] = Edge(
            type=type_,
            source=source,
            source_label=self.label_of(source),
            target=target,
            target_label=self.label_of(target),
            props=props,
            evidence=ev,
        )

    def problem(self, kind: str, message: str, candidates: tuple[str, ...] = ()) -> None:
        key = (kind, message, candidates)
        if key not in self._problem_keys:
            self._problem_keys.add(key)
            self.problems.append(Problem(source=self.doc.id, kind=kind, message=message, candidates=candidates))

    # --- organisations -----------------------------------------------------------------------

    def body(self) -> str:
        c = self.council
        return self.node(
            "Body", c.body_id, {"name": c.name, "short_name": c.short_name, "ags": c.ags, "website": c.website}
        )

    def org(self, m: OrgMention) -> str:
        """The node of an organisation mention (created on first mention), with PART_OF the body."""
        node_id = self._org_ids.get(m.key)
        if node_id is None:
            node_id = self._org_ids[m.key] = m.node_id or organization_id(self.council.key, m.key)
        elif node_id in self._props:  # known: only the new spelling and evidence
            extra = [m.surface] if m.surface and m.surface not in (m.name, m.short_name) else []
            self.node(m.label, node_id, {"aliases": extra}, (m.start, m.end))
            return node_id
        aliases = list(m.aliases)
        if m.surface and m.surface not in (m.name, m.short_name):
            aliases.append(m.surface)
        self.node(
            m.label,
            node_id,
            {
                "name": m.name,
                "short_name": m.short_name,
                "classification": m.classification,
                "aliases": _union([], aliases),
            },
            (m.start, m.end),
        )
        if m.label != "ExternalOrganization":
            self.edge("PART_OF", node_id, self.body())
        return node_id

    # --- persons -------------------------------------------------------------------------------

    def person(self, mention: PersonMention) -> str:
        """A handle for the person of `mention`; resolved to a node id by `finish`."""
        self.persons.append(mention)
        return f"@person:{len(self.persons) - 1}"

    def _reread_given_as_family(self) -> None:
        """'macht Rm Tölch Defizite ...' reads as given name Tölch, family name Defizite. When the document
        names a 'Tölch' elsewhere by family name alone and never a 'Defizite', the first word is the family
        name and the second is not part of the name."""
        bare = {fold(p.family_name) for p in self.persons if not p.given_name}
        for i, p in enumerate(self.persons):
            if not p.given_name or fold(p.given_name) not in bare:
                continue
            if any(fold(q.family_name) == fold(p.family_name) for q in self.persons if q is not p):
                continue  # the second word is a family name seen elsewhere too: keep the reading
            surface = self.clean.text[p.start : p.end]
            cut = surface.rfind(p.given_name)
            if cut < 0:
                continue
            end = p.start + cut + len(p.given_name)
            self.persons[i] = replace(
                p,
                family_name=p.given_name,
                given_name=None,
                end=end,
                surface=" ".join(surface[: cut + len(p.given_name)].split()),
            )

    def _resolve_persons(self) -> dict[str, str]:
        self._reread_given_as_family()
        records = [
            PersonRecord(
                id=f"@person:{i}",
                family_name=p.family_name,
                given_name=p.given_name,
                form_of_address=p.form_of_address,
            )
            for i, p in enumerate(self.persons)
        ]
        clusters, ambiguous = cluster_persons(records, existing=[], body=self.council.key)
        for handle, candidates in ambiguous.items():
            p = self.persons[int(handle.split(":")[1])]
            self.problem(
                "ambiguous_person",
                f"{p.surface!r} may be any of {len(candidates)} persons of the same family name",
                tuple(sorted(candidates)),
            )
        mapping: dict[str, str] = {}
        for final_id, handles in clusters.items():
            mentions = [self.persons[int(h.split(":")[1])] for h in handles]
            self._person_node(final_id, mentions)
            for h in handles:
                mapping[h] = final_id
        return mapping

    def _person_node(self, node_id: str, mentions: list[PersonMention]) -> None:
        given = next((m.given_name for m in mentions if m.given_name and not m.given_name.endswith(".")), None)
        given = given or next((m.given_name for m in mentions if m.given_name), None)
        family = mentions[0].family_name
        titles = sorted({m.title for m in mentions if m.title}, key=len, reverse=True)
        form = next((m.form_of_address for m in mentions if m.form_of_address), None)
        aliases = _union([], [m.surface for m in mentions])
        props = {
            "name": f"{given} {family}" if given else family,
            "family_name": family,
            "given_name": given,
            "title": titles[0] if titles else None,
            "form_of_address": form,
            "aliases": aliases,
        }
        for m in mentions:
            self.node("Person", node_id, props, (m.start, m.end))

    # --- result --------------------------------------------------------------------------------

    def finish(self) -> GraphBatch:
        mapping = self._resolve_persons() if self.persons else {}
        edges: dict[tuple, Edge] = {}
        for edge in self.edges.values():
            src = mapping.get(edge.source, edge.source)
            tgt = mapping.get(edge.target, edge.target)
            key = (edge.type, src, tgt, tuple(sorted(edge.props.items())))
            if key in edges:
                continue
            if src is not edge.source or tgt is not edge.target:
                edge = Edge(  # not model_copy: a new edge is cheaper
                    type=edge.type,
                    source=src,
                    source_label=edge.source_label,
                    target=tgt,
                    target_label=edge.target_label,
                    props=edge.props,
                    evidence=edge.evidence,
                )
            edges[key] = edge
        nodes = [
            Node(label=self._labels[nid], id=nid, props=props, evidence=tuple(self._evidence[nid].values()))
            for nid, props in self._props.items()
        ]
        return GraphBatch(nodes=nodes, edges=list(edges.values()))


def _union(old: list[str], new: list[str] | tuple[str, ...]) -> list[str]:
    out = list(old)
    seen = {fold(x) + "|" + x for x in out}
    for x in new:
        k = fold(x) + "|" + x
        if x and k not in seen:
            seen.add(k)
            out.append(x)
    return out


def person_node_id(council: CouncilReference, family: str, given: str | None) -> str:
    return person_id(council.key, family, given)
