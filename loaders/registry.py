"""Which loader reads which source: a registry keyed by media type, plus OParl dumps and URLs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ratsgraph.loaders.document import SourceDocument


@dataclass(frozen=True)
class DocumentLoader:
    name: str
    media_types: frozenset[str]
    parse: Callable  # (SourceDocument, CouncilReference) -> ParseResult


_LOADERS: list[DocumentLoader] = []


def register(loader: DocumentLoader) -> None:
    _LOADERS.append(loader)


def loader_for(doc: SourceDocument) -> DocumentLoader | None:
    _ensure_builtin()
    for loader in _LOADERS:
        if doc.media_type in loader.media_types:
            return loader
    return None


def registered() -> list[DocumentLoader]:
    _ensure_builtin()
    return list(_LOADERS)


def _ensure_builtin() -> None:
    if _LOADERS:
        return
    from ratsgraph.loaders.text import parse_document

    register(
        DocumentLoader(
            name="council-document",
            media_types=frozenset({"text/plain", "text/markdown", "text/html", "application/pdf"}),
            parse=parse_document,
        )
    )
