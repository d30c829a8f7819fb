"""Council networks and success rates: pure builders on hand-made rows, and the same numbers from both stores."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from pages.council_sample import FACTION_IDS, org, person, sample_batch

from ratsgraph.graph import analysis


def _submission(paper: str, faction: str) -> dict:
    return {
        "paper_id": paper,
        "reference": paper,
        "title": None,
        "faction_id": faction,
        "faction_name": faction.upper(),
    }


def _vote(decision: str, faction: str, position: str) -> dict:
    return {
        "decision_id": decision,
        "outcome": "adopted",
        "faction_id": faction,
        "faction_name": faction.upper(),
        "position": position,
    }


def test_factions_that_submit_together_are_linked_with_the_number_of_shared_papers():
    rows = [_submission("p1", "cdu"), _submission("p1", "spd"), _submission("p2", "cdu"), _submission("p2", "spd")]
    rows += [_submission("p3", "afd")]
    graph = analysis.cosponsorship_graph(rows)
    assert sorted(graph.nodes) == ["afd", "cdu", "spd"]
    assert graph.edges["cdu", "spd"]["weight"] == 2
    assert graph.edges["cdu", "spd"]["papers"] == ["p1", "p2"]
    assert graph.nodes["afd"]["papers"] == 1 and graph.degree("afd") == 0


def test_voting_agreement_counts_only_decisions_where_both_factions_have_a_recorded_position():
    rows = [_vote("d1", "cdu", "yes"), _vote("d1", "spd", "yes"), _vote("d1", "afd", "no")]
    rows += [_vote("d2", "cdu", "no"), _vote("d2", "spd", "yes")]
    rows += [_vote("d3", "cdu", "abstain")]
    graph = analysis.voting_agreement_graph(rows)
    assert {k: graph.edges["cdu", "spd"][k] for k in ("n_same", "n_both", "agreement")} == {
        "n_same": 1,
        "n_both": 2,
        "agreement": 0.5,
    }
    assert graph.edges["afd", "cdu"]["n_both"] == 1 and graph.edges["afd", "cdu"]["agreement"] == 0.0
    names, matrix = analysis.agreement_matrix(graph)
    assert names == ["AFD", "CDU", "SPD"]
    assert matrix == [[1.0, 0.0, 0.0], [0.0, 1.0, 0.5], [0.0, 0.5, 1.0]]


def test_cosigning_centrality_puts_the_bridge_between_two_groups_in_the_middle():
    rows = [
        {"paper_id": p, "reference": p, "person_id": who, "person_name": who}
        for p, signers in (("p1", ["a", "b"]), ("p2", ["b", "c"]), ("p3", ["c", "d"]))
        for who in signers
    ]
    graph = analysis.cosigning_graph(rows)
    assert [graph.nodes[n]["degree"] for n in "abcd"] == [1, 2, 2, 1]
    assert graph.nodes["b"]["betweenness"] == graph.nodes["c"]["betweenness"] == pytest.approx(0.6667)
    assert graph.nodes["a"]["betweenness"] == 0.0
    assert graph.nodes["b"]["degree_centrality"] == pytest.approx(0.6667)


def test_a_paper_rejected_in_committee_and_adopted_by_the_council_counts_as_adopted():
    def row(paper: str, outcome: str | None, kind: str = "motion") -> dict:
        return {"faction_id": "f", "faction_name": "F", "paper_id": paper, "kind": kind, "outcome": outcome}

    rows = [row("p1", "rejected"), row("p1", "adopted"), row("p2", "rejected"), row("p3", None)]
    rows += [row("p4", "referred"), row("p5", "adopted", kind="inquiry")]
    [rate] = analysis.success_rates(rows, kinds=["motion"])
    assert rate == {
        "faction_id": "f",
        "faction_name": "F",
        "submitted": 4,
        "adopted": 1,
        "rejected": 1,
        "undecided": 1,
        "other": 1,
        "by_status": {"adopted": 1, "referred": 1, "rejected": 1, "undecided": 1},
        "success_rate": 0.5,
    }
    assert analysis.success_rates(rows)[0]["adopted"] == 2


def test_a_faction_without_decided_papers_has_no_success_rate_rather_than_zero():
    rows = [{"faction_id": "f", "faction_name": "F", "paper_id": "p", "kind": "motion", "outcome": None}]
    assert analysis.success_rates(rows)[0]["success_rate"] is None


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_round_trip_through_networkx_with_names_as_gephi_labels(fmt):
    rows = [_submission("p1", "cdu"), _submission("p1", "spd")]
    data = analysis.graph_file(analysis.cosponsorship_graph(rows), fmt)
    read = nx.read_graphml(io.BytesIO(data)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(data))
    assert sorted(read.nodes) == ["cdu", "spd"]
    if fmt == "graphml":
        assert read.nodes["cdu"]["label"] == "CDU" and read.nodes["cdu"]["type"] == "Faction"
        assert read.edges["cdu", "spd"]["papers"] == "p1"
    else:
        assert read.nodes["cdu"]["label"] == "CDU"
    assert read.edges["cdu", "spd"]["weight"] == 1


def test_graph_json_orders_nodes_and_edges(store):
    store.write(sample_batch())
    data = analysis.graph_json(analysis.analysis_graph(store, "cosponsorship"))
    assert [n["id"] for n in data["nodes"]] == FACTION_IDS
    assert [(e["source"], e["target"], e["weight"]) for e in data["edges"]] == [
        (org("cdu"), org("spd"), 1),
        (org("gruene"), org("spd"), 1),
    ]


def test_both_stores_give_the_same_voting_agreement(store):
    store.write(sample_batch())
    graph = analysis.analysis_graph(store, "voting-agreement")
    # d_a: CDU yes SPD yes Grüne no AfD abstain; d_r1: CDU no SPD yes Grüne yes AfD no; d_r2: AfD yes, others no.
    agreement = {(a, b): (e["n_same"], e["n_both"]) for a, b, e in graph.edges(data=True)}
    assert agreement[tuple(sorted((org("cdu"), org("spd"))))] == (2, 3)
    assert agreement[tuple(sorted((org("gruene"), org("spd"))))] == (2, 3)
    assert agreement[tuple(sorted((org("afd"), org("cdu"))))] == (1, 3)
    assert len(agreement) == 6


def test_both_stores_give_the_same_cosigning_and_success_rates(store):
    store.write(sample_batch())
    cosigning = analysis.analysis_graph(store, "cosigning")
    assert cosigning.nodes[person("mueller-anna")]["degree"] == 3
    assert cosigning.nodes[person("mueller-anna")]["betweenness"] == pytest.approx(0.6667)
    rates = {r["faction_id"]: r for r in analysis.success_rates(store.read("analytics_faction_outcomes"))}
    assert rates[org("cdu")]["success_rate"] == 1.0
    assert rates[org("spd")]["submitted"] == 2 and rates[org("spd")]["success_rate"] == 0.5
    assert rates[org("afd")]["success_rate"] == 0.0


def test_analytics_queries_return_the_same_rows_on_both_engines(embedded_store, neo4j_store):
    for s in (embedded_store, neo4j_store):
        s.write(sample_batch())
    for name in (
        "analytics_faction_submissions",
        "analytics_faction_votes",
        "analytics_person_signatures",
        "analytics_faction_outcomes",
    ):
        assert embedded_store.read(name) == neo4j_store.read(name), name
    ids = [org("cdu"), "dortmund/paper/26309-22-e1"]
    assert embedded_store.read("page_evidence", ids=ids) == neo4j_store.read("page_evidence", ids=ids)
    types = ["SUBMITTED", "SIGNED", "AMENDS", "CONSULTED_AT", "ON", "MEMBER_OF", "VOTED"]

    def edges(s):
        return [
            {**row, "props": {k: v for k, v in row["props"].items() if v is not None}}
            for row in sorted(
                s.read("page_edges", ids=ids, types=types), key=lambda r: (r["source"], r["type"], r["target"])
            )
        ]

    assert edges(embedded_store) == edges(neo4j_store)
