// name: export_relationships
// purpose: Every relationship with its endpoints' ids, type and properties, for the exports.
// params: $skip (int), $limit (int)
// returns: source (string), target (string), type (string), props (map), ordered by source, type, target
// mode: read
// example: {"skip": 0, "limit": 100000}
// example: {"skip": 3, "limit": 11}
MATCH (a)-[r]->(b)
RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props
ORDER BY source, type, target
SKIP $skip LIMIT $limit
