"""The GraphStore contract, on both engines: idempotent MERGE writes, all-or-nothing batches, plain values back."""

from __future__ import annotations

import pytest

from ratsgraph.graph.export.nodelink import node_link
from ratsgraph.graph.model import Edge, Evidence, GraphBatch, Node
from ratsgraph.graph.store.base import DanglingEdge

DOC = "doc/0000000000000001"


def _evidence(text: str, start: int = 0) -> Evidence:
    return Evidence(document_id=DOC, start=start, end=start + len(text), text=text)


def _batch(doc_id: str = DOC, alias: str = "CDU-Fraktion") -> GraphBatch:
    ev = Evidence(document_id=doc_id, start=0, end=3, text="CDU")
    return GraphBatch(
        nodes=[
            Node(label="Document", id=doc_id, props={"name": "motion.txt", "uri": f"file:///{doc_id}"}),
            Node(label="Faction", id="t/org/cdu", props={"name": "CDU", "aliases": [alias]}, evidence=(ev,)),
            Node(
                label="Paper",
                id="t/paper/1-22",
                props={"name": "Antrag", "reference": "1-22", "kind": "motion", "date": "2022-11-07"},
                evidence=(ev,),
            ),
        ],
        edges=[
            Edge(
                type="SUBMITTED",
                source="t/org/cdu",
                source_label="Faction",
                target="t/paper/1-22",
                target_label="Paper",
                evidence=ev,
            )
        ],
    )


def test_writing_the_same_batch_twice_leaves_the_same_graph(store):
    store.write(_batch())
    first = store.counts()
    store.write(_batch())
    assert store.counts() == first
    assert first == {
        "nodes": {"Document": 1, "Faction": 1, "Paper": 1},
        "relationships": {"EXTRACTED_FROM": 2, "SUBMITTED": 1},
    }


def test_a_node_seen_in_two_documents_keeps_both_sources_and_all_aliases(store):
    store.write(_batch(DOC, "CDU-Fraktion"))
    store.write(_batch("doc/0000000000000002", "Fraktion CDU"))
    faction = next(n for n in node_link(store)["nodes"] if n["id"] == "t/org/cdu")
    assert faction["labels"] == ["Organization", "Faction"]
    assert faction["sources"] == [DOC, "doc/0000000000000002"]
    assert faction["aliases"] == ["CDU-Fraktion", "Fraktion CDU"]


def test_a_later_document_without_a_value_does_not_erase_an_earlier_one(store):
    store.write(_batch())
    later = GraphBatch(nodes=[Node(label="Paper", id="t/paper/1-22", props={"name": "Antrag", "date": None})])
    store.write(later)
    paper = next(n for n in node_link(store)["nodes"] if n["id"] == "t/paper/1-22")
    assert paper["date"] == "2022-11-07"
    assert paper["kind"] == "motion"


def test_an_edge_to_a_missing_node_rolls_back_the_whole_batch(store):
    store.write(_batch())
    before = store.counts()
    broken = GraphBatch(
        nodes=[Node(label="Person", id="t/person/x", props={"name": "X", "family_name": "X"})],
        edges=[
            Edge(type="SIGNED", source="t/person/x", source_label="Person", target="t/paper/none", target_label="Paper")
        ],
    )
    with pytest.raises(DanglingEdge):
        store.write(broken)
    assert store.counts() == before


def test_relationships_carry_their_evidence_and_source_document(store):
    store.write(_batch())
    links = node_link(store)["links"]
    submitted = next(link for link in links if link["type"] == "SUBMITTED")
    assert submitted == {
        "source": "t/org/cdu",
        "target": "t/paper/1-22",
        "type": "SUBMITTED",
        "source_document": DOC,
        "evidence": "CDU",
        "start": 0,
        "end": 3,
    }
    extracted = sorted(link["source"] for link in links if link["type"] == "EXTRACTED_FROM")
    assert extracted == ["t/org/cdu", "t/paper/1-22"]


