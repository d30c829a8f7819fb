"""The DCAT-AP.de catalogue record: mandatory properties and the GovData conventions, checked with SHACL."""

from __future__ import annotations

from lodbatch import BASE, shapes
from pyshacl import validate
from rdflib import URIRef
from rdflib.namespace import DCAT, DCTERMS

from ratsgraph.graph.export.dcat import build_catalog, catalog_for_store

BODY = {"id": "dortmund/body", "name": "Stadt Dortmund", "ags": "05913000"}


def test_the_catalogue_conforms_to_the_dcat_shapes():
    graph = build_catalog(BASE, bodies=[BODY], modified="2024-05-01T10:00:00")
    conforms, _, report = validate(graph, shacl_graph=shapes("dcat.ttl"), inference="none")
    assert conforms, report


def test_the_catalogue_follows_govdata_conventions():
    graph = build_catalog(BASE, bodies=[BODY], modified="2024-05-01T10:00:00")
    dataset = URIRef(f"{BASE}/id/dataset/dortmund")
    geocoding = URIRef("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05913000")
    assert (dataset, URIRef("http://dcat-ap.de/def/dcatde/politicalGeocodingURI"), geocoding) in graph
    formats = {str(o) for o in graph.objects(None, DCTERMS.format)}
    assert {
        "http://publications.europa.eu/resource/authority/file-type/RDF_N_TRIPLES",
        "http://publications.europa.eu/resource/authority/file-type/RDF_TURTLE",
    } <= formats
    licences = set(graph.objects(None, DCTERMS.license))
    assert licences == {URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")}
    services = set(graph.subjects(DCAT.endpointURL, None))
    assert {URIRef(f"{BASE}/id/service/api"), URIRef(f"{BASE}/id/service/sparql")} == services
    # The identifier does not change between builds (GovData detects duplicates by it).
    again = build_catalog(BASE, bodies=[BODY], modified="2025-01-01T00:00:00")
    assert set(graph.objects(dataset, DCTERMS.identifier)) == set(again.objects(dataset, DCTERMS.identifier))


def test_a_catalogue_without_a_body_in_the_store_still_conforms_but_is_missing_the_geocoding(embedded_store):
    graph = catalog_for_store(embedded_store, BASE)
    conforms, _, report = validate(graph, shacl_graph=shapes("dcat.ttl"), inference="none")
    assert not conforms and "politicalGeocodingURI" in report


def test_the_catalogue_of_a_store_names_its_body(lod_store):
    graph = catalog_for_store(lod_store, BASE)
    conforms, _, report = validate(graph, shacl_graph=shapes("dcat.ttl"), inference="none")
    assert conforms, report
