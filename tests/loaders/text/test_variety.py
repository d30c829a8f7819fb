# ruff: noqa: E501  (excerpts of council documents keep their long lines)
"""The variety of real DOSYS documents: each test is one excerpt and the facts it must give."""

import pytest

# --- papers ------------------------------------------------------------------------------------

INQUIRY = """Anfrage zur Sitzung des Ausschusses für Soziales, Arbeit und Gesundheit am 07.11.2022
Drucksache Nr.: 25811-22

Datum: 24.10.2022

Tagesordnungspunkt
Wohnungslosigkeit in der Nordstadt

Sehr geehrte Frau Vorsitzende,

die Fraktion Bündnis 90/Die Grünen bittet die Verwaltung um Beantwortung folgender Fragen:

1. Wie viele Menschen sind wohnungslos?

Mit freundlichen Grüßen

gez. Dr. Katrin Lögering
Fraktionssprecherin
"""


def test_an_inquiry_to_a_committee_meeting(parse):
    p = parse(INQUIRY)
    (paper,) = [n for n in p.of("Paper") if n.props.get("reference") == "25811-22"]
    assert paper.props["kind"] == "inquiry"
    assert paper.props["date"] == "2022-10-24"
    assert ("Bündnis 90/Die Grünen", "25811-22") in p.pairs("SUBMITTED")
    assert ("asag@2022-11-07", "ASAG") in p.pairs("HELD_BY")
    assert p.names("Person") == {"Katrin Lögering"}
    assert next(iter(p.of("Person"))).props["title"] == "Dr."


STELLUNGNAHME = """Bitte um Stellungnahme zum Tagesordnungspunkt
Drucksache Nr.: 26001-22

Sehr geehrter Herr Vorsitzender,

die CDU-Fraktion bittet die Verwaltung um Stellungnahme zu folgendem Sachverhalt:

Der Spielplatz ist seit Monaten gesperrt.

Mit freundlichen Grüßen

gez. Jendrik Suck
"""


def test_a_request_for_a_statement_is_an_inquiry(parse):
    p = parse(STELLUNGNAHME)
    (paper,) = [n for n in p.of("Paper") if n.props.get("reference") == "26001-22"]
    assert paper.props["kind"] == "inquiry"
    assert ("CDU", "26001-22") in p.pairs("SUBMITTED")


VORLAGE = """Beschlussvorlage
Drucksache Nr.: 24523-22

Federführung: Dezernat 5
Fachbereich/e: Umweltamt
Verantwortlich: Dr. Uwe Rath

Beratungsfolge
Gremium	Termin	Zuständigkeit
Ausschuss für Klima, Umwelt, Stadtgestaltung und Wohnen	09.11.2022	Empfehlung
Rat der Stadt Dortmund	15.12.2022	Beschluss

Tagesordnungspunkt
Masterplan Kommunaler Klimaschutz

Beschlussvorschlag:
Der Rat der Stadt beschließt den Masterplan.

Begründung
Siehe Drucksache Nr.: 21000-21.

Thomas Westphal
Oberbürgermeister
"""


def test_an_administration_proposal_with_its_consultation_sequence(parse):
    p = parse(VORLAGE)
    (paper,) = [n for n in p.of("Paper") if n.props.get("reference") == "24523-22"]
    assert paper.props["kind"] == "administration_proposal"
    assert paper.props["title"] == "Masterplan Kommunaler Klimaschutz"
    roles = {(e.props.get("role"), e.props["status"]) for e in p.rels("CONSULTED_AT")}
    assert roles == {("Empfehlung", "planned"), ("Beschluss", "planned")}
    assert {s for s, t in p.pairs("HELD_BY")} == {"akusw@2022-11-09", "rat@2022-12-15"}
    assert "Umweltamt" in {s for s, t in p.pairs("SUBMITTED")}
    assert ("24523-22", "21000-21") in p.pairs("REFERENCES")


def test_the_signing_mayor_is_a_person_without_his_function_in_the_name(parse):
    p = parse(VORLAGE)
    assert "Thomas Westphal" in p.names("Person")
    assert ("Thomas Westphal", "24523-22") in p.pairs("SIGNED", function="Oberbürgermeister")
    assert not any("Oberbürgermeister" in n for n in p.names("Person"))


