"""Batched UNWIND writes vs one statement per row, on Neo4j and on the embedded store, in one run.

Both sides go through `GraphStore.write`, i.e. the same generated `UNWIND $rows AS row MERGE ...`
statements in one transaction per call: batched with 1,000–5,000 rows per `$rows` list, per row
with a one-row list and one transaction per row. Two workloads: Paper nodes (all declared
properties, fresh ids: every MERGE creates) and REFERENCES relationships between papers that exist.

    python benchmarks/write_batching.py                 # ~2 minutes
    python benchmarks/write_batching.py --rows 50000 --single-rows 5000
    python benchmarks/write_batching.py --neo4j-uri bolt://host:7687   # an existing, EMPTY database

Writes benchmarks/results/write_batching.json.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import clear_neo4j, neo4j_version, save_result, start_neo4j, table  # noqa: E402

from ratsgraph.graph.model import Edge, GraphBatch, Node  # noqa: E402


def paper(prefix: str, i: int) -> Node:
    ref = f"{i:05d}-{prefix}"
    return Node(
        label="Paper",
        id=f"bench/paper/{prefix}-{i}",
        props={
            "name": f"Antrag {ref}",
            "reference": ref,
            "title": f"Radverkehr in Hörde: Umsetzungskonzept {i}",
            "paper_type": "Antrag zur Tagesordnung",
            "kind": "motion",
            "date": f"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        },
    )


def reference(prefix: str, i: int) -> Edge:
    return Edge(
        type="REFERENCES",
        source=f"bench/paper/{prefix}-{i}",
        source_label="Paper",
        target=f"bench/paper/{prefix}-{i - 1}",
        target_label="Paper",
        props={"evidence": f"Drucksache Nr.: {i - 1:05d}", "source": "doc/bench", "start": 0, "end": 20},
    )


def run(store: Any, items: list, kind: str, batch_size: int) -> float:
    """Seconds to write `items` with `batch_size` rows per store.write (1: one transaction per row)."""
    started = time.perf_counter()
    for k in range(0, len(items), batch_size):
        chunk = items[k : k + batch_size]
        store.write(GraphBatch(nodes=chunk) if kind == "nodes" else GraphBatch(edges=chunk))
    return time.perf_counter() - started


def bench_store(name: str, store: Any, rows: int, single_rows: int, batch_sizes: list[int]) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    store.ensure_schema()
    # warm-up: the engines plan and cache each statement once
    warm = [paper("warm", i) for i in range(200)]
    run(store, warm, "nodes", 100)
    run(store, [reference("warm", i) for i in range(1, 200)], "edges", 100)
    for kind in ("nodes", "edges"):
        single = None
        for size in [1, *batch_sizes]:
            n = single_rows if size == 1 else rows
            prefix = f"b{size}"
            if kind == "nodes":
                items: list = [paper(prefix, i) for i in range(n)]
            else:
                items = [reference(prefix, i) for i in range(1, n)]
            seconds = run(store, items, kind, size)
            rate = len(items) / seconds
            if size == 1:
                single = rate
            results.append(
                {
                    "store": name,
                    "workload": "Paper nodes (MERGE)" if kind == "nodes" else "REFERENCES edges (MATCH+MERGE)",
                    "rows_per_write": size,
                    "rows": len(items),
                    "seconds": round(seconds, 3),
                    "rows_per_s": round(rate, 1),
                    "vs_per_row": round(rate / single, 1) if single else None,
                }
            )
            print(f"  {name} {kind} rows/write={size}: {len(items):,} rows in {seconds:.2f} s = {rate:,.0f} rows/s")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="batched UNWIND writes vs one statement per row")
    parser.add_argument("--rows", type=int, default=20_000, help="rows per batched run (per batch size)")
    parser.add_argument("--single-rows", type=int, default=2_000, help="rows written one transaction each")
    parser.add_argument("--batch-sizes", default="1000,5000")
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--neo4j-uri", default=os.environ.get("RATSGRAPH_BENCH_NEO4J_URI"))
    args = parser.parse_args(argv)
    batch_sizes = [int(x) for x in args.batch_sizes.split(",")]
    stores = args.stores.split(",")
    results: list[dict[str, Any]] = []
    engine_versions: dict[str, Any] = {}

    if "embedded" in stores:
        from ratsgraph.graph.store.embedded import EmbeddedStore

        with tempfile.TemporaryDirectory(prefix="ratsgraph-bench-") as tmp:
            store = EmbeddedStore(Path(tmp) / "graph.lbug", buffer_pool_mb=2048)
            try:
                results += bench_store("embedded", store, args.rows, args.single_rows, batch_sizes)
            finally:
                store.close()

    if "neo4j" in stores:
        from ratsgraph.graph.store.neo4j import Neo4jStore

        server = None if args.neo4j_uri else start_neo4j()
        uri = args.neo4j_uri or server.uri
        try:
            store = Neo4jStore(uri, password=os.environ.get("RATSGRAPH_NEO4J_PASSWORD"))
            engine_versions["neo4j_server"] = neo4j_version(store)
            try:
                store.ensure_schema()
                clear_neo4j(store)
                results += bench_store("neo4j", store, args.rows, args.single_rows, batch_sizes)
                clear_neo4j(store)
            finally:
                store.close()
        finally:
            if server is not None:
                server.stop()

    print()
    print(table(results, ["store", "workload", "rows_per_write", "rows", "seconds", "rows_per_s", "vs_per_row"]))
    ratios = {
        f"{r['store']} {r['workload']} {r['rows_per_write']} rows/write": r["vs_per_row"]
        for r in results
        if r["rows_per_write"] != 1
    }
    print("\nratio batched / per-row (rows/s):")
    for key, value in ratios.items():
        print(f"  {key}: {value}x")
    path = save_result(
        "write_batching",
        {
            "command": "python benchmarks/write_batching.py " + " ".join(argv if argv is not None else sys.argv[1:]),
            "params": vars(args),
            "engines": engine_versions,
            "results": results,
            "ratios": ratios,
        },
    )
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
