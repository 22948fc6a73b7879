/** RFC 4180 CSV of the theme network: one file of edges, one of nodes (themes). */
import type { LabelledNetwork } from '../graphql/network.ts';

type Cell = string | number | null;

/** Quotes when needed; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csv(header: string[], rows: Cell[][]): string {
  return [header, ...rows]
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

export function edgesCsv(network: LabelledNetwork): string {
  const label = new Map(network.nodes.map((n) => [n.id, n.label]));
  return csv(
    ['source', 'target', 'source_label', 'target_label', 'weight', 'lift'],
    network.edges.map((e) => [
      e.source,
      e.target,
      label.get(e.source) ?? e.source,
      label.get(e.target) ?? e.target,
      e.weight,
      e.lift,
    ]),
  );
}

export function themesCsv(network: LabelledNetwork): string {
  return csv(
    ['id', 'label', 'group', 'weight'],
    network.nodes.map((n) => [n.id, n.label, n.group, n.weight]),
  );
}
