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
4. Memory and crash bounds (`check_bounds`, part of `check_read_only`): a time limit cannot stop a
   single function call that builds a huge value (`size(range(1, 300000000))` took 4 GB and 13 s on
   Ladybug, past its 5 s limit; on Neo4j it would exhaust the heap), so `range()` must have integer
   literal bounds spanning at most MAX_RANGE values, and `repeat`/`lpad`/`rpad`/`list_fill` literal
   sizes of at most MAX_RANGE. SKIP/OFFSET must be an integer literal of at most MAX_SKIP: Ladybug
   0.22 crashes the process (SIGSEGV) on `ORDER BY ... SKIP n LIMIT m` when n lies some thousands
   of rows past the end (from ~5,000 with three sort keys), and truncates n to 32 bits
   (SKIP 4294967296 skips nothing); Neo4j overflows near 2**63.
   Aggregates over large scans (collect) are bounded by the time limit and, on Ladybug, by its
   buffer pool (an error, not a crash); see docs/reliability.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ratsgraph.graph.errors import QueryError

DEFAULT_TIMEOUT_MS = 10_000
DEFAULT_MAX_ROWS = 10_000
MAX_QUERY_CHARS = 20_000
MAX_RANGE = 1_000_000  # values one range() (or a sized string/list function) may build
MAX_SKIP = 2_000  # rows a researcher's query may skip (see layer 4)


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


_RANGE = re.compile(r"(?<![.$\w])range\s*\(", re.IGNORECASE)
_INT = r"\s*(-?\s*\d+)\s*"
_RANGE_ARGS = re.compile(rf"{_INT},{_INT}(?:,{_INT})?\)")
_SIZED = re.compile(r"(?<![.$\w])(repeat|lpad|rpad|list_fill)\s*\(", re.IGNORECASE)
_SKIP = re.compile(r"(?<![.$\w])(SKIP|OFFSET)\b\s*(\d+\b(?!\s*[-+*/^%.]))?", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.$])\d+(?![\w.])")


def _literal_int(text: str) -> int:
    return int(text.replace(" ", ""))


def check_bounds(bare: str) -> None:
    """Refuse what would build a huge value in one call, or skip far (see layer 4 above)."""
    for match in _RANGE.finditer(bare):
        args = _RANGE_ARGS.match(bare, match.end())
        if args is None:
            raise QueryRefused(f"range() needs integer literal bounds (spanning at most {MAX_RANGE:,} values)")
        start, end = _literal_int(args.group(1)), _literal_int(args.group(2))
        step = _literal_int(args.group(3)) if args.group(3) else 1
        if step == 0 or (end - start) // step + 1 > MAX_RANGE:
            raise QueryRefused(f"range() may span at most {MAX_RANGE:,} values")
    for match in _SIZED.finditer(bare):
        depth, i = 1, match.end()
        while i < len(bare) and depth:
            depth += {"(": 1, ")": -1}.get(bare[i], 0)
            i += 1
        inner = bare[match.end() : i - 1]
        numbers = [int(n) for n in _NUMBER.findall(inner)]
        if not numbers or max(numbers) > MAX_RANGE or "$" in inner:
            raise QueryRefused(f"{match.group(1)}() needs a literal size of at most {MAX_RANGE:,}")
    for match in _SKIP.finditer(bare):
        if match.group(2) is None or int(match.group(2)) > MAX_SKIP:
            raise QueryRefused(f"{match.group(1).upper()} needs an integer literal of at most {MAX_SKIP:,}")


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
    check_bounds(bare)
    return text
