"""The API on the five seed documents, loaded end to end by the text parser (both engines)."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


@pytest.fixture
def seeds_client(store):
    from fastapi.testclient import TestClient

    from ratsgraph.api.app import create_app
    from ratsgraph.loaders.batch import load_documents

    report = load_documents(sorted(SEEDS.iterdir()), store, clock=lambda: "2026-01-01T00:00:00+00:00")
    assert report.ok, report.problems
    with TestClient(create_app(store=store), raise_server_exceptions=False) as client:
        yield client


def test_the_amendment_has_the_cdu_as_submitter_with_evidence(seeds_client):
    response = seeds_client.get("/papers/dortmund/paper/26309-22-e1")
    assert response.status_code == 200, response.text
    paper = response.json()
    cdu = [s for s in paper["submitters"] if s["actor_id"] == "dortmund/org/cdu"]
    assert cdu, paper["submitters"]
    evidence = cdu[0]["evidence"]
    assert "CDU" in evidence["text"]
    assert evidence["document_id"].startswith("doc/") and evidence["uri"]
    assert evidence["end"] - evidence["start"] == len(evidence["text"])


def test_every_list_endpoint_answers_on_the_seeds(seeds_client):
    for path in ("/persons", "/organizations", "/papers", "/meetings", "/stats"):
        response = seeds_client.get(path)
        assert response.status_code == 200, (path, response.text)
    papers = seeds_client.get("/papers", params={"limit": 500}).json()["items"]
    assert papers
    for paper in papers[:10]:
        assert seeds_client.get(f"/papers/{paper['id']}").status_code == 200
    for meeting in seeds_client.get("/meetings").json()["items"][:5]:
        assert seeds_client.get(f"/meetings/{meeting['id']}").status_code == 200
