/** Each kind of node in the case graph has its own shape and colour (Okabe–Ito), so neither alone carries meaning. */
import type { NodeKind } from '../api/types.ts';
import type { SceneShape } from '../export/scene.ts';

export interface KindStyle {
  label: string;
  plural: string;
  shape: SceneShape;
  colour: string;
  size: number;
}

export const KINDS: Record<NodeKind, KindStyle> = {
  CASE_REVIEW: { label: 'Review', plural: 'Reviews', shape: 'round-rectangle', colour: '#0072B2', size: 34 },
  THEME: { label: 'Theme', plural: 'Themes', shape: 'ellipse', colour: '#E69F00', size: 34 },
  HARM_TYPE: { label: 'Harm type', plural: 'Harm types', shape: 'diamond', colour: '#D55E00', size: 36 },
  AGENCY: { label: 'Agency', plural: 'Agencies', shape: 'hexagon', colour: '#009E73', size: 34 },
  RECOMMENDATION: {
    label: 'Recommendation',
    plural: 'Recommendations',
    shape: 'tag',
    colour: '#CC79A7',
    size: 28,
  },
  LEARNING: {
    label: 'Learning',
    plural: 'Learning statements',
    shape: 'triangle',
    colour: '#56B4E9',
    size: 28,
  },
  SOURCE: {
    label: 'Source document',
    plural: 'Source documents',
    shape: 'rectangle',
    colour: '#5b6770',
    size: 28,
  },
};

/** The order kinds appear in legends. */
export const KIND_ORDER: readonly NodeKind[] = [
  'CASE_REVIEW',
  'THEME',
  'HARM_TYPE',
  'AGENCY',
  'RECOMMENDATION',
  'LEARNING',
  'SOURCE',
];

/** 'Theme:information-sharing' -> 'THEME'; the label part of a NodeRef id, as a NodeKind. */
export function kindOfRef(ref: string): NodeKind | null {
  const label = ref.slice(0, ref.indexOf(':'));
  const map: Record<string, NodeKind> = {
    CaseReview: 'CASE_REVIEW',
    Theme: 'THEME',
    HarmType: 'HARM_TYPE',
    Agency: 'AGENCY',
    Recommendation: 'RECOMMENDATION',
    Learning: 'LEARNING',
    Source: 'SOURCE',
  };
  return map[label] ?? null;
}

export function keyOfRef(ref: string): string {
  return ref.slice(ref.indexOf(':') + 1);
}

/** Long statement captions are cut for the drawing; the panel shows them whole. */
export function shortCaption(caption: string, max = 38): string {
  // Source texts sometimes carry Markdown emphasis; the drawing shows words, not markup.
  const text = caption
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
