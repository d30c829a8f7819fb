"""The analytics endpoints over HTTP, and the network pages in real headless Chromium, offline, on both stores."""

from __future__ import annotations

import io
from collections.abc import Iterator

import httpx
import networkx as nx
import pytest
from pages.council_sample import FACTION_IDS, org, paper, person

MEETING_A = "dortmund/meeting/awbewf-2022-11-16"
ITEM_A = f"{MEETING_A}/item/4.11"
DECISION_A = f"{ITEM_A}/decision/1"


def test_analytics_json_and_gephi_downloads(served):
    _, base = served
    with httpx.Client(base_url=base, timeout=30) as client:
        cosponsorship = client.get("/analytics/cosponsorship").json()
        assert [n["id"] for n in cosponsorship["nodes"]] == FACTION_IDS
        assert [(e["source"], e["target"], e["weight"]) for e in cosponsorship["edges"]] == [
            (org("cdu"), org("spd"), 1),
            (org("gruene"), org("spd"), 1),
        ]
        agreement = client.get("/analytics/voting-agreement").json()
        cdu_spd = next(e for e in agreement["edges"] if (e["source"], e["target"]) == (org("cdu"), org("spd")))
        assert (cdu_spd["n_same"], cdu_spd["n_both"], cdu_spd["agreement"]) == (2, 3, 0.6667)
        cosigning = client.get("/analytics/cosigning").json()
        anna = next(n for n in cosigning["nodes"] if n["id"] == person("mueller-anna"))
        assert (anna["degree"], anna["betweenness"]) == (3, 0.6667)
        rates = client.get("/analytics/success-rate", params={"kind": "motion"}).json()["factions"]
        assert [(r["faction_id"], r["submitted"], r["success_rate"]) for r in rates] == [
            (org("afd"), 1, 0.0),
            (org("gruene"), 1, 0.0),
            (org("spd"), 1, 0.0),
        ]
        graphml = client.get("/analytics/cosponsorship", params={"format": "graphml"})
        assert graphml.headers["content-disposition"] == 'attachment; filename="cosponsorship.graphml"'
        assert sorted(nx.read_graphml(io.BytesIO(graphml.content)).nodes) == FACTION_IDS
        gexf = client.get("/analytics/cosigning", params={"format": "gexf"})
        assert gexf.headers["content-type"].startswith("application/gexf+xml")
        assert len(nx.read_gexf(io.BytesIO(gexf.content)).edges) == 4
        assert client.get("/analytics/cosigning", params={"format": "pdf"}).status_code == 422


def test_unknown_or_wrong_ids_are_404(served):
    _, base = served
    with httpx.Client(base_url=base, timeout=30) as client:
        assert client.get("/pages/papers/dortmund/paper/none").status_code == 404
        assert client.get(f"/pages/persons/{org('cdu')}").status_code == 404
        assert client.get("/pages/static/../../etc/passwd").status_code == 404


@pytest.fixture
def open_page(browser, served, artifacts) -> Iterator:
    """Open a page of the live server in a fresh browser context; yields (page, problems), saves a screenshot."""
    engine, base = served
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    opened = []

    def go(path: str, shot: str):
        page = context.new_page()
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
        # Nothing may leave the machine: any request not to the live server is a failure.
        page.on("request", lambda r: None if r.url.startswith((base, "data:")) else problems.append(f"off: {r.url}"))
        response = page.goto(base + path, wait_until="load")
        assert response is not None and response.status == 200
        page.wait_for_function("window.network !== undefined && window.network.body.data.nodes.length > 0")
        # Stop the layout so node positions hold still for clicks.
        page.evaluate("network.stopSimulation(); network.fit({animation: false});")
        opened.append((page, f"{shot}-{engine}.png"))
        return page

    yield go, problems
    for page, name in opened:
        page.screenshot(path=str(artifacts / name))
    context.close()


def _node_ids(page) -> list[str]:
    return sorted(page.evaluate("network.body.data.nodes.getIds()"))


