// name: person_papers
// purpose: Papers a person signed or submitted, each with the evidence of the signature or submission.
// params: $person_id (string)
// returns: relation ('signed' or 'submitted'), paper_id, reference, title, kind, date, role, function, evidence, source, source_uri, evidence_start, evidence_end; rows unordered (UNION; sort by date, paper_id, relation)
// mode: read
// example: {"person_id": "dortmund/person/reppin-udo"}
// example: {"person_id": "dortmund/person/westphal-thomas"}
MATCH (:Person {id: $person_id})-[rel:SIGNED]->(p:Paper)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN 'signed' AS relation, p.id AS paper_id, p.reference AS reference, p.title AS title, p.kind AS kind,
       p.date AS date, rel.role AS role, rel.function AS function, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
UNION ALL
MATCH (:Person {id: $person_id})-[rel:SUBMITTED]->(p:Paper)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN 'submitted' AS relation, p.id AS paper_id, p.reference AS reference, p.title AS title, p.kind AS kind,
       p.date AS date, CASE WHEN false THEN '' END AS role,
       CASE WHEN false THEN '' END AS function, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
