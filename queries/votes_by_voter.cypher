// name: votes_by_voter
// purpose: How one faction, party or person voted, decision by decision, newest meeting first; one page.
// params: $voter_id (string), $skip (int), $limit (int)
// returns: decision_id, position, outcome, unanimous, item_id, item_number, item_title, meeting_id, meeting_date, evidence, source, source_uri, evidence_start, evidence_end; ordered by meeting_date descending, decision_id, item_id
// mode: read
// example: {"voter_id": "dortmund/org/cdu", "skip": 0, "limit": 100}
// example: {"voter_id": "dortmund/org/spd", "skip": 0, "limit": 1}
MATCH (v:Person|Faction|Party {id: $voter_id})-[rel:VOTED]->(d:Decision)
OPTIONAL MATCH (i:AgendaItem)-[:HAS_DECISION]->(d)
OPTIONAL MATCH (m:Meeting)-[:HAS_ITEM]->(i)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN d.id AS decision_id, rel.position AS position, d.outcome AS outcome, d.unanimous AS unanimous,
       i.id AS item_id, i.number AS item_number, coalesce(i.title, i.name) AS item_title,
       m.id AS meeting_id, m.date AS meeting_date, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY meeting_date DESC, decision_id, item_id
SKIP $skip LIMIT $limit
