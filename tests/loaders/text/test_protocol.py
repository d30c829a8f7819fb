# ruff: noqa: E501  (excerpts of council documents keep their long lines)
"""Minutes: meetings, items, speakers and every decision with outcome, unanimity and faction votes."""

import pytest

NIEDERSCHRIFT = """Niederschrift (öffentlich)
über die 12. Sitzung des Ausschusses für Mobilität, Infrastruktur und Grün
am 16.11.2022

Anwesend:
Rm Ute Pieper (SPD)
Rm Hans Meier (CDU)
sB Petra Schulz (Bündnis 90/Die Grünen)

zu TOP 3.1
Radwegekonzept Innenstadt
Beschluss
(Drucksache Nr.: 24567-22)

Herr Meier (CDU-Fraktion) kritisierte die Kosten. Frau Pieper widersprach.

Der Ausschuss für Mobilität, Infrastruktur und Grün beschließt mit Mehrheit bei Gegenstimmen der AfD-Fraktion und bei Stimmenthaltung der Fraktion FDP/Bürgerliste die Vorlage.

zu TOP 3.2
Parkraumbewirtschaftung
Empfehlung
(Drucksache Nr.: 24568-22)

Die Vorlage wird auf Wunsch der SPD-Fraktion vertagt.

zu TOP 3.3
Bericht zur Baustellenkoordination
Kenntnisnahme
(Drucksache Nr.: 24569-22)

Der Ausschuss nimmt den Bericht zur Kenntnis.

zu TOP 3.4
Tempo 30 in Wohngebieten
Antrag zur Tagesordnung (Fraktion Die Linke+)
(Drucksache Nr.: 24570-22)

Der Ausschuss überweist den Antrag einstimmig in den Ausschuss für Finanzen, Beteiligungen und Liegenschaften.

zu TOP 3.5
Beleuchtung am Phoenix-See
(Drucksache Nr.: 24571-22)

Der Antrag wurde von der CDU-Fraktion zurückgezogen.

zu TOP 3.6
Haltestellen barrierefrei
Empfehlung
(Drucksache Nr.: 24572-22)

Der Ausschuss empfiehlt dem Rat der Stadt Dortmund mehrheitlich gegen die Stimmen der AfD-Fraktion, folgenden Beschluss zu fassen:

Der Rat der Stadt beschließt den Umbau. Der Rat nimmt den Zeitplan zur Kenntnis.

zu TOP 3.7
Stadtbahnlinie U47
(Drucksache Nr.: 24573-22)

Der Ausschuss lehnt den Antrag mehrheitlich gegen die Stimmen der Fraktion Die Linke+ bei Enthaltung der SPD-Fraktion ab.
"""


@pytest.fixture
def minutes(parse):
    return parse(NIEDERSCHRIFT)


def test_the_heading_makes_one_public_meeting_held_by_its_committee(minutes):
    (meeting,) = minutes.of("Meeting")
    assert meeting.props["date"] == "2022-11-16"
    assert meeting.props["public"] is True
    assert minutes.pairs("HELD_BY") == {("amig@2022-11-16", "AMIG")}


def test_each_top_becomes_an_agenda_item_consulting_its_paper(minutes):
    numbers = {n.props["number"] for n in minutes.of("AgendaItem")}
    assert numbers == {"3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"}
    consulted = {
        (e.source.rsplit("/", 1)[-1], e.props.get("role"), e.props["status"]) for e in minutes.rels("CONSULTED_AT")
    }
    assert ("24567-22", "Beschluss", "held") in consulted
    assert ("24569-22", "Kenntnisnahme", "held") in consulted


def test_a_paper_titled_as_a_motion_is_a_motion(minutes):
    papers = {n.props["reference"]: n for n in minutes.of("Paper")}
    assert papers["24570-22"].props["kind"] == "agenda_proposal"
    assert papers["24567-22"].props["kind"] == "administration_proposal"


def test_attendance_lines_give_members_of_factions(minutes):
    members = minutes.pairs("MEMBER_OF")
    assert ("Ute Pieper", "SPD") in members
    assert ("Petra Schulz", "Bündnis 90/Die Grünen") in members


def test_speakers_are_linked_to_their_item_and_faction(minutes):
    spoke = {(s, t.split(":")[0]) for s, t in minutes.pairs("SPOKE_ON")}
    assert ("Hans Meier", "TOP 3.1") in spoke
    assert ("Ute Pieper", "TOP 3.1") in spoke
    assert ("Hans Meier", "CDU") in minutes.pairs("MEMBER_OF")


def _decision(minutes, number):
    return next(d for d in minutes.decisions() if f"/item/{number.replace('.', '-')}/" in d.id)


@pytest.mark.parametrize(
    ("number", "outcome", "unanimous"),
    [
        ("3.1", "adopted", False),
        ("3.2", "postponed", False),
        ("3.3", "noted", False),
        ("3.4", "referred", True),
        ("3.5", "withdrawn", False),
        ("3.6", "recommended", False),
        ("3.7", "rejected", False),
    ],
)
def test_outcome_wordings(minutes, number, outcome, unanimous):
    d = _decision(minutes, number)
    assert (d.props["outcome"], d.props["unanimous"]) == (outcome, unanimous)
    assert isinstance(d.props["text"], str) and isinstance(d.props["vote_text"], str)


