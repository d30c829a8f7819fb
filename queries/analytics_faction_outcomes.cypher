// name: analytics_faction_outcomes
// purpose: Each paper a faction submitted with every decision on it (none: one row with nulls), for success rates.
// params: none
// returns: faction_id, faction_name, paper_id, kind, decision_id (null if undecided), outcome; ordered by faction_id, paper_id, decision_id
// mode: read
// example: {}
MATCH (f:Faction)-[:SUBMITTED]->(p:Paper)
OPTIONAL MATCH (d:Decision)-[:`ON`]->(p)
RETURN f.id AS faction_id, f.name AS faction_name, p.id AS paper_id, p.kind AS kind,
       d.id AS decision_id, d.outcome AS outcome
ORDER BY faction_id, paper_id, decision_id
