"""A small hand-built council graph in the shape the Dortmund parser writes (ids as in the seeds).

One amendment (26309-22-E1) by the CDU faction to a motion, answered by the administration,
consulted in a committee meeting where it was rejected with faction votes, and planned for the
council; persons with memberships, a signature and a speech. Every fact carries evidence.
"""

from __future__ import annotations

from ratsgraph.graph.model import Edge, Evidence, GraphBatch, Node

D1 = "doc/00000000000000a1"  # the amendment
D2 = "doc/00000000000000b2"  # the committee minutes
D3 = "doc/00000000000000c3"  # the administration's answer

PAPER = "dortmund/paper/26309-22-e1"
BASE = "dortmund/paper/26309-22"
ANSWER = "dortmund/paper/26309-22-e2"
OLD = "dortmund/paper/07035-17"
CDU = "dortmund/org/cdu"
SPD = "dortmund/org/spd"
GRUENE = "dortmund/org/gruene"
RAT = "dortmund/org/rat"
AWBEWF = "dortmund/org/awbewf"
FB = "dortmund/org/wirtschaftsfoerderung"
TU = "dortmund/org/tu-dortmund"
REPPIN = "dortmund/person/reppin-udo"
MUSTER = "dortmund/person/mustermann-erika"
OB = "dortmund/person/westphal-thomas"
MEETING = "dortmund/meeting/awbewf/2022-11-16"
ITEM = "dortmund/meeting/awbewf/2022-11-16/item/4-11"
DECISION = "dortmund/meeting/awbewf/2022-11-16/item/4-11/decision/1"
RAT_MEETING = "dortmund/meeting/rat/2022-12-15"
RAT_ITEM = "dortmund/meeting/rat/2022-12-15/item/3-1"

_offsets: dict[str, int] = {}


def ev(doc: str, text: str) -> Evidence:
    """Evidence at increasing offsets per document (the text itself is not stored in the graph)."""
    start = _offsets.get(doc, 0)
    _offsets[doc] = start + len(text) + 1
    return Evidence(document_id=doc, start=start, end=start + len(text), text=text)


def _node(label: str, id: str, doc: str | None = None, text: str | None = None, **props) -> Node:
    evidence = (ev(doc, text or props.get("name", id)),) if doc else ()
    return Node(label=label, id=id, props=props, evidence=evidence)


def _edge(type: str, source: str, sl: str, target: str, tl: str, doc: str | None, text: str = "", **props) -> Edge:
    return Edge(
        type=type,
        source=source,
        source_label=sl,
        target=target,
        target_label=tl,
        props=props,
        evidence=ev(doc, text) if doc else None,
    )


