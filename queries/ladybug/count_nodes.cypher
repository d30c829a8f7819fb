// name: count_nodes
// purpose: Number of nodes per primary label (organisations by their specific label).
// why: Ladybug has one label per node, label(n) instead of labels(n), and no list comprehensions.
// params: none
// returns: label (string), count (int), ordered by label
// mode: read
MATCH (n)
RETURN label(n) AS label, count(*) AS count
ORDER BY label
