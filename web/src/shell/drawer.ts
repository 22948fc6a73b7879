/** The drawer under the stage that lists what is on show: the map's themes or the case graph's nodes. */
import { ICONS, icon, replaceChildren } from './dom.ts';

export function renderDrawerToggle(toggle: HTMLElement, graphView: boolean, count: number): void {
  replaceChildren(
    toggle,
    icon(ICONS.list, 16),
    graphView ? `Nodes in the case graph (${count})` : `Themes on this map (${count})`,
    icon(ICONS.chevron, 14),
  );
}

export function toggleDrawer(toggle: HTMLElement, drawer: HTMLElement): void {
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  drawer.classList.toggle('collapsed', !open);
}
