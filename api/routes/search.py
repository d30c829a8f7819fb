"""Search: full text on Neo4j (the `search` index, Lucene ranking), a substring match on the embedded store."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Query

from ratsgraph.api.deps import PageDep, StoreDep

router = APIRouter(tags=["search"])

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')
_LUCENE_WORDS = {"AND", "OR", "NOT", "TO"}


def lucene_query(text: str) -> str:
    """Every word must match, as a prefix (German compounds: 'Forschung' finds 'Forschungsprojekt')."""
    terms = []
    for word in text.split():
        escaped = _LUCENE_SPECIAL.sub(r"\\\1", word)
        if escaped.upper() in _LUCENE_WORDS:
            escaped = escaped.lower()
        terms.append(f"{escaped}*")
    return " AND ".join(terms)


@router.get(
    "/search",
    summary="Search papers, persons, organisations, meetings, agenda items and decisions",
    description=(
        "On Neo4j a full-text search (the `search` index over name, title, text, reference and vote_text): "
        "every word must match as a word prefix, results are ranked by Lucene relevance (`score`). "
        "On the embedded store a case-insensitive substring match of the whole phrase; every hit scores 1.0 "
        "and results are ordered by id. So which nodes match and their order differ between the engines."
    ),
)
def search(
    store: StoreDep,
    page: PageDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to search for.")],
) -> dict[str, Any]:
    text = q.strip()
    if not text:
        return page.wrap([])
    param = lucene_query(text) if store.engine == "neo4j" else text.lower()
    result = page.wrap(store.read("search", q=param, **page.params()))
    result["engine"] = store.engine
    return result
