"""Scale-out on Neo4j, exercised on the single-instance test server (see docs/scale-out.md).

- a `neo4j://` (routing) URI works: the driver asks the server for a routing table and sends
  read transactions to readers, which on one instance is the instance itself;
- two writers loading partitions in parallel, all of them MERGE-ing the same organisation
  nodes, finish without a deadlock failure and leave exactly the expected graph: the store
  sorts every statement's rows by id (one lock order for all writers) and `execute_write`
  retries transient errors (a deadlock is one) — any retry is logged by the driver.
"""

from __future__ import annotations

import logging
import threading
import zlib

from ratsgraph.graph.model import Edge, Evidence, GraphBatch, Node
from ratsgraph.graph.store.neo4j import Neo4jStore

DOC = "doc/scaleout0000000"
FACTIONS = [f"t/org/faction-{k:02d}" for k in range(12)]


def _routing(uri: str) -> str:
    return "neo4j://" + uri.split("://", 1)[1]


def test_a_routing_uri_runs_named_reads_and_writes(neo4j_uri, neo4j_store):
    store = Neo4jStore(_routing(neo4j_uri))
    try:
        assert store.uri.startswith("neo4j://")
        store.write(GraphBatch(nodes=[Node(label="Document", id=DOC, props={"name": "d", "uri": "file:///d"})]))
        assert store.read("ping")
        assert store.counts()["nodes"] == {"Document": 1}
    finally:
        store.close()


def _partition_batches(partition: int, partitions: int, papers: int, per_batch: int) -> list[GraphBatch]:
    """The papers whose id hashes to `partition`, each batch also MERGE-ing every (shared) faction."""
    ids = [f"t/paper/{i:05d}" for i in range(papers)]
    mine = [p for p in ids if zlib.crc32(p.encode()) % partitions == partition]
    batches = []
    for k in range(0, len(mine), per_batch):
        nodes = [Node(label="Document", id=DOC, props={"name": "d", "uri": "file:///d"})]
        nodes += [Node(label="Faction", id=f, props={"name": f, "aliases": [f"p{partition}"]}) for f in FACTIONS]
        edges = []
        for j, pid in enumerate(mine[k : k + per_batch]):
            ev = Evidence(document_id=DOC, start=j, end=j + 1, text="x")
            nodes.append(Node(label="Paper", id=pid, props={"name": pid, "kind": "motion"}, evidence=(ev,)))
            for f in FACTIONS[j % 3 :: 3]:  # every batch touches every faction
                edges.append(
                    Edge(
                        type="SUBMITTED",
                        source=f,
                        source_label="Faction",
                        target=pid,
                        target_label="Paper",
                        evidence=ev,
                    )
                )
        batches.append(GraphBatch(nodes=nodes, edges=edges))
    return batches


def test_two_parallel_writers_with_overlapping_organisations_do_not_fail(neo4j_uri, neo4j_store, caplog):
    papers, partitions = 4_000, 2
    errors: list[BaseException] = []

    def writer(partition: int) -> None:
        store = Neo4jStore(_routing(neo4j_uri))
        try:
            for batch in _partition_batches(partition, partitions, papers, per_batch=250):
                store.write(batch)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            store.close()

    with caplog.at_level(logging.WARNING, logger="neo4j"):
        threads = [threading.Thread(target=writer, args=(p,)) for p in range(partitions)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    retries = [r.getMessage() for r in caplog.records if "will be retried" in r.getMessage()]
    print(f"transient errors retried by the driver: {len(retries)}", *(r[:300] for r in retries[:3]), sep="\n  ")
    counts = neo4j_store.counts()
    assert counts["nodes"] == {"Document": 1, "Faction": len(FACTIONS), "Paper": papers}
    expected_submitted = sum(
        len(FACTIONS[j % 3 :: 3])
        for p in range(partitions)
        for b in _partition_batches(p, partitions, papers, 250)
        for j in range(len(b.nodes) - 1 - len(FACTIONS))
    )
    assert counts["relationships"]["SUBMITTED"] == expected_submitted
    aliases = neo4j_store.cypher("MATCH (f:Faction) RETURN f.aliases AS a")
    assert all(sorted(row["a"]) == ["p0", "p1"] for row in aliases)  # both writers' list union survived