ANSWER_TO_MOTION = """Stellungnahme der Verwaltung
zum Antrag der SPD-Fraktion (Drucksache Nr.: 26309-22)

Tagesordnungspunkt
Schulwegsicherung

Sehr geehrte Damen und Herren,

zum Antrag nimmt die Verwaltung wie folgt Stellung: Die Schulwege werden geprüft.

Mit freundlichen Grüßen

Daniela Schneckenburger
Beigeordnete
"""


def test_a_statement_of_the_administration_answers_the_motion(parse):
    p = parse(ANSWER_TO_MOTION)
    (answer,) = [n for n in p.of("Paper") if n.props.get("kind") == "answer"]
    assert {t for s, t in p.pairs("ANSWERS")} == {"26309-22"}
    assert answer.props.get("reference") is None


@pytest.mark.parametrize("suffix", ["E1", "E2", "A1"])
def test_a_lettered_suffix_makes_an_amendment_of_the_base(parse, suffix):
    p = parse(
        f"Änderungsantrag zum Tagesordnungspunkt\nDrucksache Nr.: 20001-21-{suffix}\n\nSehr geehrter Herr Vorsitzender,\n\ndie SPD-Fraktion stellt folgenden Antrag:\n\nDer Rat beschließt.\n"
    )
    assert (f"20001-21-{suffix}", "20001-21") in p.pairs("AMENDS")
    (paper,) = [n for n in p.of("Paper") if n.props.get("reference") == f"20001-21-{suffix}"]
    assert paper.props["kind"] == "amendment"


@pytest.mark.parametrize(
    ("line", "iso"), [("07.11.2022", "2022-11-07"), ("7. November 2022", "2022-11-07"), ("07.11.22", "2022-11-07")]
)
def test_date_formats_of_the_head(parse, line, iso):
    p = parse(
        f"Antrag zum Tagesordnungspunkt\nDrucksache Nr.: 25000-22\n\n{line}\n\nSehr geehrter Herr Vorsitzender,\n\ndie SPD-Fraktion stellt folgenden Antrag.\n"
    )
    (paper,) = [n for n in p.of("Paper") if n.props.get("reference") == "25000-22"]
    assert paper.props["date"] == iso


PDF_ARTEFACTS = (
    "Antrag zum Tagesordnungspunkt\nDrucksache Nr.:\u00a025000-22\n\n"
    "Sehr geehrter Herr Vorsitzender,\n\n"
    "die Fraktion Bünd\u00adnis 90/Die Grünen stellt folgenden Antrag zur Au\ufb02age:\n\n"
    "Der Rat beschließt, die Ober\u00adfläche zu erneuern. Das betri\ufb00t alle Halte-\n"
    "Seite 2 von 3\n"
    "stellen.\n\n"
    "- 2 -\n\n"
    "Mit freundlichen Grüßen\n\ngez. Ingrid Reuter\n"
)


def test_pdf_artefacts_do_not_break_names_or_numbers(parse):
    p = parse(PDF_ARTEFACTS)
    assert ("Bündnis 90/Die Grünen", "25000-22") in p.pairs("SUBMITTED")
    assert "Ingrid Reuter" in p.names("Person")
    assert not any("Seite" in n for n in p.names("Person"))


# --- minutes -----------------------------------------------------------------------------------

