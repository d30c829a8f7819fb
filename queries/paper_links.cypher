// name: paper_links
// purpose: A paper's links to other papers in both directions (amends, answers, references), each with the evidence.
// params: $paper_id (string)
// returns: type (AMENDS, ANSWERS or REFERENCES), direction ('outgoing': this paper amends/answers/references the other; 'incoming'), paper_id, reference, title, kind, date, evidence, source, source_uri, evidence_start, evidence_end; rows unordered (UNION; sort by direction, type, paper_id)
// mode: read
// example: {"paper_id": "dortmund/paper/26309-22-e1"}
// example: {"paper_id": "dortmund/paper/26309-22-e2"}
MATCH (:Paper {id: $paper_id})-[rel:AMENDS]->(p:Paper)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN 'AMENDS' AS type, 'outgoing' AS direction, p.id AS paper_id, p.reference AS reference, p.title AS title,
       p.kind AS kind, p.date AS date, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
UNION ALL
MATCH (:Paper {id: $paper_id})<-[rel:AMENDS]-(p:Paper)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN 'AMENDS' AS type, 'incoming' AS direction, p.id AS paper_id, p.reference AS reference, p.title AS title,
       p.kind AS kind, p.date AS date, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
UNION ALL
MATCH (:Paper {id: $paper_id})-[rel:ANSWERS]->(p:Paper)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN 'ANSWERS' AS type, 'outgoing' AS direction, p.id AS paper_id, p.reference AS reference, p.title AS title,
       p.kind AS kind, p.date AS date, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
UNION ALL
MATCH (:Paper {id: $paper_id})<-[rel:ANSWERS]-(p:Paper)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN 'ANSWERS' AS type, 'incoming' AS direction, p.id AS paper_id, p.reference AS reference, p.title AS title,
       p.kind AS kind, p.date AS date, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
UNION ALL
MATCH (:Paper {id: $paper_id})-[rel:REFERENCES]->(p:Paper)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN 'REFERENCES' AS type, 'outgoing' AS direction, p.id AS paper_id, p.reference AS reference, p.title AS title,
       p.kind AS kind, p.date AS date, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
UNION ALL
MATCH (:Paper {id: $paper_id})<-[rel:REFERENCES]-(p:Paper)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN 'REFERENCES' AS type, 'incoming' AS direction, p.id AS paper_id, p.reference AS reference, p.title AS title,
       p.kind AS kind, p.date AS date, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
