// name: node_evidence
// purpose: The documents a node (paper, person, organisation, meeting, agenda item, decision) was read from, with the text.
// params: $node_id (string)
// returns: document_id, uri, title, evidence, evidence_start, evidence_end; ordered by document_id
// mode: read
// example: {"node_id": "dortmund/paper/26309-22-e1"}
// example: {"node_id": "dortmund/org/cdu"}
MATCH (n:Paper|Person|Committee|Faction|Party|AdministrativeUnit|ExternalOrganization|Meeting|AgendaItem|Decision {id: $node_id})-[e:EXTRACTED_FROM]->(d:Document)
RETURN d.id AS document_id, d.uri AS uri, d.title AS title, e.evidence AS evidence, e.start AS evidence_start,
       e.`end` AS evidence_end
ORDER BY document_id
