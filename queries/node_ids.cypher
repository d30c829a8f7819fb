// name: node_ids
// purpose: One page of node ids after $after, in id order: the keyset the exports page by.
// params: $after (string), $limit (int)
// returns: id (string), ordered by id
// mode: read
// example: {"after": "", "limit": 100000}
// example: {"after": "dortmund/org", "limit": 5}
MATCH (n)
WHERE n.id > $after
RETURN n.id AS id
ORDER BY id
LIMIT $limit
