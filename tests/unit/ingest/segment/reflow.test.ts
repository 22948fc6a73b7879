import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Segmentation, segmentDocument } from '../../../../ingest/segment/index.ts';
import { LAYOUTS, layoutText } from './layouts.ts';

/** Hard-wrap every long line at `width` columns, as text pasted from a PDF or an e-mail often is. */
function hardWrap(text: string, width = 78): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && `${current} ${word}`.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

function shape(seg: Segmentation) {
  return {
    kind: seg.kind,
    title: seg.title,
    cases: seg.cases.map((c) => ({
      title: c.title,
      child: c.child,
      partnership: c.partnership,
      authors: c.authors,
      counts: [c.learning.length, c.recommendations.length, c.actions.length],
      fields: [c.age, c.gender, c.outcome, c.incidentYear],
    })),
  };
}

describe('the same document in another shape', () => {
  it.each(LAYOUTS)('reads the same entries from the %s layout when its lines are hard-wrapped', (name) => {
    const text = layoutText(name);
    const wrapped = hardWrap(text);
    expect(wrapped).not.toBe(text);
    const seg = segmentDocument({ text: wrapped, hints: [] });
    expect(shape(seg)).toEqual(shape(segmentDocument({ text, hints: [] })));
    for (const c of seg.cases) {
      for (const s of [...c.learning, ...c.recommendations, ...c.actions])
        expect(wrapped.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('reads a Markdown bulletin (headings, bold labels) like the plain-text one', () => {
    const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/layouts');
    const markdown = readFileSync(resolve(dir, 'repository-bulletin.md'), 'utf8');
    const seg = segmentDocument({ text: markdown, hints: [] });
    expect(shape(seg)).toEqual(
      shape(segmentDocument({ text: layoutText('repository-bulletin'), hints: [] })),
    );
    expect(seg.cases[0]?.learning[0]?.text).toBe(
      'health visitors should ask who else lives in the home at every contact',
    );
  });
});
