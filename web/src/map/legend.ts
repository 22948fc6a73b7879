/** An on-screen legend: coloured shapes with names, plus notes on what size and line width mean. */
import type { LegendEntry, SceneShape } from '../export/scene.ts';
import { h, replaceChildren } from '../shell/dom.ts';

export function swatch(shape: SceneShape, fill: string, size = 14): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'swatch-svg');
  const shapes: Record<string, string> = {
    diamond: 'M10 1 19 10 10 19 1 10z',
    hexagon: 'M1 10 5.5 2h9L19 10l-4.5 8h-9z',
    triangle: 'M10 1 19 19H1z',
    tag: 'M1 3h12l6 7-6 7H1z',
    rectangle: 'M2 3h16v14H2z',
    'round-rectangle': 'M6 3h8a4 4 0 0 1 4 4v6a4 4 0 0 1-4 4H6a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4z',
  };
  const el = document.createElementNS(ns, shape === 'ellipse' ? 'circle' : 'path');
  if (shape === 'ellipse') {
    el.setAttribute('cx', '10');
    el.setAttribute('cy', '10');
    el.setAttribute('r', '9');
  } else el.setAttribute('d', shapes[shape] ?? shapes.rectangle!);
  el.setAttribute('fill', fill);
  svg.append(el);
  return svg;
}

const COLLAPSED_ENTRIES = 5;

export class Legend {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly title: HTMLElement;
  /** Long legends show their first entries until opened, so the map keeps its room. */
  private open = false;
  private last: { title: string; entries: LegendEntry[]; notes: string[] } | null = null;

  constructor(id: string) {
    this.title = h('h2', { class: 'legend-title', id: `${id}-title` });
    this.list = h('ul', { class: 'legend-list' });
    this.notes = h('div', { class: 'legend-notes' });
    this.root = h(
      'section',
      { class: 'legend', 'aria-labelledby': `${id}-title`, 'data-testid': id },
      this.title,
      this.list,
      this.notes,
    );
  }

  render(title: string, entries: LegendEntry[], notes: string[]): void {
    this.last = { title, entries, notes };
    this.title.textContent = title;
    const long = entries.length > COLLAPSED_ENTRIES + 1;
    const shown = long && !this.open ? entries.slice(0, COLLAPSED_ENTRIES) : entries;
    const more = long
      ? h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'button-link',
              'aria-expanded': String(this.open),
              onclick: () => {
                this.open = !this.open;
                if (this.last) this.render(this.last.title, this.last.entries, this.last.notes);
              },
            },
            this.open ? 'Fewer' : `All ${entries.length}`,
          ),
        )
      : null;
    replaceChildren(this.list, [
      ...shown.map((e) => h('li', {}, swatch(e.shape, e.fill), h('span', {}, e.label))),
      more,
    ]);
    replaceChildren(
      this.notes,
      notes.map((n) => h('p', {}, n)),
    );
  }
}
