/** The theme map's Cytoscape stylesheet, for the desk and for the room. */
import type { StylesheetJson } from 'cytoscape';
import { FONT_STACK } from './cytoscape-setup.ts';

export function themeMapStyle(presentation: boolean): StylesheetJson {
  const ink = presentation ? '#000000' : '#1b2126';
  const edge = presentation ? '#3a3a3a' : '#6b7680';
  return [
    {
      selector: 'node',
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
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': 'data(labelWidth)' as unknown as string,
        'text-outline-color': '#ffffff',
        'text-outline-width': presentation ? 3 : 2.5,
        'text-outline-opacity': 1,
        // Minor (smaller) labels vanish first when zoomed out.
        'min-zoomed-font-size': presentation ? 14 : 9,
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
        'curve-style': 'haystack',
        'haystack-radius': 0,
        'overlay-opacity': 0,
      },
    },
    { selector: 'node.faded', style: { opacity: 0.22, 'text-opacity': 0 } },
    { selector: 'edge.faded', style: { opacity: 0.04 } },
    { selector: 'edge.near', style: { 'line-color': presentation ? '#000000' : '#2a3540', 'z-index': 5 } },
    {
      selector: 'node.focus',
      style: {
        'border-width': presentation ? 6 : 4,
        'border-color': '#0b0c0c',
        'z-index': 10000,
      },
    },
    {
      selector: 'edge.focus',
      style: { 'line-color': '#d4351c', opacity: 1, width: 'data(focusWidth)', 'z-index': 12 },
    },
    // Hidden by opacity, not by emptying the label: Cytoscape keeps stale label sizes when a label is swapped.
    { selector: 'node.quiet', style: { 'text-opacity': 0 } },
    {
      selector: 'node.hover',
      style: { 'border-color': '#0b0c0c', 'border-width': 3, 'text-opacity': 1, 'z-index': 10001 },
    },
    { selector: 'edge.hover', style: { 'line-color': '#0b0c0c', opacity: 0.95 } },
  ];
}
