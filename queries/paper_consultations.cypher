// name: paper_consultations
// purpose: Where a paper was or will be consulted: agenda item, meeting, committee, role and status, each with the evidence.
// params: $paper_id (string)
// returns: item_id, item_number, item_title, role, status, consultation_key, meeting_id, meeting_name, meeting_date, committee_id, committee_name, evidence, source, source_uri, evidence_start, evidence_end; ordered by meeting_date, item_id, meeting_id, committee_id, consultation_key
// mode: read
// example: {"paper_id": "dortmund/paper/26309-22-e1"}
MATCH (:Paper {id: $paper_id})-[rel:CONSULTED_AT]->(i:AgendaItem)
OPTIONAL MATCH (m:Meeting)-[:HAS_ITEM]->(i)
OPTIONAL MATCH (m)-[:HELD_BY]->(c:Committee|Faction|Party|AdministrativeUnit|ExternalOrganization)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN i.id AS item_id, i.number AS item_number, coalesce(i.title, i.name) AS item_title, rel.role AS role,
       rel.status AS status, rel.`key` AS consultation_key, m.id AS meeting_id, m.name AS meeting_name, m.date AS meeting_date,
       c.id AS committee_id, c.name AS committee_name, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY meeting_date, item_id, meeting_id, committee_id, consultation_key
