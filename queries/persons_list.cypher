// name: persons_list
// purpose: Persons, optionally those whose name contains a text and those who are members of one organisation; one page.
// params: $q (string, '' for any name; case-insensitive substring), $organization_id (string, '' for any), $skip (int), $limit (int)
// returns: id, name, family_name, given_name, title, form_of_address; ordered by name, id
// mode: read
// example: {"q": "", "organization_id": "", "skip": 0, "limit": 100}
// example: {"q": "repp", "organization_id": "", "skip": 0, "limit": 10}
// example: {"q": "", "organization_id": "dortmund/org/cdu", "skip": 0, "limit": 10}
// example: {"q": "", "organization_id": "", "skip": 1, "limit": 1}
MATCH (p:Person)
WHERE ($q = '' OR toLower(coalesce(p.name, '')) CONTAINS toLower($q))
  AND ($organization_id = '' OR EXISTS { MATCH (p)-[:MEMBER_OF]->(o {id: $organization_id}) })
RETURN p.id AS id, p.name AS name, p.family_name AS family_name, p.given_name AS given_name,
       p.title AS title, p.form_of_address AS form_of_address
ORDER BY name, id
SKIP $skip LIMIT $limit
