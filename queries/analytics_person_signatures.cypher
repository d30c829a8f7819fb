// name: analytics_person_signatures
// purpose: Which person signed which paper, the rows of the person co-signing network.
// params: none
// returns: paper_id, reference, person_id, person_name; one row per signature, ordered by paper_id, person_id
// mode: read
// example: {}
MATCH (s:Person)-[:SIGNED]->(p:Paper)
RETURN p.id AS paper_id, p.reference AS reference, s.id AS person_id, s.name AS person_name
ORDER BY paper_id, person_id
