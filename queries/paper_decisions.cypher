// name: paper_decisions
// purpose: Decisions on a paper with outcome, agenda item, meeting and committee, each with the evidence that the decision was on this paper.
// params: $paper_id (string)
// returns: decision_id, outcome, unanimous, vote_text, item_id, item_number, meeting_id, meeting_name, meeting_date, committee_id, committee_name, evidence, source, source_uri, evidence_start, evidence_end; ordered by meeting_date, decision_id, item_id, meeting_id, committee_id
// mode: read
// example: {"paper_id": "dortmund/paper/26309-22-e1"}
MATCH (d:Decision)-[rel:`ON`]->(:Paper {id: $paper_id})
OPTIONAL MATCH (i:AgendaItem)-[:HAS_DECISION]->(d)
OPTIONAL MATCH (m:Meeting)-[:HAS_ITEM]->(i)
OPTIONAL MATCH (m)-[:HELD_BY]->(c:Committee|Faction|Party|AdministrativeUnit|ExternalOrganization)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN d.id AS decision_id, d.outcome AS outcome, d.unanimous AS unanimous, d.vote_text AS vote_text,
       i.id AS item_id, i.number AS item_number, m.id AS meeting_id, m.name AS meeting_name, m.date AS meeting_date,
       c.id AS committee_id, c.name AS committee_name, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY meeting_date, decision_id, item_id, meeting_id, committee_id
