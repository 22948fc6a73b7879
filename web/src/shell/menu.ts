/** A disclosure menu: a button that shows a small panel of ordinary buttons and links. */
import { h, ICONS, icon } from './dom.ts';

export function disclosure(
  label: string,
  iconPath: string,
  id: string,
  items: Node[],
  opts: { testid?: string; align?: 'left' | 'right' } = {},
): { root: HTMLElement; close(): void } {
  const panel = h(
    'div',
    { class: `menu-panel ${opts.align === 'left' ? 'left' : ''}`, id, hidden: true },
    items,
  );
  const button = h(
    'button',
    {
      type: 'button',
      class: 'toolbar-button',
      'aria-expanded': 'false',
      'aria-controls': id,
      'data-testid': opts.testid ?? null,
      onclick: () => toggle(panel.hidden),
    },
    icon(iconPath, 18),
    h('span', { class: 'label' }, label),
    icon(ICONS.chevron, 14),
  );
  const root = h('div', { class: 'menu' }, button, panel);
  const toggle = (open: boolean) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) panel.querySelector<HTMLElement>('button, a, input, select')?.focus();
  };
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) {
      e.stopPropagation();
      toggle(false);
      button.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!panel.hidden && !root.contains(e.target as Node)) toggle(false);
  });
  panel.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('[data-closes-menu]')) toggle(false);
  });
  return { root, close: () => toggle(false) };
}

export function menuItem(
  label: string,
  onclick: () => void,
  testid?: string,
  hint?: string,
): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'menu-item', onclick, 'data-testid': testid ?? null, 'data-closes-menu': '' },
    h('span', {}, label),
    hint ? h('span', { class: 'menu-hint' }, hint) : null,
  );
}
