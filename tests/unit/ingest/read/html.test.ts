import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../ingest/read/index.ts';
import { fixturePath } from '../../../fixtures/documents/generated.ts';
import { documentOf, errorOf, expectWellFormedHints, spans } from './expectations.ts';

const savedPage = readFileSync(fixturePath('saved-repository-page.html'));
const readSavedPage = async () => documentOf(await readBytes('repository/may-2031.html', savedPage));
const readHtml = async (html: string) =>
  documentOf(await readBytes('page.htm', new TextEncoder().encode(html)));

describe('saved web pages', () => {
  it('reads a saved NSPCC-style page without its navigation and cookie banner', async () => {
    const doc = await readSavedPage();
    expect(doc.format).toBe('html');
    expect(doc.text).toContain('In May 2031 two fictional case reviews were published');
    for (const chrome of ['cookies', 'Accept all', 'Skip to main content', 'Research', 'Training', 'Home']) {
      expect(doc.text).not.toContain(chrome);
    }
  });

  it('leaves out scripts, styles, hidden text, sidebars and the page footer', async () => {
    const doc = await readSavedPage();
    for (const dropped of [
      'dataLayer',
      'tracking',
      'font-family',
      'Opens in a new window',
      'Hidden template',
    ]) {
      expect(doc.text).not.toContain(dropped);
    }
    expect(doc.text).not.toContain('Related reading');
    expect(doc.text).not.toContain('Registered charity');
  });

  it('lays out the content as blank-line separated blocks with hints pointing into the produced text', async () => {
    const doc = await readSavedPage();
    expectWellFormedHints(doc);
    expect(doc.text.startsWith('Learning Repository – May 2031\n\nIn May 2031 two fictional')).toBe(true);
    expect(spans(doc, 'heading')).toEqual(['Learning Repository – May 2031', 'Recommendations']);
    expect(doc.hints.filter((h) => h.kind === 'heading').map((h) => h.level)).toEqual([1, 2]);
  });

  it('takes the title from the first h1, else from <title>', async () => {
    expect((await readSavedPage()).title).toBe('Learning Repository – May 2031');
    const noH1 = await readHtml(
      '<title> Briefing  | Westmoor </title><body><h2>Part one</h2><p>Text.</p></body>',
    );
    expect(noH1.title).toBe('Briefing | Westmoor');
  });

  it('turns list items into marked lines and nested lists into indented ones', async () => {
    const doc = await readSavedPage();
    expect(doc.text).toContain(
      '- Check the history of every adult in the household.\n- Record the reason for every cancelled visit.\n' +
        '  - Escalate after two cancellations.',
    );
    const items = doc.hints.filter((h) => h.kind === 'list-item');
    expect(items.map((h) => [doc.text.slice(h.start, h.end), h.level])).toEqual([
      ['1. Local child safeguarding practice review: Child V', 1],
      ['- Check the history of every adult in the household.', 1],
      ['- Record the reason for every cancelled visit.', 1],
      ['- Escalate after two cancellations.', 2],
    ]);
  });

  it('numbers ordered list items from their start and value attributes', async () => {
    const doc = await readHtml('<ol start="4"><li>four</li><li>five</li><li value="9">nine</li></ol>');
    expect(doc.text).toBe('4. four\n5. five\n9. nine');
  });

  it('decodes entities and collapses whitespace inside blocks but keeps non-breaking spaces', async () => {
    const doc = await readSavedPage();
    expect(doc.text).toContain('covering neglect & domestic abuse.');
    expect(doc.text).toContain('the partner’s history was not checked;\u00a0home visits');
  });

  it('keeps <br> as a line break inside its paragraph and table rows as tab-separated lines', async () => {
    const doc = await readSavedPage();
    expect(spans(doc, 'paragraph')).toContain('Contact the business unit\non 01234 000000.');
    expect(doc.text.endsWith('Review\tYear\nChild V\t2031')).toBe(true);
  });

  it('separates paragraphs marked only by double <br>', async () => {
    const doc = await readHtml('<body><div>First part.<br><br>Second part.<br>Same paragraph.</div></body>');
    expect(spans(doc, 'paragraph')).toEqual(['First part.', 'Second part.\nSame paragraph.']);
  });

  it('reads the body, minus header, nav and footer, when the page has no main or article', async () => {
    const doc = await readHtml(
      '<body><header><a>Site name</a></header><nav>Menu</nav><h1>Annual report</h1><p>Body text.</p><footer>©</footer></body>',
    );
    expect(doc.text).toBe('Annual report\n\nBody text.');
  });

  it('keeps the header inside an article, where the article title lives', async () => {
    const doc = await readHtml(
      '<article><header><h1>Child V</h1><p>Published 2031</p></header><p>Text.</p></article>',
    );
    expect(doc.text).toBe('Child V\n\nPublished 2031\n\nText.');
  });

  it('reports a page with nothing but navigation as having no text', async () => {
    const error = errorOf(
      await readBytes('menu.html', new TextEncoder().encode('<nav><a>Home</a></nav><script>x()</script>')),
    );
    expect(error.kind).toBe('no-text');
    expect(error.message).toMatch(/^menu\.html: the page has no readable text/);
  });

  it('uses an element with role="main" as the content when there is no <main>', async () => {
    const doc = await readHtml(
      '<body><div class="menu">Menu words</div><div role="main"><p>Review text.</p></div><div>Other</div></body>',
    );
    expect(doc.text).toBe('Review text.');
  });

  it('decodes a page that declares Windows-1252 without a warning, and warns for one that does not', async () => {
    const latin = (head: string) =>
      Uint8Array.from([
        ...new TextEncoder().encode(`${head}<p>caf`),
        0xe9,
        0x20,
        0x96,
        ...new TextEncoder().encode(' notes</p>'),
      ]);
    const declared = documentOf(await readBytes('old.html', latin('<meta charset="windows-1252">')));
    expect([declared.text, declared.warnings]).toEqual(['café – notes', []]);
    const undeclared = documentOf(await readBytes('old.html', latin('')));
    expect([undeclared.text, undeclared.warnings]).toEqual([
      'café – notes',
      ['decoded as Windows-1252; save as UTF-8 to silence this'],
    ]);
  });

  it('drops a cookie banner and screen-reader text even on a page without <main>', async () => {
    const doc = await readHtml(
      '<body><div class="cookie-notice"><p>We use cookies.</p></div><h1>Minutes</h1>' +
        '<p>Agreed <span class="sr-only">(opens a new window)</span>actions.</p>' +
        '<section id="gdpr-consent"><p>Manage preferences</p></section></body>',
    );
    expect(doc.text).toBe('Minutes\n\nAgreed actions.');
  });
});
