// name: analytics_faction_votes
// purpose: Every recorded faction position on a decision, the rows of the voting-agreement network.
// params: none
// returns: decision_id, outcome, faction_id, faction_name, position (yes, no or abstain); ordered by decision_id, faction_id
// mode: read
// example: {}
MATCH (f:Faction)-[v:VOTED]->(d:Decision)
RETURN d.id AS decision_id, d.outcome AS outcome, f.id AS faction_id, f.name AS faction_name, v.position AS position
ORDER BY decision_id, faction_id
