/** A link between two themes: the reviews carrying both, with the sentence behind each theme side by side. */
import type { CaseListItem } from '../api/types.ts';
import { h } from '../shell/dom.ts';
import {
  formatLift,
  missingQuote,
  type PanelContext,
  plural,
  quote,
  reviewButton,
  reviewMeta,
  stat,
} from './evidence.ts';

export interface LinkPanelData {
  a: { id: string; label: string };
  b: { id: string; label: string };
  shared: number | null;
  lift: number | null;
  cases: CaseListItem[];
  /** True when paging stopped before every review sharing the pair was read. */
  truncated: boolean;
}

export function linkPanel(data: LinkPanelData, ctx: PanelContext): HTMLElement {
  const { a, b } = data;
  const from = `${a.label} – ${b.label}`;
  return h(
    'article',
    { class: 'panel-article', 'data-testid': 'link-panel' },
    h('p', { class: 'eyebrow' }, 'Link between two themes'),
    h(
      'h2',
      { tabindex: '-1' },
      themeButton(a, ctx, from),
      h('span', { class: 'link-join', 'aria-label': 'and' }, ' ↔ '),
      themeButton(b, ctx, from),
    ),
    h(
      'div',
      { class: 'stats' },
      stat(data.shared ?? data.cases.length, 'shared reviews'),
      data.lift !== null ? stat(formatLift(data.lift), 'lift over chance') : null,
    ),
    h(
      'section',
      { 'aria-labelledby': 'link-reviews' },
      h('h3', { id: 'link-reviews' }, `Reviews carrying both (${plural(data.cases.length, 'review')})`),
      data.cases.length
        ? h(
            'ol',
            { class: 'review-list' },
            data.cases.map((c) => {
              const qa = c.themes.find((t) => t.theme.id === a.id);
              const qb = c.themes.find((t) => t.theme.id === b.id);
              return h(
                'li',
                { class: 'review-item', 'data-testid': 'link-review' },
                reviewButton(c, ctx, from),
                h('p', { class: 'meta' }, reviewMeta(c)),
                h(
                  'div',
                  { class: 'quote-pair' },
                  qa ? quote(qa.evidence, ctx, c.child, a.label) : missingQuote(),
                  qb ? quote(qb.evidence, ctx, c.child, b.label) : missingQuote(),
                ),
              );
            }),
          )
        : h('p', { class: 'hint' }, 'No review in this selection carries both themes.'),
      data.truncated
        ? h('p', { class: 'hint' }, 'Only the first reviews are listed; narrow the filters to see the rest.')
        : null,
    ),
  );
}

function themeButton(theme: { id: string; label: string }, ctx: PanelContext, from: string): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'title-link', onclick: () => ctx.select({ kind: 'theme', id: theme.id }, from) },
    theme.label,
  );
}
