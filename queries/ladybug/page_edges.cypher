// name: page_edges
// purpose: The relationships of the given types that touch any of the given nodes, for the network pages.
// why: Ladybug has no startNode/endNode, type(r) or list comprehensions; a node has one label (label(n)) and a relationship is returned as a map. One pattern with `a.id IN $ids OR b.id IN $ids` scans every relationship (4x slower at 10^4 edges), so the two directions are a UNION, which Ladybug cannot ORDER as a whole: rows come unordered here (callers sort).
// params: $ids (list of strings), $types (list of strings)
// returns: source, source_label, source_name, type, target, target_label, target_name, props (map); one row per relationship, unordered on this engine
// mode: read
MATCH (a)-[r]->(b)
WHERE a.id IN $ids AND label(r) IN $types
RETURN a.id AS source, label(a) AS source_label, a.name AS source_name, label(r) AS type,
       b.id AS target, label(b) AS target_label, b.name AS target_name, r AS props
UNION
MATCH (a)-[r]->(b)
WHERE b.id IN $ids AND label(r) IN $types
RETURN a.id AS source, label(a) AS source_label, a.name AS source_name, label(r) AS type,
       b.id AS target, label(b) AS target_label, b.name AS target_name, r AS props
