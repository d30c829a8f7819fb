// name: meeting_speeches
// purpose: Who spoke on which agenda item of a meeting, each with the evidence.
// params: $meeting_id (string)
// returns: item_id, person_id, person_name, on_behalf_of, evidence, source, source_uri, evidence_start, evidence_end; ordered by item_id, person_id
// mode: read
// example: {"meeting_id": "dortmund/meeting/awbewf/2022-11-16"}
MATCH (:Meeting {id: $meeting_id})-[:HAS_ITEM]->(i:AgendaItem)<-[rel:SPOKE_ON]-(p:Person)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN i.id AS item_id, p.id AS person_id, p.name AS person_name, rel.on_behalf_of AS on_behalf_of, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY item_id, person_id
