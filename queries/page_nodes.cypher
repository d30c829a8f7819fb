// name: page_nodes
// purpose: The given nodes with their label and properties, the facts a network page shows on a click.
// params: $ids (list of strings)
// returns: id, label (the node's own label, never Organization), props (map); ordered by id
// mode: read
// example: {"ids": ["dortmund/paper/26309-22-e1", "dortmund/org/cdu"]}
MATCH (n) WHERE n.id IN $ids
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Organization'][0] AS label, properties(n) AS props
ORDER BY id
