"""import_oparl end to end: the Hürtgenwald dump from files and from a real local HTTP server."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from oparl_test_server import ServerState

from ratsgraph.graph.model import ORGANIZATION_LABELS, GraphBatch, validate_edge, validate_node
from ratsgraph.loaders.oparl import ClientOptions, import_oparl, is_oparl_dump
from ratsgraph.loaders.oparl.client import OParlClient

FAST = ClientOptions(requests_per_second=0, backoff=0.01, max_backoff=0.05, retries=4, timeout=10, concurrency=4)
TODAY = "2023-07-03"


# --- expected counts, read from the dump's JSON independently of the loader ------------------


def expected_counts(root: Path, since: str | None = None) -> dict[str, int]:
    def objects(kind: str) -> list[dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for path in sorted((root / "body" / "1").glob(f"{kind}*.json")):
            for obj in json.loads(path.read_text(encoding="utf-8"))["data"]:
                found[obj["id"]] = obj
        items = list(found.values())
        if since:
            items = [o for o in items if o["modified"] >= since]
        return items

    persons, orgs, meetings, papers = (objects(k) for k in ("person", "organization", "meeting", "paper"))
    return {
        "persons": len(persons),
        "memberships": sum(len(p.get("membership", [])) for p in persons),
        "organizations": len(orgs),
        "meetings": len(meetings),
        "deleted_meetings": sum(1 for m in meetings if m.get("deleted")),
        "agenda_items": sum(len(m.get("agendaItem", [])) for m in meetings),
        "papers": len(papers),
        "deleted_papers": sum(1 for p in papers if p.get("deleted")),
    }


def graph_counts(batches: list[GraphBatch]) -> dict[str, int]:
    nodes: dict[str, tuple[str, dict[str, Any]]] = {}
    memberships = set()
    for batch in batches:
        for node in batch.nodes:
            validate_node(node)
            nodes[node.id] = (node.label, node.props)
        for edge in batch.edges:
            validate_edge(edge)
            if edge.type == "MEMBER_OF":
                memberships.add(edge.props["oparl_id"])
    labels = Counter(label for label, _ in nodes.values())
    deleted = Counter(label for label, props in nodes.values() if props.get("deleted"))
    return {
        "persons": labels["Person"],
        "memberships": len(memberships),
        "organizations": sum(labels[label] for label in ORGANIZATION_LABELS),
        "meetings": labels["Meeting"],
        "deleted_meetings": deleted["Meeting"],
        "agenda_items": labels["AgendaItem"],
        "papers": labels["Paper"],
        "deleted_papers": deleted["Paper"],
    }


def no_dangling_edges(batches: list[GraphBatch]) -> None:
    """Every edge names nodes written in this or an earlier batch (the stores refuse anything else)."""
    seen: set[str] = set()
    for batch in batches:
        seen.update(node.id for node in batch.nodes)
        for edge in batch.edges:
            assert edge.source in seen and edge.target in seen, edge


def shape(batches: list[GraphBatch]) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    nodes = {(n.label, n.id) for b in batches for n in b.nodes}
    edges = {(e.type, e.source, e.target) for b in batches for e in b.edges}
    return nodes, edges


# --- files ---------------------------------------------------------------------------------------


def test_is_oparl_dump(corpus: Path, tmp_path: Path) -> None:
    assert is_oparl_dump(corpus / "huertgenwald-oparl")
    assert is_oparl_dump(corpus / "karlsruhe-oparl")
    assert is_oparl_dump(corpus / "oparl-spec-examples" / "Paper-01.json")
    assert not is_oparl_dump(corpus / "ratslotse-fixtures")
    (tmp_path / "x.json").write_text('{"hello": 1}')
    assert not is_oparl_dump(tmp_path)


def test_huertgenwald_from_files_counts_equal_the_dump(huertgenwald: Path) -> None:
    batches: list[GraphBatch] = []
    report = import_oparl(str(huertgenwald), sink=batches.append, today=TODAY)
    assert report.complete
    assert graph_counts(batches) == expected_counts(huertgenwald)
    no_dangling_edges(batches)
    assert report.bodies == ["05358016"]  # 7-digit AGS repaired
    assert report.counts["Person"] == 49 and report.counts["Membership"] == 533
    assert report.pages == 1 + 1 + 2 + 15 + 85  # body list + one page per list page
    assert len(batches) == report.batches
    # Hürtgenwald's "einstimmig, 0 Enthaltungen" results became decisions on papers.
    outcomes = Counter(n.props["outcome"] for b in batches for n in b.nodes if n.label == "Decision")
    assert outcomes["adopted"] > 1000
    assert sum(1 for b in batches for e in b.edges if e.type == "ON") > 1000
    kinds = Counter(p.kind for p in report.problems)
    assert set(kinds) <= {"unknown_result", "consultation_without_agenda_item"}


def test_loose_folder_karlsruhe(corpus: Path) -> None:
    batches: list[GraphBatch] = []
    parsed: list[tuple[str, str]] = []

    def parser(text: str, uri: str) -> GraphBatch:
        parsed.append((uri, text[:20]))
        return GraphBatch()

    report = import_oparl(
        str(corpus / "karlsruhe-oparl"), sink=batches.append, today="2025-07-01", file_text_parser=parser
    )
    no_dangling_edges(batches)
    counts = Counter(n.label for b in batches for n in b.nodes)
    assert counts["Paper"] == 161 and counts["Meeting"] == 6 and counts["Body"] == 1
    assert report.counts["Organization"] == 97
    assert parsed, "sidecar file texts reach the hook"


# --- a real local server -------------------------------------------------------------------------


def test_huertgenwald_from_local_server_with_faults(oparl_server: ServerState, huertgenwald: Path) -> None:
    faults = oparl_server.faults
    faults.fail["/oparl/body/1/paper?page=3"] = 2  # two HTTP 500s, then fine
    faults.truncate["/oparl/body/1/meeting?page=2"] = 1  # one truncated body
    faults.slow["/oparl/body/1/paper?page=5"] = 0.3
    faults.control["/oparl/body/1/person?page=2"] = True  # raw control characters in names
    batches: list[GraphBatch] = []
    progress: list[tuple[str, int]] = []
    report = import_oparl(
        oparl_server.base + "system",
        sink=batches.append,
        today=TODAY,
        client_options=FAST,
        progress=lambda kind, n: progress.append((kind, n)),
    )
    assert report.complete, report.problems
    assert graph_counts(batches) == expected_counts(huertgenwald)
    no_dangling_edges(batches)
    assert report.retries >= 3
    assert report.pages >= 104
    names = [n.props.get("name", "") for b in batches for n in b.nodes if n.label == "Person"]
    assert names and not any(ch < " " for name in names for ch in name)
    assert progress[-1][0] == "Paper"


def test_server_and_files_give_the_same_graph_shape(oparl_server: ServerState, huertgenwald: Path) -> None:
    from_files: list[GraphBatch] = []
    import_oparl(str(huertgenwald), sink=from_files.append, today=TODAY)
    from_server: list[GraphBatch] = []
    import_oparl(oparl_server.base + "system", sink=from_server.append, today=TODAY, client_options=FAST)
    files_nodes, files_edges = shape(from_files)
    server_nodes, server_edges = shape(from_server)
    assert Counter(label for label, _ in files_nodes) == Counter(label for label, _ in server_nodes)
    assert Counter(t for t, _, _ in files_edges) == Counter(t for t, _, _ in server_edges)


def test_404_error_json_is_an_empty_list(oparl_server: ServerState) -> None:
    oparl_server.faults.error404["/oparl/body/1/person"] = True
    batches: list[GraphBatch] = []
    report = import_oparl(oparl_server.base + "body", sink=batches.append, today=TODAY, client_options=FAST)
    assert report.complete
    assert report.counts.get("Person", 0) == 0
    assert graph_counts(batches)["meetings"] == 367
    with OParlClient(FAST) as client:
        pages = list(client.iter_list(oparl_server.base + "body/1/person"))
    assert [p.payload["data"] for p in pages] == [[]]


def test_gives_up_on_a_dead_page_and_resumes_there(
    oparl_server: ServerState, huertgenwald: Path, tmp_path: Path
) -> None:
    cursor = tmp_path / "cursor.json"
    oparl_server.faults.fail["/oparl/body/1/meeting?page=7"] = 1000
    first: list[GraphBatch] = []
    options = ClientOptions(requests_per_second=0, backoff=0.01, max_backoff=0.02, retries=2, concurrency=2)
    report = import_oparl(
        oparl_server.base + "system", sink=first.append, cursor_path=cursor, today=TODAY, client_options=options
    )
    assert not report.complete
    assert [p.kind for p in report.problems if p.kind == "fetch_failed"] == ["fetch_failed"]
    saved = json.loads(cursor.read_text())
    assert any(s["next_url"] and "page=7" in s["next_url"] for s in saved["lists"].values())
    oparl_server.faults.fail.clear()
    second: list[GraphBatch] = []
    report2 = import_oparl(
        oparl_server.base + "system", sink=second.append, cursor_path=cursor, today=TODAY, client_options=FAST
    )
    assert report2.complete
    assert graph_counts(first + second) == expected_counts(huertgenwald)


class Interrupted(Exception):
    pass


@pytest.mark.parametrize("source_kind", ["files", "server"])
def test_resume_after_interrupt_equals_full_import(
    source_kind: str, oparl_server: ServerState, huertgenwald: Path, tmp_path: Path
) -> None:
    source = str(huertgenwald) if source_kind == "files" else oparl_server.base + "system"
    full: list[GraphBatch] = []
    import_oparl(source, sink=full.append, today=TODAY, client_options=FAST)

    cursor = tmp_path / "cursor.json"
    first: list[GraphBatch] = []

    def crashing_sink(batch: GraphBatch) -> None:
        if len(first) == 40:  # somewhere in the meeting pages
            raise Interrupted
        first.append(batch)

    with pytest.raises(Interrupted):
        import_oparl(source, sink=crashing_sink, cursor_path=cursor, today=TODAY, client_options=FAST)
    second: list[GraphBatch] = []
    report = import_oparl(source, sink=second.append, cursor_path=cursor, today=TODAY, client_options=FAST)
    assert report.complete
    assert len(second) < len(full) - 30  # it continued, it did not start over
    assert shape(first + second) == shape(full)
    no_dangling_edges(first + second)
    assert graph_counts(first + second) == expected_counts(huertgenwald)
    # the finished cursor keeps the run's start time for the next incremental sync
    saved = json.loads(cursor.read_text())
    assert saved["last_complete"] and not saved["lists"]


def test_incremental_sync_keeps_modified_since_on_every_page(
    oparl_server: ServerState, huertgenwald: Path, tmp_path: Path
) -> None:
    since = "2020-01-01T00:00:00.123456+01:00"
    batches: list[GraphBatch] = []
    report = import_oparl(
        oparl_server.base + "system",
        sink=batches.append,
        since=since,
        today=TODAY,
        client_options=FAST,
        cursor_path=tmp_path / "c.json",
    )
    assert report.complete
    expected = expected_counts(huertgenwald, since="2019-12-31T23:00:00")
    got = graph_counts(batches)
    for key in ("persons", "meetings", "papers", "agenda_items"):
        assert got[key] == expected[key], key
    # Organisations were fetched in full: the run had no labels for them yet.
    assert got["organizations"] == 22
    list_requests = [r for r in oparl_server.requests if "/body/1/" in r and "organization" not in r]
    paged = [r for r in list_requests if "page=" in r]
    assert paged, "the lists have more than one page"
    assert all("modified_since=2019-12-31T23:00:00Z" in r for r in list_requests)  # no microseconds, UTC
    # a second run with the same cursor asks only for what changed since the first run started
    oparl_server.requests.clear()
    again: list[GraphBatch] = []
    import_oparl(
        oparl_server.base + "system",
        sink=again.append,
        today=TODAY,
        client_options=FAST,
        cursor_path=tmp_path / "c.json",
    )
    assert all("modified_since=" in r for r in oparl_server.requests if "/body/1/" in r)
    assert graph_counts(again)["papers"] == 0


def test_body_selection(huertgenwald: Path) -> None:
    batches: list[GraphBatch] = []
    report = import_oparl(str(huertgenwald), sink=batches.append, body="05358016", today=TODAY)
    assert report.bodies == ["05358016"]
    from ratsgraph.loaders.oparl import FetchError

    with pytest.raises(FetchError):
        import_oparl(str(huertgenwald), sink=batches.append, body="Stadt Dortmund", today=TODAY)


# --- into the embedded store --------------------------------------------------------------------


def test_huertgenwald_into_embedded_store(huertgenwald: Path, tmp_path: Path) -> None:
    embedded = pytest.importorskip("ratsgraph.graph.store.embedded")
    store = embedded.EmbeddedStore(tmp_path / "graph.lbug")
    try:
        store.ensure_schema()
        batches: list[GraphBatch] = []

        def sink(batch: GraphBatch) -> None:
            batches.append(batch)
            store.write(batch)

        report = import_oparl(str(huertgenwald), sink=sink, today=TODAY)
        assert report.complete
        expected = expected_counts(huertgenwald)
        counts = store.counts()
        nodes, rels = counts["nodes"], counts["relationships"]
        assert nodes["Person"] == expected["persons"]
        assert nodes["Meeting"] == expected["meetings"]
        assert nodes["AgendaItem"] == expected["agenda_items"]
        assert nodes["Paper"] == expected["papers"]
        assert sum(nodes.get(label, 0) for label in ORGANIZATION_LABELS) == expected["organizations"]
        # A person's several memberships in one organisation (periods, roles) stay apart: MEMBER_OF is keyed.
        assert rels["MEMBER_OF"] == expected["memberships"]
        assert rels["HAS_ITEM"] == expected["agenda_items"]
    finally:
        store.close()
