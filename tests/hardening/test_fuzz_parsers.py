"""Fuzzing every parser: mutated seeds, random bytes, huge lines, odd Unicode, wrong encodings, garbage OParl.

What must hold for any input:

- reading (`document_from_bytes`) either gives a document or raises `SourceError` naming the file;
- parsing (`parse_document`) never raises: what it cannot read becomes a `Problem`;
- every piece of evidence quotes the document exactly: `doc.text[start:end] == evidence`;
- every node and edge passes the model's validation (what the stores would refuse);
- a batch of good and bad files writes exactly what the good files alone write: nothing of a
  failed document reaches the store, and each failure names its file;
- the OParl mapping and its vendor quirks take any JSON without raising.

Example counts are bounded (max 60-100 per property, no deadline): this runs in the normal suite.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hardening_helpers import SEEDS, fingerprint
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ratsgraph.graph.errors import SourceError
from ratsgraph.graph.model import GraphBatch, validate_edge, validate_node
from ratsgraph.graph.reference import load_council
from ratsgraph.graph.store.base import edge_rows, node_rows
from ratsgraph.loaders.document import SourceDocument, document_from_bytes
from ratsgraph.loaders.text import parse_document

COUNCIL = load_council("dortmund")
SEED_PATHS = sorted(SEEDS.glob("*.txt"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEED_PATHS]
MEDIA_TYPES = ("text/plain", "text/markdown", "text/html", "application/pdf")

# Right-to-left and directional marks, combining accents, zero-width and BOM, soft hyphen, ligatures,
# line/paragraph separators, NUL and C0/C1 controls, astral characters, lone surrogates.
ODD = [
    "\u200f",
    "\u200e",
    "\u202e",
    "\u2066",
    "\u0301",
    "\u0308\u0308\u0308",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00ad",
    "ﬁ",
    "ﬂ",
    "\u2028",
    "\u2029",
    "\x00",
    "\x1b[31m",
    "\x85",
    "\x9c",
    "\u00a0",
    "\u202f",
    "𝔇𝔬𝔯𝔱𝔪𝔲𝔫𝔡",
    "👩🏽‍⚖️",
    "İı",
    "ß",
    "ẞ",
    "\udcff",
    "\ud800",
    "Ã¼",
    "â€ž",
    "\r",
    "\r\n",
    "\t",
    "\f",
    "-\n",
    "Herr ",
    "Frau ",
    "gez. ",
    "Drucksache Nr.: ",
    "einstimmig",
    "Fraktion ",
]

PARSE_SECONDS = 60  # any single document, however odd, parses within this


settings.register_profile(
    "hardening",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    derandomize=False,
    print_blob=True,
)
FUZZ = settings.get_profile("hardening")


# --- the properties -------------------------------------------------------------------------------


def check_batch(doc: SourceDocument, batch: GraphBatch) -> None:
    for node in batch.nodes:
        validate_node(node)
        for ev in node.evidence:
            assert ev.document_id == doc.id
            assert 0 <= ev.start < ev.end <= len(doc.text), (node.id, ev)
            assert doc.text[ev.start : ev.end] == ev.text, (node.id, ev)
    for edge in batch.edges:
        validate_edge(edge)
        ev = edge.evidence
        if ev is not None:
            assert 0 <= ev.start < ev.end <= len(doc.text), (edge.type, ev)
            assert doc.text[ev.start : ev.end] == ev.text, (edge.type, ev)
    # What the stores do with a batch before writing it: merge rows, check the model once more.
    node_rows(batch)
    for rows in edge_rows(batch).values():
        for row in rows:
            if "evidence" in row and row.get("start") is not None and row.get("source") == doc.id:
                assert doc.text[row["start"] : row["end"]] == row["evidence"]


def read_and_parse(data: bytes, uri: str, media_type: str):
    """Read and parse as the loader does; only SourceError may escape, and it names the file."""
    try:
        doc = document_from_bytes(data, uri, media_type)
    except SourceError as exc:
        assert exc.path == uri and exc.reason and uri in str(exc)
        return None, None
    started = time.monotonic()
    result = parse_document(doc, COUNCIL)
    took = time.monotonic() - started
    assert took < PARSE_SECONDS, f"{uri}: parsing took {took:.1f} s"
    for problem in result.problems:
        assert problem.message
        if problem.kind == "parse_error":
            assert problem.source == doc.id and not result.batch.nodes and not result.batch.edges
    check_batch(doc, result.batch)
    return doc, result


# --- strategies -----------------------------------------------------------------------------------


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    """A seed text after a few random edits: deletions, insertions, duplications, odd characters, cuts."""
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["delete", "insert", "duplicate", "odd", "swap", "cut", "case", "join"]))
        i = draw(st.integers(0, len(text)))
        j = min(len(text), i + draw(st.integers(0, 600)))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(st.text(max_size=80)) + text[i:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] * draw(st.integers(1, 5)) + text[j:]
        elif op == "odd":
            text = text[:i] + "".join(draw(st.lists(st.sampled_from(ODD), min_size=1, max_size=6))) + text[i:]
        elif op == "swap":
            lines = text.split("\n")
            draw(st.randoms(use_true_random=False)).shuffle(lines)
            text = "\n".join(lines)
        elif op == "cut":
            text = text[:i]
        elif op == "case":
            text = text[:i] + text[i:j].swapcase() + text[j:]
        else:
            text = text[:i] + text[i:j].replace("\n", " ") + text[j:]
    return text


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "mojibake", "latin-1", "surrogatepass")


def encode(text: str, encoding: str) -> bytes:
    if encoding == "mojibake":  # UTF-8 bytes read as Windows-1252 and saved again as UTF-8
        return text.encode("utf-8", "surrogatepass").decode("cp1252", "replace").encode("utf-8", "surrogatepass")
    if encoding in ("cp1252", "latin-1"):
        return text.encode(encoding, "replace")
    return text.encode(encoding.replace("surrogatepass", "utf-8"), "surrogatepass")


def as_media(data: bytes, media_type: str) -> bytes:
    if media_type == "text/html":
        return (
            b"<!doctype html><html><head><title>t\xc3\xa4st</title></head><body><pre>" + data + b"</pre></body></html>"
        )
    if media_type == "application/pdf":
        return b"%PDF-1.4\n" + data  # not a real PDF: must be refused as unreadable, not crash
    return data


# --- documents ------------------------------------------------------------------------------------


@FUZZ
@given(text=mutated_seed(), encoding=st.sampled_from(ENCODINGS), media_type=st.sampled_from(MEDIA_TYPES))
def test_mutated_seeds(text: str, encoding: str, media_type: str) -> None:
    read_and_parse(as_media(encode(text, encoding), media_type), "fuzz/mutated.txt", media_type)


@FUZZ
@given(data=st.binary(max_size=4096), media_type=st.sampled_from(MEDIA_TYPES))
@example(data=b"\x00" * 10, media_type="text/plain")
@example(data=b"\xff\xfe" + "Antrag".encode("utf-16-le"), media_type="text/plain")
@example(data=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", media_type="application/pdf")
@example(data=b"<html><script>x</script></html>", media_type="text/html")
def test_random_bytes(data: bytes, media_type: str) -> None:
    read_and_parse(data, "fuzz/random.bin", media_type)


@settings(FUZZ, max_examples=100)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=3000) | st.text(max_size=2000))
def test_random_unicode_text(text: str) -> None:
    read_and_parse(text.encode("utf-8", "surrogatepass"), "fuzz/unicode.txt", "text/plain")


@settings(FUZZ, max_examples=60)
@given(text=mutated_seed())
def test_parser_on_text_with_lone_surrogates_and_nul(text: str) -> None:
    """Text no decoder would produce (lone surrogates, NUL): the parser itself must still hold."""
    text = text.replace("e", "e\udcff", 3).replace(" ", " \x00", 2)
    doc = SourceDocument(id="dortmund/document/fuzz", uri="fuzz/raw.txt", sha256="0", media_type="text/plain",
                         text=text, size=len(text))  # fmt: skip
    result = parse_document(doc, COUNCIL)
    check_batch(doc, result.batch)


def _huge_lines() -> list[tuple[str, str]]:
    mb = 1_000_000
    seed = SEED_TEXTS[3]
    return [
        ("one 1 MB line of letters", "A" * mb),
        ("one 1 MB line of a word and spaces", "Antrag " * (mb // 7)),
        ("a seed without line breaks, repeated to 1 MB", (seed.replace("\n", " ") + " ") * (mb // len(seed) + 1)),
        ("a seed with a 1 MB line in the middle", seed[:2000] + "x" * mb + seed[2000:]),
        ("1 MB of names", "Herr Müller, Frau Schmidt-Öztürk, " * (mb // 34)),
        ("1 MB of hyphenated breaks", "Per-\nsonal " * (mb // 11)),
        ("1 MB of Markdown emphasis", "**a** *b* \\* " * (mb // 13)),
        ("1 MB of vote sentences", "Die Fraktion SPD stimmte dagegen. " * (mb // 34)),
        ("1 MB of combining accents", "e" + "\u0301" * mb),
        ("1 MB of digits", "Drucksache Nr.: " + "1" * mb),
        ("1 MB of page footers", "Seite 1 von 2\n" * (mb // 14)),
    ]


@pytest.mark.parametrize(("what", "text"), _huge_lines(), ids=[w for w, _ in _huge_lines()])
def test_huge_lines(what: str, text: str) -> None:
    started = time.monotonic()
    read_and_parse(text.encode("utf-8"), f"fuzz/{what}.txt", "text/plain")
    assert time.monotonic() - started < PARSE_SECONDS


_DOC_DERIVED = re.compile(r"^(dortmund/paper/[a-z_]+)-[0-9a-f]{12}$")


def _ids(result) -> tuple[Counter, Counter]:
    """Node ids and edges; papers without a reference take their id from the document's hash, so those
    ids are compared as a count per kind (the bytes, hence the hash, differ between encodings)."""

    def norm(node_id: str) -> str:
        return _DOC_DERIVED.sub(r"\1-<document>", node_id)

    nodes = Counter(norm(n.id) for n in result.batch.nodes)
    edges = Counter((e.type, norm(e.source), norm(e.target)) for e in result.batch.edges)
    return nodes, edges


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "mojibake", "crlf"])
@pytest.mark.parametrize("seed", SEED_PATHS, ids=[p.name[:3] for p in SEED_PATHS])
def test_other_encodings_of_a_seed_give_the_same_facts(seed: Path, encoding: str) -> None:
    """A seed saved as UTF-8 with BOM, as Windows-1252, as mojibake or with CRLF: the same nodes and edges."""
    text = seed.read_text(encoding="utf-8")
    _, reference = read_and_parse(text.encode("utf-8"), str(seed), "text/plain")
    data = text.replace("\n", "\r\n").encode("utf-8") if encoding == "crlf" else encode(text, encoding)
    doc, result = read_and_parse(data, str(seed), "text/plain")
    assert result is not None
    assert _ids(result) == _ids(reference)


def test_valid_utf8_of_control_characters_is_refused() -> None:
    """5000 backspaces are valid UTF-8 but no text: refused, never an (empty) Document node."""
    with pytest.raises(SourceError, match="control characters"):
        document_from_bytes(b"\x08" * 5000, "fuzz/backspaces.txt", "text/plain")


def test_utf16_is_refused_with_a_reason_not_misread() -> None:
    """UTF-16 is not decoded (yet): it must be refused naming the file, never read as garbage text."""
    data = SEED_TEXTS[0].encode("utf-16")
    with pytest.raises(SourceError) as info:
        document_from_bytes(data, "seeds/000-utf16.txt", "text/plain")
    assert info.value.path == "seeds/000-utf16.txt"


# --- a batch of good and bad files: nothing of a failed document is written -----------------------


BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "blank.md": b" \n\t\n ",
    "binary.txt": bytes(range(256)) * 8,
    "utf16.txt": SEED_TEXTS[0].encode("utf-16"),
    "nul-inside.txt": SEED_TEXTS[1].encode("utf-8")[:500] + b"\x00" + SEED_TEXTS[1].encode("utf-8")[500:],
    "controls.txt": bytes(random.Random(1).choices(range(32), k=5000)),
    "fake.pdf": b"%PDF-1.4\n" + b"\x00garbage" * 100,
    "empty-html.html": b"<html><head><script>var x = 1;</script></head><body>  </body></html>",
}


def _load(paths: list[Path], tmp: Path, name: str):
    from ratsgraph.graph.store.embedded import EmbeddedStore
    from ratsgraph.loaders.batch import load_documents

    store = EmbeddedStore(tmp / name / "graph.lbug", buffer_pool_mb=1024)
    store.ensure_schema()
    report = load_documents(paths, store, clock=lambda: "2024-01-01T00:00:00+00:00")
    return store, report


def test_good_and_bad_files_write_exactly_what_the_good_ones_write(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = []
    for seed in SEED_PATHS:
        (folder / seed.name).write_bytes(seed.read_bytes())
        good.append(folder / seed.name)
    bad = []
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
        bad.append(folder / name)

    clean_store, clean = _load(good, tmp_path, "good-only")
    mixed_store, mixed = _load(sorted(good + bad), tmp_path, "mixed")
    try:
        assert clean.ok and clean.failed == 0
        assert mixed.failed == len(bad)
        failed_sources = {p.source for p in mixed.problems if p.kind == "error"}
        assert failed_sources == {str(p) for p in bad}  # each failure names its file
        assert all(p.message for p in mixed.problems)
        assert sorted(mixed.loaded) == sorted(clean.loaded)
        assert fingerprint(mixed_store) == fingerprint(clean_store)
    finally:
        clean_store.close()
        mixed_store.close()


def test_a_write_that_fails_half_way_leaves_nothing_of_that_document(tmp_path: Path) -> None:
    """One document's transaction fails after its nodes went in (a dangling edge at the end): rolled back."""
    from ratsgraph.graph.store.embedded import EmbeddedStore
    from ratsgraph.loaders.batch import load_documents

    victim = SEED_PATHS[2]

    class FailingStore(EmbeddedStore):
        def write(self, batch: GraphBatch):
            doc = next(n for n in batch.nodes if n.label == "Document")
            if doc.props["uri"] == victim.resolve().as_uri():
                # The last edge once more, to a node that exists nowhere: the nodes are merged first,
                # then this edge fails the transaction (DanglingEdge).
                last = batch.edges[-1]
                broken = last.model_copy(update={"target": last.target + "/nowhere"})
                batch = GraphBatch(nodes=batch.nodes, edges=[*batch.edges, broken])
            return super().write(batch)

    others = [p for p in SEED_PATHS if p != victim]
    clean_store, clean = _load(others, tmp_path, "without-victim")
    store = FailingStore(tmp_path / "failing" / "graph.lbug", buffer_pool_mb=1024)
    store.ensure_schema()
    try:
        report = load_documents(SEED_PATHS, store, clock=lambda: "2024-01-01T00:00:00+00:00")
        assert report.failed == 1 and [p.source for p in report.problems if p.kind == "error"] == [str(victim)]
        assert "write failed" in report.problems[-1].message
        victim_facts = [
            r for r in store.cypher("MATCH (d:Document) RETURN d.uri AS uri") if r["uri"] == victim.resolve().as_uri()
        ]
        assert victim_facts == []
        # Person resolution saw the victim's persons too, so compare what is independent of it: counts of
        # everything but persons, and the documents.
        got, want = store.counts(), clean_store.counts()
        for label in ("Document", "Paper", "Meeting", "AgendaItem", "Decision"):
            assert got["nodes"].get(label, 0) == want["nodes"].get(label, 0), label
    finally:
        store.close()
        clean_store.close()


