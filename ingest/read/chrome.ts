import type { StructureHint } from './types.ts';

/**
 * Recognises web-page chrome that survives in a document's text: a page saved as Word or printed to PDF
 * keeps its skip link, menu, cookie banner, share buttons, "related pages" block and footer as ordinary
 * paragraphs, and they would otherwise run into the first and last entries of a review.
 */
export interface TextBlock {
  kind: StructureHint['kind'];
  /** The block's text; list items include their marker. */
  text: string;
}

const SKIP_LINK = /^(?:skip|jump) to (?:the )?(?:main |page )?(?:content|navigation|menu|search)\b/i;
const COOKIE = /\bcookies?\b/i;
const COOKIE_CHROME =
  /\b(?:(?:accept|reject|allow|block|refuse)(?: all)?(?: optional| analytics| additional)? cookies|we use (?:\w+ )?cookies|(?:site|website) uses (?:\w+ )?cookies|use of cookies|cookies on (?:this|our)|cookie (?:settings|policy|preferences|notice|consent)|manage cookies)\b/i;
/** "Home > News > …", "Home / Reviews"; not "Home/school liaison". */
const BREADCRUMB = /^(?:you are here:?\s*)?home\s*(?:[>›»]|\s[/|]\s)/i;
const LONE_CHROME =
  /^(?:back to top|top of page|print(?: this page)?|menu|main menu|search|search this site|sign in|log in|read more|show more|load more|subscribe|advertisement|share|share this(?: page| article| story| post)?|view (?:this email )?in (?:your |a web )?browser|having trouble viewing this email\??)$/i;
const NETWORKS =
  /\b(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|messenger|bluesky|threads|email|e-mail)\b/gi;
const SHARE_ROW =
  /^(?:share(?: this(?: page| article| story| post)?)?(?: on| via)?:?\s*)?(?:(?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|print|pinterest|reddit|messenger|copy link|bluesky|threads)\b[\s,|•·/]*)+$/i;
const COPYRIGHT = /©|\bcopyright\b|\ball rights reserved\b/i;
const FOOTER_LINK =
  /^(?:privacy(?: notice| policy| statement)?|cookies?(?: policy| settings)?|accessibility(?: statement)?|sitemap|site map|terms(?: and conditions| of use)?|contact us|disclaimer|follow us|freedom of information|modern slavery statement|jobs|careers)$/i;
const RELATED =
  /^(?:related(?: pages| stories| articles| content| links| news| reading| resources| topics| posts| items)?|you (?:may|might) also (?:like|be interested in)|more (?:on this story|from [\w\s]+|like this|stories|news|in this section)|read (?:more|next)|most (?:read|popular|viewed)|see also|recommended(?: for you| reading)?|popular (?:stories|articles)|trending(?: now)?|latest (?:news|stories)|other (?:news|stories))$/i;
const UNORDERED_MARKER = /^[-•◦▪‣●·*–]\s+/u;
const ANY_MARKER = /^(?:[-•◦▪‣●·*–\uf0b7]|\d{1,3}[.)]|[a-z]\))\s+/u;

/** Related-content items are headlines and link labels, not sentences of a review. */
const MAX_RELATED_ITEM_WORDS = 20;
const MAX_NAV_ITEM_WORDS = 4;
const MAX_CHROME_WORDS = 60;
/** Site name and strapline lines allowed before a menu. */
const MAX_PREAMBLE = 2;

/** Indices of the blocks that are page chrome, to be left out of the text. */
export function chromeBlocks(blocks: readonly TextBlock[]): Set<number> {
  const chrome = new Set<number>();
  blocks.forEach((block, i) => {
    if (isChromeLine(stripMarker(block.text))) chrome.add(i);
  });
  markLeadingMenu(blocks, chrome);
  markTrailingFooter(blocks, chrome);
  markRelatedSections(blocks, chrome);
  return chrome;
}

/** Chrome recognisable from its own words wherever it stands. */
export function isChromeLine(text: string): boolean {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return false;
  if (SKIP_LINK.test(line) && words(line) <= 8) return true;
  if (LONE_CHROME.test(line) || isShareRow(line)) return true;
  if (BREADCRUMB.test(line) && words(line) <= 20 && !/[.!?]$/.test(line)) return true;
  return COOKIE.test(line) && COOKIE_CHROME.test(line) && words(line) <= MAX_CHROME_WORDS;
}

