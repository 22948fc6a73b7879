/**
 * A partnership's table of published reviews, as a saved web page gives it (one row per line, cells
 * separated by tabs) or as Markdown: one review per row that names a child or a review. Fictional.
 */
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../ingest/read/index.ts';
import { segmentDocument } from '../../../../ingest/segment/index.ts';
import { documentOf } from '../read/expectations.ts';

const fields = (text: string, hints: Parameters<typeof segmentDocument>[0]['hints'] = []) =>
  segmentDocument({ text, hints }).cases.map((c) => [c.child, c.partnership, c.reportYear, c.reviewType]);

describe('a table of published reviews', () => {
  it('reads a Markdown table row by row, with the page partnership, the year and the kind', () => {
    const text = `Published reviews

The table below lists the reviews the Westmarch Safeguarding Children Partnership has published.

| Review | Type | Published | Summary |
|---|---|---|---|
| Child M | LCSPR | June 2023 | Death of a 2-month-old baby after an unsafe sleep. |
| Harley | LCSPR | March 2022 | Serious injury to a 14-year-old boy from criminal exploitation. |
| Sisters A and B | SCR | November 2019 | Neglect of two sisters over several years. |
`;
    expect(fields(text)).toEqual([
      ['Child M', 'Westmarch Safeguarding Children Partnership', 2023, 'LCSPR'],
      ['Harley', 'Westmarch Safeguarding Children Partnership', 2022, 'LCSPR'],
      ['Sisters A and B', 'Westmarch Safeguarding Children Partnership', 2019, 'SCR'],
    ]);
    const outcomes = segmentDocument({ text, hints: [] }).cases.map((c) => c.outcome);
    expect(outcomes).toEqual(['death', 'serious-harm', 'serious-harm']);
  });

  it('reads the table of a saved web page, with the area from its own column', async () => {
    const html =
      '<h1>Case reviews</h1><p>Reviews published by partnerships in the region.</p><table>' +
      '<tr><th>Child</th><th>Area</th><th>Date published</th></tr>' +
      '<tr><td>Child P</td><td>Eastmere</td><td>12 May 2021</td></tr>' +
      '<tr><td>Noor</td><td>Lindenbridge</td><td>2 February 2020</td></tr>' +
      '<tr><td>Audit of neglect cases</td><td>Eastmere</td><td>2020</td></tr>' +
      '</table>';
    const doc = documentOf(await readBytes('reviews.html', new TextEncoder().encode(html)));
    expect(fields(doc.text, doc.hints)).toEqual([
      ['Child P', 'Eastmere', 2021, 'LCSPR'],
      ['Noor', 'Lindenbridge', 2020, 'SCR'],
    ]);
  });

  it('reads no table when its header names no review column', () => {
    const text = `Training dates

Course\tDate\tVenue
Neglect awareness\t3 May 2024\tTown hall
Safer sleep\t9 June 2024\tLibrary
`;
    expect(segmentDocument({ text, hints: [] }).cases).toEqual([]);
  });
});
