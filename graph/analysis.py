"""Council networks and rates as pure functions of the rows that named queries return.

Each builder takes the rows of one `analytics_*` query and returns a networkx graph whose
nodes and edges carry plain attributes, so the same graph serves the JSON API, the pages
and the GraphML / GEXF downloads for Gephi.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any

import networkx as nx

Row = Mapping[str, Any]

# The most final outcome a paper reached decides its status: a motion rejected in committee
# and adopted by the council was adopted.
OUTCOME_PRECEDENCE = (
    "adopted",
    "rejected",
    "withdrawn",
    "noted",
    "recommended",
    "forwarded_without_recommendation",
    "referred",
    "postponed",
)
UNDECIDED = "undecided"


def _by_key(rows: Iterable[Row], key: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return groups


def cosponsorship_graph(rows: Iterable[Row]) -> nx.Graph:
    """Factions linked by the papers they submitted together; `weight` is the number of such papers.

    Rows: `analytics_faction_submissions`. Every faction that submitted anything is a node with
    `papers` (how many it submitted), also without a partner.
    """
    graph = nx.Graph(name="faction co-sponsorship")
    shared: Counter[tuple[str, str]] = Counter()
    refs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for paper_id, submissions in _by_key(rows, "paper_id").items():
        factions = sorted({r["faction_id"] for r in submissions})
        for r in submissions:
            if r["faction_id"] not in graph:
                graph.add_node(r["faction_id"], name=r["faction_name"], label="Faction", papers=0)
        for faction in factions:
            graph.nodes[faction]["papers"] += 1
        for pair in combinations(factions, 2):
            shared[pair] += 1
            refs[pair].append(submissions[0].get("reference") or paper_id)
    for (a, b), count in sorted(shared.items()):
        graph.add_edge(a, b, weight=count, papers=sorted(refs[(a, b)]))
    return graph


def voting_agreement_graph(rows: Iterable[Row]) -> nx.Graph:
    """Factions linked by how often they voted alike: `agreement` = `n_same` / `n_both`.

    Rows: `analytics_faction_votes`. `n_both` counts decisions with a recorded position of both
    factions, `n_same` those where the positions were equal. Only recorded positions count:
    minutes often name only who voted against or abstained.
    """
    graph = nx.Graph(name="faction voting agreement")
    n_both: Counter[tuple[str, str]] = Counter()
    n_same: Counter[tuple[str, str]] = Counter()
    for _, votes in _by_key(rows, "decision_id").items():
        position = {}
        for r in votes:
            position[r["faction_id"]] = r["position"]
            if r["faction_id"] not in graph:
                graph.add_node(r["faction_id"], name=r["faction_name"], label="Faction", decisions=0)
            graph.nodes[r["faction_id"]]["decisions"] += 1
        for a, b in combinations(sorted(position), 2):
            n_both[(a, b)] += 1
            n_same[(a, b)] += position[a] == position[b]
    for pair, both in sorted(n_both.items()):
        same = n_same[pair]
        graph.add_edge(*pair, n_same=same, n_both=both, agreement=round(same / both, 4), weight=same / both)
    return graph


def agreement_matrix(graph: nx.Graph) -> tuple[list[str], list[list[float | None]]]:
    """Faction names (sorted by id) and the square agreement matrix of a voting-agreement graph (1 on the diagonal)."""
    ids = sorted(graph.nodes)
    matrix: list[list[float | None]] = []
    for a in ids:
        row: list[float | None] = []
        for b in ids:
            if a == b:
                row.append(1.0)
            elif graph.has_edge(a, b):
                row.append(graph.edges[a, b]["agreement"])
            else:
                row.append(None)
        matrix.append(row)
    return [graph.nodes[i].get("name") or i for i in ids], matrix


def cosigning_graph(rows: Iterable[Row]) -> nx.Graph:
    """Persons linked by the papers they signed together, with degree and betweenness centrality per person.

    Rows: `analytics_person_signatures`. Edge `weight` is the number of papers signed together;
    betweenness treats every co-signing tie as one step.
    """
    graph = nx.Graph(name="person co-signing")
    shared: Counter[tuple[str, str]] = Counter()
    for _, signatures in _by_key(rows, "paper_id").items():
        persons = sorted({r["person_id"] for r in signatures})
        for r in signatures:
            if r["person_id"] not in graph:
                graph.add_node(r["person_id"], name=r["person_name"], label="Person", papers=0)
        for person in persons:
            graph.nodes[person]["papers"] += 1
        for pair in combinations(persons, 2):
            shared[pair] += 1
    for pair, count in sorted(shared.items()):
        graph.add_edge(*pair, weight=count)
    degree = nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    for node in graph:
        graph.nodes[node]["degree"] = graph.degree(node)
        graph.nodes[node]["degree_centrality"] = round(degree[node], 4)
        graph.nodes[node]["betweenness"] = round(betweenness[node], 4)
    return graph


def paper_status(outcomes: Iterable[str | None]) -> str:
    """The most final outcome among a paper's decisions (see OUTCOME_PRECEDENCE), or 'undecided'."""
    seen = {o for o in outcomes if o}
    for outcome in OUTCOME_PRECEDENCE:
        if outcome in seen:
            return outcome
    return sorted(seen)[0] if seen else UNDECIDED