function isShareRow(line: string): boolean {
  if (!SHARE_ROW.test(line)) return false;
  const networks = line.match(NETWORKS)?.length ?? 0;
  return /^share\b/i.test(line) || networks >= 2 || /^(?:facebook|twitter|linkedin|whatsapp)$/i.test(line);
}

/**
 * A site menu before the content: a bulleted run of short link labels that starts with "Home", with the
 * site name or strapline lines that come before it.
 */
function markLeadingMenu(blocks: readonly TextBlock[], chrome: Set<number>): void {
  let i = 0;
  const preamble: number[] = [];
  while (i < blocks.length) {
    const run = chrome.has(i) ? 0 : menuRun(blocks, i);
    if (run > 0) {
      for (const j of preamble) chrome.add(j);
      for (let j = i; j < i + run; j++) chrome.add(j);
      preamble.length = 0;
      i += run;
    } else if (chrome.has(i)) {
      i++;
    } else if (preamble.length < MAX_PREAMBLE && isPreamble(blocks[i] as TextBlock)) {
      preamble.push(i);
      i++;
    } else {
      return;
    }
  }
}

/** A site name or strapline: a short line that is neither a heading nor a sentence. */
function isPreamble(block: TextBlock): boolean {
  return block.kind === 'paragraph' && words(block.text) <= 6 && !/[.!?:]$/.test(block.text);
}

/** The length of the menu starting at `start`, or 0 when the blocks there are not a menu. */
function menuRun(blocks: readonly TextBlock[], start: number): number {
  let end = start;
  while (end < blocks.length && isMenuItem(blocks[end] as TextBlock)) end++;
  const first = blocks[start];
  if (end - start < 2 || !first || !/^home$/i.test(stripMarker(first.text))) return 0;
  return end - start;
}

function isMenuItem(block: TextBlock): boolean {
  if (block.kind !== 'list-item' && block.kind !== 'paragraph') return false;
  if (block.kind === 'list-item' && !UNORDERED_MARKER.test(block.text)) return false;
  const label = stripMarker(block.text);
  return words(label) <= MAX_NAV_ITEM_WORDS && !/[.,;:!?]$/.test(label);
}

/** The page footer: copyright lines and rows of footer links at the very end. */
function markTrailingFooter(blocks: readonly TextBlock[], chrome: Set<number>): void {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i] as TextBlock;
    if (!chrome.has(i) && !isFooterLine(stripMarker(block.text))) return;
    chrome.add(i);
  }
}

function isFooterLine(line: string): boolean {
  if (COPYRIGHT.test(line) && words(line) <= 30) return true;
  const parts = line.split(/\s*[|•·]\s*/).filter(Boolean);
  if (parts.length >= 2 && parts.every((part) => words(part) <= 4)) return true;
  return FOOTER_LINK.test(line);
}

/**
 * A "Related pages" / "You may also like" heading and the short link labels or headlines after it, up to
 * the next heading or the first block long enough to be content.
 */
function markRelatedSections(blocks: readonly TextBlock[], chrome: Set<number>): void {
  blocks.forEach((block, i) => {
    if (chrome.has(i) || !RELATED.test(stripMarker(block.text).replace(/:$/, ''))) return;
    if (block.kind === 'list-item') return;
    const end = relatedEnd(blocks, i + 1);
    if (end === i + 1 && i + 1 < blocks.length && !chrome.has(i + 1)) return; // a lone phrase, not a section
    for (let j = i; j < end; j++) chrome.add(j);
  });
}

function relatedEnd(blocks: readonly TextBlock[], from: number): number {
  let end = from;
  for (; end < blocks.length; end++) {
    const block = blocks[end] as TextBlock;
    if (block.kind === 'heading' || words(stripMarker(block.text)) > MAX_RELATED_ITEM_WORDS) break;
    if (block.kind === 'paragraph' && /[.!?]["”’']?$/.test(block.text) && !isFooterLine(block.text)) break;
  }
  return end;
}

function stripMarker(text: string): string {
  return text.replace(ANY_MARKER, '').trim();
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
