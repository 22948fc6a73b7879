/**
 * What the trends, comparison and recommendations views share around their own content: the page section
 * with its heading and controls, the sentences their status lines end with, the footer of an exported
 * picture, and the count that browser tests wait on.
 */
import { download } from '../../shell/clipboard.ts';
import { type Child, h } from '../../shell/dom.ts';

/**
 * The hidden, focusable page section of a view (`${id}-view`, titled by `${id}-title`), whose header holds
 * the heading and the view's controls; the body follows the header.
 */
export function viewPage(id: string, title: string, controls: Child[], ...body: Child[]): HTMLElement {
  return h(
    'section',
    {
      class: 'view-page',
      id: `${id}-view`,
      tabindex: '-1',
      'aria-labelledby': `${id}-title`,
      'data-testid': `${id}-view`,
      hidden: true,
    },
    h(
      'header',
      { class: 'view-head' },
      h('h2', { id: `${id}-title` }, title),
      h('div', { class: 'view-controls' }, ...controls),
    ),
    ...body,
  );
}

/** Today as YYYY-MM-DD, for file names and footers. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Said when an export is asked for before the view has loaded. */
export const NOTHING_TO_EXPORT = 'There is nothing to export yet: the view is still loading.';

/** Saves a table as `${stem}-YYYY-MM-DD.csv`. */
export function downloadCsv(stem: string, text: string): void {
  download(`${stem}-${today()}.csv`, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}

/** The footer of an exported picture: the date and the link that reopens the view. */
export function exportFooter(): string {
  return `Exported ${today()} · ${location.href.slice(0, 160)}`;
}

/** " Room-safe: counts under N are hidden." when room-safe hides counts, else nothing. */
export function roomSafeNote(hide: number | null): string {
  return hide ? ` Room-safe: counts under ${hide} are hidden.` : '';
}

/** " N national publications are not counted." when some are left out, else nothing. */
export function nationalNote(national: number): string {
  return national
    ? ` ${national} national ${national === 1 ? 'publication is' : 'publications are'} not counted.`
    : '';
}

/** Browser tests and screenshots wait for this count to move. */
export function markDrawn(root: HTMLElement): void {
  root.dataset.version = String(Number(root.dataset.version ?? 0) + 1);
}
