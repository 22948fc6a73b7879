import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../ingest/read/index.ts';
import { LineJoiner } from '../../../../ingest/read/pdf/join.ts';
import { linesOf, type PdfTextItem } from '../../../../ingest/read/pdf/lines.ts';
import { buildPdf, type PdfLine, type PdfPage } from '../../../fixtures/documents/pdf-builder.ts';
import { documentOf, expectWellFormedHints, spans } from './expectations.ts';

/** Body text: 11 pt lines 14 pt apart, paragraphs 24 pt apart, from the top margin down. */
const LINE_STEP = 14;
const PARAGRAPH_STEP = 24;

interface Paragraph {
  lines: string[];
  size?: number;
  x?: number;
}

/** Places paragraphs down a page the way a word processor does. */
function page(paragraphs: Paragraph[], extra: PdfLine[] = []): PdfPage {
  const lines: PdfLine[] = [...extra];
  let y = 720;
  for (const paragraph of paragraphs) {
    const size = paragraph.size ?? 11;
    for (const text of paragraph.lines) {
      lines.push({ text, y, size, x: paragraph.x ?? 72 });
      y -= size > 11 ? size * 1.2 : LINE_STEP;
    }
    y -= PARAGRAPH_STEP - LINE_STEP;
  }
  return { lines };
}

const readPdf = async (pages: PdfPage[], options?: Parameters<typeof buildPdf>[1]) => {
  const doc = documentOf(await readBytes('review.pdf', buildPdf(pages, options)));
  expectWellFormedHints(doc);
  return doc;
};

// Lines of about the same length, as a justified or ragged paragraph fills them to the margin.
const WRAPPED = [
  'The review panel met six times between March and October and heard from every agency',
  'that had worked with the family, including the school nurse, the housing officer and the',
  'police domestic abuse team, before agreeing the findings set out in this fictional report.',
];

