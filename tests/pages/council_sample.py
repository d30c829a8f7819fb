"""A small Dortmund-like council graph, written with the model's records, for analytics and page tests.

Factions CDU, SPD and Grüne submit and vote; AfD votes; persons sign; one amendment goes through a committee
and the council. Every node made from text has evidence in one of two documents.
"""

from __future__ import annotations

from ratsgraph.graph.model import Edge, Evidence, GraphBatch, Node

MOTION_DOC = "doc/motion-26309-22-e1"
MINUTES_DOC = "doc/minutes-rat-2023-05-08"

MOTION_TEXT = (
    "Zusatz-/Ergänzungsantrag zum Tagesordnungspunkt. Die CDU-Fraktion und die SPD-Fraktion bitten um Beratung. "
    "gez. Udo Reppin, gez. Anna Müller"
)
MINUTES_TEXT = (
    "Der Ausschuss beschließt mehrheitlich gegen die Stimmen der Fraktion Bündnis 90/Die Grünen bei "
    "Stimmenthaltung der AfD-Fraktion. Der Rat lehnt den Antrag mehrheitlich ab gegen die Stimmen der "
    "SPD-Fraktion und der Fraktion Bündnis 90/Die Grünen. Herr Schmidt, Frau Müller, Herr Reppin."
)

FACTIONS = {
    "cdu": "CDU-Fraktion",
    "spd": "SPD-Fraktion",
    "gruene": "Fraktion Bündnis 90/Die Grünen",
    "afd": "AfD-Fraktion",
}
PERSONS = {
    "reppin-udo": ("Udo Reppin", "cdu"),
    "mueller-anna": ("Anna Müller", "spd"),
    "schmidt-jan": ("Jan Schmidt", "gruene"),
    "weber-eva": ("Eva Weber", "spd"),
}


def _ev(doc: str, text: str, needle: str) -> Evidence:
    start = text.index(needle)
    return Evidence(document_id=doc, start=start, end=start + len(needle), text=needle)


def _motion(needle: str) -> Evidence:
    return _ev(MOTION_DOC, MOTION_TEXT, needle)


def _minutes(needle: str) -> Evidence:
    return _ev(MINUTES_DOC, MINUTES_TEXT, needle)


def org(key: str) -> str:
    return f"dortmund/org/{key}"


def person(key: str) -> str:
    return f"dortmund/person/{key}"


def paper(ref: str) -> str:
    return f"dortmund/paper/{ref}"


