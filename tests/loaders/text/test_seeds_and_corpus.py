"""The five seeds and real protocols of other councils: evidence is always exact, nothing crashes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ratsgraph.graph.model import validate_edge, validate_node
from ratsgraph.loaders.document import read_source
from ratsgraph.loaders.text import parse_document

from .conftest import document

SEEDS = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "seeds").glob("*.txt"))
CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "ratslotse-fixtures"


def _assert_exact(text: str, batch) -> None:
    for n in batch.nodes:
        validate_node(n)
        for ev in n.evidence:
            assert text[ev.start : ev.end] == ev.text
    for e in batch.edges:
        validate_edge(e)
        if e.evidence:
            assert text[e.evidence.start : e.evidence.end] == e.evidence.text


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_seed_parses_with_exact_evidence_and_valid_records(path, council):
    doc = read_source(path)
    result = parse_document(doc, council)
    assert not [p for p in result.problems if p.kind == "parse_error"]
    _assert_exact(doc.text, result.batch)
    for n in result.batch.nodes:
        if n.label not in ("Body",):
            assert n.props["sources"] == [doc.id]
        if n.label == "Decision":
            assert isinstance(n.props["text"], str) and isinstance(n.props["vote_text"], str)
        assert n.label != "Document"
    assert not [e for e in result.batch.edges if e.type == "EXTRACTED_FROM"]


def test_parsing_is_deterministic(council):
    doc = read_source(SEEDS[3])
    assert parse_document(doc, council).batch == parse_document(doc, council).batch


_EDITS = st.lists(
    st.tuples(
        st.floats(0, 1),
        st.sampled_from(["-\n", "\n\n", "  ", "**", "„", "“", "(", ")", ":", "\u00a0", "Herr ", "Rm ", "-", "\t", ""]),
        st.integers(0, 3),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.sampled_from(SEEDS), edits=_EDITS)
def test_evidence_stays_exact_on_mutated_seeds(council, seed, edits):
    text = seed.read_text(encoding="utf-8")
    for where, insert, delete in edits:
        pos = int(where * len(text))
        text = text[:pos] + insert + text[pos + delete :]
    doc = document(text)
    result = parse_document(doc, council)
    assert not [p for p in result.problems if p.kind == "parse_error"], result.problems
    _assert_exact(text, result.batch)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize(
    "name",
    ["protokoll_osnabrueck.txt", "protokoll_potsdam.txt", "protokoll_braunschweig.txt", "protokoll_muenster.txt"],
)
def test_protocols_of_other_councils_do_not_crash(council, name):
    doc = read_source(CORPUS / name)
    result = parse_document(doc, council)
    assert not [p for p in result.problems if p.kind == "parse_error"], result.problems
    _assert_exact(doc.text, result.batch)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_decisions_are_found_in_a_protocol_of_another_council(council):
    doc = read_source(CORPUS / "protokoll_osnabrueck.txt")
    batch = parse_document(doc, council).batch
    decisions = [n for n in batch.nodes if n.label == "Decision"]
    assert decisions
    assert {d.props["outcome"] for d in decisions} <= {"adopted", "rejected", "noted", "recommended", "postponed"}