# --- OParl: any JSON into the mapping and the quirks ----------------------------------------------

OPARL_SPEC = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "oparl-spec-examples"
OPARL_KEYS = [
    "id", "type", "name", "shortName", "body", "organization", "person", "membership", "meeting", "paper",
    "agendaItem", "consultation", "auxiliaryFile", "mainFile", "location", "start", "end", "date", "startDate",
    "endDate", "modified", "created", "deleted", "cancelled", "classification", "organizationType", "paperType",
    "reference", "result", "resolutionText", "role", "votingRight", "onBehalfOf", "number", "order", "public",
    "authoritative", "underDirectionOf", "originatorPerson", "originatorOrganization", "relatedPaper",
    "superordinatedPaper", "subordinatedPaper", "familyName", "givenName", "formOfAddress", "title", "ags",
    "legislativeTerm", "web", "accessUrl", "text", "keyword",
]  # fmt: skip
OPARL_TYPES = ["Body", "LegislativeTerm", "Organization", "Person", "Membership", "Meeting", "AgendaItem",
               "Paper", "Consultation", "File", "Location", "System", "Nonsense"]  # fmt: skip

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.sampled_from(["", "N/A", " ", "2024-02-30", "31.12.2020", "1900-01-01T00:00:00Z", "null"])
    | st.sampled_from([f"https://oparl.example/{t.lower()}/1" for t in OPARL_TYPES])
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(OPARL_KEYS), inner, max_size=5),
    max_leaves=20,
)


