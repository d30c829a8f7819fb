// name: search
// purpose: Full-text search over papers, persons, organisations, meetings, agenda items and decisions.
// params: $q (string: a Lucene query on Neo4j, built by the API from the user's words; a lower-case substring on the embedded store), $skip (int), $limit (int)
// returns: id, type (label), name, title, score (float; engine-dependent: Lucene relevance on Neo4j, 1.0 on the embedded store); ordered by score descending, id. Which nodes match and how they rank differ between engines.
// mode: read
// example: {"q": "blockchain", "skip": 0, "limit": 20}
CALL db.index.fulltext.queryNodes('search', $q) YIELD node, score
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Organization'][0] AS type, node.name AS name,
       node.title AS title, score
ORDER BY score DESC, id
SKIP $skip LIMIT $limit
