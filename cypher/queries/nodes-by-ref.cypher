// Finds nodes by {label, id}. Labels cannot be parameters, so there is one branch per label, each an index
// seek on the id constraint. Unknown refs yield no row. Element ids are only used within the same transaction.
// params: $refs
UNWIND $refs AS ref
CALL (ref) {
  MATCH (n:Source) WHERE ref.label = 'Source' AND n.id = ref.id RETURN n AS node
  UNION ALL
  MATCH (n:CaseReview) WHERE ref.label = 'CaseReview' AND n.id = ref.id RETURN n AS node
  UNION ALL
  MATCH (n:HarmType) WHERE ref.label = 'HarmType' AND n.id = ref.id RETURN n AS node
  UNION ALL
  MATCH (n:Agency) WHERE ref.label = 'Agency' AND n.id = ref.id RETURN n AS node
  UNION ALL
  MATCH (n:Theme) WHERE ref.label = 'Theme' AND n.id = ref.id RETURN n AS node
  UNION ALL
  MATCH (n:Learning) WHERE ref.label = 'Learning' AND n.id = ref.id RETURN n AS node
  UNION ALL
  MATCH (n:Recommendation) WHERE ref.label = 'Recommendation' AND n.id = ref.id RETURN n AS node
}
RETURN
  elementId(node) AS elementId,
  labels(node)[0] AS label,
  node.id AS id,
  coalesce(node.label, node.title, node.text, node.id) AS caption
