// Neo4j constraints and indexes for the Threadline graph.
// Generated from graph/schema/model.ts by graph/schema/write-cypher-schema.ts: edit the model, not this file.
// Every statement is idempotent (IF NOT EXISTS).

// Keys: one node per id.
CREATE CONSTRAINT source_id_unique IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_review_id_unique IF NOT EXISTS FOR (n:CaseReview) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT harm_type_id_unique IF NOT EXISTS FOR (n:HarmType) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id_unique IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT theme_id_unique IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT learning_id_unique IF NOT EXISTS FOR (n:Learning) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT recommendation_id_unique IF NOT EXISTS FOR (n:Recommendation) REQUIRE n.id IS UNIQUE;

// Properties the filters and removals look up.
CREATE INDEX case_review_report_year IF NOT EXISTS FOR (n:CaseReview) ON (n.reportYear);
CREATE INDEX case_review_review_type IF NOT EXISTS FOR (n:CaseReview) ON (n.reviewType);
CREATE INDEX case_review_outcome IF NOT EXISTS FOR (n:CaseReview) ON (n.outcome);
CREATE INDEX agency_sector IF NOT EXISTS FOR (n:Agency) ON (n.sector);
CREATE INDEX learning_source_id IF NOT EXISTS FOR (n:Learning) ON (n.sourceId);
CREATE INDEX recommendation_source_id IF NOT EXISTS FOR (n:Recommendation) ON (n.sourceId);

// Relationship evidence, looked up by source.
CREATE INDEX published_in_source_id IF NOT EXISTS FOR ()-[r:PUBLISHED_IN]-() ON (r.sourceId);
CREATE INDEX concerns_source_id IF NOT EXISTS FOR ()-[r:CONCERNS]-() ON (r.sourceId);
CREATE INDEX involved_source_id IF NOT EXISTS FOR ()-[r:INVOLVED]-() ON (r.sourceId);
CREATE INDEX has_learning_source_id IF NOT EXISTS FOR ()-[r:HAS_LEARNING]-() ON (r.sourceId);
CREATE INDEX about_source_id IF NOT EXISTS FOR ()-[r:ABOUT]-() ON (r.sourceId);
CREATE INDEX has_theme_source_id IF NOT EXISTS FOR ()-[r:HAS_THEME]-() ON (r.sourceId);
CREATE INDEX makes_source_id IF NOT EXISTS FOR ()-[r:MAKES]-() ON (r.sourceId);
CREATE INDEX targets_source_id IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r.sourceId);
CREATE INDEX addresses_source_id IF NOT EXISTS FOR ()-[r:ADDRESSES]-() ON (r.sourceId);

// Full-text search.
CREATE FULLTEXT INDEX case_review_full_text IF NOT EXISTS FOR (n:CaseReview) ON EACH [n.title, n.child, n.partnership, n.summary];
CREATE FULLTEXT INDEX theme_full_text IF NOT EXISTS FOR (n:Theme) ON EACH [n.label, n.description];
CREATE FULLTEXT INDEX learning_full_text IF NOT EXISTS FOR (n:Learning) ON EACH [n.text];
CREATE FULLTEXT INDEX recommendation_full_text IF NOT EXISTS FOR (n:Recommendation) ON EACH [n.text];
