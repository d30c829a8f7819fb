// name: export_nodes
// purpose: Every node with its primary label and properties, for the node-link and RDF exports.
// params: $skip (int), $limit (int)
// returns: id (string), label (string), props (map), ordered by id
// mode: read
// example: {"skip": 0, "limit": 100000}
// example: {"skip": 5, "limit": 7}
MATCH (n)
WITH n, [l IN labels(n) WHERE l <> 'Organization'][0] AS label
RETURN n.id AS id, label, properties(n) AS props
ORDER BY id
SKIP $skip LIMIT $limit
