// name: person_speeches
// purpose: Agenda items a person spoke on, with the meeting and the evidence of the speech.
// params: $person_id (string)
// returns: item_id, item_number, item_title, meeting_id, meeting_name, meeting_date, on_behalf_of, evidence, source, source_uri, evidence_start, evidence_end; ordered by meeting_date, item_id, meeting_id
// mode: read
// example: {"person_id": "dortmund/person/reppin-udo"}
MATCH (:Person {id: $person_id})-[rel:SPOKE_ON]->(i:AgendaItem)
OPTIONAL MATCH (m:Meeting)-[:HAS_ITEM]->(i)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN i.id AS item_id, i.number AS item_number, coalesce(i.title, i.name) AS item_title, m.id AS meeting_id,
       m.name AS meeting_name, m.date AS meeting_date, rel.on_behalf_of AS on_behalf_of, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY meeting_date, item_id, meeting_id
