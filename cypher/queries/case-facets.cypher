// One compact row per case review: the fields and linked ids the server's filters and co-occurrence use.
// Linked ids are distinct and sorted (a link can be evidenced by several sources).
// params: none
MATCH (c:CaseReview)
RETURN
  c.id AS id,
  c.reportYear AS reportYear,
  c.outcome AS outcome,
  c.ageBand AS ageBand,
  c.reviewType AS reviewType,
  COLLECT { MATCH (c)-[:CONCERNS]->(h:HarmType) RETURN DISTINCT h.id AS harmTypeId ORDER BY harmTypeId } AS harmTypes,
  COLLECT { MATCH (c)-[:INVOLVED]->(a:Agency) RETURN DISTINCT a.id AS agencyId ORDER BY agencyId } AS agencies,
  COLLECT { MATCH (c)-[:HAS_THEME]->(t:Theme) RETURN DISTINCT t.id AS themeId ORDER BY themeId } AS themes,
  COLLECT { MATCH (c)-[:PUBLISHED_IN]->(s:Source) RETURN DISTINCT s.id AS sourceId ORDER BY sourceId } AS sources
ORDER BY id
