"""N-Triples export streams: its peak memory stays flat as the graph grows, far below an in-memory rdflib Graph.

The graph size is RATSGRAPH_LOD_STREAM_NODES (default 40000 nodes; 200000 takes a few minutes, the
store write dominates). benchmarks/rdf_export.py measures the same at larger sizes.
"""

from __future__ import annotations

import gc
import io
import os
import sys
import tracemalloc
from pathlib import Path

from ratsgraph.graph.export.rdf import export_rdf, iter_triples, to_rdflib

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from rdf_export import BASE, synthetic_batches  # noqa: E402

NODES = int(os.environ.get("RATSGRAPH_LOD_STREAM_NODES", "40000"))


def _peak(fn) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_ntriples_export_of_a_large_graph_keeps_memory_bounded(tmp_path):
    from ratsgraph.graph.store.embedded import EmbeddedStore

    embedded_store = EmbeddedStore(tmp_path / "big.lbug", buffer_pool_mb=2048)
    embedded_store.ensure_schema()
    for batch in synthetic_batches(NODES):
        embedded_store.write(batch)
    out = tmp_path / "graph.nt"
    stream_peak = _peak(lambda: export_rdf(embedded_store, "ntriples", out, base=BASE))
    with open(out, encoding="utf-8") as fh:
        triples = sum(1 for _ in fh)
    assert triples > 10 * NODES

    # The naive path on the first 100k triples alone needs several times what the whole streaming export needs.
    sample = min(triples, 100_000)

    def naive() -> None:
        import itertools

        graph = to_rdflib(itertools.islice(iter_triples(embedded_store, BASE), sample))
        graph.serialize(destination=io.BytesIO(), format="nt")

    naive_peak = _peak(naive)
    assert stream_peak < naive_peak / 3, (stream_peak, naive_peak)
    # Bounded by a page of nodes and the relationships going out of a page of sources, not by the graph.
    # (A faction's VOTED relationships all come with its page, so the bound grows with the biggest hubs.)
    assert stream_peak < 64 * 2**20, stream_peak
    embedded_store.close()
