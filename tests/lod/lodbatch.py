"""A small fixed council batch that touches every branch of the RDF mapping, and the SHACL shapes."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Graph

from ratsgraph.graph.model import Edge, Evidence, GraphBatch, Node

BASE = "https://ratsgraph.example.org"
GOLDEN = Path(__file__).parent / "golden"
DOC = "doc/00000000000000d1"
PAPER = "dortmund/paper/26309-22-e1"
ITEM = "dortmund/meeting/awbewf/2022-11-16/item/4-11"
DECISION = f"{ITEM}/decision/1"


def _ev(text: str, start: int = 0) -> Evidence:
    return Evidence(document_id=DOC, start=start, end=start + len(text), text=text)


def small_batch() -> GraphBatch:
    ev_cdu = _ev("CDU-Fraktion", 10)
    nodes = [
        Node(label="Document", id=DOC, props={"name": "antrag.txt", "sha256": "d1" * 32, "media_type": "text/plain"}),
        Node(label="Body", id="dortmund/body", props={"name": "Stadt Dortmund", "ags": "05913000"}),
        Node(label="LegislativeTerm", id="dortmund/term/2020", props={"name": "2020-2025", "start_date": "2020-11-01"}),
        Node(
            label="Committee",
            id="dortmund/org/awbewf",
            props={"name": "Ausschuss für Wirtschaft", "short_name": "AWBEWF", "classification": "Ausschuss"},
        ),
        Node(
            label="Faction",
            id="dortmund/org/cdu",
            props={"name": "CDU-Fraktion", "classification": "Fraktion", "aliases": ["Fraktion CDU"]},
            evidence=(ev_cdu,),
        ),
        Node(label="AdministrativeUnit", id="dortmund/org/fb-1", props={"name": "Fachbereich 1"}),
        Node(
            label="Person",
            id="dortmund/person/reppin-udo",
            props={
                "name": "Udo Reppin",
                "family_name": "Reppin",
                "given_name": "Udo",
                "title": "Dr.",
                "form_of_address": "Herr",
            },
        ),
        Node(
            label="Paper",
            id=PAPER,
            props={
                "name": "Zusatzantrag",
                "reference": "26309-22-E1",
                "title": "Blockchain-Forschungsprojekt",
                "paper_type": "Zusatz-/Ergänzungsantrag",
                "kind": "amendment",
                "date": "2022-11-07",
            },
            evidence=(_ev("26309-22-E1", 40),),
        ),
        Node(
            label="Paper",
            id="dortmund/paper/26309-22",
            props={"name": "Antrag", "reference": "26309-22", "kind": "motion"},
        ),
        Node(
            label="Paper",
            id="dortmund/paper/26309-22-a",
            props={
                "name": "Antwort",
                "title": 'Stellungnahme "Blockchain"\nzweite Zeile',
                "kind": "answer",
                "date": "2022-12-01",
            },
        ),
        Node(
            label="Meeting",
            id="dortmund/meeting/awbewf/2022-11-16",
            props={"name": "AWBEWF", "date": "2022-11-16", "public": True},
        ),
        Node(
            label="AgendaItem",
            id=ITEM,
            props={"name": "TOP 4.11", "number": "4.11", "title": "Blockchain", "order": 11, "public": True},
        ),
        Node(
            label="Decision",
            id=DECISION,
            props={
                "name": "Beschluss",
                "outcome": "rejected",
                "unanimous": False,
                "order": 1,
                "vote_text": "lehnt mehrheitlich ab gegen die Stimmen der CDU",
            },
        ),
    ]
    edges = [
        Edge(
            type="PART_OF",
            source="dortmund/org/cdu",
            source_label="Faction",
            target="dortmund/body",
            target_label="Body",
        ),
        Edge(
            type="PART_OF",
            source="dortmund/org/fb-1",
            source_label="AdministrativeUnit",
            target="dortmund/body",
            target_label="Body",
        ),
        Edge(
            type="MEMBER_OF",
            source="dortmund/person/reppin-udo",
            source_label="Person",
            target="dortmund/org/cdu",
            target_label="Faction",
            props={"role": "Vorsitzender", "start_date": "2020-11-01", "voting_right": True},
        ),
        Edge(
            type="SUBMITTED",
            source="dortmund/org/cdu",
            source_label="Faction",
            target=PAPER,
            target_label="Paper",
            evidence=ev_cdu,
        ),
        Edge(
            type="SIGNED",
            source="dortmund/person/reppin-udo",
            source_label="Person",
            target=PAPER,
            target_label="Paper",
            props={"role": "gez.", "function": "Sprecher"},
        ),
        Edge(
            type="ADDRESSED_TO",
            source=PAPER,
            source_label="Paper",
            target="dortmund/org/awbewf",
            target_label="Committee",
        ),
        Edge(
            type="AMENDS",
            source=PAPER,
            source_label="Paper",
            target="dortmund/paper/26309-22",
            target_label="Paper",
            evidence=_ev("Zusatz-/Ergänzungsantrag", 60),
        ),
        Edge(
            type="ANSWERS",
            source="dortmund/paper/26309-22-a",
            source_label="Paper",
            target="dortmund/paper/26309-22",
            target_label="Paper",
        ),
        Edge(
            type="REFERENCES",
            source="dortmund/paper/26309-22-a",
            source_label="Paper",
            target=PAPER,
            target_label="Paper",
        ),
        Edge(
            type="HELD_BY",
            source="dortmund/meeting/awbewf/2022-11-16",
            source_label="Meeting",
            target="dortmund/org/awbewf",
            target_label="Committee",
        ),
        Edge(
            type="HAS_ITEM",
            source="dortmund/meeting/awbewf/2022-11-16",
            source_label="Meeting",
            target=ITEM,
            target_label="AgendaItem",
            props={"order": 11},
        ),
        Edge(
            type="CONSULTED_AT",
            source=PAPER,
            source_label="Paper",
            target=ITEM,
            target_label="AgendaItem",
            props={"role": "Beschluss", "status": "held"},
        ),
        Edge(type="HAS_DECISION", source=ITEM, source_label="AgendaItem", target=DECISION, target_label="Decision"),
        Edge(type="ON", source=DECISION, source_label="Decision", target=PAPER, target_label="Paper"),
        Edge(
            type="VOTED",
            source="dortmund/org/cdu",
            source_label="Faction",
            target=DECISION,
            target_label="Decision",
            props={"position": "yes"},
            evidence=_ev("gegen die Stimmen der CDU", 100),
        ),
        Edge(
            type="VOTED",
            source="dortmund/person/reppin-udo",
            source_label="Person",
            target=DECISION,
            target_label="Decision",
            props={"position": "yes"},
        ),
        Edge(
            type="SPOKE_ON",
            source="dortmund/person/reppin-udo",
            source_label="Person",
            target=ITEM,
            target_label="AgendaItem",
            props={"on_behalf_of": "CDU-Fraktion"},
        ),
        Edge(
            type="MENTIONS",
            source=PAPER,
            source_label="Paper",
            target="dortmund/org/fb-1",
            target_label="AdministrativeUnit",
        ),
        Edge(
            type="DURING",
            source="dortmund/meeting/awbewf/2022-11-16",
            source_label="Meeting",
            target="dortmund/term/2020",
            target_label="LegislativeTerm",
        ),
    ]
    return GraphBatch(nodes=nodes, edges=edges)


def shapes(name: str) -> Graph:
    """A shapes file of graph/export/shapes/, its relative IRIs resolved like the vocabulary's."""
    text = resources.files("ratsgraph.graph.export").joinpath(f"shapes/{name}").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle", publicID=f"{BASE}/def/")
