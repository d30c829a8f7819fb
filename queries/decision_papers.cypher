// name: decision_papers
// purpose: The papers a decision was on, each with the evidence.
// params: $decision_id (string)
// returns: paper_id, reference, title, kind, date, evidence, source, source_uri, evidence_start, evidence_end; ordered by paper_id
// mode: read
// example: {"decision_id": "dortmund/meeting/awbewf/2022-11-16/item/4-11/decision/1"}
MATCH (:Decision {id: $decision_id})-[rel:`ON`]->(p:Paper)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN p.id AS paper_id, p.reference AS reference, p.title AS title, p.kind AS kind, p.date AS date, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY paper_id
