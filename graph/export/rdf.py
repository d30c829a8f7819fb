"""The graph as Linked Open Data: W3C ORG, FOAF, ELI, ELI-DL, PROV-O and SKOS, written with rdflib terms.

IRIs. A node's IRI is `{base}/id/{type}/{key}`:
- `type` comes from the node's primary label (`TYPES`): body, org, person, term, paper, meeting, item,
  decision, doc.
- `key` is the node id without the type word it already carries. The first segment (the council scope) stays,
  and the type segment right after it is dropped: `dortmund/paper/26309-22-e1` becomes
  `/id/paper/dortmund/26309-22-e1`, `dortmund/org/cdu` becomes `/id/org/dortmund/cdu`, and `dortmund/body`
  becomes `/id/body/dortmund`. An id that starts with its type (`doc/<hex>`) loses it: `/id/doc/<hex>`.
  Any other id is kept whole (`…/meeting/rat/2017-06-01/item/10-2` becomes
  `/id/item/dortmund/meeting/rat/2017-06-01/item/10-2`).
- Characters outside `[A-Za-z0-9-._~/:@!$&'()*+,;=]` are percent-encoded (UTF-8).
`candidate_ids()` inverts the rule, so the API finds the node behind an IRI.

What a relationship becomes:
- a direct triple (`SUBMITTED` gives `paper dcterms:creator faction`; `AMENDS` gives `eli-dl:foresees_change_of`);
- `MEMBER_OF` becomes an `org:Membership`, `VOTED` a `ratsgraph:GroupResult` (faction or party) or
  `ratsgraph:PersonalVote` (person), and `SPOKE_ON` an `eli-dl:Participation`. These are hash IRIs under the
  subject node (`{node IRI}#membership-{hash}`), so dereferencing the node describes them too;
- evidence (PROV-O). A direct triple with evidence or other properties is reified as
  `{subject IRI}#fact-{hash}`, an `rdf:Statement` and `prov:Entity` with `rdf:subject/predicate/object`,
  `prov:wasDerivedFrom` (the source Document), `prov:value` (the exact evidence text) and
  `ratsgraph:beginIndex/endIndex`. The reified entities above carry the same PROV properties themselves.
  `EXTRACTED_FROM` becomes `node prov:wasDerivedFrom document`, with its evidence reified the same way.

A node's `sources` list is not written: its `EXTRACTED_FROM` relationships give the same documents.
`form_of_address` (Herr/Frau) is not published, and `Document.uri` only if it is a web address.

Memory. `ntriples` and `turtle` stream: one node or relationship at a time, pages of `PAGE` rows from the
store, and a small set of the classification and role concepts already written. `jsonld` and `rdfxml`
build an rdflib Graph of the whole export first, about 1–2 KB per triple, so use them for up to a few
million triples and the streaming formats beyond that.
"""

from __future__ import annotations

import hashlib
import io
import re
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, NamedTuple
from urllib.parse import quote

from ratsgraph.graph.errors import RatsgraphError
from ratsgraph.graph.export.nodelink import iter_nodes, source_id_pages
from ratsgraph.graph.model import ORGANIZATION_LABELS
from ratsgraph.graph.normalize import slug
from ratsgraph.graph.store.base import GraphStore

PAGE = 2500

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "http://schema.org/"
TIME = "http://www.w3.org/2006/time#"
ELI = "http://data.europa.eu/eli/ontology#"
ELI_DL = "http://data.europa.eu/eli/eli-draft-legislation-ontology#"
DCAT = "http://www.w3.org/ns/dcat#"
DCATDE = "http://dcat-ap.de/def/dcatde/"
OPENGOV = "http://www.w3.org/ns/opengov#"
VCARD = "http://www.w3.org/2006/vcard/ns#"

PREFIXES: dict[str, str] = {
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "foaf": FOAF,
    "org": ORG,
    "prov": PROV,
    "schema": SCHEMA,
    "time": TIME,
    "eli": ELI,
    "eli-dl": ELI_DL,
    "opengov": OPENGOV,
}

