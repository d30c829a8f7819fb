// name: analytics_faction_submissions
// purpose: Which faction submitted which paper, the rows of the faction co-sponsorship network.
// params: none
// returns: paper_id, reference, title, faction_id, faction_name; one row per submission, ordered by paper_id, faction_id
// mode: read
// example: {}
MATCH (f:Faction)-[:SUBMITTED]->(p:Paper)
RETURN p.id AS paper_id, p.reference AS reference, p.title AS title, f.id AS faction_id, f.name AS faction_name
ORDER BY paper_id, faction_id
