// name: count_nodes
// purpose: Number of nodes per primary label (organisations by their specific label).
// params: none
// returns: label (string), count (int), ordered by label
// mode: read
// example: {}
MATCH (n)
WITH [l IN labels(n) WHERE l <> 'Organization'][0] AS label
RETURN label, count(*) AS count
ORDER BY label