FORMATS = {
    "turtle": "turtle",
    "ttl": "turtle",
    "ntriples": "ntriples",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
    "rdfxml": "rdfxml",
    "xml": "rdfxml",
}
MEDIA_TYPES = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}

TYPES: dict[str, str] = {
    "Body": "body",
    **{label: "org" for label in ORGANIZATION_LABELS},
    "Person": "person",
    "LegislativeTerm": "term",
    "Paper": "paper",
    "Meeting": "meeting",
    "AgendaItem": "item",
    "Decision": "decision",
    "Document": "doc",
}
_SAFE = "-._~/:@!$&'()*+,;="


class UnknownFormat(RatsgraphError):
    pass


# --- terms -----------------------------------------------------------------------------------


class IRI(str):
    """An IRI as a plain string, so the streaming writers need no rdflib objects."""

    __slots__ = ()


class Lit(NamedTuple):
    lexical: str
    datatype: str | None = None
    lang: str | None = None


Term = IRI | Lit
Triple = tuple[str, str, Term]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_WEB = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
XSD_STRING = XSD + "string"
XSD_BOOLEAN = XSD + "boolean"
XSD_INTEGER = XSD + "integer"


def _text(value: Any, lang: str | None = None) -> Lit:
    return Lit(str(value), None, lang)


def _date(value: Any) -> Lit:
    text = str(value)
    if _DATE.match(text):
        return Lit(text, XSD + "date")
    if _DATETIME.match(text):
        return Lit(text, XSD + "dateTime")
    return Lit(text)


def _bool(value: Any) -> Lit:
    return Lit("true" if value else "false", XSD_BOOLEAN)


def _int(value: Any) -> Lit:
    return Lit(str(int(value)), XSD_INTEGER)


def _hash(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=5).hexdigest()


# --- IRIs ----------------------------------------------------------------------------------------


def node_key(node_id: str, type_: str) -> str:
    """The key part of a node's IRI: the id without the type word it carries (see the module docstring)."""
    parts = node_id.split("/")
    if len(parts) >= 2 and parts[1] == type_:
        return "/".join([parts[0], *parts[2:]])
    if len(parts) >= 2 and parts[0] == type_:
        return "/".join(parts[1:])
    return node_id


def node_iri(base: str, label: str, node_id: str) -> str:
    type_ = TYPES.get(label, slug(label) or "node")
    return f"{base.rstrip('/')}/id/{type_}/{quote(node_key(node_id, type_), safe=_SAFE)}"


def candidate_ids(type_: str, key: str) -> list[str]:
    """The node ids an IRI `/id/{type}/{key}` can stand for; the caller keeps the one whose IRI matches."""
    first, _, rest = key.partition("/")
    found = [f"{first}/{type_}/{rest}" if rest else f"{first}/{type_}", f"{type_}/{key}", key]
    return list(dict.fromkeys(found))


# --- the mapping ---------------------------------------------------------------------------------

_ORG_CLASSES = {
    "Committee": "Committee",
    "Faction": "Faction",
    "Party": "Party",
    "AdministrativeUnit": "AdministrativeUnit",
    "ExternalOrganization": "ExternalOrganization",
}

