"""The `ratsgraph` command line: load, export, query, stats, serve."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ratsgraph.graph.errors import RatsgraphError
from ratsgraph.graph.settings import Settings
from ratsgraph.graph.store import GraphStore, open_store

app = typer.Typer(help="A knowledge graph of a city council.", no_args_is_help=True, add_completion=False)
console = Console(stderr=True)

StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="embedded (default, no server) or neo4j; default from RATSGRAPH_STORE."),
]


def _store(store: str | None, read_only: bool = False) -> GraphStore:
    settings = Settings()
    opened = open_store(settings, engine=store, read_only=read_only)
    if not read_only:
        opened.ensure_schema()
    return opened


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    )


@app.command()
def load(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders of council documents or OParl dumps.")
    ] = None,
    oparl: Annotated[str | None, typer.Option(help="URL of an OParl system or body to import.")] = None,
    body: Annotated[str | None, typer.Option(help="OParl body id, when the system has several.")] = None,
    since: Annotated[str | None, typer.Option(help="Only OParl objects modified since this date (ISO 8601).")] = None,
    council: Annotated[str, typer.Option(help="Reference data of this council.")] = "dortmund",
    store: StoreOption = None,
) -> None:
    """Load documents (text, Markdown, HTML, PDF) or OParl data into the graph."""
    from ratsgraph.loaders.batch import expand_paths, load_documents

    paths = paths or []
    if not paths and not oparl:
        raise typer.BadParameter("give PATH... or --oparl URL")
    graph = _store(store)
    failed = False
    try:
        dumps, documents = _split_oparl_dumps(paths)
        for source in ([oparl] if oparl else []) + [str(d) for d in dumps]:
            failed |= not _load_oparl(graph, source, body=body, since=since)
        if documents:
            files = expand_paths(documents)
            if not files:
                where = ", ".join(map(str, documents))
                console.print(f"[red]error:[/] no documents (.txt, .md, .html, .pdf) in {where}")
                failed = True
            else:
                with _progress() as bar:
                    task = bar.add_task("documents", total=len(files))
                    report = load_documents(files, graph, council_key=council, progress=lambda _: bar.advance(task))
                _print_report(report)
                failed |= not report.ok
        _print_counts(graph)
    finally:
        graph.close()
    if failed:
        raise typer.Exit(1)


def _split_oparl_dumps(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    try:
        from ratsgraph.loaders.oparl import is_oparl_dump
    except ImportError:
        return [], paths
    dumps = [p for p in paths if is_oparl_dump(p)]
    return dumps, [p for p in paths if p not in dumps]


def _load_oparl(graph: GraphStore, source: str, *, body: str | None, since: str | None) -> bool:
    from datetime import date

    from ratsgraph.graph.ids import digest
    from ratsgraph.loaders.oparl import import_oparl
    from ratsgraph.loaders.text import OParlFileTexts

    # One cursor per source, so an interrupted import continues where it stopped.
    cursor = Settings().data_dir / "oparl-cursors" / f"{digest(source, body)}.json"
    cursor.parent.mkdir(parents=True, exist_ok=True)
    with _progress() as bar:
        task = bar.add_task(f"OParl {source}", total=None)

        def progress(kind: str, count: int) -> None:
            bar.update(task, description=f"OParl {kind}", completed=count)

        report = import_oparl(
            source,
            sink=graph.write,
            body=body,
            since=since,
            progress=progress,
            cursor_path=cursor,
            today=date.today().isoformat(),
            # File texts (OParl File.text, sidecar texts) go through the document parser, resolved
            # against the body's own organisations.
            file_text_parser=OParlFileTexts(),
        )
    table = Table(title=f"OParl import of {source}")
    table.add_column("type")
    table.add_column("objects", justify="right")
    for kind, count in sorted(report.counts.items()):
        table.add_row(kind, str(count))
    console.print(table)
    for problem in report.problems[:50]:
        console.print(f"[yellow]{problem.kind}[/] {problem.source}: {problem.message}")
    if len(report.problems) > 50:
        console.print(f"... and {len(report.problems) - 50} more problems")
    if not report.complete:
        console.print(f"[red]incomplete:[/] run the same command again to resume from {cursor}")
    return report.complete and not any(p.kind == "error" for p in report.problems)


def _print_report(report) -> None:
    console.print(
        f"documents {report.documents}, loaded {len(report.loaded)}, failed {report.failed}; "
        f"wrote {report.nodes} nodes and {report.edges} relationships"
    )
    for problem in report.problems:
        colour = "red" if problem.kind == "error" else "yellow"
        extra = f" (candidates: {', '.join(problem.candidates)})" if problem.candidates else ""
        console.print(f"[{colour}]{problem.kind}[/] {problem.source}: {problem.message}{extra}")


def _print_counts(graph: GraphStore) -> None:
    counts = graph.counts()
    table = Table(title=f"graph ({graph.engine})")
    table.add_column("label / type")
    table.add_column("count", justify="right")
    for label, n in counts["nodes"].items():
        table.add_row(label, str(n))
    for rel, n in counts["relationships"].items():
        table.add_row(f"[dim]{rel}[/]", str(n))
    Console().print(table)


@app.command()
def stats(store: StoreOption = None) -> None:
    """Print node and relationship counts."""
    graph = _store(store)
    try:
        _print_counts(graph)
    finally:
        graph.close()


@app.command()
def export(
    format: Annotated[
        str, typer.Option("--format", "-f", help="node-link, turtle, ntriples, jsonld or rdfxml")
    ] = "node-link",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; standard output if not given.")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Export the graph as networkx node-link JSON or as RDF."""
    graph = _store(store)
    try:
        if format == "node-link":
            from ratsgraph.graph.export.nodelink import write_node_link

            if output:
                with output.open("w", encoding="utf-8") as out:
                    write_node_link(graph, out, {"engine": graph.engine})
            else:
                write_node_link(graph, sys.stdout, {"engine": graph.engine})
        elif format == "dcat":
            from ratsgraph.graph.export.dcat import catalog_for_store

            text = catalog_for_store(graph, Settings().base_uri).serialize(format="turtle")
            if output:
                output.write_text(text, encoding="utf-8")
            else:
                sys.stdout.write(text)
        else:
            from ratsgraph.graph.export.rdf import export_rdf

            export_rdf(graph, format, output, base=Settings().base_uri)
    finally:
        graph.close()


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="A named query from queries/ (see `ratsgraph queries`).")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="k=v; v is read as JSON when it parses.")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Run a named read query and print its rows as JSON."""
    params = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"--param {item!r} is not k=v")
        try:
            params[key] = json.loads(value)
        except json.JSONDecodeError:
            params[key] = value
    graph = _store(store)
    try:
        rows = graph.read(name, **params)
    finally:
        graph.close()
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")


@app.command("queries")
def list_queries() -> None:
    """List the named queries with their purpose and parameters."""
    from ratsgraph.queries import all_queries

    table = Table()
    for col in ("name", "engine", "mode", "params", "purpose"):
        table.add_column(col)
    for (name, engine), q in sorted(all_queries().items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        table.add_row(name, engine or "all", q.mode, ", ".join(q.params) or "-", q.purpose)
    Console().print(table)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    store: StoreOption = None,
) -> None:
    """Serve the HTTP API and the network pages."""
    import uvicorn

    from ratsgraph.api.app import create_app

    uvicorn.run(create_app(engine=store), host=host, port=port)


def main() -> None:
    try:
        app()
    except RatsgraphError as exc:
        console.print(f"[red]error:[/] {exc}")
        sys.exit(2)


if __name__ == "__main__":
    main()
