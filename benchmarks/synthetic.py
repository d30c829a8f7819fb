"""A seeded synthetic city council: the graph (streamed as GraphBatch chunks) and council documents as text.

Scale 1.0 is a big city over twenty years (four legislative terms of five years):
about 10^5 papers, 3·10^5 agenda items, 10^4 persons, ~40 committees, 8–10 factions
per term (they change between terms), ~8,000 meetings, ~3·10^5 decisions and ~10^6
faction votes. Every node carries one piece of evidence (→ EXTRACTED_FROM a synthetic
Document) and every relationship carries `source`/`evidence`/`start`/`end`.

    from synthetic import SyntheticCouncil
    council = SyntheticCouncil(scale=0.01, seed=7)
    for batch in council.batches():      # GraphBatch chunks, each safe to write on its own
        store.write(batch)
    council.stats                        # {"nodes": {...}, "relationships": {...}} as generated

Chunks are written in order: a chunk only names nodes of itself or of earlier chunks, so
`store.write(batch)` never raises DanglingEdge. Memory is bounded by the council's
structure (persons, meetings), not by the number of papers: papers are generated as
self-contained histories (paper → amendments → consultations → decisions → votes →
answer) in date order. The same (scale, seed, body) gives the same graph, whatever the
chunk size.

`write_documents(dir, n, seed)` writes council documents in the style of the Dortmund
seeds (motions, amendments, answers, protocol excerpts with vote sentences) using the
real Dortmund faction and committee names of the time, so the text loader resolves them.

Run as a script for a size table: `python benchmarks/synthetic.py --scale 0.1`.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import random
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ratsgraph.graph.ids import (
    agenda_item_id,
    body_id,
    decision_id,
    document_id,
    meeting_id,
    organization_id,
    paper_id,
    person_id,
)
from ratsgraph.graph.model import Edge, Evidence, GraphBatch, Node

# --- the shape of a big city at scale 1.0 ------------------------------------------

BIG_CITY = {"papers": 100_000, "agenda_items": 300_000, "persons": 10_000, "meetings": 8_000, "votes": 1_000_000}

TERMS = (  # four legislative terms of five years: twenty years
    ("2005", "2005-11-01", "2010-10-31"),
    ("2010", "2010-11-01", "2015-10-31"),
    ("2015", "2015-11-01", "2020-10-31"),
    ("2020", "2020-11-01", "2025-10-31"),
)
TIMELINE_START = date(2005, 11, 1)
TIMELINE_END = date(2025, 10, 31)
TODAY = date(2025, 8, 31)  # later meetings are planned: consultations without decisions
LOADED_AT = "2025-09-01T00:00:00+00:00"

# key, name, short name, classification, terms (indices), seat share
FACTIONS = (
    ("spd", "SPD-Fraktion", "SPD", "Fraktion", (0, 1, 2, 3), 0.32),
    ("cdu", "CDU-Fraktion", "CDU", "Fraktion", (0, 1, 2, 3), 0.27),
    ("gruene", "Fraktion Bündnis 90/Die Grünen", "Grüne", "Fraktion", (0, 1, 2, 3), 0.16),
    ("fdp", "FDP-Fraktion", "FDP", "Fraktion", (0, 1, 2, 3), 0.05),
    ("linke", "Fraktion Die Linke", "Die Linke", "Fraktion", (0, 1), 0.06),
    ("linke-piraten", "Fraktion Die Linke & Piraten", "Linke & Piraten", "Fraktion", (2,), 0.06),
    ("linke-plus", "Fraktion Die Linke+", "Linke+", "Fraktion", (3,), 0.05),
    ("afd", "AfD-Fraktion", "AfD", "Fraktion", (2, 3), 0.07),
    ("buergerliste", "Fraktion Bürgerliste", "Bürgerliste", "Fraktion", (0, 1, 2), 0.03),
    ("fw", "Gruppe Freie Wähler", "Freie Wähler", "Gruppe", (0, 1), 0.02),
    ("npd", "Gruppe NPD", "NPD", "Gruppe", (0, 1, 2), 0.02),
    ("piraten", "Gruppe Piraten", "Piraten", "Gruppe", (1,), 0.02),
    ("oedp", "Gruppe ÖDP", "ÖDP", "Gruppe", (2,), 0.02),
    ("die-partei", "Fraktion Die PARTEI", "Die PARTEI", "Fraktion", (3,), 0.03),
    ("volt", "Fraktion Volt", "Volt", "Fraktion", (3,), 0.03),
    ("bvt", "Gruppe Bürgerliche Verantwortung", "BVT", "Gruppe", (3,), 0.02),
)

_FACHAUSSCHUESSE = (
    ("afbl", "Ausschuss für Finanzen, Beteiligungen und Liegenschaften", "AFBL"),
    ("apod", "Ausschuss für Personal, Organisation und Digitalisierung", "APOD"),
    ("awbewf", "Ausschuss für Wirtschafts-, Beschäftigungsförderung, Europa, Wissenschaft und Forschung", "AWBEWF"),
    ("amig", "Ausschuss für Mobilität, Infrastruktur und Grün", "AMIG"),
    ("akusw", "Ausschuss für Klima, Umwelt, Stadtgestaltung und Wohnen", "AKUSW"),
    ("aksf", "Ausschuss für Kultur, Sport und Freizeit", "AKSF"),
    ("asag", "Ausschuss für Soziales, Arbeit und Gesundheit", "ASAG"),
    ("akjf", "Ausschuss für Kinder, Jugend und Familie", "AKJF"),
    ("schul", "Schulausschuss", "SchulA"),
    ("aboab", "Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden", "ABÖAB"),
    ("rpa", "Rechnungsprüfungsausschuss", "RPA"),
    ("bauausschuss", "Ausschuss für Bauen und Verkehr", "ABV"),
    ("planungsausschuss", "Ausschuss für Stadtplanung", "ASP"),
    ("betriebsausschuss-fz", "Betriebsausschuss FABIDO", "BA FABIDO"),
    ("betriebsausschuss-sport", "Betriebsausschuss Sport- und Freizeitbetriebe", "BA SFB"),
    ("betriebsausschuss-theater", "Betriebsausschuss Theater", "BA Theater"),
    ("wahlpruefung", "Wahlprüfungsausschuss", "WPA"),
    ("vergabe", "Vergabeausschuss", "VA"),
    ("feuerwehr", "Ausschuss für Feuerwehr und Katastrophenschutz", "AFK"),
    ("digitalausschuss", "Ausschuss für Digitalisierung", "ADig"),
)
_BEZIRKE = (
    "Innenstadt-West",
    "Innenstadt-Nord",
    "Innenstadt-Ost",
    "Eving",
    "Scharnhorst",
    "Brackel",
    "Aplerbeck",
    "Hörde",
    "Hombruch",
    "Lütgendortmund",
    "Huckarde",
    "Mengede",
)
_BEIRAETE = (
    ("integrationsrat", "Integrationsrat"),
    ("seniorenbeirat", "Seniorenbeirat"),
    ("behindertenpolitisches-netzwerk", "Behindertenpolitisches Netzwerk"),
    ("kinder-jugendbeirat", "Kinder- und Jugendbeirat"),
    ("umweltbeirat", "Umweltbeirat"),
    ("sportbeirat", "Sportbeirat"),
)
# key, name, short name, classification — Rat and Hauptausschuss first: small scales keep them
COMMITTEES: tuple[tuple[str, str, str | None, str], ...] = (
    ("rat", "Rat der Stadt", "Rat", "Rat"),
    ("ha", "Hauptausschuss und Ältestenrat", "HA", "Hauptausschuss"),
    *((k, n, s, "Ausschuss") for k, n, s in _FACHAUSSCHUESSE[:6]),
    *((f"bv-{b.lower()}", f"Bezirksvertretung {b}", f"BV {b}", "Bezirksvertretung") for b in _BEZIRKE[:6]),
    *((k, n, s, "Ausschuss") for k, n, s in _FACHAUSSCHUESSE[6:]),
    *((f"bv-{b.lower()}", f"Bezirksvertretung {b}", f"BV {b}", "Bezirksvertretung") for b in _BEZIRKE[6:]),
    *((k, n, None, "Beirat") for k, n in _BEIRAETE),
)

ADMIN_UNITS = (
    ("ob", "Oberbürgermeister", "Dezernat"),
    ("dez-1", "Dezernat 1 – Personal, Organisation, Bürgerdienste", "Dezernat"),
    ("dez-2", "Dezernat 2 – Finanzen, Liegenschaften, Feuerwehr", "Dezernat"),
    ("dez-3", "Dezernat 3 – Recht und Ordnung", "Dezernat"),
    ("dez-4", "Dezernat 4 – Schule, Jugend, Familie", "Dezernat"),
    ("dez-5", "Dezernat 5 – Soziales, Arbeit, Gesundheit", "Dezernat"),
    ("dez-6", "Dezernat 6 – Umwelt, Planen, Wohnen", "Dezernat"),
    ("dez-7", "Dezernat 7 – Kultur, Sport, Freizeit", "Dezernat"),
    ("stadtkaemmerei", "Stadtkämmerei", "Amt"),
    ("amt-rat", "Amt für Angelegenheiten des Oberbürgermeisters und des Rates", "Amt"),
    ("personalamt", "Personal- und Organisationsamt", "Amt"),
    ("fb-schule", "Fachbereich Schule", "Fachbereich"),
    ("jugendamt", "Jugendamt", "Amt"),
    ("sozialamt", "Sozialamt", "Amt"),
    ("umweltamt", "Umweltamt", "Amt"),
    ("stadtplanung", "Stadtplanungs- und Bauordnungsamt", "Amt"),
    ("tiefbauamt", "Tiefbauamt", "Amt"),
    ("kulturbetriebe", "Kulturbetriebe", "Eigenbetrieb"),
    ("systemhaus", "Systemhaus", "Eigenbetrieb"),
    ("wirtschaftsfoerderung", "Wirtschaftsförderung", "Eigenbetrieb"),
)

GIVEN_F = (
    "Anna Birgit Christel Claudia Daniela Elke Eva Franziska Gabriele Hannah Ingrid Julia Karin Katrin Laura Lena "
    "Maria Martina Monika Nadine Petra Renate Sabine Sandra Sarah Silke Sonja Stefanie Susanne Ulrike Ute Yvonne"
).split()
GIVEN_M = (
    "Andreas Bernd Carsten Christian Daniel Dirk Frank Friedrich Hans Heinz Jan Jens Jörg Jürgen Karl Klaus Lars "
    "Manfred Markus Martin Michael Nils Oliver Peter Ralf Stefan Thomas Torsten Udo Uwe Werner Wolfgang"
).split()
FAMILY = (
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein "
    "Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause "
    "Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz "
    "Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann "
    "Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer "
    "Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch "
    "Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Reppin Sotmann Gurowietz Tölch Suck Ossau Gebel Urbanek "
    "Plieth Rüdning Dingerdissen Gora Stackelbeck Westphal Vogeler Binnberg Giebel Poch Behlau Naumann Märting "
    "Schneckenburger Jägers Tautorat Tödt Beckmann Neuhaus Kreße Posch Hellmanzik Tenbusch Hengstenberg Bonde "
    "Brück Kowalewski Schilff Waßmann Zweier Rettstadt Grollmann Kleinhans Wallrabenstein Langhorst Lührs"
).split()

TOPICS = (
    "Radverkehr",
    "Schulsanierung",
    "Kita-Ausbau",
    "Digitalisierung der Verwaltung",
    "Klimaschutzkonzept",
    "Wohnungsbau",
    "Stadtbahn",
    "Sportstätten",
    "Grünflächenpflege",
    "Open Data",
    "Quartiersentwicklung",
    "Haushaltssatzung",
    "Feuerwehrbedarfsplan",
    "Integrationskonzept",
    "Seniorenwohnen",
    "Bibliotheken",
    "Straßenbeleuchtung",
    "Hitzeschutz",
    "Innenstadtentwicklung",
    "Wirtschaftsflächen",
    "Breitbandausbau",
    "Parkraumbewirtschaftung",
    "Obdachlosenhilfe",
    "Spielplätze",
    "Theatersanierung",
    "Friedhofsgebühren",
    "Abfallwirtschaft",
    "Barrierefreiheit",
    "Lärmaktionsplan",
    "Schulwegsicherheit",
)
PLACES = (
    "Innenstadt",
    "Hörde",
    "Aplerbeck",
    "Brackel",
    "Eving",
    "Hombruch",
    "Huckarde",
    "Mengede",
    "Scharnhorst",
    "Lütgendortmund",
    "der Nordstadt",
    "dem Hafenquartier",
    "Phoenix-West",
    "dem Westfalenpark",
)
ACTIONS = (
    "Sachstandsbericht",
    "Umsetzungskonzept",
    "Fortschreibung",
    "Prüfauftrag",
    "Beschluss über die Ausführung",
    "Maßnahmenplan",
    "Finanzierung",
    "Evaluation",
    "Bürgerbeteiligung",
    "Machbarkeitsstudie",
)

# kind, share of the paper histories, German paper type
PRIMARY_KINDS = (
    ("administration_proposal", 0.45, "Beschlussvorlage"),
    ("motion", 0.30, "Antrag zur Tagesordnung"),
    ("inquiry", 0.17, "Anfrage"),
    ("agenda_proposal", 0.05, "Vorschlag zur Tagesordnung"),
    ("resolution", 0.03, "Resolution"),
)
# expected papers per history: 1 + amendments (0.2·2 on motions and proposals) + answers
_PAPERS_PER_HISTORY = 1 + 0.75 * 0.2 * 2 + 0.17 * 0.85 + 0.30 * 0.15


def _iso(d: date) -> str:
    return d.isoformat()


def _de(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def _sha(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode("utf-8")).hexdigest()


def _term_index(iso: str) -> int:
    for i, (_, start, end) in enumerate(TERMS):
        if start <= iso <= end:
            return i
    return 0 if iso < TERMS[0][1] else len(TERMS) - 1


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " und " + names[-1]


def _genitive(faction_name: str) -> str:
    """'der SPD-Fraktion', 'der Gruppe NPD', 'der Fraktion Volt'."""
    return f"der {faction_name}"


class _Doc:
    """A synthetic Document: facts get consecutive character offsets in its (virtual) text."""

    __slots__ = ("id", "offset")

    def __init__(self, doc_id: str):
        self.id = doc_id
        self.offset = 0

    def ev(self, text: str) -> Evidence:
        start = self.offset
        self.offset = start + len(text) + 1
        return Evidence.model_construct(document_id=self.id, start=start, end=start + len(text), text=text)


@dataclass
class _Person:
    id: str
    name: str
    given: str
    family: str
    faction: str | None
    terms: tuple[int, ...]


@dataclass
class SyntheticCouncil:
    """A deterministic synthetic council graph, streamed as GraphBatch chunks."""

    scale: float = 0.01
    seed: int = 7
    body: str = "synthstadt"
    chunk_rows: int = 5_000  # nodes + relationships (evidence edges included) per batch, about
    stats: dict[str, Counter] = field(default_factory=lambda: {"nodes": Counter(), "relationships": Counter()})

    # -- sizes ------------------------------------------------------------------

    @property
    def n_papers(self) -> int:
        return max(20, round(BIG_CITY["papers"] * self.scale))

    @property
    def n_persons(self) -> int:
        return max(60, round(BIG_CITY["persons"] * self.scale))

    @property
    def n_committees(self) -> int:
        return min(len(COMMITTEES), max(4, round(len(COMMITTEES) * min(1.0, self.scale) ** 0.5)))

    @property
    def n_meetings(self) -> int:
        return max(self.n_committees * 4, round(BIG_CITY["meetings"] * self.scale))

    def planned(self) -> dict[str, int]:
        return {
            "papers": self.n_papers,
            "persons": self.n_persons,
            "committees": self.n_committees,
            "meetings (scheduled)": self.n_meetings,
            "agenda_items (target)": round(BIG_CITY["agenda_items"] * self.scale),
            "faction votes (target)": round(BIG_CITY["votes"] * self.scale),
        }

    # -- emitting -----------------------------------------------------------------

    def _node(self, label: str, node_id: str, props: dict[str, Any], ev: Evidence | None) -> None:
        props = {k: v for k, v in props.items() if v is not None}
        self._batch.nodes.append(
            Node.model_construct(label=label, id=node_id, props=props, evidence=(ev,) if ev else ())
        )
        self.stats["nodes"][label] += 1
        if ev is not None:
            self.stats["relationships"]["EXTRACTED_FROM"] += 1

    def _edge(
        self, rel: str, src: str, src_label: str, dst: str, dst_label: str, ev: Evidence | None, **props: Any
    ) -> None:
        self._batch.edges.append(
            Edge.model_construct(
                type=rel,
                source=src,
                source_label=src_label,
                target=dst,
                target_label=dst_label,
                props={k: v for k, v in props.items() if v is not None},
                evidence=ev,
            )
        )
        self.stats["relationships"][rel] += 1

    def _document(self, key: str, title: str, uri: str, size: int | None = None) -> _Doc:
        sha = _sha("synthetic", self.seed, self.body, key)
        doc = _Doc(document_id(sha))
        self._node(
            "Document",
            doc.id,
            {
                "name": title,
                "title": title,
                "uri": uri,
                "sha256": sha,
                "media_type": "text/plain",
                "loaded_at": LOADED_AT,
                "size": size,
            },
            None,
        )
        return doc

    def _rows(self) -> int:
        return 2 * len(self._batch.nodes) + len(self._batch.edges)

    def _flush(self, force: bool = False) -> Iterator[GraphBatch]:
        if self._batch.nodes or self._batch.edges:
            if force or self._rows() >= self.chunk_rows:
                batch, self._batch = self._batch, GraphBatch()
                yield batch

    # -- the stream ---------------------------------------------------------------

    def batches(self) -> Iterator[GraphBatch]:
        """Generate the council; `stats` holds the counts of what was yielded so far."""
        self.stats = {"nodes": Counter(), "relationships": Counter()}
        self._batch = GraphBatch()
        self._rng = random.Random(f"{self.seed}/{self.scale}/{self.body}")
        self._body = body_id(self.body)
        self._structure()
        yield from self._flush(force=True)
        yield from self._persons()
        yield from self._flush(force=True)
        yield from self._papers()
        yield from self._flush(force=True)

    def _structure(self) -> None:
        rng = self._rng
        doc = self._document("structure", "Hauptsatzung und Zuständigkeitsordnung", f"synthetic://{self.body}/satzung")
        self._structure_doc = doc
        self._node(
            "Body",
            self._body,
            {"name": f"Stadt {self.body.capitalize()}", "short_name": self.body.capitalize(), "ags": "05999000"},
            doc.ev(f"Stadt {self.body.capitalize()}"),
        )
        self._terms: list[str] = []
        for key, start, end in TERMS:
            term_id = f"{self.body}/term/{key}"
            self._terms.append(term_id)
            text = f"Wahlperiode {key} vom {_de(start)} bis {_de(end)}"
            self._node(
                "LegislativeTerm",
                term_id,
                {"name": f"Wahlperiode {key}", "start_date": start, "end_date": end},
                doc.ev(text),
            )
            self._edge("PART_OF", term_id, "LegislativeTerm", self._body, "Body", doc.ev(text))
        # factions, with the terms they sat in
        self._factions: dict[str, dict[str, Any]] = {}
        for key, name, short, classification, terms, share in FACTIONS:
            fid = organization_id(self.body, key)
            start, end = TERMS[terms[0]][1], TERMS[terms[-1]][2]
            text = f"{name} ({short})"
            self._node(
                "Faction",
                fid,
                {
                    "name": name,
                    "short_name": short,
                    "aliases": [short],
                    "classification": classification,
                    "start_date": start,
                    "end_date": end if end < _iso(TIMELINE_END) else None,
                },
                doc.ev(text),
            )
            self._edge("PART_OF", fid, "Faction", self._body, "Body", doc.ev(text))
            self._factions[key] = {"id": fid, "name": name, "terms": terms, "share": share}
        self._term_factions = [[k for k, f in self._factions.items() if t in f["terms"]] for t in range(len(TERMS))]
        # committees and their meeting calendars
        self._committees: list[dict[str, Any]] = []
        per_committee = max(4, self.n_meetings // self.n_committees)
        span = (TIMELINE_END - TIMELINE_START).days
        for key, name, short, classification in COMMITTEES[: self.n_committees]:
            cid = organization_id(self.body, key)
            self._node(
                "Committee",
                cid,
                {"name": name, "short_name": short, "classification": classification},
                doc.ev(name),
            )
            self._edge("PART_OF", cid, "Committee", self._body, "Body", doc.ev(name))
            dates: set[str] = set()
            for i in range(per_committee):
                day = TIMELINE_START + timedelta(days=int((i + 0.5) * span / per_committee) + rng.randint(-6, 6))
                day -= timedelta(days=max(0, day.weekday() - 3))  # Monday..Thursday
                while _iso(day) in dates:
                    day += timedelta(days=1)
                dates.add(_iso(day))
            self._committees.append(
                {"key": key, "id": cid, "name": name, "classification": classification, "dates": sorted(dates)}
            )
        self._rat, self._ha = self._committees[0], self._committees[1]
        self._fach = self._committees[2:]
        self._units: list[tuple[str, str]] = []
        for key, name, classification in ADMIN_UNITS:
            uid = organization_id(self.body, key)
            self._node("AdministrativeUnit", uid, {"name": name, "classification": classification}, doc.ev(name))
            self._edge("PART_OF", uid, "AdministrativeUnit", self._body, "Body", doc.ev(name))
            self._units.append((uid, name))

    def _persons(self) -> Iterator[GraphBatch]:
        rng = self._rng
        n = self.n_persons
        given, family = [*GIVEN_F, *GIVEN_M], list(dict.fromkeys(FAMILY))
        female_names = set(GIVEN_F)
        rng.shuffle(given)
        rng.shuffle(family)
        n_given, n_family = len(given), len(family)
        term_docs = [
            self._document(
                f"members/{key}", f"Mitgliederverzeichnis Wahlperiode {key}", f"synthetic://{self.body}/members/{key}"
            )
            for key, _, _ in TERMS
        ]
        self._persons_list: list[_Person] = []
        # faction members per (faction, term), for signatures, speakers and the faction leaders
        self._members: dict[tuple[str, int], list[int]] = {}
        self._officials: list[list[int]] = [[] for _ in TERMS]
        faction_keys_by_term = self._term_factions
        for i in range(n):
            # (given, family) pairs in order: unique up to n_given·n_family, then double family names
            first_name = given[i % n_given]
            fam = family[(i // n_given) % n_family]
            if i >= n_given * n_family:
                fam = f"{fam}-{family[(i // (n_given * n_family)) % n_family]}"
            female = first_name in female_names
            title = "Dr." if rng.random() < 0.06 else None
            form = "Frau" if female else "Herr"
            name = " ".join(x for x in (title, first_name, fam) if x)
            pid = person_id(self.body, fam, first_name)
            first = i % len(TERMS)
            terms = tuple(t for t in range(first, min(len(TERMS), first + rng.choice((1, 1, 2, 2, 3)))))
            official = i % 40 == 0  # administration staff sign answers and proposals
            faction = None
            if not official:
                keys = [k for k in faction_keys_by_term[terms[0]]]
                weights = [self._factions[k]["share"] for k in keys]
                faction = rng.choices(keys, weights)[0]
            person = _Person(pid, name, first_name, fam, faction, terms)
            self._persons_list.append(person)
            doc = term_docs[terms[0]]
            self._node(
                "Person",
                pid,
                {
                    "name": name,
                    "given_name": first_name,
                    "family_name": fam,
                    "title": title,
                    "form_of_address": form,
                    "aliases": [f"{form} {fam}"],
                },
                doc.ev(f"{form} {name}"),
            )
            start, end = TERMS[terms[0]][1], TERMS[terms[-1]][2]
            end = None if end >= _iso(TODAY) else end
            if official:
                unit_id, unit_name = self._units[(i // 40) % len(self._units)]
                role = "Oberbürgermeister" if unit_id.endswith("/ob") else "Referent"
                self._edge(
                    "MEMBER_OF",
                    pid,
                    "Person",
                    unit_id,
                    "AdministrativeUnit",
                    doc.ev(f"{name}, {role}, {unit_name}"),
                    role=role,
                    start_date=start,
                    end_date=end,
                )
                for t in terms:
                    self._officials[t].append(i)
                continue
            # faction membership per term (the faction may not exist in a later term: then a successor)
            seen: set[str] = set()
            for t in terms:
                key = faction if t in self._factions[faction]["terms"] else rng.choice(faction_keys_by_term[t])
                self._members.setdefault((key, t), []).append(i)
                if key in seen:
                    continue
                seen.add(key)
                f = self._factions[key]
                t_end = TERMS[max(x for x in terms if x in f["terms"])][2]
                role = "Vorsitz" if len(self._members[(key, t)]) == 1 else "Mitglied"
                self._edge(
                    "MEMBER_OF",
                    pid,
                    "Person",
                    f["id"],
                    "Faction",
                    term_docs[t].ev(f"{name} ({f['name']})"),
                    role=role,
                    start_date=TERMS[t][1],
                    end_date=None if t_end >= _iso(TODAY) else t_end,
                    voting_right=True,
                )
            # one or two committees
            for c in rng.sample(self._committees, k=min(len(self._committees), rng.choice((1, 1, 2)))):
                voting = rng.random() < 0.8
                self._edge(
                    "MEMBER_OF",
                    pid,
                    "Person",
                    c["id"],
                    "Committee",
                    doc.ev(f"{c['name']}: {name}"),
                    role="Mitglied" if voting else "sachkundige Bürgerin" if female else "sachkundiger Bürger",
                    start_date=start,
                    end_date=end,
                    voting_right=voting,
                    on_behalf_of=self._factions[faction]["name"],
                )
            yield from self._flush()

    # -- papers ---------------------------------------------------------------------

    def _next_meeting(self, committee: dict[str, Any], after: str) -> str | None:
        dates = committee["dates"]
        k = bisect.bisect_right(dates, after)
        return dates[k] if k < len(dates) else None

    def _meeting(self, committee: dict[str, Any], day: str) -> tuple[str, _Doc]:
        mid = meeting_id(self.body, committee["key"], day)
        known = self._meeting_state.get(mid)
        if known is not None:
            return mid, known["doc"]
        doc = self._document(
            f"protocol/{mid}", f"Niederschrift {committee['name']} vom {_de(day)}", f"synthetic://{mid}/niederschrift"
        )
        title = f"{committee['name']} vom {_de(day)}"
        self._node(
            "Meeting",
            mid,
            {"name": title, "date": day, "public": True, "cancelled": False},
            doc.ev(title),
        )
        self._edge("HELD_BY", mid, "Meeting", committee["id"], "Committee", doc.ev(title))
        self._edge("DURING", mid, "Meeting", self._terms[_term_index(day)], "LegislativeTerm", doc.ev(title))
        self._meeting_state[mid] = {"doc": doc, "items": 0}
        return mid, doc

    def _item(self, committee: dict[str, Any], day: str, title: str) -> tuple[str, _Doc, str]:
        mid, doc = self._meeting(committee, day)
        state = self._meeting_state[mid]
        k = state["items"]
        state["items"] = k + 1
        number = f"{k // 25 + 2}.{k % 25 + 1}"
        iid = agenda_item_id(mid, number)
        self._node(
            "AgendaItem",
            iid,
            {"name": f"TOP {number} {title}", "number": number, "title": title, "public": True, "order": k + 1},
            doc.ev(f"zu TOP {number}"),
        )
        self._edge("HAS_ITEM", mid, "Meeting", iid, "AgendaItem", doc.ev(f"zu TOP {number}"), order=k + 1)
        return iid, doc, number

    def _paper(
        self, ref: str, kind: str, paper_type: str, title: str, day: str, submitters: list[tuple[str, str, str]]
    ) -> tuple[str, _Doc]:
        pid = paper_id(self.body, ref)
        doc = self._document(
            f"paper/{ref}", f"{paper_type} {ref}", f"synthetic://{pid}.txt", size=1500 + self._rng.randint(0, 6000)
        )
        self._node(
            "Paper",
            pid,
            {
                "name": f"{paper_type}: {title}",
                "reference": ref,
                "title": title,
                "paper_type": paper_type,
                "kind": kind,
                "date": day,
            },
            doc.ev(f"Drucksache Nr.: {ref}"),
        )
        self._edge("DURING", pid, "Paper", self._terms[_term_index(day)], "LegislativeTerm", doc.ev(_de(day)))
        for sid, slabel, sname in submitters:
            self._edge("SUBMITTED", sid, slabel, pid, "Paper", doc.ev(sname))
        return pid, doc

    def _reference(self, day: str) -> str:
        year = day[2:4]
        self._ref_counter[year] = self._ref_counter.get(year, 0) + 1
        return f"{self._ref_counter[year]:05d}-{year}"

    def _signers(self, pid: str, doc: _Doc, faction: str | None, term: int) -> None:
        rng = self._rng
        pool = self._members.get((faction, term)) if faction else self._officials[term]
        if not pool:
            return
        chosen = rng.sample(pool, k=min(2, len(pool)))
        for role, function, idx in zip(("gez.", "f.d.R."), ("Sprecher", "Referent"), chosen, strict=False):
            p = self._persons_list[idx]
            if faction is None:
                function = "Oberbürgermeister" if role == "gez." else "Referent"
            self._edge(
                "SIGNED",
                p.id,
                "Person",
                pid,
                "Paper",
                doc.ev(f"{role} {p.name}"),
                role=role,
                function=function,
                on_behalf_of=self._factions[faction]["name"] if faction else None,
            )

    def _votes(
        self, did: str, doc: _Doc, committee: dict[str, Any], outcome: str, term: int, for_faction: str | None
    ) -> tuple[bool, str]:
        """Faction votes of a contested decision, and the German sentence they are read from."""
        rng = self._rng
        body = "Der Rat der Stadt" if committee is self._rat else f"Der {committee['name']}"
        if outcome == "forwarded_without_recommendation":
            return False, f"{body} lässt die Vorlage ohne Empfehlung durchlaufen."
        if outcome == "noted":
            return False, f"{body} nimmt die Vorlage zur Kenntnis."
        if outcome == "referred":
            return False, f"{body} verweist die Vorlage in den {rng.choice(self._committees)['name']}."
        if outcome == "withdrawn":
            return False, "Der Antrag wurde zurückgezogen."
        if outcome == "postponed":
            return False, f"{body} vertagt die Beratung."
        factions = self._term_factions[term]
        verb = {"adopted": "beschließt", "rejected": "lehnt den Antrag", "recommended": "empfiehlt dem Rat"}[outcome]
        tail = {"adopted": "", "rejected": " ab", "recommended": ", folgenden Beschluss zu fassen"}[outcome]
        contested = outcome == "rejected" or rng.random() < 0.45
        if not contested:
            abstain = [rng.choice(factions)] if rng.random() < 0.15 else []
            text = f"{body} {verb} einstimmig{tail}."
            if abstain:
                text = f"{body} {verb} einstimmig bei Stimmenthaltung {_genitive(self._factions[abstain[0]]['name'])}"
                text += f"{tail}."
            for key in abstain:
                self._edge(
                    "VOTED", self._factions[key]["id"], "Faction", did, "Decision", doc.ev(text), position="abstain"
                )
            return True, text
        positions: dict[str, str] = {}
        for key in factions:
            r = rng.random()
            positions[key] = "yes" if r < 0.55 else "no" if r < 0.85 else "abstain"
        if for_faction in positions:
            positions[for_faction] = "yes"

        def share(pos: str) -> float:
            return sum(self._factions[k]["share"] for k, p in positions.items() if p == pos)

        winning = "no" if outcome == "rejected" else "yes"
        losing = "yes" if winning == "no" else "no"
        for key in sorted(factions, key=lambda k: -self._factions[k]["share"]):
            if share(winning) > share(losing):
                break
            if key != for_faction:
                positions[key] = winning
        if not any(p == losing for p in positions.values()):  # contested: someone is on the losing side
            smallest = min((k for k in factions if k != for_faction), key=lambda k: self._factions[k]["share"])
            positions[smallest] = losing
        against = [_genitive(self._factions[k]["name"]) for k, p in positions.items() if p == losing]
        abstaining = [_genitive(self._factions[k]["name"]) for k, p in positions.items() if p == "abstain"]
        text = f"{body} {verb} mehrheitlich gegen die Stimmen {_join(against)}"
        if abstaining:
            text += f" bei Stimmenthaltung {_join(abstaining)}"
        text += f"{tail}."
        for key, position in positions.items():
            self._edge("VOTED", self._factions[key]["id"], "Faction", did, "Decision", doc.ev(text), position=position)
        return False, text

    def _decision(
        self,
        iid: str,
        doc: _Doc,
        order: int,
        on: str,
        committee: dict[str, Any],
        outcome: str,
        term: int,
        for_faction: str | None,
    ) -> None:
        did = decision_id(iid, order)
        # the node comes before its votes in the batch; its vote sentence is known only after them
        node_at = len(self._batch.nodes)
        self._node("Decision", did, {}, None)
        self.stats["relationships"]["EXTRACTED_FROM"] += 1
        unanimous, text = self._votes(did, doc, committee, outcome, term, for_faction)
        ev = doc.ev(text)
        self._batch.nodes[node_at] = Node.model_construct(
            label="Decision",
            id=did,
            props={
                "name": f"Beschluss {order}",
                "outcome": outcome,
                "unanimous": unanimous,
                "order": order,
                "vote_text": text,
            },
            evidence=(ev,),
        )
        self._edge("HAS_DECISION", iid, "AgendaItem", did, "Decision", ev)
        self._edge("ON", did, "Decision", on, "Paper", ev)

    def _consult(
        self, pid: str, committee: dict[str, Any], day: str, title: str, ref: str, role: str
    ) -> tuple[str, _Doc, bool]:
        iid, doc, number = self._item(committee, day, title)
        held = day <= _iso(TODAY)
        self._edge(
            "CONSULTED_AT",
            pid,
            "Paper",
            iid,
            "AgendaItem",
            doc.ev(f"(Drucksache Nr.: {ref})"),
            role=role,
            status="held" if held else "planned",
            authoritative=role == "Beschluss",
        )
        return iid, doc, held

    def _outcome(self, role: str) -> str:
        r = self._rng.random()
        if role == "Beschluss":
            return (
                "adopted"
                if r < 0.62
                else "rejected"
                if r < 0.82
                else "referred"
                if r < 0.89
                else "withdrawn"
                if r < 0.93
                else "postponed"
            )
        if role in ("Empfehlung", "Vorberatung"):
            return "recommended" if r < 0.8 else "forwarded_without_recommendation" if r < 0.95 else "postponed"
        return "noted" if r < 0.9 else "referred"

    def _speakers(self, iid: str, doc: _Doc, term: int) -> None:
        rng = self._rng
        if rng.random() >= 0.3:
            return
        factions = self._term_factions[term]
        chosen: set[int] = set()
        for _ in range(rng.choice((1, 1, 2))):
            key = rng.choice(factions)
            pool = self._members.get((key, term))
            if not pool:
                continue
            idx = rng.choice(pool)
            if idx in chosen:
                continue
            chosen.add(idx)
            p = self._persons_list[idx]
            self._edge(
                "SPOKE_ON",
                p.id,
                "Person",
                iid,
                "AgendaItem",
                doc.ev(f"{p.name} ({self._factions[key]['name']})"),
                on_behalf_of=self._factions[key]["name"],
            )

    def _papers(self) -> Iterator[GraphBatch]:
        rng = self._rng
        self._meeting_state: dict[str, dict[str, Any]] = {}
        self._ref_counter: dict[str, int] = {}
        recent: deque[str] = deque(maxlen=2_000)
        histories = max(1, round(self.n_papers / _PAPERS_PER_HISTORY))
        span = (TODAY - TIMELINE_START).days - 30
        kinds = [k for k, _, _ in PRIMARY_KINDS]
        weights = [w for _, w, _ in PRIMARY_KINDS]
        types = {k: t for k, _, t in PRIMARY_KINDS}
        for h in range(histories):
            day = _iso(TIMELINE_START + timedelta(days=int(h * span / histories)))
            term = _term_index(day)
            kind = rng.choices(kinds, weights)[0]
            title = f"{rng.choice(TOPICS)} in {rng.choice(PLACES)}: {rng.choice(ACTIONS)}"
            ref = self._reference(day)
            faction = None
            if kind == "administration_proposal":
                unit_id, unit_name = rng.choice(self._units)
                submitters = [(unit_id, "AdministrativeUnit", unit_name)]
            else:
                keys = rng.sample(self._term_factions[term], k=1 if rng.random() < 0.85 else 2)
                faction = keys[0]
                submitters = [(self._factions[k]["id"], "Faction", self._factions[k]["name"]) for k in keys]
            pid, pdoc = self._paper(ref, kind, types[kind], title, day, submitters)
            self._signers(pid, pdoc, faction, term)
            if recent and rng.random() < 0.1:
                self._edge("REFERENCES", pid, "Paper", rng.choice(recent), "Paper", pdoc.ev("Drucksache Nr."))
            recent.append(pid)

            # the consultation path
            fach = self._fach or [self._ha]
            if kind == "administration_proposal":
                first = rng.sample(fach, k=min(len(fach), rng.randint(1, 11)))
                path = [(c, "Empfehlung") for c in first]
                final = [(self._ha, "Empfehlung")] if rng.random() < 0.6 else []
                final += [(self._rat, "Beschluss")] if rng.random() < 0.85 else []
                if not final:
                    path[-1] = (path[-1][0], "Beschluss")
                waves = [path, *([[x] for x in final])]
            elif kind == "motion":
                c = rng.choice([self._rat, *fach])
                waves = [[(c, "Beschluss")]]
                if rng.random() < 0.6:
                    waves.insert(0, [(rng.choice(fach), "Vorberatung")])
                if rng.random() < 0.4:
                    waves.insert(0, [(rng.choice(fach), "Empfehlung")])
            else:
                role = {"inquiry": "Einbringung", "agenda_proposal": "Beschluss", "resolution": "Beschluss"}[kind]
                waves = [[(rng.choice([self._rat, *fach]), role)]]
            addressed = waves[0][0][0]
            self._edge("ADDRESSED_TO", pid, "Paper", addressed["id"], "Committee", pdoc.ev(addressed["name"]))

            # consultations in waves (committees of a wave meet independently, the next wave after the last)
            done: list[tuple[str, _Doc, bool, dict[str, Any], str, str]] = []
            after = _iso(date.fromisoformat(day) + timedelta(days=7))
            for wave in waves:
                latest = after
                for committee, role in wave:
                    meeting_day = self._next_meeting(committee, after)
                    if meeting_day is None:
                        continue
                    iid, mdoc, held = self._consult(pid, committee, meeting_day, title, ref, role)
                    latest = max(latest, meeting_day)
                    done.append((iid, mdoc, held, committee, role, meeting_day))
                    if held:
                        self._speakers(iid, mdoc, _term_index(meeting_day))
                after = latest
            for iid, mdoc, held, committee, role, meeting_day in done[:-1]:
                if held:
                    self._decision(iid, mdoc, 1, pid, committee, self._outcome(role), _term_index(meeting_day), faction)
            if done:
                # amendments to motions and proposals are decided at the final consultation, before the paper
                iid, mdoc, held, committee, role, mdoc_day = done[-1]
                mterm = _term_index(mdoc_day)
                order = 1
                if kind in ("motion", "administration_proposal") and rng.random() < 0.2:
                    for e in range(1, rng.randint(1, 3) + 1):
                        akey = rng.choice([k for k in self._term_factions[mterm] if k != faction])
                        aday = _iso(max(date.fromisoformat(day), date.fromisoformat(mdoc_day) - timedelta(days=5)))
                        aref = f"{ref}-E{e}"
                        af = self._factions[akey]
                        aid, adoc = self._paper(
                            aref,
                            "amendment",
                            "Zusatz-/Ergänzungsantrag",
                            title,
                            aday,
                            [(af["id"], "Faction", af["name"])],
                        )
                        self._signers(aid, adoc, akey, mterm)
                        self._edge("AMENDS", aid, "Paper", pid, "Paper", adoc.ev(f"Drucksache Nr.: {ref}"))
                        self._edge(
                            "CONSULTED_AT",
                            aid,
                            "Paper",
                            iid,
                            "AgendaItem",
                            mdoc.ev(f"(Drucksache Nr.: {aref})"),
                            role="Beschluss",
                            status="held" if held else "planned",
                            authoritative=True,
                        )
                        if held:
                            outcome = self._outcome("Beschluss")
                            self._decision(iid, mdoc, order, aid, committee, outcome, mterm, akey)
                            order += 1
                if held:
                    self._decision(iid, mdoc, order, pid, committee, self._outcome(role), mterm, faction)

                # the administration's answer to an inquiry (and to some motions)
                if held and ((kind == "inquiry" and rng.random() < 0.85) or (kind == "motion" and rng.random() < 0.15)):
                    answer_day = _iso(date.fromisoformat(mdoc_day) + timedelta(days=rng.randint(14, 60)))
                    meeting_day = self._next_meeting(committee, answer_day)
                    if answer_day <= _iso(TODAY) and meeting_day is not None:
                        unit_id, unit_name = rng.choice(self._units)
                        aref = self._reference(answer_day)
                        aid, adoc = self._paper(
                            aref,
                            "answer",
                            "Beantwortung von Anfragen",
                            title,
                            answer_day,
                            [(unit_id, "AdministrativeUnit", unit_name)],
                        )
                        self._signers(aid, adoc, None, _term_index(answer_day))
                        self._edge("ANSWERS", aid, "Paper", pid, "Paper", adoc.ev(f"Drucksache-Nr. {ref}"))
                        aiid, amdoc, aheld = self._consult(aid, committee, meeting_day, title, aref, "Kenntnisnahme")
                        if aheld:
                            self._decision(aiid, amdoc, 1, aid, committee, "noted", _term_index(meeting_day), None)
            yield from self._flush()


def generate(scale: float = 0.01, seed: int = 7, chunk_rows: int = 5_000) -> Iterator[GraphBatch]:
    """The batches of `SyntheticCouncil(scale, seed)`."""
    return SyntheticCouncil(scale=scale, seed=seed, chunk_rows=chunk_rows).batches()


# --- council documents as text ------------------------------------------------------


def _dortmund() -> tuple[list[tuple[str, str, str, tuple[str, ...]]], list[tuple[str, tuple[str, ...]]]]:
    """Dortmund's factions (name, short, classification, terms) and committees (name, terms) as the parser knows."""
    try:
        from ratsgraph.graph.reference import load_council

        council = load_council("dortmund")
        factions = [(f.name, f.short_name or f.name, f.classification or "Fraktion", f.terms) for f in council.factions]
        committees = [(c.name, c.terms) for c in council.committees]
        if factions and committees:
            return factions, committees
    except Exception:  # noqa: BLE001 - the reference module is optional for the generator
        pass
    factions = [
        ("SPD-Fraktion", "SPD", "Fraktion", ()),
        ("CDU-Fraktion", "CDU", "Fraktion", ()),
        ("Fraktion Bündnis 90/Die Grünen", "Bündnis 90/Die Grünen", "Fraktion", ()),
        ("AfD-Fraktion", "AfD", "Fraktion", ()),
    ]
    committees = [("Rat der Stadt Dortmund", ()), ("Ausschuss für Kultur, Sport und Freizeit", ())]
    return factions, committees


