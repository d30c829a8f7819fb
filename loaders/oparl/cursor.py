"""A resumable import cursor, kept in a small JSON file.

An import of a big city takes hours on slow RIS servers; when it is interrupted, the next
run must continue at the page it stopped at, not start over. The cursor records, per list
URL, the next page to fetch and whether the list is done, plus each body's mapping context
(organisation labels, meeting dates, ...) so pages mapped after a resume still find what
the earlier pages taught. After a complete run it keeps the start time of that run, which
the next run uses as `modified_since` (incremental sync).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class ListState:
    next_url: str | None = None
    done: bool = False
    pages: int = 0


@dataclass
class Cursor:
    path: Path | None = None
    source: str | None = None
    since: str | None = None
    started_at: str | None = None
    last_complete: str | None = None  # start time of the last complete run
    lists: dict[str, ListState] = field(default_factory=dict)
    contexts: dict[str, dict[str, Any]] = field(default_factory=dict)  # body key -> Context.to_json()

    @classmethod
    def load(cls, path: Path | None) -> Cursor:
        if path is None or not path.exists():
            return cls(path=path)
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            path=path,
            source=data.get("source"),
            since=data.get("since"),
            started_at=data.get("started_at"),
            last_complete=data.get("last_complete"),
            lists={key: ListState(**value) for key, value in data.get("lists", {}).items()},
            contexts=data.get("contexts", {}),
        )

    @property
    def in_progress(self) -> bool:
        return bool(self.lists)

    def state(self, key: str) -> ListState:
        return self.lists.setdefault(key, ListState())

    def advance(self, key: str, next_url: str | None) -> None:
        state = self.state(key)
        state.pages += 1
        state.next_url = next_url
        state.done = next_url is None

    def finish(self) -> None:
        """A complete run: forget the page positions, remember when it started."""
        self.last_complete = self.started_at
        self.lists = {}
        self.since = None

    def save(self) -> None:
        if self.path is None:
            return
        data = {
            "source": self.source,
            "since": self.since,
            "started_at": self.started_at,
            "last_complete": self.last_complete,
            "lists": {key: vars(state) for key, state in self.lists.items()},
            "contexts": self.contexts,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Write to a temporary file and rename: a crash mid-write must not lose the cursor.
        fd, tmp = tempfile.mkstemp(prefix=self.path.name, dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(tmp, self.path)
