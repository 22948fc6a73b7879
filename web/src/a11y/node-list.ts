/**
 * The list view of what is on the map: one row per visible theme with its review and link counts. It is the
 * keyboard and screen-reader way into the map (Enter on a name selects the theme and opens its panel).
 */
import type { MapModel } from '../map/map-model.ts';
import { groupName } from '../map/palette.ts';
import { h, replaceChildren } from '../shell/dom.ts';

type SortKey = 'label' | 'weight' | 'degree';

export class NodeList {
  readonly root: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly caption: HTMLElement;
  private readonly headers = new Map<SortKey, HTMLElement>();
  private model: MapModel = { nodes: [], edges: [], regions: [] };
  private selected: string | null = null;
  private sort: { key: SortKey; descending: boolean } = { key: 'weight', descending: true };

  constructor(private readonly onSelect: (id: string) => void) {
    this.body = h('tbody', {});
    this.caption = h('caption', { class: 'visually-hidden' }, 'Themes on the map');
    const th = (key: SortKey, label: string, numeric: boolean) => {
      const button = h('button', { type: 'button', class: 'sort', onclick: () => this.sortBy(key) }, label);
      const cell = h('th', { scope: 'col', class: numeric ? 'num' : '', 'aria-sort': 'none' }, button);
      this.headers.set(key, cell);
      return cell;
    };
    this.root = h(
      'table',
      { class: 'node-list', 'data-testid': 'node-list' },
      this.caption,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          th('label', 'Theme', false),
          h('th', { scope: 'col' }, 'Group'),
          th('weight', 'Reviews', true),
          th('degree', 'Links', true),
        ),
      ),
      this.body,
    );
  }

  render(model: MapModel, selected: string | null): void {
    this.model = model;
    this.selected = selected;
    this.caption.textContent = `Themes on the map: ${model.nodes.length}`;
    const dir = this.sort.descending ? -1 : 1;
    const rows = [...model.nodes].sort((a, b) => {
      const key = this.sort.key;
      const primary = key === 'label' ? a.label.localeCompare(b.label) : a[key] - b[key];
      return primary * dir || a.label.localeCompare(b.label);
    });
    for (const [key, cell] of this.headers) {
      cell.setAttribute(
        'aria-sort',
        key === this.sort.key ? (this.sort.descending ? 'descending' : 'ascending') : 'none',
      );
    }
    replaceChildren(
      this.body,
      rows.map((n) =>
        h(
          'tr',
          {
            'data-testid': 'node-row',
            'data-id': n.id,
            class: n.id === selected ? 'selected' : '',
            'aria-selected': n.id === selected ? 'true' : 'false',
            onclick: (e: MouseEvent) => {
              if (!(e.target instanceof HTMLButtonElement)) this.onSelect(n.id);
            },
          },
          h(
            'th',
            { scope: 'row' },
            h('span', { class: 'swatch', style: `background:${n.colour}`, 'aria-hidden': 'true' }),
            h('button', { type: 'button', class: 'row-button', onclick: () => this.onSelect(n.id) }, n.label),
          ),
          h('td', { class: 'group' }, groupName(n.group)),
          h('td', { class: 'num' }, String(n.weight)),
          h('td', { class: 'num' }, String(n.degree)),
        ),
      ),
    );
  }

  private sortBy(key: SortKey): void {
    this.sort = { key, descending: this.sort.key === key ? !this.sort.descending : key !== 'label' };
    this.render(this.model, this.selected);
  }

  /** Brings the selected row into view when the selection came from elsewhere. */
  reveal(id: string): void {
    this.body.querySelector(`tr[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }
}
