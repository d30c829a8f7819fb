"""Researchers' own Cypher, read-only and bounded: the guard both stores apply in `cypher_readonly`.

Layers, each enough on its own for the common cases:

1. `check_read_only` (here, both engines): a parser-level guard on the text with string literals,
   comments and backticked names removed. It refuses clauses that write or touch files, the
   server or the schema (CREATE, MERGE, DELETE, SET, REMOVE, DROP, LOAD CSV, COPY, ...), more
   than one statement, procedure calls outside an allow-list, and apoc/dbms/gds functions.
2. The store: Neo4j runs `EXPLAIN` first and refuses every query type other than read ('r'),
   then runs the query in a READ transaction with a timeout; the embedded store runs it inside
   `BEGIN TRANSACTION READ ONLY` with a per-call query timeout.
3. A row cap: the store stops fetching after `max_rows` rows and says the answer is truncated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ratsgraph.graph.errors import QueryError

DEFAULT_TIMEOUT_MS = 10_000
DEFAULT_MAX_ROWS = 10_000
MAX_QUERY_CHARS = 20_000


class QueryRefused(QueryError):
    """A query the read-only endpoint will not run (it writes, or calls what is not allowed)."""


class QueryTimedOut(QueryError):
    """A query that ran longer than its time limit and was stopped."""


@dataclass
class ReadResult:
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False


# Words that start a clause or command that writes, reads files or URLs, manages transactions,
# the schema, extensions, databases or users, in Neo4j 5 or Ladybug. Matched as whole words,
# not after `.` (property access) or `$` (a parameter).
REFUSED_WORDS = frozenset(
    {
        "CREATE",
        "MERGE",
        "DELETE",
        "DETACH",
        "SET",
        "REMOVE",
        "DROP",
        "ALTER",
        "RENAME",
        "COPY",
        "LOAD",
        "INSTALL",
        "UNINSTALL",
        "ATTACH",
        "EXPORT",
        "IMPORT",
        "BEGIN",
        "COMMIT",
        "ROLLBACK",
        "CHECKPOINT",
        "FOREACH",
        "USE",
        "GRANT",
        "DENY",
        "REVOKE",
        "TERMINATE",
        "SHOW",
        "ENABLE",
        "DEALLOCATE",
        "REALLOCATE",
        "PERIODIC",
        "TRANSACTIONS",
    }
)

# Read-only procedures a researcher may CALL (lower case; compared case-insensitively).
ALLOWED_PROCEDURES = frozenset(
    {
        # Neo4j
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
        # Ladybug
        "show_tables",
        "table_info",
        "show_connection",
        "db_version",
    }
)

# Namespaces of functions and procedures that can reach the server, files or run dynamic Cypher.
REFUSED_NAMESPACES = ("apoc", "dbms", "gds", "genai")

_COMMENT_OR_STRING = re.compile(
    r"""//[^\n]*|/\*.*?(?:\*/|\Z)|'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z)|`(?:[^`]|``)*(?:`|\Z)""",
    re.DOTALL,
)
_WORD = re.compile(r"(?<![.$\w])([A-Za-z_][A-Za-z0-9_]*)\b")
_CALL = re.compile(r"(?<![.$\w])CALL\b\s*(\{|\(|[A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_][\w]*)*)?", re.IGNORECASE)
_NAMESPACE = re.compile(r"(?<![.$\w])(" + "|".join(REFUSED_NAMESPACES) + r")\s*\.", re.IGNORECASE)


def _blank(match: re.Match[str]) -> str:
    text = match.group(0)
    if text.startswith("`"):
        return "`x`"  # a name stays a name, whatever it spells
    if text.startswith(("'", '"')):
        return "''"
    return " "


def strip_literals(text: str) -> str:
    """The query with comments removed and string literals and backticked names emptied."""
    return _COMMENT_OR_STRING.sub(_blank, text)


def check_read_only(text: str) -> str:
    """Refuse anything but a single read-only query; return the text unchanged when it passes."""
    if not text or not text.strip():
        raise QueryRefused("the query is empty")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRefused(f"the query is longer than {MAX_QUERY_CHARS} characters")
    bare = strip_literals(text)
    if ";" in bare.rstrip().rstrip(";"):
        raise QueryRefused("only one statement per request")
    for match in _WORD.finditer(bare):
        word = match.group(1).upper()
        if word in REFUSED_WORDS:
            raise QueryRefused(f"{word} is not allowed: this endpoint only reads")
    for match in _CALL.finditer(bare):
        target = match.group(1)
        if target in ("{", "("):
            continue  # a subquery; its clauses were checked above
        name = re.sub(r"\s+", "", target or "").lower()
        if name not in ALLOWED_PROCEDURES:
            allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
            raise QueryRefused(f"CALL {name or '?'} is not allowed; allowed procedures: {allowed}")
    namespace = _NAMESPACE.search(bare)
    if namespace:
        raise QueryRefused(f"{namespace.group(1)}.* functions and procedures are not allowed")
    return text