describe('PDF layout', () => {
  it('joins a paragraph wrapped at the right margin into one line', async () => {
    const doc = await readPdf([page([{ lines: WRAPPED }])]);
    expect(doc.text).toBe(WRAPPED.join(' '));
  });

  it('keeps short lines that were broken on purpose, such as an address', async () => {
    const address = ['Westmoor Safeguarding Partnership', 'Civic Centre', 'Westmoor WM1 2AB'];
    const doc = await readPdf([page([{ lines: WRAPPED }, { lines: address }])]);
    expect(doc.text.split('\n\n')[1]).toBe(address.join('\n'));
  });

  it('keeps a list of short titles set line under line as separate lines', async () => {
    const titles = [
      'Neglect in infancy',
      'Domestic abuse and coercive control',
      'Online safety',
      'Exploitation',
    ];
    const doc = await readPdf([page([{ lines: titles }])]);
    expect(doc.text).toBe(titles.join('\n'));
  });

  it('rejoins a word hyphenated at the end of a line', async () => {
    const doc = await readPdf([
      page([
        {
          lines: [
            'Practitioners from health, education and children’s social care described the safe-',
            'guarding arrangements as confusing, and several said they had never seen the protocol.',
          ],
        },
      ]),
    ]);
    expect(doc.text).toContain('described the safeguarding arrangements as confusing');
  });

  it('keeps the hyphen of a compound that happens to break at the end of a line', async () => {
    const doc = await readPdf([
      page([
        {
          lines: [
            'The partnership has since strengthened its arrangements for joint working and multi-',
            'agency supervision, and now reviews every referral that was closed without a home visit.',
          ],
        },
      ]),
    ]);
    expect(doc.text).toContain(
      'strengthened its arrangements for joint working and multi-agency supervision',
    );
  });

  it('keeps a hyphen before a capital or a number, as in "Non-Accidental" or "Covid-19"', async () => {
    const doc = await readPdf([
      page([
        {
          lines: [
            'Each of the infants had been seen by a health professional in the fortnight before the Non-',
            'Accidental Injury was found, and two were seen again during the first Covid-',
            '19 lockdown by the same team.',
          ],
        },
      ]),
    ]);
    expect(doc.text).toContain('before the Non-Accidental Injury was found');
    expect(doc.text).toContain('during the first Covid-19 lockdown');
  });

  it('keeps a two-line PDF heading as one heading, so the child’s name stays in it', async () => {
    const doc = await readPdf([
      page([{ lines: ['Serious Case Review into the death of', 'Child T'], size: 18 }, { lines: WRAPPED }]),
    ]);
    expect(spans(doc, 'heading')).toEqual(['Serious Case Review into the death of Child T']);
    expect(doc.title).toBe('Serious Case Review into the death of Child T');
  });

  it('drops the running footer repeated on every page, page number and all', async () => {
    const footer = (n: number): PdfLine[] => [
      { text: 'Westmoor Safeguarding Children Partnership', y: 760, size: 9 },
      { text: `Child T – overview report – page ${n}`, y: 40, size: 9 },
    ];
    const doc = await readPdf([
      page([{ lines: ['Introduction'], size: 16 }, { lines: ['First page text.'] }], footer(1)),
      page([{ lines: ['Second page text.'] }], footer(2)),
      page([{ lines: ['Third page text.'] }], footer(3)),
    ]);
    expect(doc.text).toBe('Introduction\n\nFirst page text.\n\nSecond page text.\n\nThird page text.');
  });

  it('drops a running header that the cover page does not carry', async () => {
    const header = (y: number): PdfLine[] => [{ text: 'Child T: overview report', y, size: 9 }];
    const doc = await readPdf([
      page([{ lines: ['Child T: overview report'], size: 20 }]),
      page([{ lines: ['Second page text.'] }], header(770)),
      page([{ lines: ['Third page text.'] }], header(768.5)),
      page([{ lines: ['Fourth page text.'] }], header(770)),
    ]);
    expect(doc.text).toBe(
      'Child T: overview report\n\nSecond page text.\n\nThird page text.\n\nFourth page text.',
    );
  });

  it('drops "Page 3 of 12" labels and bare page numbers that count with the pages', async () => {
    const doc = await readPdf([
      page([{ lines: ['Contents'] }, { lines: ['Findings', '7'] }], [{ text: 'Page 1 of 3', y: 40 }]),
      page([{ lines: ['Second page text.'] }], [{ text: '2', y: 40 }]),
      page([{ lines: ['Third page text.'] }], [{ text: '3', y: 40 }]),
    ]);
    expect(doc.text).toBe('Contents\n\nFindings\n7\n\nSecond page text.\n\nThird page text.');
  });

  it('keeps a sentence that runs from one page onto the next in one paragraph', async () => {
    const [first = '', second = '', third = ''] = WRAPPED;
    const doc = await readPdf([page([{ lines: [first, second] }]), page([{ lines: [third] }])]);
    expect(doc.text).toBe(WRAPPED.join(' '));
  });

  it('starts a new paragraph on the next page when the last one ended its sentence', async () => {
    const next = ['Its recommendations are addressed to the partnership and to each agency in turn.'];
    const doc = await readPdf([page([{ lines: WRAPPED }]), page([{ lines: next }])]);
    expect(doc.text).toBe(`${WRAPPED.join(' ')}\n\n${next[0]}`);
  });

  it('rejoins a word hyphenated across a page break', async () => {
    const doc = await readPdf([
      page([
        {
          lines: [
            WRAPPED[0] ?? '',
            'that had worked with the family, including the school nurse and the safe-',
          ],
        },
      ]),
      page([{ lines: ['guarding lead, before agreeing the findings.'] }]),
    ]);
    expect(doc.text).toContain('including the school nurse and the safeguarding lead, before agreeing');
  });

  it('keeps a numbered line set in a heading font as a heading, not a list item', async () => {
    const doc = await readPdf([
      page([{ lines: ['2. What did we find?'], size: 16 }, { lines: ['Records were not shared.'] }]),
    ]);
    expect(spans(doc, 'heading')).toEqual(['2. What did we find?']);
    expect(spans(doc, 'list-item')).toEqual([]);
  });

  it('joins a wrapped list item and keeps each bullet on its own line', async () => {
    const doc = await readPdf([
      page([
        {
          lines: [
            '• Health visitors should record who lives in the household at every contact, and ask',
            '  again when a new adult is mentioned by the parent or seen in the home.',
            '• Schools should be told when a child protection plan ends.',
          ],
        },
      ]),
    ]);
    expect(spans(doc, 'list-item')).toEqual([
      '• Health visitors should record who lives in the household at every contact, and ask again when a new adult is mentioned by the parent or seen in the home.',
      '• Schools should be told when a child protection plan ends.',
    ]);
  });

  it('leaves out the menu, cookie banner, related pages and footer of a web page printed to PDF', async () => {
    const doc = await readPdf([
      page([
        { lines: ['Skip to main content'] },
        { lines: ['• Home', '• Reviews', '• Training', '• Contact us'] },
        { lines: ['We use cookies to improve this website. Accept all cookies'] },
        { lines: ['Learning from Child T'], size: 16 },
        { lines: WRAPPED },
        { lines: ['Related pages'], size: 13 },
        { lines: ['• Working together', '• Report a concern'] },
        { lines: ['Copyright 2031 Westmoor Council. All rights reserved.'] },
        { lines: ['Privacy notice | Accessibility statement | Sitemap'] },
      ]),
    ]);
    expect(doc.text).toBe(`Learning from Child T\n\n${WRAPPED.join(' ')}`);
    expect(doc.title).toBe('Learning from Child T');
  });

  it('takes the title from the document information when no line is set as a main heading', async () => {
    const pages = [page([{ lines: ['Short line'] }, { lines: WRAPPED }])];
    expect((await readPdf(pages, { title: 'Child T: review published' })).title).toBe(
      'Child T: review published',
    );
    expect((await readPdf(pages, { title: 'Microsoft Word - draft v3.docx' })).title).toBe('Short line');
  });
});

