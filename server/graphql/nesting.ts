/**
 * Variables and extensions nested deeper than any real input are refused with 400 before anything walks
 * them recursively (coercion, cache keys), where they would overflow the stack and answer 500.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** CaseFilter is two levels deep; 32 leaves room for any honest client. */
export const MAX_INPUT_DEPTH = 32;

/** Depth of a parsed JSON value, counted without recursion; stops counting past `cap`. */
export function jsonDepth(value: unknown, cap: number): number {
  let deepest = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number };
    if (typeof item.value !== 'object' || item.value === null || isBinary(item.value)) continue;
    const depth = item.depth + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > cap) return deepest;
    for (const child of Object.values(item.value)) stack.push({ value: child, depth });
  }
  return deepest;
}

/**
 * An uploaded file (a Blob, or the bytes inside one) is one value, not nesting: walking its bytes one by one
 * cost the event loop 50 ms per 500 KB uploaded, and every request waited behind it.
 */
function isBinary(value: object): boolean {
  return (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    typeof (value as { arrayBuffer?: unknown }).arrayBuffer === 'function'
  );
}

export function inputNesting(max = MAX_INPUT_DEPTH): Plugin {
  return {
    onParams({ params }) {
      for (const [name, value] of [
        ['variables', params.variables],
        ['extensions', params.extensions],
      ] as const) {
        if (jsonDepth(value, max) > max) {
          throw createGraphQLError(
            `The request's ${name} are nested more than ${max} levels deep; no argument of this API needs more than a few`,
            { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
          );
        }
      }
    },
  };
}
