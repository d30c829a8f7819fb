"""The import driver: walk a server, crawl dump or loose folder; map; hand batches to the sink.

Lists are walked in dependency order (organisations, persons, meetings, papers) because
the mapping of a later list needs what an earlier one taught (organisation labels for
MEMBER_OF/HELD_BY targets, meeting dates for consultation status, decisions for ON).
One page (or one file group) is one batch; the cursor advances only after the sink took
the batch, so an interrupted import resumes at the first page not written.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

from ratsgraph.graph.model import ORGANIZATION_LABELS, GraphBatch, Problem
from ratsgraph.graph.normalize import slug
from ratsgraph.loaders.oparl import dump, quirks
from ratsgraph.loaders.oparl.client import ClientOptions, FetchError, OParlClient, Page
from ratsgraph.loaders.oparl.cursor import Cursor
from ratsgraph.loaders.oparl.mapping import (
    Context,
    Mapped,
    body_key_from_url,
    body_key_of,
    files_of,
    map_body,
    map_objects,
    oparl_node_id,
)

# (text, uri) -> facts of the text. A parser with `wants_context = True` is called as
# (text, uri, FileTextContext) and learns the body's organisations, the object the file belongs to
# and its meeting, so that what the text states lands on the nodes the OParl import made.
FileTextParser = Callable[..., GraphBatch]
Sink = Callable[[GraphBatch], object]
Progress = Callable[[str, int], None]

# (Body field with the list URL, OParl type of its objects), in mapping order.
BODY_LISTS = (
    ("legislativeTermList", "LegislativeTerm"),
    ("organization", "Organization"),
    ("person", "Person"),
    ("meeting", "Meeting"),
    ("paper", "Paper"),
)


@dataclass
class OParlReport:
    counts: dict[str, int] = field(default_factory=dict)  # OParl type -> objects (also "deleted <Type>")
    problems: list[Problem] = field(default_factory=list)
    pages: int = 0
    retries: int = 0
    requests: int = 0
    batches: int = 0
    nodes: int = 0
    edges: int = 0
    bodies: list[str] = field(default_factory=list)  # body keys
    since: str | None = None
    complete: bool = True
    seconds: float = 0.0

    @property
    def objects(self) -> int:
        return sum(n for key, n in self.counts.items() if not key.startswith("deleted "))

    def add(self, mapped: Mapped) -> None:
        for key, value in mapped.counts.items():
            self.counts[key] = self.counts.get(key, 0) + value
        self.problems.extend(mapped.problems)


@dataclass
class FileTextContext:
    """What the import knows around one file text (see FileTextParser)."""

    body_key: str
    body: dict[str, Any]  # properties of the Body node
    organizations: list[dict[str, Any]]  # {id, label, name, short_name, classification, oparl_id}
    owner: tuple[str, str] | None = None  # (label, node id) of the Paper or Meeting the file belongs to
    owner_kind: str | None = None  # Paper.kind of the owner
    meeting: tuple[str, str | None] | None = None  # (node id, date) of the owner's meeting
    items: dict[str, str] = field(default_factory=dict)  # agenda item number -> node id, in that meeting
    decisions: dict[str, str] = field(default_factory=dict)  # agenda item node id -> its Decision node id


class _Seen:
    """Organisations, meetings, items and decisions of the batches written so far (for file texts)."""

    def __init__(self) -> None:
        self.bodies: dict[str, dict[str, Any]] = {}
        self.orgs: dict[str, dict[str, dict[str, Any]]] = {}  # body node id -> node id -> info
        self.meetings: dict[str, str | None] = {}  # meeting node id -> date
        self.items: dict[str, dict[str, str]] = {}  # meeting node id -> number -> item node id
        self.decisions: dict[str, str] = {}
        self.paper_kinds: dict[str, str] = {}
        self.paper_meeting: dict[str, str] = {}  # paper node id -> a meeting it is consulted in
        self.item_meeting: dict[str, str] = {}  # agenda item node id -> meeting node id

    def learn(self, batch: GraphBatch) -> None:
        numbers: dict[str, str] = {}
        for n in batch.nodes:
            if n.label == "Body":
                self.bodies.setdefault(n.id, {}).update({k: v for k, v in n.props.items() if v is not None})
            elif n.label in ORGANIZATION_LABELS and not n.props.get("deleted"):
                self.orgs.setdefault(n.id.split("/org/")[0], {})[n.id] = {
                    "id": n.id,
                    "label": n.label,
                    "name": n.props.get("name"),
                    "short_name": n.props.get("short_name"),
                    "classification": n.props.get("classification"),
                    "oparl_id": n.props.get("oparl_id"),
                }
            elif n.label == "Meeting":
                self.meetings[n.id] = n.props.get("date")
            elif n.label == "AgendaItem" and n.props.get("number"):
                numbers[n.id] = str(n.props["number"])
            elif n.label == "Paper" and n.props.get("kind"):
                self.paper_kinds[n.id] = n.props["kind"]
        for e in batch.edges:
            if e.type == "HAS_ITEM":
                self.item_meeting[e.target] = e.source
                if e.target in numbers:
                    self.items.setdefault(e.source, {})[numbers[e.target]] = e.target
            elif e.type == "HAS_DECISION":
                self.decisions.setdefault(e.source, e.target)
        for e in batch.edges:
            if e.type == "CONSULTED_AT" and e.target in self.item_meeting:
                self.paper_meeting.setdefault(e.source, self.item_meeting[e.target])


class Fetcher(Protocol):
    def get_json(self, url: str, *, is_list: bool = False) -> Any: ...
    def iter_list(self, url: str, params: dict[str, str] | None = None) -> Any: ...
    def close(self) -> None: ...


class _Run:
    def __init__(
        self,
        *,
        sink: Sink,
        cursor: Cursor,
        today: str,
        since: str | None,
        progress: Progress | None,
        file_text_parser: FileTextParser | None,
        body_key: str | None,
    ):
        self.sink = sink
        self.cursor = cursor
        self.today = today
        self.since = since
        self.progress = progress
        self.file_text_parser = file_text_parser
        self.body_key = body_key
        self.report = OParlReport(since=since)
        self.sidecar_texts: dict[str, Path] = {}
        self.seen = _Seen()

    # --- shared -------------------------------------------------------------------------

    def context(self, key: str) -> Context:
        saved = self.cursor.contexts.get(key)
        return Context.from_json(saved, today=self.today) if saved else Context(body_key=key, today=self.today)

    def emit(self, mapped: Mapped, objects: list[dict[str, Any]], ctx: Context | None = None) -> None:
        batch = mapped.batch
        if self.file_text_parser is not None:
            self.seen.learn(batch)
            for obj in objects:
                self._file_texts(obj, batch, mapped, ctx)
        self.sink(batch)
        self.report.add(mapped)
        self.report.batches += 1
        self.report.nodes += len(batch.nodes)
        self.report.edges += len(batch.edges)

    def _file_context(self, obj: dict[str, Any], ctx: Context) -> FileTextContext:
        key = ctx.body_key
        body_node = ctx.body_node
        orgs = dict(self.seen.orgs.get(key, {}))
        for oid, label in ctx.org_labels.items():  # organisations of an earlier (resumed) run
            node_id = oparl_node_id(key, "Organization", oid)
            if node_id not in orgs and ctx.org_names.get(oid):
                orgs[node_id] = {"id": node_id, "label": label, "name": ctx.org_names[oid], "oparl_id": oid}
        fc = FileTextContext(body_key=key, body=self.seen.bodies.get(body_node, {}), organizations=list(orgs.values()))
        kind = quirks.infer_type(obj, None)
        oid = str(obj.get("id") or "")
        if kind in ("Paper", "Meeting") and oid:
            node_id = oparl_node_id(key, kind, oid)
            fc.owner = (kind, node_id)
            fc.owner_kind = self.seen.paper_kinds.get(node_id) if kind == "Paper" else None
            meeting = node_id if kind == "Meeting" else self.seen.paper_meeting.get(node_id)
            if meeting:
                fc.meeting = (meeting, self.seen.meetings.get(meeting))
                fc.items = dict(self.seen.items.get(meeting, {}))
                fc.decisions = {i: self.seen.decisions[i] for i in fc.items.values() if i in self.seen.decisions}
        return fc

    def _file_texts(self, obj: dict[str, Any], batch: GraphBatch, mapped: Mapped, ctx: Context | None) -> None:
        assert self.file_text_parser is not None
        wants_context = bool(getattr(self.file_text_parser, "wants_context", False)) and ctx is not None
        for file in files_of(obj):
            uri = quirks.as_url(file.get("accessUrl")) or quirks.as_url(file.get("id")) or ""
            text = quirks.clean_text(file.get("text"))
            if text is None and str(file.get("id")) in self.sidecar_texts:
                text = self.sidecar_texts[str(file["id"])].read_text(encoding="utf-8", errors="replace")
            if not text:
                continue
            try:
                if wants_context:
                    assert ctx is not None
                    batch.extend(self.file_text_parser(text, uri, self._file_context(obj, ctx)))
                else:
                    batch.extend(self.file_text_parser(text, uri))
            except Exception as exc:  # noqa: BLE001 - a bad document must not stop the import
                mapped.problem(uri, "file_text_failed", f"{exc.__class__.__name__}: {exc}")

    def save(self, key: str, ctx: Context) -> None:
        self.cursor.contexts[key] = ctx.to_json()
        self.cursor.save()

    def finish_body(self, ctx: Context) -> None:
        for other, sources in ctx.pending.items():
            for source, fld in sources:
                self.report.problems.append(
                    Problem(
                        source=source,
                        kind="unresolved_paper_reference",
                        message=f"{fld} {other} is not among the loaded papers: no relationship written",
                    )
                )

    # --- servers and crawl dumps -------------------------------------------------------

    def walk(self, fetcher: Fetcher, root: Any, body_filter: str | None) -> None:
        for body in self.bodies(fetcher, root, body_filter):
            self.import_body(fetcher, body)

    def bodies(self, fetcher: Fetcher, root: Any, body_filter: str | None) -> list[dict[str, Any]]:
        kind = quirks.short_type(root)
        found: list[dict[str, Any]] = []
        if kind == "Body":
            found = [root]
        elif kind == "System":
            body_url = quirks.as_url(root.get("body"))
            if not body_url:
                raise FetchError(str(root.get("id")), "System without a body list")
            for page in fetcher.iter_list(body_url):
                # Krefeld: a single Body where the list should be.
                found += quirks.single_body_as_list(page.payload)["data"]
        else:
            found = quirks.coerce_list_page(root)["data"]
        found = [b for b in found if quirks.short_type(b) == "Body" or (isinstance(b, dict) and b.get("person"))]
        if body_filter:
            wanted = body_filter.strip()
            found = [b for b in found if _body_matches(b, wanted)]
            if not found:
                raise FetchError(wanted, "no body of this source matches --body")
        return found

    def import_body(self, fetcher: Fetcher, body: dict[str, Any]) -> None:
        key = self.body_key or body_key_of(body)
        self.report.bodies.append(key)
        ctx = self.context(key)
        mapped = map_body(body, ctx)
        ctx.learn(mapped.learned)
        self.emit(mapped, [body], ctx)
        for list_field, oparl_type in BODY_LISTS:
            url = quirks.as_url(body.get(list_field))
            if not url:
                continue
            params: dict[str, str] = {}
            # Organisations are few; fetch all of them when the context has no labels yet
            # (a first incremental run without a cursor), since every later list needs them.
            if self.since and not (oparl_type == "Organization" and not ctx.org_labels):
                params["modified_since"] = quirks.format_modified_since(self.since)
            state = self.cursor.state(url)
            if state.done:
                continue
            start = state.next_url or url
            count = 0
            try:
                for page in fetcher.iter_list(start, params):
                    count += self.import_page(page, oparl_type, ctx, key, url)
                    if self.progress:
                        self.progress(oparl_type, count)
            except FetchError as exc:
                self.report.complete = False
                self.report.problems.append(Problem(source=exc.url, kind="fetch_failed", message=exc.reason))
        self.finish_body(ctx)

    def import_page(self, page: Page, oparl_type: str, ctx: Context, key: str, list_url: str) -> int:
        objects = [o for o in page.payload.get("data", []) if isinstance(o, dict)]
        mapped = map_objects(objects, ctx, oparl_type)
        self.emit(mapped, objects, ctx)
        self.cursor.advance(list_url, page.next_url)
        self.save(key, ctx)
        return len(objects)

    # --- loose folders ---------------------------------------------------------------

    def walk_loose(self, path: Path, body_filter: str | None) -> None:
        groups = list(dump.loose_objects(path))
        self.sidecar_texts = dump.file_text_lookup(path if path.is_dir() else path.parent)
        bodies = [obj for _k, t, objs in groups if t == "Body" for obj in objs]
        if body_filter:
            bodies = [b for b in bodies if _body_matches(b, body_filter)]
        contexts: dict[str, tuple[str, Context]] = {}  # body URL -> (key, context)
        for body in bodies:
            key = self.body_key or body_key_of(body)
            ctx = self.context(key)
            contexts[str(body.get("id"))] = (key, ctx)
            if key not in self.report.bodies:
                self.report.bodies.append(key)
        default_url = next((o["body"] for _k, _t, objs in groups for o in objs if isinstance(o.get("body"), str)), "")
        for group_key, oparl_type, objects in groups:
            if oparl_type == "Body":
                objects = [b for b in objects if str(b.get("id")) in contexts]
            by_body: dict[str, list[dict[str, Any]]] = {}
            for obj in objects:
                if oparl_type == "Body":
                    owner = str(obj.get("id"))
                elif len(bodies) == 1:
                    owner = str(bodies[0].get("id"))  # one body: everything belongs to it
                else:
                    owner = str(obj.get("body") or default_url)
                by_body.setdefault(owner, []).append(obj)
            for owner, objs in by_body.items():
                if owner not in contexts:
                    if body_filter and bodies:
                        continue  # objects of a body not selected
                    key = self.body_key or body_key_from_url(owner or str(path))
                    contexts[owner] = (key, self.context(key))
                    self.report.bodies.append(key)
                    # No Body object here: write a stand-in, the target of PART_OF.
                    stand_in = {"id": owner, "name": key} if owner else {"name": key}
                    self.emit(map_body(stand_in, contexts[owner][1]), [], contexts[owner][1])
                key, ctx = contexts[owner]
                state_key = f"file:{group_key}#{oparl_type}#{owner}"
                if self.cursor.state(state_key).done:
                    continue
                mapped = map_objects(objs, ctx, oparl_type)
                self.emit(mapped, objs, ctx)
                self.cursor.advance(state_key, None)
                self.report.pages += 1
                self.save(key, ctx)
                if self.progress:
                    self.progress(oparl_type, len(objs))
        for _key, ctx in contexts.values():
            self.finish_body(ctx)


def _body_matches(body: dict[str, Any], wanted: str) -> bool:
    values = [body.get("id"), body.get("ags"), quirks.fix_ags(body.get("ags")), body.get("shortName"), body.get("name")]
    texts = {str(v).strip() for v in values if v}
    return wanted in texts or slug(wanted) in {slug(t) for t in texts} or body_key_of(body) == wanted


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def import_oparl(
    source: str,
    *,
    sink: Sink,
    body: str | None = None,
    since: str | None = None,
    cursor_path: Path | None = None,
    today: str | None = None,
    progress: Progress | None = None,
    client_options: ClientOptions | None = None,
    file_text_parser: FileTextParser | None = None,
    body_key: str | None = None,
) -> OParlReport:
    """Import an OParl System/Body URL, a crawl dump folder, a loose folder or a single JSON file.

    `sink` gets one GraphBatch per page (or file group). `since` (ISO date or datetime) limits
    a server import to objects modified since then; without it, a cursor from a complete
    earlier run supplies its start time. `today` (ISO date) decides planned vs. held
    consultations. `body` selects one body (URL, AGS, shortName or name); `body_key` overrides
    the node id prefix derived from the body.
    """
    started = time.perf_counter()
    cursor = Cursor.load(Path(cursor_path) if cursor_path else None)
    if cursor.source not in (None, source):
        cursor = Cursor(path=cursor.path)  # a cursor of another source: start over
    if cursor.in_progress:
        since = cursor.since  # resume the interrupted run with its own since
    else:
        since = since or cursor.last_complete
        cursor.started_at = _now()
        cursor.since = since
    cursor.source = source
    run = _Run(
        sink=sink,
        cursor=cursor,
        today=today or date.today().isoformat(),
        since=since,
        progress=progress,
        file_text_parser=file_text_parser,
        body_key=body_key,
    )
    fetcher: OParlClient | dump.DumpFetcher | None = None
    try:
        if source.startswith(("http://", "https://")):
            fetcher = OParlClient(client_options)
            run.walk(fetcher, fetcher.get_json(source), body)
        else:
            path = Path(source)
            if not path.exists():
                raise FetchError(source, "no such file or directory")
            if path.is_dir() and dump.is_crawl_dump(path):
                run.report.since = None  # a snapshot has no modified_since
                run.since = None
                fetcher = dump.DumpFetcher(path)
                run.walk(fetcher, fetcher.system, body)
            else:
                run.walk_loose(path, body)
    finally:
        if fetcher is not None:
            run.report.pages += fetcher.stats.pages
            run.report.retries += fetcher.stats.retries
            run.report.requests += fetcher.stats.requests
            fetcher.close()
    if run.report.complete:
        cursor.finish()
    cursor.save()
    run.report.seconds = time.perf_counter() - started
    return run.report
