// name: meetings_list
// purpose: Meetings, optionally of one committee and in a date range, newest first; one page.
// params: $committee_id (string, '' for any), $date_from (string ISO date, '' for open), $date_to (string ISO date, '' for open), $skip (int), $limit (int)
// returns: id, name, date, committee_id, committee_name; ordered by date descending, id, committee_id
// mode: read
// example: {"committee_id": "", "date_from": "", "date_to": "", "skip": 0, "limit": 100}
// example: {"committee_id": "dortmund/org/rat", "date_from": "", "date_to": "", "skip": 0, "limit": 100}
// example: {"committee_id": "", "date_from": "2022-11-01", "date_to": "2022-11-30", "skip": 0, "limit": 100}
// example: {"committee_id": "", "date_from": "", "date_to": "", "skip": 1, "limit": 1}
MATCH (m:Meeting)
WHERE ($committee_id = '' OR EXISTS { MATCH (m)-[:HELD_BY]->(x {id: $committee_id}) })
  AND ($date_from = '' OR m.date >= $date_from)
  AND ($date_to = '' OR m.date <= $date_to)
OPTIONAL MATCH (m)-[:HELD_BY]->(c:Committee|Faction|Party|AdministrativeUnit|ExternalOrganization)
RETURN m.id AS id, m.name AS name, m.date AS date, c.id AS committee_id, c.name AS committee_name
ORDER BY date DESC, id, committee_id
SKIP $skip LIMIT $limit
