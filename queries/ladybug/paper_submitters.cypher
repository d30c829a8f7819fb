// name: paper_submitters
// purpose: Who submitted a paper (factions, persons, administrative units, committees), each with the evidence.
// params: $paper_id (string)
// returns: actor_id, actor_name, actor_type (label), evidence, source, source_uri, evidence_start, evidence_end; ordered by actor_id
// why: Ladybug has one label per node: label(x) instead of a list comprehension over labels(x).
// mode: read
MATCH (a:Person|Committee|Faction|Party|AdministrativeUnit|ExternalOrganization)-[rel:SUBMITTED]->(:Paper {id: $paper_id})
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN a.id AS actor_id, a.name AS actor_name, label(a) AS actor_type, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY actor_id
