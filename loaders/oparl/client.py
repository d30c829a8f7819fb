"""HTTP access to a live OParl server (httpx): retries, rate limit, paging with prefetch.

Real RIS servers are slow (seconds per page) and flaky (intermittent 500s, truncated
bodies), so the client
- retries 5xx, 429, timeouts, transport errors and unparseable bodies with exponential
  backoff (honouring Retry-After);
- spaces requests by a shared, polite rate limit;
- follows `next` links of external lists, keeping `modified_since` on every page;
- fetches the following pages of a list concurrently (bounded) when the list says how many
  pages it has and its `next` links count `page=N`, but always yields pages in `next`-link
  order and checks every prediction against the real `next` link.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from ratsgraph.loaders.oparl import quirks

RETRY_STATUS = {429, 500, 502, 503, 504, 520, 521, 522, 523, 524}


@dataclass
class ClientOptions:
    concurrency: int = 4  # parallel requests (page prefetch within one list)
    requests_per_second: float = 4.0  # polite default for public RIS servers; 0 = no limit
    retries: int = 5  # attempts after the first
    backoff: float = 1.0  # first retry delay in seconds; doubles each time
    max_backoff: float = 60.0
    timeout: float = 60.0
    prefetch: bool = True
    user_agent: str = "ratsgraph-oparl/0.1 (council knowledge graph importer)"
    headers: dict[str, str] = field(default_factory=dict)
    verify: bool = True


@dataclass
class Page:
    url: str
    payload: dict[str, Any]
    next_url: str | None


class FetchError(Exception):
    """A URL that could not be fetched after all retries (or a non-retryable status)."""

    def __init__(self, url: str, reason: str, status: int | None = None):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


class RateLimiter:
    """At most `rate` request starts per second across all threads."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)


@dataclass
class FetchStats:
    requests: int = 0
    retries: int = 0
    pages: int = 0
    bytes: int = 0


class OParlClient:
    """Fetch OParl JSON over HTTP. Thread-safe; use as a context manager."""

    def __init__(self, options: ClientOptions | None = None):
        self.options = options or ClientOptions()
        self.stats = FetchStats()
        self._stats_lock = threading.Lock()
        self._limiter = RateLimiter(self.options.requests_per_second)
        headers = {"User-Agent": self.options.user_agent, "Accept": "application/json", **self.options.headers}
        self._http = httpx.Client(
            timeout=self.options.timeout,
            headers=headers,
            follow_redirects=True,
            verify=self.options.verify,
            limits=httpx.Limits(max_connections=max(1, self.options.concurrency)),
        )
        self._pool = ThreadPoolExecutor(max_workers=max(1, self.options.concurrency), thread_name_prefix="oparl")

    def __enter__(self) -> OParlClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._http.close()

    def _count(self, **deltas: int) -> None:
        with self._stats_lock:
            for key, value in deltas.items():
                setattr(self.stats, key, getattr(self.stats, key) + value)

    def get_json(self, url: str, *, is_list: bool = False) -> Any:
        """GET one URL and parse it, retrying transient faults. Raise FetchError when it fails for good."""
        delay = self.options.backoff
        last = "no attempt"
        for attempt in range(self.options.retries + 1):
            if attempt:
                self._count(retries=1)
                time.sleep(min(delay, self.options.max_backoff))
                delay *= 2
            self._limiter.wait()
            self._count(requests=1)
            try:
                response = self._http.get(url)
            except httpx.TimeoutException as exc:
                last = f"timeout ({exc.__class__.__name__})"
                continue
            except httpx.TransportError as exc:
                last = f"transport error ({exc.__class__.__name__}: {exc})"
                continue
            self._count(bytes=len(response.content))
            if response.status_code in RETRY_STATUS:
                last = f"HTTP {response.status_code}"
                retry_after = _retry_after(response)
                if retry_after is not None:
                    delay = max(delay, retry_after)
                continue
            if response.status_code == 404 and is_list:
                try:
                    empty = quirks.error_404_as_empty_list(404, quirks.parse_json_lenient(response.content))
                except ValueError:
                    empty = None
                if empty is not None:
                    return empty
            if response.status_code >= 400:
                raise FetchError(url, f"HTTP {response.status_code}", response.status_code)
            try:
                return quirks.parse_json_lenient(response.content)
            except ValueError as exc:
                # Truncated or garbled body: usually a dropped connection, worth a retry.
                last = f"invalid JSON ({exc})"
                continue
        raise FetchError(url, f"gave up after {self.options.retries + 1} attempts: {last}")

    def get_page(self, url: str) -> dict[str, Any]:
        page = quirks.coerce_list_page(self.get_json(url, is_list=True))
        self._count(pages=1)
        return page

    def iter_list(self, url: str, params: dict[str, str] | None = None) -> Iterator[Page]:
        """Yield the pages of an external list from `url` on, in `next`-link order."""
        params = params or {}
        current = quirks.keep_query(url, params)
        pending: dict[str, Future[dict[str, Any]]] = {}
        try:
            while current:
                future = pending.pop(current, None)
                payload = future.result() if future is not None else self.get_page(current)
                raw_next = payload.get("links", {}).get("next")
                next_url = quirks.keep_query(raw_next, params) if isinstance(raw_next, str) and raw_next else None
                if next_url == current:
                    next_url = None  # a server whose last page links to itself
                if next_url and next_url not in pending and pending:
                    # The real next link is not what we predicted: drop the guesses.
                    for stale in pending.values():
                        stale.cancel()
                    pending.clear()
                if next_url and self.options.prefetch and self.options.concurrency > 1:
                    for guess in _predicted_pages(next_url, payload, self.options.concurrency):
                        if guess not in pending:
                            pending[guess] = self._pool.submit(self.get_page, guess)
                yield Page(url=current, payload=payload, next_url=next_url)
                current = next_url
        finally:
            for stale in pending.values():
                stale.cancel()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _page_number(url: str) -> int | None:
    for key, value in parse_qsl(urlsplit(url).query):
        if key == "page" and value.isdigit():
            return int(value)
    return None


def _with_page(url: str, number: int) -> str:
    parts = urlsplit(url)
    query = [(k, str(number) if k == "page" else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(query, safe=":")))


def _predicted_pages(next_url: str, payload: dict[str, Any], window: int) -> list[str]:
    """URLs of the next `window` pages when the list numbers them `page=N` and says how many there are."""
    first = _page_number(next_url)
    if first is None:
        return []
    total = None
    pagination = payload.get("pagination")
    if isinstance(pagination, dict) and isinstance(pagination.get("totalPages"), int):
        total = pagination["totalPages"]
    last = payload.get("links", {}).get("last")
    if total is None and isinstance(last, str):
        total = _page_number(last)
    if total is None:
        return []
    return [_with_page(next_url, n) for n in range(first, min(total, first + window - 1) + 1)]
