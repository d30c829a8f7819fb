// name: page_edges
// purpose: The relationships of the given types that touch any of the given nodes, for the network pages.
// params: $ids (list of strings), $types (list of strings)
// returns: source, source_label, source_name, type, target, target_label, target_name, props (map); ordered by source, type, target
// mode: read
// example: {"ids": ["dortmund/paper/26309-22-e1"], "types": ["SUBMITTED", "SIGNED", "AMENDS", "CONSULTED_AT", "ON"]}
// example: {"ids": ["dortmund/person/reppin-udo", "dortmund/org/cdu"], "types": ["MEMBER_OF", "SIGNED", "SUBMITTED", "VOTED"]}
MATCH (n) WHERE n.id IN $ids
MATCH (n)-[r]-()
WHERE type(r) IN $types
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN a.id AS source, [l IN labels(a) WHERE l <> 'Organization'][0] AS source_label, a.name AS source_name,
       type(r) AS type,
       b.id AS target, [l IN labels(b) WHERE l <> 'Organization'][0] AS target_label, b.name AS target_name,
       properties(r) AS props
ORDER BY source, type, target
