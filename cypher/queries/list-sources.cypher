// Every loaded document without its text, with the number of case reviews published in it.
// params: none
MATCH (s:Source)
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
