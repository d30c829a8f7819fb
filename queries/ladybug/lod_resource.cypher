// name: lod_resource
// purpose: One node (the first of $ids that exists) with its outgoing and incoming relationships, for a Linked Data page.
// why: Ladybug has one label per node (label(n)), names a relationship's type with label(r) and returns nodes and relationships as maps.
// params: $ids (list of string), $limit (int)
// returns: one row per relationship (type null for a node without any): id, label, props (map), direction ('out' or 'in'), type, rel_props (map), other_id, other_label, other_name; at most $limit rows per direction
// mode: read
MATCH (n) WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]->(m)
WITH n, r, m ORDER BY label(r), m.id LIMIT $limit
RETURN n.id AS id, label(n) AS label, n AS props,
       'out' AS direction, label(r) AS type, r AS rel_props,
       m.id AS other_id, label(m) AS other_label, m.name AS other_name
UNION ALL
MATCH (n) WHERE n.id IN $ids
OPTIONAL MATCH (n)<-[r]-(m)
WITH n, r, m ORDER BY label(r), m.id LIMIT $limit
RETURN n.id AS id, label(n) AS label, n AS props,
       'in' AS direction, label(r) AS type, r AS rel_props,
       m.id AS other_id, label(m) AS other_label, m.name AS other_name
