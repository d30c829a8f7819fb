// name: export_nodes
// purpose: Every node with its primary label and properties, for the node-link and RDF exports.
// why: Ladybug has one label per node (label(n)) and returns a node as a map of its columns.
// params: $skip (int), $limit (int)
// returns: id (string), label (string), props (map), ordered by id
// mode: read
MATCH (n)
RETURN n.id AS id, label(n) AS label, n AS props
ORDER BY id
SKIP $skip LIMIT $limit