def _click_node(page, node_id: str) -> None:
    point = page.evaluate(
        "(id) => { const p = network.canvasToDOM(network.getPositions([id])[id]);"
        " const r = document.querySelector('#mynetwork canvas').getBoundingClientRect();"
        " return {x: r.left + p.x, y: r.top + p.y}; }",
        node_id,
    )
    page.mouse.click(point["x"], point["y"])


def test_paper_page_shows_the_life_cycle_and_the_evidence_of_a_clicked_node(open_page):
    go, problems = open_page
    page = go("/pages/papers/dortmund/paper/26309-22-e1", "paper-lifecycle")
    assert _node_ids(page) == sorted(
        [
            paper("26309-22-e1"),
            paper("26309-22"),
            org("cdu"),
            org("spd"),
            org("gruene"),
            org("afd"),
            org("awbewf"),
            person("reppin-udo"),
            person("mueller-anna"),
            MEETING_A,
            ITEM_A,
            DECISION_A,
        ]
    )
    labels = page.evaluate("network.body.data.edges.get().map(e => e.label)")
    assert {"VOTED yes", "VOTED no", "VOTED abstain", "AMENDS", "HELD_BY", "SIGNED (gez.)"} <= set(labels)
    legend = page.inner_text("#legend")
    assert all(word in legend for word in ("Paper", "Faction", "Person", "Decision", "Meeting", "Committee"))

    _click_node(page, paper("26309-22-e1"))
    facts = page.locator("#facts")
    assert facts.locator("h2").inner_text() == "Drucksache 26309-22-e1"
    assert facts.locator(".evidence-text").first.inner_text() == "Zusatz-/Ergänzungsantrag"
    assert "file:///seeds/antrag.txt [0–24]" in facts.inner_text()
    assert "amendment" in facts.inner_text()

    _click_node(page, DECISION_A)
    assert facts.locator(".evidence-text").first.inner_text() == "Der Ausschuss beschließt mehrheitlich"
    assert problems == []


def test_person_page_shows_the_ego_network(open_page):
    go, problems = open_page
    page = go("/pages/persons/dortmund/person/mueller-anna", "person-ego")
    assert _node_ids(page) == sorted(
        [
            person("mueller-anna"),
            person("reppin-udo"),
            person("schmidt-jan"),
            person("weber-eva"),
            org("spd"),
            org("cdu"),
            org("gruene"),
            paper("26309-22-e1"),
            paper("10001-23"),
        ]
    )
    _click_node(page, person("mueller-anna"))
    assert page.locator("#facts .evidence-text").first.inner_text() == "Anna Müller"
    assert "MEMBER_OF (Mitglied) – SPD-Fraktion" in page.inner_text("#facts")
    assert problems == []


def test_cosponsorship_page_links_factions_and_shows_a_factions_evidence(open_page):
    go, problems = open_page
    page = go("/pages/cosponsorship", "cosponsorship")
    assert _node_ids(page) == FACTION_IDS
    edges = page.evaluate("network.body.data.edges.get().map(e => [e.from, e.to, e.label])")
    assert sorted(edges) == [[org("cdu"), org("spd"), "1 gemeinsam"], [org("gruene"), org("spd"), "1 gemeinsam"]]
    _click_node(page, org("cdu"))
    assert page.locator("#facts h2").inner_text() == "CDU-Fraktion"
    assert page.locator("#facts .evidence-text").first.inner_text() == "CDU-Fraktion"
    assert problems == []


def test_voting_agreement_page_labels_each_pair_with_its_share(open_page):
    go, problems = open_page
    page = go("/pages/voting-agreement", "voting-agreement")
    assert _node_ids(page) == FACTION_IDS
    labels = dict(
        ((a, b), label)
        for a, b, label in page.evaluate("network.body.data.edges.get().map(e => [e.from, e.to, e.label])")
    )
    assert len(labels) == 6
    assert labels[(org("cdu"), org("spd"))] == "67 % (2/3)"
    _click_node(page, org("afd"))
    assert page.locator("#facts .evidence-text").first.inner_text() == "AfD-Fraktion"
    assert problems == []
