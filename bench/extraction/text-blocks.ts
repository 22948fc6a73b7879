/**
 * Reads a plain-text fixture as the blocks a word processor would hold: a title, headings, paragraphs and
 * bullets. The binary variants of a document are written from these blocks, so they carry the same words
 * as the text they were made from.
 */
export type TextBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; text: string };

const BULLET = /^\s*(?:[-•*]|\u2022)\s+/;
const MAX_HEADING_CHARS = 90;

export function textBlocks(text: string): TextBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: TextBlock[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (BULLET.test(line)) {
      blocks.push({ kind: 'bullet', text: line.replace(BULLET, '') });
      return;
    }
    if (blocks.length === 0) {
      blocks.push({ kind: 'title', text: line });
      return;
    }
    const standsAlone = !lines[i - 1]?.trim() || !lines[i + 1]?.trim();
    blocks.push({ kind: looksLikeHeading(line) && standsAlone ? 'heading' : 'paragraph', text: line });
  });
  return blocks;
}

/** Short, unpunctuated lines are headings in these documents; a sentence ends with a stop or a colon. */
function looksLikeHeading(line: string): boolean {
  if (line.length > MAX_HEADING_CHARS) return false;
  if (/[.;:,?!]$/.test(line) && !/^\d+(?:\.\d+)*\.?\s+\S.{0,40}[?]$/.test(line)) return false;
  if (line === '[...]') return false;
  return /^[\p{Lu}\d"“‘']/u.test(line);
}
