"""RDF export speed and memory: the streaming writers against a naive in-memory rdflib Graph, in one run.

    .venv/bin/python benchmarks/rdf_export.py --nodes 200000

Writes a synthetic council (factions, persons, papers, meetings, agenda items, decisions, documents, with
memberships, submissions, amendments, votes and evidence) into a temporary embedded store, then exports it:

- streaming N-Triples and streaming Turtle (the writers `ratsgraph export` uses), and
- the naive path: the same triples added to an rdflib Graph, then `Graph.serialize` as N-Triples and Turtle.

rdflib's Turtle serializer slows down worse than linearly on this data (minutes for 20k nodes), so Turtle
is compared on the first `--turtle-limit` triples; streaming Turtle also runs on the whole graph.

The store's rows are read once, and both paths map and write the same rows, so the table compares the RDF
side. Each path is timed without tracemalloc, then run again under tracemalloc for its peak allocation
(tracemalloc slows Python several-fold). Last comes `export_rdf` end to end from the store, which adds the
store read (the embedded store's row conversion dominates it).
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import os
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

from ratsgraph.graph.model import Edge, Evidence, GraphBatch, Node

BASE = "https://ratsgraph.example.org"
FACTIONS = ("spd", "cdu", "gruene", "fdp", "linke", "afd")


def synthetic_batches(nodes: int, *, batch_nodes: int = 20000) -> Iterator[GraphBatch]:
    """About `nodes` nodes of a plausible council, in batches; deterministic."""
    scope = "bench"
    doc = "doc/00000000000000aa"
    ev = Evidence(document_id=doc, start=10, end=32, text='Die "CDU-Fraktion" stellt')
    head = GraphBatch(
        nodes=[
            Node(label="Document", id=doc, props={"name": "protokoll.txt", "sha256": "ab" * 32, "size": 1234}),
            Node(label="Body", id=f"{scope}/body", props={"name": "Stadt Bench", "ags": "05913000"}),
            Node(label="Committee", id=f"{scope}/org/rat", props={"name": "Rat", "classification": "Rat"}),
            *[
                Node(label="Faction", id=f"{scope}/org/{f}", props={"name": f.upper(), "classification": "Fraktion"})
                for f in FACTIONS
            ],
        ],
        edges=[
            Edge(
                type="PART_OF",
                source=f"{scope}/org/{f}",
                source_label="Faction",
                target=f"{scope}/body",
                target_label="Body",
            )
            for f in FACTIONS
        ],
    )
    yield head
    # One "unit" is 10 nodes: 2 persons, 3 papers, 1 meeting, 2 agenda items, 2 decisions.
    units = max(1, nodes // 10)
    per_batch = max(1, batch_nodes // 10)
    for first in range(0, units, per_batch):
        batch = GraphBatch()
        for u in range(first, min(units, first + per_batch)):
            faction = FACTIONS[u % len(FACTIONS)]
            f_id = f"{scope}/org/{faction}"
            meeting = f"{scope}/meeting/rat/2020-{1 + u % 12:02d}-{1 + u % 28:02d}-{u}"
            persons = [f"{scope}/person/p{u}-{k}" for k in range(2)]
            papers = [f"{scope}/paper/{u:06d}-2{k}" for k in range(3)]
            items = [f"{meeting}/item/{k}" for k in range(2)]
            decisions = [f"{item}/decision/1" for item in items]
            for k, p in enumerate(persons):
                batch.nodes.append(
                    Node(
                        label="Person",
                        id=p,
                        props={"name": f"Person {u} {k}", "family_name": f"P{u}", "given_name": f"G{k}"},
                        evidence=(ev,) if k == 0 else (),
                    )
                )
                batch.edges.append(
                    Edge(
                        type="MEMBER_OF",
                        source=p,
                        source_label="Person",
                        target=f_id,
                        target_label="Faction",
                        props={"role": "Mitglied", "start_date": "2020-11-01", "voting_right": True},
                    )
                )
            for k, p in enumerate(papers):
                batch.nodes.append(
                    Node(
                        label="Paper",
                        id=p,
                        props={
                            "name": f"Antrag {u}-{k}",
                            "reference": f"{u:06d}-2{k}",
                            "title": f"Antrag zur Sache {u} \u00e4\u00f6\u00fc",
                            "kind": "amendment" if k else "motion",
                            "date": "2022-11-07",
                        },
                    )
                )
                batch.edges.append(
                    Edge(
                        type="SUBMITTED",
                        source=f_id,
                        source_label="Faction",
                        target=p,
                        target_label="Paper",
                        evidence=ev,
                    )
                )
                if k:
                    batch.edges.append(
                        Edge(type="AMENDS", source=p, source_label="Paper", target=papers[0], target_label="Paper")
                    )
            batch.nodes.append(Node(label="Meeting", id=meeting, props={"name": "Rat", "date": "2020-06-01"}))
            batch.edges.append(
                Edge(
                    type="HELD_BY",
                    source=meeting,
                    source_label="Meeting",
                    target=f"{scope}/org/rat",
                    target_label="Committee",
                )
            )
            for k, (item, decision) in enumerate(zip(items, decisions, strict=True)):
                batch.nodes.append(
                    Node(label="AgendaItem", id=item, props={"name": f"TOP {k}", "number": str(k), "order": k})
                )
                batch.nodes.append(
                    Node(
                        label="Decision",
                        id=decision,
                        props={"name": "Beschluss", "outcome": "adopted", "unanimous": False, "order": 1},
                    )
                )
                batch.edges += [
                    Edge(
                        type="HAS_ITEM",
                        source=meeting,
                        source_label="Meeting",
                        target=item,
                        target_label="AgendaItem",
                        props={"order": k},
                    ),
                    Edge(
                        type="HAS_DECISION",
                        source=item,
                        source_label="AgendaItem",
                        target=decision,
                        target_label="Decision",
                    ),
                    Edge(type="ON", source=decision, source_label="Decision", target=papers[k], target_label="Paper"),
                    Edge(
                        type="VOTED",
                        source=f_id,
                        source_label="Faction",
                        target=decision,
                        target_label="Decision",
                        props={"position": "no"},
                        evidence=ev,
                    ),
                ]
        yield batch


def fill_store(store, nodes: int) -> None:
    store.ensure_schema()
    for batch in synthetic_batches(nodes):
        # The batch's first node or edge may name the head nodes; they are written in the first batch.
        store.write(batch)


def _timed(fn: Callable[[], int]) -> tuple[int, float]:
    gc.collect()
    started = time.perf_counter()
    triples = fn()
    return triples, time.perf_counter() - started


def _peak(fn: Callable[[], int]) -> int:
    """Peak bytes allocated by fn beyond what existed before (tracemalloc; it slows the run, so timed apart)."""
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def _triples(nodes: list, links: list, limit: int | None):
    from ratsgraph.graph.export.rdf import map_triples

    return itertools.islice(map_triples(nodes, links, BASE), limit)


def streaming(nodes: list, links: list, fmt: str, out: Path, limit: int | None = None) -> int:
    from ratsgraph.graph.export.rdf import serialize

    with open(out, "w", encoding="utf-8", buffering=1 << 20) as fh:
        return serialize(_triples(nodes, links, limit), fmt, fh, base=BASE)


def naive(nodes: list, links: list, fmt: str, out: Path, limit: int | None = None) -> int:
    """Every triple into one rdflib Graph, then Graph.serialize: what a straightforward rdflib exporter does."""
    from ratsgraph.graph.export.rdf import bind_prefixes, to_rdflib

    graph = to_rdflib(_triples(nodes, links, limit))
    bind_prefixes(graph, BASE)
    graph.serialize(destination=str(out), format="nt" if fmt == "ntriples" else "turtle", encoding="utf-8")
    return len(graph)


def run(nodes: int, *, turtle_limit: int, memory: bool = True) -> tuple[dict, list[dict]]:
    from ratsgraph.graph.export.nodelink import iter_nodes
    from ratsgraph.graph.export.rdf import export_rdf, iter_links
    from ratsgraph.graph.store.embedded import EmbeddedStore

    results: list[dict] = []
    info: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "graph.lbug", buffer_pool_mb=1024)
        started = time.perf_counter()
        fill_store(store, nodes)
        info["load_s"] = time.perf_counter() - started
        counts = store.counts()
        info["nodes"] = sum(counts["nodes"].values())
        info["relationships"] = sum(counts["relationships"].values())

        # The rows are read once; both paths then map and write the same data.
        started = time.perf_counter()
        node_rows, link_rows = list(iter_nodes(store)), list(iter_links(store))
        info["read_s"] = time.perf_counter() - started

        runs = [("ntriples", None), ("turtle", None), ("turtle", turtle_limit)]
        for path, fn in (("streaming", streaming), ("naive rdflib", naive)):
            for fmt, limit in runs:
                if path == "naive rdflib" and fmt == "turtle" and limit is None:
                    continue  # rdflib's pretty Turtle grows worse than linearly; it runs on the slice only
                label = fmt if limit is None else f"turtle[:{limit:,}]"
                row = {"path": path, "format": label, "triples": None, "seconds": None, "peak": None}
                results.append(row)
                out = Path(tmp) / "out"
                job = functools.partial(fn, node_rows, link_rows, fmt, out, limit)
                row["triples"], row["seconds"] = _timed(job)
                if memory:
                    row["peak"] = _peak(job)
                os.remove(out)
        node_rows = link_rows = job = []  # free the rows before the end-to-end run

        # End to end from the store, as `ratsgraph export` runs it (time only).
        out = Path(tmp) / "out.nt"
        _, info["e2e_stream_s"] = _timed(lambda: export_rdf(store, "ntriples", out, base=BASE))
        if memory:
            info["e2e_stream_peak"] = _peak(lambda: export_rdf(store, "ntriples", out, base=BASE))
        store.close()
    return info, results


def print_table(info: dict, results: list[dict]) -> None:
    print(
        f"synthetic graph: {info['nodes']:,} nodes, {info['relationships']:,} relationships "
        f"(store written in {info['load_s']:.1f} s, read in {info['read_s']:.1f} s)"
    )
    print(f"{'path':<14} {'format':<17} {'triples':>10} {'seconds':>8} {'triples/s':>10} {'peak MiB':>9}")
    for r in results:
        peak = f"{r['peak'] / 2**20:.1f}" if r["peak"] is not None else "-"
        rate = r["triples"] / r["seconds"]
        print(f"{r['path']:<14} {r['format']:<17} {r['triples']:>10,} {r['seconds']:>8.2f} {rate:>10,.0f} {peak:>9}")
    by = {(r["path"], r["format"]): r for r in results if r["seconds"]}
    for fmt in sorted({r["format"] for r in results}):
        s, n = by.get(("streaming", fmt)), by.get(("naive rdflib", fmt))
        if s and n:
            line = f"{fmt}: streaming is {n['seconds'] / s['seconds']:.1f}x faster"
            if s["peak"] and n["peak"]:
                line += f", peak memory {s['peak'] / 2**20:.1f} MiB vs {n['peak'] / 2**20:.1f} MiB"
            print(line)
    line = f"end to end from the store (export_rdf ntriples): {info['e2e_stream_s']:.1f} s"
    if info.get("e2e_stream_peak"):
        line += f", peak {info['e2e_stream_peak'] / 2**20:.1f} MiB"
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=200_000, help="about this many nodes (default 200000)")
    parser.add_argument(
        "--turtle-limit",
        type=int,
        default=100_000,
        help="Turtle is compared on the first this many triples (rdflib's pretty Turtle grows worse than linearly)",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the (slow) tracemalloc runs")
    args = parser.parse_args()
    print_table(*run(args.nodes, turtle_limit=args.turtle_limit, memory=not args.no_memory))


if __name__ == "__main__":
    main()
