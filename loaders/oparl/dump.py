"""OParl from files: crawler dumps and loose folders of OParl JSON.

Two layouts:
- a *crawl dump* (as made by oparl-validator-rs `--cache`): `system.json` at the root and
  every URL stored at its path below the system's base URL, `?page=N` renamed to
  `_page_N`; the JSON keeps the original URLs. `DumpFetcher` answers URLs from these
  files, so the importer walks a dump exactly as it walks a live server.
- a *loose folder* (Karlsruhe syndication, spec examples, a single file): any JSON files
  holding OParl objects, list objects or arrays. `loose_objects` reads them all and hands
  them over grouped by type, in dependency order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from ratsgraph.loaders.oparl import quirks
from ratsgraph.loaders.oparl.client import FetchError, FetchStats, Page

# Mapping order: later types refer to earlier ones (memberships to organisations, papers to meetings).
TYPE_ORDER = (
    "Body",
    "LegislativeTerm",
    "Organization",
    "Person",
    "Membership",
    "Meeting",
    "AgendaItem",
    "Paper",
    "Consultation",
)


def read_json(path: Path) -> Any:
    try:
        return quirks.parse_json_lenient(path.read_bytes())
    except OSError as exc:
        raise FetchError(str(path), f"cannot read ({exc.strerror or exc})") from exc
    except ValueError as exc:
        raise FetchError(str(path), f"invalid JSON ({exc})") from exc


def _is_oparl_object(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("type"), str) and "schema.oparl.org" in value["type"]


def _sample_objects(payload: Any) -> list[Any]:
    if isinstance(payload, dict) and isinstance(payload.get("data"), list):
        return payload["data"][:3]
    if isinstance(payload, list):
        return payload[:3]
    return [payload]


def is_oparl_dump(path: Path) -> bool:
    """True for a crawl dump, a folder of OParl JSON, or a single OParl JSON file."""
    path = Path(path)
    if path.is_file():
        if path.suffix.lower() != ".json":
            return False
        try:
            return any(_is_oparl_object(o) for o in _sample_objects(read_json(path)))
        except FetchError:
            return False
    if not path.is_dir():
        return False
    for name in ("system.json", "body.json"):
        candidate = path / name
        if candidate.is_file():
            try:
                if any(_is_oparl_object(o) for o in _sample_objects(read_json(candidate))):
                    return True
            except FetchError:
                pass
    for index, candidate in enumerate(sorted(path.rglob("*.json"))):
        if index >= 20:
            break
        try:
            if any(_is_oparl_object(o) for o in _sample_objects(read_json(candidate))):
                return True
        except FetchError:
            continue
    return False


def is_crawl_dump(path: Path) -> bool:
    system = Path(path) / "system.json"
    if not system.is_file():
        return False
    try:
        payload = read_json(system)
    except FetchError:
        return False
    return quirks.short_type(payload) == "System" and isinstance(payload.get("id"), str)


class DumpFetcher:
    """Answers OParl URLs from a crawl dump, with the same interface as OParlClient."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.system = read_json(self.root / "system.json")
        system_url = str(self.system["id"])
        # The system lives at `<base>system`: every other URL is a file below the same base.
        self.base = system_url[: system_url.rstrip("/").rfind("/") + 1]
        self.stats = FetchStats()

    def __enter__(self) -> DumpFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        pass

    def path_for(self, url: str) -> Path:
        if not url.startswith(self.base):
            raise FetchError(url, f"outside the dump's base URL {self.base}")
        parts = urlsplit(url[len(self.base) :])
        rel = parts.path.strip("/") or "system"
        page = dict(parse_qsl(parts.query)).get("page")
        if page and page != "1":
            candidates = [f"{rel}_page_{page}.json"]
        else:
            candidates = [f"{rel}.json", f"{rel}_page_1.json"]
        for candidate in candidates:
            path = self.root / candidate
            if path.is_file():
                return path
        raise FetchError(url, f"not in the dump (looked for {candidates[0]})", status=404)

    def get_json(self, url: str, *, is_list: bool = False) -> Any:
        self.stats.requests += 1
        path = self.path_for(url)
        self.stats.bytes += path.stat().st_size
        return read_json(path)

    def get_page(self, url: str) -> dict[str, Any]:
        page = quirks.coerce_list_page(self.get_json(url, is_list=True))
        self.stats.pages += 1
        return page

    def iter_list(self, url: str, params: dict[str, str] | None = None) -> Iterator[Page]:
        # A dump is a snapshot: `modified_since` cannot be applied to it and is ignored.
        current: str | None = url
        seen: set[str] = set()
        while current and current not in seen:
            seen.add(current)
            payload = self.get_page(current)
            raw_next = payload.get("links", {}).get("next")
            next_url = raw_next if isinstance(raw_next, str) and raw_next else None
            yield Page(url=current, payload=payload, next_url=next_url)
            current = next_url


def _objects_of(payload: Any) -> list[dict[str, Any]]:
    if isinstance(payload, dict) and isinstance(payload.get("data"), list):
        return [o for o in payload["data"] if isinstance(o, dict)]
    if isinstance(payload, list):
        return [o for o in payload if isinstance(o, dict)]
    if isinstance(payload, dict) and ("type" in payload or "id" in payload):
        return [payload]
    return []


def _type_from_filename(path: Path) -> str | None:
    """For typeless (deleted) objects in loose folders: `meeting_page_3.json`, `papers/1.json`."""
    words = " ".join(part.lower() for part in (*path.parent.parts[-2:], path.stem))
    for name in quirks.OPARL_TYPES:
        if name.lower() in words:
            return name
    return None


def loose_objects(path: Path) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    """(file key, OParl type, objects) for every JSON file under `path`, grouped so that all
    objects of an earlier type in TYPE_ORDER come before any of a later one."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*.json") if p.is_file())
    groups: dict[str, list[tuple[str, list[dict[str, Any]]]]] = {}
    for file in files:
        try:
            payload = read_json(file)
        except FetchError:
            continue
        objects = _objects_of(payload)
        if not objects:
            continue
        fallback = _type_from_filename(file)
        by_type: dict[str, list[dict[str, Any]]] = {}
        for obj in objects:
            if not obj.get("type") and not obj.get("deleted"):
                continue  # not OParl (an index file, a crawler's bookkeeping)
            oparl_type = quirks.infer_type(obj, None if obj.get("type") else fallback)
            if oparl_type is None:
                continue
            by_type.setdefault(oparl_type, []).append(obj)
        key = str(file.relative_to(path)) if path.is_dir() else file.name
        for oparl_type, objs in by_type.items():
            groups.setdefault(oparl_type, []).append((key, objs))
    order = list(TYPE_ORDER) + sorted(t for t in groups if t not in TYPE_ORDER)
    for oparl_type in order:
        for key, objs in groups.get(oparl_type, []):
            yield key, oparl_type, objs


def loose_body_url(path: Path) -> str | None:
    """The `body` URL the objects of a loose folder name (for a body key without a Body object)."""
    for _key, _type, objects in loose_objects(path):
        for obj in objects:
            if isinstance(obj.get("body"), str):
                return obj["body"]
    return None


def file_text_lookup(root: Path) -> dict[str, Path]:
    """Sidecar texts of a loose folder (Karlsruhe layout: `file-texts/<file id>.txt`), by File URL."""
    index = Path(root) / "file-texts" / "index.json"
    if not index.is_file():
        return {}
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    result = {}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("oparl_file_id") and entry.get("file"):
            result[str(entry["oparl_file_id"])] = Path(root) / str(entry["file"])
    return result
