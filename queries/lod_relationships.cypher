// name: lod_relationships
// purpose: Every relationship with its endpoints' ids and primary labels, for the RDF export (IRIs need the label).
// params: $skip (int), $limit (int)
// returns: source, source_label, target, target_label, type (strings), props (map); ordered by source, type, target
// mode: read
// example: {"skip": 0, "limit": 100000}
// example: {"skip": 3, "limit": 11}
MATCH (a)-[r]->(b)
RETURN a.id AS source, [l IN labels(a) WHERE l <> 'Organization'][0] AS source_label,
       b.id AS target, [l IN labels(b) WHERE l <> 'Organization'][0] AS target_label,
       type(r) AS type, properties(r) AS props
ORDER BY source, type, target
SKIP $skip LIMIT $limit
