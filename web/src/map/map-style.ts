/** The theme map's Cytoscape stylesheet, for the desk and for the room. */
import type { StylesheetJson } from 'cytoscape';
import { FONT_STACK } from './cytoscape-setup.ts';

/** The smallest label shown, in screen pixels: at projector size (presentation) never under 18. */
export const MIN_LABEL_PX = { desk: 10, presentation: 18 };

export function themeMapStyle(presentation: boolean): StylesheetJson {
  const ink = presentation ? '#000000' : '#1b2126';
  const edge = presentation ? '#3a3a3a' : '#6b7680';
  return [
    {
      selector: 'node.region',
      style: {
        shape: 'round-rectangle',
        'background-color': 'data(colour)',
        'background-opacity': presentation ? 0.1 : 0.07,
        'border-color': 'data(colour)',
        'border-width': presentation ? 2 : 1.5,
        'border-opacity': 0.55,
        padding: '18px',
        label: 'data(label)',
        'font-family': FONT_STACK,
        'font-size': 'data(fontSize)',
        'font-weight': 700,
        color: ink,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'text-wrap': 'wrap',
        'text-max-width': 'data(labelWidth)' as unknown as string,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'compound-sizing-wrt-labels': 'exclude',
        events: 'no',
        'overlay-opacity': 0,
        'min-zoomed-font-size': presentation ? MIN_LABEL_PX.presentation : MIN_LABEL_PX.desk,
      },
    },
    {
      selector: 'node.theme',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(colour)',
        'border-width': presentation ? 2.5 : 1.5,
        'border-color': '#ffffff',
        label: 'data(label)',
        'font-family': FONT_STACK,
        'font-size': 'data(fontSize)',
        'font-weight': presentation ? 700 : 600,
        color: ink,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': 'data(labelWidth)' as unknown as string,
        'text-outline-color': '#ffffff',
        'text-outline-width': presentation ? 3 : 2.5,
        'text-outline-opacity': 1,
        'min-zoomed-font-size': presentation ? MIN_LABEL_PX.presentation : MIN_LABEL_PX.desk,
        'overlay-opacity': 0,
        'z-index': 'data(z)' as unknown as number,
        'z-index-compare': 'manual',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': edge,
        opacity: 'data(opacity)' as unknown as number,
        // Haystack lines are the cheapest Cytoscape draws; clicks are matched to lines by the map itself.
        'curve-style': 'haystack',
        'haystack-radius': 0,
        events: 'no',
        'overlay-opacity': 0,
      },
    },
    { selector: 'node.theme.faded', style: { opacity: 0.22, 'text-opacity': 0, 'text-outline-opacity': 0 } },
    { selector: 'edge.faded', style: { opacity: 0.04 } },
    { selector: 'edge.near', style: { 'line-color': presentation ? '#000000' : '#2a3540', 'z-index': 5 } },
    {
      selector: 'node.bridge',
      style: { 'border-width': presentation ? 6 : 4.5, 'border-color': '#0b0c0c', 'border-style': 'double' },
    },
    { selector: 'node.lit', style: { 'border-width': presentation ? 5 : 3.5, 'border-color': '#d4351c' } },
    {
      selector: 'node.theme.focus',
      style: {
        'border-width': presentation ? 6 : 4,
        'border-color': '#0b0c0c',
        'border-style': 'solid',
        'z-index': 10000,
      },
    },
    {
      selector: 'edge.focus',
      style: { 'line-color': '#d4351c', opacity: 1, width: 'data(focusWidth)', 'z-index': 12 },
    },
    // Labels moved off the default place below the circle, when that is taken (see label-placement.ts).
    {
      selector: 'node.label-right',
      style: {
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 3,
        'text-margin-y': 0,
        'text-justification': 'left',
      },
    },
    {
      selector: 'node.label-left',
      style: {
        'text-valign': 'center',
        'text-halign': 'left',
        'text-margin-x': -3,
        'text-margin-y': 0,
        'text-justification': 'right',
      },
    },
    // Hidden by opacity, not by emptying the label: Cytoscape keeps stale label sizes when a label is swapped.
    { selector: 'node.quiet', style: { 'text-opacity': 0, 'text-outline-opacity': 0 } },
    {
      selector: 'node.theme.hover',
      style: { 'border-color': '#0b0c0c', 'border-width': 3, 'z-index': 10001 },
    },
    {
      selector: 'edge.hover',
      style: { 'line-color': '#d4351c', opacity: 1, width: 'data(focusWidth)', 'z-index': 20 },
    },
  ];
}
