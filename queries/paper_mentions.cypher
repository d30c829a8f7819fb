// name: paper_mentions
// purpose: Committees a paper is addressed to and persons and organisations it mentions, each with the evidence.
// params: $paper_id (string)
// returns: relation ('addressed_to' or 'mentions'), target_id, target_name, target_type (label), evidence, source, source_uri, evidence_start, evidence_end; rows unordered (UNION; sort by relation, target_id)
// mode: read
// example: {"paper_id": "dortmund/paper/26309-22-e1"}
MATCH (:Paper {id: $paper_id})-[rel:ADDRESSED_TO]->(a:Committee|Faction|Party|AdministrativeUnit|ExternalOrganization)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN 'addressed_to' AS relation, a.id AS target_id, a.name AS target_name,
       [l IN labels(a) WHERE l <> 'Organization'][0] AS target_type, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
UNION ALL
MATCH (:Paper {id: $paper_id})-[rel:MENTIONS]->(a:Person|Committee|Faction|Party|AdministrativeUnit|ExternalOrganization)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN 'mentions' AS relation, a.id AS target_id, a.name AS target_name,
       [l IN labels(a) WHERE l <> 'Organization'][0] AS target_type, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
