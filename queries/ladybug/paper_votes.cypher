// name: paper_votes
// purpose: How factions, parties and persons voted in every decision on a paper, each with the evidence.
// why: Ladybug has one label per node (label(v)) and no list comprehensions.
// params: $paper_id (string)
// returns: decision_id, voter_id, voter_name, voter_type (label), position, evidence, source, source_uri, evidence_start, evidence_end; ordered by decision_id, voter_id
// mode: read
MATCH (v:Person|Faction|Party)-[rel:VOTED]->(d:Decision)-[:`ON`]->(:Paper {id: $paper_id})
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN d.id AS decision_id, v.id AS voter_id, v.name AS voter_name, label(v) AS voter_type,
       rel.position AS position, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY decision_id, voter_id
