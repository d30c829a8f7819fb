// name: meeting_items
// purpose: A meeting's agenda items in order, each with the papers consulted there (one row per item and paper).
// params: $meeting_id (string)
// returns: item_id, item_number, item_title, item_public, item_order, paper_id, paper_reference, paper_title, paper_kind, consultation_role, consultation_status, consultation_key, evidence, source, source_uri, evidence_start, evidence_end (of the consultation); ordered by item_order, item_id, paper_id, consultation_key
// mode: read
// example: {"meeting_id": "dortmund/meeting/awbewf/2022-11-16"}
// example: {"meeting_id": "dortmund/meeting/rat/2022-12-15"}
MATCH (:Meeting {id: $meeting_id})-[h:HAS_ITEM]->(i:AgendaItem)
OPTIONAL MATCH (p:Paper)-[rel:CONSULTED_AT]->(i)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN i.id AS item_id, i.number AS item_number, coalesce(i.title, i.name) AS item_title, i.public AS item_public,
       coalesce(h.`order`, i.`order`) AS item_order, p.id AS paper_id, p.reference AS paper_reference,
       p.title AS paper_title, p.kind AS paper_kind, rel.role AS consultation_role,
       rel.status AS consultation_status, rel.`key` AS consultation_key, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY item_order, item_id, paper_id, consultation_key
