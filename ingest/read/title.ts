import type { StructureHint } from './types.ts';

const MAX_TITLE_LENGTH = 200;

/** The text of the first heading (of the given level, when one is asked for), or null. */
export function firstHeading(text: string, hints: readonly StructureHint[], level?: number): string | null {
  const heading = hints.find((h) => h.kind === 'heading' && (level === undefined || h.level === level));
  return heading ? clampTitle(text.slice(heading.start, heading.end)) : null;
}

/** The first line that has something on it, trimmed, or null for blank text. */
export function firstLine(text: string): string | null {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed) return clampTitle(trimmed);
  }
  return null;
}

/** Titles are shown in lists and tooltips: one line, at most about 200 characters, cut at a word. */
export function clampTitle(raw: string): string | null {
  const oneLine = raw.replace(/\s+/g, ' ').trim();
  if (!oneLine) return null;
  if (oneLine.length <= MAX_TITLE_LENGTH) return oneLine;
  const cut = oneLine.slice(0, MAX_TITLE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX_TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
