"""Linked Open Data over HTTP: dereferenceable IRIs, dumps, a read-only SPARQL endpoint and the DCAT catalogue.

- `GET /id/{type}/{key}`: one resource, by content negotiation (`Accept`, or `?format=`): an HTML page,
  Turtle, JSON-LD, N-Triples or RDF/XML. Unknown ids give a 404 problem+json.
- `GET /dumps/graph.nt`, `/dumps/graph.ttl`: the whole export, streamed.
- `GET|POST /sparql`: SPARQL 1.1 protocol over an in-memory pyoxigraph store loaded from the streamed
  N-Triples export. It is built on the first query and rebuilt when the store's counts change (checked at
  most every `SPARQL_RECHECK_S` seconds). Updates are refused with 400; a query that runs longer than
  `SPARQL_TIMEOUT_S` gets a 503 (its worker finishes in the background: oxigraph cannot be interrupted).
- `GET /catalog`: the DCAT-AP.de record; `GET /def/ratsgraph`: the project vocabulary.
"""

from __future__ import annotations

import html
import io
import json
import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse

from ratsgraph.graph.export import rdf
from ratsgraph.graph.model import labels_of
from ratsgraph.graph.settings import Settings

router = APIRouter(tags=["linked data"])

RESOURCE_LIMIT = 500
SPARQL_TIMEOUT_S = 30.0
SPARQL_RECHECK_S = 30.0

RDF_MEDIA = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
}
FORMAT_PARAM = {
    "ttl": "turtle",
    "turtle": "turtle",
    "jsonld": "jsonld",
    "json": "jsonld",
    "nt": "ntriples",
    "ntriples": "ntriples",
    "rdf": "rdfxml",
    "xml": "rdfxml",
    "html": "html",
}
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX|BASE)\b[^\n]*\n\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I
)


def problem(status: int, title: str, detail: str) -> JSONResponse:
    """The API's one error shape (RFC 9457 problem details)."""
    return JSONResponse(
        {"type": "about:blank", "title": title, "status": status, "detail": detail},
        status_code=status,
        media_type="application/problem+json",
    )


def _settings(request: Request) -> Settings:
    settings = getattr(request.app.state, "settings", None)
    if settings is None:
        settings = Settings()
        request.app.state.settings = settings
    return settings


def _base(request: Request) -> str:
    return _settings(request).base_uri.rstrip("/")


def parse_accept(header: str | None) -> list[str]:
    """Media types of an Accept header, best first (by q, then by order)."""
    if not header:
        return ["*/*"]
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, position, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def _negotiate(accept: str | None, offers: dict[str, str], default: str) -> str | None:
    """The key of `offers` (media type -> value) the client prefers; `default` for */*; None if nothing fits."""
    for media in parse_accept(accept):
        if media in offers:
            return offers[media]
        if media in ("*/*", "text/*", "application/*"):
            return default
    return None


# --- resources ---------------------------------------------------------------------------------------


