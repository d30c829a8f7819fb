"""The RDF export: stable IRIs, a golden Turtle file, round trips between formats, and SHACL shapes."""

from __future__ import annotations

import io
import os

import pytest
from lodbatch import BASE, DECISION, GOLDEN, PAPER, shapes, small_batch
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic, to_isomorphic

from ratsgraph.graph.export.rdf import (
    candidate_ids,
    export_rdf,
    iter_triples,
    node_iri,
    serialize,
    to_rdflib,
    vocabulary_graph,
)

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ELI_DL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
RAT = Namespace(f"{BASE}/def/ratsgraph#")


def _graph(store, fmt: str, *, vocabulary: bool = False) -> Graph:
    buffer = io.StringIO()
    serialize(iter_triples(store, BASE, vocabulary=vocabulary), fmt, buffer, base=BASE)
    return Graph().parse(
        data=buffer.getvalue(), format={"ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}.get(fmt, fmt)
    )


@pytest.mark.parametrize(
    ("label", "node_id", "iri"),
    [
        ("Paper", "dortmund/paper/26309-22-e1", "/id/paper/dortmund/26309-22-e1"),
        ("Faction", "dortmund/org/cdu", "/id/org/dortmund/cdu"),
        ("Person", "dortmund/person/reppin-udo", "/id/person/dortmund/reppin-udo"),
        ("Meeting", "dortmund/meeting/rat/2017-06-01", "/id/meeting/dortmund/rat/2017-06-01"),
        (
            "AgendaItem",
            "dortmund/meeting/rat/2017-06-01/item/10-2",
            "/id/item/dortmund/meeting/rat/2017-06-01/item/10-2",
        ),
        ("Body", "dortmund/body", "/id/body/dortmund"),
        ("Document", "doc/0123456789abcdef", "/id/doc/0123456789abcdef"),
        ("Person", "x/person/Kreße Dr", "/id/person/x/Kre%C3%9Fe%20Dr"),
    ],
)
def test_iris_follow_the_documented_rule_and_lead_back_to_the_node(label, node_id, iri):
    assert node_iri(BASE, label, node_id) == BASE + iri
    type_, _, key = iri.removeprefix("/id/").partition("/")
    from urllib.parse import unquote

    assert node_id in candidate_ids(type_, unquote(key))


def test_a_small_batch_exports_to_the_golden_turtle(store):
    store.write(small_batch())
    exported = _graph(store, "turtle")
    golden = Graph().parse(GOLDEN / "small_batch.ttl", format="turtle")
    if os.environ.get("RATSGRAPH_UPDATE_GOLDEN"):
        (GOLDEN / "small_batch.ttl").write_text(exported.serialize(format="turtle"), encoding="utf-8")
    assert isomorphic(exported, golden), _diff(exported, golden)


def _diff(a: Graph, b: Graph) -> str:
    ia, ib = to_isomorphic(a), to_isomorphic(b)
    only_a = sorted(t.n3() for t in ia - ib for t in t)[:20]
    return f"{len(ia - ib)} triples only in the export, {len(ib - ia)} only in the golden file: {only_a}"


def test_turtle_ntriples_jsonld_and_rdfxml_hold_the_same_triples(lod_store):
    turtle = _graph(lod_store, "turtle", vocabulary=True)
    ntriples = _graph(lod_store, "ntriples", vocabulary=True)
    lines = io.StringIO()
    count = serialize(iter_triples(lod_store, BASE), "ntriples", lines, base=BASE)
    assert count == len(lines.getvalue().splitlines()) == len(turtle) == len(ntriples)
    assert isomorphic(turtle, ntriples)
    for fmt in ("jsonld", "rdfxml"):
        assert isomorphic(_graph(lod_store, fmt, vocabulary=True), turtle), fmt


def test_a_sample_subgraph_survives_the_round_trip(lod_store):
    # The paper's description: what the API serves for it.
    turtle = _graph(lod_store, "turtle")
    direct = to_rdflib(iter_triples(lod_store, BASE, vocabulary=False))
    paper = URIRef(node_iri(BASE, "Paper", PAPER))
    sample = Graph()
    for graph in (turtle,):
        for triple in graph.triples((paper, None, None)):
            sample.add(triple)
    expected = Graph()
    for triple in direct.triples((paper, None, None)):
        expected.add(triple)
    assert len(sample) > 5 and isomorphic(sample, expected)


def test_the_mapping_uses_the_standard_vocabularies(lod_store):
    g = _graph(lod_store, "turtle")
    paper = URIRef(node_iri(BASE, "Paper", PAPER))
    decision = URIRef(node_iri(BASE, "Decision", DECISION))
    cdu = URIRef(node_iri(BASE, "Faction", "dortmund/org/cdu"))
    assert (paper, ELI.work_type, URIRef(f"{BASE}/def/paper-kind/amendment")) in g
    assert (paper, ELI_DL.foresees_change_of, URIRef(node_iri(BASE, "Paper", "dortmund/paper/26309-22"))) in g
    assert (paper, URIRef("http://purl.org/dc/terms/creator"), cdu) in g
    assert (decision, ELI_DL.decision_outcome, URIRef(f"{BASE}/def/decision-outcome/rejected")) in g
    [result] = g.subjects(RAT.group, cdu)
    assert (result, RAT.position, URIRef(f"{BASE}/def/vote-position/yes")) in g
    assert (result, RAT.decision, decision) in g
    assert (result, PROV.value, Literal("gegen die Stimmen der CDU", lang="de")) in g
    # Herr/Frau is not published.
    assert "Herr" not in {str(o) for o in g.objects()}


def test_the_export_conforms_to_the_shapes(lod_store):
    data = _graph(lod_store, "turtle", vocabulary=True)
    conforms, _, report = validate(data, shacl_graph=shapes("ratsgraph.ttl"), inference="none")
    assert conforms, report


def test_the_shapes_catch_a_decision_without_an_outcome(lod_store):
    data = _graph(lod_store, "turtle", vocabulary=True)
    data.remove((URIRef(node_iri(BASE, "Decision", DECISION)), ELI_DL.decision_outcome, None))
    conforms, _, report = validate(data, shacl_graph=shapes("ratsgraph.ttl"), inference="none")
    assert not conforms and "decision_outcome" in report


def test_the_vocabulary_has_german_and_english_labels_for_every_term():
    vocab = vocabulary_graph(BASE)
    rdfs_label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    terms = {s for s in vocab.subjects() if str(s).startswith(str(RAT))}
    assert RAT.GroupResult in terms and len(terms) > 20
    for term in terms:
        langs = {o.language for o in vocab.objects(term, rdfs_label)}
        assert {"de", "en"} <= langs, term


def test_export_rdf_writes_a_file_and_refuses_an_unknown_format(lod_store, tmp_path):
    from ratsgraph.graph.export.rdf import UnknownFormat

    count = export_rdf(lod_store, "ntriples", tmp_path / "g.nt", base=BASE)
    assert count == len(Graph().parse(tmp_path / "g.nt", format="nt"))
    with pytest.raises(UnknownFormat):
        export_rdf(lod_store, "csv", tmp_path / "g.csv", base=BASE)
