// name: page_nodes
// purpose: The given nodes with their label and properties, the facts a network page shows on a click.
// why: Ladybug has one label per node (label(n), no labels()) and no properties(); a node is returned as a map of all its table's columns.
// params: $ids (list of strings)
// returns: id, label (the node's own label, never Organization), props (map); ordered by id
// mode: read
MATCH (n) WHERE n.id IN $ids
RETURN n.id AS id, label(n) AS label, n AS props
ORDER BY id
