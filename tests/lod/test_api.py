"""The LOD routes: content negotiation on /id/, 404 problems, dumps, the catalogue and the SPARQL protocol."""

from __future__ import annotations

import json

import pytest
from lodbatch import BASE, PAPER
from rdflib import Graph, URIRef

from ratsgraph.graph.export.rdf import node_iri

PAPER_PATH = node_iri(BASE, "Paper", PAPER).removeprefix(BASE)
COUNT_WORKS = "PREFIX eli: <http://data.europa.eu/eli/ontology#> SELECT (COUNT(?w) AS ?n) WHERE { ?w a eli:Work }"


@pytest.mark.parametrize(
    ("accept", "media_type", "parse_as"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml;q=0.9, text/html;q=0.1", "application/rdf+xml", "xml"),
    ],
)
def test_a_resource_is_served_in_the_format_the_client_accepts(client, accept, media_type, parse_as):
    response = client.get(PAPER_PATH, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert "Accept" in response.headers["vary"]
    graph = Graph().parse(data=response.text, format=parse_as)
    paper = URIRef(BASE + PAPER_PATH)
    assert (paper, URIRef("http://purl.org/dc/terms/identifier"), None) in graph
    # Incoming links are part of the description: the decision voted on it.
    assert any(
        graph.subjects(
            URIRef("http://data.europa.eu/eli/eli-draft-legislation-ontology#decided_on_a_realization_of"), paper
        )
    )


def test_a_browser_gets_an_html_page_with_local_links(client):
    response = client.get(PAPER_PATH, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "Blockchain-Forschungsprojekt" in response.text
    assert 'href="/id/org/dortmund/cdu"' in response.text


def test_the_format_parameter_overrides_the_accept_header(client):
    response = client.get(PAPER_PATH, params={"format": "nt"}, headers={"Accept": "text/html"})
    assert response.headers["content-type"].startswith("application/n-triples")


def test_an_unknown_id_is_a_404_problem(client):
    response = client.get("/id/paper/dortmund/nope", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert set(body) == {"type", "title", "status", "detail"} and body["status"] == 404


def test_a_resource_of_the_wrong_type_is_not_found(client):
    assert client.get("/id/person/dortmund/26309-22-e1").status_code == 404


def test_the_dumps_stream_the_whole_graph(client):
    nt = client.get("/dumps/graph.nt")
    ttl = client.get("/dumps/graph.ttl")
    assert nt.status_code == ttl.status_code == 200
    assert nt.headers["content-type"].startswith("application/n-triples")
    g_nt, g_ttl = Graph().parse(data=nt.text, format="nt"), Graph().parse(data=ttl.text, format="turtle")
    assert len(g_nt) == len(g_ttl) == len(nt.text.splitlines())


def test_the_catalogue_and_the_vocabulary_are_served(client):
    catalog = client.get("/catalog", headers={"Accept": "application/rdf+xml"})
    assert catalog.status_code == 200 and catalog.headers["content-type"].startswith("application/rdf+xml")
    assert "05913000" in catalog.text
    vocab = client.get("/def/ratsgraph", headers={"Accept": "text/turtle"})
    assert vocab.status_code == 200 and "GroupResult" in vocab.text


def test_sparql_select_by_get_and_post(client):
    for response in (
        client.get("/sparql", params={"query": COUNT_WORKS}),
        client.post("/sparql", data={"query": COUNT_WORKS}),
        client.post("/sparql", content=COUNT_WORKS, headers={"Content-Type": "application/sparql-query"}),
    ):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        assert response.json()["results"]["bindings"][0]["n"]["value"] == "3"


def test_sparql_results_follow_the_accept_header(client):
    xml = client.get("/sparql", params={"query": COUNT_WORKS}, headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml") and "<sparql" in xml.text
    work = "<http://data.europa.eu/eli/ontology#Work>"
    construct = f"CONSTRUCT {{ ?w a {work} }} WHERE {{ ?w a {work} }}"
    ttl = client.get("/sparql", params={"query": construct}, headers={"Accept": "text/turtle"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=ttl.text, format="turtle")) == 3
    ask = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert json.loads(ask.text)["boolean"] is True


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "GET", "params": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"method": "POST", "data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {
            "method": "POST",
            "content": "DELETE WHERE { ?s ?p ?o }",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {"method": "GET", "params": {"query": "SELEC nonsense"}},
    ],
)
def test_sparql_refuses_updates_and_bad_queries_with_400(client, request_kwargs):
    method = request_kwargs.pop("method")
    response = client.request(method, "/sparql", **request_kwargs)
    assert response.status_code == 400
    assert response.json()["status"] == 400


def test_the_sparql_index_is_rebuilt_when_the_graph_changes(client, lod_store):
    from ratsgraph.graph.model import GraphBatch, Node

    assert client.get("/sparql", params={"query": COUNT_WORKS}).json()["results"]["bindings"][0]["n"]["value"] == "3"
    lod_store.write(
        GraphBatch(nodes=[Node(label="Paper", id="dortmund/paper/1-23", props={"name": "Neu", "reference": "1-23"})])
    )
    client.app.state.lod_sparql.recheck_s = 0
    assert client.get("/sparql", params={"query": COUNT_WORKS}).json()["results"]["bindings"][0]["n"]["value"] == "4"