def success_rates(rows: Iterable[Row], *, kinds: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Per faction: papers submitted, how many reached each status, and `success_rate` = adopted / (adopted + rejected).

    Rows: `analytics_faction_outcomes`. `kinds` limits the papers counted (e.g. motion, amendment).
    `success_rate` is None for a faction none of whose papers was adopted or rejected. Sorted by faction id.
    """
    wanted = set(kinds) if kinds is not None else None
    outcomes: dict[tuple[str, str], list[str | None]] = defaultdict(list)
    names: dict[str, str] = {}
    for r in rows:
        if wanted is not None and r.get("kind") not in wanted:
            continue
        names[r["faction_id"]] = r["faction_name"]
        outcomes[(r["faction_id"], r["paper_id"])].append(r.get("outcome"))
    per_faction: dict[str, Counter[str]] = defaultdict(Counter)
    for (faction, _), found in outcomes.items():
        per_faction[faction][paper_status(found)] += 1
    result = []
    for faction in sorted(per_faction):
        counts = per_faction[faction]
        decided = counts["adopted"] + counts["rejected"]
        result.append(
            {
                "faction_id": faction,
                "faction_name": names[faction],
                "submitted": sum(counts.values()),
                "adopted": counts["adopted"],
                "rejected": counts["rejected"],
                "undecided": counts[UNDECIDED],
                "other": sum(counts.values()) - decided - counts[UNDECIDED],
                "by_status": dict(sorted(counts.items())),
                "success_rate": round(counts["adopted"] / decided, 4) if decided else None,
            }
        )
    return result


def success_graph(rates: list[dict[str, Any]]) -> nx.Graph:
    """The success rates as a graph of faction nodes without edges, for the GraphML / GEXF downloads."""
    graph = nx.Graph(name="faction success rate")
    for rate in rates:
        attrs = {k: v for k, v in rate.items() if k not in ("faction_id", "by_status")}
        attrs["name"] = attrs.pop("faction_name")
        graph.add_node(rate["faction_id"], label="Faction", **attrs)
    return graph


# --- output -------------------------------------------------------------------


def graph_json(graph: nx.Graph) -> dict[str, Any]:
    """A graph as `{"graph", "nodes", "edges"}` with nodes sorted by id and edges by (source, target)."""
    nodes = [{"id": node, **graph.nodes[node]} for node in sorted(graph.nodes)]
    edges = []
    for a, b, attrs in graph.edges(data=True):
        source, target = sorted((a, b)) if not graph.is_directed() else (a, b)
        edges.append({"source": source, "target": target, **attrs})
    edges.sort(key=lambda e: (e["source"], e["target"]))
    return {"graph": dict(graph.graph), "nodes": nodes, "edges": edges}


def _for_file(value: Any) -> Any:
    # GraphML and GEXF hold scalars only: lists become "; "-joined text, None is left out.
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items())
    return value


def _file_ready(graph: nx.Graph) -> nx.Graph:
    out = graph.__class__()
    out.graph.update({k: _for_file(v) for k, v in graph.graph.items() if v is not None})
    for node in sorted(graph.nodes):
        attrs = {k: _for_file(v) for k, v in graph.nodes[node].items() if v is not None}
        # Gephi shows a node's `label`: there it is the name, and the node type moves to `type`.
        if "label" in attrs:
            attrs["type"] = attrs.pop("label")
        attrs["label"] = attrs.pop("name", node)
        out.add_node(node, **attrs)
    for a, b, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        out.add_edge(a, b, **{k: _for_file(v) for k, v in attrs.items() if v is not None})
    return out


FILE_FORMATS = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml"}


def graph_file(graph: nx.Graph, fmt: str) -> bytes:
    """The graph as GraphML or GEXF bytes (UTF-8), for Gephi."""
    buffer = io.BytesIO()
    ready = _file_ready(graph)
    if fmt == "graphml":
        nx.write_graphml(ready, buffer, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(ready, buffer, encoding="utf-8")
    else:
        raise ValueError(f"unknown graph file format {fmt!r} (graphml or gexf)")
    return buffer.getvalue()


# --- from a store -------------------------------------------------------------

ANALYSES = {
    "cosponsorship": ("analytics_faction_submissions", cosponsorship_graph),
    "voting-agreement": ("analytics_faction_votes", voting_agreement_graph),
    "cosigning": ("analytics_person_signatures", cosigning_graph),
    "success-rate": ("analytics_faction_outcomes", lambda rows: success_graph(success_rates(rows))),
}


def analysis_graph(store: Any, name: str) -> nx.Graph:
    """Run the named query behind one analysis on a store and build its graph."""
    query, build = ANALYSES[name]
    return build(store.read(query))
