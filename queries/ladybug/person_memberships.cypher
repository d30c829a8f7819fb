// name: person_memberships
// purpose: A person's memberships in committees, factions and other organisations, each with its evidence.
// params: $person_id (string)
// returns: organization_id, organization_name, organization_type (label), role, start_date, end_date, voting_right, on_behalf_of, membership_key (distinguishes several memberships in one organisation), evidence, source, source_uri, evidence_start, evidence_end; ordered by organization_id, membership_key
// why: Ladybug has one label per node: label(x) instead of a list comprehension over labels(x).
// mode: read
MATCH (p:Person {id: $person_id})-[rel:MEMBER_OF]->(o:Committee|Faction|Party|AdministrativeUnit|ExternalOrganization)
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN o.id AS organization_id, o.name AS organization_name,
       label(o) AS organization_type,
       rel.role AS role, rel.start_date AS start_date, rel.end_date AS end_date, rel.voting_right AS voting_right,
       rel.on_behalf_of AS on_behalf_of, rel.`key` AS membership_key, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri, rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY organization_id, membership_key
