"""The synthetic council generator: deterministic, valid batches, and counts that a store confirms.

No timing assertions here: the figures live in benchmarks/results/, measured by the scripts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ratsgraph.graph.model import Edge, Node, validate_edge, validate_node

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from synthetic import SyntheticCouncil, write_documents  # noqa: E402

SCALE = 0.002


def _dump(council: SyntheticCouncil) -> list[tuple]:
    out = []
    for batch in council.batches():
        out.append(
            (
                tuple((n.label, n.id, tuple(sorted(map(str, n.props.items()))), n.evidence) for n in batch.nodes),
                tuple(
                    (e.type, e.source, e.target, tuple(sorted(map(str, e.props.items()))), e.evidence)
                    for e in batch.edges
                ),
            )
        )
    return out


def test_the_same_seed_gives_the_same_graph_and_another_seed_another():
    first = _dump(SyntheticCouncil(scale=SCALE, seed=3))
    assert first == _dump(SyntheticCouncil(scale=SCALE, seed=3))
    assert first != _dump(SyntheticCouncil(scale=SCALE, seed=4))


def test_the_chunk_size_changes_the_batches_but_not_the_graph():
    def flat(chunk_rows: int) -> tuple[set, set]:
        council = SyntheticCouncil(scale=SCALE, seed=3, chunk_rows=chunk_rows)
        nodes, edges = set(), set()
        for batch in council.batches():
            nodes |= {(n.label, n.id) for n in batch.nodes}
            edges |= {(e.type, e.source, e.target) for e in batch.edges}
        return nodes, edges

    assert flat(500) == flat(20_000)


def test_every_node_and_edge_validates_and_carries_evidence():
    council = SyntheticCouncil(scale=SCALE, seed=5, chunk_rows=2_000)
    seen: set[str] = set()
    for batch in council.batches():
        assert 0 < len(batch.nodes) + len(batch.edges)
        for node in batch.nodes:
            validate_node(node)
            Node.model_validate(node.model_dump())  # the fields have the declared types
            assert node.id not in seen, f"{node.id} generated twice"
            seen.add(node.id)
            assert node.label == "Document" or len(node.evidence) == 1
        for edge in batch.edges:
            validate_edge(edge)
            Edge.model_validate(edge.model_dump())
            assert edge.evidence is not None and edge.evidence.text
    labels = council.stats["nodes"]
    assert labels["Committee"] >= 4 and labels["Faction"] >= 8
    assert labels["Paper"] >= 150 and labels["Person"] >= 60
    kinds = council.stats["relationships"]
    for rel in ("AMENDS", "ANSWERS", "CONSULTED_AT", "VOTED", "MEMBER_OF", "HAS_DECISION", "EXTRACTED_FROM"):
        assert kinds[rel] > 0, rel


def test_a_tiny_scale_writes_into_the_embedded_store_with_the_reported_counts(embedded_store):
    council = SyntheticCouncil(scale=SCALE, seed=7, chunk_rows=3_000)
    for batch in council.batches():
        embedded_store.write(batch)
    counts = embedded_store.counts()
    assert counts["nodes"] == dict(council.stats["nodes"])
    assert counts["relationships"] == dict(council.stats["relationships"])


@pytest.mark.parametrize("n", [12])
def test_documents_are_deterministic_and_in_the_seeds_style(tmp_path, n):
    a = write_documents(tmp_path / "a", n, seed=1)
    b = write_documents(tmp_path / "b", n, seed=1)
    assert [p.read_text() for p in a] == [p.read_text() for p in b]
    text = "\n".join(p.read_text() for p in a)
    assert "Drucksache Nr.:" in text
    assert "Zusatz-/Ergänzungsantrag" in text
    assert "gegen die Stimmen der" in text or "einstimmig" in text
