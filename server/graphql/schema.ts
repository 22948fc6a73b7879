/** The executable schema: the SDL in server/schema/*.graphql plus the resolvers and enum mappings. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { AGE_BAND_VALUES, NODE_KIND_VALUES, OUTCOME_VALUES, REVIEW_TYPE_VALUES } from './enums.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { ANALYTICS_ENUMS, AnalyticsQuery } from './resolvers/analytics.ts';
import { Evidence } from './resolvers/evidence.ts';
import { Mutation } from './resolvers/mutation.ts';
import { Query } from './resolvers/query.ts';
import { RECOMMENDATION_TYPES, RecommendationsQuery } from './resolvers/recommendations.ts';
import {
  Agency,
  CaseReview,
  GraphNode,
  HarmType,
  Learning,
  Node,
  Recommendation,
  SearchHit,
  Source,
  Theme,
} from './resolvers/types.ts';
import { REVIEW_COUNTS } from './review-counts.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));

export function readTypeDefs(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

type ResolverMap = Record<string, object>;

/** Resolver maps merged type by type (several modules add fields to the same type). */
function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}

/** Checked against the types generated from the SDL (server/graphql/generated, `npm run codegen`). */
const TYPED_RESOLVERS: Resolvers = {
  Query: { ...Query, ...AnalyticsQuery, ...RecommendationsQuery },
  Mutation,
  CaseReview,
  HarmType,
  Agency,
  Node,
  GraphNode,
  SearchHit,
  Learning,
  Recommendation,
  Source,
  Theme,
  Evidence,
};

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readTypeDefs(),
    resolvers: mergeResolvers(
      {
        ...TYPED_RESOLVERS,
        Outcome: OUTCOME_VALUES,
        AgeBand: AGE_BAND_VALUES,
        ReviewType: REVIEW_TYPE_VALUES,
        NodeKind: NODE_KIND_VALUES,
      },
      ANALYTICS_ENUMS,
      RECOMMENDATION_TYPES,
      REVIEW_COUNTS,
    ),
  });
}
