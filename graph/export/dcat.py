"""A DCAT-AP.de catalogue record for the graph, in the shape GovData harvests.

One `dcat:Catalog` with one `dcat:Dataset` per council (Body) and two `dcat:DataService`s (the HTTP API and
the SPARQL endpoint). The dataset has a `dcat:Distribution` per dump (N-Triples, Turtle) and one for the
SPARQL endpoint. GovData conventions followed: the licence is an IRI from http://dcat-ap.de/def/licenses/,
formats come from the EU file-type vocabulary, `dcatde:politicalGeocodingURI` names the municipality key
(AGS) of the Body with `dcatde:politicalGeocodingLevelURI` municipality, and `dct:identifier` is stable
(`{base}/id/dataset/{council}`), with `dct:modified` the time the last document was loaded.

Publisher, contact and licence come from the environment (`RATSGRAPH_CATALOG_*`, see `CatalogSettings`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic_settings import BaseSettings, SettingsConfigDict
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from ratsgraph.graph.export.rdf import node_iri

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
IANA = "https://www.iana.org/assignments/media-types/"
LICENSES = "http://dcat-ap.de/def/licenses/"
GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/"
THEME_GOVE = URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE")
LANG_DEU = URIRef("http://publications.europa.eu/resource/authority/language/DEU")


class CatalogSettings(BaseSettings):
    """Who publishes the data and under which licence; from RATSGRAPH_CATALOG_* variables."""

    model_config = SettingsConfigDict(env_prefix="RATSGRAPH_CATALOG_", extra="ignore")

    publisher_name: str = "ratsgraph"
    publisher_uri: str | None = None
    contact_name: str = "ratsgraph"
    contact_email: str = "ratsgraph@example.org"
    licence: str = "dl-by-de/2.0"
    attribution: str = "Stadt Dortmund (Ratsinformationssystem), verarbeitet mit ratsgraph"
    contributor_id: str | None = None


@dataclass(frozen=True)
class Dump:
    path: str
    title: str
    file_type: str
    media_type: str


DUMPS = (
    Dump("/dumps/graph.nt", "N-Triples-Gesamtabzug", "RDF_N_TRIPLES", "application/n-triples"),
    Dump("/dumps/graph.ttl", "Turtle-Gesamtabzug", "RDF_TURTLE", "text/turtle"),
)


def build_catalog(
    base: str,
    *,
    bodies: list[dict[str, Any]],
    modified: str | None = None,
    settings: CatalogSettings | None = None,
) -> Graph:
    """The catalogue as an rdflib Graph; `bodies` are rows of the `lod_dataset` query (id, name, ags)."""
    settings = settings or CatalogSettings()
    base = base.rstrip("/")
    now = _datetime(modified) or Literal(datetime.now(UTC).replace(microsecond=0).isoformat(), datatype=XSD.dateTime)
    licence = URIRef(LICENSES + settings.licence)

    g = Graph()
    for prefix, ns in (("dcat", DCAT), ("dct", DCTERMS), ("dcatde", DCATDE), ("foaf", FOAF), ("vcard", VCARD)):
        g.bind(prefix, ns, override=True)

    publisher = URIRef(settings.publisher_uri) if settings.publisher_uri else URIRef(f"{base}/id/publisher")
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(settings.publisher_name)))

    contact = URIRef(f"{base}/id/contact")
    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, VCARD.fn, Literal(settings.contact_name)))
    g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{settings.contact_email}")))

    catalog = URIRef(f"{base}/catalog")
    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal("ratsgraph: Wissensgraph des Stadtrats", lang="de")))
    g.add((catalog, DCTERMS.title, Literal("ratsgraph: knowledge graph of the city council", lang="en")))
    g.add(
        (
            catalog,
            DCTERMS.description,
            Literal("Katalog der offenen Daten aus dem Wissensgraphen des Stadtrats.", lang="de"),
        )
    )
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, FOAF.homepage, URIRef(f"{base}/")))
    g.add((catalog, DCTERMS.language, LANG_DEU))
    g.add((catalog, DCTERMS.modified, now))

    api = _service(
        g,
        URIRef(f"{base}/id/service/api"),
        title="ratsgraph HTTP-API",
        description="JSON-API des Wissensgraphen: Akteure, Vorlagen, Beratungen, Entscheidungen und Fraktionsvoten.",
        endpoint=URIRef(f"{base}/"),
        description_url=URIRef(f"{base}/openapi.json"),
        licence=licence,
        publisher=publisher,
        contact=contact,
    )
    sparql = _service(
        g,
        URIRef(f"{base}/id/service/sparql"),
        title="ratsgraph SPARQL-Endpunkt",
        description="SPARQL-1.1-Abfragen (nur lesend) über den Linked-Data-Export des Wissensgraphen.",
        endpoint=URIRef(f"{base}/sparql"),
        description_url=URIRef(f"{base}/sparql"),
        licence=licence,
        publisher=publisher,
        contact=contact,
    )
    g.add((sparql, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    for service in (api, sparql):
        g.add((catalog, DCAT.service, service))

    for body in bodies:
        council = (body.get("id") or "council").split("/")[0]
        dataset = URIRef(f"{base}/id/dataset/{council}")
        name = body.get("name") or council
        g.add((catalog, DCAT.dataset, dataset))
        g.add((dataset, RDF.type, DCAT.Dataset))
        g.add((dataset, DCTERMS.identifier, Literal(f"{base}/id/dataset/{council}")))
        g.add((dataset, DCTERMS.title, Literal(f"Ratsinformationen {name} als Wissensgraph", lang="de")))
        g.add(
            (
                dataset,
                DCTERMS.description,
                Literal(
                    f"Gremien, Fraktionen, Personen, Drucksachen, Sitzungen, Entscheidungen und Fraktionsvoten "
                    f"aus den Ratsdokumenten von {name}, jede Aussage mit ihrem Textbeleg (PROV-O). "
                    "Modelliert mit W3C ORG, FOAF, ELI, ELI-DL und SKOS.",
                    lang="de",
                ),
            )
        )
        g.add((dataset, DCTERMS.publisher, publisher))
        g.add((dataset, DCAT.contactPoint, contact))
        g.add((dataset, DCTERMS.modified, now))
        g.add((dataset, DCAT.theme, THEME_GOVE))
        g.add((dataset, DCTERMS.language, LANG_DEU))
        g.add((dataset, DCAT.landingPage, URIRef(node_iri(base, "Body", body["id"])) if body.get("id") else catalog))
        for keyword in ("Rat", "Ratsinformationssystem", "Drucksachen", "Abstimmungen", "Linked Open Data"):
            g.add((dataset, DCAT.keyword, Literal(keyword, lang="de")))
        if body.get("ags"):
            ags = str(body["ags"])
            geocoding = URIRef(f"{GEOCODING}municipalityKey/{ags}")
            g.add((dataset, DCATDE.politicalGeocodingURI, geocoding))
            g.add((dataset, DCATDE.politicalGeocodingLevelURI, URIRef(f"{GEOCODING}Level/municipality")))
            g.add((dataset, DCTERMS.spatial, geocoding))
        if settings.contributor_id:
            g.add((dataset, DCATDE.contributorID, URIRef(settings.contributor_id)))
        for dump in DUMPS:
            dist = URIRef(f"{base}/id/distribution/{council}{dump.path.replace('/', '-')}")
            g.add((dataset, DCAT.distribution, dist))
            g.add((dist, RDF.type, DCAT.Distribution))
            g.add((dist, DCTERMS.title, Literal(dump.title, lang="de")))
            g.add((dist, DCAT.accessURL, URIRef(base + dump.path)))
            g.add((dist, DCAT.downloadURL, URIRef(base + dump.path)))
            g.add((dist, DCTERMS.format, URIRef(FILE_TYPE + dump.file_type)))
            g.add((dist, DCAT.mediaType, URIRef(IANA + dump.media_type)))
            g.add((dist, DCTERMS.modified, now))
            _licence(g, dist, licence, settings)
        dist = URIRef(f"{base}/id/distribution/{council}-sparql")
        g.add((dataset, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal("SPARQL-Endpunkt", lang="de")))
        g.add((dist, DCAT.accessURL, URIRef(f"{base}/sparql")))
        g.add((dist, DCAT.accessService, sparql))
        g.add((dist, DCTERMS.format, URIRef(FILE_TYPE + "SPARQLQ")))
        _licence(g, dist, licence, settings)
        g.add((sparql, DCAT.servesDataset, dataset))
        g.add((api, DCAT.servesDataset, dataset))
    return g


def _licence(g: Graph, subject: URIRef, licence: URIRef, settings: CatalogSettings) -> None:
    g.add((subject, DCTERMS.license, licence))
    if settings.licence.startswith(("dl-by", "cc-by")) and settings.attribution:
        g.add((subject, DCATDE.licenseAttributionByText, Literal(settings.attribution, lang="de")))


def _service(
    g: Graph,
    service: URIRef,
    *,
    title: str,
    description: str,
    endpoint: URIRef,
    description_url: URIRef,
    licence: URIRef,
    publisher: URIRef,
    contact: URIRef,
) -> URIRef:
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCTERMS.title, Literal(title, lang="de")))
    g.add((service, DCTERMS.description, Literal(description, lang="de")))
    g.add((service, DCAT.endpointURL, endpoint))
    g.add((service, DCAT.endpointDescription, description_url))
    g.add((service, DCTERMS.license, licence))
    g.add((service, DCTERMS.publisher, publisher))
    g.add((service, DCAT.contactPoint, contact))
    return service


def _datetime(value: str | None) -> Literal | None:
    if not value:
        return None
    text = str(value)
    if len(text) == 10:
        return Literal(text, datatype=XSD.date)
    return Literal(text, datatype=XSD.dateTime)


def catalog_for_store(store, base: str, *, council: str = "dortmund", settings: CatalogSettings | None = None) -> Graph:
    """The catalogue for what the store holds (its Body nodes and the latest load)."""
    rows = store.read("lod_dataset") or [{"id": f"{council}/body", "name": council, "ags": None}]
    modified = next((r["modified"] for r in rows if r.get("modified")), None)
    return build_catalog(base, bodies=rows, modified=modified, settings=settings)
