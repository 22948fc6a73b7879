/**
 * The matrix as an HTML table: a header per column, a header per row, a button per non-empty cell showing
 * its count of reviews, shaded by it, and the totals of each row and column. The cells are one stop for the
 * Tab key; the arrow keys, Home and End move between them, and Enter or Space opens one.
 */
import { h } from '../../shell/dom.ts';
import { type Axis, type CellView, type MatrixView, shadeLegend } from './rec-model.ts';

const KINDS = { themes: 'Theme', agencies: 'Agency' } as const;

export function matrixTable(
  view: MatrixView,
  total: { reviews: number; hidden: boolean },
  open: string | null,
  choose: (cell: CellView) => void,
): HTMLTableElement {
  const hide = view.hideBelow;
  const columnKind = view.rowKind === 'themes' ? 'agencies' : 'themes';
  const totalText = (a: { reviews: number; hidden: boolean }) => (a.hidden ? `<${hide}` : String(a.reviews));
  const totalLabel = (a: Axis) =>
    a.hidden ? `${a.label}: fewer than ${hide} reviews in all` : `${a.label}: ${a.reviews} reviews in all`;
  // The one cell the Tab key stops at: the open one, else the first.
  const shown = view.grid.flat();
  const stop = shown.find((c) => c !== null && c.key === open) ?? shown.find((c) => c !== null);
  const cellButton = (c: CellView, i: number, j: number) => {
    const pressed = c.key === open;
    const tabbable = c === stop;
    return h(
      'button',
      {
        type: 'button',
        class: 'rec-cell',
        'data-shade': String(c.shade),
        'data-cell': c.key,
        'data-count': c.hidden ? null : String(c.reviews),
        'data-r': String(i),
        'data-c': String(j),
        tabindex: tabbable ? '0' : '-1',
        'aria-label': c.label,
        'aria-expanded': String(pressed),
        'aria-controls': 'rec-cell-panel',
        title: c.label,
        onclick: () => choose(c),
      },
      c.text,
    );
  };
  const table = h(
    'table',
    { class: 'rec-matrix', 'data-testid': 'rec-matrix', 'data-rows': view.rowKind },
    h(
      'caption',
      { class: 'visually-hidden' },
      `Reviews whose recommendations ask each agency about each theme: ${KINDS[view.rowKind].toLowerCase()}s down the side, ${KINDS[columnKind].toLowerCase()}s across. Each cell opens its recommendations.`,
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h(
          'th',
          { scope: 'col', class: 'rec-corner' },
          `${KINDS[view.rowKind]} ↓ · ${KINDS[columnKind].toLowerCase()} →`,
        ),
        view.columns.map((c) =>
          h(
            'th',
            { scope: 'col', class: c.noneNamed ? 'rec-col none-named' : 'rec-col', title: c.label },
            h('span', {}, c.label),
          ),
        ),
        h('th', { scope: 'col', class: 'rec-col rec-total' }, h('span', {}, 'All (reviews)')),
      ),
    ),
    h(
      'tbody',
      {},
      view.rows.map((r, i) =>
        h(
          'tr',
          { 'data-row': r.id ?? '' },
          h('th', { scope: 'row', class: r.noneNamed ? 'none-named' : null }, r.label),
          view.grid[i]!.map((c, j) =>
            h('td', {}, c ? cellButton(c, i, j) : h('span', { class: 'visually-hidden' }, 'none')),
          ),
          h('td', { class: 'rec-total', 'aria-label': totalLabel(r) }, totalText(r)),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, 'All (reviews)'),
        view.columns.map((c) => h('td', { class: 'rec-total', 'aria-label': totalLabel(c) }, totalText(c))),
        h('td', { class: 'rec-total' }, totalText(total)),
      ),
    ),
  );
  table.addEventListener('keydown', (e) => move(table, e));
  table.addEventListener('focusin', (e) => {
    const target = e.target;
    if (!(target instanceof HTMLButtonElement) || !target.classList.contains('rec-cell')) return;
    for (const b of table.querySelectorAll<HTMLButtonElement>('.rec-cell[tabindex="0"]'))
      if (b !== target) b.tabIndex = -1;
    target.tabIndex = 0;
  });
  return table;
}

/** Arrow keys: the nearest cell with recommendations that way; Home and End: the first and last in the row. */
function move(table: HTMLTableElement, e: KeyboardEvent): void {
  const from = e.target;
  if (!(from instanceof HTMLButtonElement) || !from.classList.contains('rec-cell')) return;
  const r = Number(from.dataset.r);
  const c = Number(from.dataset.c);
  const cells = [...table.querySelectorAll<HTMLButtonElement>('.rec-cell')].map((b) => ({
    b,
    r: Number(b.dataset.r),
    c: Number(b.dataset.c),
  }));
  const nearest = (list: typeof cells, by: (x: (typeof cells)[number]) => number) =>
    list.sort((a, b) => by(a) - by(b))[0]?.b;
  let to: HTMLButtonElement | undefined;
  switch (e.key) {
    case 'ArrowRight':
      to = nearest(
        cells.filter((x) => x.r === r && x.c > c),
        (x) => x.c,
      );
      break;
    case 'ArrowLeft':
      to = nearest(
        cells.filter((x) => x.r === r && x.c < c),
        (x) => -x.c,
      );
      break;
    case 'ArrowDown':
      to = nearest(
        cells.filter((x) => x.r > r),
        (x) => (x.r - r) * 10_000 + Math.abs(x.c - c),
      );
      break;
    case 'ArrowUp':
      to = nearest(
        cells.filter((x) => x.r < r),
        (x) => (r - x.r) * 10_000 + Math.abs(x.c - c),
      );
      break;
    case 'Home':
      to = nearest(
        cells.filter((x) => x.r === r),
        (x) => x.c,
      );
      break;
    case 'End':
      to = nearest(
        cells.filter((x) => x.r === r),
        (x) => -x.c,
      );
      break;
    default:
      return;
  }
  e.preventDefault();
  to?.focus();
}

/** The shades and the counts each stands for, as a key under the matrix. */
export function shadeKey(view: MatrixView): HTMLElement {
  const steps = shadeLegend(view.maxReviews);
  return h(
    'div',
    { class: 'rec-key', 'data-testid': 'rec-key' },
    h('span', { class: 'rec-key-title' }, 'Reviews asking:'),
    steps.map((s) =>
      h(
        'span',
        { class: 'rec-key-step' },
        h('span', { class: 'rec-swatch', 'data-shade': String(s.shade), 'aria-hidden': 'true' }),
        s.from === s.to ? String(s.from) : `${s.from}–${s.to}`,
      ),
    ),
    view.hideBelow
      ? h(
          'span',
          { class: 'rec-key-step' },
          h('span', { class: 'rec-swatch', 'data-shade': '0', 'aria-hidden': 'true' }),
          `fewer than ${view.hideBelow} (hidden in room-safe mode)`,
        )
      : null,
  );
}
