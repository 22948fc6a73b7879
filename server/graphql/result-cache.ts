/**
 * Remembers the results of read queries until the next write. Every answer derives from the analytics
 * index and the store, and both change only through this server's own mutations, each of which swaps in
 * a new index; so results are cached per index and a write invalidates them all at once. Keys are the
 * parsed document (yoga caches parses, so the same text is the same object), the operation name and the
 * variables. Results with errors are never kept, nor are very long answers (kept-answers.ts). A kept result also keeps its JSON text (through the
 * `stringify` hook yoga's result processor looks for), so a repeated theme map costs neither execution
 * nor serialisation.
 */
import type { DocumentNode, ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AnalyticsIndex } from '../analytics/index.ts';
import type { RequestContext } from './context.ts';
import { type AnswerLimits, DEFAULT_ANSWER_LIMITS, KeptAnswers } from './kept-answers.ts';

function isQuery(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
  const chosen = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  return (
    operations.length > 0 &&
    chosen?.operation === 'query' &&
    (operationName != null || operations.length === 1)
  );
}

export function resultCache(limits: AnswerLimits = DEFAULT_ANSWER_LIMITS): Plugin<RequestContext> {
  const documentIds = new WeakMap<DocumentNode, number>();
  const byIndex = new WeakMap<AnalyticsIndex, KeptAnswers<ExecutionResult>>();
  let nextId = 0;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!isQuery(args.document, args.operationName)) return;
      const index = (args.contextValue as RequestContext).index;
      let id = documentIds.get(args.document);
      if (id === undefined) {
        id = nextId++;
        documentIds.set(args.document, id);
      }
      const key = `${id}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}`;
      let cache = byIndex.get(index);
      if (!cache) {
        cache = new KeptAnswers(limits);
        byIndex.set(index, cache);
      }
      const hit = cache.get(key);
      if (hit) {
        setResultAndStopExecution(hit);
        return;
      }
      const store = cache;
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          const single = result as ExecutionResult;
          if (single.errors?.length) return;
          const kept = withRememberedJson(single, (chars) => store.sized(key, kept, chars));
          store.set(key, kept);
        },
      };
    },
  };
}

function withRememberedJson(result: ExecutionResult, sized: (chars: number) => void): ExecutionResult {
  let text: string | null = null;
  Object.defineProperty(result, 'stringify', {
    enumerable: false,
    value: (value: unknown) => {
      if (text === null) {
        text = JSON.stringify(value);
        sized(text.length);
      }
      return text;
    },
  });
  return result;
}
