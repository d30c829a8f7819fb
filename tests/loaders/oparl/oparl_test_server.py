"""A real OParl HTTP server on 127.0.0.1 that serves a crawl dump folder, with injectable faults.

The dump's JSON keeps the original server URLs; the server rewrites them to its own base so
a client following links stays on 127.0.0.1. `?page=N` maps to `<list>_page_N.json` (the
dump's renaming) and `modified_since` filters by each object's `modified`. The `next` links
are served as stored, i.e. *without* `modified_since`, like the servers that drop it.

Faults (keys are the request path plus query, e.g. "/oparl/body/1/paper?page=3"):
  fail[key] = n        -> the next n requests get HTTP 500
  slow[key] = seconds  -> the response is delayed
  truncate[key] = n    -> the next n responses are cut in half (invalid JSON, status 200)
  control[key] = True  -> a raw control character is injected into every "name" string
  error404[key] = True -> HTTP 404 with an error JSON (Sternberg's empty list)
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Faults:
    fail: dict[str, int] = field(default_factory=dict)
    slow: dict[str, float] = field(default_factory=dict)
    truncate: dict[str, int] = field(default_factory=dict)
    control: dict[str, bool] = field(default_factory=dict)
    error404: dict[str, bool] = field(default_factory=dict)


@dataclass
class ServerState:
    root: Path
    original_base: str
    base: str = ""
    faults: Faults = field(default_factory=Faults)
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class _Handler(BaseHTTPRequestHandler):
    state: ServerState  # set on the subclass per server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the default stderr log
        pass

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        state = self.state
        parts = urlsplit(self.path)
        query = dict(parse_qsl(parts.query))
        page = query.get("page")
        key = parts.path + (f"?page={page}" if page else "")
        with state.lock:
            state.requests.append(self.path)
            failing = state.faults.fail.get(key, 0)
            if failing:
                state.faults.fail[key] = failing - 1
            truncating = state.faults.truncate.get(key, 0)
            if truncating:
                state.faults.truncate[key] = truncating - 1
        delay = state.faults.slow.get(key)
        if delay:
            time.sleep(delay)
        if failing:
            self._send(500, b'{"error": "injected failure"}')
            return
        if state.faults.error404.get(key):
            self._send(404, b'{"error": {"code": 404, "message": "Keine Daten gefunden"}}')
            return
        rel = parts.path[len("/oparl/") :].strip("/") if parts.path.startswith("/oparl/") else ""
        rel = rel or "system"
        name = f"{rel}_page_{page}.json" if page and page != "1" else f"{rel}.json"
        path = state.root / name
        if not path.is_file():
            self._send(404, b'{"error": "not found"}')
            return
        body = path.read_bytes().replace(state.original_base.encode(), state.base.encode())
        since = query.get("modified_since")
        if since:
            payload = json.loads(body)
            if isinstance(payload, dict) and isinstance(payload.get("data"), list):
                limit = _parse_time(since)
                payload["data"] = [o for o in payload["data"] if _parse_time(o["modified"]) >= limit]
                body = json.dumps(payload, ensure_ascii=False).encode()
        if state.faults.control.get(key):
            body = body.replace(b'"name":"', b'"name":"\x01\x02')
        if truncating:
            body = body[: len(body) // 2]
        self._send(200, body)


class _Server(ThreadingHTTPServer):
    # The default listen backlog of 5 overflows under 8 parallel clients; the dropped SYNs
    # then cost a one-second TCP retransmit, which would be measured as loader slowness.
    request_queue_size = 64


@contextmanager
def serve_dump(root: Path, original_base: str) -> Iterator[ServerState]:
    """Serve `root` on a free port of 127.0.0.1; yields the state with `base` (".../oparl/") set."""
    state = ServerState(root=Path(root), original_base=original_base)
    handler = type("Handler", (_Handler,), {"state": state})
    server = _Server(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}/oparl/"
    thread = threading.Thread(target=server.serve_forever, name="oparl-test-server", daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