_DOC_TERMS = (("2014", date(2014, 6, 1), date(2020, 10, 31)), ("2020", date(2020, 11, 1), date(2025, 8, 31)))


def write_documents(directory: Path | str, n: int, seed: int = 7) -> list[Path]:
    """Write `n` council documents as .txt files in the style of the Dortmund seeds; returns their paths.

    A mix of motions, amendments (Zusatz-/Ergänzungsantrag to the motion before them),
    answers of the administration and protocol excerpts with vote sentences. Faction and
    committee names are Dortmund's of the document's term, so the text loader resolves them.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"documents/{seed}")
    factions, committees = _dortmund()
    paths: list[Path] = []
    last_motion: tuple[str, str, str, date, int] | None = None  # reference, title, committee, date, term
    for i in range(n):
        kind = rng.choices(("motion", "amendment", "answer", "protocol"), (0.35, 0.2, 0.15, 0.3))[0]
        if kind == "amendment" and last_motion is None:
            kind = "motion"
        t = rng.randrange(len(_DOC_TERMS)) if kind != "amendment" else last_motion[4]  # type: ignore[index]
        term, t0, t1 = _DOC_TERMS[t]
        fs = [f for f in factions if not f[3] or term in f[3]]
        cs = [c[0] for c in committees if not c[1] or term in c[1]]
        rat = cs[0]
        fach = [c for c in cs if not c.startswith("Bezirksvertretung")][2:] or cs
        day = t0 + timedelta(days=rng.randint(0, (t1 - t0).days - 60))
        if kind == "amendment":
            day = min(t1, last_motion[3] + timedelta(days=rng.randint(3, 20)))  # type: ignore[index]
        d = day.strftime("%d.%m.%Y")
        ref = f"{rng.randint(10000, 39999):05d}-{day.strftime('%y')}"
        title = f"{rng.choice(TOPICS)} in {rng.choice(PLACES)}: {rng.choice(ACTIONS)}"
        committee = rng.choice(fach)
        faction = rng.choice(fs)
        given, fam = rng.choice(GIVEN_M + GIVEN_F), rng.choice(FAMILY)
        given2, fam2 = rng.choice(GIVEN_M + GIVEN_F), rng.choice(FAMILY)
        body = _paragraphs(rng)
        if kind in ("motion", "amendment"):
            if kind == "amendment":
                base_ref, title, committee, _, _ = last_motion  # type: ignore[misc]
                ref = f"{base_ref}-E{rng.randint(1, 3)}"
                heading = "Zusatz-/Ergänzungsantrag zum Tagesordnungspunkt"
            else:
                heading = "Antrag zur Tagesordnung"
                last_motion = (ref, title, committee, day, t)
            top = f"{rng.randint(2, 12)}.{rng.randint(1, 15)}"
            meeting = _iso(day + timedelta(days=rng.randint(7, 30)))
            text = (
                f"\n\n#### im {rat}\n\n**Drucksache Nr.:** {ref}\n\n"
                f"An den Vorsitzenden des {_genitive_committee(committee)}\n\n{d}\n\n# {heading}\n\n"
                f"Sitzungsart:\tStellungnahme:\tTOP-Nr.:\nöffentlich\tmit Stellungnahme\t{top}\n"
                f"Gremium:\t\tBeratungstermin:\n{committee}\t\t{_de(meeting)}\n\n"
                f"# **Tagesordnungspunkt**\n\n{title}\n\nSehr geehrter Herr Vorsitzender,\n\n"
                f"die {faction[0]} bittet um Beratung und Beschlussfassung des nachfolgenden Antrags:\n\n"
                f"# **Beschlussvorschlag**\n\n"
                + "\n".join(
                    f"{k}. Die Verwaltung wird beauftragt, {_clause(rng)}." for k in range(1, rng.randint(2, 5))
                )
                + f"\n\n# **Begründung**\n\n{body}\n\nMit freundlichen Grüßen\n\n"
                f"gez. {given} {fam} Sprecher f. d. R. {given2} {fam2}\n\nReferent"
            )
        elif kind == "answer":
            ask = rng.choice(fs)
            text = (
                f"\n\n{d}\n\n**Beantwortung von Anfragen**\n\n"
                f"Fachbereich/e:\tAmt für Angelegenheiten des Oberbürgermeisters und des Rates\n"
                f"Dezernent*in / Geschäftsführer*in:\tOberbürgermeister Thomas Westphal\n"
                f"Verantwortlich:\t{fam}, {given}\n\nGremium\tTermin\tZuständigkeit\tStatus\n"
                f"{committee}\t{d}\tKenntnisnahme\töffentlich\n\n**Tagesordnungspunkt**\n\n{title}  \n"
                f"Stellungnahme der Verwaltung zur Anfrage der {ask[0]},  \nDrucksache-Nr. {ref}\n\n"
                f"Sehr geehrte Damen und Herren,\n\ndie o.g. Anfrage beantworte ich wie folgt:\n\n{body}\n\n"
                f"Thomas Westphal  \nOberbürgermeister"
            )
        else:
            text = _protocol(rng, ref, title, fach, rat, fs, day)
        name = f"{i:05d}_{_sha(seed, i)[:16]}.txt"
        path = directory / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _genitive_committee(name: str) -> str:
    return name.replace("Ausschuss ", "Ausschusses ", 1) if name.startswith("Ausschuss ") else name


def _clause(rng: random.Random) -> str:
    return (
        f"ein Konzept zum Thema {rng.choice(TOPICS)} in {rng.choice(PLACES)} vorzulegen und die Kosten für "
        f"{rng.choice(ACTIONS).lower()} bis zum "
        f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2016, 2026)} "
        "darzustellen"
    )


_SENTENCES = (
    "Die Verwaltung hat in den vergangenen Jahren erhebliche Mittel in diesen Bereich investiert.",
    "Nach Auffassung der Fraktion ist eine Fortschreibung des Konzepts dringend geboten.",
    "Die Bürgerinnen und Bürger erwarten eine verlässliche und zügige Umsetzung der Maßnahmen.",
    "Fördermittel des Landes und des Bundes sollen dabei vorrangig genutzt werden.",
    "Die Bezirksvertretungen sind frühzeitig in die Planung einzubeziehen.",
    "Eine regelmäßige Berichterstattung im zuständigen Fachausschuss ist vorzusehen.",
    "Die Kosten sind im Rahmen der Haushaltsberatungen darzustellen.",
    "Andere Städte im Ruhrgebiet haben mit vergleichbaren Projekten gute Erfahrungen gemacht.",
)


def _paragraphs(rng: random.Random) -> str:
    return "\n\n".join(" ".join(rng.choices(_SENTENCES, k=rng.randint(3, 7))) for _ in range(rng.randint(2, 6)))


def _protocol(
    rng: random.Random,
    ref: str,
    title: str,
    fach: list[str],
    rat: str,
    fs: list[tuple[str, str, str, tuple[str, ...]]],
    day: date,
) -> str:
    steps = rng.sample(fach, k=min(len(fach), rng.randint(1, 4)))
    dates = sorted(_de(_iso(day + timedelta(days=rng.randint(1, 40)))) for _ in steps)
    rat_day = _de(_iso(day + timedelta(days=45)))
    lines = [f"\n\n{title}\n\nProtokollauszüge der Ausschusssitzungen und der Ratssitzung\n"]
    lines += [f"- {c} vom {d}" for c, d in zip(steps, dates, strict=True)] + [f"- Rat der Stadt vom {rat_day}\n"]
    for c, d in zip(steps, dates, strict=True):
        top = f"{rng.randint(2, 9)}.{rng.randint(1, 12)}"
        lines.append(f"{c} vom {d}\n\nzu TOP {top}\n\n{title}\n\nEmpfehlung\n\n(Drucksache Nr.: {ref})\n")
        f = rng.choice(fs)
        lines.append(
            f"{rng.choice(('Herr', 'Frau'))} {rng.choice(FAMILY)} ({f[0]}) dankt für die Vorlage. "
            + " ".join(rng.choices(_SENTENCES, k=2))
            + "\n"
        )
        r = rng.random()
        if r < 0.3:
            lines.append(f"Der {c} lässt die Vorlage ohne Empfehlung an den Rat der Stadt durchlaufen.\n")
        elif r < 0.7:
            lines.append(f"Der {c} empfiehlt dem Rat der Stadt einstimmig, folgenden Beschluss zu fassen:\n")
            lines.append(f"Der Rat der Stadt beschließt {_clause(rng)}.\n")
        else:
            against = rng.sample(fs, k=min(len(fs), rng.randint(1, 2)))
            lines.append(
                f"Der {c} empfiehlt dem Rat der Stadt mehrheitlich gegen die Stimmen "
                f"{_join(['der ' + x[0] for x in against])}, folgenden Beschluss zu fassen:\n"
            )
            lines.append(f"Der Rat der Stadt beschließt {_clause(rng)}.\n")
    top = f"{rng.randint(2, 12)}.{rng.randint(1, 9)}"
    lines.append(f"Rat vom {rat_day}\n\nzu TOP {top}\n\n{title}\n\nBeschluss\n\n(Drucksache Nr.: {ref})\n")
    amend = f"{ref}-E1"
    proposer, *others = rng.sample(fs, k=min(len(fs), 3))
    lines.append(
        f"Dem Rat der Stadt lag folgender Zusatz-/Ergänzungsantrag der {proposer[0]} (Drucksache Nr.: {amend}) vor:\n"
    )
    lines.append(f"„Die Verwaltung wird beauftragt, {_clause(rng)}.“\n")
    if rng.random() < 0.5:
        lines.append(
            f"- Der Rat der Stadt lehnt den o.a. Zusatz-/Ergänzungsantrag der {proposer[0]} (Drucksache Nr.: {amend}) "
            f"mehrheitlich gegen die Stimmen der {proposer[0]} ab.\n"
        )
    else:
        lines.append(
            f"- Der Rat der Stadt beschließt mehrheitlich den o.a. Zusatz-/Ergänzungsantrag der {proposer[0]} "
            f"(Drucksache Nr.: {amend}) gegen die Stimmen {_join(['der ' + x[0] for x in others])}.\n"
        )
    abst = rng.choice(fs)
    lines.append(f"- Der Rat der Stadt beschließt einstimmig bei Stimmenthaltung der {abst[0]}:\n")
    lines.append(f"Der Rat der Stadt beschließt {_clause(rng)}.")
    return "\n".join(lines)


# --- what the benchmark scripts share ---------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict[str, Any]:
    """The machine a figure was measured on: cores, RAM, CPU model, Python and engine versions."""
    import os
    import platform
    from importlib.metadata import PackageNotFoundError, version

    info: dict[str, Any] = {"nproc": os.cpu_count(), "python": platform.python_version()}
    info["platform"] = platform.platform()
    # other processes share the machine: the load average says how much (2 cores: 2.0 = busy)
    info["loadavg_1_5_15"] = [round(x, 2) for x in os.getloadavg()]
    try:
        info["nproc_available"] = len(os.sched_getaffinity(0))
    except AttributeError:
        pass
    try:
        meminfo = Path("/proc/meminfo").read_text()
        kb = int(next(line.split()[1] for line in meminfo.splitlines() if line.startswith("MemTotal")))
        info["ram_gb"] = round(kb / 1024 / 1024, 1)
        cpuinfo = Path("/proc/cpuinfo").read_text()
        models = [line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")]
        info["cpu"] = models[0] if models else None
    except (OSError, StopIteration):
        pass
    for package, key in (("ladybug", "ladybug"), ("neo4j", "neo4j_driver"), ("pyoxigraph", "pyoxigraph")):
        try:
            info[f"{key}_version"] = version(package)
        except PackageNotFoundError:
            pass
    return info


def neo4j_version(store: Any) -> str | None:
    try:
        rows = store.cypher("CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS v, edition")
        return f"{rows[0]['v']} {rows[0]['edition']}" if rows else None
    except Exception:  # noqa: BLE001 - informational only
        return None


def start_neo4j(heap: str = "2g", pagecache: str = "1g") -> Any:
    """The project's throw-away Neo4j 5.26 test server (tests/neo4j_server.py), with more memory than the tests use."""
    import os

    sys.path.insert(0, str(ROOT / "tests"))
    from neo4j_server import start_neo4j_test_server

    os.environ.setdefault("NEO4J_TEST_JAVA_OPTS", f"-Xms{heap} -Xmx{heap} -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError")
    os.environ.setdefault("NEO4J_TEST_PAGECACHE", pagecache)
    return start_neo4j_test_server()


