// name: export_nodes
// purpose: One page of nodes (ids after $after, in id order) with primary label and properties, for the exports; keyset paging keeps memory flat on big graphs.
// params: $after (string), $limit (int)
// returns: id (string), label (string), props (map), ordered by id
// mode: read
// example: {"after": "", "limit": 100000}
// example: {"after": "dortmund/org", "limit": 7}
MATCH (n)
WHERE n.id > $after
WITH n, [l IN labels(n) WHERE l <> 'Organization'][0] AS label
RETURN n.id AS id, label, properties(n) AS props
ORDER BY id
LIMIT $limit
