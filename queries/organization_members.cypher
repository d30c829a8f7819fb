// name: organization_members
// purpose: The members of one organisation with role and dates, each with its evidence.
// params: $organization_id (string)
// returns: person_id, person_name, role, start_date, end_date, voting_right, on_behalf_of, membership_key, evidence, source, source_uri, evidence_start, evidence_end; ordered by person_name, person_id, membership_key
// mode: read
// example: {"organization_id": "dortmund/org/cdu"}
// example: {"organization_id": "dortmund/org/awbewf"}
MATCH (p:Person)-[rel:MEMBER_OF]->(:Committee|Faction|Party|AdministrativeUnit|ExternalOrganization {id: $organization_id})
OPTIONAL MATCH (doc:Document {id: rel.source})
RETURN p.id AS person_id, p.name AS person_name, rel.role AS role, rel.start_date AS start_date,
       rel.end_date AS end_date, rel.voting_right AS voting_right, rel.on_behalf_of AS on_behalf_of, rel.`key` AS membership_key, rel.evidence AS evidence, rel.source AS source, doc.uri AS source_uri,
       rel.start AS evidence_start, rel.`end` AS evidence_end
ORDER BY person_name, person_id, membership_key
