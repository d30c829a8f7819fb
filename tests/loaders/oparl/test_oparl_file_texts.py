"""The OParl file-text hook: file texts go through the document parser, onto the OParl nodes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ratsgraph.graph.model import GraphBatch, validate_edge, validate_node
from ratsgraph.graph.reference import CouncilReference, load_council
from ratsgraph.loaders.oparl import import_oparl
from ratsgraph.loaders.text import OParlFileTexts

KARLSRUHE = Path("/work/shared/corpus/karlsruhe-oparl")


def test_a_reference_from_oparl_organisations_keeps_their_node_ids():
    orgs = [
        {"id": "b/org/aaa", "label": "Faction", "name": "SPD-Fraktion", "short_name": "SPD"},
        {"id": "b/org/bbb", "label": "Committee", "name": "Rat der Stadt Dortmund", "short_name": "Rat"},
        {"id": "b/org/ccc", "label": "Party", "name": "SPD"},
    ]
    ref = CouncilReference.from_organizations("b", "Stadt Dortmund", orgs, supplement=load_council("dortmund"))
    assert [(e.node_id, e.name) for e in ref.factions] == [("b/org/aaa", "SPD-Fraktion")]
    assert "Sozialdemokratische Partei Deutschlands" in ref.factions[0].aliases  # spellings of the supplement
    assert [e.node_id for e in ref.committees] == ["b/org/bbb"]


def test_supplement_factions_only_when_the_body_lists_none():
    orgs = [{"id": "b/org/bbb", "label": "Committee", "name": "Gemeinderat", "short_name": "GR"}]
    ref = CouncilReference.from_organizations("b", "Stadt Karlsruhe", orgs, supplement=load_council("karlsruhe"))
    assert {e.short_name for e in ref.factions} >= {"GRÜNE", "CDU", "SPD"}
    assert all(e.node_id.startswith("b/org/") for e in ref.factions)


@pytest.fixture(scope="module")
def karlsruhe() -> tuple[list[GraphBatch], OParlFileTexts]:
    if not KARLSRUHE.is_dir():
        pytest.skip("Karlsruhe corpus not available")
    batches: list[GraphBatch] = []
    hook = OParlFileTexts(clock=lambda: "2025-07-01T00:00:00+00:00")
    import_oparl(str(KARLSRUHE), sink=batches.append, today="2025-07-01", file_text_parser=hook)
    return batches, hook


def test_every_text_fact_has_its_document_and_no_edge_dangles(karlsruhe):
    batches, hook = karlsruhe
    assert hook.documents > 400
    for b in batches:
        ids = {n.id for n in b.nodes}
        for n in b.nodes:
            validate_node(n)
        for e in b.edges:
            validate_edge(e)
            if e.evidence is not None:
                assert e.evidence.document_id in ids  # the Document node is in the same batch
    all_ids = {n.id for b in batches for n in b.nodes}
    assert not [e for b in batches for e in b.edges if e.source not in all_ids or e.target not in all_ids]


def test_motions_get_submitting_factions_from_their_text(karlsruhe):
    batches, _ = karlsruhe
    oparl_papers = {n.id for b in batches for n in b.nodes if n.label == "Paper" and n.props.get("oparl_id")}
    submitted = {
        e.target
        for b in batches
        for e in b.edges
        if e.type == "SUBMITTED" and e.source_label == "Faction" and e.evidence
    }
    assert len(submitted & oparl_papers) >= 20
    assert submitted <= oparl_papers  # onto the OParl paper, not a copy made from the text


def test_no_faction_appears_beyond_the_reference_and_committees_are_the_oparl_nodes(karlsruhe):
    batches, _ = karlsruhe
    factions = {n.id for b in batches for n in b.nodes if n.label == "Faction"}
    known = {f"web1-karlsruhe-de-4cc317/org/{e.key}" for e in load_council("karlsruhe").factions}
    assert factions <= known
    oparl_committees = {n.id for b in batches for n in b.nodes if n.label == "Committee" and n.props.get("oparl_id")}
    committees = {n.id for b in batches for n in b.nodes if n.label == "Committee"}
    assert committees == oparl_committees


def test_protocol_results_land_on_the_oparl_decisions_with_counts(karlsruhe):
    batches, _ = karlsruhe
    decisions = {n.id: n for b in batches for n in b.nodes if n.label == "Decision" and n.props.get("yes_count")}
    assert decisions
    assert Counter(n.props["outcome"] for n in decisions.values())["adopted"] >= 1
    answers = [e for b in batches for e in b.edges if e.type == "ANSWERS" and e.evidence]
    assert answers
