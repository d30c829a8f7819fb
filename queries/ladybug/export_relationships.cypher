// name: export_relationships
// purpose: The relationships going out of a page of nodes, with endpoint ids, type and properties, for the exports.
// why: Ladybug names a relationship's type with label(r) and returns a relationship as a map of its columns.
// params: $source_ids (list of strings)
// returns: source (string), target (string), type (string), props (map), ordered by source, type, target
// mode: read
MATCH (a)-[r]->(b)
WHERE a.id IN $source_ids
RETURN a.id AS source, b.id AS target, label(r) AS type, r AS props
ORDER BY source, type, target