def _clean(props: dict[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (props or {}).items() if v is not None and v != []}


def resource_triples(rows: list[dict[str, Any]], base: str) -> list[rdf.Triple]:
    """The description of one node: its own triples, those of its relationships, and its neighbours' labels."""
    first = rows[0]
    mapper = rdf.Mapper(base)
    node = {"id": first["id"], "labels": labels_of(first["label"]), **_clean(first["props"])}
    triples: dict[rdf.Triple, None] = dict.fromkeys(mapper.node(node))
    for row in rows:
        if not row.get("type"):
            continue
        props = _clean(row["rel_props"])
        if "source" in props:
            props["source_document"] = props.pop("source")
        ends = (first["id"], first["label"], row["other_id"], row["other_label"])
        if row["direction"] == "in":
            ends = (row["other_id"], row["other_label"], first["id"], first["label"])
        link = {**props, "source": ends[0], "source_label": ends[1], "target": ends[2], "target_label": ends[3]}
        link["type"] = row["type"]
        triples.update(dict.fromkeys(mapper.link(link)))
        if row.get("other_name"):
            other = mapper.iri(row["other_label"], row["other_id"])
            triples[(other, rdf.RDFS + "label", rdf.Lit(str(row["other_name"])))] = None
    return list(triples)


def _find(request: Request, type_: str, key: str) -> tuple[str, list[dict[str, Any]]]:
    base = _base(request)
    wanted = f"{base}/id/{type_}/{quote(key, safe=rdf._SAFE)}"
    rows = request.app.state.store.read("lod_resource", ids=rdf.candidate_ids(type_, key), limit=RESOURCE_LIMIT)
    rows = [r for r in rows if rdf.node_iri(base, r["label"], r["id"]) == wanted]
    return wanted, rows


@router.get("/id/{type_}/{key:path}", summary="A resource of the graph, as HTML or RDF")
def resource(type_: str, key: str, request: Request, format: str | None = None) -> Response:
    wanted, rows = _find(request, type_, key)
    if not rows:
        return problem(404, "Not Found", f"no resource {wanted}")
    base = _base(request)
    if format:
        kind = FORMAT_PARAM.get(format.lower())
        if kind is None:
            return problem(400, "Bad Request", f"unknown format {format!r}; use one of {', '.join(FORMAT_PARAM)}")
    else:
        kind = _negotiate(request.headers.get("accept"), {"text/html": "html", **RDF_MEDIA}, "html")
        if kind is None:
            return problem(406, "Not Acceptable", "available: text/html, " + ", ".join(RDF_MEDIA))
    triples = resource_triples(rows, base)
    headers = {"Vary": "Accept"}
    if kind == "html":
        return HTMLResponse(_page(wanted, triples, base), headers=headers)
    body = rdf.describe(triples, kind, base=base)
    return Response(body, media_type=rdf.MEDIA_TYPES[kind], headers=headers)


def _local(iri: str, base: str) -> str:
    """A link that works on the host serving the page, whatever the configured base."""
    return iri[len(base) :] or "/" if iri.startswith(base + "/") else iri


def _page(subject: str, triples: list[rdf.Triple], base: str) -> str:
    compact = rdf._Compactor(rdf.turtle_prefixes(base))
    labels = {s: o.lexical for s, p, o in triples if p == rdf.RDFS + "label" and isinstance(o, rdf.Lit)}
    title = labels.get(subject, subject)

    def cell(term: rdf.Term) -> str:
        if isinstance(term, rdf.IRI):
            text = labels.get(term) or compact(term).strip("<>")
            return f'<a href="{html.escape(_local(term, base))}">{html.escape(text)}</a>'
        lexical, datatype, lang = term
        suffix = f" <small>@{lang}</small>" if lang else ""
        if datatype:
            suffix = f" <small>{html.escape(compact(datatype))}</small>"
        return html.escape(lexical) + suffix

    sections: dict[str, list[str]] = {}
    for s, p, o in triples:
        if s != subject and p == rdf.RDFS + "label" and s not in (subject,) and not s.startswith(subject + "#"):
            continue  # neighbours' labels only name the links
        sections.setdefault(s, []).append(f"<tr><th>{html.escape(compact(p))}</th><td>{cell(o)}</td></tr>")
    body = []
    for s, rows in sorted(sections.items(), key=lambda kv: (kv[0] != subject, kv[0])):
        heading = "" if s == subject else f'<h2 id="{html.escape(s.rpartition("#")[2])}">{cell(rdf.IRI(s))}</h2>'
        body.append(f"{heading}<table>{''.join(rows)}</table>")
    alternates = "".join(
        f'<a href="?format={fmt}">{name}</a> '
        for fmt, name in (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples"), ("rdf", "RDF/XML"))
    )
    return (
        "<!doctype html><html lang='de'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>"
        f'<link rel="alternate" type="text/turtle" href="?format=ttl">'
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "th{text-align:left;vertical-align:top;padding-right:1rem;font-weight:normal;color:#555}"
        "td,th{border-bottom:1px solid #eee;padding:.2rem}table{border-collapse:collapse;width:100%}"
        "h2{font-size:1rem;margin-top:1.5rem}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p><code>{html.escape(subject)}</code></p>"
        f"<p>{alternates}</p>{''.join(body)}</body></html>"
    )


# --- vocabulary and catalogue ----------------------------------------------------------------------

GRAPH_MEDIA = {k: v for k, v in RDF_MEDIA.items() if k != "text/plain"}


def _graph_response(graph, accept: str | None, format: str | None, base: str) -> Response:
    kind = FORMAT_PARAM.get((format or "").lower()) if format else _negotiate(accept, GRAPH_MEDIA, "turtle")
    if kind in (None, "html"):
        kind = "turtle"
    rdf.bind_prefixes(graph, base)
    if kind == "jsonld":
        text = graph.serialize(format="json-ld", auto_compact=True)
    else:
        text = graph.serialize(format={"turtle": "turtle", "ntriples": "nt", "rdfxml": "pretty-xml"}[kind])
    return Response(text, media_type=rdf.MEDIA_TYPES[kind], headers={"Vary": "Accept"})


@router.get("/def/ratsgraph", summary="The ratsgraph vocabulary and concept schemes")
def vocabulary(request: Request, format: str | None = None) -> Response:
    base = _base(request)
    return _graph_response(rdf.vocabulary_graph(base), request.headers.get("accept"), format, base)


@router.get("/def/{path:path}", include_in_schema=False)
def vocabulary_term(path: str) -> Response:
    # Concept IRIs ({base}/def/paper-kind/motion) are described in the vocabulary document.
    return RedirectResponse("/def/ratsgraph", status_code=303)


@router.get("/catalog", summary="DCAT-AP.de catalogue of the dataset (for GovData)")
def catalog(request: Request, format: str | None = None) -> Response:
    from ratsgraph.graph.export.dcat import catalog_for_store

    base = _base(request)
    graph = catalog_for_store(request.app.state.store, base, council=_settings(request).council)
    return _graph_response(graph, request.headers.get("accept"), format, base)


# --- dumps --------------------------------------------------------------------------------------------


def _dump(request: Request, kind: str, filename: str) -> StreamingResponse:
    base = _base(request)
    triples = rdf.iter_triples(request.app.state.store, base)
    chunks = rdf.ntriples_chunks(triples) if kind == "ntriples" else rdf.turtle_chunks(triples, base=base)
    return StreamingResponse(
        (chunk.encode("utf-8") for chunk in chunks),
        media_type=rdf.MEDIA_TYPES[kind] + "; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/dumps/graph.nt", summary="The whole graph as N-Triples (streamed)")
def dump_ntriples(request: Request) -> StreamingResponse:
    return _dump(request, "ntriples", "graph.nt")


@router.get("/dumps/graph.ttl", summary="The whole graph as Turtle (streamed)")
def dump_turtle(request: Request) -> StreamingResponse:
    return _dump(request, "turtle", "graph.ttl")


# --- SPARQL ----------------------------------------------------------------------------------------------


class _ChunkReader(io.RawIOBase):
    """A binary file over an iterator of text chunks, so oxigraph can bulk-load the streamed export."""

    def __init__(self, chunks: Iterator[str]):
        self._chunks = chunks
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not self._buffer:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._buffer = chunk.encode("utf-8")
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n


class SparqlIndex:
    """The exported triples in an in-memory oxigraph store, rebuilt when the graph store's counts change."""

    def __init__(self, *, recheck_s: float = SPARQL_RECHECK_S):
        self.recheck_s = recheck_s
        self._lock = threading.Lock()
        self._oxigraph = None
        self._fingerprint: str | None = None
        self._checked = 0.0
        self.triples = 0

    def get(self, store, base: str):
        with self._lock:
            now = time.monotonic()
            if self._oxigraph is None or now - self._checked >= self.recheck_s:
                fingerprint = json.dumps([base, store.counts()], sort_keys=True)
                self._checked = now
                if fingerprint != self._fingerprint:
                    self._oxigraph = self._build(store, base)
                    self._fingerprint = fingerprint
            return self._oxigraph

    def _build(self, store, base: str):
        import pyoxigraph as ox

        target = ox.Store()
        reader = io.BufferedReader(_ChunkReader(rdf.ntriples_chunks(rdf.iter_triples(store, base))), 1 << 20)
        target.bulk_load(input=reader, format=ox.RdfFormat.N_TRIPLES)
        self.triples = len(target)
        return target


_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sparql")

RESULT_MEDIA = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
RESULT_TYPES = {
    "JSON": "application/sparql-results+json",
    "XML": "application/sparql-results+xml",
    "CSV": "text/csv",
    "TSV": "text/tab-separated-values",
}
TRIPLE_MEDIA = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
}


def _index(request: Request) -> SparqlIndex:
    index = getattr(request.app.state, "lod_sparql", None)
    if index is None:
        index = request.app.state.lod_sparql = SparqlIndex()
    return index


def _evaluate(oxigraph, query: str, accept: str | None) -> tuple[bytes, str]:
    import pyoxigraph as ox

    result = oxigraph.query(query)
    if isinstance(result, ox.QueryTriples):
        name = _negotiate(accept, TRIPLE_MEDIA, "TURTLE") or "TURTLE"
        fmt = getattr(ox.RdfFormat, name)
        return result.serialize(format=fmt), fmt.media_type
    name = _negotiate(accept, RESULT_MEDIA, "JSON") or "JSON"
    return result.serialize(format=getattr(ox.QueryResultsFormat, name)), RESULT_TYPES[name]


async def _query_text(request: Request) -> tuple[str | None, Response | None]:
    if request.method == "GET":
        if "update" in request.query_params:
            return None, problem(400, "Bad Request", "SPARQL Update is not allowed: this endpoint is read-only")
        return request.query_params.get("query"), None
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="replace")
    if content_type == "application/sparql-update":
        return None, problem(400, "Bad Request", "SPARQL Update is not allowed: this endpoint is read-only")
    if content_type == "application/sparql-query":
        return body, None
    if content_type == "application/x-www-form-urlencoded":
        form = parse_qs(body, keep_blank_values=True)
        if "update" in form:
            return None, problem(400, "Bad Request", "SPARQL Update is not allowed: this endpoint is read-only")
        return (form.get("query") or [None])[0], None
    return None, problem(
        415, "Unsupported Media Type", "POST application/sparql-query or application/x-www-form-urlencoded"
    )


