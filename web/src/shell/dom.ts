/** A small element builder: h('button', { class: 'x', onclick }, 'Label'). Text children are always text nodes. */

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type Handler<E extends Event> = (event: E) => void;

export interface Attrs {
  [name: string]:
    | string
    | number
    | boolean
    | null
    | undefined
    | Handler<Event>
    | Handler<KeyboardEvent>
    | Handler<MouseEvent>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value as EventListener);
    } else if (name === 'class') {
      el.className = String(value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (typeof child === 'string' || typeof child === 'number')
      parent.appendChild(document.createTextNode(String(child)));
    else parent.appendChild(child as Node);
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** An inline SVG icon from a path list (24x24 viewBox), hidden from assistive technology. */
export function icon(paths: string, size = 18): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon');
  for (const d of paths.split('|')) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.appendChild(path);
  }
  return svg;
}

export const ICONS = {
  search:
    'M10.5 3a7.5 7.5 0 0 1 5.9 12.1l4.8 4.8-1.4 1.4-4.8-4.8A7.5 7.5 0 1 1 10.5 3zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z',
  close: 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z',
  present: 'M3 4h18v12H3V4zm2 2v8h14V6H5zm6 11h2v2h4v2H7v-2h4v-2z',
  download: 'M11 3h2v9.6l3.3-3.3 1.4 1.4L12 16.4 6.3 10.7l1.4-1.4 3.3 3.3V3zM4 19h16v2H4v-2z',
  share:
    'M17 3a3 3 0 1 1-2.8 4.1L9.9 9.6a3 3 0 0 1 0 4.8l4.3 2.5A3 3 0 1 1 13.2 19l-4.3-2.5a3 3 0 1 1 0-5l4.3-2.5A3 3 0 0 1 17 3z',
  upload: 'M11 20h2v-9.6l3.3 3.3 1.4-1.4L12 6.6l-5.7 5.7 1.4 1.4 3.3-3.3V20zM4 3h16v2H4V3z',
  settings:
    'M12 8.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zm0 2a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z|M10.3 2h3.4l.5 2.6 1.7.8 2.3-1.4 2.4 2.4-1.4 2.3.8 1.7 2.6.5v3.4l-2.6.5-.8 1.7 1.4 2.3-2.4 2.4-2.3-1.4-1.7.8-.5 2.6h-3.4l-.5-2.6-1.7-.8-2.3 1.4-2.4-2.4 1.4-2.3-.8-1.7L2 13.7v-3.4l2.6-.5.8-1.7-1.4-2.3 2.4-2.4 2.3 1.4 1.7-.8.5-2.6zm1.7 2-.4 2.2-2.6 1.1-1.9-1.2-.8.8 1.2 1.9-1.1 2.6L4 11.6v.8l2.4.4 1.1 2.6-1.2 1.9.8.8 1.9-1.2 2.6 1.1.4 2.4h.8l.4-2.4 2.6-1.1 1.9 1.2.8-.8-1.2-1.9 1.1-2.6 2.4-.4v-.8l-2.4-.4-1.1-2.6 1.2-1.9-.8-.8-1.9 1.2-2.6-1.1L12.4 4h-.4z',
  plus: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6V5z',
  minus: 'M5 11h14v2H5z',
  fit: 'M4 4h6v2H6v4H4V4zm10 0h6v6h-2V6h-4V4zM4 14h2v4h4v2H4v-6zm14 0h2v6h-6v-2h4v-4z',
  graph:
    'M6 3a3 3 0 0 1 1 5.8v6.4A3 3 0 1 1 5 15.2V8.8A3 3 0 0 1 6 3zm12 6a3 3 0 1 1-2.8 4.1L8.9 16l-.8-1.8 6.3-2.9A3 3 0 0 1 18 9z',
  map: 'M9 3 15 5.5 21 3v16l-6 2.5L9 19l-6 2.5v-16L9 3zm1 2.5v11.6l4 1.6V7.1l-4-1.6z',
  back: 'M10 6 4 12l6 6 1.4-1.4L7.8 13H20v-2H7.8l3.6-3.6L10 6z',
  list: 'M4 5h2v2H4V5zm4 0h12v2H8V5zM4 11h2v2H4v-2zm4 0h12v2H8v-2zm-4 6h2v2H4v-2zm4 0h12v2H8v-2z',
  chevron: 'M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6 1.4-1.4z',
  link: 'M10.6 13.4a4 4 0 0 1 0-5.7l3-3a4 4 0 1 1 5.7 5.7l-1.5 1.5-1.4-1.4 1.5-1.5a2 2 0 1 0-2.9-2.9l-3 3a2 2 0 0 0 0 2.9l-1.4 1.4zm2.8-2.8a4 4 0 0 1 0 5.7l-3 3a4 4 0 1 1-5.7-5.7l1.5-1.5 1.4 1.4-1.5 1.5a2 2 0 1 0 2.9 2.9l3-3a2 2 0 0 0 0-2.9l1.4-1.4z',
  trend: 'M3 3h2v16h16v2H3V3zm4 12 4-5 3 3 5-7 1.6 1.2-6.4 8.9-3-3-3.6 4.5L7 15z',
  compare: 'M4 5h7v2H4V5zm0 4h11v2H4V9zm0 4h5v2H4v-2zm0 4h9v2H4v-2zm13-13h2v16h-2V4z',
  retry: 'M12 4a8 8 0 0 1 7.7 6h-2.1A6 6 0 1 0 18 14h2.1A8 8 0 1 1 12 4zm5 0h4v4h-4l1.5-1.5L17 4z',
} as const;
