"""Person resolution across the documents of a load and the store."""

from __future__ import annotations

import pytest

from ratsgraph.graph.model import Edge, Evidence, GraphBatch, Node
from ratsgraph.graph.reference import load_council
from ratsgraph.graph.resolve import PersonRecord, cluster_persons, resolve_persons

COUNCIL = load_council("dortmund")


def person(node_id: str, family: str, given: str | None = None, form: str | None = None, doc: str = "doc/a") -> Node:
    ev = Evidence(document_id=doc, start=0, end=len(family), text=family)
    props = {
        "name": f"{given} {family}" if given else family,
        "family_name": family,
        "given_name": given,
        "form_of_address": form,
        "aliases": [family],
        "sources": [doc],
    }
    return Node(label="Person", id=node_id, props={k: v for k, v in props.items() if v is not None}, evidence=(ev,))


def spoke(person_id: str) -> Edge:
    return Edge(type="SPOKE_ON", source=person_id, source_label="Person", target="item/1", target_label="AgendaItem")


def test_a_family_name_mention_joins_the_one_person_of_that_name():
    a = GraphBatch(
        nodes=[person("dortmund/person/gebel", "Gebel", form="Herr")], edges=[spoke("dortmund/person/gebel")]
    )
    b = GraphBatch(nodes=[person("dortmund/person/gebel-christian", "Gebel", "Christian", doc="doc/b")])
    (a2, b2), problems = resolve_persons([a, b], [], COUNCIL)
    assert problems == []
    assert [n.id for n in a2.nodes] == ["dortmund/person/gebel-christian"]
    assert a2.edges[0].source == "dortmund/person/gebel-christian"
    assert a2.nodes[0].props["given_name"] == "Christian"
    assert a2.nodes[0].props["sources"] == ["doc/a"]


def test_two_candidates_are_reported_not_guessed():
    batch = GraphBatch(
        nodes=[
            person("dortmund/person/mueller-hans", "Müller", "Hans"),
            person("dortmund/person/mueller-petra", "Müller", "Petra"),
            person("dortmund/person/mueller", "Müller"),
        ]
    )
    (out,), problems = resolve_persons([batch], [], COUNCIL)
    assert {n.id for n in out.nodes} == {
        "dortmund/person/mueller-hans",
        "dortmund/person/mueller-petra",
        "dortmund/person/mueller",
    }
    (problem,) = problems
    assert problem.kind == "ambiguous_person"
    assert problem.candidates == ("dortmund/person/mueller-hans", "dortmund/person/mueller-petra")


def test_the_form_of_address_decides_between_two_candidates():
    records = [
        PersonRecord("h", "Müller", "Hans", "Herr"),
        PersonRecord("p", "Müller", "Petra", "Frau"),
        PersonRecord("x", "Müller", None, "Frau"),
    ]
    clusters, ambiguous = cluster_persons(records, [], "dortmund")
    assert ambiguous == {}
    assert sorted(clusters["dortmund/person/mueller-petra"]) == ["p", "x"]


def test_ids_in_the_store_win():
    batch = GraphBatch(nodes=[person("dortmund/person/westphal-thomas", "Westphal", "Thomas")])
    existing = [
        {
            "id": "dortmund/person/westphal",
            "name": "Westphal",
            "family_name": "Westphal",
            "given_name": None,
            "title": None,
            "form_of_address": "Herr",
            "aliases": ["Herr Westphal"],
        }
    ]
    (out,), _ = resolve_persons([batch], existing, COUNCIL)
    (node,) = out.nodes
    assert node.id == "dortmund/person/westphal"
    assert node.props["given_name"] == "Thomas"
    assert node.props["aliases"] == ["Herr Westphal", "Westphal"]


def test_loading_again_gives_the_same_ids_and_properties():
    a = GraphBatch(
        nodes=[person("dortmund/person/toelch", "Tölch", form="Herr")], edges=[spoke("dortmund/person/toelch")]
    )
    first, _ = resolve_persons([a], [], COUNCIL)
    row = {"id": first[0].nodes[0].id, **first[0].nodes[0].props}
    second, _ = resolve_persons([a], [row], COUNCIL)
    assert second[0].nodes[0].id == first[0].nodes[0].id
    assert {k: v for k, v in second[0].nodes[0].props.items() if k != "sources"} == {
        k: v for k, v in first[0].nodes[0].props.items() if k != "sources"
    }


def test_an_initial_joins_the_one_matching_given_name():
    clusters, ambiguous = cluster_persons(
        [PersonRecord("a", "Flake", "A."), PersonRecord("b", "Flake", "Andreas")], [], "dortmund"
    )
    assert sorted(clusters["dortmund/person/flake-andreas"]) == ["a", "b"]


@pytest.mark.parametrize("family", ["Jägers", "Jaegers"])
def test_umlaut_spellings_are_one_family(family):
    clusters, _ = cluster_persons([PersonRecord("a", "Jägers", None, "Frau"), PersonRecord("b", family)], [], "d")
    assert len(clusters) == 1
