"""Analytics endpoints (JSON, GraphML, GEXF) and interactive network pages; include `router` in the app."""

from __future__ import annotations

from typing import Annotated, Literal

import networkx as nx
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from ratsgraph.api.pages.neighbourhood import PAPER_LIFECYCLE, PERSON_EGO, Subgraph, add_facts, expand
from ratsgraph.api.pages.render import POSITION_COLOURS, STATIC_FILES, PageGraph
from ratsgraph.graph import analysis
from ratsgraph.graph.store.base import GraphStore

router = APIRouter()

Format = Annotated[Literal["json", "graphml", "gexf"], Query(description="json, or a graphml / gexf download")]


def _store(request: Request) -> GraphStore:
    return request.app.state.store


def _respond(graph: nx.Graph, name: str, fmt: str, body: dict | None = None) -> Response:
    if fmt == "json":
        return JSONResponse(body if body is not None else analysis.graph_json(graph))
    return Response(
        analysis.graph_file(graph, fmt),
        media_type=analysis.FILE_FORMATS[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )


@router.get("/analytics/cosponsorship", tags=["analytics"])
def cosponsorship(request: Request, format: Format = "json") -> Response:
    """Factions linked by papers they submitted together (edge weight: number of papers)."""
    graph = analysis.analysis_graph(_store(request), "cosponsorship")
    return _respond(graph, "cosponsorship", format)


@router.get("/analytics/voting-agreement", tags=["analytics"])
def voting_agreement(request: Request, format: Format = "json") -> Response:
    """Pairs of factions with the share of decisions where both took the same position (n_same / n_both)."""
    graph = analysis.analysis_graph(_store(request), "voting-agreement")
    return _respond(graph, "voting-agreement", format)


@router.get("/analytics/cosigning", tags=["analytics"])
def cosigning(request: Request, format: Format = "json") -> Response:
    """Persons linked by papers they signed together, with degree and betweenness centrality."""
    graph = analysis.analysis_graph(_store(request), "cosigning")
    return _respond(graph, "cosigning", format)


@router.get("/analytics/success-rate", tags=["analytics"])
def success_rate(
    request: Request,
    format: Format = "json",
    kind: Annotated[list[str] | None, Query(description="count only papers of these kinds")] = None,
) -> Response:
    """Per faction: submitted papers by final status, and adopted / (adopted + rejected)."""
    rates = analysis.success_rates(_store(request).read("analytics_faction_outcomes"), kinds=kind)
    return _respond(analysis.success_graph(rates), "success-rate", format, {"factions": rates})


# --- pages -----------------------------------------------------------------------


@router.get("/pages/static/{name}", name="pages_static", include_in_schema=False)
def static(name: str) -> FileResponse:
    if name not in STATIC_FILES:
        raise HTTPException(404, f"no static file {name!r}")
    path, media_type = STATIC_FILES[name]
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"})


def _static_urls(request: Request) -> dict[str, str]:
    return {name: request.url_for("pages_static", name=name).path for name in STATIC_FILES}


def _faction_page(request: Request, graph: nx.Graph, *, title: str, subtitle: str, edge_text) -> HTMLResponse:
    sub = Subgraph(nodes={n: {"label": "Faction", "name": graph.nodes[n].get("name")} for n in graph.nodes})
    add_facts(_store(request), sub)
    page = PageGraph(directed=False)
    for node in sorted(graph.nodes):
        attrs = graph.nodes[node]
        page.add_node(
            node,
            "Faction",
            name=attrs.get("name"),
            facts={**sub.facts.get(node, {}), **{k: v for k, v in attrs.items() if k not in ("label", "name")}},
            evidence=sub.evidence.get(node),
            size=12 + 4 * (attrs.get("papers") or attrs.get("decisions") or 1) ** 0.5,
        )
    for a, b, attrs in sorted((*sorted((a, b)), attrs) for a, b, attrs in graph.edges(data=True)):
        label, width = edge_text(attrs)
        page.add_edge(a, b, label, width=width)
    return HTMLResponse(page.html(title=title, subtitle=subtitle, static=_static_urls(request)))


@router.get("/pages/cosponsorship", response_class=HTMLResponse, tags=["pages"])
def cosponsorship_page(request: Request) -> HTMLResponse:
    """Factions as nodes, papers submitted together as edges."""
    graph = analysis.analysis_graph(_store(request), "cosponsorship")
    return _faction_page(
        request,
        graph,
        title="Gemeinsame Anträge der Fraktionen",
        subtitle="Eine Kante: die Fraktionen haben Drucksachen gemeinsam eingereicht (Zahl = Anzahl).",
        edge_text=lambda e: (f"{e['weight']} gemeinsam", 1 + 2 * e["weight"] ** 0.5),
    )


@router.get("/pages/voting-agreement", response_class=HTMLResponse, tags=["pages"])
def voting_agreement_page(request: Request) -> HTMLResponse:
    """Factions as nodes, the share of decisions where they voted alike as edges."""
    graph = analysis.voting_agreement_graph(_store(request).read("analytics_faction_votes"))
    return _faction_page(
        request,
        graph,
        title="Abstimmungsübereinstimmung der Fraktionen",
        subtitle="Kante: Anteil der Beschlüsse mit gleicher Stimmabgabe (gleich / beide erfasst).",
        edge_text=lambda e: (f"{round(100 * e['agreement'])} % ({e['n_same']}/{e['n_both']})", 1 + 5 * e["agreement"]),
    )


def _subgraph_page(request: Request, sub: Subgraph, start: str, *, title: str, subtitle: str) -> HTMLResponse:
    page = PageGraph(directed=True)
    for node, info in sorted(sub.nodes.items()):
        page.add_node(
            node,
            info["label"],
            name=info.get("name"),
            facts=sub.facts.get(node),
            evidence=sub.evidence.get(node),
            main=node == start,
        )
    for (source, type_, target), props in sorted(sub.edges.items()):
        label, colour = type_, None
        if type_ == "VOTED" and props.get("position"):
            label, colour = f"VOTED {props['position']}", POSITION_COLOURS.get(props["position"])
        elif props.get("role"):
            label = f"{type_} ({props['role']})"
        page.add_edge(source, target, label, colour=colour, evidence=props.get("evidence"))
    return HTMLResponse(page.html(title=title, subtitle=subtitle, static=_static_urls(request)))


@router.get("/pages/persons/{person_id:path}", response_class=HTMLResponse, tags=["pages"])
def person_page(request: Request, person_id: str) -> HTMLResponse:
    """A person's ego network: factions, papers signed or submitted, and who else signed them."""
    sub = expand(_store(request), person_id, PERSON_EGO)
    if sub is None or sub.nodes[person_id]["label"] != "Person":
        raise HTTPException(404, f"no person {person_id!r}")
    name = sub.nodes[person_id].get("name") or person_id
    return _subgraph_page(
        request, sub, person_id, title=name, subtitle="Fraktionen, unterzeichnete Drucksachen und Mitunterzeichnende"
    )


@router.get("/pages/papers/{paper_id:path}", response_class=HTMLResponse, tags=["pages"])
def paper_page(request: Request, paper_id: str) -> HTMLResponse:
    """A paper's life cycle: submitters, related papers, agenda items, meetings, committees, decisions and votes."""
    sub = expand(_store(request), paper_id, PAPER_LIFECYCLE)
    if sub is None or sub.nodes[paper_id]["label"] != "Paper":
        raise HTTPException(404, f"no paper {paper_id!r}")
    facts = sub.facts.get(paper_id, {})
    title = " · ".join(str(v) for v in (facts.get("reference"), facts.get("title") or facts.get("name")) if v)
    return _subgraph_page(
        request, sub, paper_id, title=title or paper_id, subtitle="Weg der Drucksache durch die Gremien"
    )