@router.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 query endpoint (read-only)")
async def sparql(request: Request) -> Response:
    query, refused = await _query_text(request)
    if refused is not None:
        return refused
    if not query:
        if request.method == "GET" and "text/html" in (request.headers.get("accept") or ""):
            return HTMLResponse(_SPARQL_FORM)
        return problem(400, "Bad Request", "give a SPARQL query: ?query=… or a POST body")
    if _UPDATE.match(query):
        return problem(400, "Bad Request", "SPARQL Update is not allowed: this endpoint is read-only")
    import asyncio

    base = _base(request)
    store = request.app.state.store
    index = _index(request)
    accept = request.headers.get("accept")

    def work() -> tuple[bytes, str]:
        return _evaluate(index.get(store, base), query, accept)

    future = _executor.submit(work)
    try:
        body, media_type = await asyncio.wait_for(asyncio.wrap_future(future), timeout=SPARQL_TIMEOUT_S)
    except SyntaxError as exc:
        return problem(400, "Bad Request", f"invalid SPARQL query: {exc}")
    except (TimeoutError, FutureTimeout):
        return problem(503, "Service Unavailable", f"the query ran longer than {SPARQL_TIMEOUT_S:g} s")
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


_SPARQL_FORM = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>SPARQL</title></head>
<body style="font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto">
<h1>ratsgraph SPARQL</h1>
<form method="get" action="/sparql"><textarea name="query" rows="12" style="width:100%">PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?paper ?reference ?title WHERE {
  ?paper a eli:Work ; dcterms:identifier ?reference .
  OPTIONAL { ?paper dcterms:title ?title }
} LIMIT 20</textarea><p><button>Abfragen</button></p></form></body></html>"""
