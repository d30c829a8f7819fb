// name: lod_relationships
// purpose: The relationships going out of a page of nodes, with endpoint ids and primary labels, for the RDF export (IRIs need the label).
// why: Ladybug has one label per node (label(n)), names a relationship's type with label(r) and returns it as a map.
// params: $source_ids (list of strings)
// returns: source, source_label, target, target_label, type (strings), props (map); ordered by source, type, target
// mode: read
MATCH (a)-[r]->(b)
WHERE a.id IN $source_ids
RETURN a.id AS source, label(a) AS source_label, b.id AS target, label(b) AS target_label,
       label(r) AS type, r AS props
ORDER BY source, type, target
