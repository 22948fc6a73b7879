/** What the presentation caption says about the theme in focus: pure, from what is on the map. */
import type { CaseListItem } from '../api/types.ts';
import { type MapModel, stepOrder } from '../map/map-model.ts';
import { groupName } from '../map/palette.ts';
import type { StepCaption } from './presentation.ts';
import { anonymise, pseudonymsOf, reviewCaption } from './pseudonyms.ts';

export interface StepQuote {
  themeId: string;
  text: string;
  review: string;
}

export function stepCaption(model: MapModel, themeId: string, quote: StepQuote | null): StepCaption | null {
  const node = model.nodes.find((n) => n.id === themeId);
  if (!node) return null;
  const order = stepOrder(model.nodes);
  const labels = new Map(model.nodes.map((n) => [n.id, n.label]));
  const related = model.edges
    .filter((e) => e.source === themeId || e.target === themeId)
    .sort((x, y) => y.weight - x.weight)
    .slice(0, 3)
    .map((e) => ({ label: labels.get(e.source === themeId ? e.target : e.source) ?? '', shared: e.weight }));
  return {
    label: node.label,
    group: groupName(node.group),
    colour: node.colour,
    reviews: node.weight,
    position: order.indexOf(themeId) + 1,
    total: order.length,
    related,
    quote: quote?.themeId === themeId ? { text: quote.text, review: quote.review } : null,
  };
}

/** The first quoted sentence behind the theme, named and worded room-safe when asked. */
export function stepQuote(
  themeId: string,
  cases: readonly CaseListItem[],
  roomSafe: boolean,
): StepQuote | null {
  for (const c of cases) {
    const link = c.themes.find((t) => t.theme.id === themeId);
    if (!link) continue;
    return {
      themeId,
      text: roomSafe ? anonymise(link.evidence.quote, pseudonymsOf(c.child)) : link.evidence.quote,
      review: reviewCaption(c, roomSafe),
    };
  }
  return null;
}
