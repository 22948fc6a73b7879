/**
 * A standalone SVG picture of a view: title, caption (what was counted, under which filters), the view's
 * own drawing and a footer with the date and the link that reopens it. Pure: markup in, markup out.
 */
import { num, xml } from './format.ts';

export interface SheetFrame {
  title: string;
  caption: string;
  footer: string;
  width: number;
}

export interface SheetBody {
  /** Markup drawn with its origin at the top left of the body area. */
  markup: string;
  height: number;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const MARGIN = 32;

export function sheetSvg(frame: SheetFrame, body: SheetBody): { svg: string; width: number; height: number } {
  const captionLines = wrap(frame.caption, Math.floor((frame.width - 2 * MARGIN) / 7.6));
  const headerH = 40 + captionLines.length * 20 + 16;
  const height = Math.ceil(MARGIN + headerH + body.height + 40);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${height}" viewBox="0 0 ${frame.width} ${height}" font-family="${xml(FONT)}">`,
    `<title>${xml(frame.title)}</title>`,
    `<desc>${xml(frame.caption)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 24}" font-size="26" font-weight="700" fill="#0b0c0c">${xml(frame.title)}</text>`,
    ...captionLines.map(
      (line, i) =>
        `<text x="${MARGIN}" y="${MARGIN + 52 + i * 20}" font-size="14" fill="#0b0c0c">${xml(line)}</text>`,
    ),
    `<g transform="translate(${MARGIN} ${num(MARGIN + headerH)})">${body.markup}</g>`,
    `<text x="${MARGIN}" y="${height - 16}" font-size="12" fill="#4b5257">${xml(frame.footer)}</text>`,
    '</svg>',
  ];
  return { svg: out.join('\n'), width: frame.width, height };
}

/** Greedy word wrap at a character budget. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