FULL_MINUTES = """Niederschrift (öffentlich)
über die 12. Sitzung des Ausschusses für Umwelt, Stadtgestaltung und Wohnen
am 17.05.2017

Anwesend:
Rm Dr. Petra Tautorat
(Die Linke & Piraten)
Rm Norbert Schilff
SPD
sachkundige Bürgerin Heike Renkawitz (CDU)
Stadträtin Diane Jägers

TOP 3.4
Grünflächenpflege
(Drucksache Nr.: 07292-17)

zu TOP 3.4
Grünflächenpflege
Beschluss
(Drucksache Nr.: 07292-17)

Der Ausschuss beschließt einstimmig bei Enthaltung von Rm Dr. Tautorat (Die Linke & Piraten) die Vorlage.

zu TOP 3.5
Baumschutzsatzung
Empfehlung
(Drucksache Nr.: 07293-17)

Der Ausschuss empfiehlt dem Rat mit Mehrheit gegen die Stimmen der Fraktionen SPD und CDU sowie der Gruppe NPD/Die Rechte, die Satzung zu beschließen.

zu TOP 3.6
Luftreinhalteplan
Empfehlung
(Drucksache Nr.: 07294-17)

Der Ausschuss überweist die Vorlage in den Ausschuss für Bauen, Verkehr und Grün zur Sitzung am 13.06.2017.

zu TOP 3.7
Klimaschutz
(Drucksache Nr.: 07295-17)

Der Ausschuss lehnt den Antrag einstimmig ab.

zu TOP 3.8
Lärmaktionsplan
(Drucksache Nr.: 07296-17)

Der Ausschuss beschließt bei Gegenstimmen der Fraktion Bündnis 90/Die Grünen und Enthaltung der AfD-Fraktion den Antrag.

zu TOP 3.9
Stadtbäume
(Drucksache Nr.: 07297-17)

Die Beratung wird vertagt.

zu TOP 3.10
Spielplätze
(Drucksache Nr.: 07298-17)

Der Ausschuss beschließt mit Mehrheit gegen die Stimmen von AfD und Die Linke & Piraten die Vorlage.

zu TOP 3.11
Kleingärten
(Drucksache Nr.: 07299-17)

Der Ausschuss beschließt bei 3 Gegenstimmen die Vorlage in der Fassung der Empfehlung der Bezirksvertretung Eving.

zu TOP 3.12
Friedhöfe
(Drucksache Nr.: 07300-17)

Der Ausschuss beschließt mehrheitlich gegen die Stimmen der Freien Bürger Dortmund die Vorlage.
"""


@pytest.fixture
def full(parse):
    return parse(FULL_MINUTES)


def _decision(minutes, number):
    return next(d for d in minutes.decisions() if f"/item/{number.replace('.', '-')}/" in d.id)


def test_attendance_with_faction_on_the_next_line(full):
    members = full.pairs("MEMBER_OF")
    assert ("Petra Tautorat", "Die Linke & Piraten") in members
    assert ("Norbert Schilff", "SPD") in members
    assert ("Heike Renkawitz", "CDU") in members
    assert {"Petra Tautorat", "Norbert Schilff", "Heike Renkawitz", "Diane Jägers"} <= full.names("Person")
    assert next(n for n in full.of("Person") if n.props["family_name"] == "Tautorat").props["title"] == "Dr."


def test_the_agenda_list_and_the_item_are_one_agenda_item(full):
    assert [n.props.get("number") for n in full.of("AgendaItem")].count("3.4") == 1


def test_a_person_abstaining_in_a_unanimous_vote(full):
    d = _decision(full, "3.4")
    assert (d.props["outcome"], d.props["unanimous"]) == ("adopted", True)
    assert full.votes(d) == {"Petra Tautorat": "abstain"}


def test_plural_factions_and_a_group_joined_by_sowie(full):
    d = _decision(full, "3.5")
    assert d.props["outcome"] == "recommended"
    assert full.votes(d) == {"SPD": "no", "CDU": "no", "NPD/Die Rechte": "no"}


@pytest.mark.parametrize(
    ("number", "outcome", "unanimous"),
    [("3.6", "referred", False), ("3.7", "rejected", True), ("3.9", "postponed", False), ("3.11", "adopted", False)],
)
def test_more_outcome_wordings(full, number, outcome, unanimous):
    d = _decision(full, number)
    assert (d.props["outcome"], d.props["unanimous"]) == (outcome, unanimous)


def test_a_referral_plans_a_consultation_at_the_other_committee(full):
    assert "abvg" in {s.split("@")[0] for s, t in full.pairs("HELD_BY")}
    planned = [e for e in full.rels("CONSULTED_AT") if e.props["status"] == "planned"]
    assert [e.source.rsplit("/", 1)[-1] for e in planned] == ["07294-17"]


