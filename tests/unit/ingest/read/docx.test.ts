import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../ingest/read/index.ts';
import { buildDocx, type DocxBlock } from '../../../fixtures/documents/docx-builder.ts';
import { BRIEFING_BLOCKS } from '../../../fixtures/documents/generated.ts';
import { documentOf, errorOf, expectWellFormedHints, spans } from './expectations.ts';

const readBriefing = async () =>
  documentOf(await readBytes('briefings/neglect.docx', await buildDocx(BRIEFING_BLOCKS)));

/** The first bytes of an OLE compound file, as old .doc files and encrypted Office files start. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('Word documents', () => {
  it('lays out a .docx like a web page: headings, paragraphs and marked list lines', async () => {
    const doc = await readBriefing();
    expect(doc.format).toBe('docx');
    expect(doc.text).toBe(
      [
        'Westmoor briefing: neglect in infancy',
        'A fictional briefing on three imaginary reviews & what they teach.',
        'Learning',
        '- Health visitors saw the home conditions but did not record them.\n' +
          '  - Nobody asked the father about his own needs.\n' +
          '- Housing was not invited to the strategy meeting.',
        'Recommendations',
        '1. Use a neglect assessment tool at every home visit.\n2. Invite housing to strategy meetings.',
      ].join('\n\n'),
    );
    expectWellFormedHints(doc);
  });

  it('turns Word heading styles into heading hints with their level, the first one the title', async () => {
    const doc = await readBriefing();
    const headings = doc.hints.filter((h) => h.kind === 'heading');
    expect(headings.map((h) => [doc.text.slice(h.start, h.end), h.level])).toEqual([
      ['Westmoor briefing: neglect in infancy', 1],
      ['Learning', 2],
      ['Recommendations', 2],
    ]);
    expect(doc.title).toBe('Westmoor briefing: neglect in infancy');
  });

  it('turns bulleted and numbered paragraphs into list items with their nesting level', async () => {
    const doc = await readBriefing();
    expect(doc.hints.filter((h) => h.kind === 'list-item').map((h) => h.level)).toEqual([1, 2, 1, 1, 1]);
    expect(spans(doc, 'list-item')[3]).toBe('1. Use a neglect assessment tool at every home visit.');
  });

  it('reports a cut-short .docx as truncated, naming the file', async () => {
    const bytes = await buildDocx(BRIEFING_BLOCKS);
    const error = errorOf(await readBytes('cut.docx', bytes.slice(0, Math.floor(bytes.length / 2))));
    expect(error.kind).toBe('truncated');
    expect(error.message).toMatch(
      /^cut\.docx: the Word document is truncated or damaged \(.+\); open it in Word/,
    );
  });

  it('reports a file that is not a zip archive as a damaged .docx', async () => {
    const error = errorOf(
      await readBytes('notes.docx', new TextEncoder().encode('plain text, wrong extension')),
    );
    expect(error.kind).toBe('truncated');
    expect(error.message).toContain('(not a zip archive)');
  });

  it('reports a password-protected Word file as encrypted', async () => {
    const bytes = Uint8Array.from([
      ...OLE,
      ...new Uint8Array(64),
      ...Buffer.from('EncryptionInfo', 'utf16le'),
    ]);
    const error = errorOf(await readBytes('locked.docx', bytes));
    expect(error.kind).toBe('encrypted');
    expect(error.message).toMatch(/^locked\.docx: the Word document is password-protected; /);
  });

  it('reports an old .doc renamed to .docx as unsupported and says how to convert it', async () => {
    const bytes = Uint8Array.from([...OLE, ...new Uint8Array(64), ...Buffer.from('WordDocument', 'utf16le')]);
    const error = errorOf(await readBytes('old.docx', bytes));
    expect(error.kind).toBe('unsupported');
    expect(error.message).toBe(
      'old.docx: the file is an old-format Word .doc with a .docx name; open it in Word and save it as .docx',
    );
  });
});

const readBlocks = async (blocks: DocxBlock[], options?: Parameters<typeof buildDocx>[1]) => {
  const doc = documentOf(await readBytes('saved.docx', await buildDocx(blocks, options)));
  expectWellFormedHints(doc);
  return doc;
};

describe('Word document parts and tables', () => {
  it('drops the page header and footer of a Word document', async () => {
    const doc = await readBlocks([{ paragraph: 'Body text of the fictional briefing.' }], {
      header: 'OFFICIAL – Westmoor partnership',
      footer: 'Page 1 of 1',
    });
    expect(doc.text).toBe('Body text of the fictional briefing.');
  });

  it('lays out a Word table as one line per row with tab-separated cells', async () => {
    const doc = await readBlocks([
      { paragraph: 'Agencies that knew the family:' },
      {
        table: [
          ['Agency', 'Contact'],
          ['Police', ['Two call-outs', 'in 2030']],
          ['Health visiting', 'Missed three visits'],
        ],
      },
      { paragraph: 'All three agencies contributed to the review.' },
    ]);
    expect(doc.text).toBe(
      'Agencies that knew the family:\n\n' +
        'Agency\tContact\nPolice\tTwo call-outs in 2030\nHealth visiting\tMissed three visits\n\n' +
        'All three agencies contributed to the review.',
    );
  });

  it('sets footnotes apart under a Notes heading instead of running them into the last section', async () => {
    const doc = await readBlocks([
      { heading: 'Recommendations', level: 2 },
      { numbered: 'Share records when a family moves.' },
      { paragraph: 'The panel relied on national guidance.', footnote: 'Working Together 2031, chapter 4.' },
    ]);
    expect(doc.text).toBe(
      'Recommendations\n\n1. Share records when a family moves.\n\n' +
        'The panel relied on national guidance.[1]\n\nNotes\n\n1. Working Together 2031, chapter 4.',
    );
    expect(spans(doc, 'heading')).toEqual(['Recommendations', 'Notes']);
  });

  it('reads a cover in Word’s Title and Subtitle styles as headings, the title naming the document', async () => {
    const doc = await readBlocks([
      { title: 'Child T: a local child safeguarding practice review' },
      { title: 'Westmoor Safeguarding Partnership', subtitle: true },
      { paragraph: 'Body text.' },
    ]);
    expect(spans(doc, 'heading')).toEqual([
      'Child T: a local child safeguarding practice review',
      'Westmoor Safeguarding Partnership',
    ]);
    expect(doc.title).toBe('Child T: a local child safeguarding practice review');
    expect(doc.warnings).toEqual([]);
  });
});
