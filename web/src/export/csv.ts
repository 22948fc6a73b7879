/** CSV (RFC 4180) of what is on the map, ready for a spreadsheet or pandas.read_csv. */
import type { MapEdge, MapNode } from '../map/map-model.ts';

export type Cell = string | number | null;

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet; numbers are exempt.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const NODE_HEADER = ['id', 'label', 'group', 'reviews', 'links'] as const;
export const EDGE_HEADER = [
  'source',
  'target',
  'source_label',
  'target_label',
  'shared_reviews',
  'lift',
] as const;

export function nodesCsv(nodes: readonly MapNode[]): string {
  const sorted = [...nodes].sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
  return toCsv(
    NODE_HEADER,
    sorted.map((n) => [n.id, n.label, n.group, n.weight, n.degree]),
  );
}

export function edgesCsv(edges: readonly MapEdge[], labels: ReadonlyMap<string, string>): string {
  const sorted = [...edges].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  return toCsv(
    EDGE_HEADER,
    sorted.map((e) => [
      e.source,
      e.target,
      labels.get(e.source) ?? e.source,
      labels.get(e.target) ?? e.target,
      e.weight,
      Math.round(e.lift * 1000) / 1000,
    ]),
  );
}
