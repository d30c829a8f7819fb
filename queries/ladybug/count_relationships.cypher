// name: count_relationships
// purpose: Number of relationships per type.
// why: Ladybug names a relationship's type with label(r); type(r) does not exist there.
// params: none
// returns: type (string), count (int), ordered by type
// mode: read
MATCH ()-[r]->()
RETURN label(r) AS type, count(*) AS count
ORDER BY type
