import { describe, expect, it } from 'vitest';
import type { NodeLabel } from '../../../graph/schema/model.ts';
import { plainIdOf, resolveNodeId } from '../../../server/graphql/node-id.ts';

/** A locator over a fixed table of which kinds hold which plain ids. */
function table(rows: Record<string, NodeLabel[]>) {
  return (id: string, labels: readonly NodeLabel[]) => (rows[id] ?? []).filter((l) => labels.includes(l));
}

const ALL: NodeLabel[] = [
  'CaseReview',
  'Theme',
  'HarmType',
  'Agency',
  'Learning',
  'Recommendation',
  'Source',
];

describe('resolving a node id an argument was given', () => {
  const locate = table({ neglect: ['Theme', 'HarmType'], 'information-sharing': ['Theme'] });

  it('takes a plain id that one kind of node holds', async () => {
    expect(await resolveNodeId('information-sharing', 'id', ALL, locate)).toEqual({
      ok: true,
      ref: { label: 'Theme', id: 'information-sharing' },
    });
  });

  it('takes a typed id as it is, without looking it up, keeping colons in its key', async () => {
    expect(await resolveNodeId('CaseReview:a:b', 'from', ALL, () => [])).toEqual({
      ok: true,
      ref: { label: 'CaseReview', id: 'a:b' },
    });
  });

  it('refuses a plain id two kinds of node hold, naming the argument and the typed forms to use', async () => {
    const result = await resolveNodeId('neglect', 'to', ALL, locate);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'ambiguous',
        argument: 'to',
        message:
          "to: \"neglect\" is the id of more than one node (Theme, HarmType); name one as 'Label:key', e.g. 'Theme:neglect'",
      },
    });
  });

  it('looks a plain id up only among the kinds the argument takes, so it is no longer ambiguous there', async () => {
    expect(await resolveNodeId('neglect', 'theme', ['Theme'], locate)).toMatchObject({
      ok: true,
      ref: { label: 'Theme', id: 'neglect' },
    });
  });

  it('refuses an id no node holds, and an empty one, each with its kind', async () => {
    const unknown = await resolveNodeId('nothing', 'id', ALL, locate);
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'unknown', argument: 'id' } });
    const empty = await resolveNodeId('  ', 'id', ALL, locate);
    expect(empty).toMatchObject({ ok: false, error: { kind: 'empty' } });
  });

  it('refuses a typed id of a kind the argument does not take', async () => {
    expect(await resolveNodeId('Source:abc', 'id', ['CaseReview'], locate)).toMatchObject({
      ok: false,
      error: { kind: 'wrong-kind', message: 'id: "Source:abc" names a Source, but id takes a CaseReview' },
    });
  });

  it('reads the plain id of a typed id of the kind a filter field takes, and leaves a plain id alone', () => {
    expect(plainIdOf('Theme:neglect', 'Theme', 'filter.themes')).toBe('neglect');
    expect(plainIdOf('neglect', 'Theme', 'filter.themes')).toBe('neglect');
    expect(() => plainIdOf('Agency:police', 'Theme', 'filter.themes')).toThrow(
      'filter.themes: "Agency:police" names an Agency, but filter.themes takes a Theme',
    );
  });
});