@st.composite
def oparl_object(draw: st.DrawFn) -> dict[str, Any]:
    obj = draw(st.dictionaries(st.sampled_from(OPARL_KEYS), json_values, max_size=12))
    if draw(st.booleans()):
        obj["type"] = f"https://schema.oparl.org/1.{draw(st.sampled_from('01'))}/{draw(st.sampled_from(OPARL_TYPES))}"
    if draw(st.booleans()):
        obj["id"] = f"https://oparl.example/{draw(st.sampled_from(OPARL_TYPES)).lower()}/{draw(st.integers(0, 5))}"
    return obj


def _spec_objects() -> list[dict[str, Any]]:
    if not OPARL_SPEC.exists():
        return []
    return [json.loads(p.read_text()) for p in sorted(OPARL_SPEC.glob("*.json"))]


@st.composite
def mutated_spec_object(draw: st.DrawFn) -> dict[str, Any]:
    """A real OParl example with some fields replaced by garbage or dropped."""
    specs = _spec_objects()
    if not specs:
        return draw(oparl_object())
    obj = json.loads(json.dumps(draw(st.sampled_from(specs))))
    for _ in range(draw(st.integers(1, 6))):
        key = draw(st.sampled_from(sorted(obj) or ["id"]))
        if draw(st.booleans()):
            obj.pop(key, None)
        else:
            obj[key] = draw(json_values)
    return obj


