/** The sentence under the map saying how many links are drawn and which pairs were left out, and why. */
import type { AnalyticNetwork } from '../api/network-queries.ts';
import type { LinkThresholds } from '../state/thresholds.ts';

export function omittedNote(
  network: Pick<AnalyticNetwork, 'candidateEdges' | 'omitted' | 'edges'>,
  linksShown: number,
  t: LinkThresholds,
  floor: number,
): string {
  const o = network.omitted;
  const shown = `${count(linksShown, 'link')} shown`;
  if (o.total === 0 && linksShown === network.edges.length)
    return `${shown}: every pair of themes that shares a review.`;
  const reasons: string[] = [];
  if (o.belowMinShared > 0) reasons.push(`${o.belowMinShared} shared by fewer than ${t.minShared} reviews`);
  if (o.belowMinLift > 0) reasons.push(`${o.belowMinLift} with lift under ${t.minLift}`);
  if (o.aboveMaxP > 0) reasons.push(`${o.aboveMaxP} with p above ${t.maxP}`);
  const hidden = network.edges.length - linksShown;
  if (hidden > 0) reasons.push(`${hidden} touching a theme in fewer than ${floor} reviews (room-safe)`);
  const left = o.total + Math.max(0, hidden);
  return `${shown} of ${count(network.candidateEdges, 'pair')} of themes sharing a review; ${left} left out: ${reasons.join(', ')}.`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
}
