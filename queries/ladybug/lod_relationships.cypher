// name: lod_relationships
// purpose: Every relationship with its endpoints' ids and primary labels, for the RDF export (IRIs need the label).
// why: Ladybug has one label per node (label(n)), names a relationship's type with label(r) and returns it as a map.
// params: $skip (int), $limit (int)
// returns: source, source_label, target, target_label, type (strings), props (map); ordered by source, type, target
// mode: read
MATCH (a)-[r]->(b)
RETURN a.id AS source, label(a) AS source_label, b.id AS target, label(b) AS target_label,
       label(r) AS type, r AS props
ORDER BY source, type, target
SKIP $skip LIMIT $limit
