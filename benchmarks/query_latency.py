"""Latency of every named read query on a synthetic council graph: median and p95, Neo4j vs embedded.

The same synthetic graph (benchmarks/synthetic.py) is loaded into both stores, then every
query of `ratsgraph.queries.query_names("read")` runs with its first `example` from the
query header; ids in the examples (Dortmund's) are replaced by real ids of the synthetic
graph of the same kind (a paper that has amendments, the person with most signatures, the
meeting with most agenda items, a decision with faction votes ...), and Dortmund words
("blockchain") by words the synthetic titles use. Each query runs once to warm up, then
repeatedly for up to --budget seconds (at least 3, at most --reps times). A `$limit` is
capped at --max-limit (default 1,000): the export queries' examples ask for pages of 100,000
rows, which measures bulk export (see rdf_export.py), not query latency.

    python benchmarks/query_latency.py                       # scale 0.05: load ~1–4 min per store
    python benchmarks/query_latency.py --scale 0.1 --budget 10
    python benchmarks/full_load.py --stores embedded --scale 1.0 --keep /tmp/big.lbug
    python benchmarks/query_latency.py --stores embedded --embedded-path /tmp/big.lbug   # reuse a loaded store

Writes benchmarks/results/query_latency.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import SyntheticCouncil, clear_neo4j, neo4j_version, save_result, start_neo4j, table  # noqa: E402

from ratsgraph.queries import get_query, query_names  # noqa: E402

DEFAULT_SCALE = 0.05
WORDS = {"blockchain": "radverkehr", "repp": "mül"}

# one representative id per kind, found with plain Cypher that both engines understand
REPRESENTATIVES = {
    "paper": "MATCH (a:Paper)-[:AMENDS]->(p:Paper) RETURN p.id AS id ORDER BY id LIMIT 2",
    "person": "MATCH (p:Person)-[:MEMBER_OF]->(:Faction) MATCH (p)-[:SIGNED]->(x:Paper) "
    "RETURN p.id AS id, count(x) AS c ORDER BY c DESC, id LIMIT 2",
    "meeting": "MATCH (m:Meeting)-[:HAS_ITEM]->(i:AgendaItem) RETURN m.id AS id, count(i) AS c "
    "ORDER BY c DESC, id LIMIT 2",
    "decision": "MATCH (f:Faction)-[:VOTED]->(d:Decision) RETURN d.id AS id, count(f) AS c ORDER BY c DESC, id LIMIT 2",
}


def representatives(store: Any) -> dict[str, list[str]]:
    found = {kind: [row["id"] for row in store.cypher(text)] for kind, text in REPRESENTATIVES.items()}
    for kind, ids in found.items():
        if not ids:
            raise SystemExit(f"no {kind} in the store: is the synthetic graph loaded?")
    return found


def map_value(value: Any, body: str, reps: dict[str, list[str]], counters: dict[str, int]) -> Any:
    """Dortmund's example value → the synthetic graph's value of the same kind."""
    if isinstance(value, list):
        return [map_value(v, body, reps, counters) for v in value]
    if not isinstance(value, str):
        return value
    if value.lower() in WORDS:
        return WORDS[value.lower()]
    if value.startswith("dortmund/"):
        parts = value.split("/")
        kind, tail = ("decision" if "decision" in parts else "item" if "item" in parts else parts[1]), parts[-1]
        if kind in reps and tail not in ("none", "nobody"):
            k = counters.get(kind, 0)
            counters[kind] = k + 1
            return reps[kind][k % len(reps[kind])]
        return f"{body}/" + value.split("/", 1)[1]
    return value


def params_for(name: str, body: str, reps: dict[str, list[str]], max_limit: int) -> dict[str, Any]:
    query = get_query(name, "neo4j")
    if query.examples:
        counters: dict[str, int] = {}
        params = {k: map_value(v, body, reps, counters) for k, v in query.examples[0].items()}
        if isinstance(params.get("limit"), int):
            params["limit"] = min(params["limit"], max_limit)
        return params
    # no example: fill declared parameters by name
    params: dict[str, Any] = {}
    for param, typ in query.params.items():
        kind = param.removesuffix("_id")
        if kind in reps:
            params[param] = reps[kind][0]
        elif param in ("skip",):
            params[param] = 0
        elif param in ("limit",):
            params[param] = min(100, max_limit)
        elif "list" in typ:
            params[param] = []
        elif "int" in typ:
            params[param] = 0
        else:
            params[param] = ""
    return params


def measure(store: Any, name: str, params: dict[str, Any], budget: float, reps: int) -> dict[str, Any]:
    try:
        rows = len(store.read(name, **params))  # warm-up (and plan cache)
    except Exception as exc:  # noqa: BLE001 - a failing query is reported, not fatal
        return {"error": f"{exc.__class__.__name__}: {str(exc)[:200]}"}
    samples: list[float] = []
    deadline = time.perf_counter() + budget
    while len(samples) < reps and (len(samples) < 3 or time.perf_counter() < deadline):
        started = time.perf_counter()
        store.read(name, **params)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return {
        "rows": rows,
        "runs": len(samples),
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(p95, 2),
    }


def load(store: Any, scale: float, seed: int) -> dict[str, Any]:
    council = SyntheticCouncil(scale=scale, seed=seed)
    started = time.perf_counter()
    for batch in council.batches():
        store.write(batch)
    return {
        "load_s": round(time.perf_counter() - started, 1),
        "nodes": sum(council.stats["nodes"].values()),
        "relationships": sum(council.stats["relationships"].values()),
        "body": council.body,
    }


def run_store(store: Any, label: str, names: list[str], args: argparse.Namespace, loaded: bool) -> dict[str, Any]:
    info: dict[str, Any] = {}
    if not loaded:
        print(f"{label}: loading scale {args.scale} ...", flush=True)
        info = load(store, args.scale, args.seed)
        print(f"{label}: loaded {info}", flush=True)
    body = info.get("body", args.body)
    reps = representatives(store)
    results: dict[str, Any] = {}
    for name in names:
        params = params_for(name, body, reps, args.max_limit)
        results[name] = {"params": params, **measure(store, name, params, args.budget, args.reps)}
        r = results[name]
        print(f"  {label:<8} {name:<32} {r.get('median_ms', '-'):>9} ms  p95 {r.get('p95_ms', '-'):>9} ms", flush=True)
    return {"load": info, "representatives": reps, "queries": results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="named read query latency, Neo4j vs embedded")
    parser.add_argument("--scale", type=float, default=DEFAULT_SCALE)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--body", default="synthstadt", help="body key of an already loaded graph")
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds per query and store")
    parser.add_argument("--reps", type=int, default=50, help="at most this many timed runs per query")
    parser.add_argument("--queries", help="comma-separated subset of query names")
    parser.add_argument(
        "--max-limit", type=int, default=1000, help="cap on a query's $limit (the export pages ask for 100,000 rows)"
    )
    parser.add_argument("--embedded-path", help="an embedded store already holding the synthetic graph")
    parser.add_argument("--neo4j-uri", help="a Neo4j already holding the synthetic graph (not cleared)")
    parser.add_argument("--neo4j-heap", default="2g")
    parser.add_argument("--neo4j-pagecache", default="2g")
    args = parser.parse_args(argv)
    names = args.queries.split(",") if args.queries else query_names("read")
    stores = args.stores.split(",")
    per_store: dict[str, Any] = {}
    engines: dict[str, Any] = {}

    if "embedded" in stores:
        from ratsgraph.graph.store.embedded import EmbeddedStore

        with tempfile.TemporaryDirectory(prefix="ratsgraph-latency-") as tmp:
            path = Path(args.embedded_path) if args.embedded_path else Path(tmp) / "graph.lbug"
            store = EmbeddedStore(path, buffer_pool_mb=2048)
            try:
                store.ensure_schema()
                per_store["embedded"] = run_store(store, "embedded", names, args, loaded=bool(args.embedded_path))
            finally:
                store.close()

    if "neo4j" in stores:
        from ratsgraph.graph.store.neo4j import Neo4jStore

        server = None if args.neo4j_uri else start_neo4j(heap=args.neo4j_heap, pagecache=args.neo4j_pagecache)
        try:
            store = Neo4jStore(args.neo4j_uri or server.uri, password=os.environ.get("RATSGRAPH_NEO4J_PASSWORD"))
            engines["neo4j_server"] = neo4j_version(store)
            try:
                store.ensure_schema()
                if not args.neo4j_uri:
                    clear_neo4j(store)
                per_store["neo4j"] = run_store(store, "neo4j", names, args, loaded=bool(args.neo4j_uri))
            finally:
                store.close()
        finally:
            if server is not None:
                server.stop()

    rows: list[dict[str, Any]] = []
    for name in names:
        row: dict[str, Any] = {"query": name}
        for label in ("embedded", "neo4j"):
            r = per_store.get(label, {}).get("queries", {}).get(name, {})
            row[f"{label}_median_ms"] = r.get("median_ms")
            row[f"{label}_p95_ms"] = r.get("p95_ms")
            row[f"{label}_rows"] = r.get("rows")
            if "error" in r:
                row[f"{label}_median_ms"] = "error"
        e, n = row.get("embedded_median_ms"), row.get("neo4j_median_ms")
        row["neo4j/embedded"] = round(n / e, 2) if isinstance(e, float) and isinstance(n, float) and e else None
        rows.append(row)
    print()
    print(table(rows))
    errors = {
        f"{label}:{name}": r["error"]
        for label, data in per_store.items()
        for name, r in data["queries"].items()
        if "error" in r
    }
    for key, message in errors.items():
        print(f"  error {key}: {message}")
    path = save_result(
        "query_latency" if args.scale == DEFAULT_SCALE else f"query_latency_scale{args.scale:g}",
        {
            "command": "python benchmarks/query_latency.py " + " ".join(argv if argv is not None else sys.argv[1:]),
            "params": vars(args),
            "engines": engines,
            "table": rows,
            "errors": errors,
            "per_store": per_store,
        },
    )
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