def clear_neo4j(store: Any) -> None:
    with store._driver.session(database=store.database) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


class PeakRSS:
    """Peak resident memory of a process (default: this one), sampled in a thread while the block runs."""

    def __init__(self, pid: int | None = None, interval: float = 0.1):
        import os
        import threading

        self.pid = pid or os.getpid()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        try:
            process = psutil.Process(self.pid)
            while not self._stop.is_set():
                self.peak = max(self.peak, process.memory_info().rss)
                self._stop.wait(self.interval)
        except psutil.Error:
            pass

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def mb(self) -> float | None:
        return round(self.peak / 2**20, 1) if self.peak else None


def max_rss_mb() -> float:
    """This process's lifetime peak RSS (getrusage; Linux reports kB)."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def table(rows: list[dict[str, Any]], columns: list[str] | None = None) -> str:
    """A plain-text table (also valid Markdown) of `rows`."""
    if not rows:
        return "(no rows)"
    columns = columns or list(rows[0])

    def cell(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}"
        return "" if value is None else str(value)

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines += ["| " + " | ".join(v.rjust(w) for v, w in zip(r, widths, strict=True)) + " |" for r in cells]
    return "\n".join(lines)


def save_result(name: str, data: dict[str, Any]) -> Path:
    import json
    from datetime import datetime

    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    stamp = datetime.now().isoformat(timespec="seconds")
    data = {"benchmark": name, "measured_at": stamp, "machine": machine(), **data}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return path


# --- command line -------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunk-rows", type=int, default=5_000)
    args = parser.parse_args(argv)
    council = SyntheticCouncil(scale=args.scale, seed=args.seed, chunk_rows=args.chunk_rows)
    started = time.perf_counter()
    batches = sum(1 for _ in council.batches())
    elapsed = time.perf_counter() - started
    print(f"scale {args.scale}, seed {args.seed}: {batches} batches in {elapsed:.1f} s")
    for group in ("nodes", "relationships"):
        total = sum(council.stats[group].values())
        print(f"\n{group}: {total:,}")
        for key, value in sorted(council.stats[group].items()):
            print(f"  {key:<20} {value:>12,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
