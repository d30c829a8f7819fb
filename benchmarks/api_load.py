"""A bounded HTTP load test on loopback: a real uvicorn server, httpx async clients, both stores.

Loads a synthetic council (benchmarks/synthetic.py) into each store, serves the API from a
uvicorn subprocess on 127.0.0.1, and sends each endpoint a fixed number of requests at 1, 10
and 50 concurrent clients. Prints req/s and p50/p95/p99 latency per engine, endpoint and level.

    python benchmarks/api_load.py                              # the page endpoints, both stores
    python benchmarks/api_load.py --engines embedded --requests 200
    python benchmarks/api_load.py --endpoint lifecycle=/papers/{paper}/lifecycle --endpoint profile=/persons/{person}

An endpoint is NAME=PATH; `{paper}` and `{person}` in PATH are filled with ids from the store, in turn.
The app is `ratsgraph.api.app:create_app` if it exists (the pages router is added when missing),
else an app with the pages router alone. Writes benchmarks/results/api_load.json.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

DEFAULT_ENDPOINTS = ["lifecycle-page=/pages/papers/{paper}", "person-page=/pages/persons/{person}"]


# --- the server side (runs in the subprocess) -------------------------------------------


def build_app(engine: str, data_dir: str, neo4j_uri: str | None):
    from fastapi import FastAPI

    os.environ["RATSGRAPH_DATA_DIR"] = data_dir
    if neo4j_uri:
        os.environ["RATSGRAPH_NEO4J_URI"] = neo4j_uri
    from ratsgraph.api.pages.router import router

    try:
        from ratsgraph.api.app import create_app

        app = create_app(engine=engine)
    except (ImportError, TypeError):
        app = FastAPI()
        if engine == "neo4j":
            from ratsgraph.graph.store.neo4j import Neo4jStore

            app.state.store = Neo4jStore(neo4j_uri)
        else:
            from ratsgraph.graph.store.embedded import EmbeddedStore

            app.state.store = EmbeddedStore(Path(data_dir) / "graph.lbug", read_only=True)
    if not any(getattr(route, "path", "") == "/pages/papers/{paper_id:path}" for route in app.routes):
        app.include_router(router)
    return app


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    app = build_app(args.engine, args.data_dir, args.neo4j_uri)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)
    return 0


# --- the client side -----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(engine: str, data_dir: str, neo4j_uri: str | None) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [sys.executable, __file__, "--serve", "--engine", engine, "--data-dir", data_dir, "--port", str(port)]
    if neo4j_uri:
        command += ["--neo4j-uri", neo4j_uri]
    process = subprocess.Popen(command)
    base = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            httpx.get(base + "/openapi.json", timeout=2)
            return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("the server did not start within 60 s")


async def run_level(base: str, paths: list[str], clients: int, requests: int, max_seconds: float) -> dict[str, Any]:
    """Send `requests` requests (cycling through `paths`) from `clients` concurrent clients; stop at `max_seconds`."""
    import httpx

    latencies: list[float] = []
    errors = 0
    counter = iter(range(requests))
    deadline = time.monotonic() + max_seconds

    async def worker() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            for i in counter:
                if time.monotonic() > deadline:
                    return
                start = time.perf_counter()
                try:
                    response = await client.get(paths[i % len(paths)])
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - start)
                errors += not ok

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    wall = time.perf_counter() - began
    ordered = sorted(latencies)

    def pct(p: float) -> float | None:
        if not ordered:
            return None
        return round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)

    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": errors,
        "req_per_s": round(len(latencies) / wall, 1) if wall else None,
        "p50_ms": round(1000 * statistics.median(ordered), 1) if ordered else None,
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
    }


def load_store(engine: str, data_dir: str, scale: float, seed: int, neo4j_uri: str | None) -> dict[str, list[str]]:
    """Write the synthetic council into the store; return sample paper and person ids."""
    from synthetic import SyntheticCouncil, clear_neo4j

    if engine == "neo4j":
        from ratsgraph.graph.store.neo4j import Neo4jStore

        store = Neo4jStore(neo4j_uri)
        clear_neo4j(store)
    else:
        from ratsgraph.graph.store.embedded import EmbeddedStore

        store = EmbeddedStore(Path(data_dir) / "graph.lbug")
    try:
        store.ensure_schema()
        for batch in SyntheticCouncil(scale=scale, seed=seed).batches():
            store.write(batch)
        papers = store.cypher(
            "MATCH (p:Paper)-[:CONSULTED_AT]->(:AgendaItem) RETURN DISTINCT p.id AS id ORDER BY id LIMIT 200"
        )
        persons = store.cypher("MATCH (p:Person)-[:SIGNED]->(:Paper) RETURN DISTINCT p.id AS id ORDER BY id LIMIT 200")
        return {"paper": [r["id"] for r in papers], "person": [r["id"] for r in persons]}
    finally:
        store.close()


def fill(template: str, ids: dict[str, list[str]]) -> list[str]:
    for key, values in ids.items():
        if "{" + key + "}" in template:
            return [template.replace("{" + key + "}", value) for value in values]
    return [template]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", nargs="+", default=["embedded", "neo4j"], choices=["embedded", "neo4j"])
    parser.add_argument("--endpoint", action="append", help="NAME=PATH with {paper} or {person}; repeatable")
    parser.add_argument("--clients", nargs="+", type=int, default=[1, 10, 50])
    parser.add_argument("--requests", type=int, default=500, help="requests per endpoint and level")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="time bound per endpoint and level")
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--neo4j-uri", help="an existing, EMPTY Neo4j; default: start the test server")
    # the subprocess
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        return serve(args)

    from synthetic import save_result, start_neo4j, table

    endpoints = [e.split("=", 1) for e in (args.endpoint or DEFAULT_ENDPOINTS)]
    rows: list[dict[str, Any]] = []
    for engine in args.engines:
        neo4j_server = None
        neo4j_uri = args.neo4j_uri
        if engine == "neo4j" and not neo4j_uri:
            neo4j_server = start_neo4j()
            neo4j_uri = neo4j_server.uri
        data_dir = tempfile.mkdtemp(prefix="ratsgraph-load-")
        try:
            began = time.perf_counter()
            ids = load_store(engine, data_dir, args.scale, args.seed, neo4j_uri)
            print(f"{engine}: loaded scale {args.scale} in {time.perf_counter() - began:.1f} s", file=sys.stderr)
            process, base = start_server(engine, data_dir, neo4j_uri)
            try:
                for name, template in endpoints:
                    paths = fill(template, ids)
                    asyncio.run(run_level(base, paths, 1, min(20, args.requests), args.max_seconds))  # warm-up
                    for clients in args.clients:
                        result = asyncio.run(run_level(base, paths, clients, args.requests, args.max_seconds))
                        rows.append({"engine": engine, "endpoint": name, **result})
                        print(table(rows[-1:]), file=sys.stderr)
            finally:
                process.terminate()
                process.wait(timeout=30)
        finally:
            if neo4j_server is not None:
                neo4j_server.stop()
    print(table(rows))
    path = save_result("api_load", {"scale": args.scale, "endpoints": dict(endpoints), "results": rows})
    print(f"written to {path}", file=sys.stderr)
    return 0 if all(r["errors"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