def test_mit_mehrheit_bei_gegenstimmen_and_stimmenthaltung(minutes):
    assert minutes.votes(_decision(minutes, "3.1")) == {"AfD": "no", "FDP/Bürgerliste": "abstain"}


def test_a_rejection_against_the_votes_of_x_means_x_voted_yes(minutes):
    assert minutes.votes(_decision(minutes, "3.7")) == {"Die Linke+": "yes", "SPD": "abstain"}


def test_the_recommended_resolution_is_content_not_further_decisions(minutes):
    decisions_36 = [d for d in minutes.decisions() if "/item/3-6/" in d.id]
    assert len(decisions_36) == 1
    assert "Zeitplan" in decisions_36[0].props["text"]


def test_decisions_are_on_the_paper_of_their_item(minutes):
    assert [p.props["reference"] for p in minutes.on(_decision(minutes, "3.1"))] == ["24567-22"]


COMPILATION = """Protokollauszüge

- Schulausschuss vom 03.05.2021
- Rat der Stadt vom 20.05.2021

Schulausschuss vom 03.05.2021

zu TOP 2.2

Digitale Schulen

Empfehlung

(Drucksache Nr.: 12345-21)

Frau Kowalski (Stadträtin) führte in die Vorlage ein. Herr Brandt (BPN) fragte nach.

Der Schulausschuss empfahl dem Rat der Stadt Dortmund einstimmig, folgenden Beschluss zu fassen:

- a) Der Rat der Stadt Dortmund beschließt das Konzept.
- b) Der Rat der Stadt Dortmund nimmt den Zeitplan zur Kenntnis.

Rat der Stadt vom 20.05.2021

zu TOP 5.1

Digitale Schulen

Beschluss

(Drucksache Nr.: 12345-21)

Dem Rat der Stadt lag folgender Zusatz-/Ergänzungsantrag der Fraktionen SPD und CDU (Drucksache Nr.: 12345-21-E1) vom 18.05.2021 vor:

„Der Rat beschließt einstimmig, die Schulen auszustatten.“

Rm Wagner (Die Linke+) beantragte mündlich, die Vorlage zu vertagen.

Der Rat der Stadt lehnt den mündlich gestellten Antrag von Rm Wagner mehrheitlich gegen die Stimmen der Fraktion Die Linke+ ab.

Der Rat der Stadt beschließt den Zusatz-/Ergänzungsantrag (Drucksache Nr.: 12345-21-E1) einstimmig bei Stimmenthaltung der AfD-Fraktion.

Der Rat der Stadt beschließt einstimmig die Vorlage.
"""


def test_a_compilation_is_split_into_its_meetings(parse):
    minutes = parse(COMPILATION)
    assert {(n.props["date"]) for n in minutes.of("Meeting")} == {"2021-05-03", "2021-05-20"}


def test_a_role_in_parentheses_is_no_faction_and_an_unknown_abbreviation_is_reported(parse):
    minutes = parse(COMPILATION)
    assert minutes.names("Faction") >= {"SPD-Fraktion", "CDU-Fraktion", "Fraktion Die Linke+", "AfD-Fraktion"}
    assert not any("BPN" in n or "Stadträtin" in n for n in minutes.names("Faction"))
    assert any(p.kind == "unresolved_organization" and "BPN" in p.message for p in minutes.problems)


def test_a_cited_amendment_gets_number_date_submitters_and_base(parse):
    minutes = parse(COMPILATION)
    e1 = next(n for n in minutes.of("Paper") if n.props.get("reference") == "12345-21-E1")
    assert e1.props["kind"] == "amendment" and e1.props["date"] == "2021-05-18"
    assert {s for s, t in minutes.pairs("SUBMITTED") if t == "12345-21-E1"} == {"SPD", "CDU"}
    assert ("12345-21-E1", "12345-21") in minutes.pairs("AMENDS")


def test_quoted_motion_text_holds_no_decisions(parse):
    minutes = parse(COMPILATION)
    rat = [d for d in minutes.decisions() if "/rat/" in d.id]
    assert [d.props["outcome"] for d in rat] == ["rejected", "adopted", "adopted"]


def test_an_oral_motion_is_a_paper_submitted_by_its_speaker(parse):
    minutes = parse(COMPILATION)
    rejected = next(d for d in minutes.decisions() if d.props["outcome"] == "rejected")
    (motion,) = minutes.on(rejected)
    assert motion.props["kind"] == "oral_motion"
    assert {s for s, t in minutes.pairs("SUBMITTED") if t == motion.props["name"]} == {"Wagner"}
    assert minutes.votes(rejected) == {"Die Linke+": "yes"}


def test_the_recommendation_list_is_the_text_of_one_decision(parse):
    minutes = parse(COMPILATION)
    schul = [d for d in minutes.decisions() if "/schul/" in d.id]
    assert [(d.props["outcome"], d.props["unanimous"]) for d in schul] == [("recommended", True)]


def test_a_meeting_heading_naming_no_known_committee_is_kept_under_its_own_name_and_reported(parse):
    minutes = parse(
        "Niederschrift über die 3. Sitzung des Kleingartenbeirates am 01.02.2023\n\nzu TOP 1\n\nEröffnung\n"
    )
    assert [c.props["name"] for c in minutes.of("Committee")] == ["Kleingartenbeirat"]
    assert any(p.kind == "unresolved_organization" for p in minutes.problems)
