# ruff: noqa: E501  (excerpts of council documents keep their long lines)
"""Papers: kind, number, date, title, addressee, consultations, submitters, signatures, mentions."""

MOTION = """Drucksache Nr.: 31234-23

An die Vorsitzende des Ausschusses für Kinder, Jugend und Familie

14.03.2023

Antrag zum Tagesordnungspunkt

Sitzungsart:	Stellungnahme:	TOP-Nr.:
öffentlich	ohne Stellungnahme	3.2
Gremium:		Beratungstermin:
Ausschuss für Kinder, Jugend und Familie		22.03.2023

Tagesordnungspunkt

Offene Jugendarbeit stärken

Sehr geehrte Frau Vorsitzende,

die SPD-Fraktion bittet um Beratung und Beschlussfassung des folgenden Antrags:

Die Verwaltung wird gebeten, gemeinsam mit der Fachhochschule Dortmund und dem Deutschen Kinderschutzbund e.V. ein Konzept zu erarbeiten. Herr Dr. Albers vom Jugendamt berichtet im Ausschuss.

Der Antrag soll außerdem im Rat der Stadt Dortmund am 11. Mai 2023 beraten werden.

Mit freundlichen Grüßen

gez. Anna Beispiel
Fraktionsvorsitzende

f.d.R. Jonas Muster
Referent
"""


def test_head_facts_of_a_motion(parse):
    p = parse(MOTION)
    (paper,) = [n for n in p.of("Paper") if n.props.get("reference") == "31234-23"]
    assert paper.props["kind"] == "motion"
    assert paper.props["date"] == "2023-03-14"
    assert paper.props["title"] == "Offene Jugendarbeit stärken"
    assert ("31234-23", "AKJF") in p.pairs("ADDRESSED_TO")


def test_the_consultation_table_and_the_planned_council_meeting(parse):
    p = parse(MOTION)
    meetings = {n.props["date"]: n for n in p.of("Meeting")}
    assert set(meetings) == {"2023-03-22", "2023-05-11"}
    items = {n.props.get("number") for n in p.of("AgendaItem")}
    assert "3.2" in items
    assert {e.props["status"] for e in p.rels("CONSULTED_AT")} == {"planned"}
    assert p.pairs("HELD_BY") == {("akjf@2023-03-22", "AKJF"), ("rat@2023-05-11", "Rat")}


def test_submitter_and_signatories_with_role_and_function(parse):
    p = parse(MOTION)
    assert ("SPD", "31234-23") in p.pairs("SUBMITTED")
    signed = {(e.props.get("role"), e.props.get("function")) for e in p.rels("SIGNED")}
    assert signed == {("gez.", "Fraktionsvorsitzende"), ("f.d.R.", "Referent")}
    assert {s for s, t in p.pairs("MEMBER_OF")} == {"Anna Beispiel", "Jonas Muster"}
    assert {t for s, t in p.pairs("MEMBER_OF")} == {"SPD"}


def test_mentions_of_persons_and_organisations(parse):
    p = parse(MOTION)
    mentioned = {t for s, t in p.pairs("MENTIONS")}
    assert "Albers" in mentioned
    assert "Fachhochschule Dortmund" in mentioned
    assert "Jugendamt" in mentioned
    assert not p.names("Person") & {"Vorsitzende", "Fraktionsvorsitzende", "Referent"}


ANSWER = """Beantwortung von Anfragen

Fachbereich/e:	Tiefbauamt
Dezernent*in / Geschäftsführer*in:	Stadtrat Arnulf Rybicki
Verantwortlich:	Kaiser, Maren

Gremium	Termin	Zuständigkeit	Status
Bezirksvertretung Hörde	05.09.2023	Kenntnisnahme	öffentlich

Tagesordnungspunkt

Sanierung der Brücke Wellinghofer Straße
Stellungnahme der Verwaltung zur Anfrage der CDU-Fraktion, Drucksache-Nr. 29876-23

Sehr geehrte Damen und Herren,

die Anfrage beantworte ich wie folgt: Die Arbeiten beginnen im Herbst.

Arnulf Rybicki
Stadtrat
"""


def test_an_answer_answers_the_inquiry_and_is_submitted_by_the_unit(parse):
    p = parse(ANSWER)
    (answer,) = [n for n in p.of("Paper") if n.props.get("kind") == "answer"]
    assert answer.props.get("reference") is None
    assert answer.props["title"] == "Sanierung der Brücke Wellinghofer Straße"
    assert {t for s, t in p.pairs("ANSWERS")} == {"29876-23"}
    assert {s for s, t in p.pairs("SUBMITTED")} == {"Tiefbauamt"}
    assert ("Arnulf Rybicki", answer.props["name"]) in p.pairs("SIGNED", function="Stadtrat")


def test_header_persons_are_mentioned_and_no_role_word_becomes_a_person(parse):
    p = parse(ANSWER)
    assert {"Maren Kaiser", "Arnulf Rybicki"} <= {t for s, t in p.pairs("MENTIONS")}
    assert p.names("Person") == {"Maren Kaiser", "Arnulf Rybicki"}


def test_the_consultation_row_names_a_district_council(parse):
    p = parse(ANSWER)
    assert p.pairs("HELD_BY") == {("bv-hoerde@2023-09-05", "BV Hörde")}
    assert {e.props.get("role") for e in p.rels("CONSULTED_AT")} == {"Kenntnisnahme"}


JOINT = """Zusatz-/Ergänzungsantrag zum Tagesordnungspunkt
Drucksache Nr.: 20001-21-E2

Sehr geehrter Herr Vorsitzender,

die Fraktionen Bündnis 90/Die Grünen, CDU und Die Linke+ stellen folgenden Antrag:

Der Rat beschließt.

Mit freundlichen Grüßen

CDU-Fraktion
gez. Eva Erste

Fraktion Linke+
gez. Max Zweiter
"""


def test_several_submitting_factions_and_signatures_grouped_by_faction(parse):
    p = parse(JOINT)
    submitted = {s for s, t in p.pairs("SUBMITTED")}
    assert submitted == {"Bündnis 90/Die Grünen", "CDU", "Die Linke+"}
    assert ("20001-21-E2", "20001-21") in p.pairs("AMENDS")
    assert p.pairs("MEMBER_OF") == {("Eva Erste", "CDU"), ("Max Zweiter", "Die Linke+")}


def test_unknown_faction_names_are_reported_not_created(parse):
    p = parse(JOINT.replace("CDU und Die Linke+", "CDU und Fraktion Freie Wähler"))
    assert "Freie Wähler" not in " ".join(p.names("Faction"))
    assert any(pr.kind == "unresolved_organization" and "Freie" in pr.message for pr in p.problems)
