// The documents one case review is published in, each with its own number of case reviews.
// params: $caseId
MATCH (review:CaseReview)-[:PUBLISHED_IN]->(s:Source)
WHERE review.id = $caseId
WITH DISTINCT s
OPTIONAL MATCH (c:CaseReview)-[:PUBLISHED_IN]->(s)
WITH s, count(DISTINCT c) AS caseCount
RETURN
  s.id AS id,
  s.title AS title,
  s.publisher AS publisher,
  s.published AS published,
  s.path AS path,
  s.format AS format,
  s.kind AS kind,
  s.ingestedAt AS ingestedAt,
  s.sha256 AS sha256,
  caseCount AS caseCount
ORDER BY path, id