def sample_batch() -> GraphBatch:
    """The whole sample graph as one batch."""
    nodes: list[Node] = [
        Node(label="Document", id=MOTION_DOC, props={"name": "antrag.txt", "uri": "file:///seeds/antrag.txt"}),
        Node(label="Document", id=MINUTES_DOC, props={"name": "protokoll.txt", "uri": "file:///seeds/protokoll.txt"}),
        Node(label="Committee", id=org("rat"), props={"name": "Rat der Stadt Dortmund"}),
        Node(
            label="Committee",
            id=org("awbewf"),
            props={"name": "Ausschuss für Wirtschafts-, Beschäftigungsförderung", "short_name": "AWBEWF"},
            evidence=(_minutes("Der Ausschuss"),),
        ),
    ]
    evidence_of_faction = {
        "cdu": _motion("CDU-Fraktion"),
        "spd": _motion("SPD-Fraktion"),
        "gruene": _minutes("Fraktion Bündnis 90/Die Grünen"),
        "afd": _minutes("AfD-Fraktion"),
    }
    for key, name in FACTIONS.items():
        nodes.append(
            Node(
                label="Faction",
                id=org(key),
                props={"name": name, "classification": "Fraktion"},
                evidence=(evidence_of_faction[key],),
            )
        )
    evidence_of_person = {
        "reppin-udo": _motion("Udo Reppin"),
        "mueller-anna": _motion("Anna Müller"),
        "schmidt-jan": _minutes("Herr Schmidt"),
        "weber-eva": None,
    }
    for key, (name, _) in PERSONS.items():
        given, family = name.split(" ")
        ev = evidence_of_person[key]
        nodes.append(
            Node(
                label="Person",
                id=person(key),
                props={"name": name, "given_name": given, "family_name": family},
                evidence=(ev,) if ev else (),
            )
        )
    papers = {
        "26309-22": ("Blockchain-Forschungsprojekt mit der TU Dortmund", "administration_proposal", "2022-10-20"),
        "26309-22-e1": ("Zusatz-/Ergänzungsantrag: Blockchain-Forschungsprojekt", "amendment", "2022-11-07"),
        "10001-23": ("Digitales Dortmund", "motion", "2023-04-20"),
        "10002-23": ("Antrag der AfD-Fraktion", "motion", "2023-04-21"),
    }
    for ref, (title, kind, date) in papers.items():
        nodes.append(
            Node(
                label="Paper",
                id=paper(ref),
                props={"name": f"Drucksache {ref}", "reference": ref, "title": title, "kind": kind, "date": date},
                evidence=(_motion("Zusatz-/Ergänzungsantrag"),) if ref == "26309-22-e1" else (),
            )
        )
    meeting_a, meeting_r = "dortmund/meeting/awbewf-2022-11-16", "dortmund/meeting/rat-2023-05-08"
    item_a, item_r1, item_r2 = f"{meeting_a}/item/4.11", f"{meeting_r}/item/5.1", f"{meeting_r}/item/5.2"
    dec_a, dec_r1, dec_r2 = f"{item_a}/decision/1", f"{item_r1}/decision/1", f"{item_r2}/decision/1"
    nodes += [
        Node(label="Meeting", id=meeting_a, props={"name": "AWBEWF 16.11.2022", "date": "2022-11-16"}),
        Node(label="Meeting", id=meeting_r, props={"name": "Rat 08.05.2023", "date": "2023-05-08"}),
        Node(label="AgendaItem", id=item_a, props={"name": "TOP 4.11", "number": "4.11", "title": "Blockchain"}),
        Node(label="AgendaItem", id=item_r1, props={"name": "TOP 5.1", "number": "5.1", "title": "Digitales"}),
        Node(label="AgendaItem", id=item_r2, props={"name": "TOP 5.2", "number": "5.2", "title": "AfD-Antrag"}),
        Node(
            label="Decision",
            id=dec_a,
            props={"name": "adopted", "outcome": "adopted", "vote_text": "beschließt mehrheitlich"},
            evidence=(_minutes("Der Ausschuss beschließt mehrheitlich"),),
        ),
        Node(
            label="Decision",
            id=dec_r1,
            props={"name": "rejected", "outcome": "rejected", "vote_text": "lehnt den Antrag mehrheitlich ab"},
            evidence=(_minutes("Der Rat lehnt den Antrag mehrheitlich ab"),),
        ),
        Node(label="Decision", id=dec_r2, props={"name": "rejected", "outcome": "rejected"}),
    ]

    def edge(type_: str, source: str, source_label: str, target: str, target_label: str, **props) -> Edge:
        ev = props.pop("evidence", None)
        return Edge(
            type=type_,
            source=source,
            source_label=source_label,
            target=target,
            target_label=target_label,
            props=props,
            evidence=ev,
        )

    edges = [
        edge("MEMBER_OF", person(key), "Person", org(faction), "Faction", role="Mitglied")
        for key, (_, faction) in PERSONS.items()
    ]
    edges += [
        edge("SUBMITTED", org("cdu"), "Faction", paper("26309-22-e1"), "Paper", evidence=_motion("CDU-Fraktion")),
        edge("SUBMITTED", org("spd"), "Faction", paper("26309-22-e1"), "Paper", evidence=_motion("SPD-Fraktion")),
        edge("SUBMITTED", org("spd"), "Faction", paper("10001-23"), "Paper"),
        edge("SUBMITTED", org("gruene"), "Faction", paper("10001-23"), "Paper"),
        edge("SUBMITTED", org("afd"), "Faction", paper("10002-23"), "Paper"),
        edge("SIGNED", person("reppin-udo"), "Person", paper("26309-22-e1"), "Paper", role="gez."),
        edge("SIGNED", person("mueller-anna"), "Person", paper("26309-22-e1"), "Paper", role="gez."),
        edge("SIGNED", person("mueller-anna"), "Person", paper("10001-23"), "Paper", role="gez."),
        edge("SIGNED", person("schmidt-jan"), "Person", paper("10001-23"), "Paper", role="gez."),
        edge("SIGNED", person("weber-eva"), "Person", paper("10001-23"), "Paper", role="gez."),
        edge("AMENDS", paper("26309-22-e1"), "Paper", paper("26309-22"), "Paper"),
        edge("HELD_BY", meeting_a, "Meeting", org("awbewf"), "Committee"),
        edge("HELD_BY", meeting_r, "Meeting", org("rat"), "Committee"),
        edge("HAS_ITEM", meeting_a, "Meeting", item_a, "AgendaItem", order=1),
        edge("HAS_ITEM", meeting_r, "Meeting", item_r1, "AgendaItem", order=1),
        edge("HAS_ITEM", meeting_r, "Meeting", item_r2, "AgendaItem", order=2),
        edge("CONSULTED_AT", paper("26309-22-e1"), "Paper", item_a, "AgendaItem", role="Beschluss", status="held"),
        edge("CONSULTED_AT", paper("10001-23"), "Paper", item_r1, "AgendaItem", role="Beschluss", status="held"),
        edge("CONSULTED_AT", paper("10002-23"), "Paper", item_r2, "AgendaItem", role="Beschluss", status="held"),
        edge("HAS_DECISION", item_a, "AgendaItem", dec_a, "Decision"),
        edge("HAS_DECISION", item_r1, "AgendaItem", dec_r1, "Decision"),
        edge("HAS_DECISION", item_r2, "AgendaItem", dec_r2, "Decision"),
        edge("ON", dec_a, "Decision", paper("26309-22-e1"), "Paper"),
        edge("ON", dec_r1, "Decision", paper("10001-23"), "Paper"),
        edge("ON", dec_r2, "Decision", paper("10002-23"), "Paper"),
    ]
    votes = {
        dec_a: {"cdu": "yes", "spd": "yes", "gruene": "no", "afd": "abstain"},
        dec_r1: {"cdu": "no", "spd": "yes", "gruene": "yes", "afd": "no"},
        dec_r2: {"cdu": "no", "spd": "no", "gruene": "no", "afd": "yes"},
    }
    for decision, positions in votes.items():
        for key, position in positions.items():
            edges.append(edge("VOTED", org(key), "Faction", decision, "Decision", position=position))
    return GraphBatch(nodes=nodes, edges=edges)


FACTION_IDS = sorted(org(key) for key in FACTIONS)
