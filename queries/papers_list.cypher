// name: papers_list
// purpose: Papers filtered by kind, date range, submitter and a text in reference, title or full text; newest first; one page.
// params: $kind (string, '' for any), $date_from (string ISO date, '' for open), $date_to (string ISO date, '' for open), $submitter_id (string, '' for any), $text (string, '' for any; case-insensitive substring), $skip (int), $limit (int)
// returns: id, reference, title, name, kind, paper_type, date; ordered by date descending (papers without a date first), id
// mode: read
// example: {"kind": "", "date_from": "", "date_to": "", "submitter_id": "", "text": "", "skip": 0, "limit": 100}
// example: {"kind": "amendment", "date_from": "", "date_to": "", "submitter_id": "", "text": "", "skip": 0, "limit": 100}
// example: {"kind": "", "date_from": "2022-01-01", "date_to": "2022-11-10", "submitter_id": "", "text": "", "skip": 0, "limit": 100}
// example: {"kind": "", "date_from": "", "date_to": "", "submitter_id": "dortmund/org/cdu", "text": "", "skip": 0, "limit": 100}
// example: {"kind": "", "date_from": "", "date_to": "", "submitter_id": "", "text": "blockchain", "skip": 0, "limit": 100}
// example: {"kind": "", "date_from": "", "date_to": "", "submitter_id": "", "text": "", "skip": 1, "limit": 2}
MATCH (p:Paper)
WHERE ($kind = '' OR p.kind = $kind)
  AND ($date_from = '' OR p.date >= $date_from)
  AND ($date_to = '' OR p.date <= $date_to)
  AND ($text = ''
       OR toLower(coalesce(p.reference, '')) CONTAINS toLower($text)
       OR toLower(coalesce(p.title, '')) CONTAINS toLower($text)
       OR toLower(coalesce(p.name, '')) CONTAINS toLower($text)
       OR toLower(coalesce(p.text, '')) CONTAINS toLower($text))
  AND ($submitter_id = '' OR EXISTS { MATCH (s {id: $submitter_id})-[:SUBMITTED]->(p) })
RETURN p.id AS id, p.reference AS reference, p.title AS title, p.name AS name, p.kind AS kind,
       p.paper_type AS paper_type, p.date AS date
ORDER BY date DESC, id
SKIP $skip LIMIT $limit
