// Creates or updates case reviews; a review met in several sources keeps the properties of the latest load.
// $rows: [{id, title, child, reviewType, partnership, authors, reportYear, incidentYear, age, ageBand, gender,
//          outcome, summary, topic}]
// params: $rows
UNWIND $rows AS row
MERGE (c:CaseReview {id: row.id})
SET
  c.title = row.title,
  c.child = row.child,
  c.reviewType = row.reviewType,
  c.partnership = row.partnership,
  c.authors = row.authors,
  c.reportYear = toInteger(row.reportYear),
  c.incidentYear = toInteger(row.incidentYear),
  c.age = row.age,
  c.ageBand = row.ageBand,
  c.gender = row.gender,
  c.outcome = row.outcome,
  c.summary = row.summary,
  c.topic = row.topic
