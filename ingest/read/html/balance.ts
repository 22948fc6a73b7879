/**
 * Rewrites a page so every element is explicitly closed and nesting stays shallow, in one linear pass.
 *
 * The HTML parser repairs unclosed elements at the end of the document by moving their children up one
 * level at a time, which is quadratic in the number of unclosed elements (100,000 unclosed <div>s take
 * minutes), and deep nesting overflows the call stack of any recursive walk. Browsers cap nesting too
 * (Chromium at 512 levels): an element opened at MAX_DEPTH closes the innermost open one first.
 */
export const MAX_DEPTH = 256;

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose content the parser takes as raw text (see the parser options in index.ts). */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'noscript', 'textarea', 'pre']);

/** Opening one of these ends an open <p>, as in a browser. */
const CLOSES_PARAGRAPH = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);

/** An opening tag ends an open sibling of these names, searching no further out than the scope tags. */
const IMPLIED_END: Readonly<Record<string, { ends: readonly string[]; scope: readonly string[] }>> = {
  li: { ends: ['li'], scope: ['ul', 'ol', 'menu', 'table'] },
  dt: { ends: ['dt', 'dd'], scope: ['dl', 'table'] },
  dd: { ends: ['dt', 'dd'], scope: ['dl', 'table'] },
  td: { ends: ['td', 'th'], scope: ['tr', 'table'] },
  th: { ends: ['td', 'th'], scope: ['tr', 'table'] },
  tr: { ends: ['tr'], scope: ['table'] },
  tbody: { ends: ['tbody', 'thead', 'tfoot'], scope: ['table'] },
  thead: { ends: ['tbody', 'thead', 'tfoot'], scope: ['table'] },
  tfoot: { ends: ['tbody', 'thead', 'tfoot'], scope: ['table'] },
  option: { ends: ['option'], scope: ['select', 'datalist'] },
};

/** Longer than this between '<' and '>' is not a tag anyone wrote, and parsing it costs its length. */
const MAX_TAG_LENGTH = 4096;
const TAG = /^<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>$/;

interface Tag {
  closing: boolean;
  name: string;
  selfClosing: boolean;
}

export function balanceTags(html: string): string {
  return new Balancer(html).run();
}

class Balancer {
  private readonly lower: string;
  private readonly out: string[] = [];
  private readonly stack: string[] = [];
  private copied = 0;
  private nextGt = -1;

  constructor(private readonly html: string) {
    // ASCII-only lower-casing keeps every index the same as in the original.
    this.lower = html.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  }

  run(): string {
    let at = 0;
    while (at < this.html.length) {
      const open = this.html.indexOf('<', at);
      if (open === -1) break;
      if (this.lower.startsWith('<!--', open)) {
        const end = this.lower.indexOf('-->', open + 4);
        if (end === -1) {
          // A browser hides everything after an unterminated comment; the parser would rescan it per '<!--'.
          this.drop(open, this.html.length);
          break;
        }
        at = end + 3;
        continue;
      }
      const close = this.tagEnd(open);
      if (close === -1) break; // an unfinished tag: the rest of the page is text to the parser too
      const tag = close - open <= MAX_TAG_LENGTH ? parseTag(this.html.slice(open, close + 1)) : null;
      at = tag ? this.handle(tag, open, close + 1) : open + 1;
    }
    this.out.push(this.html.slice(this.copied));
    for (let i = this.stack.length - 1; i >= 0; i--) this.out.push(`</${this.stack[i]}>`);
    return this.out.join('');
  }

  /**
   * The first '>' after `open`. Remembered between calls so a run of '<' without a '>' is not searched
   * again for every '<' in it.
   */
  private tagEnd(open: number): number {
    if (this.nextGt <= open) this.nextGt = this.html.indexOf('>', open + 1);
    return this.nextGt;
  }

  /** Handles the tag at [start, end); returns where scanning resumes. */
  private handle(tag: Tag, start: number, end: number): number {
    if (tag.closing) {
      this.closeTag(tag.name, start, end);
      return end;
    }
    if (VOID_ELEMENTS.has(tag.name) || tag.selfClosing) return end;
    this.closeImpliedBy(tag.name, start);
    if (RAW_TEXT_ELEMENTS.has(tag.name)) return this.skipRawText(tag.name, start, end);
    // At the cap the innermost element is closed first, so the new one becomes its sibling and still
    // starts its own block.
    if (this.stack.length >= MAX_DEPTH) this.closeFrom(this.stack.length - 1, start);
    this.stack.push(tag.name);
    return end;
  }

  private closeTag(name: string, start: number, end: number): void {
    const index = VOID_ELEMENTS.has(name) ? -1 : this.stack.lastIndexOf(name);
    if (index === -1) {
      this.drop(start, end); // nothing open to close
      return;
    }
    this.closeFrom(index + 1, start);
    this.stack.pop();
  }

  private closeImpliedBy(name: string, at: number): void {
    if (CLOSES_PARAGRAPH.has(name) && this.stack[this.stack.length - 1] === 'p') {
      this.closeFrom(this.stack.length - 1, at);
    }
    const rule = IMPLIED_END[name];
    if (!rule) return;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i] as string;
      if (rule.scope.includes(open)) return;
      if (rule.ends.includes(open)) {
        this.closeFrom(i, at);
        return;
      }
    }
  }

  /** Writes closing tags, innermost first, for every element open at stack index `from` or deeper. */
  private closeFrom(from: number, at: number): void {
    if (from >= this.stack.length) return;
    this.out.push(this.html.slice(this.copied, at));
    this.copied = at;
    while (this.stack.length > from) this.out.push(`</${this.stack.pop()}>`);
  }

  private skipRawText(name: string, start: number, from: number): number {
    const end = this.lower.indexOf(`</${name}`, from);
    if (end === -1) {
      // Browsers run an unterminated script to the end of the page; the parser would show it as text.
      if (name !== 'pre' && name !== 'textarea') this.drop(start, this.html.length);
      return this.html.length;
    }
    const close = this.html.indexOf('>', end);
    return close === -1 ? this.html.length : close + 1;
  }

  private drop(start: number, end: number): void {
    this.out.push(this.html.slice(this.copied, start));
    this.copied = end;
  }
}

function parseTag(raw: string): Tag | null {
  const match = TAG.exec(raw);
  if (!match) return null;
  const [, slash = '', name = '', selfClosing = ''] = match;
  return { closing: slash === '/', name: name.toLowerCase(), selfClosing: selfClosing === '/' };
}
