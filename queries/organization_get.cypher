// name: organization_get
// purpose: One organisation's own properties.
// params: $organization_id (string)
// returns: at most one row: id, name, short_name, type (label), classification, aliases (list), start_date, end_date, website, sources (list)
// mode: read
// example: {"organization_id": "dortmund/org/cdu"}
// example: {"organization_id": "dortmund/org/awbewf"}
MATCH (o:Committee|Faction|Party|AdministrativeUnit|ExternalOrganization {id: $organization_id})
RETURN o.id AS id, o.name AS name, o.short_name AS short_name, [l IN labels(o) WHERE l <> 'Organization'][0] AS type,
       o.classification AS classification, o.aliases AS aliases, o.start_date AS start_date, o.end_date AS end_date,
       o.website AS website, o.sources AS sources
