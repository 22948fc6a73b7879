/** A theme: what it means, how often it occurs, what it travels with, and the reviews behind it, quoted. */
import type { CaseListItem, Connection, RelatedTheme, ThemeSummary } from '../api/types.ts';
import { groupName } from '../map/palette.ts';
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

export interface ThemePanelData {
  theme: ThemeSummary & { related: RelatedTheme[] };
  /** Reviews carrying the theme under the current filter (the map's node weight). */
  filteredCount: number | null;
  cases: Connection<CaseListItem>;
  filtered: boolean;
}

export function themePanel(
  data: ThemePanelData,
  ctx: PanelContext,
  loadMore: ((after: string) => void) | null,
): HTMLElement {
  const { theme } = data;
  const count = data.filteredCount ?? data.cases.totalCount;
  return h(
    'article',
    { class: 'panel-article', 'data-testid': 'theme-panel', 'data-theme-id': theme.id },
    h('p', { class: 'eyebrow' }, groupName(theme.group)),
    h('h2', { tabindex: '-1' }, theme.label),
    theme.description ? h('p', { class: 'lede' }, theme.description) : null,
    h(
      'div',
      { class: 'stats' },
      stat(count, data.filtered ? 'reviews in this selection' : 'reviews'),
      data.filtered ? stat(theme.caseCount, 'in the whole collection') : null,
      stat(theme.related.length, 'related themes shown'),
    ),
    h(
      'div',
      { class: 'panel-actions' },
      h(
        'button',
        { type: 'button', class: 'button secondary', onclick: () => ctx.openGraph(`Theme:${theme.id}`) },
        'Open in case graph',
      ),
    ),
    relatedSection(data, ctx),
    reviewsSection(data, ctx, loadMore),
  );
}

function relatedSection(data: ThemePanelData, ctx: PanelContext): HTMLElement {
  const { theme } = data;
  if (theme.related.length === 0)
    return h(
      'section',
      {},
      h('h3', {}, 'Strongest related themes'),
      h('p', { class: 'hint' }, 'No other theme shares a review with this one here.'),
    );
  const max = Math.max(...theme.related.map((r) => r.shared));
  return h(
    'section',
    { 'aria-labelledby': 'related-title' },
    h('h3', { id: 'related-title' }, 'Strongest related themes'),
    h(
      'ol',
      { class: 'related-list' },
      theme.related.map((r) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'related',
              'aria-label': `${r.theme.label}: ${plural(r.shared, 'shared review')}, lift ${formatLift(r.lift)}. Show the reviews sharing both themes.`,
              onclick: () => ctx.select({ kind: 'link', source: theme.id, target: r.theme.id }, theme.label),
            },
            h('span', { class: 'related-label' }, r.theme.label),
            h(
              'span',
              { class: 'related-bar', 'aria-hidden': 'true' },
              h('span', { style: `width:${Math.round((r.shared / max) * 100)}%` }),
            ),
            h('span', { class: 'related-figures' }, `${r.shared} · ${formatLift(r.lift)}`),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'hint' },
      'Shared reviews · lift (how much more often than chance the two occur together).',
    ),
  );
}

function reviewsSection(
  data: ThemePanelData,
  ctx: PanelContext,
  loadMore: ((after: string) => void) | null,
): HTMLElement {
  const { theme, cases } = data;
  const items = cases.edges.map(({ node }) => {
    const link = node.themes.find((t) => t.theme.id === theme.id);
    return h(
      'li',
      { class: 'review-item', 'data-testid': 'theme-review' },
      reviewButton(node, ctx, theme.label),
      h('p', { class: 'meta' }, reviewMeta(node)),
      link ? quote(link.evidence, ctx, node.child) : missingQuote(),
    );
  });
  return h(
    'section',
    { 'aria-labelledby': 'reviews-title' },
    h('h3', { id: 'reviews-title' }, `Reviews behind it (${cases.totalCount})`),
    items.length
      ? h('ol', { class: 'review-list' }, items)
      : h('p', { class: 'hint' }, 'No review in this selection carries the theme.'),
    cases.pageInfo.hasNextPage && cases.pageInfo.endCursor && loadMore
      ? h(
          'button',
          {
            type: 'button',
            class: 'button secondary more',
            onclick: () => loadMore(cases.pageInfo.endCursor!),
          },
          `Show more (${cases.totalCount - cases.edges.length} more)`,
        )
      : null,
  );
}
