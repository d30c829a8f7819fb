// name: export_nodes
// purpose: One page of nodes (ids after $after, in id order) with primary label and properties, for the exports; keyset paging keeps memory flat on big graphs.
// why: Ladybug has one label per node (label(n)) and returns a node as a map of its columns.
// params: $after (string), $limit (int)
// returns: id (string), label (string), props (map), ordered by id
// mode: read
MATCH (n)
WHERE n.id > $after
RETURN n.id AS id, label(n) AS label, n AS props
ORDER BY id
LIMIT $limit