def test_gegenstimmen_and_enthaltung_without_bei(full):
    assert full.votes(_decision(full, "3.8")) == {"Bündnis 90/Die Grünen": "no", "AfD": "abstain"}


def test_votes_of_factions_named_without_article(full):
    assert full.votes(_decision(full, "3.10")) == {"AfD": "no", "Die Linke & Piraten": "no"}


def test_a_count_of_votes_names_no_one(full):
    assert full.votes(_decision(full, "3.11")) == {}
    assert full.on(_decision(full, "3.11"))[0].props["reference"] == "07299-17"


def test_an_unknown_faction_in_a_vote_is_a_problem_not_a_node(full):
    d = _decision(full, "3.12")
    assert full.votes(d) == {}
    assert not any("Freie" in n for n in full.names("Faction"))
    assert any(pr.kind == "unresolved_organization" and "Freie" in pr.message for pr in full.problems)


RAT = """Niederschrift über die 5. Sitzung des Rates der Stadt am 01.06.2017

zu TOP 4.1
Bericht zur Haushaltslage
Kenntnisnahme
(Drucksache Nr.: 07400-17)

Der Rat der Stadt nimmt den Bericht zur Kenntnis.

zu TOP 4.2
Sportstättenentwicklung
Beschluss
(Drucksache Nr.: 07401-17)

Der Rat folgt der Empfehlung des Ausschusses für Kultur, Sport und Freizeit und beschließt einstimmig.

zu TOP 4.3
Parkgebühren
(Drucksache Nr.: 07402-17)

Der Antrag wurde zurückgezogen.

zu TOP 4.4
Radverkehr
(Drucksache Nr.: 07403-17)

Oberbürgermeister Ullrich Sierau stellt fest, dass der Rat der Stadt der Empfehlung des Hauptausschusses folgt.

Frau Bürgermeisterin Birgit Jörder (SPD) erläuterte das Verfahren. Prof. Dr. Dipl.-Ing. Klaus Heinze (CDU) widersprach.
"""


def test_council_minutes_outcomes(parse):
    p = parse(RAT)
    got = {d.id.split("/item/")[1].split("/")[0]: d.props["outcome"] for d in p.decisions()}
    assert got == {"4-1": "noted", "4-2": "adopted", "4-3": "withdrawn", "4-4": "adopted"}


def test_office_words_are_no_part_of_a_name(parse):
    p = parse(RAT)
    names = p.names("Person")
    assert {"Ullrich Sierau", "Birgit Jörder", "Klaus Heinze"} <= names
    heinze = next(n for n in p.of("Person") if n.props["family_name"] == "Heinze")
    assert heinze.props["title"] == "Prof. Dr. Dipl.-Ing."
    assert ("Birgit Jörder", "SPD") in p.pairs("MEMBER_OF")


def test_a_committee_missing_from_the_reference_data_is_kept_under_its_own_name_and_reported():
    from ratsgraph.graph.reference import load_council
    from ratsgraph.loaders.document import document_from_bytes
    from ratsgraph.loaders.text import parse_document

    text = (
        "Betriebsausschuss Kulturbetriebe vom 12.03.2019\n\n"
        "zu TOP 3.1\n\n"
        "Neue Spielstätte\n\n"
        "(Drucksache Nr.: 12345-19)\n\n"
        "Der Betriebsausschuss Kulturbetriebe beschließt einstimmig die Vorlage.\n"
    )
    doc = document_from_bytes(text.encode("utf-8"), "mem://unlisted.txt", "text/plain")
    result = parse_document(doc, load_council("dortmund"))
    committees = [n for n in result.batch.nodes if n.label == "Committee"]
    assert [n.props["name"] for n in committees] == ["Betriebsausschuss Kulturbetriebe"]
    held_by = [e for e in result.batch.edges if e.type == "HELD_BY"]
    assert [e.target for e in held_by] == [committees[0].id]
    assert any(p.kind == "unresolved_organization" and "Kulturbetriebe" in p.message for p in result.problems)
    decisions = [n for n in result.batch.nodes if n.label == "Decision"]
    assert [(d.props["outcome"], d.props["unanimous"]) for d in decisions] == [("adopted", True)]