# Relationship type -> (predicate, reversed): reversed means the triple runs from the target to the source.
_DIRECT: dict[str, tuple[str, bool]] = {
    "SUBMITTED": (DCTERMS + "creator", True),
    "ADDRESSED_TO": ("{rat}addressedTo", False),
    "SIGNED": ("{rat}signedBy", True),
    "AMENDS": (ELI_DL + "foresees_change_of", False),
    "ANSWERS": (ELI_DL + "answers_to", False),
    "REFERENCES": (DCTERMS + "references", False),
    "HELD_BY": (ELI_DL + "had_responsible_organization", False),
    "HAS_ITEM": (ELI_DL + "consists_of", False),
    "CONSULTED_AT": (ELI_DL + "based_on_a_realization_of", True),
    "HAS_DECISION": (ELI_DL + "consists_of", False),
    "ON": (ELI_DL + "decided_on_a_realization_of", False),
    "MENTIONS": (SCHEMA + "mentions", False),
    "DURING": (DCTERMS + "temporal", False),
    "EXTRACTED_FROM": (PROV + "wasDerivedFrom", False),
}
# Relationship properties that go onto the reified statement (evidence is handled apart).
_EXTRA = {
    "role": ("role", _text),
    "function": ("function", _text),
    "on_behalf_of": ("onBehalfOf", _text),
    "order": ("order", _int),
    "status": ("status", _text),
    "authoritative": ("authoritative", _bool),
}
_EVIDENCE_KEYS = ("source_document", "source", "evidence", "start", "end")


