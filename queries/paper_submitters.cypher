// name: paper_submitters
// purpose: Who submitted a paper (factions, persons, administrative units, committees), each with the evidence.
// params: $paper_id (string)
// returns: actor_id, actor_name, actor_type (label), evidence, source, source_uri, evidence_start, evidence_end; ordered by actor_id
// mode: read
// example: {"paper_id": "dortmund/paper/26309-22-e1"}
// example: {"paper_id": "dortmund/paper/26309-22-e2"}
MATCH (a:Person|Committee|Faction|Party|AdministrativeUnit|ExternalOrganization)-[rel:SUBMITTED]->(:Paper {id: $paper_id})
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN a.id AS actor_id, a.name AS actor_name, [l IN labels(a) WHERE l <> 'Organization'][0] AS actor_type, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY actor_id
