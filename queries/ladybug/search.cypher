// name: search
// purpose: Full-text search over papers, persons, organisations, meetings, agenda items and decisions.
// why: Ladybug has no full-text index here: a case-insensitive substring match on name, title, reference, text and vote_text; every hit scores 1.0, so ranking is by id only.
// params: $q (string: a Lucene query on Neo4j, built by the API from the user's words; a lower-case substring on the embedded store), $skip (int), $limit (int)
// returns: id, type (label), name, title, score (float, always 1.0); ordered by score descending, id
// mode: read
MATCH (n:Paper|Person|Committee|Faction|Party|AdministrativeUnit|ExternalOrganization|Meeting|AgendaItem|Decision)
WHERE toLower(coalesce(n.name, '')) CONTAINS $q
   OR toLower(coalesce(n.title, '')) CONTAINS $q
   OR toLower(coalesce(n.reference, '')) CONTAINS $q
   OR toLower(coalesce(n.text, '')) CONTAINS $q
   OR toLower(coalesce(n.vote_text, '')) CONTAINS $q
RETURN n.id AS id, label(n) AS type, n.name AS name, n.title AS title, 1.0 AS score
ORDER BY score DESC, id
SKIP $skip LIMIT $limit