def test_undeclared_properties_are_refused_before_anything_is_written(store):
    bad = GraphBatch(nodes=[Node(label="Paper", id="t/paper/x", props={"colour": "red"})])
    with pytest.raises(ValueError, match="undeclared"):
        store.write(bad)
    assert store.counts()["nodes"] == {}


def test_two_memberships_of_one_person_in_one_organisation_stay_two(store):
    nodes = [
        Node(label="Person", id="t/person/a", props={"name": "A", "family_name": "A"}),
        Node(label="Committee", id="t/org/rat", props={"name": "Rat"}),
    ]
    terms = [("m1", "2014-06-01", "2020-10-31"), ("m2", "2020-11-01", None)]
    edges = [
        Edge(
            type="MEMBER_OF",
            source="t/person/a",
            source_label="Person",
            target="t/org/rat",
            target_label="Committee",
            props={"oparl_id": oparl_id, "start_date": start, "end_date": end},
        )
        for oparl_id, start, end in terms
    ]
    store.write(GraphBatch(nodes=nodes, edges=edges))
    store.write(GraphBatch(nodes=nodes, edges=edges))
    links = [link for link in node_link(store)["links"] if link["type"] == "MEMBER_OF"]
    assert sorted((link["key"], link["start_date"]) for link in links) == [("m1", "2014-06-01"), ("m2", "2020-11-01")]


def test_list_properties_of_neighbouring_rows_do_not_mix(store):
    """A regression guard: one engine's list lambdas once leaked one row's aliases into the next row."""
    committees = [
        Node(label="Committee", id="t/org/a", props={"name": "A", "aliases": ["Alpha", "A-Ausschuss"]}),
        Node(label="Committee", id="t/org/b", props={"name": "B", "aliases": []}),
        Node(label="Committee", id="t/org/c", props={"name": "C", "aliases": ["Gamma"]}),
        Node(label="Committee", id="t/org/d", props={"name": "D"}),
    ]
    store.write(GraphBatch(nodes=committees))
    store.write(GraphBatch(nodes=[Node(label="Committee", id="t/org/b", props={"aliases": ["Beta"]})]))
    aliases = {n["id"]: n.get("aliases") for n in node_link(store)["nodes"]}
    assert aliases == {"t/org/a": ["Alpha", "A-Ausschuss"], "t/org/b": ["Beta"], "t/org/c": ["Gamma"], "t/org/d": []}


def test_the_streamed_node_link_file_equals_the_in_memory_export(store, tmp_path):
    import io
    import json

    from ratsgraph.graph.export.nodelink import write_node_link

    store.write(_batch())
    out = io.StringIO()
    assert write_node_link(store, out, {"engine": "x"}) == (3, 3)
    assert json.loads(out.getvalue()) == node_link(store, {"engine": "x"})


def test_a_read_only_embedded_store_sees_what_a_loader_process_wrote_since(tmp_path, seeds_dir):
    """The API opens the embedded store read-only; a `ratsgraph load` in another process adds to it."""
    import os
    import subprocess
    import sys
    import time
    from pathlib import Path

    from ratsgraph.graph.store.embedded import EmbeddedStore

    env = {**os.environ, "RATSGRAPH_DATA_DIR": str(tmp_path), "RATSGRAPH_STORE": "embedded"}
    cli = Path(sys.executable).with_name("ratsgraph")
    first = sorted(seeds_dir.iterdir())[0]
    subprocess.run([cli, "load", str(first)], check=True, env=env, capture_output=True)
    reader = EmbeddedStore(tmp_path / "graph.lbug", read_only=True)
    try:
        assert reader.counts()["nodes"]["Document"] == 1
        subprocess.run([cli, "load", str(seeds_dir)], check=True, env=env, capture_output=True)
        time.sleep(1.1)
        assert reader.counts()["nodes"]["Document"] == 5
    finally:
        reader.close()
