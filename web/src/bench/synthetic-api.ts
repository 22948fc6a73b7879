/** The Api the bench mode uses: answers the map's queries from a synthetic network, refuses the rest. */
import type { Api, ApiResult } from '../api/client.ts';
import type { Operation } from '../api/queries.ts';
import type { ThemeNetwork } from '../api/types.ts';

export function syntheticApi(network: ThemeNetwork): Api {
  const answers: Record<string, unknown> = {
    Bootstrap: {
      stats: {
        cases: network.caseCount,
        sources: 1,
        themes: network.nodes.length,
        harmTypes: 0,
        agencies: 0,
        learning: 0,
        recommendations: 0,
        yearMin: 2010,
        yearMax: 2024,
      },
      capabilities: { engine: 'synthetic', writable: false, maxFirst: 100, maxHops: 4 },
      themes: network.nodes.map((n) => ({
        id: n.id,
        label: n.label,
        description: null,
        group: n.group,
        caseCount: n.weight,
      })),
      sources: [],
    },
    ThemeNetwork: { themeNetwork: network },
    Facets: Object.fromEntries(
      ['harmTypes', 'agencies', 'outcomes', 'ageBands', 'reviewTypes', 'sources', 'years'].map((k) => [
        k,
        { [k]: [] },
      ]),
    ),
  };
  const answer = <T>(name: string): ApiResult<T> =>
    name in answers
      ? { ok: true, data: answers[name] as T }
      : { ok: false, error: { kind: 'graphql', message: `${name} is not available in the benchmark mode.` } };
  return {
    request: async <TData, TVars>(op: Operation<TData, TVars>) => answer<TData>(op.name),
    upload: async <TData, TVars>(op: Operation<TData, TVars>) => answer<TData>(op.name),
  };
}