def _check_mapped(mapped) -> None:
    for node in mapped.batch.nodes:
        validate_node(node)
    for edge in mapped.batch.edges:
        validate_edge(edge)
    node_rows(mapped.batch)
    edge_rows(mapped.batch)
    assert all(p.message for p in mapped.problems)


@settings(FUZZ, max_examples=100)
@given(objects=st.lists(oparl_object() | mutated_spec_object() | json_values, max_size=8),
       expected=st.sampled_from([None, *OPARL_TYPES]))  # fmt: skip
def test_oparl_mapping_takes_any_json(objects: list[Any], expected: str | None) -> None:
    from ratsgraph.loaders.oparl.mapping import Context, map_objects

    ctx = Context(body_key="fuzz", today="2024-01-01")
    _check_mapped(map_objects(objects, ctx, expected))
    json.dumps(ctx.to_json())  # the cursor can always save what the mapping learned
    # And a second page on the context the first one taught.
    _check_mapped(map_objects(list(reversed(objects)), ctx, expected))


@settings(FUZZ, max_examples=100)
@given(payload=json_values, raw=st.binary(max_size=300))
def test_oparl_quirks_take_any_json(payload: Any, raw: bytes) -> None:
    from ratsgraph.loaders.oparl import quirks

    for value in (payload, raw.decode("latin-1")):
        page = quirks.coerce_list_page(value)
        assert isinstance(page, dict) and isinstance(page["data"], list) and isinstance(page["links"], dict)
        assert isinstance(quirks.single_body_as_list(value)["data"], list)
        assert quirks.error_404_as_empty_list(404, value) in (None, quirks.empty_list_page())
        assert isinstance(quirks.as_list(value), list)
        assert quirks.as_url(value) is None or isinstance(quirks.as_url(value), str)
        assert quirks.clean_date(value) is None or len(quirks.clean_date(value)) == 10
        quirks.clean_text(value)
        quirks.fix_ags(value)
        quirks.short_type(value)
        if isinstance(value, dict):
            quirks.infer_type(value, None)
    for data in (raw, json.dumps(payload).encode()[: len(raw)]):
        try:
            quirks.parse_json_lenient(data)
        except ValueError:
            pass  # invalid or truncated JSON is a ValueError (retried as a transport fault), nothing else


def test_an_engine_error_in_a_write_keeps_its_message_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    """Ladybug ends the transaction itself when a statement fails; the error must say why, not 'no ROLLBACK'."""
    from ratsgraph.graph.store import statements
    from ratsgraph.graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "graph.lbug", buffer_pool_mb=1024)
    store.ensure_schema()
    try:
        doc = document_from_bytes(SEED_PATHS[0].read_bytes(), str(SEED_PATHS[0]), "text/plain")
        batch = parse_document(doc, COUNCIL).batch
        assert batch.edges
        monkeypatch.setattr(statements, "merge_edges", lambda *a, **k: "RETURN 1 / 0 AS written")
        with pytest.raises(Exception, match="(?i)divide by zero"):
            store.write(GraphBatch(nodes=[doc.node("2024-01-01"), *batch.nodes], edges=batch.edges))
        monkeypatch.undo()
        assert store.counts()["nodes"] == {} or sum(store.counts()["nodes"].values()) == 0
    finally:
        store.close()
