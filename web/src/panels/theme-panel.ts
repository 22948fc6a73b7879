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
import type { RankedRelated } from './related.ts';

export interface ThemePanelData {
  theme: ThemeSummary & { related: RelatedTheme[] };
  /** The related themes to list, strongest association first (see related.ts). */
  related: RankedRelated[];
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
      stat(data.related.length, 'related themes shown'),
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
  const { theme, related } = data;
  if (related.length === 0)
    return h(
      'section',
      {},
      h('h3', {}, 'Strongest related themes'),
      h('p', { class: 'hint' }, 'No other theme shares a review with this one here.'),
    );
  const max = Math.max(...related.map((r) => Math.log(Math.max(1, r.lift))), 0.01);
  return h(
    'section',
    { 'aria-labelledby': 'related-title' },
    h('h3', { id: 'related-title' }, 'Strongest related themes'),
    h(
      'ol',
      { class: 'related-list' },
      related.map((r) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'related',
              'data-testid': 'related-theme',
              'data-lift': String(r.lift),
              'aria-label': `${r.theme.label}: lift ${formatLift(r.lift)}${r.pValue === null ? '' : `, p ${formatP(r.pValue)}`}, ${plural(r.shared, 'shared review')}. Show the reviews sharing both themes.`,
              onclick: () => ctx.select({ kind: 'link', source: theme.id, target: r.theme.id }, theme.label),
            },
            h('span', { class: 'related-label' }, r.theme.label),
            h(
              'span',
              { class: 'related-bar', 'aria-hidden': 'true' },
              h('span', {
                style: `width:${Math.round((Math.log(Math.max(1, r.lift)) / max) * 100)}%`,
              }),
            ),
            h(
              'span',
              { class: 'related-figures' },
              `${formatLift(r.lift)}${r.pValue === null ? '' : ` · p ${formatP(r.pValue)}`} · ${r.shared}`,
            ),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'hint' },
      'Lift (how many times more often than chance the two occur together) · p-value of the link when it is on the map · shared reviews. Links on the map come first.',
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

function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}
