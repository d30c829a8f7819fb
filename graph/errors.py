"""One root error; messages name the file or query and the reason."""

from __future__ import annotations


class RatsgraphError(Exception):
    """Root of the errors ratsgraph raises on purpose."""


class SourceError(RatsgraphError):
    """A source file that cannot be read or parsed."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class QueryNotFound(RatsgraphError):
    pass


class QueryError(RatsgraphError):
    pass


class StoreUnavailable(RatsgraphError):
    pass
