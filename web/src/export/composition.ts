/**
 * The frame shared by the PNG and SVG exports: a title band with the filter caption, the drawing scaled to
 * fit, and a legend column. Pure geometry so both renderers place things identically.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Frame {
  width: number;
  height: number;
  header: Rect;
  drawing: Rect;
  legend: Rect;
  footerY: number;
}

export const EXPORT_WIDTH = 1920;
export const EXPORT_HEIGHT = 1080;

export function frame(width = EXPORT_WIDTH, height = EXPORT_HEIGHT): Frame {
  const margin = Math.round(width * 0.025);
  const headerHeight = Math.round(height * 0.13);
  const legendWidth = Math.round(width * 0.2);
  const footer = Math.round(height * 0.04);
  return {
    width,
    height,
    header: { x: margin, y: margin, width: width - 2 * margin, height: headerHeight },
    drawing: {
      x: margin,
      y: margin + headerHeight,
      width: width - 3 * margin - legendWidth,
      height: height - 2 * margin - headerHeight - footer,
    },
    legend: {
      x: width - margin - legendWidth,
      y: margin + headerHeight,
      width: legendWidth,
      height: height - 2 * margin - headerHeight - footer,
    },
    footerY: height - margin,
  };
}

/** Scale and offset that fit `content` (model coordinates) inside `box`, centred, never enlarged past `maxScale`. */
export function fitInside(content: Rect, box: Rect, maxScale = 4): { scale: number; dx: number; dy: number } {
  const w = Math.max(content.width, 1);
  const h = Math.max(content.height, 1);
  const scale = Math.min(box.width / w, box.height / h, maxScale);
  return {
    scale,
    dx: box.x + (box.width - w * scale) / 2 - content.x * scale,
    dy: box.y + (box.height - h * scale) / 2 - content.y * scale,
  };
}

/** Greedy word wrap to at most `maxLines` lines of `maxChars`; the last line ends with an ellipsis if cut. */
export function wrapText(text: string, maxChars: number, maxLines = 2): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (line && lines.length < maxLines) lines.push(line);
  const used = lines.join(' ').split(/\s+/).filter(Boolean).length;
  if (used < words.length && lines.length > 0) {
    const last = lines[lines.length - 1]!;
    lines[lines.length - 1] = `${last.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`;
  }
  return lines;
}
