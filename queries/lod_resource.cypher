// name: lod_resource
// purpose: One node (the first of $ids that exists) with its outgoing and incoming relationships, for a Linked Data page.
// params: $ids (list of string), $limit (int)
// returns: one row per relationship (type null for a node without any): id, label, props (map), direction ('out' or 'in'), type, rel_props (map), other_id, other_label, other_name; at most $limit rows per direction
// mode: read
// example: {"ids": ["dortmund/paper/26309-22-e1"], "limit": 500}
// example: {"ids": ["dortmund/org/cdu", "dortmund/cdu"], "limit": 50}
MATCH (n) WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]->(m)
WITH n, r, m ORDER BY type(r), m.id LIMIT $limit
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Organization'][0] AS label, properties(n) AS props,
       'out' AS direction, type(r) AS type, properties(r) AS rel_props,
       m.id AS other_id, [l IN labels(m) WHERE l <> 'Organization'][0] AS other_label, m.name AS other_name
UNION ALL
MATCH (n) WHERE n.id IN $ids
OPTIONAL MATCH (n)<-[r]-(m)
WITH n, r, m ORDER BY type(r), m.id LIMIT $limit
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Organization'][0] AS label, properties(n) AS props,
       'in' AS direction, type(r) AS type, properties(r) AS rel_props,
       m.id AS other_id, [l IN labels(m) WHERE l <> 'Organization'][0] AS other_label, m.name AS other_name
