"""Faults: Neo4j killed in the middle of a load, and an OParl server that fails, stalls or cuts answers.

The Neo4j test runs its own server with a kept data directory: the CLI loads the seeds plus
synthetic council documents; once some documents are in, the JVM gets SIGKILL. The load must
end by itself in bounded time with a non-zero exit naming failed writes (never hang, never
claim success). The server is started again on the same data (Neo4j recovers from its
transaction log), the same load runs again, and the graph must equal a clean load exactly:
node and relationship counts and a hash of the whole node-link export (without `loaded_at`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hardening_helpers import SEEDS, fingerprint, neo4j_unavailable

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC_DOCUMENTS = 60
KILL_AFTER_DOCUMENTS = 12  # Document nodes in Neo4j when the server is killed
LOAD_DEADLINE_S = 120  # the interrupted load must end by itself well within this

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from synthetic import write_documents

    folder = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder / seed.name)
    write_documents(folder / "synthetic", SYNTHETIC_DOCUMENTS, seed=11)
    return folder


def _cli_env(uri: str, tmp: Path, auth: tuple[str, str] | None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        RATSGRAPH_STORE="neo4j",
        RATSGRAPH_NEO4J_URI=uri,
        RATSGRAPH_DATA_DIR=str(tmp / "ratsgraph-data"),
        RATSGRAPH_ENVIRONMENT="development",
    )
    env.pop("RATSGRAPH_NEO4J_DATABASE", None)
    if auth:
        env["RATSGRAPH_NEO4J_USER"], env["RATSGRAPH_NEO4J_PASSWORD"] = auth
    else:
        env.pop("RATSGRAPH_NEO4J_PASSWORD", None)
    return env


def _load_cmd(corpus: Path) -> list[str]:
    return [sys.executable, "-m", "ratsgraph.api.cli", "load", str(corpus)]


def _documents(uri: str, auth) -> int:
    import neo4j

    with neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=2) as driver:
        records, _, _ = driver.execute_query("MATCH (d:Document) RETURN count(d) AS n")
        return records[0]["n"]


def _store(server):
    from ratsgraph.graph.store.neo4j import Neo4jStore

    user, password = server.auth or (None, None)
    return Neo4jStore(server.uri, user=user, password=password)


def _clear(store) -> None:
    with store._driver.session(database=store.database) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def _dead_store_fails_fast(store) -> None:
    """A store whose server died: the first call gives up after the driver's retry time, later ones at once."""
    from ratsgraph.graph.errors import StoreUnavailable
    from ratsgraph.graph.model import GraphBatch, Node
    from ratsgraph.graph.store.neo4j import MAX_RETRY_TIME_S

    batch = GraphBatch(nodes=[Node(label="Person", id="dortmund/person/fault-test", props={"name": "Fault Test"})])
    try:
        for attempt in range(4):
            started = time.monotonic()
            with pytest.raises(StoreUnavailable):
                store.write(batch) if attempt % 2 == 0 else store.read("count_nodes")
            took = time.monotonic() - started
            assert took < (MAX_RETRY_TIME_S + 10 if attempt == 0 else 3), f"call {attempt} took {took:.1f} s"
    finally:
        store.close()


