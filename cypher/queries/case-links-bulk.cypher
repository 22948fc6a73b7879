// The harm types, agencies and themes of many case reviews (all of them when $all is true): one row per
// link, with its evidence, for file exports.
// params: $all, $caseIds
MATCH (c:CaseReview)-[r:CONCERNS|INVOLVED|HAS_THEME]->(x)
WHERE $all OR c.id IN $caseIds
RETURN
  c.id AS caseId,
  type(r) AS type,
  x.id AS id,
  r.sourceId AS sourceId,
  r.quote AS quote,
  r.start AS start,
  r.end AS end
ORDER BY caseId, type, id, sourceId, start, end
