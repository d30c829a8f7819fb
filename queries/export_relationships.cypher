// name: export_relationships
// purpose: The relationships going out of a page of nodes, with endpoint ids, type and properties, for the exports.
// params: $source_ids (list of strings)
// returns: source (string), target (string), type (string), props (map), ordered by source, type, target
// mode: read
// example: {"source_ids": ["dortmund/paper/07035-17-e1", "dortmund/paper/26309-22-e1", "dortmund/org/cdu"]}
// example: {"source_ids": []}
MATCH (a)-[r]->(b)
WHERE a.id IN $source_ids
RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props
ORDER BY source, type, target
