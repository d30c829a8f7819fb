"""Start a throw-away Neo4j Community 5.26 server for the test suite.

The server is ``scripts/neo4j-test-server/run`` (embedded Neo4j in a JVM, store in a
temporary directory, Bolt on a free 127.0.0.1 port). This module spawns it, waits for its
``BOLT_URI=...`` handshake line, checks the Bolt endpoint with the official driver and
hands back a :class:`Neo4jTestServer`.

Typical use from a session-scoped pytest fixture::

    server = start_neo4j_test_server()
    try:
        yield server
    finally:
        server.stop()

Auth is disabled unless ``password`` is given (or ``NEO4J_TEST_PASSWORD`` is set), in which
case user ``neo4j`` has that password.

The store lives in a temporary directory deleted on stop, unless ``data_dir`` is given (or
``NEO4J_TEST_DATA_DIR`` is set): then it is kept there, and a server started again with the
same ``data_dir`` sees the same data, also after :meth:`Neo4jTestServer.kill` (Neo4j recovers
from its transaction logs). The fault tests use this to kill a server mid-load and restart it.
"""

from __future__ import annotations

import collections
import os
import selectors
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

REPO_ROOT = Path(__file__).resolve().parent.parent
RUN_SCRIPT = REPO_ROOT / "scripts" / "neo4j-test-server" / "run"
HANDSHAKE_PREFIX = "BOLT_URI="
_STDERR_TAIL_LINES = 60


