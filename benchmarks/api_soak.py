"""A bounded soak test of the HTTP API on loopback: real uvicorn, httpx async clients, both stores.

For each store: load the five seeds plus synthetic council documents, serve the API with uvicorn
on 127.0.0.1 (a subprocess, one worker), then for `--seconds` (default 10) keep `--concurrency`
clients busy with a mix of /papers, /papers/{id}, /persons/{id}, /search?q= and /meetings/{id}
(ids taken from the store). Stops by itself after the time or `--max-requests`, whichever first.
An error is any exception or any status other than 200. Prints requests/s, p50/p99 latency and
errors per store and endpoint, and writes benchmarks/results/api_soak.json.

    .venv/bin/python benchmarks/api_soak.py                       # both stores, 10 s each
    .venv/bin/python benchmarks/api_soak.py --engines embedded --seconds 5 --concurrency 8
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

SEARCH_WORDS = ["Antrag", "Feuerwehr", "Schule", "SPD", "Rat", "Verkehr", "Dortmund", "Bürger"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _load(store, folder: Path, documents: int) -> None:
    from synthetic import write_documents

    from ratsgraph.loaders.batch import load_documents

    write_documents(folder, documents, seed=5)
    report = load_documents([SEEDS, folder], store)
    if report.failed:
        raise SystemExit(f"loading failed: {report.problems[:3]}")


def _ids(store) -> dict[str, list[str]]:
    def column(query: str) -> list[str]:
        return [r["id"] for r in store.cypher(query) if r["id"]]

    return {
        "paper": column("MATCH (p:Paper) RETURN p.id AS id ORDER BY id LIMIT 200"),
        "person": column("MATCH (p:Person) RETURN p.id AS id ORDER BY id LIMIT 200"),
        "meeting": column("MATCH (m:Meeting) RETURN m.id AS id ORDER BY id LIMIT 200"),
    }


def _requests(ids: dict[str, list[str]], n: int) -> list[tuple[str, str]]:
    """A deterministic mix of (endpoint name, path), cycled by the clients."""
    out = []
    for i in range(n):
        kind = i % 5
        if kind == 0:
            out.append(("papers", f"/papers?limit=20&offset={(i // 5) % 3 * 20}"))
        elif kind == 1:
            out.append(("paper", "/papers/" + ids["paper"][i % len(ids["paper"])]))
        elif kind == 2:
            out.append(("person", "/persons/" + ids["person"][i % len(ids["person"])]))
        elif kind == 3:
            out.append(("search", f"/search?q={SEARCH_WORDS[i % len(SEARCH_WORDS)]}&limit=20"))
        else:
            out.append(("meeting", "/meetings/" + ids["meeting"][i % len(ids["meeting"])]))
    return out


async def _soak(base: str, plan: list[tuple[str, str]], seconds: float, concurrency: int, max_requests: int):
    import httpx

    results: list[tuple[str, float, int | str]] = []
    deadline = time.monotonic() + seconds
    counter = iter(range(max_requests))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def client_loop(client: httpx.AsyncClient) -> None:
        while time.monotonic() < deadline:
            i = next(counter, None)
            if i is None:
                return
            name, path = plan[i % len(plan)]
            started = time.perf_counter()
            try:
                response = await client.get(path)
                status: int | str = response.status_code
            except Exception as exc:  # noqa: BLE001 - every failure counts as an error
                status = exc.__class__.__name__
            results.append((name, time.perf_counter() - started, status))

    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        started = time.monotonic()
        await asyncio.gather(*(client_loop(client) for _ in range(concurrency)))
        elapsed = time.monotonic() - started
    return results, elapsed


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _summary(results: list[tuple[str, float, int | str]], elapsed: float) -> dict[str, Any]:
    def block(rows: list[tuple[str, float, int | str]]) -> dict[str, Any]:
        latencies = [r[1] * 1000 for r in rows]
        errors = [r[2] for r in rows if r[2] != 200]
        return {
            "requests": len(rows),
            "p50_ms": round(_percentile(latencies, 0.50), 1),
            "p99_ms": round(_percentile(latencies, 0.99), 1),
            "max_ms": round(max(latencies, default=0.0), 1),
            "errors": len(errors),
            "error_kinds": sorted({str(e) for e in errors}),
        }

    total = block(results)
    total["seconds"] = round(elapsed, 2)
    total["requests_per_s"] = round(len(results) / elapsed, 1) if elapsed else 0.0
    names = sorted({r[0] for r in results})
    total["endpoints"] = {name: block([r for r in results if r[0] == name]) for name in names}
    return total


def _serve(env: dict[str, str], port: int) -> subprocess.Popen:
    cmd = [
        sys.executable, "-m", "uvicorn", "ratsgraph.api.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    # stderr goes to a file: an unread pipe fills up and blocks the server's logging (and its requests).
    log = open(Path(env["RATSGRAPH_DATA_DIR"]).parent / f"uvicorn-{port}.log", "w")  # noqa: SIM115
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=log, text=True)


def _wait_ready(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("uvicorn exited; see uvicorn-*.log beside the data directory")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("uvicorn did not become ready")


def run_engine(engine: str, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    env = dict(os.environ, RATSGRAPH_STORE=engine, RATSGRAPH_DATA_DIR=str(work / engine))
    server = None
    if engine == "neo4j":
        from neo4j_server import start_neo4j_test_server

        from ratsgraph.graph.store.neo4j import Neo4jStore

        server = start_neo4j_test_server()
        env["RATSGRAPH_NEO4J_URI"] = server.uri
        if server.auth:
            env["RATSGRAPH_NEO4J_USER"], env["RATSGRAPH_NEO4J_PASSWORD"] = server.auth
        user, password = server.auth or (None, None)
        store = Neo4jStore(server.uri, user=user, password=password)
    else:
        from ratsgraph.graph.store.embedded import EmbeddedStore

        store = EmbeddedStore(work / engine / "graph.lbug")
    try:
        store.ensure_schema()
        _load(store, work / f"{engine}-documents", args.documents)
        counts = store.counts()
        ids = _ids(store)
        store.close()  # the API opens the embedded store read-only: the writer must let go
        port = _free_port()
        proc = _serve(env, port)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(base, proc)
            plan = _requests(ids, 1000)
            results, elapsed = asyncio.run(_soak(base, plan, args.seconds, args.concurrency, args.max_requests))
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    finally:
        if server is not None:
            server.stop()
    summary = _summary(results, elapsed)
    summary["nodes"] = sum(counts["nodes"].values())
    summary["relationships"] = sum(counts["relationships"].values())
    summary["concurrency"] = args.concurrency
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engines", nargs="+", default=["embedded", "neo4j"], choices=["embedded", "neo4j"])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--documents", type=int, default=60, help="synthetic documents besides the seeds")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "api_soak.json")
    args = parser.parse_args(argv)

    out: dict[str, Any] = {"seconds": args.seconds, "concurrency": args.concurrency, "engines": {}}
    with tempfile.TemporaryDirectory(prefix="ratsgraph-soak-") as tmp:
        for engine in args.engines:
            summary = run_engine(engine, args, Path(tmp))
            out["engines"][engine] = summary
            print(
                f"{engine:9s} {summary['requests']:6d} requests in {summary['seconds']:5.1f} s = "
                f"{summary['requests_per_s']:7.1f} req/s, p50 {summary['p50_ms']:6.1f} ms, "
                f"p99 {summary['p99_ms']:6.1f} ms, errors {summary['errors']} {summary['error_kinds']}"
            )
            for name, block in summary["endpoints"].items():
                print(
                    f"    {name:8s} {block['requests']:6d}  p50 {block['p50_ms']:6.1f} ms  "
                    f"p99 {block['p99_ms']:6.1f} ms  errors {block['errors']}"
                )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(out, indent=2) + "\n")
    failed = sum(e["errors"] for e in out["engines"].values())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
