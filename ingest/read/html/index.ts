import { type HTMLElement, type Node, parse } from 'node-html-parser';
import { type IngestError, ingestError } from '../../errors.ts';
import { chromeBlocks } from '../chrome.ts';
import { clampTitle, firstHeading, firstLine } from '../title.ts';
import type { ContentResult, ReadContent } from '../types.ts';
import type { Block } from './assemble.ts';
import { assemble } from './assemble.ts';
import { balanceTags } from './balance.ts';
import { blocksOf } from './walk.ts';

interface ContentRoot {
  nodes: Node[];
  insideContent: boolean;
}

/**
 * Reads a page saved from a browser. The content is the page's <main> (or its <article>s) when it has one,
 * otherwise the <body>; navigation, headers, footers, sidebars, forms, scripts and cookie banners are left
 * out. The title is the first <h1> of the content, else the <title>, else the first heading or line.
 */
export function readHtml(file: string, html: string, warnings: string[]): ContentResult {
  const root = parseHtml(html);
  const blocks = firstNonEmpty(contentRoots(root));
  if (!blocks || blocks.length === 0)
    return noText(file, 'the page has no readable text once navigation, scripts and banners are removed');
  const { text, hints } = assemble(blocks);
  const pageTitle = clampTitle(root.querySelector('title')?.text ?? '');
  const title = firstHeading(text, hints, 1) ?? pageTitle ?? firstHeading(text, hints) ?? firstLine(text);
  return { ok: true, content: { text, hints, title, warnings } };
}

/** HTML produced by a converter (DOCX): a fragment with no page chrome, all of it content. */
export function readHtmlFragment(html: string, warnings: string[]): ReadContent | null {
  const blocks = withoutChrome(blocksOf([parseHtml(html)], true));
  if (blocks.length === 0) return null;
  const { text, hints } = assemble(blocks);
  const title = firstHeading(text, hints, 1) ?? firstHeading(text, hints) ?? firstLine(text);
  return { text, hints, title, warnings };
}

function parseHtml(html: string): HTMLElement {
  return parse(balanceTags(html), {
    comment: false,
    lowerCaseTagName: true,
    blockTextElements: { script: true, noscript: true, style: true, pre: true, textarea: true },
  });
}

function contentRoots(root: HTMLElement): ContentRoot[] {
  const roots: ContentRoot[] = [];
  const main = root.querySelector('main') ?? root.querySelector('[role="main"]');
  if (main) roots.push({ nodes: [main], insideContent: true });
  const articles = root.querySelectorAll('article').filter((a) => !hasAncestor(a, 'article'));
  if (articles.length > 0) roots.push({ nodes: articles, insideContent: true });
  roots.push({ nodes: [root.querySelector('body') ?? root], insideContent: false });
  return roots;
}

/** A <main> that turns out empty (content placed outside it) falls back to the next candidate. */
function firstNonEmpty(roots: ContentRoot[]): Block[] | null {
  for (const root of roots) {
    const blocks = withoutChrome(blocksOf(root.nodes, root.insideContent));
    if (blocks.length > 0) return blocks;
  }
  return null;
}

/**
 * Chrome the markup does not label (a menu or "Related pages" list in a plain <div>, a footer paragraph,
 * a Word copy of a web page) is recognised from its words.
 */
function withoutChrome(blocks: Block[]): Block[] {
  const chrome = chromeBlocks(blocks.map((block) => ({ kind: block.kind, text: block.body })));
  if (chrome.size === 0) return blocks;
  const kept = blocks.filter((_, i) => !chrome.has(i));
  const first = kept[0];
  if (first) kept[0] = { ...first, tight: false };
  return kept;
}

function hasAncestor(element: HTMLElement, tag: string): boolean {
  for (let parent = element.parentNode; parent; parent = parent.parentNode) {
    if (parent.rawTagName?.toLowerCase() === tag) return true;
  }
  return false;
}

function noText(file: string, problem: string): { ok: false; error: IngestError } {
  return {
    ok: false,
    error: ingestError(
      'no-text',
      file,
      problem,
      'check the page was saved completely ("Webpage, HTML only")',
    ),
  };
}
