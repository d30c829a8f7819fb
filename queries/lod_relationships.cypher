// name: lod_relationships
// purpose: The relationships going out of a page of nodes, with endpoint ids and primary labels, for the RDF export (IRIs need the label).
// params: $source_ids (list of strings)
// returns: source, source_label, target, target_label, type (strings), props (map); ordered by source, type, target
// mode: read
// example: {"source_ids": ["dortmund/paper/07035-17-e1", "dortmund/paper/26309-22-e1", "dortmund/org/cdu"]}
// example: {"source_ids": []}
MATCH (a)-[r]->(b)
WHERE a.id IN $source_ids
RETURN a.id AS source, [l IN labels(a) WHERE l <> 'Organization'][0] AS source_label,
       b.id AS target, [l IN labels(b) WHERE l <> 'Organization'][0] AS target_label,
       type(r) AS type, properties(r) AS props
ORDER BY source, type, target
