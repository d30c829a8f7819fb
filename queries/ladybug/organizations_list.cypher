// name: organizations_list
// purpose: Organisations (committees, factions, parties, administrative units, external organisations), optionally of one type and with a name containing a text; one page.
// params: $type (string: '' for all, else Committee, Faction, Party, AdministrativeUnit or ExternalOrganization), $q (string, '' for any name), $skip (int), $limit (int)
// returns: id, name, short_name, type (label), classification; ordered by name, id
// why: Ladybug has one label per node: label(x) instead of a list comprehension over labels(x).
// mode: read
MATCH (o:Committee|Faction|Party|AdministrativeUnit|ExternalOrganization)
WITH o, label(o) AS type
WHERE ($type = '' OR type = $type)
  AND ($q = '' OR toLower(coalesce(o.name, '')) CONTAINS toLower($q) OR toLower(coalesce(o.short_name, '')) CONTAINS toLower($q))
RETURN o.id AS id, o.name AS name, o.short_name AS short_name, type, o.classification AS classification
ORDER BY name, id
SKIP $skip LIMIT $limit