class Mapper:
    """Turns node-link nodes and relationships into triples; remembers only the concepts it has declared."""

    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.rat = f"{self.base}/def/ratsgraph#"
        self.defs = f"{self.base}/def/"
        self._declared: set[str] = set()
        self._direct = {k: (p.format(rat=self.rat), rev) for k, (p, rev) in _DIRECT.items()}

    def iri(self, label: str, node_id: str) -> IRI:
        return IRI(node_iri(self.base, label, node_id))

    def concept(self, scheme: str, value: str) -> IRI:
        return IRI(f"{self.defs}{scheme}/{quote(value, safe=_SAFE)}")

    def _dynamic_concept(self, scheme: str, text: str, extra_type: str | None = None) -> Iterator[Triple]:
        """A concept taken from the sources (classification, role), declared the first time it is used."""
        iri = self.concept(scheme, slug(text) or _hash(text))
        if iri not in self._declared:
            self._declared.add(iri)
            yield iri, RDF + "type", IRI(SKOS + "Concept")
            if extra_type:
                yield iri, RDF + "type", IRI(extra_type)
            yield iri, SKOS + "inScheme", IRI(f"{self.defs}{scheme}")
            yield iri, SKOS + "prefLabel", _text(text, "de")

    # -- nodes -------------------------------------------------------------------------------

    def node(self, node: dict[str, Any]) -> Iterator[Triple]:
        """The triples of one node-link node (`{"id", "labels", ...props}`)."""
        label = node["labels"][-1]
        props = {k: v for k, v in node.items() if v is not None and v != [] and k not in ("id", "labels")}
        s = self.iri(label, node["id"])
        a = RDF + "type"
        rat = self.rat
        if label == "Body":
            yield s, a, IRI(ORG + "FormalOrganization")
            yield s, a, IRI(SCHEMA + "GovernmentOrganization")
            yield from self._names(s, props)
            if props.get("ags"):
                yield s, DCTERMS + "identifier", _text(props["ags"])
                yield (
                    s,
                    DCTERMS + "spatial",
                    IRI(f"http://dcat-ap.de/def/politicalGeocoding/municipalityKey/{props['ags']}"),
                )
        elif label in _ORG_CLASSES:
            base_class = ORG + ("OrganizationalUnit" if label == "AdministrativeUnit" else "Organization")
            yield s, a, IRI(base_class)
            yield s, a, IRI(rat + _ORG_CLASSES[label])
            yield from self._names(s, props)
            if props.get("classification"):
                yield from self._dynamic_concept("classification", props["classification"])
                yield (
                    s,
                    ORG + "classification",
                    self.concept("classification", slug(props["classification"]) or _hash(props["classification"])),
                )
            if props.get("start_date"):
                yield s, SCHEMA + "foundingDate", _date(props["start_date"])
            if props.get("end_date"):
                yield s, SCHEMA + "dissolutionDate", _date(props["end_date"])
        elif label == "Person":
            yield s, a, IRI(FOAF + "Person")
            if "name" in props:
                yield s, FOAF + "name", _text(props["name"])
            if props.get("given_name"):
                yield s, FOAF + "givenName", _text(props["given_name"])
            if props.get("family_name"):
                yield s, FOAF + "familyName", _text(props["family_name"])
            if props.get("title"):
                yield s, SCHEMA + "honorificPrefix", _text(props["title"])
            for alias in props.get("aliases") or ():
                yield s, SKOS + "hiddenLabel", _text(alias)
        elif label == "LegislativeTerm":
            yield s, a, IRI(ELI_DL + "ParliamentaryTerm")
            yield s, a, IRI(DCTERMS + "PeriodOfTime")
            if props.get("start_date"):
                yield s, DCAT + "startDate", _date(props["start_date"])
            if props.get("end_date"):
                yield s, DCAT + "endDate", _date(props["end_date"])
        elif label == "Paper":
            yield s, a, IRI(ELI + "Work")
            if props.get("reference"):
                yield s, DCTERMS + "identifier", _text(props["reference"])
            if props.get("title"):
                yield s, DCTERMS + "title", _text(props["title"], "de")
            if props.get("kind"):
                yield s, ELI + "work_type", self.concept("paper-kind", props["kind"])
            if props.get("paper_type"):
                yield s, rat + "paperType", _text(props["paper_type"], "de")
            if props.get("date"):
                yield s, ELI + "date_document", _date(props["date"])
            if props.get("text"):
                yield s, SCHEMA + "text", _text(props["text"], "de")
        elif label == "Meeting":
            yield s, a, IRI(ELI_DL + "Activity")
            yield s, a, IRI(SCHEMA + "Event")
            yield s, ELI_DL + "had_activity_type", self.concept("activity-type", "meeting")
            if props.get("date"):
                yield s, ELI_DL + "activity_date", _date(props["date"])
            if props.get("end_date"):
                yield s, ELI_DL + "activity_end_date", _date(props["end_date"])
            if props.get("number"):
                yield s, SKOS + "notation", _text(props["number"])
            if props.get("location"):
                yield s, SCHEMA + "location", _text(props["location"])
            if "public" in props:
                yield s, rat + "public", _bool(props["public"])
            if "cancelled" in props:
                yield s, rat + "cancelled", _bool(props["cancelled"])
        elif label == "AgendaItem":
            yield s, a, IRI(ELI_DL + "Activity")
            yield s, ELI_DL + "had_activity_type", self.concept("activity-type", "agenda-item")
            if props.get("number"):
                yield s, SKOS + "notation", _text(props["number"])
            if props.get("title"):
                yield s, DCTERMS + "title", _text(props["title"], "de")
            if "order" in props:
                yield s, ELI_DL + "activity_order", _int(props["order"])
            if "public" in props:
                yield s, rat + "public", _bool(props["public"])
            if props.get("result"):
                yield s, rat + "result", _text(props["result"], "de")
        elif label == "Decision":
            yield s, a, IRI(ELI_DL + "Decision")
            if props.get("outcome"):
                yield s, ELI_DL + "decision_outcome", self.concept("decision-outcome", props["outcome"])
            if "unanimous" in props:
                yield s, rat + "unanimous", _bool(props["unanimous"])
            if "order" in props:
                yield s, rat + "order", _int(props["order"])
            if props.get("text"):
                yield s, SCHEMA + "text", _text(props["text"], "de")
            if props.get("vote_text"):
                yield s, rat + "voteText", _text(props["vote_text"], "de")
        elif label == "Document":
            yield s, a, IRI(FOAF + "Document")
            yield s, a, IRI(PROV + "Entity")
            if props.get("title"):
                yield s, DCTERMS + "title", _text(props["title"], "de")
            if props.get("uri") and _WEB.match(props["uri"]):
                yield s, DCTERMS + "source", IRI(props["uri"])
            if props.get("media_type"):
                yield s, DCTERMS + "format", _text(props["media_type"])
            if props.get("sha256"):
                yield s, DCTERMS + "identifier", _text(f"sha256:{props['sha256']}")
            if props.get("size") is not None:
                yield s, DCAT + "byteSize", _int(props["size"])
        else:
            yield s, a, IRI(PROV + "Entity")
        if "name" in props:
            yield s, RDFS + "label", _text(props["name"])
        yield s, rat + "nodeId", _text(node["id"])
        oparl = props.get("oparl_id")
        if oparl:
            yield s, DCTERMS + "source", IRI(oparl) if _WEB.match(oparl) else _text(oparl)
        if props.get("deleted"):
            yield s, rat + "deleted", _bool(True)

    def _names(self, s: IRI, props: dict[str, Any]) -> Iterator[Triple]:
        if "name" in props:
            yield s, SKOS + "prefLabel", _text(props["name"], "de")
        if props.get("short_name"):
            yield s, SKOS + "altLabel", _text(props["short_name"], "de")
        for alias in props.get("aliases") or ():
            yield s, SKOS + "hiddenLabel", _text(alias, "de")
        if props.get("website") and _WEB.match(props["website"]):
            yield s, FOAF + "homepage", IRI(props["website"])

    # -- relationships ----------------------------------------------------------------------

    def link(self, link: dict[str, Any]) -> Iterator[Triple]:
        """The triples of one relationship: `{"source", "source_label", "target", "target_label", "type", ...}`."""
        rel = link["type"]
        src = self.iri(link["source_label"], link["source"])
        dst = self.iri(link["target_label"], link["target"])
        props = {k: v for k, v in link.items() if v is not None and k not in _NON_PROPS}
        if rel == "MEMBER_OF":
            yield from self._membership(src, dst, link, props)
        elif rel == "VOTED":
            yield from self._vote(src, dst, link, props)
        elif rel == "SPOKE_ON":
            yield from self._participation(src, dst, link, props)
        elif rel == "PART_OF":
            if link["source_label"] == "AdministrativeUnit":
                predicate = ORG + "unitOf"
            elif link["source_label"] in _ORG_CLASSES:
                predicate = ORG + "subOrganizationOf"
            else:
                predicate = DCTERMS + "isPartOf"
            yield from self._direct_triple(src, predicate, dst, link, props)
        else:
            predicate, reverse = self._direct.get(rel) or (f"{self.rat}{_camel(rel)}", False)
            if reverse:
                yield from self._direct_triple(dst, predicate, src, link, props)
            else:
                yield from self._direct_triple(src, predicate, dst, link, props)

    def _direct_triple(self, s: IRI, p: str, o: IRI, link: dict[str, Any], props: dict[str, Any]) -> Iterator[Triple]:
        yield s, p, o
        if not props:
            return
        fact = IRI(f"{s}#fact-{_hash(link['type'], link['source'], link['target'])}")
        yield fact, RDF + "type", IRI(RDF + "Statement")
        yield fact, RDF + "subject", s
        yield fact, RDF + "predicate", IRI(p)
        yield fact, RDF + "object", o
        if link["type"] == "EXTRACTED_FROM":
            props = {**props, "source_document": link["target"]}
        yield from self._evidence(fact, props)
        for key, (name, make) in _EXTRA.items():
            if key in props:
                yield fact, self.rat + name, make(props[key])

    def _evidence(self, entity: IRI, props: dict[str, Any]) -> Iterator[Triple]:
        document = props.get("source_document") or props.get("source")
        if document is None and "evidence" not in props:
            return
        yield entity, RDF + "type", IRI(PROV + "Entity")
        if document:
            yield entity, PROV + "wasDerivedFrom", self.iri("Document", document)
        if props.get("evidence"):
            yield entity, PROV + "value", _text(props["evidence"], "de")
        if props.get("start") is not None:
            yield entity, self.rat + "beginIndex", _int(props["start"])
        if props.get("end") is not None:
            yield entity, self.rat + "endIndex", _int(props["end"])

    def _membership(self, person: IRI, org: IRI, link: dict[str, Any], props: dict[str, Any]) -> Iterator[Triple]:
        m = IRI(f"{person}#membership-{_hash(link['target'])}")
        yield person, ORG + "memberOf", org
        yield m, RDF + "type", IRI(ORG + "Membership")
        yield m, ORG + "member", person
        yield m, ORG + "organization", org
        if props.get("role"):
            yield from self._dynamic_concept("role", props["role"], ORG + "Role")
            yield m, ORG + "role", self.concept("role", slug(props["role"]) or _hash(props["role"]))
        start, end = props.get("start_date"), props.get("end_date")
        if start or end:
            interval = IRI(f"{m}-during")
            yield m, ORG + "memberDuring", interval
            yield interval, RDF + "type", IRI(TIME + "Interval")
            for name, value, prop in (("start", start, "hasBeginning"), ("end", end, "hasEnd")):
                if value:
                    instant = IRI(f"{m}-{name}")
                    yield interval, TIME + prop, instant
                    yield instant, RDF + "type", IRI(TIME + "Instant")
                    date = _date(value)
                    yield instant, TIME + ("inXSDDate" if date.datatype == XSD + "date" else "inXSDDateTime"), date
        if "voting_right" in props:
            yield m, self.rat + "votingRight", _bool(props["voting_right"])
        if props.get("on_behalf_of"):
            yield m, self.rat + "onBehalfOf", _text(props["on_behalf_of"])
        if props.get("oparl_id"):
            oparl = props["oparl_id"]
            yield m, DCTERMS + "source", IRI(oparl) if _WEB.match(oparl) else _text(oparl)
        yield from self._evidence(m, props)

    def _vote(self, voter: IRI, decision: IRI, link: dict[str, Any], props: dict[str, Any]) -> Iterator[Triple]:
        v = IRI(f"{voter}#vote-{_hash(link['target'])}")
        person = link["source_label"] == "Person"
        yield v, RDF + "type", IRI(self.rat + ("PersonalVote" if person else "GroupResult"))
        yield v, self.rat + ("voter" if person else "group"), voter
        yield v, self.rat + "decision", decision
        yield decision, self.rat + "groupResult", v
        position = props.get("position")
        if position:
            yield v, self.rat + "position", self.concept("vote-position", position)
            if person and position in _VOTER_PROPERTY:
                yield decision, ELI_DL + _VOTER_PROPERTY[position], voter
        yield from self._evidence(v, props)

    def _participation(self, person: IRI, item: IRI, link: dict[str, Any], props: dict[str, Any]) -> Iterator[Triple]:
        p = IRI(f"{person}#participation-{_hash(link['target'])}")
        yield item, ELI_DL + "had_participation", p
        yield p, RDF + "type", IRI(ELI_DL + "Participation")
        yield p, ELI_DL + "had_participant_person", person
        yield p, ELI_DL + "participation_role", self.concept("activity-type", "speaker")
        if props.get("on_behalf_of"):
            yield p, self.rat + "onBehalfOf", _text(props["on_behalf_of"])
        yield from self._evidence(p, props)


