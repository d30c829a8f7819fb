"""Write and schema statements derived from the graph model.

Labels and relationship types cannot be query parameters, so each write
statement is generated once per label or relationship type from the schema in
`graph/model.py` (an allow-list), never from data. Reads live in `queries/`.
Every write is `UNWIND $rows AS row MERGE ... ON id`; scalars keep their stored
value when a row has none, lists (sources, aliases) grow by union, so loading
more documents never erases what an earlier load wrote.
"""

from __future__ import annotations

from functools import cache

from ratsgraph.graph.model import NODE_PROPERTIES, ORGANIZATION_LABELS, RELATIONSHIP_TYPES

LADYBUG_TYPES = {"STRING": "STRING", "STRING[]": "STRING[]", "INT64": "INT64", "BOOLEAN": "BOOLEAN", "DOUBLE": "DOUBLE"}


def _q(name: str) -> str:
    # Backticks keep property names such as `end` (a Cypher keyword) valid in both engines.
    return f"`{name}`"


def _set_clause(var: str, props: dict[str, str], engine: str) -> str:
    parts = []
    for prop, typ in props.items():
        if prop == "id":
            continue
        target, value = f"{var}.{_q(prop)}", f"row.{_q(prop)}"
        if engine == "ladybug":
            value = f"CAST({value} AS {LADYBUG_TYPES[typ]})"
            if typ.endswith("[]"):
                # Lists arrive already united with the stored value (EmbeddedStore reads it first):
                # Ladybug's list_filter lambdas leak values between UNWIND rows (seen with 0.22.0).
                # An absent list is stored as [] like in Neo4j, where the union starts from [].
                parts.append(f"{target} = coalesce({value}, {target}, CAST([] AS {typ}))")
                continue
        elif typ.endswith("[]"):
            parts.append(
                f"{target} = coalesce({target}, []) + "
                f"[x IN coalesce({value}, []) WHERE NOT x IN coalesce({target}, [])]"
            )
            continue
        parts.append(f"{target} = coalesce({value}, {target})")
    return "SET " + ", ".join(parts)


@cache
def merge_nodes(label: str, engine: str) -> str:
    props = NODE_PROPERTIES[label]
    extra = " SET n:Organization" if engine == "neo4j" and label in ORGANIZATION_LABELS else ""
    return f"UNWIND $rows AS row MERGE (n:{_q(label)} {{id: row.id}}) {_set_clause('n', props, engine)}{extra}"


@cache
def list_properties_of(label: str) -> tuple[str, ...]:
    return tuple(p for p, t in NODE_PROPERTIES[label].items() if t.endswith("[]"))


@cache
def read_list_properties(label: str) -> str:
    """The stored list values of the nodes about to be written, for the embedded store's union."""
    cols = ", ".join(f"n.{_q(p)} AS {_q(p)}" for p in list_properties_of(label))
    return f"MATCH (n:{_q(label)}) WHERE n.id IN $ids RETURN n.id AS id, {cols}"


@cache
def merge_edges(rel_type: str, source_label: str, target_label: str, engine: str) -> str:
    rel = RELATIONSHIP_TYPES[rel_type]
    props = {k: v for k, v in rel.properties.items() if k != "key"}
    match = (
        f"UNWIND $rows AS row MATCH (a:{_q(source_label)} {{id: row.from_id}}) "
        f"MATCH (b:{_q(target_label)} {{id: row.to_id}}) "
    )
    merge = f"MERGE (a)-[r:{_q(rel_type)}{' {key: row.key}' if rel.keyed else ''}]->(b)"
    sets = " " + _set_clause("r", props, engine) if props else ""
    # The count lets the store refuse a batch whose edge names a node that is not there.
    return match + merge + sets + " RETURN count(r) AS written"


def ladybug_ddl() -> list[str]:
    statements = []
    for label, props in NODE_PROPERTIES.items():
        cols = ", ".join(f"{_q(p)} {LADYBUG_TYPES[t]}" for p, t in props.items())
        statements.append(f"CREATE NODE TABLE IF NOT EXISTS {_q(label)}({cols}, PRIMARY KEY(id))")
    for rel in RELATIONSHIP_TYPES.values():
        pairs = ", ".join(f"FROM {s} TO {t}" for s, t in rel.pairs)
        cols = "".join(f", {_q(p)} {LADYBUG_TYPES[t]}" for p, t in rel.properties.items())
        statements.append(f"CREATE REL TABLE IF NOT EXISTS {_q(rel.name)}({pairs}{cols})")
    return statements


def ladybug_add_columns(table: str, existing: set[str]) -> list[str]:
    """Columns the model gained since the store was created (the embedded schema is typed)."""
    props = NODE_PROPERTIES.get(table) or RELATIONSHIP_TYPES[table].properties
    return [
        f"ALTER TABLE {_q(table)} ADD IF NOT EXISTS {_q(p)} {LADYBUG_TYPES[t]}"
        for p, t in props.items()
        if p not in existing
    ]


def neo4j_schema() -> list[str]:
    statements = []
    for label in (*NODE_PROPERTIES, "Organization"):
        statements.append(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
    for label, props in NODE_PROPERTIES.items():
        for prop in ("reference", "date", "name"):
            if prop in props:
                statements.append(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
    statements.append(
        "CREATE FULLTEXT INDEX search IF NOT EXISTS FOR (n:Paper|Person|Organization|Meeting|AgendaItem|Decision) "
        "ON EACH [n.name, n.title, n.text, n.reference, n.vote_text]"
    )
    return statements