@dataclass
class Neo4jTestServer:
    """A running test server; ``uri`` is ``bolt://127.0.0.1:PORT``."""

    uri: str
    auth: tuple[str, str] | None
    process: subprocess.Popen
    _stderr_tail: collections.deque[str] = field(repr=False)
    _stderr_thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def routing_uri(self) -> str:
        """The same endpoint as a ``neo4j://`` (routing) URI."""
        return "neo4j://" + self.uri.split("://", 1)[1]

    @property
    def stderr_tail(self) -> str:
        """The last lines the server wrote to stderr (for error messages)."""
        return "".join(self._stderr_tail)

    def stop(self, timeout: float = 30) -> None:
        """Stop the server (close its stdin, then SIGTERM, then SIGKILL). Idempotent."""
        _terminate(self.process, timeout)
        if self._stderr_thread is not None:
            self._stderr_thread.join(timeout=5)

    def kill(self) -> None:
        """SIGKILL the JVM at once: no shutdown, no flush (a crash, for fault tests). Idempotent."""
        if self.process.poll() is None:
            self.process.kill()  # `run` execs java: this pid is the JVM
        self.process.wait(timeout=30)
        if self._stderr_thread is not None:
            self._stderr_thread.join(timeout=5)

    def __enter__(self) -> Neo4jTestServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_neo4j_test_server(
    timeout: float = 180,
    password: str | None = None,
    verify: bool = True,
    data_dir: str | os.PathLike[str] | None = None,
) -> Neo4jTestServer:
    """Spawn the Neo4j test server and wait until it accepts Bolt connections.

    ``timeout`` covers everything, including a first-time Maven build (which downloads
    Neo4j from Maven Central; later starts need no network). ``password`` (at least 8
    characters; default ``$NEO4J_TEST_PASSWORD``) enables auth for user ``neo4j``.
    With ``verify`` the Bolt endpoint is checked with ``neo4j.GraphDatabase.driver``.
    ``data_dir`` (default ``$NEO4J_TEST_DATA_DIR``, else a temporary directory deleted on
    stop) keeps the store in that directory across stops and restarts.

    Raises RuntimeError, including the tail of the server's stderr, if the server exits
    or does not announce itself in time.
    """
    if password is None:
        password = os.environ.get("NEO4J_TEST_PASSWORD") or None
    env = dict(os.environ)
    if password is not None:
        env["NEO4J_TEST_PASSWORD"] = password
    else:
        env.pop("NEO4J_TEST_PASSWORD", None)
    env.pop("NEO4J_TEST_IGNORE_STDIN", None)  # we stop it by closing stdin
    if data_dir is not None:
        env["NEO4J_TEST_DATA_DIR"] = str(Path(data_dir).resolve())

    deadline = time.monotonic() + timeout
    proc = subprocess.Popen(
        [str(RUN_SCRIPT)],
        cwd=str(REPO_ROOT),
        env=env,
        stdin=subprocess.PIPE,  # the server exits when this pipe closes (also if we die)
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    assert proc.stdout is not None and proc.stderr is not None
    tail: collections.deque[str] = collections.deque(maxlen=_STDERR_TAIL_LINES)
    stderr_thread = threading.Thread(
        target=_pump, args=(proc.stderr, tail), name="neo4j-test-server-stderr", daemon=True
    )
    stderr_thread.start()

    def fail(reason: str) -> RuntimeError:
        _terminate(proc, 10)
        stderr_thread.join(timeout=5)
        return RuntimeError(f"Neo4j test server ({RUN_SCRIPT}) {reason}; stderr tail:\n" + "".join(tail))

    uri = _read_handshake(proc, proc.stdout, deadline)
    if uri is None:
        try:  # stdout EOF usually means the process is exiting: give it a moment
            code = proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None
        if code is not None:
            raise fail(f"exited with code {code} before announcing its Bolt URI")
        raise fail(f"did not announce its Bolt URI within {timeout:.0f} s")

    # Keep draining stdout so the server never blocks on a full pipe.
    threading.Thread(target=_pump, args=(proc.stdout, None), name="neo4j-test-server-stdout", daemon=True).start()

    auth = ("neo4j", password) if password is not None else None
    server = Neo4jTestServer(uri=uri, auth=auth, process=proc, _stderr_tail=tail, _stderr_thread=stderr_thread)
    if verify:
        try:
            _verify(uri, auth, deadline)
        except Exception as exc:  # noqa: BLE001 - re-raised with context
            raise fail(f"announced {uri} but Bolt check failed: {exc!r}") from exc
    return server


def _read_handshake(proc: subprocess.Popen, stdout: IO[bytes], deadline: float) -> str | None:
    """Read stdout (unbuffered) until a ``BOLT_URI=...`` line; None on EOF or deadline."""
    fd = stdout.fileno()
    buf = b""
    sel = selectors.DefaultSelector()
    sel.register(fd, selectors.EVENT_READ)
    try:
        while True:
            while b"\n" in buf:
                raw, buf = buf.split(b"\n", 1)
                line = raw.decode("utf-8", "replace").strip()
                if line.startswith(HANDSHAKE_PREFIX):
                    return line[len(HANDSHAKE_PREFIX) :]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            if not sel.select(timeout=min(remaining, 1.0)):
                continue
            chunk = os.read(fd, 4096)
            if not chunk:
                return None
            buf += chunk
    finally:
        sel.close()


def _verify(uri: str, auth: tuple[str, str] | None, deadline: float) -> None:
    """Check the endpoint with the official driver, retrying until the deadline."""
    import neo4j  # imported lazily: only needed when a server is started

    last: Exception | None = None
    while True:
        try:
            with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
                driver.verify_connectivity()
                return
        except Exception as exc:  # noqa: BLE001
            last = exc
        if time.monotonic() + 0.5 > deadline:
            raise last
        time.sleep(0.5)


def _pump(stream: IO[bytes], sink: collections.deque[str] | None) -> None:
    """Read a pipe to EOF, keeping the last lines in ``sink`` (if given)."""
    try:
        for line in stream:
            if sink is not None:
                sink.append(line.decode("utf-8", "replace"))
    except (OSError, ValueError):
        pass


def _terminate(proc: subprocess.Popen, timeout: float) -> None:
    """Close stdin (the server's stop signal), then escalate to SIGTERM and SIGKILL."""
    if proc.poll() is None and proc.stdin is not None:
        try:
            proc.stdin.close()
        except OSError:
            pass
    for action in (None, proc.terminate, proc.kill):
        if action is not None and proc.poll() is None:
            action()
        try:
            proc.wait(timeout=timeout)
            return
        except subprocess.TimeoutExpired:
            continue
