"""Given a council document as PDF, the graph holds the same facts as from its text rendering."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsgraph.graph.reference import load_council
from ratsgraph.graph.resolve import resolve_persons
from ratsgraph.loaders.document import read_source
from ratsgraph.loaders.text import parse_document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _facts(path: Path) -> tuple[set, set, set]:
    council = load_council("dortmund")
    doc = read_source(path)
    result = parse_document(doc, council)
    [batch], _ = resolve_persons([result.batch], [], council)
    for node in batch.nodes:
        for ev in node.evidence:
            assert doc.text[ev.start : ev.end] == ev.text
    name = {n.id: n.props.get("reference") or n.props.get("name") or n.id for n in batch.nodes}
    papers = {
        (n.props.get("reference"), n.props.get("kind"), n.props.get("date")) for n in batch.nodes if n.label == "Paper"
    }
    edges = {(e.type, name.get(e.source, e.source), name.get(e.target, e.target)) for e in batch.edges}
    persons = {n.props.get("name") for n in batch.nodes if n.label == "Person"}
    return papers, edges, persons


@pytest.mark.parametrize("stem", ["000_f3a976e75d5df12c", "004_ce3e5614464783c2"])
def test_a_pdf_gives_the_same_papers_relationships_and_persons_as_its_text(stem: str):
    pdf = _facts(FIXTURES / "pdf" / f"{stem}.pdf")
    text = _facts(FIXTURES / "seeds" / f"{stem}.txt")
    assert pdf == text
    papers, edges, _ = pdf
    assert any(kind == "amendment" for _, kind, _ in papers)
    assert any(t == "CONSULTED_AT" for t, _, _ in edges)
