import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedCase } from '../../../ingest/extract/types.ts';
import { extractDocument } from '../../../ingest/pipeline.ts';
import { readBytes } from '../../../ingest/read/index.ts';
import type { ReadDocument } from '../../../ingest/read/types.ts';
import { loadTaxonomy, type Taxonomy } from '../../../ingest/taxonomy/index.ts';

const BULLETIN = `Fictional Review Library – May 2024

In May 2024 three case reviews were added to the library, covering neglect and criminal exploitation.

1. Local child safeguarding practice review: Robin

Death of a 3-month-old boy in February 2023 after an unsafe sleeping arrangement. The family had been known to children's social care because of neglect.

Learning includes: safer sleep advice was given once and never repeated; the health visitor did not know that the father had returned home; information sharing between the GP and the health visiting team was slow.

Recommendations include: health visitors to repeat safer sleep advice at every contact; the GP practice and health visiting service to agree how concerns about parents are shared.

Other resources Read practice review (PDF)

2. Local child safeguarding practice review: Tamsin

Serious harm to a 15-year-old girl who was criminally exploited by an older group in 2022 after being excluded from school.

Learning includes: the school exclusion removed her from the adults who knew her best; police and children's social care did not share what they knew about the group.

Recommendations include: police to share exploitation intelligence with children's social care within one working day.

Other resources Read practice review (PDF)
`;

/** The same bulletin with Robin's entry listed a second time. */
const REPEATED = `${BULLETIN}
3. Local child safeguarding practice review: Robin

Death of a 3-month-old boy in February 2023 after an unsafe sleeping arrangement. The family had been known to children's social care because of neglect.

Learning includes: safer sleep advice was given once and never repeated.

Other resources Read practice review (PDF)
`;

async function read(name: string, text: string): Promise<ReadDocument> {
  const result = await readBytes(name, new TextEncoder().encode(text));
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
}

function robin(cases: ExtractedCase[]): ExtractedCase {
  const found = cases.find((c) => c.child === 'Robin');
  if (!found) throw new Error(`no Robin among ${cases.map((c) => c.title).join(', ')}`);
  return found;
}

describe('extractDocument', () => {
  let taxonomy: Taxonomy;
  let doc: ReadDocument;
  beforeAll(async () => {
    taxonomy = loadTaxonomy();
    doc = await read('fictional-bulletin.txt', BULLETIN);
  });

  it('finds every entry of a fictional bulletin and nothing else', () => {
    const extracted = extractDocument(doc, taxonomy);
    expect(extracted.kind).toBe('repository-bulletin');
    expect(extracted.cases.map((c) => c.child)).toEqual(['Robin', 'Tamsin']);
  });

  it('carries the document identity and its text through', () => {
    const extracted = extractDocument(doc, taxonomy);
    expect(extracted).toMatchObject({ path: 'fictional-bulletin.txt', sha256: doc.sha256, format: 'txt' });
    expect(extracted.text).toBe(doc.text);
    expect(extracted.title.length).toBeGreaterThan(0);
  });

  it('gives every case a stable id', () => {
    const first = extractDocument(doc, taxonomy).cases.map((c) => c.id);
    const second = extractDocument(doc, taxonomy).cases.map((c) => c.id);
    expect(first.every((id) => id.length > 0)).toBe(true);
    expect(new Set(first).size).toBe(first.length);
    expect(second).toEqual(first);
  });

  it('classifies each case, with evidence cut from the text at its offsets', () => {
    const extracted = extractDocument(doc, taxonomy);
    const c = robin(extracted.cases);
    expect(c.harmTypes.length + c.themes.length + c.agencies.length).toBeGreaterThan(0);
    for (const tag of [...c.harmTypes, ...c.agencies, ...c.themes]) {
      expect(doc.text.slice(tag.evidence.start, tag.evidence.end)).toBe(tag.evidence.quote);
    }
    for (const s of [...c.learning, ...c.recommendations])
      expect(doc.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('finds the harm types, agencies and themes the fictional entry names', () => {
    const c = robin(extractDocument(doc, taxonomy).cases);
    const labels = [...c.harmTypes, ...c.agencies, ...c.themes].map((t) => t.label.toLowerCase()).join(' | ');
    expect(labels).toMatch(/neglect/);
    expect(labels).toMatch(/information sharing/);
    expect(labels).toMatch(/health visit/);
  });

  it('keeps the first of two entries for the same review and warns about the second', async () => {
    const extracted = extractDocument(await read('repeated.txt', REPEATED), taxonomy);
    expect(extracted.cases.filter((c) => c.child === 'Robin')).toHaveLength(1);
    expect(extracted.warnings.some((w) => w.includes('repeats the review'))).toBe(true);
  });

  it('keeps the warnings of the reader alongside its own', () => {
    const withReaderWarning = { ...doc, warnings: ['the reader repaired something'] };
    expect(extractDocument(withReaderWarning, taxonomy).warnings).toContain('the reader repaired something');
  });
});
