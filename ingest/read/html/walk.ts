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
/**
 * Share buttons, related-content and "you may also like" panels, newsletter sign-ups, comments and
 * adverts, named as whole words of a class or id ("related-stories", "c-share", "social-links").
 */
const DROPPED_CLASS_WORD =
  /(?:^|[\s_-])(?:related|share|sharing|social-links|social-share|social-media|social-icons|newsletter|promo|advert|adverts|advertisement|ad-slot|comments|taboola|outbrain|recommended|more-stories|read-next|most-read|also-like)(?:$|[\s_-])/i;
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

/** Elements that start a new line outside a table cell and are run together with spaces inside one. */
const CELL_SEPARATED = new Set(['br', 'ul', 'ol', 'li', 'table', 'tr', 'tbody', 'thead', 'tfoot']);

interface WalkContext {
  insideContent: boolean;
  /** Inside a table cell, where paragraphs and lists run together so that a row stays one line. */
  inCell?: boolean;
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
  if (ctx.inCell && tag !== 'td' && tag !== 'th') {
    visitInCell(element, tag, out, ctx);
    return;
  }
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
  const cellContext = { ...ctx, inCell: true };
  for (const child of row.childNodes) {
    const tag = (child as HTMLElement).rawTagName?.toLowerCase();
    if ((tag === 'td' || tag === 'th') && cells++ > 0) out.cellBreak();
    visit(child, out, cellContext);
  }
}

/**
 * Word puts every cell's text in paragraphs; they, and any line breaks, lists or headings in a cell, are
 * separated by spaces so the row stays one line.
 */
function visitInCell(element: HTMLElement, tag: string, out: BlockCollector, ctx: WalkContext): void {
  if (tag === 'pre') {
    out.text(` ${element.text} `);
    return;
  }
  const inline = !BLOCK_TAGS.has(tag) && !CELL_SEPARATED.has(tag) && !/^h[1-6]$/.test(tag);
  if (!inline) out.text(' ');
  visitChildren(element, out, ctx);
  if (!inline) out.text(' ');
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
  const names = `${element.id} ${element.getAttribute('class') ?? ''}`;
  return DROPPED_ID_OR_CLASS.test(names) || DROPPED_CLASS_WORD.test(names);
}

function integerAttribute(element: HTMLElement, name: string): number | null {
  const value = Number.parseInt(element.getAttribute(name) ?? '', 10);
  return Number.isFinite(value) ? value : null;
}
