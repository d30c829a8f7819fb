"""The pure OParl -> graph mapping: classification, outcomes, paper relations, consultations, corpus runs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from ratsgraph.graph.model import DECISION_OUTCOMES, PAPER_KINDS, GraphBatch, validate_edge, validate_node
from ratsgraph.loaders.oparl.mapping import (
    Context,
    body_key_of,
    map_meeting,
    map_objects,
    map_organization,
    map_paper,
    map_person,
    organization_label,
    paper_kind,
    parse_result,
)

T = "https://schema.oparl.org/1.1/"


def ctx(**kw: object) -> Context:
    return Context(body_key="test", today="2024-06-01", **kw)  # type: ignore[arg-type]


def check(batch: GraphBatch) -> None:
    for node in batch.nodes:
        validate_node(node)
    for edge in batch.edges:
        validate_edge(edge)


# --- organisations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("org", "label"),
    [
        ({"organizationType": "Fraktion", "name": "Christlich Demokratische Union"}, "Faction"),
        # Leipzig: organizationType Gremium, classification Fraktion -> classification wins.
        ({"organizationType": "Gremium", "classification": "Fraktion", "name": "Fraktion DIE LINKE"}, "Faction"),
        ({"organizationType": "Gremium", "classification": "Gremien", "name": "Gemeinderat"}, "Committee"),
        ({"organizationType": "Gremium", "classification": "Ausschuss"}, "Committee"),
        ({"organizationType": "Partei", "name": "SPD"}, "Party"),
        ({"organizationType": "Verwaltungsbereich", "name": "Amt 61"}, "AdministrativeUnit"),
        ({"organizationType": "Dienststellen", "name": "Abteilung 1"}, "AdministrativeUnit"),
        ({"organizationType": "externes Gremium", "name": "Zweckverband"}, "ExternalOrganization"),
        ({"organizationType": "Institution", "name": "Stadtwerke"}, "ExternalOrganization"),
        ({"classification": "Beirat und Stiftung", "name": "Gestaltungsbeirat"}, "Committee"),
        ({"organizationType": "Sonstiges", "name": "Ausschuss für Umwelt"}, "Committee"),  # name decides
        ({"name": "Fraktionsgeschäftsstelle", "id": "https://k/organizations/at/1"}, "AdministrativeUnit"),
        ({"name": "The World Games", "id": "https://k/organizations/at/2"}, "AdministrativeUnit"),  # URL quirk
    ],
)
def test_organization_classification(org: dict, label: str) -> None:
    assert organization_label(org)[0] == label


def test_unclassifiable_organization_is_reported() -> None:
    m = map_organization({"id": "https://x/org/9", "type": T + "Organization", "name": "Xyz"}, ctx())
    assert m.batch.nodes[0].label == "Committee"
    assert [p.kind for p in m.problems] == ["unclassified_organization"]


def test_faction_classification_text() -> None:
    m = map_organization({"id": "o", "organizationType": "Fraktion", "name": "CDU"}, ctx())
    assert m.batch.nodes[0].props["classification"] == "Fraktion"
    assert m.learned.org_labels == {"o": "Faction"}
    check(m.batch)


# --- results -> outcomes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outcome", "unanimous"),
    [
        ("beschlossen", "adopted", None),
        ("einstimmig beschlossen", "adopted", True),
        ("mehrheitlich beschlossen", "adopted", False),
        ("Einstimmig, 0 Enthaltungen", "adopted", True),
        ("Einstimmung, 0 Enthaltungen", "adopted", True),
        ("13 Ja-Stimmen, 0 Enthaltungen, 2 Nein-Stimmen", "adopted", False),
        ("2 Ja-Stimmen, 5 Nein-Stimmen", "rejected", False),
        ("abgelehnt", "rejected", None),
        ("mehrheitlich abgelehnt", "rejected", False),
        ("einstimmig abgelehnt", "rejected", True),
        ("zur Kenntnis genommen", "noted", None),
        ("Kenntnisnahme", "noted", None),
        ("Die anwesenden Ausschussmitglieder nehmen den Sachverhalt einstimmig zur Kenntnis.", "noted", True),
        ("vertagt", "postponed", None),
        ("zurückgezogen", "withdrawn", None),
        ("verwiesen in Fachausschuss", "referred", None),
        ("überwiesen", "referred", None),
        ("ohne Empfehlung weitergeleitet", "forwarded_without_recommendation", None),
        ("vorberaten ohne Änderungen", "recommended", None),
        ("Zugestimmt zu geändertem Beschlusstext", "adopted", None),
        ("gewählt", "adopted", None),
    ],
)
def test_result_to_outcome(text: str, outcome: str, unanimous: bool | None) -> None:
    assert parse_result(text) == (outcome, unanimous, True)
    assert outcome in DECISION_OUTCOMES


@pytest.mark.parametrize("text", [None, "", "ohne", "Ohne.", "keine Abstimmung", "(kein Text vorhanden)", "-.-"])
def test_no_result_is_no_decision(text: str | None) -> None:
    assert parse_result(text) == (None, None, True)


def test_unknown_result_kept_and_reported() -> None:
    assert parse_result("Beratung im Fachgremium/Arbeitskreis") == (None, None, False)
    meeting = {
        "id": "m1",
        "type": T + "Meeting",
        "name": "Rat",
        "start": "2024-01-10T17:00:00+01:00",
        "agendaItem": [{"id": "a1", "type": T + "AgendaItem", "number": "1", "name": "X", "result": "Siehe Anlage"}],
    }
    m = map_meeting(meeting, ctx())
    items = [n for n in m.batch.nodes if n.label == "AgendaItem"]
    assert items[0].props["result"] == "Siehe Anlage"
    assert not [n for n in m.batch.nodes if n.label == "Decision"]
    assert [p.kind for p in m.problems] == ["unknown_result"]


def test_meeting_items_decisions_and_held_by() -> None:
    c = ctx(org_labels={"o1": "Committee"})
    meeting = {
        "id": "m1",
        "type": T + "Meeting",
        "name": "Rat",
        "start": "2024-01-10T17:00:00+01:00",
        "organization": ["o1", "o-missing"],
        "agendaItem": [
            {
                "id": "a1",
                "number": "1",
                "name": "Haushalt",
                "public": True,
                "result": "einstimmig beschlossen",
                "resolutionText": "Der Rat beschließt den Haushalt.",
            },
            {"id": "a2", "number": "2", "name": "Anfragen"},
        ],
    }
    m = map_meeting(meeting, c)
    check(m.batch)
    labels = Counter(n.label for n in m.batch.nodes)
    assert labels == {"Meeting": 1, "AgendaItem": 2, "Decision": 1}
    types = Counter(e.type for e in m.batch.edges)
    assert types == {"HELD_BY": 1, "HAS_ITEM": 2, "HAS_DECISION": 1}
    decision = next(n for n in m.batch.nodes if n.label == "Decision")
    assert decision.props["outcome"] == "adopted" and decision.props["unanimous"] is True
    assert decision.props["text"] == "Der Rat beschließt den Haushalt."
    assert [e.props["order"] for e in m.batch.edges if e.type == "HAS_ITEM"] == [0, 1]
    assert m.learned.meeting_dates == {"m1": "2024-01-10"}
    assert [p.kind for p in m.problems] == ["unknown_organization"]


# --- papers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paper_type", "kind"),
    [
        ("Antrag", "motion"),
        ("Änderungs-/Ergänzungsantrag", "amendment"),
        ("Zusatzantrag", "amendment"),
        ("Anfrage", "inquiry"),
        ("Beantwortung einer Anfrage", "answer"),
        ("Stellungnahme der Verwaltung", "answer"),
        ("Beschlussvorlage", "administration_proposal"),
        ("Tischvorlage", "administration_proposal"),
        ("Mitteilungsvorlage", "other"),
        ("Informationsvorlage", "other"),
        ("Antrag zur Tagesordnung", "agenda_proposal"),
        ("Niederschrift", "minutes"),
        (None, "other"),
    ],
)
def test_paper_kind(paper_type: str | None, kind: str) -> None:
    assert paper_kind(paper_type) == kind
    assert kind in PAPER_KINDS


def _paper(pid: str, paper_type: str, **extra: object) -> dict:
    return {"id": pid, "type": T + "Paper", "name": pid, "reference": pid, "paperType": paper_type, **extra}


def _relations(batch: GraphBatch) -> set[tuple[str, str, str]]:
    names = {}
    for node in batch.nodes:
        if node.label == "Paper":
            names[node.id] = node.props["oparl_id"]
    return {
        (e.type, names.get(e.source, e.source), names.get(e.target, e.target))
        for e in batch.edges
        if e.type in ("AMENDS", "ANSWERS", "REFERENCES")
    }


@pytest.mark.parametrize("reverse", [False, True])
def test_paper_relations_typed_by_kinds_in_either_order(reverse: bool) -> None:
    # Karlsruhe's layout: the base paper lists its amendment as superordinated.
    papers = [
        _paper("vorlage", "Beschlussvorlage", superordinatedPaper=["amend"], relatedPaper=["info"]),
        _paper("amend", "Änderungs-/Ergänzungsantrag", subordinatedPaper=["vorlage"]),
        _paper("anfrage", "Anfrage"),
        _paper("antwort", "Beantwortung einer Anfrage", relatedPaper=["anfrage"]),
        _paper("info", "Mitteilungsvorlage", relatedPaper=["vorlage"]),
    ]
    c = ctx()
    m = map_objects(reversed(papers) if reverse else papers, c)
    check(m.batch)
    relations = _relations(m.batch)
    # Two papers naming each other as related get one REFERENCES, in the direction of the
    # paper mapped second (the first could not know the other's kind yet).
    references = {r for r in relations if r[0] == "REFERENCES"}
    assert references == {("REFERENCES", "vorlage", "info") if reverse else ("REFERENCES", "info", "vorlage")}
    assert relations - references == {("AMENDS", "amend", "vorlage"), ("ANSWERS", "antwort", "anfrage")}
    assert not c.pending


def test_unresolved_relation_stays_pending() -> None:
    c = ctx()
    map_objects([_paper("a", "Antrag", relatedPaper=["elsewhere"])], c)
    assert c.pending == {"elsewhere": [("a", "relatedPaper")]}


def test_paper_submitters() -> None:
    c = ctx(org_labels={"fr": "Faction", "amt": "AdministrativeUnit"}, persons={"pers"})
    motion = _paper("p1", "Antrag", originatorOrganization=["fr"], originatorPerson=["pers"], underDirectionOf=["amt"])
    vorlage = _paper("p2", "Beschlussvorlage", underDirectionOf=["amt"])
    faction_motion = _paper("p3", "Antrag", underDirectionOf=["amt"])
    m = map_objects([motion, vorlage, faction_motion], c)
    check(m.batch)
    submitted = Counter((e.source_label, e.target) for e in m.batch.edges if e.type == "SUBMITTED")
    ids = {n.props["oparl_id"]: n.id for n in m.batch.nodes}
    assert submitted == {
        ("Faction", ids["p1"]): 1,
        ("Person", ids["p1"]): 1,
        ("AdministrativeUnit", ids["p2"]): 1,  # the office authors its own Vorlage
    }  # ... but only handles the faction's motion p3: no submitter


def test_references_to_unloaded_objects_are_reported_not_written() -> None:
    c = ctx()
    paper = _paper("p", "Antrag", originatorPerson=["ghost"], consultation=[{"id": "c", "agendaItem": "nowhere"}])
    m = map_paper(paper, c)
    assert [e.type for e in m.batch.edges] == []
    assert sorted(p.kind for p in m.problems) == ["unknown_agenda_item", "unknown_person"]


def test_consultation_status_uses_today_and_decision_on_paper() -> None:
    c = ctx(
        meeting_dates={"past": "2024-05-31", "future": "2024-06-02"},
        agenda_items={"i1", "i2"},
        decided_items={"i1": "test/item/x/decision/0"},
    )
    paper = _paper(
        "p",
        "Beschlussvorlage",
        consultation=[
            {"id": "c1", "agendaItem": "i1", "meeting": "past", "role": "Entscheidung", "authoritative": True},
            {"id": "c2", "agendaItem": "i2", "meeting": "future", "role": "Vorberatung"},
            {"id": "c3", "meeting": "future"},
        ],
    )
    m = map_paper(paper, c)
    check(m.batch)
    consulted = {e.props["oparl_id"]: e.props for e in m.batch.edges if e.type == "CONSULTED_AT"}
    assert consulted["c1"] == {"role": "Beschluss", "authoritative": True, "status": "held", "oparl_id": "c1"}
    assert consulted["c2"]["status"] == "planned"
    assert [e.source for e in m.batch.edges if e.type == "ON"] == ["test/item/x/decision/0"]
    assert [p.kind for p in m.problems] == ["consultation_without_agenda_item"]
    # the same paper seen "later": status follows the given today, no clock involved
    later = Context(body_key="test", today="2025-01-01", meeting_dates=c.meeting_dates, agenda_items=c.agenda_items)
    assert {e.props["status"] for e in map_paper(paper, later).batch.edges if e.type == "CONSULTED_AT"} == {"held"}


def test_decision_on_paper_when_meeting_comes_after_paper() -> None:
    c = ctx(agenda_items={"i1"})
    map_objects([_paper("p", "Antrag", consultation=[{"id": "c", "agendaItem": "i1", "meeting": "m"}])], c)
    m = map_meeting({"id": "m", "type": T + "Meeting", "agendaItem": [{"id": "i1", "result": "abgelehnt"}]}, c)
    on = [e for e in m.batch.edges if e.type == "ON"]
    assert len(on) == 1 and on[0].target.startswith("test/paper/")


def test_deleted_objects_are_marked_not_dropped() -> None:
    c = ctx()
    m = map_objects([{"id": "https://x/body/1/meeting/7", "deleted": True, "modified": "2020-01-01"}], c, "Meeting")
    assert [(n.label, n.props) for n in m.batch.nodes] == [
        ("Meeting", {"oparl_id": "https://x/body/1/meeting/7", "deleted": True})
    ]
    assert m.counts == {"Meeting": 1, "deleted Meeting": 1}


def test_person_and_memberships() -> None:
    c = ctx(org_labels={"o": "Faction", "f2": "Faction"}, org_names={"f2": "SPD"})
    person = {
        "id": "p",
        "type": T + "Person",
        "name": "Prof. Dr. Max Mustermann",
        "familyName": "Mustermann",
        "givenName": "Max",
        "title": ["Prof.", "Dr."],
        "formOfAddress": "Herr",
        "membership": [
            {
                "id": "m1",
                "organization": "o",
                "role": "Mitglied",
                "votingRight": True,
                "startDate": "2014-06-01",
                "endDate": "Der Paritätische",
                "onBehalfOf": "f2",
            },
            {"id": "m2", "organization": "unknown"},
        ],
    }
    m = map_person(person, c)
    check(m.batch)
    assert m.batch.nodes[0].props["title"] == "Prof. Dr."
    (edge,) = [e for e in m.batch.edges if e.type == "MEMBER_OF"]
    assert edge.props == {
        "role": "Mitglied",
        "voting_right": True,
        "start_date": "2014-06-01",
        "on_behalf_of": "SPD",
        "oparl_id": "m1",
    }
    assert sorted(p.kind for p in m.problems) == ["garbage_date", "unknown_organization"]


def test_body_key() -> None:
    assert body_key_of({"ags": "5358016", "name": "Gemeinde Hürtgenwald"}) == "05358016"
    assert body_key_of({"ags": "051140000", "name": "Stadt Krefeld"}) == "stadt-krefeld"
    assert body_key_of({"shortName": "KT", "name": ""}) == "kt"


# --- corpus runs through the mapping -------------------------------------------------------------


def _all_valid(batch: GraphBatch) -> None:
    check(batch)
    ids = [n.id for n in batch.nodes]
    assert all(ids)


def test_karlsruhe_meetings_and_papers_through_mapping(corpus: Path) -> None:
    root = corpus / "karlsruhe-oparl"
    c = Context(body_key="karlsruhe", today="2025-07-01")
    orgs = json.loads((root / "organizations.json").read_text())
    map_objects(orgs, c)
    meetings = [json.loads(p.read_text()) for p in sorted((root / "meetings").glob("*.json"))]
    papers = [json.loads(p.read_text()) for p in sorted((root / "papers").glob("*.json"))]
    mm = map_objects(meetings, c)
    pm = map_objects(papers, c)
    _all_valid(mm.batch)
    _all_valid(pm.batch)
    assert mm.counts["Meeting"] == 6
    assert mm.counts["AgendaItem"] == sum(len(m["agendaItem"]) for m in meetings)
    assert pm.counts["Paper"] == 161
    # every meeting is held by a known committee
    assert sum(1 for e in mm.batch.edges if e.type == "HELD_BY") == 6
    amends = [e for e in pm.batch.edges if e.type == "AMENDS"]
    kinds = {n.id: n.props["kind"] for n in pm.batch.nodes if n.label == "Paper"}
    assert amends and all(kinds[e.source] == "amendment" for e in amends)
    outcomes = Counter(n.props["outcome"] for n in mm.batch.nodes if n.label == "Decision")
    assert outcomes["adopted"] > 0 and outcomes["rejected"] == 11 and outcomes["referred"] == 13
    statuses = Counter(e.props.get("status") for e in pm.batch.edges if e.type == "CONSULTED_AT")
    assert statuses["held"] > 0
    assert any(e.type == "ON" for e in pm.batch.edges)


def test_spec_examples_through_mapping(corpus: Path) -> None:
    root = corpus / "oparl-spec-examples"
    objects = [json.loads(p.read_text()) for p in sorted(root.glob("*.json"))]
    c = Context(body_key="example", today="2024-01-01")
    order = ["Body", "Organization", "Person", "Meeting", "Paper", "File", "Location", "System"]
    objects.sort(key=lambda o: order.index(o["type"].rsplit("/", 1)[-1]))
    m = map_objects(objects, c)
    _all_valid(m.batch)
    labels = Counter(n.label for n in m.batch.nodes)
    assert labels["Body"] == 1 and labels["LegislativeTerm"] >= 1 and labels["Committee"] == 1
    assert labels["Person"] == 1 and labels["Meeting"] == 1 and labels["Paper"] == 1
    paper = next(n for n in m.batch.nodes if n.label == "Paper")
    assert paper.props["kind"] == "answer" and paper.props["reference"] == "1234/2014"
    # The hand-made examples do not refer to each other consistently: what they name but do
    # not contain is reported, never written as an edge to a missing node.
    kinds = Counter(p.kind for p in m.problems)
    assert kinds["unknown_person"] == 2 and kinds["unknown_agenda_item"] == 1
