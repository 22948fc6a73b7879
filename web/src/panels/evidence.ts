/** Shared pieces of the evidence panels: quotes with their source, review headers, stat lines. */
import type { Evidence, ReviewType } from '../api/types.ts';
import { anonymise, type NamedReview, pseudonymsOf, reviewCaption } from '../presentation/pseudonyms.ts';
import { h } from '../shell/dom.ts';
import type { Selection } from '../state/view-state.ts';

export interface PanelContext {
  roomSafe: boolean;
  sourceTitle(id: string): string;
  select(selection: Selection, from?: string): void;
  openGraph(ref: string): void;
}

/** A verbatim quote. The curly quotes come from CSS so the element's text is exactly the source text. */
export function quote(
  evidence: Evidence,
  ctx: PanelContext,
  child: string | null,
  label?: string,
): HTMLElement {
  const text = ctx.roomSafe ? anonymise(evidence.quote, pseudonymsOf(child)) : evidence.quote;
  return h(
    'figure',
    { class: 'quote' },
    label ? h('span', { class: 'quote-label' }, label) : null,
    h('blockquote', { 'data-testid': 'quote' }, text),
    h(
      'figcaption',
      {},
      h('span', { class: 'source-title' }, ctx.sourceTitle(evidence.sourceId)),
      h('span', { class: 'offsets' }, ` · characters ${evidence.start}–${evidence.end}`),
    ),
  );
}

export function missingQuote(): HTMLElement {
  return h('p', { class: 'quote-missing' }, 'No sentence was recorded for this link.');
}

export function reviewName(review: NamedReview, ctx: PanelContext): string {
  return reviewCaption(review, ctx.roomSafe);
}

export function reviewMeta(review: {
  reviewType: ReviewType;
  reportYear: number | null;
  partnership: string | null;
}): string {
  return [review.reviewType, review.reportYear, review.partnership]
    .filter((v) => v !== null && v !== '')
    .join(' · ');
}

export function reviewButton(
  review: NamedReview & { id: string },
  ctx: PanelContext,
  from: string,
): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'review-link',
      'data-testid': 'review-link',
      'data-case-id': review.id,
      onclick: () => ctx.select({ kind: 'case', id: review.id }, from),
    },
    reviewName(review, ctx),
  );
}

export function stat(value: string | number, label: string): HTMLElement {
  return h(
    'div',
    { class: 'stat' },
    h('span', { class: 'stat-value' }, String(value)),
    h('span', { class: 'stat-label' }, label),
  );
}

export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

export function formatLift(lift: number): string {
  return `${lift.toFixed(lift >= 10 ? 0 : 1)}×`;
}
