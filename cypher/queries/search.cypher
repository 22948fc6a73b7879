// Case titles and pseudonyms, partnerships, taxonomy labels, statement text and review summaries containing
// $text (already trimmed and lower-cased). Exact label matches first, then prefixes, then the rest; then by
// kind and caption. A partnership hit is a case matched by its partnership only; statements name their case
// review. A review matched by its summary alone comes after every hit matched by its caption.
// params: $text, $limit
CALL () {
  MATCH (t:Theme)
  WHERE toLower(t.label) CONTAINS $text
  RETURN 'theme' AS kind, t.id AS id, t.label AS caption, null AS caseId, 0 AS kindOrder, false AS bySummary
  UNION ALL
  MATCH (h:HarmType)
  WHERE toLower(h.label) CONTAINS $text
  RETURN 'harmType' AS kind, h.id AS id, h.label AS caption, null AS caseId, 1 AS kindOrder, false AS bySummary
  UNION ALL
  MATCH (a:Agency)
  WHERE toLower(a.label) CONTAINS $text
  RETURN 'agency' AS kind, a.id AS id, a.label AS caption, null AS caseId, 2 AS kindOrder, false AS bySummary
  UNION ALL
  MATCH (c:CaseReview)
  WHERE toLower(c.title) CONTAINS $text OR toLower(c.child) CONTAINS $text
  RETURN 'case' AS kind, c.id AS id, c.title AS caption, null AS caseId, 3 AS kindOrder, false AS bySummary
  UNION ALL
  MATCH (c:CaseReview)
  WHERE toLower(c.partnership) CONTAINS $text
    AND NOT coalesce(toLower(c.title) CONTAINS $text OR toLower(c.child) CONTAINS $text, false)
  RETURN 'partnership' AS kind, c.id AS id, c.partnership AS caption, c.id AS caseId, 4 AS kindOrder, false AS bySummary
  UNION ALL
  MATCH (c:CaseReview)-[:HAS_LEARNING]->(l:Learning)
  WHERE toLower(l.text) CONTAINS $text
  WITH l, min(c.id) AS caseId
  RETURN 'learning' AS kind, l.id AS id, l.text AS caption, caseId AS caseId, 5 AS kindOrder, false AS bySummary
  UNION ALL
  MATCH (c:CaseReview)-[:MAKES]->(m:Recommendation)
  WHERE toLower(m.text) CONTAINS $text
  WITH m, min(c.id) AS caseId
  RETURN 'recommendation' AS kind, m.id AS id, m.text AS caption, caseId AS caseId, 6 AS kindOrder, false AS bySummary
  UNION ALL
  MATCH (c:CaseReview)
  WHERE toLower(c.summary) CONTAINS $text
    AND NOT coalesce(toLower(c.title) CONTAINS $text OR toLower(c.child) CONTAINS $text, false)
    AND NOT coalesce(toLower(c.partnership) CONTAINS $text, false)
  RETURN 'case' AS kind, c.id AS id, c.title AS caption, null AS caseId, 3 AS kindOrder, true AS bySummary
}
WITH
  kind,
  id,
  caption,
  caseId,
  kindOrder,
  bySummary,
  CASE
    WHEN bySummary THEN 3
    WHEN toLower(caption) = $text THEN 0
    WHEN toLower(caption) STARTS WITH $text THEN 1
    ELSE 2
  END AS rank
RETURN kind AS kind, id AS id, caption AS caption, caseId AS caseId, bySummary AS bySummary
ORDER BY rank, kindOrder, caption, id
LIMIT $limit
