"""Document parsing throughput (MB/s on one core) and end-to-end load time of documents into the embedded store.

Parsing: `ratsgraph.loaders.text.parse_document` over (a) the Dortmund seeds repeated and
(b) synthetic council documents in the seeds' style (benchmarks/synthetic.write_documents).
The documents are read into memory first; only `parse_document` is timed, in this one
Python process (one core). MB are UTF-8 bytes of the documents' text.

End to end: `ratsgraph.loaders.batch.load_documents` (read → parse → resolve persons →
write, one transaction per document) of the seeds, and of the synthetic documents, into a
fresh embedded store.

    python benchmarks/parse_throughput.py                     # ~1 minute
    python benchmarks/parse_throughput.py --repeat 50 --synthetic 2000

Writes benchmarks/results/parse_throughput.json.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ROOT, save_result, table, write_documents  # noqa: E402

SEEDS = [ROOT.parent / "shared" / "seeds", ROOT / "tests" / "fixtures" / "seeds"]


def seed_paths() -> list[Path]:
    for folder in SEEDS:
        if folder.is_dir():
            paths = sorted(folder.glob("*.txt"))
            if paths:
                return paths
    raise SystemExit("no seed documents found in " + ", ".join(map(str, SEEDS)))


def parse_corpus(name: str, paths: list[Path], repeat: int, parse: Any, council: Any) -> dict[str, Any]:
    from ratsgraph.loaders.document import read_source

    docs = [read_source(p) for p in paths]
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    nodes = edges = problems = errors = 0
    parse(docs[0], council)  # warm-up: compiled patterns, the council's matcher
    started = time.perf_counter()
    for _ in range(repeat):
        for doc in docs:
            result = parse(doc, council)
            nodes += len(result.batch.nodes)
            edges += len(result.batch.edges)
            problems += len(result.problems)
            errors += sum(1 for p in result.problems if p.kind == "parse_error")
    seconds = time.perf_counter() - started
    total = size * repeat
    return {
        "corpus": name,
        "documents": len(docs) * repeat,
        "mb": round(total / 1e6, 2),
        "seconds": round(seconds, 2),
        "mb_per_s": round(total / 1e6 / seconds, 3),
        "docs_per_s": round(len(docs) * repeat / seconds, 1),
        "nodes": nodes,
        "edges": edges,
        "problems": problems,
        "parse_errors": errors,
    }


def load_end_to_end(name: str, paths: list[Path]) -> dict[str, Any]:
    from ratsgraph.graph.store.embedded import EmbeddedStore
    from ratsgraph.loaders.batch import load_documents

    size = sum(p.stat().st_size for p in paths)
    with tempfile.TemporaryDirectory(prefix="ratsgraph-parse-") as tmp:
        store = EmbeddedStore(Path(tmp) / "graph.lbug", buffer_pool_mb=512)
        try:
            store.ensure_schema()
            started = time.perf_counter()
            report = load_documents(paths, store)
            seconds = time.perf_counter() - started
        finally:
            store.close()
    return {
        "corpus": name,
        "documents": report.documents,
        "failed": report.failed,
        "mb": round(size / 1e6, 3),
        "nodes": report.nodes,
        "edges": report.edges,
        "seconds": round(seconds, 2),
        "docs_per_s": round(report.documents / seconds, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="document parsing MB/s and end-to-end load time")
    parser.add_argument("--repeat", type=int, default=20, help="times the seeds are parsed")
    parser.add_argument("--synthetic", type=int, default=500, help="synthetic documents to write and parse")
    parser.add_argument("--load-synthetic", type=int, default=200, help="synthetic documents loaded end to end")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    command = "python benchmarks/parse_throughput.py " + " ".join(argv if argv is not None else sys.argv[1:])

    try:
        from ratsgraph.graph.reference import load_council
        from ratsgraph.loaders.text import parse_document
    except ImportError as exc:  # the parser is written by another engineer: re-run once it exists
        print(f"the text parser is not importable yet ({exc}); nothing measured")
        save_result("parse_throughput", {"command": command, "status": f"parser unavailable: {exc}"})
        return 1

    council = load_council("dortmund")
    seeds = seed_paths()
    with tempfile.TemporaryDirectory(prefix="ratsgraph-docs-") as tmp:
        synthetic = write_documents(Path(tmp) / "docs", args.synthetic, seed=args.seed)
        parsing = [
            parse_corpus(f"seeds ×{args.repeat}", seeds, args.repeat, parse_document, council),
            parse_corpus(f"synthetic ({args.synthetic} docs)", synthetic, 1, parse_document, council),
        ]
        print(table(parsing))
        loading: list[dict[str, Any]] = []
        try:
            loading.append(load_end_to_end("seeds", seeds))
            loading.append(load_end_to_end(f"synthetic ({args.load_synthetic} docs)", synthetic[: args.load_synthetic]))
        except ImportError as exc:
            print(f"end-to-end load not possible yet ({exc})")
        if loading:
            print()
            print(table(loading))
    path = save_result(
        "parse_throughput",
        {"command": command, "params": vars(args), "parsing": parsing, "end_to_end_embedded": loading},
    )
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
