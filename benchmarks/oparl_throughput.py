"""OParl import throughput: the Hürtgenwald dump from files and from a local HTTP server, side by side.

    .venv/bin/python benchmarks/oparl_throughput.py [--repeat 3] [--dump PATH]

"Objects" are all OParl objects mapped (Body, Organization, Person, Membership, Meeting,
AgendaItem, Paper, Consultation), embedded ones included. The server is the test server of
tests/loaders/oparl (http.server on 127.0.0.1, no faults), without rate limit, so the numbers
show the loader's own cost, not a real RIS server's latency. The sink only collects batches.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "loaders" / "oparl"))

from oparl_test_server import serve_dump  # noqa: E402

from ratsgraph.graph.model import GraphBatch  # noqa: E402
from ratsgraph.loaders.oparl import ClientOptions, OParlReport, import_oparl  # noqa: E402

DEFAULT_DUMP = ROOT.parent / "shared" / "corpus" / "huertgenwald-oparl"
ORIGINAL_BASE = "https://sdnetrim.kdvz-frechen.de/rim4220/webservice/oparl/v1.0/"


def measure(run: Callable[[Path | None], OParlReport], repeat: int, with_cursor: bool) -> tuple[float, OParlReport]:
    best = float("inf")
    report = None
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            cursor = Path(tmp) / "cursor.json" if with_cursor else None
            start = time.perf_counter()
            report = run(cursor)
            best = min(best, time.perf_counter() - start)
    assert report is not None
    return best, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dump", type=Path, default=DEFAULT_DUMP)
    args = parser.parse_args()

    def sink(batch: GraphBatch) -> None:
        pass

    rows = []
    with serve_dump(args.dump, ORIGINAL_BASE) as server:
        cases: list[tuple[str, Callable[[Path | None], OParlReport]]] = [
            ("files", lambda c: import_oparl(str(args.dump), sink=sink, cursor_path=c, today="2023-07-03")),
        ]
        for concurrency in (1, 4, 8):
            options = ClientOptions(requests_per_second=0, concurrency=concurrency, backoff=0.01)
            cases.append(
                (
                    f"local server, concurrency {concurrency}",
                    lambda c, o=options: import_oparl(
                        server.base + "system", sink=sink, cursor_path=c, today="2023-07-03", client_options=o
                    ),
                )
            )
        for name, run in cases:
            for with_cursor in (False, True):
                seconds, report = measure(run, args.repeat, with_cursor)
                label = name + (" + cursor file" if with_cursor else "")
                rows.append((label, report.objects, report.pages, seconds, report.objects / seconds))

    print(f"{'source':<44} {'objects':>8} {'pages':>6} {'seconds':>8} {'objects/s':>10}")
    for label, objects, pages, seconds, rate in rows:
        print(f"{label:<44} {objects:>8} {pages:>6} {seconds:>8.2f} {rate:>10.0f}")


if __name__ == "__main__":
    main()
