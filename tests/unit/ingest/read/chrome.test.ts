import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../ingest/read/index.ts';
import { buildDocx, type DocxBlock } from '../../../fixtures/documents/docx-builder.ts';
import { documentOf, expectWellFormedHints, spans } from './expectations.ts';

const readHtml = async (html: string) => {
  const doc = documentOf(await readBytes('page.html', new TextEncoder().encode(html)));
  expectWellFormedHints(doc);
  return doc;
};

const readDocx = async (blocks: DocxBlock[], options?: Parameters<typeof buildDocx>[1]) => {
  const doc = documentOf(await readBytes('saved.docx', await buildDocx(blocks, options)));
  expectWellFormedHints(doc);
  return doc;
};

const ARTICLE =
  '<h1>Review published: Child T</h1>' +
  '<p>The Westmoor partnership today published its fictional review into the care of Child T.</p>' +
  '<p>It makes four recommendations about information sharing.</p>';
const ARTICLE_TEXT =
  'Review published: Child T\n\n' +
  'The Westmoor partnership today published its fictional review into the care of Child T.\n\n' +
  'It makes four recommendations about information sharing.';

describe('page chrome in saved web pages', () => {
  it('leaves out a "related stories" block and share buttons placed inside the article', async () => {
    const doc = await readHtml(
      `<body><main><article>${ARTICLE}` +
        '<div class="share-buttons"><a>Facebook</a> <a>Twitter</a> <a>Email</a></div>' +
        '<section><h2>Related stories</h2><ul><li><a href="/a">Council apologises after inquest</a></li>' +
        '<li><a href="/b">New safeguarding lead appointed</a></li></ul></section>' +
        '</article></main></body>',
    );
    expect(doc.text).toBe(ARTICLE_TEXT);
  });

  it('leaves out "you may also like" panels marked only by their class', async () => {
    const doc = await readHtml(
      `<body><article>${ARTICLE}<div class="c-related-content"><p>Schools inspection results</p></div>` +
        '<div class="newsletter-signup"><p>Get our weekly newsletter</p></div></article></body>',
    );
    expect(doc.text).toBe(ARTICLE_TEXT);
  });

  it('recognises menu, cookie banner, breadcrumbs and footer by their words when the markup says nothing', async () => {
    const doc = await readHtml(
      '<body><div><a href="#c">Skip to main content</a></div>' +
        '<div><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/r">Reviews</a></li></ul></div>' +
        '<div><p>This website uses cookies to improve your experience. Accept cookies</p></div>' +
        '<div><p>Home &gt; News &gt; Review published</p></div>' +
        `<div>${ARTICLE}</div>` +
        '<div><h3>You may also like</h3><p>Learning event dates announced</p><p>Annual report 2031</p></div>' +
        '<div><p>© 2031 Westmoor Council</p><p>Privacy policy | Cookies | Accessibility statement</p></div>' +
        '</body>',
    );
    expect(doc.text).toBe(ARTICLE_TEXT);
    expect(doc.title).toBe('Review published: Child T');
  });

  it('keeps a list that only looks like a menu when it is part of the content', async () => {
    const doc = await readHtml(
      `<body><main>${ARTICLE}<h2>Agencies involved</h2><ul><li>Police</li><li>Health</li><li>Housing</li></ul></main></body>`,
    );
    expect(spans(doc, 'list-item')).toEqual(['- Police', '- Health', '- Housing']);
  });

  it('keeps content that merely mentions cookies, sharing or home', async () => {
    const lines = [
      'The family shared a flat above a bakery; the mother said she would not allow the children cookies.',
      'Home/school liaison stopped when the family moved.',
      'Home > school transport was arranged by the council.',
      'Share of referrals closed without a visit: 40%',
    ];
    const doc = await readHtml(`<body><main>${lines.map((line) => `<p>${line}</p>`).join('')}</main></body>`);
    expect(doc.text).toBe(lines.join('\n\n'));
  });
});

describe('page chrome in Word documents', () => {
  it('leaves out the menu, cookie banner, related pages and footer of a web page saved as Word', async () => {
    const doc = await readDocx([
      { paragraph: 'Skip to main content' },
      { bullet: 'Home' },
      { bullet: 'About us' },
      { bullet: 'Contact' },
      { paragraph: 'We use cookies to make this site work. Accept all cookies' },
      { heading: 'Review published: Child T', level: 1 },
      {
        paragraph: 'The Westmoor partnership today published its fictional review into the care of Child T.',
      },
      { paragraph: 'It makes four recommendations about information sharing.' },
      { heading: 'Related pages', level: 3 },
      { bullet: 'Working together' },
      { bullet: 'Report a concern' },
      { paragraph: '© Westmoor partnership. All rights reserved.' },
      { paragraph: 'Privacy notice | Accessibility statement | Sitemap' },
    ]);
    expect(doc.text).toBe(ARTICLE_TEXT);
  });
});
