"""Named Cypher queries: one file per query, the file name is the query name.

Each file starts with a machine-read header:

    // name: paper_lifecycle
    // purpose: One paper with its amendments, answers, consultations and decisions.
    // params: $paper_id (string)
    // returns: one row per fact ...
    // mode: read
    // example: {"paper_id": "dortmund/paper/26309-22-e1"}

`example` lines (JSON objects, any number) give parameters the parity test runs on
both engines. A query that cannot be shared between Neo4j and the embedded store has an
engine-specific variant in a sub-folder named after the engine
(`queries/ladybug/NAME.cypher`, `queries/neo4j/NAME.cypher`); its header says why.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ratsgraph.graph.errors import QueryError, QueryNotFound

ENGINES = ("neo4j", "ladybug")
_HEADER = re.compile(r"^//\s*(name|purpose|params|returns|mode|why|example):\s*(.*)$")
_PARAM_DECL = re.compile(r"\$(\w+)\s*\(([^)]*)\)")
_PARAM_USE = re.compile(r"\$(\w+)")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    purpose: str
    params: dict[str, str]
    returns: str
    mode: str
    text: str
    engine: str | None = None  # None: shared by all engines
    examples: tuple[dict, ...] = ()

    @property
    def is_read(self) -> bool:
        return self.mode == "read"


def parse_query(source: str, filename: str, engine: str | None = None) -> NamedQuery:
    header: dict[str, str] = {}
    examples: list[dict] = []
    body: list[str] = []
    for line in source.splitlines():
        match = _HEADER.match(line.strip())
        if match and not body and match.group(1) == "example":
            try:
                examples.append(json.loads(match.group(2)))
            except json.JSONDecodeError as exc:
                raise QueryError(f"{filename}: example is not a JSON object ({exc})") from exc
        elif match and not body:
            header[match.group(1)] = match.group(2).strip()
        elif line.strip().startswith("//") and not body:
            continue
        else:
            body.append(line)
    text = "\n".join(body).strip()
    name = header.get("name")
    stem = filename.rsplit("/", 1)[-1].removesuffix(".cypher")
    if not name or name != stem:
        raise QueryError(f"{filename}: header name {name!r} must equal the file name {stem!r}")
    for key in ("purpose", "params", "returns", "mode"):
        if not header.get(key):
            raise QueryError(f"{filename}: header lacks '{key}'")
    if header["mode"] not in ("read", "write", "schema"):
        raise QueryError(f"{filename}: mode must be read, write or schema")
    if engine and not header.get("why"):
        raise QueryError(f"{filename}: an engine variant must say why it exists ('// why: ...')")
    declared = {} if header["params"] == "none" else dict(_PARAM_DECL.findall(header["params"]))
    used = set(_PARAM_USE.findall(_STRING.sub("", text)))
    if used != set(declared):
        raise QueryError(f"{filename}: parameters used {sorted(used)} differ from declared {sorted(declared)}")
    if not text:
        raise QueryError(f"{filename}: no query text")
    for example in examples:
        if not isinstance(example, dict) or set(example) != set(declared):
            raise QueryError(f"{filename}: example {example} does not give exactly the declared parameters")
    return NamedQuery(
        name, header["purpose"], declared, header["returns"], header["mode"], text, engine, tuple(examples)
    )


@cache
def all_queries() -> dict[tuple[str, str | None], NamedQuery]:
    """Every query file, keyed by (name, engine); engine None is the shared text."""
    found: dict[tuple[str, str | None], NamedQuery] = {}
    root = resources.files(__name__)
    for entry in root.iterdir():
        if entry.name.endswith(".cypher"):
            q = parse_query(entry.read_text(encoding="utf-8"), entry.name)
            found[(q.name, None)] = q
    for engine in ENGINES:
        folder = root / engine
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if entry.name.endswith(".cypher"):
                q = parse_query(entry.read_text(encoding="utf-8"), f"{engine}/{entry.name}", engine)
                found[(q.name, engine)] = q
    return found


def get_query(name: str, engine: str) -> NamedQuery:
    queries = all_queries()
    query = queries.get((name, engine)) or queries.get((name, None))
    if query is None:
        raise QueryNotFound(f"no named query {name!r} for the {engine} store")
    return query


def query_names(mode: str | None = None) -> list[str]:
    return sorted({q.name for q in all_queries().values() if mode is None or q.mode == mode})
