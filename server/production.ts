/**
 * Imported first by server/main.ts: the graphql package reads NODE_ENV once, when it loads, and outside
 * production it runs costly cross-realm checks on every value it resolves.
 */
process.env.NODE_ENV ??= 'production';