def sample_batch() -> GraphBatch:
    _offsets.clear()
    nodes = [
        Node(
            label="Document",
            id=D1,
            props={"name": "26309-22-E1.txt", "uri": "file:///seeds/000.txt", "title": "Zusatzantrag"},
        ),
        Node(label="Document", id=D2, props={"name": "awbewf.txt", "uri": "file:///seeds/001.txt", "title": "Nds"}),
        Node(label="Document", id=D3, props={"name": "antwort.txt", "uri": "file:///seeds/002.txt"}),
        Node(label="Body", id="dortmund", props={"name": "Stadt Dortmund", "ags": "05913000"}),
        _node("Faction", CDU, D1, "CDU-Fraktion", name="CDU-Fraktion", short_name="CDU", classification="Fraktion"),
        _node("Faction", SPD, D2, "SPD-Fraktion", name="SPD-Fraktion", short_name="SPD", classification="Fraktion"),
        _node("Faction", GRUENE, D2, "Fraktion B'90/Die Grünen", name="Fraktion Bündnis 90/Die Grünen"),
        _node("Committee", RAT, D2, "Rat der Stadt", name="Rat der Stadt Dortmund", short_name="Rat"),
        _node(
            "Committee",
            AWBEWF,
            D1,
            "Ausschuss für Wirtschafts-, Beschäftigungsförderung",
            name="Ausschuss für Wirtschafts-, Beschäftigungsförderung, Europa, Wissenschaft und Forschung",
            short_name="AWBEWF",
        ),
        _node("AdministrativeUnit", FB, D3, "Wirtschaftsförderung", name="Wirtschaftsförderung", classification="Amt"),
        _node("ExternalOrganization", TU, D1, "TU Dortmund", name="Technische Universität Dortmund"),
        _node("Person", REPPIN, D1, "Udo Reppin", name="Udo Reppin", family_name="Reppin", given_name="Udo"),
        _node(
            "Person",
            MUSTER,
            D2,
            "Frau Mustermann",
            name="Erika Mustermann",
            family_name="Mustermann",
            given_name="Erika",
            form_of_address="Frau",
        ),
        _node("Person", OB, D3, "Thomas Westphal", name="Thomas Westphal", family_name="Westphal", title="Dr."),
        _node(
            "Paper",
            PAPER,
            D1,
            "Drucksache Nr.: 26309-22-E1",
            name="Blockchain-Forschungsprojekt mit der TU Dortmund",
            title="Blockchain-Forschungsprojekt mit der TU Dortmund",
            reference="26309-22-E1",
            paper_type="Zusatz-/Ergänzungsantrag",
            kind="amendment",
            date="2022-11-07",
        ),
        _node(
            "Paper",
            BASE,
            D1,
            "Drucksache Nr.: 26309-22",
            name="Digitalisierungsstrategie",
            title="Digitalisierungsstrategie",
            reference="26309-22",
            kind="administration_proposal",
            date="2022-10-01",
        ),
        _node(
            "Paper",
            ANSWER,
            D3,
            "Drucksache Nr.: 26309-22-E2",
            name="Stellungnahme zum Blockchain-Antrag",
            title="Stellungnahme zum Blockchain-Antrag",
            reference="26309-22-E2",
            kind="answer",
            date="2022-11-14",
        ),
        _node(
            "Paper",
            OLD,
            D3,
            "07035-17",
            name="Smart City Dortmund",
            title="Smart City Dortmund",
            reference="07035-17",
            kind="motion",
            date="2017-05-02",
        ),
        _node("Meeting", MEETING, D2, "Sitzung am 16.11.2022", name="AWBEWF 16.11.2022", date="2022-11-16"),
        _node(
            "Meeting",
            RAT_MEETING,
            D1,
            "Rat der Stadt Dortmund am 15. Dezember 2022",
            name="Rat 15.12.2022",
            date="2022-12-15",
        ),
        _node(
            "AgendaItem",
            ITEM,
            D2,
            "TOP 4.11 Blockchain-Forschungsprojekt",
            name="Blockchain-Forschungsprojekt",
            title="Blockchain-Forschungsprojekt mit der TU Dortmund",
            number="4.11",
            order=11,
        ),
        _node("AgendaItem", RAT_ITEM, D1, "im Rat", name="Digitalisierung", number="3.1", order=1),
        _node(
            "Decision",
            DECISION,
            D2,
            "Der Ausschuss lehnt den Antrag mehrheitlich ab",
            name="Beschluss zu 26309-22-E1",
            outcome="rejected",
            unanimous=False,
            order=1,
            vote_text="Der Ausschuss lehnt den Antrag mehrheitlich ab gegen die Stimmen der CDU-Fraktion.",
        ),
    ]
    edges = [
        _edge("PART_OF", CDU, "Faction", "dortmund", "Body", None),
        _edge("PART_OF", RAT, "Committee", "dortmund", "Body", None),
        _edge("MEMBER_OF", REPPIN, "Person", CDU, "Faction", D1, "Udo Reppin, CDU-Fraktion", role="Mitglied"),
        _edge(
            "MEMBER_OF",
            REPPIN,
            "Person",
            AWBEWF,
            "Committee",
            D1,
            "Udo Reppin (AWBEWF)",
            role="Vorsitzender",
            start_date="2020-11-01",
            voting_right=True,
        ),
        _edge("MEMBER_OF", MUSTER, "Person", SPD, "Faction", D2, "Frau Mustermann (SPD)", role="Mitglied"),
        _edge("SUBMITTED", CDU, "Faction", PAPER, "Paper", D1, "die CDU-Fraktion im Ausschuss"),
        _edge("SUBMITTED", FB, "AdministrativeUnit", ANSWER, "Paper", D3, "Wirtschaftsförderung"),
        _edge("SUBMITTED", SPD, "Faction", OLD, "Paper", D3, "Antrag der SPD-Fraktion"),
        _edge("SIGNED", REPPIN, "Person", PAPER, "Paper", D1, "gez. Udo Reppin", role="gez.", function="Sprecher"),
        _edge("SIGNED", OB, "Person", ANSWER, "Paper", D3, "Thomas Westphal", function="Oberbürgermeister"),
        _edge("ADDRESSED_TO", PAPER, "Paper", AWBEWF, "Committee", D1, "An den Vorsitzenden des Ausschusses"),
        _edge("AMENDS", PAPER, "Paper", BASE, "Paper", D1, "Zusatz-/Ergänzungsantrag zu 26309-22"),
        _edge("ANSWERS", ANSWER, "Paper", PAPER, "Paper", D3, "Stellungnahme zu 26309-22-E1"),
        _edge("REFERENCES", ANSWER, "Paper", OLD, "Paper", D3, "vgl. Drucksache 07035-17"),
        _edge("MENTIONS", PAPER, "Paper", TU, "ExternalOrganization", D1, "TU Dortmund"),
        _edge("HELD_BY", MEETING, "Meeting", AWBEWF, "Committee", D2, "Ausschuss für Wirtschafts-"),
        _edge("HELD_BY", RAT_MEETING, "Meeting", RAT, "Committee", D1, "im Rat der Stadt Dortmund"),
        _edge("HAS_ITEM", MEETING, "Meeting", ITEM, "AgendaItem", D2, "4.11", order=11),
        _edge("HAS_ITEM", RAT_MEETING, "Meeting", RAT_ITEM, "AgendaItem", D1, "im Rat", order=1),
        _edge("CONSULTED_AT", PAPER, "Paper", ITEM, "AgendaItem", D2, "TOP 4.11", role="Beschluss", status="held"),
        _edge("CONSULTED_AT", PAPER, "Paper", RAT_ITEM, "AgendaItem", D1, "am 15. Dezember", status="planned"),
        _edge("HAS_DECISION", ITEM, "AgendaItem", DECISION, "Decision", D2, "lehnt den Antrag mehrheitlich ab"),
        _edge("ON", DECISION, "Decision", PAPER, "Paper", D2, "den Antrag der CDU-Fraktion (26309-22-E1)"),
        _edge("VOTED", CDU, "Faction", DECISION, "Decision", D2, "gegen die Stimmen der CDU-Fraktion", position="yes"),
        _edge("VOTED", SPD, "Faction", DECISION, "Decision", D2, "mehrheitlich", position="no"),
        _edge("VOTED", GRUENE, "Faction", DECISION, "Decision", D2, "Enthaltung der Grünen", position="abstain"),
        _edge("SPOKE_ON", REPPIN, "Person", ITEM, "AgendaItem", D2, "Herr Reppin (CDU-Fraktion) erläutert"),
        _edge("SPOKE_ON", MUSTER, "Person", ITEM, "AgendaItem", D2, "Frau Mustermann (SPD-Fraktion)"),
    ]
    return GraphBatch(nodes=nodes, edges=edges)