_NON_PROPS = {"source", "target", "type", "source_label", "target_label"}
_VOTER_PROPERTY = {"yes": "had_voter_favor", "no": "had_voter_against", "abstain": "had_voter_abstention"}


def _camel(name: str) -> str:
    first, *rest = name.lower().split("_")
    return first + "".join(part.title() for part in rest)


# --- reading the store -----------------------------------------------------------------------------


def iter_links(store: GraphStore, *, page: int = PAGE) -> Iterator[dict[str, Any]]:
    """Relationships with their endpoints' labels, as node-link links (`source_document` is the Document id)."""
    for ids in source_id_pages(store, max(1, page // 5)):
        for row in store.read("lod_relationships", source_ids=ids):
            link = {k: v for k, v in (row["props"] or {}).items() if v is not None}
            if "source" in link:
                link["source_document"] = link.pop("source")
            link.update(
                source=row["source"],
                source_label=row["source_label"],
                target=row["target"],
                target_label=row["target_label"],
                type=row["type"],
            )
            yield link


@cache
def _vocabulary_text() -> str:
    return resources.files("ratsgraph.graph.export").joinpath("ratsgraph.ttl").read_text(encoding="utf-8")


def vocabulary_graph(base: str):
    """The project vocabulary and concept schemes as an rdflib Graph, its IRIs under `{base}/def/`."""
    from rdflib import Graph

    graph = Graph()
    graph.parse(data=_vocabulary_text(), format="turtle", publicID=f"{base.rstrip('/')}/def/")
    bind_prefixes(graph, base)
    return graph


def vocabulary_triples(base: str) -> list[Triple]:
    from rdflib import Literal, URIRef

    found: list[Triple] = []
    for s, p, o in sorted(vocabulary_graph(base)):
        if isinstance(o, URIRef):
            term: Term = IRI(str(o))
        elif isinstance(o, Literal):
            datatype = str(o.datatype) if o.datatype and str(o.datatype) != XSD_STRING else None
            term = Lit(str(o), datatype, o.language)
        else:  # the vocabulary file has no blank nodes
            raise ValueError(f"unexpected term {o!r} in ratsgraph.ttl")
        found.append((str(s), str(p), term))
    return found


def map_triples(
    nodes: Iterable[dict[str, Any]], links: Iterable[dict[str, Any]], base: str, *, vocabulary: bool = True
) -> Iterator[Triple]:
    """The triples of node-link nodes and links (links with `source_label`/`target_label`), one at a time."""
    mapper = Mapper(base)
    if vocabulary:
        yield from vocabulary_triples(base)
    for node in nodes:
        yield from mapper.node(node)
    for link in links:
        yield from mapper.link(link)


def iter_triples(store: GraphStore, base: str, *, vocabulary: bool = True, page: int = PAGE) -> Iterator[Triple]:
    """Every triple of the export, node by node and relationship by relationship."""
    return map_triples(iter_nodes(store), iter_links(store, page=page), base, vocabulary=vocabulary)


# --- writers ----------------------------------------------------------------------------------

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt_term(term: Term) -> str:
    if type(term) is IRI:
        return f"<{term}>"
    lexical, datatype, lang = term
    text = lexical.translate(_ESCAPES)
    if lang:
        return f'"{text}"@{lang}'
    if datatype and datatype != XSD_STRING:
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


def ntriples_chunks(triples: Iterable[Triple], *, chunk: int = 4096) -> Iterator[str]:
    """N-Triples text, `chunk` lines at a time."""
    lines: list[str] = []
    append = lines.append
    for s, p, o in triples:
        if type(o) is IRI:
            append(f"<{s}> <{p}> <{o}> .\n")
        else:
            append(f"<{s}> <{p}> {nt_term(o)} .\n")
        if len(lines) >= chunk:
            yield "".join(lines)
            lines.clear()
    if lines:
        yield "".join(lines)


def write_ntriples(triples: Iterable[Triple], out: IO[str]) -> int:
    """Write N-Triples; return the number of triples."""
    count = 0
    for text in ntriples_chunks(triples):
        out.write(text)
        count += text.count("\n")
    return count


_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


class _Compactor:
    """Prefixed names for IRIs in the known namespaces, `<…>` for everything else (instance IRIs)."""

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self._cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        found = self._cache.get(iri)
        if found is None:
            found = f"<{iri}>"
            for prefix, ns in self.prefixes:
                if iri.startswith(ns) and _LOCAL.match(iri[len(ns) :]):
                    found = f"{prefix}:{iri[len(ns) :]}"
                    break
            if len(self._cache) < 100_000:
                self._cache[iri] = found
        return found


def turtle_prefixes(base: str) -> dict[str, str]:
    return {**PREFIXES, "ratsgraph": f"{base.rstrip('/')}/def/ratsgraph#"}


def turtle_chunks(
    triples: Iterable[Triple], *, base: str, chunk: int = 4096, counter: list[int] | None = None
) -> Iterator[str]:
    """Streamed Turtle: a prefix header, then one block per run of triples with the same subject.

    `counter`, when given, has its first item incremented once per triple.
    """
    prefixes = turtle_prefixes(base)
    compact = _Compactor(prefixes)
    instances = f"{base.rstrip('/')}/id/"
    yield "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()) + "\n"
    count = 0
    subject: str | None = None
    parts: list[str] = []
    for s, p, o in triples:
        count += 1
        if type(o) is IRI:
            obj = f"<{o}>" if o.startswith(instances) else compact(o)
        else:
            lexical, datatype, lang = o
            text = lexical.translate(_ESCAPES)
            if lang:
                obj = f'"{text}"@{lang}'
            elif datatype and datatype != XSD_STRING:
                obj = f'"{text}"^^{compact(datatype)}'
            else:
                obj = f'"{text}"'
        pred = "a" if p == RDF + "type" else compact(p)
        if s == subject:
            parts.append(f" ;\n    {pred} {obj}")
        else:
            if subject is not None:
                parts.append(" .\n\n")
            subject = s
            parts.append(f"{f'<{s}>' if s.startswith(instances) else compact(s)} {pred} {obj}")
        if len(parts) >= chunk:
            yield "".join(parts)
            parts.clear()
    if subject is not None:
        parts.append(" .\n")
    if counter is not None:
        counter[0] += count
    yield "".join(parts)


def write_turtle(triples: Iterable[Triple], out: IO[str], *, base: str) -> int:
    """Write streamed Turtle; return the number of triples."""
    counter = [0]
    for text in turtle_chunks(triples, base=base, counter=counter):
        out.write(text)
    return counter[0]


def bind_prefixes(graph, base: str) -> None:
    for prefix, ns in turtle_prefixes(base).items():
        graph.bind(prefix, ns, override=True)


def to_rdflib(triples: Iterable[Triple], graph=None):
    """The triples in an rdflib Graph (the whole export in memory: see the module docstring)."""
    from rdflib import Graph, Literal, URIRef

    graph = graph if graph is not None else Graph()
    add = graph.add
    for s, p, o in triples:
        if type(o) is IRI:
            obj = URIRef(o)
        else:
            lexical, datatype, lang = o
            obj = Literal(lexical, lang=lang, datatype=URIRef(datatype) if datatype else None)
        add((URIRef(s), URIRef(p), obj))
    return graph


def serialize(triples: Iterable[Triple], fmt: str, out: IO[str], *, base: str) -> int:
    """Write triples in one of FORMATS; return the number of triples."""
    kind = FORMATS.get(fmt)
    if kind is None:
        raise UnknownFormat(f"unknown RDF format {fmt!r}; choose one of {', '.join(sorted(set(FORMATS)))}")
    if kind == "ntriples":
        return write_ntriples(triples, out)
    if kind == "turtle":
        return write_turtle(triples, out, base=base)
    graph = to_rdflib(triples)
    bind_prefixes(graph, base)
    if kind == "jsonld":
        context = {**turtle_prefixes(base)}
        out.write(graph.serialize(format="json-ld", context=context, auto_compact=True))
    else:
        out.write(graph.serialize(format="pretty-xml" if len(graph) < 50_000 else "xml"))
    return len(graph)


def export_rdf(store: GraphStore, format: str, output: Path | None, *, base: str) -> int:
    """Export the whole graph as RDF to a file, or to standard output when `output` is None."""
    if FORMATS.get(format) is None:
        raise UnknownFormat(f"unknown RDF format {format!r}; choose one of {', '.join(sorted(set(FORMATS)))}")
    triples = iter_triples(store, base)
    if output is None:
        count = serialize(triples, format, sys.stdout, base=base)
        sys.stdout.flush()
        return count
    with open(output, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        return serialize(triples, format, out, base=base)


def describe(triples: Iterable[Triple], fmt: str, *, base: str) -> str:
    """Serialize a small set of triples (one resource) to a string."""
    buffer = io.StringIO()
    serialize(triples, fmt, buffer, base=base)
    return buffer.getvalue()
