import { describe, expect, it } from 'vitest';
import { rankRelated } from '../../../web/src/panels/related.ts';
import { analyticEdge } from './network-fixture.ts';

const theme = (id: string) => ({ id, label: id, group: null });

describe('strongest related themes', () => {
  it('ranks by association, not by the number of shared reviews', () => {
    const related = [
      { theme: theme('common'), shared: 9, lift: 1.05 },
      { theme: theme('distinctive'), shared: 3, lift: 4.2 },
      { theme: theme('linked'), shared: 4, lift: 2.1 },
    ];
    const edges = [analyticEdge('t', 'linked', 4, { lift: 2.1, pValue: 0.01 })];
    expect(rankRelated('t', related, edges, 1).map((r) => r.theme.id)).toEqual([
      'linked',
      'distinctive',
      'common',
    ]);
    expect(rankRelated('t', related, edges, 1)[0]!.pValue).toBe(0.01);
  });

  it('ranks significant links by lift, and hides pairs under the room-safe floor', () => {
    const related = [
      { theme: theme('x'), shared: 5, lift: 1.5 },
      { theme: theme('y'), shared: 2, lift: 3 },
    ];
    const edges = [
      analyticEdge('x', 't', 5, { lift: 1.5, pValue: 0.001 }),
      analyticEdge('t', 'y', 2, { lift: 3, pValue: 0.04 }),
    ];
    expect(rankRelated('t', related, edges, 1).map((r) => r.theme.id)).toEqual(['y', 'x']);
    expect(rankRelated('t', related, edges, 3).map((r) => r.theme.id)).toEqual(['x']);
  });
});
