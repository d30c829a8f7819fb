// name: export_relationships
// purpose: Every relationship with its endpoints' ids, type and properties, for the exports.
// why: Ladybug names a relationship's type with label(r) and returns a relationship as a map of its columns.
// params: $skip (int), $limit (int)
// returns: source (string), target (string), type (string), props (map), ordered by source, type, target
// mode: read
MATCH (a)-[r]->(b)
RETURN a.id AS source, b.id AS target, label(r) AS type, r AS props
ORDER BY source, type, target
SKIP $skip LIMIT $limit
