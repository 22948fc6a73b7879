/**
 * Query-shape limits (graphql-armor): depth, aliases, directives, tokens and estimated cost. Rejections are
 * reported as ordinary validation errors, so every limit that is exceeded is listed in one answer and the
 * HTTP status is 400, as for any invalid document; each message says what to change (limit-advice.ts).
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { ServerLimits } from '../config.ts';
import { limitMessage } from './limit-advice.ts';

function reportAsValidationError(context: ValidationContext | null, error: GraphQLError): void {
  const limit = error.message.replace(/^Syntax Error: /, '');
  const refusal = createGraphQLError(limitMessage(limit, context?.getDocument() ?? null), {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
  if (!context) throw refusal;
  context.reportError(refusal);
}

export function queryLimits(limits: ServerLimits): Plugin {
  const report = { propagateOnRejection: false, onReject: [reportAsValidationError] };
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxQueryDepth, ignoreIntrospection: true, flattenFragments: true, ...report },
    maxAliases: { n: limits.maxAliases, ...report },
    maxDirectives: { n: limits.maxDirectives, ...report },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...report },
    // Counted while parsing, before there is a document to validate: refused by throwing.
    maxTokens: { n: limits.maxTokens },
    // Introspection is public (GraphiQL), so field suggestions hide nothing and help people.
    blockFieldSuggestion: { enabled: false },
  }) as Plugin;
}
