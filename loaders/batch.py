"""Run many sources: read → parse → resolve → write, one transaction per document, problems collected."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ratsgraph.graph.errors import RatsgraphError, SourceError
from ratsgraph.graph.model import GraphBatch, Problem
from ratsgraph.graph.store.base import GraphStore
from ratsgraph.loaders.document import SourceDocument, read_source
from ratsgraph.loaders.registry import loader_for

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"}


@dataclass
class LoadReport:
    documents: int = 0
    failed: int = 0
    nodes: int = 0
    edges: int = 0
    problems: list[Problem] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def fail(self, source: str, reason: str) -> None:
        self.failed += 1
        self.problems.append(Problem(source=source, kind="error", message=reason))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders recursively (sorted; hidden files and folders inside them skipped), each file once.

    A path that does not exist is kept, so that reading it reports the missing file by name.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                # Only parts below the folder count: "../seeds" itself is not hidden.
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    seen: set[Path] = set()
    return [p for p in found if not (p.resolve() in seen or seen.add(p.resolve()))]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def load_documents(
    paths: Iterable[Path],
    store: GraphStore,
    *,
    council_key: str = "dortmund",
    clock: Callable[[], str] = _now,
    progress: Callable[[str], None] | None = None,
) -> LoadReport:
    from ratsgraph.graph.reference import load_council
    from ratsgraph.graph.resolve import resolve_persons

    council = load_council(council_key)
    report = LoadReport()
    parsed: list[tuple[Path, SourceDocument, GraphBatch]] = []
    for path in expand_paths(paths):
        report.documents += 1
        try:
            doc = read_source(path)
            loader = loader_for(doc)
            if loader is None:
                raise SourceError(str(path), f"no loader for media type {doc.media_type}")
            try:
                result = loader.parse(doc, council)
            except RatsgraphError:
                raise
            except Exception as exc:  # a parser bug must not stop the batch; the report names it
                raise SourceError(str(path), f"parse failed ({exc.__class__.__name__}: {exc})") from exc
            report.problems.extend(result.problems)
            parsed.append((path, doc, result.batch))
        except SourceError as exc:
            report.fail(exc.path, exc.reason)
        if progress:
            progress(str(path))

    existing = store.read("persons_for_resolution")
    batches, problems = resolve_persons([batch for _, _, batch in parsed], existing, council)
    report.problems.extend(problems)

    loaded_at = clock()
    for (path, doc, _), batch in zip(parsed, batches, strict=True):
        full = GraphBatch(nodes=[doc.node(loaded_at), *batch.nodes], edges=list(batch.edges))
        try:
            summary = store.write(full)
        except Exception as exc:  # one transaction per document: a failed write leaves nothing behind
            report.fail(str(path), f"write failed ({exc.__class__.__name__}: {exc})")
            continue
        report.nodes += summary.nodes
        report.edges += summary.edges
        report.loaded.append(str(path))
    return report
