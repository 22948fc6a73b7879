// Number of nodes of each label in the model, one row per label (counts come from the count store).
// params: none
MATCH (n:Source) RETURN 'Source' AS name, count(n) AS total
UNION ALL
MATCH (n:CaseReview) RETURN 'CaseReview' AS name, count(n) AS total
UNION ALL
MATCH (n:HarmType) RETURN 'HarmType' AS name, count(n) AS total
UNION ALL
MATCH (n:Agency) RETURN 'Agency' AS name, count(n) AS total
UNION ALL
MATCH (n:Theme) RETURN 'Theme' AS name, count(n) AS total
UNION ALL
MATCH (n:Learning) RETURN 'Learning' AS name, count(n) AS total
UNION ALL
MATCH (n:Recommendation) RETURN 'Recommendation' AS name, count(n) AS total
