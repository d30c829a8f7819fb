"""Person resolution: one node per human being across the documents of a load and the store.

Pure. Persons are identified by family name plus given name where one is known:
- mentions with the same family and given name are one person;
- a mention with the family name only ("Herr Gebel", "Rm Gebel") joins the one person of that
  family name whose form of address fits; when two fit it joins none and the ambiguity is
  reported (`Problem(kind="ambiguous_person")` naming both), never guessed;
- an initial ("A. Flake") joins the one person whose given name starts with it;
- ids already in the store win, so that loading the same files again gives the same graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ratsgraph.graph.ids import person_id
from ratsgraph.graph.model import Edge, GraphBatch, Node, Problem
from ratsgraph.graph.normalize import fold as _fold_uncached
from ratsgraph.graph.reference import CouncilReference

fold = lru_cache(maxsize=1 << 16)(_fold_uncached)


@dataclass(frozen=True)
class PersonRecord:
    id: str
    family_name: str
    given_name: str | None = None
    form_of_address: str | None = None


def _given_key(given: str | None) -> str:
    return fold(given) if given else ""


def _is_initial(given: str | None) -> bool:
    return bool(given) and given.rstrip(".").isalpha() and len(given.rstrip(".")) <= 2 and given.endswith(".")


def _fits(form_a: str | None, form_b: str | None) -> bool:
    return not form_a or not form_b or form_a == form_b


@dataclass
class _Identity:
    id: str
    given: str | None
    form: str | None
    members: list[str]


def cluster_persons(
    records: Iterable[PersonRecord], existing: Iterable[PersonRecord], body: str
) -> tuple[dict[str, list[str]], dict[str, tuple[str, ...]]]:
    """Group person records into persons.

    Returns (final id -> ids of the `records` it absorbs, record id -> candidate ids for every
    record that could not be placed because several persons fit). Existing records only lend
    their ids; they are never returned as members.
    """
    groups: dict[str, tuple[list[PersonRecord], list[PersonRecord]]] = defaultdict(lambda: ([], []))
    for r in records:
        groups[fold(r.family_name)][0].append(r)
    for r in existing:
        if fold(r.family_name) in groups:
            groups[fold(r.family_name)][1].append(r)
    clusters: dict[str, list[str]] = defaultdict(list)
    ambiguous: dict[str, tuple[str, ...]] = {}
    for family_key in sorted(groups):
        new, old = groups[family_key]
        _cluster_family(new, old, body, clusters, ambiguous)
    return dict(clusters), ambiguous


def _cluster_family(
    new: list[PersonRecord],
    old: list[PersonRecord],
    body: str,
    clusters: dict[str, list[str]],
    ambiguous: dict[str, tuple[str, ...]],
) -> None:
    family = new[0].family_name
    full = [r for r in (*old, *new) if r.given_name and not _is_initial(r.given_name)]
    # One identity per given name; ids of the store first, then the smallest id.
    identities: dict[str, _Identity] = {}
    for r in sorted(full, key=lambda r: (r not in old, r.id)):
        key = _given_key(r.given_name)
        ident = identities.get(key)
        if ident is None:
            ident = identities[key] = _Identity(
                id=r.id if r in old else person_id(body, family, r.given_name),
                given=r.given_name,
                form=r.form_of_address,
                members=[],
            )
        ident.form = ident.form or r.form_of_address
        if r not in old:
            ident.members.append(r.id)
    # A store person known by family name only lends its id to the single given name that fits.
    bare_old = sorted((r for r in old if not r.given_name), key=lambda r: r.id)
    if len(identities) == 1 and bare_old:
        (ident,) = identities.values()
        fitting = [r for r in bare_old if _fits(r.form_of_address, ident.form)]
        if fitting and not any(r.given_name for r in old if fold(r.given_name or "") == fold(ident.given or "")):
            ident.id = fitting[0].id
    for r in new:
        if r.given_name and _is_initial(r.given_name):
            letter = fold(r.given_name)[:1]
            fits = [i for i in identities.values() if fold(i.given)[:1] == letter and _fits(i.form, r.form_of_address)]
            if len(fits) == 1:
                fits[0].members.append(r.id)
                fits[0].form = fits[0].form or r.form_of_address
            else:
                key = _given_key(r.given_name)
                ident = identities.setdefault(
                    key, _Identity(person_id(body, family, r.given_name), r.given_name, r.form_of_address, [])
                )
                ident.members.append(r.id)
    # Family-only mentions.
    bare_ids: dict[str | None, str] = {}
    for r in sorted((r for r in new if not r.given_name), key=lambda r: r.id):
        fits = [i for i in identities.values() if _fits(i.form, r.form_of_address)]
        if len(fits) == 1:
            fits[0].members.append(r.id)
            fits[0].form = fits[0].form or r.form_of_address
            continue
        target = _bare_id(body, family, r.form_of_address, bare_old, bare_ids)
        clusters[target].append(r.id)
        if len(fits) > 1:
            ambiguous[r.id] = tuple(sorted(i.id for i in fits))
    for ident in identities.values():
        if ident.members:
            clusters[ident.id].extend(ident.members)


def _bare_id(
    body: str, family: str, form: str | None, bare_old: list[PersonRecord], taken: dict[str | None, str]
) -> str:
    """The id of the family-name-only person with this form of address."""
    if form in taken:
        return taken[form]
    for r in bare_old:
        if _fits(r.form_of_address, form):
            taken[form] = r.id
            return r.id
    if form and None in taken:
        taken[form] = taken[None]
        return taken[None]
    if form is None and taken:
        return next(iter(taken.values()))
    new_id = person_id(body, family) if not taken else person_id(body, family, form or "")
    taken[form] = new_id
    return new_id


# --- across the documents of a load ---------------------------------------------------------------


def _record_of(props: dict[str, Any], node_id: str) -> PersonRecord:
    return PersonRecord(
        id=node_id,
        family_name=props.get("family_name") or (props.get("name") or node_id).split()[-1],
        given_name=props.get("given_name"),
        form_of_address=props.get("form_of_address"),
    )


def _merge_props(items: list[dict[str, Any]]) -> dict[str, Any]:
    """Canonical person properties: first given name, longest title, first form, all aliases (sorted)."""
    given = next((p.get("given_name") for p in items if p.get("given_name") and not _is_initial(p["given_name"])), None)
    given = given or next((p.get("given_name") for p in items if p.get("given_name")), None)
    family = next(p.get("family_name") for p in items if p.get("family_name"))
    titles = sorted({p["title"] for p in items if p.get("title")}, key=lambda t: (-len(t), t))
    form = next((p.get("form_of_address") for p in items if p.get("form_of_address")), None)
    aliases = sorted({a for p in items for a in (p.get("aliases") or [])})
    return {
        "name": f"{given} {family}" if given else family,
        "family_name": family,
        "given_name": given,
        "title": titles[0] if titles else None,
        "form_of_address": form,
        "aliases": aliases,
    }


def resolve_persons(
    batches: list[GraphBatch], existing: list[dict], council: CouncilReference
) -> tuple[list[GraphBatch], list[Problem]]:
    """Merge the Person nodes of `batches` with each other and with the persons of the store.

    `existing` rows are {id, name, family_name, given_name, title, form_of_address, aliases}.
    Returns new batches (Person ids and edge end points rewritten) and the ambiguities found.
    """
    nodes_by_id: dict[str, list[Node]] = defaultdict(list)
    for batch in batches:
        for node in batch.nodes:
            if node.label == "Person":
                nodes_by_id[node.id].append(node)
    existing_by_id = {row["id"]: row for row in existing if row.get("id")}
    records = [_record_of(_merge_props([n.props for n in nodes]), nid) for nid, nodes in sorted(nodes_by_id.items())]
    old = [_record_of(row, rid) for rid, row in sorted(existing_by_id.items())]
    clusters, ambiguous = cluster_persons(records, old, council.key)
    mapping = {member: final for final, members in clusters.items() for member in members}

    problems: list[Problem] = []
    for rid, candidates in sorted(ambiguous.items()):
        src = next((n.props.get("sources") or [""] for n in nodes_by_id[rid]), [""])[0]
        problems.append(
            Problem(
                source=str(src),
                kind="ambiguous_person",
                message=f"{rid!r} (family name only) fits {len(candidates)} persons; not merged",
                candidates=candidates,
            )
        )

    canonical: dict[str, dict[str, Any]] = {}
    for final, members in clusters.items():
        items = []
        if final in existing_by_id:
            items.append(existing_by_id[final])
        for member in sorted(members):
            items.extend(n.props for n in nodes_by_id[member])
        canonical[final] = _merge_props(items)

    out = [_rewrite(batch, mapping, canonical) for batch in batches]
    return out, problems


def _rewrite(batch: GraphBatch, mapping: dict[str, str], canonical: dict[str, dict[str, Any]]) -> GraphBatch:
    nodes: dict[str, Node] = {}
    for node in batch.nodes:
        if node.label != "Person":
            nodes.setdefault(node.id, node)
            continue
        final = mapping.get(node.id, node.id)
        props = {k: v for k, v in {**node.props, **canonical.get(final, {})}.items() if v is not None}
        if final in nodes:
            prev = nodes[final]
            sources = list(dict.fromkeys([*prev.props.get("sources", []), *node.props.get("sources", [])]))
            evidence = tuple(dict.fromkeys([*prev.evidence, *node.evidence]))
            nodes[final] = prev.model_copy(update={"props": {**prev.props, "sources": sources}, "evidence": evidence})
        else:
            nodes[final] = node.model_copy(update={"id": final, "props": props})
    edges: dict[tuple, Edge] = {}
    for edge in batch.edges:
        src, tgt = mapping.get(edge.source, edge.source), mapping.get(edge.target, edge.target)
        key = (edge.type, src, tgt, tuple(sorted(edge.props.items())))
        if key not in edges:
            edges[key] = edge.model_copy(update={"source": src, "target": tgt})
    return GraphBatch(nodes=list(nodes.values()), edges=list(edges.values()))
