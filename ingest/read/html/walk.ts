import { type HTMLElement, type Node, NodeType } from 'node-html-parser';
import type { Block } from './assemble.ts';
import { BlockCollector } from './collector.ts';

/** Never content: scripts, styles, embedded objects, navigation, sidebars and forms. */
const DROPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'nav',
  'aside',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'dialog',
]);

/** Page chrome; kept only when inside <main> or <article>, where a header holds the article's own title. */
const PAGE_CHROME_TAGS = new Set(['header', 'footer']);
const DROPPED_ROLES = new Set([
  'navigation',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
]);
const PAGE_CHROME_ROLES = new Set(['banner', 'contentinfo']);

/** Cookie and consent banners, breadcrumbs, skip links and text meant only for screen readers. */
const DROPPED_ID_OR_CLASS =
  /cookie|consent|gdpr|onetrust|cookiebot|breadcrumb|skip-?link|skip-to|sr-only|visually-?hidden|screen-?reader/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'main',
  'menu',
  'p',
  'section',
  'summary',
]);

interface WalkContext {
  insideContent: boolean;
}

/** Lays out the given elements as blocks of text (see BlockCollector for the layout rules). */
export function blocksOf(roots: readonly Node[], insideContent: boolean): Block[] {
  const collector = new BlockCollector();
  for (const root of roots) visit(root, collector, { insideContent });
  collector.flush();
  return collector.blocks;
}

function visit(node: Node, out: BlockCollector, ctx: WalkContext): void {
  if (node.nodeType === NodeType.TEXT_NODE) {
    out.text(node.text);
    return;
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return;
  const element = node as HTMLElement;
  const tag = (element.rawTagName ?? '').toLowerCase();
  if (!tag) {
    visitChildren(element, out, ctx);
    return;
  }
  if (isDropped(element, tag, ctx)) return;
  visitElement(element, tag, out, ctx);
}

function visitElement(element: HTMLElement, tag: string, out: BlockCollector, ctx: WalkContext): void {
  const headingLevel = /^h([1-6])$/.exec(tag)?.[1];
  if (headingLevel) {
    out.flush();
    visitChildren(element, out, ctx);
    out.flush('heading', Number(headingLevel));
    return;
  }
  switch (tag) {
    case 'br':
      out.lineBreak();
      return;
    case 'ul':
    case 'ol':
      out.enterList(tag === 'ol', integerAttribute(element, 'start') ?? 1);
      visitChildren(element, out, ctx);
      out.leaveList();
      return;
    case 'li':
      out.enterItem(integerAttribute(element, 'value'));
      visitChildren(element, out, ctx);
      out.leaveItem();
      return;
    case 'table':
      out.enterTable();
      visitChildren(element, out, ctx);
      out.leaveTable();
      return;
    case 'tr':
      out.flush();
      visitCells(element, out, ctx);
      out.flush();
      return;
    case 'pre':
      out.preformatted(element.text);
      return;
    default:
      visitBlockOrInline(element, tag, out, ctx);
  }
}

function visitBlockOrInline(element: HTMLElement, tag: string, out: BlockCollector, ctx: WalkContext): void {
  const childContext = tag === 'main' || tag === 'article' ? { insideContent: true } : ctx;
  if (!BLOCK_TAGS.has(tag)) {
    visitChildren(element, out, childContext);
    return;
  }
  out.flush();
  visitChildren(element, out, childContext);
  out.flush();
}

function visitCells(row: HTMLElement, out: BlockCollector, ctx: WalkContext): void {
  let cells = 0;
  for (const child of row.childNodes) {
    const tag = (child as HTMLElement).rawTagName?.toLowerCase();
    if ((tag === 'td' || tag === 'th') && cells++ > 0) out.cellBreak();
    visit(child, out, ctx);
  }
}

function visitChildren(element: HTMLElement, out: BlockCollector, ctx: WalkContext): void {
  for (const child of element.childNodes) visit(child, out, ctx);
}

function isDropped(element: HTMLElement, tag: string, ctx: WalkContext): boolean {
  if (DROPPED_TAGS.has(tag)) return true;
  if (!ctx.insideContent && PAGE_CHROME_TAGS.has(tag)) return true;
  const role = element.getAttribute('role')?.toLowerCase();
  if (role && (DROPPED_ROLES.has(role) || (!ctx.insideContent && PAGE_CHROME_ROLES.has(role)))) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  if (HIDDEN_STYLE.test(element.getAttribute('style') ?? '')) return true;
  return DROPPED_ID_OR_CLASS.test(`${element.id} ${element.getAttribute('class') ?? ''}`);
}

function integerAttribute(element: HTMLElement, name: string): number | null {
  const value = Number.parseInt(element.getAttribute(name) ?? '', 10);
  return Number.isFinite(value) ? value : null;
}
