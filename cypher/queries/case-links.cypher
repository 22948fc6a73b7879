// The harm types, agencies and themes of one case review: one row per link, with its evidence.
// params: $caseId
MATCH (c:CaseReview)-[r:CONCERNS|INVOLVED|HAS_THEME]->(x)
WHERE c.id = $caseId
RETURN
  type(r) AS type,
  x.id AS id,
  x.label AS label,
  r.sourceId AS sourceId,
  r.quote AS quote,
  r.start AS start,
  r.end AS end
ORDER BY type, label, id, sourceId, start, end
