"""Full load of a synthetic council at a given scale, per store: wall time, rows/s and peak memory.

Each store loads in its own child process, so each one's peak RSS (getrusage) is its own.
The embedded store runs inside the client process (its RSS includes the engine and its
buffer pool); Neo4j runs in a separate JVM, whose peak RSS the parent samples with psutil
next to the client's.

    python benchmarks/full_load.py                     # scale 0.05: ~1–3 minutes per store
    python benchmarks/full_load.py --scale 0.1         # ~440k rows
    python benchmarks/full_load.py --scale 1.0 --neo4j-heap 4g --neo4j-pagecache 4g   # big city, ~4M rows
    python benchmarks/full_load.py --stores embedded --keep /tmp/big.lbug             # keep the store

Writes benchmarks/results/full_load.json (and full_load_scale<X>.json for non-default scales).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import (  # noqa: E402
    PeakRSS,
    SyntheticCouncil,
    clear_neo4j,
    max_rss_mb,
    neo4j_version,
    save_result,
    start_neo4j,
    table,
)

DEFAULT_SCALE = 0.05


def load(store: Any, council: SyntheticCouncil) -> dict[str, Any]:
    """Write every batch of the council; time the generator and the store separately."""
    generate_s = write_s = 0.0
    batches = rows = 0
    started = time.perf_counter()
    iterator = council.batches()
    while True:
        t0 = time.perf_counter()
        batch = next(iterator, None)
        t1 = time.perf_counter()
        generate_s += t1 - t0
        if batch is None:
            break
        summary = store.write(batch)
        write_s += time.perf_counter() - t1
        batches += 1
        rows += summary.nodes + summary.edges
        if batches % 100 == 0:  # progress on stderr, which the parent passes through
            print(
                f"  [{store.engine}] {batches} batches, {rows:,} rows, {time.perf_counter() - started:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    wall = time.perf_counter() - started
    nodes = sum(council.stats["nodes"].values())
    edges = sum(council.stats["relationships"].values())
    counts = store.counts()
    return {
        "batches": batches,
        "nodes": nodes,
        "relationships": edges,
        "rows_written": rows,
        "wall_s": round(wall, 1),
        "generate_s": round(generate_s, 1),
        "write_s": round(write_s, 1),
        "rows_per_s": round(rows / write_s, 1) if write_s else None,
        "counts_match": counts["nodes"] == dict(council.stats["nodes"])
        and counts["relationships"] == dict(council.stats["relationships"]),
    }


def child(args: argparse.Namespace) -> int:
    """One store's load, in this process; prints one JSON line."""
    council = SyntheticCouncil(scale=args.scale, seed=args.seed, chunk_rows=args.chunk_rows)
    result: dict[str, Any] = {"store": args.child}
    if args.child == "embedded":
        from ratsgraph.graph.store.embedded import EmbeddedStore

        path = Path(args.path)
        store = EmbeddedStore(path, buffer_pool_mb=args.buffer_pool_mb)
        store.ensure_schema()
        result.update(load(store, council))
        store.close()
        size = sum(f.stat().st_size for f in path.parent.rglob("*") if f.is_file())
        result["disk_mb"] = round(size / 2**20, 1)
    else:
        from ratsgraph.graph.store.neo4j import Neo4jStore

        store = Neo4jStore(args.uri, password=os.environ.get("RATSGRAPH_NEO4J_PASSWORD"))
        store.ensure_schema()
        clear_neo4j(store)
        result["engine"] = neo4j_version(store)
        result.update(load(store, council))
        store.close()
    result["client_peak_rss_mb"] = max_rss_mb()
    print("RESULT " + json.dumps(result), flush=True)
    return 0


def run_child(args: argparse.Namespace, store: str, **extra: str) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        store,
        "--scale",
        str(args.scale),
        "--seed",
        str(args.seed),
        "--chunk-rows",
        str(args.chunk_rows),
        "--buffer-pool-mb",
        str(args.buffer_pool_mb),
    ]
    for key, value in extra.items():
        cmd += [f"--{key}", value]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)  # stderr: passed through
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{store} load failed (exit code {proc.returncode}; its stderr is above)")
    return json.loads(lines[-1][len("RESULT ") :])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="full load of a synthetic council, per store")
    parser.add_argument("--scale", type=float, default=DEFAULT_SCALE)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunk-rows", type=int, default=5_000)
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--buffer-pool-mb", type=int, default=2048, help="embedded store buffer pool")
    parser.add_argument("--neo4j-uri", default=os.environ.get("RATSGRAPH_BENCH_NEO4J_URI"))
    parser.add_argument("--neo4j-heap", default="2g")
    parser.add_argument("--neo4j-pagecache", default="2g")
    parser.add_argument("--keep", help="keep the embedded store at this path (e.g. for query_latency.py --embedded)")
    parser.add_argument("--result-name", help="name of the JSON in benchmarks/results/ (default from the scale)")
    parser.add_argument("--child", choices=["embedded", "neo4j"], help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    parser.add_argument("--uri", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)

    council = SyntheticCouncil(scale=args.scale, seed=args.seed)
    print(f"full load, scale {args.scale}, seed {args.seed}: {council.planned()}")
    results: list[dict[str, Any]] = []
    stores = args.stores.split(",")
    if "embedded" in stores:
        tmp = Path(tempfile.mkdtemp(prefix="ratsgraph-full-load-"))
        path = Path(args.keep) if args.keep else tmp / "graph.lbug"
        if args.keep and path.exists():
            raise SystemExit(f"{path} exists; choose a new --keep path")
        try:
            result = run_child(args, "embedded", path=str(path))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        results.append(result)
        print(f"  embedded: {result}")
    if "neo4j" in stores:
        server = None if args.neo4j_uri else start_neo4j(heap=args.neo4j_heap, pagecache=args.neo4j_pagecache)
        uri = args.neo4j_uri or server.uri
        try:
            with PeakRSS(server.process.pid if server else None) as jvm:
                result = run_child(args, "neo4j", uri=uri)
            result["server_peak_rss_mb"] = jvm.mb if server else None
            result["server"] = (
                f"test server JVM, heap {args.neo4j_heap}, page cache {args.neo4j_pagecache}" if server else uri
            )
        finally:
            if server is not None:
                server.stop()
        results.append(result)
        print(f"  neo4j: {result}")

    print()
    columns = [
        "store",
        "nodes",
        "relationships",
        "rows_written",
        "wall_s",
        "generate_s",
        "write_s",
        "rows_per_s",
        "client_peak_rss_mb",
        "server_peak_rss_mb",
        "disk_mb",
        "counts_match",
    ]
    print(table(results, columns))
    by_store = {r["store"]: r for r in results}
    ratio = None
    if "embedded" in by_store and "neo4j" in by_store:
        ratio = round(by_store["neo4j"]["write_s"] / by_store["embedded"]["write_s"], 2)
        print(f"\nwrite time neo4j / embedded: {ratio}x")
    name = args.result_name or ("full_load" if args.scale == DEFAULT_SCALE else f"full_load_scale{args.scale:g}")
    path = save_result(
        name,
        {
            "command": "python benchmarks/full_load.py " + " ".join(argv if argv is not None else sys.argv[1:]),
            "params": {k: v for k, v in vars(args).items() if k not in ("child", "path", "uri", "result_name")},
            "planned": council.planned(),
            "results": results,
            "write_time_ratio_neo4j_over_embedded": ratio,
            "note": "client_peak_rss_mb: getrusage of the loading process (embedded: includes the engine and its "
            "buffer pool); server_peak_rss_mb: the Neo4j JVM, sampled with psutil every 0.1 s",
        },
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
