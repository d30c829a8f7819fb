// name: decision_votes
// purpose: How factions, parties and persons voted on a decision (yes, no, abstain), each with the evidence.
// params: $decision_id (string)
// returns: voter_id, voter_name, voter_type (label), position, evidence, source, source_uri, evidence_start, evidence_end; ordered by voter_id
// why: Ladybug has one label per node: label(x) instead of a list comprehension over labels(x).
// mode: read
MATCH (v:Person|Faction|Party)-[rel:VOTED]->(:Decision {id: $decision_id})
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN v.id AS voter_id, v.name AS voter_name, label(v) AS voter_type,
       rel.position AS position, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY voter_id
