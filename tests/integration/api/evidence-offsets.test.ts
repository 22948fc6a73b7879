/**
 * Quotes and their offsets: one Evidence type for every quote, start/end in UTF-16 code units and
 * startCodePoint/endCodePoint in code points, checked on a sample document with emoji (outside the Basic
 * Multilingual Plane: two code units, one code point) written before the quotes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CORPUS_DIR } from '../../../ingest/sample/index.ts';
import { startLoadedServer, type TestServer } from './running-server.ts';

interface Quote {
  sourceId: string;
  quote: string;
  start: number;
  end: number;
  startCodePoint: number | null;
  endCodePoint: number | null;
  unit: string;
  source: { id: string } | null;
}

const QUOTE = 'sourceId quote start end startCodePoint endCodePoint unit source { id }';
const EMOJI = '🧒🏽';

describe('evidence offsets in code units and code points', () => {
  let api: TestServer;
  let dir: string;
  let texts: Map<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-emoji-'));
    const original = await readFile(join(SAMPLE_CORPUS_DIR, 'eastmere-case-reviews-by-year.txt'), 'utf8');
    // An emoji at the end of the document's opening note: every quote after it moves by two code units
    // per emoji but one code point.
    const file = join(dir, 'eastmere-with-emoji.txt');
    await writeFile(file, original.replace('invented.]', `invented. ${EMOJI}${EMOJI}]`));
    api = await startLoadedServer([file]);
    const sources = await api.gql<{ sources: { id: string; text: string }[] }>('{ sources { id text } }');
    texts = new Map(sources.data?.sources.map((s) => [s.id, s.text]));
  });

  afterAll(async () => {
    await api?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  function check(q: Quote): void {
    const text = texts.get(q.sourceId) ?? '';
    expect(text).toContain(EMOJI);
    expect(text.slice(q.start, q.end)).toBe(q.quote);
    expect([...text].slice(q.startCodePoint ?? -1, q.endCodePoint ?? -1).join('')).toBe(q.quote);
    expect(q.unit).toBe('UTF16_CODE_UNITS');
    expect(q.source?.id).toBe(q.sourceId);
  }

  it('gives every link, statement and listed recommendation the same Evidence, right in both units', async () => {
    const result = await api.gql<{
      cases: {
        edges: {
          node: {
            themes: { evidence: Quote }[];
            harmTypes: { evidence: Quote }[];
            learning: { evidence: Quote; start: number; startCodePoint: number | null }[];
            recommendations: { evidence: Quote; end: number; endCodePoint: number | null }[];
          };
        }[];
      };
      recommendationsFor: { edges: { node: { evidence: Quote } }[] };
    }>(`{
      cases(first: 20) { edges { node {
        themes { evidence { ${QUOTE} } } harmTypes { evidence { ${QUOTE} } }
        learning { start startCodePoint evidence { ${QUOTE} } }
        recommendations { end endCodePoint evidence { ${QUOTE} } }
      } } }
      recommendationsFor(first: 5) { edges { node { evidence { ${QUOTE} } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const quotes: Quote[] = [];
    for (const { node } of result.data?.cases.edges ?? []) {
      quotes.push(...node.themes.map((l) => l.evidence), ...node.harmTypes.map((l) => l.evidence));
      for (const l of node.learning) {
        quotes.push(l.evidence);
        expect([l.start, l.startCodePoint]).toEqual([l.evidence.start, l.evidence.startCodePoint]);
      }
      for (const r of node.recommendations) {
        quotes.push(r.evidence);
        expect([r.end, r.endCodePoint]).toEqual([r.evidence.end, r.evidence.endCodePoint]);
      }
    }
    quotes.push(...(result.data?.recommendationsFor.edges.map((e) => e.node.evidence) ?? []));
    expect(quotes.length).toBeGreaterThan(10);
    for (const q of quotes) check(q);
  });

  it('counts an emoji before a quote as two code units but one code point', async () => {
    const result = await api.gql<{ learning: { edges: { node: { evidence: Quote } }[] } }>(
      `{ learning(first: 1) { edges { node { evidence { ${QUOTE} } } } } }`,
    );
    const q = result.data?.learning.edges[0]?.node.evidence;
    expect(q).toBeDefined();
    if (!q) return;
    const before = (texts.get(q.sourceId) ?? '').slice(0, q.start);
    // Two emoji, each a skin-toned child: four astral characters, eight code units.
    expect(before).toContain(`${EMOJI}${EMOJI}`);
    expect(q.start - (q.startCodePoint ?? 0)).toBe(4);
    expect(q.end - (q.endCodePoint ?? 0)).toBe(4);
  });

  it('describes the unit of every offset field in the schema', async () => {
    const result = await api.gql<{
      __schema: { types: { name: string; fields: { name: string; description: string | null }[] | null }[] };
    }>('{ __schema { types { name fields { name description } } } }');
    const offsets = (result.data?.__schema.types ?? []).flatMap((t) =>
      (t.fields ?? [])
        .filter((f) => /^(start|end)(CodePoint)?$/.test(f.name))
        .map((f) => ({ at: `${t.name}.${f.name}`, description: f.description ?? '' })),
    );
    expect(offsets.length).toBeGreaterThanOrEqual(12);
    for (const { at, description } of offsets) {
      expect(description, at).toMatch(at.endsWith('CodePoint') ? /code points/ : /UTF-16 code units/);
    }
  });
});