describe('PDF text items', () => {
  const item = (str: string, x: number, y = 700): PdfTextItem => ({
    str,
    transform: [11, 0, 0, 11, x, y],
    width: str.length * 5.5,
    height: 11,
    hasEOL: false,
  });

  it('reads typographic ligatures as their letters, so "identiﬁed" is found as "identified"', () => {
    expect(linesOf([item('The risk was identiﬁed but not ﬂagged.', 72)]).map((line) => line.text)).toEqual([
      'The risk was identified but not flagged.',
    ]);
  });

  it('drops soft hyphens inside a line and keeps one at its end for the line join to decide', () => {
    const lines = linesOf([item('safe\u00adguarding practi\u00ad', 72), item('tioners', 72, 686)]);
    expect(lines.map((line) => line.text)).toEqual(['safeguarding practi\u00ad', 'tioners']);
  });
});

describe('joining a line wrapped at a hyphen', () => {
  const join = (before: string, after: string, elsewhere: string[] = []) =>
    new LineJoiner([...elsewhere, before, after]).join(before, after);

  it.each([
    ['the safe-', 'guarding lead', 'the safeguarding lead'],
    ['early inter-', 'vention', 'early intervention'],
    ['multi-', 'agency meeting', 'multi-agency meeting'],
    ['a follow-', 'up visit', 'a follow-up visit'],
    ['age-', 'appropriate', 'age-appropriate'],
    ['a 4-', 'year-old', 'a 4-year-old'],
    [
      'see https://westmoor.example/wp-',
      'content/report.pdf',
      'see https://westmoor.example/wp-content/report.pdf',
    ],
    ['fathers/', 'carers', 'fathers/carers'],
    ['practi\u00ad', 'tioners', 'practitioners'],
  ])('joins "%s" + "%s" as "%s"', (before, after, joined) => {
    expect(join(before, after)).toBe(joined);
  });

  it('follows the document where it writes the word elsewhere, with or without the hyphen', () => {
    expect(join('risk-', 'taking', ['positive risk-taking was encouraged'])).toBe('risk-taking');
    expect(join('co-', 'ordinate', ['to coordinate the plan'])).toBe('coordinate');
    expect(join('co-', 'ordinate')).toBe('co-ordinate');
  });
});
