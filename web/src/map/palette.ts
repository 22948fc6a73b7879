/**
 * Colours. The desk palette is calm and distinguishable; the presentation palette is Okabe–Ito, safe for
 * the common colour-vision deficiencies and strong on a projector. Groups get colours in sorted order, so a
 * group keeps its colour whatever the filter.
 */

export type Scheme = 'desk' | 'presentation';

export const DESK_PALETTE: readonly string[] = [
  '#1d5fa8', // blue
  '#b5501a', // burnt orange
  '#2d7a4f', // green
  '#6a4c9c', // violet
  '#a8841a', // ochre
  '#1f7f86', // teal
  '#b23a48', // raspberry
  '#5b6770', // slate
  '#8a5a2b', // umber
  '#4f7a1f', // moss
];

/** Okabe & Ito (2008), ordered so the first colours are the most distinct on white; yellow comes last. */
export const OKABE_ITO: readonly string[] = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow
];

export const UNGROUPED = 'Other themes';

export function groupColours(groups: Iterable<string | null>, scheme: Scheme): Map<string, string> {
  const palette = scheme === 'presentation' ? OKABE_ITO : DESK_PALETTE;
  const names = [...new Set([...groups].map((g) => g ?? UNGROUPED))].sort((a, b) => a.localeCompare(b));
  const colours = new Map<string, string>();
  names.forEach((name, i) => {
    colours.set(name, palette[i % palette.length]!);
  });
  return colours;
}

/** A group as people read it: "family context" -> "Family context". */
export function groupName(group: string | null): string {
  const name = group?.trim() || UNGROUPED;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function colourOf(colours: ReadonlyMap<string, string>, group: string | null): string {
  return colours.get(group ?? UNGROUPED) ?? '#5b6770';
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channel = (h: string) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on the given fill. */
export function inkOn(fill: string): '#0b0c0c' | '#ffffff' {
  return contrastRatio('#0b0c0c', fill) >= contrastRatio('#ffffff', fill) ? '#0b0c0c' : '#ffffff';
}

/**
 * Community colours: by community number (0 is the largest), so a community keeps its colour whatever the
 * filter. Black is left out of the room palette (labels are black); neighbouring numbers differ in hue.
 */
export function regionColours(ids: Iterable<number>, scheme: Scheme, none: string): Map<number, string> {
  const palette = scheme === 'presentation' ? OKABE_ITO.filter((c) => c !== '#000000') : DESK_PALETTE;
  const colours = new Map<number, string>();
  for (const id of ids) colours.set(id, id < 0 ? none : palette[id % palette.length]!);
  return colours;
}
