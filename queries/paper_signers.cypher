// name: paper_signers
// purpose: Who signed a paper, with role (gez., i.A.) and function, each with the evidence.
// params: $paper_id (string)
// returns: person_id, person_name, role, function, on_behalf_of, evidence, source, source_uri, evidence_start, evidence_end; ordered by person_id
// mode: read
// example: {"paper_id": "dortmund/paper/26309-22-e1"}
MATCH (a:Person)-[rel:SIGNED]->(:Paper {id: $paper_id})
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN a.id AS person_id, a.name AS person_name, rel.role AS role, rel.function AS function,
       rel.on_behalf_of AS on_behalf_of, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY person_id
