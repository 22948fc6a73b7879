/** A review's card: summary, harm types, agencies, themes, learning, recommendations, sources — every claim quoted. */
import type { CaseDetail, Evidence } from '../api/types.ts';
import { AGE_BAND_LABELS, OUTCOME_LABELS, REVIEW_TYPE_LABELS } from '../filters/filter-model.ts';
import { anonymise, pseudonymsOf } from '../presentation/pseudonyms.ts';
import { h } from '../shell/dom.ts';
import { type PanelContext, quote, reviewName } from './evidence.ts';

export function reviewPanel(c: CaseDetail, ctx: PanelContext): HTMLElement {
  const names = ctx.roomSafe ? pseudonymsOf(c.child) : [];
  const clean = (text: string) => (names.length ? anonymise(text, names) : text);
  const name = reviewName(c, ctx);
  return h(
    'article',
    { class: 'panel-article', 'data-testid': 'review-panel', 'data-case-id': c.id },
    h('p', { class: 'eyebrow' }, REVIEW_TYPE_LABELS[c.reviewType], c.reportYear ? ` · ${c.reportYear}` : ''),
    h('h2', { tabindex: '-1' }, name),
    facts(c, ctx),
    c.summary ? h('p', { class: 'lede summary' }, clean(c.summary)) : null,
    h(
      'div',
      { class: 'panel-actions' },
      h(
        'button',
        { type: 'button', class: 'button secondary', onclick: () => ctx.openGraph(`CaseReview:${c.id}`) },
        'Open in case graph',
      ),
    ),
    linked(
      'Harm types',
      c.harmTypes.map((l) => ({ label: l.harmType.label, evidence: l.evidence })),
      ctx,
      c.child,
    ),
    linked(
      'Agencies involved',
      c.agencies.map((l) => ({ label: l.agency.label, evidence: l.evidence })),
      ctx,
      c.child,
    ),
    linked(
      'Themes',
      c.themes.map((l) => ({
        label: l.theme.label,
        evidence: l.evidence,
        onclick: () => ctx.select({ kind: 'theme', id: l.theme.id }, name),
      })),
      ctx,
      c.child,
    ),
    statements(
      'Learning',
      c.learning.map((l) => ({
        text: clean(l.text),
        evidence: { sourceId: l.sourceId, quote: l.text, start: l.start, end: l.end },
        tags: l.themes.map((t) => t.theme.label),
        targets: [],
      })),
      ctx,
      c.child,
    ),
    statements(
      'Recommendations',
      c.recommendations.map((r) => ({
        text: clean(r.text),
        evidence: { sourceId: r.sourceId, quote: r.text, start: r.start, end: r.end },
        tags: r.themes.map((t) => t.theme.label),
        targets: r.targets.map((t) => t.agency.label),
      })),
      ctx,
      c.child,
    ),
    h(
      'section',
      {},
      h('h3', {}, c.sources.length > 1 ? 'Source documents' : 'Source document'),
      h(
        'ul',
        { class: 'source-list' },
        c.sources.map((s) =>
          h(
            'li',
            {},
            h('strong', {}, s.title),
            h(
              'span',
              { class: 'meta' },
              [s.publisher, s.published, `${s.kind}, ${s.format.toUpperCase()}`].filter(Boolean).join(' · '),
            ),
          ),
        ),
      ),
    ),
  );
}

function facts(c: CaseDetail, ctx: PanelContext): HTMLElement {
  const rows: Array<[string, string | null]> = [
    ['Child', ctx.roomSafe ? 'hidden' : c.child],
    ['Age', c.age ?? (c.ageBand ? AGE_BAND_LABELS[c.ageBand] : null)],
    ['Gender', c.gender],
    ['Outcome', c.outcome ? OUTCOME_LABELS[c.outcome] : null],
    ['Incident', c.incidentYear ? String(c.incidentYear) : null],
    ['Partnership', c.partnership],
    ['Authors', c.authors],
  ];
  return h(
    'dl',
    { class: 'facts' },
    rows.filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v!)]),
  );
}

interface Linked {
  label: string;
  evidence: Evidence;
  onclick?: () => void;
}

function linked(title: string, items: Linked[], ctx: PanelContext, child: string | null): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    'section',
    { class: 'linked' },
    h('h3', {}, `${title} (${items.length})`),
    h(
      'ul',
      { class: 'claim-list' },
      items.map((item) =>
        h(
          'li',
          { class: 'claim' },
          item.onclick
            ? h('button', { type: 'button', class: 'chip chip-button', onclick: item.onclick }, item.label)
            : h('span', { class: 'chip' }, item.label),
          quote(item.evidence, ctx, child),
        ),
      ),
    ),
  );
}

interface Statement {
  text: string;
  evidence: Evidence;
  tags: string[];
  targets: string[];
}

function statements(
  title: string,
  items: Statement[],
  ctx: PanelContext,
  child: string | null,
): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    'section',
    { class: 'statements' },
    h('h3', {}, `${title} (${items.length})`),
    h(
      'ol',
      { class: 'statement-list' },
      items.map((s) =>
        h(
          'li',
          { class: 'statement' },
          quote(s.evidence, ctx, child),
          s.targets.length
            ? h(
                'p',
                { class: 'tags' },
                h('span', { class: 'tags-label' }, 'For: '),
                s.targets.map((t) => h('span', { class: 'chip target' }, t)),
              )
            : null,
          s.tags.length
            ? h(
                'p',
                { class: 'tags' },
                h('span', { class: 'tags-label' }, 'Themes: '),
                s.tags.map((t) => h('span', { class: 'chip' }, t)),
              )
            : null,
        ),
      ),
    ),
  );
}
