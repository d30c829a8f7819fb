// name: count_relationships
// purpose: Number of relationships per type.
// params: none
// returns: type (string), count (int), ordered by type
// mode: read
// example: {}
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
