"""The JSON API on both engines: each endpoint returns the facts of the sample graph, with evidence."""

from __future__ import annotations

import pytest
from sample import (
    ANSWER,
    AWBEWF,
    BASE,
    CDU,
    D1,
    D2,
    DECISION,
    GRUENE,
    ITEM,
    MEETING,
    PAPER,
    RAT,
    RAT_MEETING,
    REPPIN,
    SPD,
)


def _ids(items, key="id"):
    return [item[key] for item in items]


def test_health_and_stats(client):
    health = client.get("/health").json()
    assert health["status"] == "ok"
    stats = client.get("/stats").json()
    assert stats["nodes"]["Paper"] == 4
    assert stats["relationships"]["VOTED"] == 3
    assert stats["total_nodes"] == sum(stats["nodes"].values())


def test_openapi_docs_are_served(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/persons", "/papers", "/cypher", "/search", "/stats", "/health"} <= set(paths)


def test_paper_life_cycle_has_submitter_links_consultations_decisions_and_votes_with_evidence(client):
    response = client.get(f"/papers/{PAPER}")
    assert response.status_code == 200
    paper = response.json()
    assert paper["reference"] == "26309-22-E1" and paper["kind"] == "amendment"
    assert paper["submitters"] == [
        {
            "actor_id": CDU,
            "actor_name": "CDU-Fraktion",
            "actor_type": "Faction",
            "evidence": {
                "text": "die CDU-Fraktion im Ausschuss",
                "document_id": D1,
                "uri": "file:///seeds/000.txt",
                "start": paper["submitters"][0]["evidence"]["start"],
                "end": paper["submitters"][0]["evidence"]["end"],
            },
        }
    ]
    ev = paper["submitters"][0]["evidence"]
    assert ev["end"] - ev["start"] == len(ev["text"])
    assert _ids(paper["signers"], "person_id") == [REPPIN]
    assert paper["signers"][0]["role"] == "gez."
    assert _ids(paper["amends"], "paper_id") == [BASE]
    assert paper["amends"][0]["evidence"]["text"] == "Zusatz-/Ergänzungsantrag zu 26309-22"
    assert _ids(paper["answered_by"], "paper_id") == [ANSWER]
    assert paper["amended_by"] == [] and paper["answers"] == []
    assert _ids(paper["addressed_to"], "target_id") == [AWBEWF]
    assert [(c["meeting_id"], c["committee_id"], c["status"]) for c in paper["consultations"]] == [
        (MEETING, AWBEWF, "held"),
        (RAT_MEETING, RAT, "planned"),
    ]
    assert paper["consultations"][0]["evidence"]["uri"] == "file:///seeds/001.txt"
    [decision] = paper["decisions"]
    assert decision["decision_id"] == DECISION and decision["outcome"] == "rejected"
    assert [(v["voter_id"], v["position"]) for v in decision["votes"]] == [
        (CDU, "yes"),
        (GRUENE, "abstain"),
        (SPD, "no"),
    ]
    assert all(v["evidence"]["document_id"] == D2 for v in decision["votes"])
    assert paper["evidence"][0]["document_id"] == D1


def test_answer_paper_links_back(client):
    answer = client.get(f"/papers/{ANSWER}").json()
    assert _ids(answer["answers"], "paper_id") == [PAPER]
    assert [s["actor_type"] for s in answer["submitters"]] == ["AdministrativeUnit"]
    assert len(answer["references"]) == 1


def test_papers_list_filters(client):
    def ids(**params):
        response = client.get("/papers", params=params)
        assert response.status_code == 200, response.text
        return _ids(response.json()["items"])

    assert ids() == [ANSWER, PAPER, BASE, "dortmund/paper/07035-17"]  # newest first
    assert ids(kind="amendment") == [PAPER]
    assert ids(date_from="2022-11-01", date_to="2022-11-10") == [PAPER]
    assert ids(submitter=CDU) == [PAPER]
    assert ids(q="BLOCKCHAIN") == [ANSWER, PAPER]
    assert ids(q="26309-22-e1") == [PAPER]


def test_pagination_bounds_and_next_offset(client):
    first = client.get("/papers", params={"limit": 3}).json()
    assert len(first["items"]) == 3 and first["next_offset"] == 3
    second = client.get("/papers", params={"limit": 3, "offset": 3}).json()
    assert len(second["items"]) == 1 and second["next_offset"] is None
    assert client.get("/papers", params={"limit": 500}).status_code == 200
    for params in ({"limit": 501}, {"limit": 0}, {"offset": -1}, {"limit": "x"}):
        response = client.get("/papers", params=params)
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"


def test_persons_list_and_profile(client):
    persons = client.get("/persons").json()["items"]
    assert _ids(persons) == [
        "dortmund/person/mustermann-erika",
        "dortmund/person/westphal-thomas",
        REPPIN,
    ]
    assert _ids(client.get("/persons", params={"organization": CDU}).json()["items"]) == [REPPIN]
    assert _ids(client.get("/persons", params={"q": "REPP"}).json()["items"]) == [REPPIN]
    profile = client.get(f"/persons/{REPPIN}").json()
    assert [(m["organization_id"], m["organization_type"], m["role"]) for m in profile["memberships"]] == [
        (AWBEWF, "Committee", "Vorsitzender"),
        (CDU, "Faction", "Mitglied"),
    ]
    assert profile["memberships"][0]["evidence"]["text"] == "Udo Reppin (AWBEWF)"
    assert _ids(profile["signed_papers"], "paper_id") == [PAPER]
    assert profile["signed_papers"][0]["evidence"]["text"] == "gez. Udo Reppin"
    assert profile["submitted_papers"] == []
    assert [(s["item_id"], s["meeting_id"]) for s in profile["speeches"]] == [(ITEM, MEETING)]


def test_organizations_list_by_type_and_profile(client):
    factions = client.get("/organizations", params={"type": "faction"}).json()["items"]
    assert _ids(factions) == [CDU, GRUENE, SPD]
    assert {o["type"] for o in factions} == {"Faction"}
    assert _ids(client.get("/organizations", params={"type": "committee"}).json()["items"]) == [AWBEWF, RAT]
    assert client.get("/organizations", params={"type": "club"}).status_code == 422
    cdu = client.get(f"/organizations/{CDU}").json()
    assert cdu["type"] == "Faction" and cdu["short_name"] == "CDU"
    assert _ids(cdu["members"], "person_id") == [REPPIN]
    assert _ids(cdu["submitted_papers"]) == [PAPER]
    assert [(v["decision_id"], v["position"]) for v in cdu["votes"]] == [(DECISION, "yes")]
    committee = client.get(f"/organizations/{AWBEWF}").json()
    assert _ids(committee["meetings"]) == [MEETING]


def test_meetings_list_and_agenda(client):
    assert _ids(client.get("/meetings").json()["items"]) == [RAT_MEETING, MEETING]
    assert _ids(client.get("/meetings", params={"committee": RAT}).json()["items"]) == [RAT_MEETING]
    meeting = client.get(f"/meetings/{MEETING}").json()
    assert meeting["committees"] == [{"id": AWBEWF, "name": meeting["committees"][0]["name"]}]
    [item] = meeting["agenda_items"]
    assert item["id"] == ITEM and item["number"] == "4.11"
    assert [(p["id"], p["role"]) for p in item["papers"]] == [(PAPER, "Beschluss")]
    [decision] = item["decisions"]
    assert decision["id"] == DECISION and decision["papers"][0]["id"] == PAPER
    assert len(decision["votes"]) == 3
    assert [s["person_id"] for s in item["speeches"]] == ["dortmund/person/mustermann-erika", REPPIN]


def test_decision_with_votes(client):
    decision = client.get(f"/decisions/{DECISION}").json()
    assert decision["outcome"] == "rejected" and decision["meeting_id"] == MEETING
    assert decision["committees"][0]["id"] == AWBEWF
    assert _ids(decision["papers"], "paper_id") == [PAPER]
    assert {v["voter_id"]: v["position"] for v in decision["votes"]} == {CDU: "yes", SPD: "no", GRUENE: "abstain"}
    assert decision["votes"][0]["evidence"]["uri"] == "file:///seeds/001.txt"


def test_search_finds_papers_on_both_engines(client):
    result = client.get("/search", params={"q": "blockchain"}).json()
    assert {PAPER, ANSWER, ITEM} <= set(_ids(result["items"]))
    assert client.get("/search", params={"q": "zzzz-nothing"}).json()["items"] == []
    # Lucene syntax in user input is escaped, not interpreted (and not an error).
    assert client.get("/search", params={"q": 'block" AND (x'}).status_code == 200
    assert client.get("/search").status_code == 422


@pytest.mark.parametrize(
    "path",
    [
        "/papers/dortmund/paper/none",
        "/persons/dortmund/person/nobody",
        "/organizations/dortmund/org/none",
        "/meetings/dortmund/meeting/none",
        "/decisions/dortmund/decision/none",
        "/no/such/route",
    ],
)
def test_not_found_is_a_problem_document(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) >= {"type", "title", "status", "detail"} and body["status"] == 404


def test_validation_error_is_a_problem_document_with_fields(client):
    response = client.get("/papers", params={"date_from": "not-a-date"})
    assert response.status_code == 422
    body = response.json()
    assert body["title"] and body["status"] == 422 and "date_from" in body["detail"]
    assert body["errors"][0]["loc"] == ["query", "date_from"]
    assert client.get("/papers", params={"date_from": "2023-01-01", "date_to": "2022-01-01"}).status_code == 422


def test_unexpected_errors_hide_the_stack_trace(sample_store):
    from fastapi.testclient import TestClient

    from ratsgraph.api.app import create_app

    class Broken:
        engine = sample_store.engine

        def read(self, name, **params):
            raise RuntimeError("secret internal detail")

    app = create_app(store=Broken())
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/papers")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "secret" not in response.text and "Traceback" not in response.text


def test_cors_origins_come_from_the_settings(sample_store):
    from fastapi.testclient import TestClient

    from ratsgraph.api.app import create_app
    from ratsgraph.graph.settings import Settings

    app = create_app(store=sample_store, settings=Settings(cors_origins="https://example.org"))
    with TestClient(app) as client:
        allowed = client.get("/health", headers={"Origin": "https://example.org"})
        other = client.get("/health", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://example.org"
    assert "access-control-allow-origin" not in other.headers
