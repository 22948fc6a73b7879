import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { graphqlSnippet, pyLiteral, pythonSnippet, viewQuery } from '../../../web/src/share/snippets.ts';
import { DEFAULT_STATE, EMPTY_FILTERS } from '../../../web/src/state/view-state.ts';

const python = spawnSync('python3', ['--version']).status === 0;
if (!python) console.log('python3 not found: the Python snippet syntax check is skipped');

const state = {
  ...DEFAULT_STATE,
  filters: { ...EMPTY_FILTERS, harmTypes: ['neglect'], yearFrom: 2015 },
  minShared: 2,
  selection: { kind: 'theme' as const, id: 'information-sharing' },
};

describe('copy the view as a query', () => {
  it("carries the current filter and the view's link thresholds as variables", () => {
    const q = viewQuery(state);
    expect(q.variables).toMatchObject({
      filter: { harmTypes: ['neglect'], yearFrom: 2015 },
      minShared: 2,
      minLift: 1.2,
      maxP: 0.05,
      theme: 'information-sharing',
      cases: { harmTypes: ['neglect'], yearFrom: 2015, themes: ['information-sharing'] },
    });
    expect(q.query).toContain(
      'themeNetwork(filter: $filter, minShared: $minShared, minLift: $minLift, maxP: $maxP)',
    );
  });

  it('prints the GraphQL document followed by its variables as JSON', () => {
    const text = graphqlSnippet(viewQuery(DEFAULT_STATE), 'http://127.0.0.1:4000/graphql');
    const json = text.slice(text.indexOf('# variables') + '# variables'.length);
    expect(JSON.parse(json)).toEqual({ filter: {}, minShared: 2, minLift: 1.2, maxP: 0.05 });
  });

  it('asks every pair when the map shows all links', () => {
    expect(viewQuery({ ...DEFAULT_STATE, linkLevel: 'all' }).variables).toMatchObject({
      minShared: 1,
      minLift: 0,
      maxP: 1,
    });
  });

  it('room-safe: raises the least shared reviews to the threshold and asks for no name, title or quote', () => {
    const safe = { ...state, roomSafe: true, safeMinShared: 4 };
    const q = viewQuery(safe);
    expect(q.variables).toMatchObject({ minShared: 4 });
    expect(q.query).not.toMatch(/\b(child|title|quote)\b/);
    const review = viewQuery({ ...safe, selection: { kind: 'case', id: 'child-k-oldmere-2020' } });
    expect(review.query).not.toMatch(/\b(child|title|quote|summary)\b/);
    // A review's id is made from its child's pseudonym: room-safe never carries it.
    expect(JSON.stringify(review.variables)).not.toContain('child-k');
    expect(review.query).not.toMatch(/\bcase\(|\bid reviewType/);
    expect(pythonSnippet(q, 'http://x/graphql')).toContain('if n["weight"] >= 4');
    expect(graphqlSnippet(q, 'http://x/graphql')).toContain('# Room-safe');
  });

  it('writes JSON values as Python literals', () => {
    expect(pyLiteral({ a: true, b: null, c: [1, 'x"y'], d: {} }, 0)).toBe(
      '{\n    "a": True,\n    "b": None,\n    "c": [1, "x\\"y"],\n    "d": {},\n}',
    );
  });

  it('asks the graph of a case graph view, root by root', () => {
    const q = viewQuery({ ...DEFAULT_STATE, view: 'graph', graphRoots: ['Theme:a', 'Agency:b'] });
    expect(q.variables).toEqual({ root0: 'Theme:a', root1: 'Agency:b' });
    expect(q.mainField).toBe('n0');
  });

  it.skipIf(!python)('produces Python that compiles', () => {
    for (const s of [state, { ...DEFAULT_STATE, view: 'graph' as const, graphRoots: ['Theme:a'] }]) {
      const source = pythonSnippet(viewQuery(s), 'http://127.0.0.1:4000/graphql');
      const check = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], {
        input: source,
      });
      expect(check.stderr.toString()).toBe('');
      expect(check.status).toBe(0);
    }
  });
});