def test_neo4j_killed_mid_load_then_restarted_gives_the_clean_graph(corpus: Path, tmp_path: Path) -> None:
    from neo4j_server import start_neo4j_test_server

    data_dir = tmp_path / "neo4j-data"
    try:
        server = start_neo4j_test_server(data_dir=data_dir)
    except Exception as exc:  # noqa: BLE001 - same rule as the shared fixture
        neo4j_unavailable(str(exc))
        return
    try:
        env = _cli_env(server.uri, tmp_path, server.auth)
        load = subprocess.Popen(
            _load_cmd(corpus), env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        started = time.monotonic()
        while _documents(server.uri, server.auth) < KILL_AFTER_DOCUMENTS:
            assert load.poll() is None, "the load ended before the server could be killed: make it longer"
            assert time.monotonic() - started < 300, "the load never got going"
            time.sleep(0.05)
        written_before_kill = _documents(server.uri, server.auth)
        dead_store = _store(server)  # connected before the crash, used after it
        server.kill()
        killed = time.monotonic()
        try:
            out, err = load.communicate(timeout=LOAD_DEADLINE_S)
        except subprocess.TimeoutExpired:
            load.kill()
            out, err = load.communicate()
            pytest.fail(f"the load still ran {LOAD_DEADLINE_S} s after Neo4j died:\n{err[-3000:]}")
        ended_after = time.monotonic() - killed
        assert ended_after < 60, f"the load took {ended_after:.0f} s to notice the dead server"
        assert load.returncode != 0, "a load that lost its store must not exit 0"
        assert "write failed" in err or "unreachable" in err or "StoreUnavailable" in err, err[-3000:]
        print(f"killed with {written_before_kill} documents in; the load ended {ended_after:.1f} s later")
        _dead_store_fails_fast(dead_store)

        # The same data directory again: Neo4j recovers; the load runs again to the end.
        server = start_neo4j_test_server(data_dir=data_dir)
        recovered = _documents(server.uri, server.auth)
        assert recovered >= written_before_kill  # committed documents survived the crash
        env = _cli_env(server.uri, tmp_path, server.auth)
        rerun = subprocess.run(_load_cmd(corpus), env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        store = _store(server)
        try:
            after_crash = fingerprint(store)
            _clear(store)
        finally:
            store.close()

        clean = subprocess.run(_load_cmd(corpus), env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
        assert clean.returncode == 0, clean.stderr[-3000:]
        store = _store(server)
        try:
            clean_load = fingerprint(store)
        finally:
            store.close()
        assert after_crash[0] == clean_load[0]  # counts per label and per relationship type
        assert after_crash[0]["nodes"]["Document"] == 5 + SYNTHETIC_DOCUMENTS
        assert after_crash[1] == clean_load[1]  # the whole graph, property by property
    finally:
        server.stop()


# --- OParl server faults: retried, or reported and resumed ----------------------------------------

OPARL_TESTS = ROOT / "tests" / "loaders" / "oparl"
HUERTGENWALD = ROOT.parent / "shared" / "corpus" / "huertgenwald-oparl"
HUERTGENWALD_BASE = "https://sdnetrim.kdvz-frechen.de/rim4220/webservice/oparl/v1.0/"
TODAY = "2023-07-03"


class Once(dict):
    """A fault table whose entries fire once: `get` removes what it returns."""

    def get(self, key, default=None):  # noqa: ANN001 - dict's signature
        return self.pop(key, default)


@pytest.fixture
def oparl_server():
    if not HUERTGENWALD.exists():
        pytest.skip(f"corpus folder missing: {HUERTGENWALD}")
    sys.path.insert(0, str(OPARL_TESTS))
    from oparl_test_server import serve_dump

    with serve_dump(HUERTGENWALD, HUERTGENWALD_BASE) as state:
        yield state


def _shape(batches) -> tuple[set, set]:
    nodes = {(n.label, n.id) for b in batches for n in b.nodes}
    edges = {(e.type, e.source, e.target, e.props.get("oparl_id")) for b in batches for e in b.edges}
    return nodes, edges


def _reference(state) -> tuple[set, set]:
    """A fault-free import from the same server (ids derive from its URLs): what a faulted one must match."""
    from ratsgraph.loaders.oparl import ClientOptions, import_oparl

    batches: list = []
    options = ClientOptions(requests_per_second=0, backoff=0.01, timeout=10)
    assert import_oparl(state.base + "system", sink=batches.append, today=TODAY, client_options=options).complete
    return _shape(batches)


def test_oparl_timeout_once_is_retried(oparl_server) -> None:
    from ratsgraph.loaders.oparl import ClientOptions, import_oparl

    reference = _reference(oparl_server)
    oparl_server.faults.slow = Once({"/oparl/body/1/paper?page=4": 2.0, "/oparl/body/1/person": 2.0})
    options = ClientOptions(requests_per_second=0, backoff=0.01, max_backoff=0.05, retries=3, timeout=0.5)
    batches: list = []
    report = import_oparl(oparl_server.base + "system", sink=batches.append, today=TODAY, client_options=options)
    assert report.complete, report.problems
    assert report.retries >= 2
    assert _shape(batches) == reference


def test_oparl_dead_pages_are_reported_and_the_import_resumes(oparl_server, tmp_path: Path) -> None:
    """A page that always times out, one that always answers 500, one always cut short: named, then resumed."""
    from ratsgraph.loaders.oparl import ClientOptions, import_oparl

    reference = _reference(oparl_server)
    faults = oparl_server.faults
    faults.slow["/oparl/body/1/meeting?page=3"] = 1.0
    faults.fail["/oparl/body/1/paper?page=2"] = 10_000
    faults.truncate["/oparl/body/1/person?page=2"] = 10_000
    cursor = tmp_path / "cursor.json"
    options = ClientOptions(requests_per_second=0, backoff=0.01, max_backoff=0.02, retries=1, timeout=0.3)
    first: list = []
    report = import_oparl(
        oparl_server.base + "system", sink=first.append, cursor_path=cursor, today=TODAY, client_options=options
    )
    assert not report.complete
    failed = [p for p in report.problems if p.kind == "fetch_failed"]
    reasons = " | ".join(f"{p.source}: {p.message}" for p in failed)
    assert "meeting?page=3" in reasons and "timeout" in reasons, reasons
    assert "paper?page=2" in reasons and "HTTP 500" in reasons, reasons
    assert "person?page=2" in reasons and "invalid JSON" in reasons, reasons

    faults.slow.clear()
    faults.fail.clear()
    faults.truncate.clear()
    second: list = []
    report = import_oparl(
        oparl_server.base + "system",
        sink=second.append,
        cursor_path=cursor,
        today=TODAY,
        client_options=ClientOptions(requests_per_second=0, backoff=0.01, retries=2, timeout=10),
    )
    assert report.complete, report.problems
    assert _shape(first + second) == reference
